package cypherc

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/batterykg/batterykg/internal/cypherlit"
	"github.com/batterykg/batterykg/internal/kg"
)

// Statement is one compiled Cypher statement and its parameters. Every root field of a
// GraphQL operation becomes exactly one: `RETURN <expression> AS data`, where the expression
// builds the whole response of the field, nested relations included, with COLLECT and COUNT
// subqueries.
type Statement struct {
	Cypher string
	Params map[string]any
}

// Limits bounds what a compiled statement may return.
type Limits struct {
	DefaultPage int // page size when `first` is not given
	MaxPage     int // largest `first` accepted; also caps every plain list
	MaxFilter   int // deepest AND/OR nesting accepted in a filter
}

// DefaultLimits are the limits when none are configured.
var DefaultLimits = Limits{DefaultPage: kg.DefaultPage, MaxPage: kg.MaxPage, MaxFilter: kg.MaxFilterDepth}

// compiler builds one statement. Values only ever enter the Cypher text as parameters;
// labels, relationship types, property names and sort keys come from the tables below.
type compiler struct {
	lim    Limits
	params map[string]any
	vars   int
}

func newCompiler(lim Limits) *compiler {
	return &compiler{lim: lim.Or(DefaultLimits), params: map[string]any{}}
}

// Or returns l with every limit that is not set (zero or less) taken from def.
func (l Limits) Or(def Limits) Limits {
	if l.DefaultPage <= 0 {
		l.DefaultPage = def.DefaultPage
	}
	if l.MaxPage <= 0 {
		l.MaxPage = def.MaxPage
	}
	if l.MaxFilter <= 0 {
		l.MaxFilter = def.MaxFilter
	}
	return l
}

// param stores a value and returns its placeholder.
func (c *compiler) param(v any) string {
	name := "p" + strconv.Itoa(len(c.params))
	c.params[name] = v
	return "$" + name
}

// newVar returns a fresh Cypher variable name.
func (c *compiler) newVar(prefix string) string {
	c.vars++
	return prefix + strconv.Itoa(c.vars)
}

// vars names the Cypher variables an object type projects from: "n" for a node type; the
// relationship and its endpoints for an edge type.
type vars map[string]string

// objType says how to project one GraphQL object type.
type objType struct {
	name string
	// label is the Neo4j label of a node type ("" for edge and value types).
	label string
	// plain lists fields read as is from the property of the same name of vars["n"].
	plain []string
	// expr lists fields computed by an expression over the vars.
	expr map[string]func(v vars) string
	// embed lists object-typed fields held in a struct field of the model: they are
	// projected under their field name, sub-selections of repeated occurrences merged.
	embed map[string]relation
	// rels lists fields with resolvers: they are projected under `_rel`, by response path (kg.Field.Key).
	rels map[string]relation
	// computed lists fields the Go model computes itself (cursors).
	computed []string
}

// relation compiles a field that leads to other objects.
type relation func(c *compiler, v vars, f kg.Field) (string, error)

// project returns a Cypher map literal with the selected fields of t (see objects): plain
// and computed fields under their name, fields with resolvers under `_rel` by response path (kg.Field.Key).
func (c *compiler) project(t *objType, v vars, fields []kg.Field, typename bool) (string, error) {
	return (&objects{c: c, fields: fields, t: t, v: v, typename: typename}).build()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// objects builds the map literal of an object from the fields selected on it; it is the one
// map-projection builder (project uses it for the object types of types.go, the
// relationship queries and aggregates for their value types). Only selected keys are
// projected, in the order of the selection, each expression built when the literal is, so
// the parameters are numbered the same way every time. A key selected more than once is
// projected once under its name, the sub-selections merged (aliases of such a field share its
// value); a field with a resolver (byAlias) is projected under `_rel`, once per response path (kg.Field.Key), so the
// same field with different arguments keeps both answers apart. Keeping unselected parts
// out of the statement keeps Neo4j's planning time down.
type objects struct {
	c      *compiler
	fields []kg.Field
	// t, when set, is the object type whose tables (types.go) map the fields, over the
	// variables v; otherwise the builders added with custom do, by name.
	t        *objType
	v        vars
	builders map[string]keyBuilder
	// typename adds __typename (t's name).
	typename bool
}

// keyBuilder builds the expression of a selected field (sub-selections merged).
type keyBuilder func(f kg.Field) (string, error)

// keyKind says where a selected field goes in the map.
type keyKind int

const (
	byName      keyKind = iota // under its name, once
	byAlias                    // under `_rel`, by response path
	computedKey                // nowhere: the Go model computes it (cursors)
	unmapped                   // an error: the compiler has no mapping for it
)

// kind says where the field name goes.
func (o *objects) kind(name string) keyKind {
	t := o.t
	switch {
	case t == nil && o.builders[name] != nil:
		return byName
	case t == nil:
		return unmapped
	case contains(t.computed, name):
		return computedKey
	case contains(t.plain, name) || t.expr[name] != nil || t.embed[name] != nil:
		return byName
	case t.rels[name] != nil:
		return byAlias
	}
	return unmapped
}

// expr builds the expression of the selected field f (sub-selections merged when by name).
func (o *objects) expr(f kg.Field) (string, error) {
	t, v := o.t, o.v
	switch {
	case t == nil:
		return o.builders[f.Name](f)
	case contains(t.plain, f.Name):
		return v["n"] + "." + cypherlit.Quoted(f.Name), nil
	case t.expr[f.Name] != nil:
		return t.expr[f.Name](v), nil
	case t.embed[f.Name] != nil:
		return t.embed[f.Name](o.c, v, f)
	}
	return t.rels[f.Name](o.c, v, f)
}

func (c *compiler) obj(fields []kg.Field) *objects {
	return &objects{c: c, fields: fields, builders: map[string]keyBuilder{}}
}

// custom adds the field key, when selected, with an expression built from its sub-selection.
func (o *objects) custom(key string, build func(sub []kg.Field) (string, error)) *objects {
	o.builders[key] = func(f kg.Field) (string, error) { return build(f.Fields) }
	return o
}

// lazy adds the field key, when selected, with an expression built when the literal is.
func (o *objects) lazy(key string, build func() string) *objects {
	return o.custom(key, func([]kg.Field) (string, error) { return build(), nil })
}

// plain adds the field key, when selected, with an expression.
func (o *objects) plain(key, expr string) *objects {
	return o.custom(key, func([]kg.Field) (string, error) { return expr, nil })
}

// node adds the field key, when selected, projecting the node in variable n as the
// compiler's type typ.
func (o *objects) node(key, typ, n string) *objects {
	return o.custom(key, func(sub []kg.Field) (string, error) {
		return o.c.project(types[typ], vars{"n": n}, sub, false)
	})
}

// list adds the field key, when selected, as COLLECT { body }, where body binds n and has
// one %s where the projection of n as typ goes.
func (o *objects) list(key, typ, n, body string) *objects {
	return o.custom(key, func(sub []kg.Field) (string, error) {
		proj, err := o.c.project(types[typ], vars{"n": n}, sub, false)
		return "COLLECT { " + fmt.Sprintf(body, proj) + " }", err
	})
}

// build returns the map literal.
func (o *objects) build() (string, error) {
	var parts, rels []string
	if o.typename {
		parts = append(parts, cypherlit.Quoted("__typename")+": '"+o.t.name+"'")
	}
	for i, f := range o.fields {
		if f.Name == "__typename" {
			continue
		}
		switch o.kind(f.Name) {
		case computedKey:
			continue
		case unmapped:
			if o.t != nil {
				return "", kg.Errorf(kg.EINTERNAL, "field %s.%s has no Cypher mapping", o.t.name, f.Name)
			}
			return "", kg.Errorf(kg.EINTERNAL, "field %s has no Cypher mapping", f.Name)
		case byAlias:
			key := f.RelKeyOf()
			if hasKey(o.fields[:i], key) {
				continue // projected once, with the merged sub-selections
			}
			merged := f
			for _, g := range o.fields[i+1:] {
				if g.RelKeyOf() == key {
					merged.Fields = append(slices.Clip(merged.Fields), g.Fields...)
				}
			}
			e, err := o.expr(merged)
			if err != nil {
				return "", err
			}
			rels = append(rels, cypherlit.Quoted(key)+": "+e)
			continue
		}
		if kg.Has(o.fields[:i], f.Name) {
			continue // projected once, with the merged sub-selections
		}
		merged := f
		if kg.Has(o.fields[i+1:], f.Name) {
			merged.Fields, _ = subFields(o.fields[i:], f.Name)
			if f.ByType != nil {
				merged.ByType = kg.Field{Fields: o.fields[i:]}.ByTypeOf(f.Name)
			}
		}
		e, err := o.expr(merged)
		if err != nil {
			return "", err
		}
		parts = append(parts, cypherlit.Quoted(f.Name)+": "+e)
	}
	if len(rels) > 0 {
		parts = append(parts, "_rel: {"+strings.Join(rels, ", ")+"}")
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

// hasKey reports whether a field of the selection has the relation key (kg.Field.Key).
func hasKey(fields []kg.Field, key string) bool {
	for _, f := range fields {
		if f.RelKeyOf() == key {
			return true
		}
	}
	return false
}

// pattern is a MATCH pattern from a known node to the nodes a list field returns. In the
// text, {from} is the known node and {to} the target.
type pattern struct {
	text   string
	target string // GraphQL type of {to}
	order  string // ORDER BY over {to}
}

func (p pattern) expand(from, to string) string {
	return strings.NewReplacer("{from}", from, "{to}", to).Replace(p.text)
}

// list compiles a field that returns a bounded list of nodes reached by a pattern.
func list(p pattern, where func(c *compiler, to string, f kg.Field) ([]string, error)) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		to := c.newVar("n")
		conds := []string{}
		if where != nil {
			w, err := where(c, to, f)
			if err != nil {
				return "", err
			}
			conds = w
		}
		proj, err := c.project(types[p.target], vars{"n": to}, f.Fields, false)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("COLLECT { MATCH %s%s WITH DISTINCT %s ORDER BY %s LIMIT %d RETURN %s }",
			p.expand(v["n"], to), whereClause(conds), to, p.orderBy(to), c.lim.MaxPage, proj), nil
	}
}

// single compiles a field that returns at most one node.
func single(p pattern) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		to := c.newVar("n")
		proj, err := c.project(types[p.target], vars{"n": to}, f.Fields, false)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("head(COLLECT { MATCH %s WITH DISTINCT %s ORDER BY %s LIMIT 1 RETURN %s })",
			p.expand(v["n"], to), to, p.orderBy(to), proj), nil
	}
}

// orderBy returns the ORDER BY expressions of the pattern's target, id last to break ties.
// Lists are DISTINCT over the target, so the order may only use the target.
func (p pattern) orderBy(to string) string {
	if p.order == "" {
		return to + ".id"
	}
	return strings.ReplaceAll(p.order, "{to}", to) + ", " + to + ".id"
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// page reads `first` and `after` and returns the offset and page size.
func (c *compiler) page(args map[string]any) (offset, first int, err error) {
	first = c.lim.DefaultPage
	if v, ok := args["first"]; ok && v != nil {
		n, ok := toInt(v)
		if !ok || n < 0 || n > c.lim.MaxPage {
			return 0, 0, kg.Errorf(kg.EINVALID, "first must be between 0 and %d", c.lim.MaxPage)
		}
		first = n
	}
	if v, ok := args["after"]; ok && v != nil {
		s, _ := v.(string)
		pos, err := kg.DecodeCursor(s)
		if err != nil {
			return 0, 0, err
		}
		offset = pos + 1
	}
	return offset, first, nil
}

// connSpec describes a Relay connection: the rows it pages over and how to project an edge.
type connSpec struct {
	// match returns the MATCH pattern and conditions of the rows, binding the given vars.
	match func(c *compiler, from string, x vars, f kg.Field) (string, []string, error)
	// edge is the edge type, projected from x.
	edge string
	// order returns the ORDER BY expressions (without the id tie-breaker).
	order func(c *compiler, x vars, f kg.Field) ([]string, error)
	// vars lists the variable roles the rows bind, in the WITH that carries them.
	vars []string
	// tie is the role whose id breaks ordering ties.
	tie string
	// parent is the role the parent object plays (its variable is reused, not matched anew);
	// "" at the root.
	parent string
	// indexed says that an index serves the order by name (kg.NameKey): the page walks it
	// in order and stops after the page, instead of sorting every row.
	indexed bool
	// stored, when set, returns the Cypher of a count stored in the graph that equals the
	// rows' count, for the field's arguments, or false.
	stored func(c *compiler, f kg.Field) (string, bool)
}

// farEnd is the variable role under which an edge type finds the node the connection leads
// to (the tie role), its Relay `node`.
const farEnd = "far"

// connection compiles a Relay connection field.
func connection(s connSpec) relation {
	return func(c *compiler, v vars, f kg.Field) (string, error) {
		x := vars{}
		var with []string
		for _, role := range s.vars {
			if role == s.parent {
				x[role] = v["n"]
			} else {
				x[role] = c.newVar(role[:1])
			}
			with = append(with, x[role])
		}
		x[farEnd] = x[s.tie]
		offset, first, err := c.page(f.Args)
		if err != nil {
			return "", err
		}
		match, conds, err := s.match(c, v["n"], x, f)
		if err != nil {
			return "", err
		}
		var parts []string
		if kg.Has(f.Fields, "totalCount") {
			count := fmt.Sprintf("COUNT { MATCH %s%s }", match, whereClause(conds))
			if s.stored != nil {
				if stored, ok := s.stored(c, f); ok {
					// the rows are counted only when the stored count is missing (coalesce
					// evaluates its arguments in turn)
					count = "coalesce(" + stored + ", " + count + ")"
				}
			}
			parts = append(parts, "totalCount: "+count)
		}
		parts = append(parts, "offset: "+c.param(offset), "first: "+c.param(first))
		if kg.Has(f.Fields, "edges") || kg.Has(f.Fields, "pageInfo") {
			var edgeFields []kg.Field
			for _, g := range f.Fields {
				if g.Name == "edges" {
					edgeFields = append(edgeFields, g.Fields...)
				}
			}
			proj, err := c.project(types[s.edge], x, edgeFields, false)
			if err != nil {
				return "", err
			}
			order, err := s.order(c, x, f)
			if err != nil {
				return "", err
			}
			edgeConds := conds
			if key := x[s.tie] + "." + kg.NameKey; s.indexed && (order[0] == key || order[0] == key+" ASC" || order[0] == key+" DESC") {
				// Neo4j walks a range index in order only under a predicate on its property;
				// every node of the list has a key (namekey.go), so it filters nothing.
				edgeConds = append(slices.Clip(conds), key+" IS NOT NULL")
			}
			order = append(order, x[s.tie]+".id")
			parts = append(parts, fmt.Sprintf("edges: COLLECT { MATCH %s%s WITH %s ORDER BY %s SKIP %s LIMIT %s RETURN %s }",
				match, whereClause(edgeConds), strings.Join(with, ", "), strings.Join(order, ", "),
				c.param(offset), c.param(first+1), proj))
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	}
}

// toInt reads an integer argument in any of the forms variables and literals arrive in.
func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		if n > math.MaxInt32 || n < math.MinInt32 {
			return 0, false
		}
		return int(n), true
	case float64:
		if n != math.Trunc(n) || n > math.MaxInt32 || n < math.MinInt32 {
			return 0, false
		}
		return int(n), true
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		if err != nil {
			return 0, false
		}
		return toInt(i)
	}
	return 0, false
}

// toFloat reads a number argument.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	case interface{ Float64() (float64, error) }:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// stringList reads a list of strings (enum values, ids) from an argument.
func stringList(v any) ([]string, bool) {
	switch l := v.(type) {
	case nil:
		return nil, true
	case string:
		return []string{l}, true
	case []string:
		return l, true
	case []any:
		out := make([]string, 0, len(l))
		for _, x := range l {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// enumList reads a list argument whose values must be keys of allowed and returns the
// mapped values, sorted so that statements are stable, each once.
func enumList(arg string, v any, allowed map[string]string) ([]string, error) {
	l, ok := stringList(v)
	if !ok {
		return nil, kg.Errorf(kg.EINVALID, "%s must be a list of names", arg)
	}
	if len(l) > kg.MaxListArg {
		return nil, kg.Errorf(kg.EINVALID, "%s takes at most %d values, got %d", arg, kg.MaxListArg, len(l))
	}
	out := make([]string, 0, len(l))
	for _, s := range l {
		m, ok := allowed[s]
		if !ok {
			return nil, kg.Errorf(kg.EINVALID, "%s: unknown value %s", arg, kg.Quote(s))
		}
		out = append(out, m)
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}

// distinct checks the length of a list argument and drops repeated values, keeping the
// first of each.
func distinct(arg string, l []string) ([]string, error) {
	if len(l) > kg.MaxListArg {
		return nil, kg.Errorf(kg.EINVALID, "%s takes at most %d values, got %d", arg, kg.MaxListArg, len(l))
	}
	seen := make(map[string]bool, len(l))
	out := make([]string, 0, len(l))
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}
