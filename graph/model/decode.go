package model

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// Decode fills dst (a pointer) from a value as the Neo4j driver returns it: maps, lists,
// strings, int64, float64, bool and nil, nested. Struct fields are matched by their json tag.
// Rel fields keep their map as is, so each level of a nested answer is decoded once, when
// its resolver asks for it.
func Decode(src any, dst any) error {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("decode into %T: need a non-nil pointer", dst)
	}
	return decode(src, v.Elem())
}

var (
	nodeType = reflect.TypeFor[Node]()
	relType  = reflect.TypeFor[Rel]()
	fieldsOf sync.Map // reflect.Type -> []field
)

type field struct {
	name  string
	index []int
}

// structFields maps the json names of t's exported fields to the fields.
func structFields(t reflect.Type) map[string]field {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.(map[string]field)
	}
	fs := map[string]field{}
	for _, f := range reflect.VisibleFields(t) {
		if f.Anonymous || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs[name] = field{name: name, index: f.Index}
	}
	fieldsOf.Store(t, fs)
	return fs
}

func decode(src any, v reflect.Value) error {
	if src == nil {
		v.SetZero()
		return nil
	}
	t := v.Type()
	switch {
	case t == relType:
		m, ok := src.(map[string]any)
		if !ok {
			return fmt.Errorf("want a map for %s, got %T", t, src)
		}
		v.Set(reflect.ValueOf(Rel(m)))
		return nil
	case t == nodeType:
		n, err := DecodeNode(src)
		if err != nil {
			return err
		}
		if n != nil {
			v.Set(reflect.ValueOf(n))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if err := decode(src, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case reflect.String:
		s, ok := src.(string)
		if !ok {
			return fmt.Errorf("want a string for %s, got %T", t, src)
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64, reflect.Int32:
		switch n := src.(type) {
		case int64:
			v.SetInt(n)
		case float64:
			v.SetInt(int64(n))
		default:
			return fmt.Errorf("want an integer for %s, got %T", t, src)
		}
	case reflect.Float64:
		switch n := src.(type) {
		case float64:
			v.SetFloat(n)
		case int64:
			v.SetFloat(float64(n))
		default:
			return fmt.Errorf("want a number for %s, got %T", t, src)
		}
	case reflect.Bool:
		b, ok := src.(bool)
		if !ok {
			return fmt.Errorf("want a boolean for %s, got %T", t, src)
		}
		v.SetBool(b)
	case reflect.Slice:
		l, ok := src.([]any)
		if !ok {
			return fmt.Errorf("want a list for %s, got %T", t, src)
		}
		s := reflect.MakeSlice(t, len(l), len(l))
		for i, x := range l {
			if err := decode(x, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		m, ok := src.(map[string]any)
		if !ok {
			return fmt.Errorf("want a map for %s, got %T", t, src)
		}
		// The answer holds only the selected fields: walk them, not the struct's.
		fs := structFields(t)
		for k, x := range m {
			f, ok := fs[k]
			if !ok {
				continue
			}
			if err := decode(x, v.FieldByIndex(f.index)); err != nil {
				return fmt.Errorf("%s.%s: %w", t.Name(), f.name, err)
			}
		}
	default:
		return fmt.Errorf("cannot decode into %s", t)
	}
	return nil
}
