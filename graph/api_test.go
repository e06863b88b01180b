package graph_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/seedtest"
)

// api is an in-process GraphQL client over a store on the test Neo4j loaded with the seed
// graph; statements counts what the store sends.
type api struct {
	c          *client.Client
	store      *neo4jstore.Store
	statements atomic.Int64
	last       atomic.Value // last Cypher text
}

func newAPI(t testing.TB) *api {
	t.Helper()
	cfg := seedtest.Load(t)
	a := &api{}
	st, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database,
		OnStatement: func(cypher string, _ map[string]any, _ time.Duration, _ error) {
			a.statements.Add(1)
			a.last.Store(cypher)
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	a.store = st
	h := handler.New(graph.NewSchema(st))
	h.AddTransport(transport.POST{})
	h.SetErrorPresenter(graph.ErrorPresenter(slog.New(slog.NewTextHandler(os.Stderr, nil))))
	a.c = client.New(h)
	return a
}

// query runs q and decodes data into out; it fails the test on any GraphQL error.
func (a *api) query(t *testing.T, q string, out any, opts ...client.Option) {
	t.Helper()
	if err := a.c.Post(q, out, opts...); err != nil {
		t.Fatalf("query failed: %v\nquery: %s\nlast cypher: %v", err, q, a.last.Load())
	}
}

// gqlErrors runs q and returns its errors' codes and messages.
func (a *api) gqlErrors(t *testing.T, q string, opts ...client.Option) []gqlError {
	t.Helper()
	var body struct{ Errors []gqlError }
	resp, err := a.c.RawPost(q, opts...)
	switch {
	case err != nil:
		// A 4xx answer (validation failed) comes back as an error "http NNN: <body>".
		_, raw, _ := strings.Cut(err.Error(), ": ")
		if json.Unmarshal([]byte(raw), &body) != nil {
			t.Fatalf("transport: %v", err)
		}
	case len(resp.Errors) > 0:
		if err := json.Unmarshal(resp.Errors, &body.Errors); err != nil {
			t.Fatalf("decoding errors %s: %v", resp.Errors, err)
		}
	}
	return body.Errors
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { s, _ := e.Extensions["code"].(string); return s }

func names[T any](items []T, name func(T) string) string {
	var out []string
	for _, it := range items {
		out = append(out, name(it))
	}
	return strings.Join(out, ",")
}
