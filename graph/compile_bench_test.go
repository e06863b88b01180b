package graph_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
)

// fieldRecorder keeps the selections the API hands to the store, by alias.
type fieldRecorder struct {
	mu     sync.Mutex
	fields map[string]kg.Field
}

func (r *fieldRecorder) Query(_ context.Context, f kg.Field) (any, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fields[f.Alias] = f
	return nil, nil
}

func (r *fieldRecorder) Mutate(context.Context, kg.Field, string) (any, error) { return nil, nil }

// BenchmarkCompileNested compiles the root fields of the nested dashboard query (the
// selections taken once from the API): the compiler alone, no GraphQL, no Neo4j.
func BenchmarkCompileNested(b *testing.B) {
	rec := &fieldRecorder{fields: map[string]kg.Field{}}
	h := handler.New(graph.NewSchema(rec))
	h.AddTransport(transport.POST{})
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":`+jsonString(nested)+`}`))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if len(rec.fields) != 3 {
		b.Fatalf("recorded %d root fields", len(rec.fields))
	}
	for b.Loop() {
		for _, f := range rec.fields {
			if _, err := cypherc.Compile(f, cypherc.DefaultLimits); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
