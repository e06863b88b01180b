package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// docGen writes random GraphQL documents over a schema, with arguments as literals or
// variables, for the hostile-client test. Every document it writes is meant to be valid
// apart from the values (which may be out of range); mutate then breaks some of them.
//
// Shapes left out on purpose, whose wrong answers belong to the Cypher compiler and are
// fixed with its refactoring (issue 13): empty lists (`search(types: [])`), two aliases of
// one response key under different parents (every alias here is unique), hand-made cursors.
type docGen struct {
	r      *rand.Rand
	s      *ast.Schema
	alias  int
	vars   []string
	values map[string]any
}

func (g *docGen) document() (string, map[string]any) {
	g.alias, g.vars, g.values = 0, nil, map[string]any{}
	root, kw := g.s.Query, "query"
	if g.r.IntN(10) == 0 && g.s.Mutation != nil {
		root, kw = g.s.Mutation, "mutation"
	}
	body := g.selection(root, 0, 1+g.r.IntN(3))
	head := kw
	if len(g.vars) > 0 {
		head += " Fuzz(" + strings.Join(g.vars, ", ") + ")"
	}
	return head + " " + body, g.values
}

var skipField = map[string]bool{"__schema": true, "__type": true}

func (g *docGen) selection(t *ast.Definition, depth, n int) string {
	if t.Kind == ast.Interface || t.Kind == ast.Union {
		possible := g.s.GetPossibleTypes(t)
		if len(possible) == 0 {
			return "{ __typename }"
		}
		p := possible[g.r.IntN(len(possible))]
		return "{ __typename ... on " + p.Name + " " + g.selection(p, depth, n) + " }"
	}
	var parts []string
	for range n {
		f := t.Fields[g.r.IntN(len(t.Fields))]
		if skipField[f.Name] || strings.HasPrefix(f.Name, "__") {
			continue
		}
		ft := g.s.Types[f.Type.Name()]
		leaf := ft.Kind == ast.Scalar || ft.Kind == ast.Enum
		if !leaf && depth >= 4 {
			continue
		}
		var b strings.Builder
		if g.r.IntN(4) == 0 {
			g.alias++
			fmt.Fprintf(&b, "a%d: ", g.alias)
		}
		b.WriteString(f.Name)
		var args []string
		for _, a := range f.Arguments {
			if a.Type.NonNull || g.r.IntN(3) == 0 {
				args = append(args, a.Name+": "+g.argument(a.Type))
			}
		}
		if len(args) > 0 {
			b.WriteString("(" + strings.Join(args, ", ") + ")")
		}
		if !leaf {
			b.WriteString(" " + g.selection(ft, depth+1, 1+g.r.IntN(3)))
		}
		parts = append(parts, b.String())
	}
	if len(parts) == 0 {
		parts = append(parts, "__typename")
	}
	return "{ " + strings.Join(parts, " ") + " }"
}

// argument is a literal, or a variable whose value goes to g.values.
func (g *docGen) argument(t *ast.Type) string {
	lit, val := g.value(t, 0)
	if g.r.IntN(4) != 0 {
		return lit
	}
	name := fmt.Sprintf("v%d", len(g.vars))
	g.vars = append(g.vars, "$"+name+": "+t.String())
	if g.r.IntN(20) == 0 { // a value of the wrong type: a coercion failure
		val = []any{"wrong", 1}
	}
	g.values[name] = val
	return "$" + name
}

var (
	ints    = []int{0, 1, 2, 3, 5, 10, 50, 100, 500, 501, -1, 2147483647}
	strs    = []string{"", "li", "unamur", "uliege", "a\"b", "%_*?~", "battery recycling", "日本語", "\\", strings.Repeat("x", 300), "OR 1=1 //", "}{"}
	ids     = []string{"unamur", "uliege", "batfactory", "nope", "", "stage-recycling-recovery", "a'b", "actor:1"}
	dates   = []string{"2024-01-31", "1999-12-31", "2024-02-30", "bogus", "2024-01-31T10:00:00Z"}
	cursors = []string{"bogus", "", "b2Zmc2V0OjA=", "b2Zmc2V0OjU="}
)

func (g *docGen) value(t *ast.Type, depth int) (string, any) {
	if t.Elem != nil {
		n := 1 + g.r.IntN(3)
		var lits []string
		var vals []any
		for range n {
			l, v := g.value(t.Elem, depth+1)
			lits, vals = append(lits, l), append(vals, v)
		}
		return "[" + strings.Join(lits, ", ") + "]", vals
	}
	def := g.s.Types[t.NamedType]
	switch def.Kind {
	case ast.Enum:
		v := def.EnumValues[g.r.IntN(len(def.EnumValues))].Name
		return v, v
	case ast.InputObject:
		var lits []string
		vals := map[string]any{}
		for _, f := range def.Fields {
			if f.Type.NonNull || (depth < 3 && g.r.IntN(4) == 0) {
				l, v := g.value(f.Type, depth+1)
				lits = append(lits, f.Name+": "+l)
				vals[f.Name] = v
			}
		}
		return "{" + strings.Join(lits, ", ") + "}", vals
	}
	var v any
	switch t.NamedType {
	case "Int":
		v = ints[g.r.IntN(len(ints))]
	case "Float":
		v = []float64{0, 1.5, -3, 1e9, 12345.678}[g.r.IntN(5)]
	case "Boolean":
		v = g.r.IntN(2) == 0
	case "ID":
		v = ids[g.r.IntN(len(ids))]
	case "Date", "DateTime":
		v = dates[g.r.IntN(len(dates))]
	default:
		if strings.Contains(strings.ToLower(t.NamedType), "cursor") {
			v = cursors[g.r.IntN(len(cursors))]
		} else {
			v = strs[g.r.IntN(len(strs))]
		}
	}
	b, _ := json.Marshal(v)
	return string(b), v
}

// mutate breaks a document the way a careless or hostile client would.
func mutate(r *rand.Rand, doc string) string {
	if len(doc) < 2 {
		return doc
	}
	i := r.IntN(len(doc))
	switch r.IntN(5) {
	case 0:
		return doc[:i]
	case 1:
		return doc[:i] + "{" + doc[i:]
	case 2:
		return doc[:i] + doc[i:] + doc[:i]
	case 3:
		return doc[:i] + "...F" + doc[i:] + " fragment F on Query { __typename }"
	default:
		return strings.ReplaceAll(doc, " ", string(rune(r.IntN(0x7f))))
	}
}
