// Package graph is the GraphQL layer: gqlgen's generated executor (generated.go, never
// edited by hand) and thin resolvers. A root resolver hands its whole selection to the store,
// which answers it with one Cypher statement; nested resolvers only read what came back.
package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/batterykg/batterykg/graph/model"
	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/memo"
)

// Store answers one root field, selection and all, with one statement, and returns the
// field's value as the driver decoded it (see model.Decode). Mutate runs a mutation the
// same way, in a write transaction, recording who made the change.
type Store interface {
	Query(ctx context.Context, f kg.Field) (any, error)
	Mutate(ctx context.Context, f kg.Field, who string) (any, error)
}

// Resolver holds the resolvers' dependencies.
type Resolver struct {
	Store  Store
	schema *ast.Schema
	// selections keeps the root fields made from operations seen before, by fingerprint.
	selections *memo.Cache[kg.Field]
}

// selectionsWeight bounds the selections kept (bytes of operation text, about).
const selectionsWeight = 16 << 20

// Option changes how NewSchema's schema executes operations.
type Option func(*options)

type options struct{ executeEveryField bool }

// ExecuteEveryField turns the direct writer off (direct.go): gqlgen executes every field of
// every answer, decoded into the models. The differential test compares both.
func ExecuteEveryField() Option { return func(o *options) { o.executeEveryField = true } }

// NewSchema returns the executable schema over store. The complexity limit charges a
// connection queried without `first` the store's default page size (kg.DefaultPage when the
// store does not say). Query answers are written directly (direct.go) unless
// ExecuteEveryField is given.
func NewSchema(store Store, opts ...Option) graphql.ExecutableSchema {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	r := &Resolver{Store: store, selections: memo.New[kg.Field](selectionsWeight)}
	cfg := Config{Resolvers: r}
	page := kg.DefaultPage
	if p, ok := store.(interface{ DefaultPage() int }); ok && p.DefaultPage() > 0 {
		page = p.DefaultPage()
	}
	setComplexity(&cfg.Complexity, page)
	cfg.Directives.Auth = requireRole
	es := NewExecutableSchema(cfg)
	r.schema = es.Schema()
	if o.executeEveryField {
		return es
	}
	return &directSchema{ExecutableSchema: es, d: newDirect(r, r.schema)}
}

// query runs the current root field through the store (or takes the answer the direct
// writer got, see Resolver.query) and decodes it into T.
func query[T any](ctx context.Context, r *Resolver) (T, error) {
	var out T
	v, err := r.query(ctx)
	if err != nil {
		return out, err
	}
	if err := model.Decode(v, &out); err != nil {
		return out, kg.Wrap(kg.EINTERNAL, "decoding result", err)
	}
	return out, nil
}

// mutate runs the current mutation through the store, recorded as made by the caller.
func mutate[T any](ctx context.Context, r *Resolver) (T, error) {
	var out T
	who := auth.FromContext(ctx)
	v, err := r.Store.Mutate(ctx, r.selection(ctx), who.Method+":"+who.Subject)
	if err != nil {
		return out, err
	}
	if err := model.Decode(v, &out); err != nil {
		return out, kg.Wrap(kg.EINTERNAL, "decoding result", err)
	}
	return out, nil
}

// requireRole implements @auth(requires:): the caller's role must be at least requires.
func requireRole(ctx context.Context, _ any, next graphql.Resolver, requires model.Role) (any, error) {
	min := map[model.Role]auth.Role{model.RoleReader: auth.RoleReader, model.RoleEditor: auth.RoleEditor, model.RoleAdmin: auth.RoleAdmin}[requires]
	if min == auth.RoleNone {
		return nil, kg.Errorf(kg.EINTERNAL, "unknown role %s", requires)
	}
	if err := auth.Require(ctx, min); err != nil {
		return nil, err
	}
	return next(ctx)
}

// queryNode runs a root field that returns a Node interface.
func queryNode(ctx context.Context, r *Resolver) (model.Node, error) {
	v, err := r.query(ctx)
	if err != nil {
		return nil, err
	}
	n, err := model.DecodeNode(v)
	if err != nil {
		return nil, kg.Wrap(kg.EINTERNAL, "decoding result", err)
	}
	return n, nil
}

// selection returns the current root field and everything selected below it, as the store
// takes it: fragments flattened, variables resolved, interface selections split by type.
// A root field made from the same operation text, name and variables before is taken
// from the selections kept (its Fingerprint says so).
func (r *Resolver) selection(ctx context.Context) kg.Field {
	oc := graphql.GetOperationContext(ctx)
	cf := graphql.GetFieldContext(ctx).Field
	fp := fingerprint(oc, cf.Alias)
	if fp != "" {
		if f, ok := r.selections.Get(fp); ok {
			return f
		}
	}
	c := collector{oc: oc, schema: r.schema}
	f := c.convert(cf, "", true)
	if fp != "" {
		f.Fingerprint = fp
		r.selections.Add(fp, f, weight(f))
	}
	return f
}

// weight is about the bytes a kg.Field tree holds: a few hundred a field, arguments
// included.
func weight(f kg.Field) int {
	w := 256 + memo.Size(f.Args)
	for _, c := range f.Fields {
		w += weight(c)
	}
	for _, fs := range f.ByType {
		for _, c := range fs {
			w += weight(c)
		}
	}
	return w
}

// maxFingerprinted is the longest operation text whose root fields are kept.
const maxFingerprinted = 16 << 10

// fingerprint identifies the root field alias of oc's operation with everything its
// kg.Field is made from: the document's text, the operation's name and the variables (as
// coerced, defaults included). "" when the text is too long or the variables do not encode.
func fingerprint(oc *graphql.OperationContext, alias string) string {
	if len(oc.RawQuery) > maxFingerprinted {
		return ""
	}
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return ""
	}
	return oc.OperationName + "\x00" + alias + "\x00" + string(vars) + "\x00" + oc.RawQuery
}

type collector struct {
	oc     *graphql.OperationContext
	schema *ast.Schema
}

// convert turns cf into a kg.Field whose Key is its path below the root field (parent is
// the parent's Key; root says cf is the root field, which has none).
func (c collector) convert(cf graphql.CollectedField, parent string, root bool) kg.Field {
	f := kg.Field{Name: cf.Name, Alias: cf.Alias, Args: cf.ArgumentMap(c.oc.Variables)}
	if !root {
		f.Key = kg.RelKey(parent, cf.Alias)
	}
	if len(cf.Selections) == 0 || cf.Definition == nil {
		return f
	}
	def := c.schema.Types[cf.Definition.Type.Name()]
	if def == nil {
		return f
	}
	switch def.Kind {
	case ast.Interface, ast.Union:
		f.ByType = map[string][]kg.Field{}
		for _, pt := range c.schema.GetPossibleTypes(def) {
			f.ByType[pt.Name] = c.collect(cf.Selections, satisfies(pt), f.Key)
		}
	default:
		f.Fields = c.collect(cf.Selections, satisfies(def), f.Key)
	}
	return f
}

func satisfies(def *ast.Definition) []string {
	return append([]string{def.Name}, def.Interfaces...)
}

func (c collector) collect(sel ast.SelectionSet, sat []string, parent string) []kg.Field {
	var out []kg.Field
	for _, cf := range graphql.CollectFields(c.oc, sel, sat) {
		if cf.Name == "__typename" {
			continue
		}
		out = append(out, c.convert(cf, parent, false))
	}
	return out
}
