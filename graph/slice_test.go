package graph

import (
	"bytes"
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestMarshalSequentially: elements come back in order, each marshalled with its index in the
// field context, and a panicking element becomes null with an error at its path, the others
// untouched.
func TestMarshalSequentially(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Field: graphql.CollectedField{Field: &ast.Field{Alias: "items"}}})
	ret := marshalSequentially(ctx, 3, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		if got := *graphql.GetFieldContext(ctx).Index; got != i {
			t.Errorf("element %d has index %d in its field context", i, got)
		}
		if i == 1 {
			panic("boom")
		}
		return graphql.MarshalInt(i)
	})
	var b bytes.Buffer
	ret.MarshalGQL(&b)
	if b.String() != "[0,null,2]" {
		t.Fatalf("marshalled %s, want [0,null,2]", b.String())
	}
	errs := graphql.GetErrors(ctx)
	if len(errs) != 1 || errs[0].Path.String() != "items[1]" {
		t.Fatalf("errors %v, want one at items[1]", errs)
	}
}
