package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/batterykg/batterykg/internal/kg"
)

// Direct writing: a query's root field answered by the store is written as JSON straight
// from the driver's maps, walking the operation's selection the way gqlgen's executor
// would, instead of decoding the answer into the models and executing every field below the
// root through gqlgen (a field context, a middleware call and a marshaller per field).
// gqlgen still parses, validates, prices (complexity), coerces the root field's arguments,
// runs introspection and mutations, and handles every error: the direct writer only takes
// over the successful marshalling of a root field whose answer it can write exactly as
// gqlgen would. Whenever it meets something it does not know (a null where the schema allows
// none, a value of an unexpected Go type, a @defer), it gives up and the ordinary resolver
// runs over the same answer, so the store is asked once either way. The differential test
// (direct_test.go) checks that both give the same bytes.

// errIndirect makes the writer give up: the ordinary resolver answers instead.
var errIndirect = errors.New("not written directly")

// connections are the Relay connection types, which the store answers as model.Page does:
// totalCount, the items from offset on (one more than first), each edge's cursor computed.
var connections = map[string]bool{
	"ActorConnection": true, "ProjectConnection": true, "ParticipationConnection": true, "FundingConnection": true,
}

// relationFields lists, per object type, the fields that have a resolver (the methods of
// gqlgen's generated XxxResolver interfaces, found through ResolverRoot): the store answers
// them under `_rel` by response path (kg.Field.Key), the other fields under their name.
func relationFields(schema *ast.Schema) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	root := reflect.TypeFor[ResolverRoot]()
	for i := range root.NumMethod() {
		m := root.Method(i)
		def := schema.Types[m.Name]
		if def == nil || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Interface {
			continue
		}
		fields := map[string]bool{}
		iface := m.Type.Out(0)
		for j := range iface.NumMethod() {
			for _, f := range def.Fields {
				if strings.EqualFold(f.Name, iface.Method(j).Name) {
					fields[f.Name] = true
				}
			}
		}
		out[def.Name] = fields
	}
	return out
}

// direct installs the direct writer on query operations: it answers the root fields of
// Query itself (see fieldMiddleware).
type direct struct {
	r         *Resolver
	relations map[string]map[string]bool
	// roots are the Query fields whose resolver runs the store (query or queryNode).
	roots map[string]bool
	// written counts the root fields written directly (the differential test reads it).
	written atomic.Int64
}

func newDirect(r *Resolver, schema *ast.Schema) *direct {
	d := &direct{r: r, relations: relationFields(schema), roots: map[string]bool{}}
	qr := reflect.TypeFor[QueryResolver]()
	if q := schema.Query; q != nil {
		for _, f := range q.Fields {
			for j := range qr.NumMethod() {
				if strings.EqualFold(f.Name, qr.Method(j).Name) && len(f.Directives) == 0 {
					d.roots[f.Name] = true
				}
			}
		}
	}
	return d
}

// directSchema is the executable schema with the direct writer on.
type directSchema struct {
	graphql.ExecutableSchema
	d *direct
}

// Exec runs an operation; a query's root fields go through the direct writer.
func (s *directSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation != nil && oc.Operation.Operation == ast.Query {
		oc.ResolverMiddleware = s.d.fieldMiddleware(oc.ResolverMiddleware)
	}
	return s.ExecutableSchema.Exec(ctx)
}

// fieldMiddleware wraps gqlgen's field middleware: a root field of Query that runs the store
// is answered here, its arguments already coerced by gqlgen. The store's answer is written
// directly when the writer can; otherwise it is handed to the field's resolver (answer), which
// decodes it as usual.
func (d *direct) fieldMiddleware(next graphql.FieldMiddleware) graphql.FieldMiddleware {
	return func(ctx context.Context, resolve graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || fc.Object != "Query" || !d.roots[fc.Field.Name] || fc.Field.Definition == nil {
			return next(ctx, resolve)
		}
		f := d.r.selection(ctx)
		v, err := d.r.Store.Query(ctx, f)
		if err == nil && v != nil {
			w := writer{oc: graphql.GetOperationContext(ctx), schema: d.r.schema, relations: d.relations, ctx: ctx}
			if werr := w.value(fc.Field.Definition.Type, fc.Field.Selections, v, ""); werr == nil {
				d.written.Add(1)
				return rawJSON(w.buf.Bytes()), nil
			}
		}
		return next(context.WithValue(ctx, answerKey{}, &answer{fc: fc, v: v, err: err}), resolve)
	}
}

// rawJSON is a field's value already written as JSON.
type rawJSON []byte

// MarshalGQL writes the JSON as is.
func (j rawJSON) MarshalGQL(w io.Writer) { w.Write(j) }

// answer is the store's answer to a root field that the direct writer did not write: the
// field's resolver takes it instead of asking the store again.
type answer struct {
	fc  *graphql.FieldContext
	v   any
	err error
}

type answerKey struct{}

// query asks the store for the current root field's answer, unless the direct writer
// already did.
func (r *Resolver) query(ctx context.Context) (any, error) {
	if a, ok := ctx.Value(answerKey{}).(*answer); ok && a.fc == graphql.GetFieldContext(ctx) {
		return a.v, a.err
	}
	return r.Store.Query(ctx, r.selection(ctx))
}

// writer writes one root field's answer as gqlgen's executor would marshal it.
type writer struct {
	oc        *graphql.OperationContext
	schema    *ast.Schema
	relations map[string]map[string]bool
	ctx       context.Context
	buf       bytes.Buffer
	plans     map[planKey]*objectPlan
}

// value writes src, of GraphQL type t with the selection sel; key is its response path
// below the root field (kg.Field.Key).
func (w *writer) value(t *ast.Type, sel ast.SelectionSet, src any, key string) error {
	if src == nil {
		if t.NonNull {
			return errIndirect // gqlgen reports it (or writes a zero value): let it
		}
		w.buf.WriteString("null")
		return nil
	}
	if t.Elem != nil {
		items, ok := src.([]any)
		if !ok {
			return errIndirect
		}
		w.buf.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.value(t.Elem, sel, it, key); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	def := w.schema.Types[t.NamedType]
	if def == nil {
		return errIndirect
	}
	switch def.Kind {
	case ast.Scalar:
		return w.scalar(def.Name, src)
	case ast.Enum:
		s, ok := src.(string)
		if !ok {
			return errIndirect
		}
		w.buf.WriteString(strconv.Quote(s)) // the generated enums' MarshalGQL
		return nil
	case ast.Object:
		m, ok := src.(map[string]any)
		if !ok {
			return errIndirect
		}
		if connections[def.Name] {
			return w.connection(def, sel, m, key)
		}
		return w.object(def, sel, m, key)
	case ast.Interface, ast.Union:
		m, ok := src.(map[string]any)
		if !ok {
			return errIndirect
		}
		name, _ := m["__typename"].(string)
		concrete := w.schema.Types[name]
		if concrete == nil || concrete.Kind != ast.Object || !possible(w.schema, def, concrete) || connections[name] {
			return errIndirect
		}
		return w.object(concrete, sel, m, key)
	}
	return errIndirect
}

func possible(schema *ast.Schema, abstract, concrete *ast.Definition) bool {
	for _, p := range schema.GetPossibleTypes(abstract) {
		if p == concrete {
			return true
		}
	}
	return false
}

// scalar writes a built-in or date scalar as gqlgen's marshallers do, after the
// conversions model.Decode makes.
func (w *writer) scalar(name string, src any) error {
	switch name {
	case "String", "ID", "Date", "DateTime":
		s, ok := src.(string)
		if !ok {
			return errIndirect
		}
		w.quote(s)
	case "Int":
		var n int
		switch x := src.(type) {
		case int64:
			n = int(x)
		case float64:
			n = int(int64(x))
		default:
			return errIndirect
		}
		w.buf.WriteString(strconv.Itoa(n))
	case "Float":
		var f float64
		switch x := src.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		default:
			return errIndirect
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return errIndirect
		}
		if err := graphql.MarshalFloatContext(f).MarshalGQLContext(w.ctx, &w.buf); err != nil {
			return errIndirect
		}
	case "Boolean":
		b, ok := src.(bool)
		if !ok {
			return errIndirect
		}
		w.buf.WriteString(strconv.FormatBool(b))
	default:
		return errIndirect
	}
	return nil
}

// object writes an object of type def from the store's map m: fields with a resolver from
// m's `_rel` by response path, the others by name.
func (w *writer) object(def *ast.Definition, sel ast.SelectionSet, m map[string]any, key string) error {
	p, err := w.plan(def, sel, key)
	if err != nil {
		return err
	}
	w.buf.WriteByte('{')
	for i, f := range p.fields {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		w.quote(f.Alias)
		w.buf.WriteByte(':')
		if f.Name == "__typename" {
			w.quote(def.Name)
			continue
		}
		var v any
		if p.rel[i] {
			rel, _ := m["_rel"].(map[string]any)
			v = rel[p.keys[i]]
		} else {
			v = m[f.Name]
		}
		if err := w.value(p.defs[i].Type, f.Selections, v, p.keys[i]); err != nil {
			return err
		}
	}
	w.buf.WriteByte('}')
	return nil
}

// objectPlan is what object needs to know of a selection on a type, worked out once per
// root field for all the objects of a list: the fields as gqlgen collects them (fragments
// and @skip/@include applied, same response keys merged), their definitions, whether each is
// a relation, and their response paths.
type objectPlan struct {
	fields []graphql.CollectedField
	defs   []*ast.FieldDefinition
	rel    []bool
	keys   []string
}

type planKey struct {
	sel *ast.Selection // the selection set's first element: its identity
	n   int
	def *ast.Definition
	key string
}

func (w *writer) plan(def *ast.Definition, sel ast.SelectionSet, key string) (*objectPlan, error) {
	var pk planKey
	if len(sel) > 0 {
		pk = planKey{sel: &sel[0], n: len(sel), def: def, key: key}
		if p, ok := w.plans[pk]; ok {
			return p, nil
		}
	}
	fields := graphql.CollectFields(w.oc, sel, satisfies(def))
	p := &objectPlan{fields: fields, defs: make([]*ast.FieldDefinition, len(fields)), rel: make([]bool, len(fields)), keys: make([]string, len(fields))}
	rels := w.relations[def.Name]
	for i, f := range fields {
		if f.Deferrable != nil {
			return nil, errIndirect
		}
		if f.Name == "__typename" {
			continue
		}
		if p.defs[i] = def.Fields.ForName(f.Name); p.defs[i] == nil {
			return nil, errIndirect
		}
		p.rel[i] = rels[f.Name]
		p.keys[i] = kg.RelKey(key, f.Alias)
	}
	if len(sel) > 0 {
		if w.plans == nil {
			w.plans = map[planKey]*objectPlan{}
		}
		w.plans[pk] = p
	}
	return p, nil
}

// connection writes a Relay connection as model.Page computes it: the first `first` items
// with their cursors (positions from offset on), pageInfo from whether one more came back.
func (w *writer) connection(def *ast.Definition, sel ast.SelectionSet, m map[string]any, key string) error {
	offset, ok1 := count(m["offset"])
	first, ok2 := count(m["first"])
	items, ok3 := m["edges"].([]any)
	if !ok1 || !ok2 || (!ok3 && m["edges"] != nil) {
		return errIndirect
	}
	page := items
	if len(page) > first {
		page = page[:first]
	}
	edges := make([]any, len(page))
	for i, it := range page {
		e, ok := it.(map[string]any)
		if !ok {
			return errIndirect // model.Page's Edges would fail on a missing edge
		}
		e["cursor"] = kg.EncodeCursor(offset + i)
		edges[i] = e
	}
	info := map[string]any{"hasNextPage": len(items) > first, "hasPreviousPage": offset > 0}
	if n := min(len(items), first); n > 0 {
		info["startCursor"], info["endCursor"] = kg.EncodeCursor(offset), kg.EncodeCursor(offset+n-1)
	}
	computed := map[string]any{"totalCount": m["totalCount"], "edges": edges, "pageInfo": info}
	if _, ok := m["totalCount"]; !ok {
		computed["totalCount"] = int64(0)
	}
	return w.object(def, sel, computed, key)
}

// count reads an integer as model.Decode does (absent: 0).
func count(v any) (int, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case int64:
		return int(x), true
	case float64:
		return int(int64(x)), true
	}
	return 0, false
}

// quote writes s as a JSON string exactly as gqlgen's graphql.MarshalString does (its
// writeQuotedString: control characters as \u00XX with upper-case hex, no other escaping),
// without a closure per string.
func (w *writer) quote(s string) {
	const hex = "0123456789ABCDEF"
	w.buf.WriteByte('"')
	start := 0
	for i, c := range s {
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		w.buf.WriteString(s[start:i])
		switch c {
		case '\t':
			w.buf.WriteString(`\t`)
		case '\r':
			w.buf.WriteString(`\r`)
		case '\n':
			w.buf.WriteString(`\n`)
		case '\\':
			w.buf.WriteString(`\\`)
		case '"':
			w.buf.WriteString(`\"`)
		default:
			w.buf.WriteString(`\u00`)
			w.buf.WriteByte(hex[c>>4])
			w.buf.WriteByte(hex[c&0xf])
		}
		start = i + 1
	}
	w.buf.WriteString(s[start:])
	w.buf.WriteByte('"')
}
