package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit rejects operations whose selections nest deeper than max, that select more
// than maxRoots root fields, or that use more than maxAliases aliases (fragments counted at
// every spread). It measures each fragment once (see measurer), so its work is linear in the
// document.
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
	s := newMeasurer(oc.Doc).set(oc.Operation.SelectionSet)
	if s.depth > d.max {
		return fail("operation is %d levels deep, more than the limit of %d", s.depth, d.max)
	}
	if n := len(oc.Operation.SelectionSet); n > d.maxRoots {
		return fail("operation selects %d root fields, more than the limit of %d", n, d.maxRoots)
	}
	if s.aliases > d.maxAliases {
		return fail("operation uses %s aliases, more than the limit of %d", count(s.aliases), d.maxAliases)
	}
	return nil
}
