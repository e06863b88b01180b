package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSequentially marshals the elements of a list one after the other. generated.go calls
// it where gqlgen would call graphql.MarshalSliceConcurrently, with the same arguments (see
// cmd/gqlgen): nothing below Query blocks, so a goroutine per element would only cost.
// Like gqlgen, it gives each element its index in the field context (for error paths) and,
// unless omitPanicHandler, turns a panic into an error on that element, which becomes null.
func marshalSequentially(ctx context.Context, length int, _ int64, omitPanicHandler bool,
	marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range length {
		elemCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		if omitPanicHandler {
			ret[i] = marshalElement(elemCtx, i)
			continue
		}
		ret[i] = marshalRecovering(elemCtx, i, marshalElement)
	}
	return ret
}

func marshalRecovering(ctx context.Context, i int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (m graphql.Marshaler) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			m = graphql.Null
		}
	}()
	return marshalElement(ctx, i)
}
