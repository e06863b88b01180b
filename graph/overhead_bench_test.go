package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/server"
)

// cannedStore compiles each root field as the store does (once per fingerprint), then
// answers it with the answer the real store gave for it once (by alias): the server's own
// work per request, without Neo4j or the network.
type cannedStore struct {
	graph.Store
	mu       sync.Mutex
	answers  map[string]any
	compiled map[string]bool
	record   bool
}

func (s *cannedStore) Query(ctx context.Context, f kg.Field) (any, error) {
	s.mu.Lock()
	done := f.Fingerprint != "" && s.compiled[f.Fingerprint]
	s.mu.Unlock()
	if !done {
		if _, err := cypherc.Compile(f, cypherc.DefaultLimits); err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.compiled[f.Fingerprint] = f.Fingerprint != ""
		s.mu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.record {
		v, err := s.Store.Query(ctx, f)
		s.answers[f.Alias] = v
		return v, err
	}
	return s.answers[f.Alias], nil
}

// BenchmarkServerOverhead is the API's own work per request for the benchmark's page,
// nested and count operations (cmd/bench/ops.go, on the seed graph): the whole handler
// (server.New: middlewares, gqlgen, the transport) and the compiler (its statement kept by
// fingerprint, as the store does), in process, over
// answers recorded from the test Neo4j. "direct" is the server as it runs; "executed" has
// gqlgen execute every field (graph.ExecuteEveryField). Profile it with -cpuprofile.
func BenchmarkServerOverhead(b *testing.B) {
	a := newAPI(b)
	ops := map[string]string{
		"page": `query Page { actors(filter: {region: [WAL]}, first: 20) { totalCount
			edges { node { id name shortName region country city stages { code } } } pageInfo { hasNextPage endCursor } } }`,
		"nested": `query Nested { actors(filter: {region: [WAL]}, first: 10) { edges { node { id name
			projects(first: 5) { totalCount edges { role project { id name
			  participants(first: 10) { totalCount edges { role actor { id name } } } } } } } } } }`,
		"count": `query Count { actorStats(filter: {region: [WAL]}) { total } }`,
	}
	for _, name := range []string{"page", "nested", "count"} {
		body, _ := json.Marshal(map[string]string{"query": ops[name]})
		for _, mode := range []string{"direct", "executed"} {
			b.Run(name+"/"+mode, func(b *testing.B) {
				store := &cannedStore{Store: a.store, answers: map[string]any{}, compiled: map[string]bool{}, record: true}
				var schema = graph.NewSchema(store)
				if mode == "executed" {
					schema = graph.NewSchema(store, graph.ExecuteEveryField())
				}
				h := server.New(server.Config{NoCallerLimits: true}, schema, a.store, slog.New(slog.DiscardHandler))
				do := func() *httptest.ResponseRecorder {
					req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					w := httptest.NewRecorder()
					h.ServeHTTP(w, req)
					return w
				}
				w := do()
				store.record = false
				if w.Code != 200 || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) || w.Body.Len() < 30 {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
				b.ReportAllocs()
				for b.Loop() {
					do()
				}
			})
		}
	}
}
