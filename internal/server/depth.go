package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit rejects operations whose selections nest deeper than max, that select more
// than maxRoots root fields, or that use more than maxAliases aliases.
type depthLimit struct{ max, maxRoots, maxAliases int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	fail := func(format string, args ...any) *gqlerror.Error {
		err := gqlerror.Errorf(format, args...)
		err.Extensions = map[string]any{"code": "BAD_USER_INPUT"}
		return err
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); depth > d.max {
		return fail("operation is %d levels deep, more than the limit of %d", depth, d.max)
	}
	if n := len(oc.Operation.SelectionSet); n > d.maxRoots {
		return fail("operation selects %d root fields, more than the limit of %d", n, d.maxRoots)
	}
	if n := countAliases(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); n > d.maxAliases {
		return fail("operation uses %d aliases, more than the limit of %d", n, d.maxAliases)
	}
	return nil
}

// countAliases counts the fields whose response key differs from their name, fragments
// followed once per spread.
func countAliases(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 {
		return 0
	}
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n++
			}
			n += countAliases(s.SelectionSet, frags, seen+1)
		case *ast.InlineFragment:
			n += countAliases(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				n += countAliases(f.SelectionSet, frags, seen+1)
			}
		}
	}
	return n
}

// selectionDepth is the deepest field nesting of a selection set, fragments followed (a
// fragment cycle is a validation error already, and seen guards it anyway).
func selectionDepth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 {
		return seen
	}
	max := 0
	for _, s := range set {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = 1
			} else {
				d = 1 + selectionDepth(s.SelectionSet, frags, seen+1)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				d = selectionDepth(f.SelectionSet, frags, seen+1)
			}
		}
		if d > max {
			max = d
		}
	}
	return max
}
