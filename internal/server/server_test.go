package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/server"
)

// newServer serves the API over the test Neo4j (or over uri when given).
func newServer(t *testing.T, cfg server.Config, uri ...string) *httptest.Server {
	t.Helper()
	c := neo4jtest.Require(t)
	scfg := neo4jstore.Config{URI: c.URI, User: c.User, Password: c.Password, Database: c.Database, QueryTimeout: 5 * time.Second}
	if len(uri) > 0 {
		scfg.URI = uri[0]
	}
	if cfg.Metrics == nil {
		cfg.Metrics = server.NewMetrics()
	}
	scfg.OnStatement = cfg.Metrics.ObserveStatement
	store, err := neo4jstore.Open(scfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	cfg.Introspection = true
	h := server.New(cfg, graph.NewSchema(store), store, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

type result struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, u, body string, header map[string]string) result {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return result{resp.StatusCode, resp.Header, string(b)}
}

func gqlGET(srv *httptest.Server, query string) string {
	return srv.URL + "/graphql?query=" + url.QueryEscape(query)
}

func TestGraphQLOverHTTP(t *testing.T) {
	srv := newServer(t, server.Config{CacheMaxAge: 60})
	const q = `{ stages { code } }`
	post := `{"query": "{ stages { code } }"}`
	cases := []struct {
		name, method, url, body string
		header                  map[string]string
		status                  int
		contentType, allow      string
		bodyHas                 string
	}{
		{"POST json", "POST", srv.URL + "/graphql", post, map[string]string{"Accept": "application/json"}, 200, "application/json", "", `"data"`},
		{"POST graphql-response+json", "POST", srv.URL + "/graphql", post, map[string]string{"Accept": "application/graphql-response+json"}, 200, "application/graphql-response+json", "", `"stages"`},
		{"GET query", "GET", gqlGET(srv, q), "", map[string]string{"Accept": "application/json"}, 200, "application/json", "", `"stages"`},
		{"parse error graphql-response+json", "POST", srv.URL + "/graphql", `{"query": "{ stages { "}`, map[string]string{"Accept": "application/graphql-response+json"}, 400, "application/graphql-response+json", "", "GRAPHQL_PARSE_FAILED"},
		{"validation error graphql-response+json", "POST", srv.URL + "/graphql", `{"query": "{ nope }"}`, map[string]string{"Accept": "application/graphql-response+json"}, 400, "application/graphql-response+json", "", "GRAPHQL_VALIDATION_FAILED"},
		{"mutation over GET", "GET", gqlGET(srv, `mutation { __typename }`), "", nil, 405, "", "POST", "POST"},
		{"named mutation over GET", "GET", gqlGET(srv, `query Q { __typename } mutation M { __typename }`) + "&operationName=M", "", nil, 405, "", "POST", ""},
		{"PUT", "PUT", srv.URL + "/graphql", post, nil, 405, "", "GET, POST", ""},
		{"DELETE", "DELETE", srv.URL + "/graphql", "", nil, 405, "", "GET, POST", ""},
		{"body too large", "POST", srv.URL + "/graphql", `{"query": "{ stages { code } }", "variables": {"pad": "` + strings.Repeat("x", 2<<20) + `"}}`, nil, 413, "", "", "too large"},
		{"health", "GET", srv.URL + "/healthz", "", nil, 200, "text/plain", "", "ok"},
		{"ready", "GET", srv.URL + "/readyz", "", nil, 200, "text/plain", "", "ready"},
		{"GraphiQL", "GET", srv.URL + "/", "", nil, 200, "text/html", "", "graphiql"},
		{"unknown path", "GET", srv.URL + "/nope", "", nil, 404, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.method, tc.url, tc.body, tc.header)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if tc.contentType != "" && !strings.HasPrefix(r.header.Get("Content-Type"), tc.contentType) {
				t.Errorf("Content-Type %q, want %q", r.header.Get("Content-Type"), tc.contentType)
			}
			if tc.allow != "" && r.header.Get("Allow") != tc.allow {
				t.Errorf("Allow %q, want %q", r.header.Get("Allow"), tc.allow)
			}
			if !strings.Contains(r.body, tc.bodyHas) {
				t.Errorf("body does not contain %q: %.300s", tc.bodyHas, r.body)
			}
			if r.header.Get("X-Request-Id") == "" {
				t.Error("no X-Request-Id")
			}
		})
	}
}

func TestGETCaching(t *testing.T) {
	srv := newServer(t, server.Config{CacheMaxAge: 30})
	u := gqlGET(srv, `{ stages { code order } }`)
	first := do(t, "GET", u, "", nil)
	etag := first.header.Get("ETag")
	if first.status != 200 || etag == "" || first.header.Get("Cache-Control") != "public, max-age=30" {
		t.Fatalf("first GET: %d etag %q cache %q", first.status, etag, first.header.Get("Cache-Control"))
	}
	again := do(t, "GET", u, "", map[string]string{"If-None-Match": etag})
	if again.status != http.StatusNotModified || again.body != "" {
		t.Errorf("conditional GET: %d %q", again.status, again.body)
	}
	withAuth := do(t, "GET", u, "", map[string]string{"Authorization": "Bearer x"})
	if withAuth.header.Get("Cache-Control") != "no-store" || withAuth.header.Get("ETag") != "" {
		t.Errorf("a request with credentials was cacheable: %v", withAuth.header)
	}
	failing := do(t, "GET", gqlGET(srv, `{ actors(first: -1) { totalCount } }`), "", nil)
	if failing.header.Get("Cache-Control") != "no-store" {
		t.Errorf("an error response was cacheable: %v", failing.header)
	}
	post := do(t, "POST", srv.URL+"/graphql", `{"query": "{ stages { code } }"}`, nil)
	if post.header.Get("ETag") != "" {
		t.Error("a POST got an ETag")
	}
}

func TestLimits(t *testing.T) {
	srv := newServer(t, server.Config{MaxDepth: 6, MaxComplexity: 1000, MaxRootFields: 3, MaxAliases: 4})
	cases := []struct{ name, query, has string }{
		{"root fields", `{ a: stages { code } b: stages { code } c: stages { code } d: stages { code } }`, "4 root fields, more than the limit of 3"},
		{"aliases", `{ stages { a: code b: code c: code d: code e: code } }`, "5 aliases, more than the limit of 4"},
		{"depth", `{ actors(first: 1) { edges { node { projects(first: 1) { edges { project { stages { next { stage { code } } } } } } } } } }`, "levels deep"},
		{"complexity", `{ actors(first: 500) { edges { node { projects(first: 500) { totalCount } } } } }`, "exceeds the limit of 1000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]string{"query": tc.query})
			r := do(t, "POST", srv.URL+"/graphql", string(body), nil)
			if !strings.Contains(r.body, tc.has) {
				t.Errorf("%d %s", r.status, r.body)
			}
		})
	}
	ok := do(t, "POST", srv.URL+"/graphql", `{"query": "{ actors(first: 5) { edges { node { name } } } }"}`, nil)
	if ok.status != 200 || strings.Contains(ok.body, "errors") {
		t.Errorf("a small query was refused: %s", ok.body)
	}
}

func TestAutomaticPersistedQueries(t *testing.T) {
	srv := newServer(t, server.Config{})
	const q = "{ stages { code } }"
	sum := sha256Hex(q)
	ext := `"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + sum + `"}}`
	miss := do(t, "POST", srv.URL+"/graphql", `{`+ext+`}`, nil)
	if !strings.Contains(miss.body, "PersistedQueryNotFound") {
		t.Fatalf("unknown hash: %s", miss.body)
	}
	reg := do(t, "POST", srv.URL+"/graphql", `{"query": "`+q+`", `+ext+`}`, nil)
	if !strings.Contains(reg.body, "stages") {
		t.Fatalf("register: %s", reg.body)
	}
	hit := do(t, "POST", srv.URL+"/graphql", `{`+ext+`}`, nil)
	if !strings.Contains(hit.body, "stages") {
		t.Fatalf("persisted query: %s", hit.body)
	}
}

func TestCORS(t *testing.T) {
	srv := newServer(t, server.Config{CORSOrigins: []string{"https://dash.example"}})
	pre := do(t, "OPTIONS", srv.URL+"/graphql", "", map[string]string{
		"Origin": "https://dash.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
	if pre.header.Get("Access-Control-Allow-Origin") != "https://dash.example" {
		t.Errorf("preflight from an allowed origin: %d %v", pre.status, pre.header)
	}
	other := do(t, "OPTIONS", srv.URL+"/graphql", "", map[string]string{
		"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
	if other.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin was allowed")
	}
}

func TestMetricsAndRequestID(t *testing.T) {
	srv := newServer(t, server.Config{})
	r := do(t, "POST", srv.URL+"/graphql", `{"query": "query Stages { stages { code } }"}`, map[string]string{"X-Request-Id": "abc-123"})
	if r.header.Get("X-Request-Id") != "abc-123" {
		t.Errorf("request id not echoed: %q", r.header.Get("X-Request-Id"))
	}
	do(t, "POST", srv.URL+"/graphql", `{"query": "{ actors(first: -1) { totalCount } }"}`, nil)
	m := do(t, "GET", srv.URL+"/metrics", "", nil)
	for _, want := range []string{
		`batterykg_graphql_operations_total{operation="Stages",outcome="ok"} 1`,
		`batterykg_graphql_errors_total{code="BAD_USER_INPUT"} 1`,
		`batterykg_neo4j_statement_seconds_count{outcome="ok"}`,
		`batterykg_http_requests_total{code="200",route="graphql"}`,
	} {
		if !strings.Contains(m.body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestNeo4jDown: with Neo4j out of reach the server still serves; /readyz fails and queries
// answer UNAVAILABLE without leaking driver text.
func TestNeo4jDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	srv := newServer(t, server.Config{}, "bolt://"+addr)
	if r := do(t, "GET", srv.URL+"/healthz", "", nil); r.status != 200 {
		t.Errorf("healthz %d", r.status)
	}
	if r := do(t, "GET", srv.URL+"/readyz", "", nil); r.status != http.StatusServiceUnavailable {
		t.Errorf("readyz %d", r.status)
	}
	r := do(t, "POST", srv.URL+"/graphql", `{"query": "{ actor(id: \"unamur\") { name } }"}`, nil)
	if !strings.Contains(r.body, `"UNAVAILABLE"`) || strings.Contains(r.body, "bolt") || strings.Contains(r.body, "MATCH") {
		t.Errorf("query with Neo4j down: %s", r.body)
	}
}
