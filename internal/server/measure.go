package server

import (
	"github.com/vektah/gqlparser/v2/ast"
)

// saturate is where the measures of a document stop growing: a document whose fragments
// double at every level is as refused at 2⁵⁰ fields as at 2¹⁰⁰⁰.
const saturate = 1 << 50

func add(a, b int) int { return min(a+b, saturate) }

// size is what a selection set weighs once its fragments are expanded: its fields, aliases
// and argument values, and how deep its fields nest.
type size struct {
	fields, aliases, values, depth int
}

func (s *size) plus(o size) {
	s.fields = add(s.fields, o.fields)
	s.aliases = add(s.aliases, o.aliases)
	s.values = add(s.values, o.values)
	s.depth = max(s.depth, o.depth)
}

// measurer sizes the selection sets of one document. It measures each fragment once and
// reuses the result at every spread, so its work is linear in the document however many
// times fragments spread each other (gqlgen's complexity walk expands them instead).
type measurer struct {
	frags map[string]*ast.FragmentDefinition
	memo  map[string]size
	busy  map[string]bool // fragments being measured: a spread of one is a cycle, counted 0
	// cycle names a fragment that spreads itself, if any (validation refuses such a document).
	cycle string
}

func newMeasurer(doc *ast.QueryDocument) *measurer {
	m := &measurer{frags: map[string]*ast.FragmentDefinition{}, memo: map[string]size{}, busy: map[string]bool{}}
	for _, f := range doc.Fragments {
		if _, dup := m.frags[f.Name]; !dup {
			m.frags[f.Name] = f
		}
	}
	return m
}

// set measures a selection set.
func (m *measurer) set(set ast.SelectionSet) size {
	var s size
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			sub := m.set(sel.SelectionSet)
			f := size{fields: 1, depth: 1 + sub.depth}
			if sel.Alias != "" && sel.Alias != sel.Name {
				f.aliases = 1
			}
			for _, a := range sel.Arguments {
				f.values = add(f.values, countValue(a.Value))
			}
			f.fields = add(f.fields, sub.fields)
			f.aliases = add(f.aliases, sub.aliases)
			f.values = add(f.values, sub.values)
			s.plus(f)
		case *ast.InlineFragment:
			s.plus(m.set(sel.SelectionSet))
		case *ast.FragmentSpread:
			s.plus(m.fragment(sel.Name))
		}
	}
	return s
}

// fragment measures the named fragment once.
func (m *measurer) fragment(name string) size {
	if s, ok := m.memo[name]; ok {
		return s
	}
	f := m.frags[name]
	if f == nil {
		return size{}
	}
	if m.busy[name] {
		m.cycle = name
		return size{}
	}
	m.busy[name] = true
	s := m.set(f.SelectionSet)
	delete(m.busy, name)
	m.memo[name] = s
	return s
}

// countValue counts the values of a literal: a list or object counts one, plus its items.
func countValue(v *ast.Value) int {
	if v == nil {
		return 0
	}
	n := 1
	for _, c := range v.Children {
		n = add(n, countValue(c.Value))
	}
	return n
}

// countJSON counts the values of decoded JSON variables the same way, stopping once past
// limit.
func countJSON(v any, limit int) int {
	n := 1
	switch v := v.(type) {
	case []any:
		for _, c := range v {
			if n += countJSON(c, limit-n); n > limit {
				return n
			}
		}
	case map[string]any:
		for _, c := range v {
			if n += countJSON(c, limit-n); n > limit {
				return n
			}
		}
	}
	return n
}

// mergePairs counts the pairs of fields that answer at one response path: fields with one
// response key under one (merged) parent. That is the work of gqlparser's
// OverlappingFieldsCanBeMerged rule, which compares every such pair, so a document with
// thousands of `__typename` costs it millions of comparisons. The walk expands fragments,
// so call it only on a document whose expanded size is bounded and that has no fragment
// cycle; it stops past limit.
func (m *measurer) mergePairs(sets []ast.SelectionSet, limit int) int {
	type group struct {
		n    int
		subs []ast.SelectionSet
	}
	var keys []string
	groups := map[string]*group{}
	onPath := map[string]bool{}
	var collect func(set ast.SelectionSet)
	collect = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				key := sel.Alias
				if key == "" {
					key = sel.Name
				}
				g := groups[key]
				if g == nil {
					g = &group{}
					groups[key] = g
					keys = append(keys, key)
				}
				g.n++
				if len(sel.SelectionSet) > 0 {
					g.subs = append(g.subs, sel.SelectionSet)
				}
			case *ast.InlineFragment:
				collect(sel.SelectionSet)
			case *ast.FragmentSpread:
				if f := m.frags[sel.Name]; f != nil && !onPath[sel.Name] {
					onPath[sel.Name] = true
					collect(f.SelectionSet)
					delete(onPath, sel.Name)
				}
			}
		}
	}
	for _, s := range sets {
		collect(s)
	}
	pairs := 0
	for _, k := range keys {
		g := groups[k]
		pairs += g.n * (g.n - 1) / 2
		if pairs > limit {
			return pairs
		}
		if len(g.subs) > 0 {
			pairs += m.mergePairs(g.subs, limit-pairs)
		}
	}
	return pairs
}
