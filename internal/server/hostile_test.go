package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/seedtest"
	"github.com/batterykg/batterykg/internal/server"
)

// errorCodes returns the extensions.code of every error of a GraphQL response body.
func errorCodes(t *testing.T, body string) []string {
	t.Helper()
	var out struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("not JSON: %v: %.300s", err, body)
	}
	var codes []string
	for _, e := range out.Errors {
		codes = append(codes, e.Extensions.Code)
	}
	return codes
}

func fanOutDoc(levels int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range levels {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", levels)
	return b.String()
}

// TestHostileProbes: the requests issue 13 measured, as fixed cases against the real server:
// each is refused, with the status and code given, before it costs more than its size.
func TestHostileProbes(t *testing.T) {
	srv := newServer(t, server.Config{})
	items := make([]any, 80000)
	for i := range items {
		items[i] = map[string]any{"text": "a"}
	}
	body := func(query string, vars map[string]any) string {
		b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		return string(b)
	}
	cases := []struct {
		name, body string
		status     int
		code, has  string
	}{
		{"8,000 __typename", body("{ "+strings.Repeat("__typename ", 8000)+"}", nil), 200, "GRAPHQL_VALIDATION_FAILED", "8000 fields"},
		{"1 MiB of __typename", body("{ "+strings.Repeat("__typename ", 95000)+"}", nil), 200, "GRAPHQL_PARSE_FAILED", "token limit"},
		{"fragment fan-out, 21 levels", body(fanOutDoc(21), nil), 200, "GRAPHQL_VALIDATION_FAILED", "fields once its fragments are expanded"},
		{"fragment fan-out, 60 levels", body(fanOutDoc(60), nil), 200, "GRAPHQL_VALIDATION_FAILED", "fields once its fragments are expanded"},
		{"one response key 200 times", body("{ actors { "+strings.Repeat("totalCount ", 200)+"} }", nil), 200, "GRAPHQL_VALIDATION_FAILED", "repeats response keys"},
		{"80,000 filter items", body(`query($f: [ActorFilter!]) { actors(filter: {OR: $f}) { totalCount } }`, map[string]any{"f": items}), 200, "GRAPHQL_VALIDATION_FAILED", "more than 1000 values"},
		{"5,000 orderBy items", body(`{ actors(orderBy: [`+strings.Repeat(`{field: NAME} `, 1000)+`]) { totalCount } }`, nil), 200, "GRAPHQL_VALIDATION_FAILED", "input values"},
		// Each character became a class of up to twenty in a regex Neo4j compiled: three of
		// these ran Neo4j out of heap, and every client waited for the timeout until it was
		// restarted.
		{"a 900,000-character text filter", body(`query($t: String) { actors(filter: {text: $t}) { totalCount } }`,
			map[string]any{"t": strings.Repeat("a", 900000)}), 200, "BAD_USER_INPUT", "text must be at most 200 characters"},
		{"a 201-character text filter (402 bytes)", body(`query($t: String) { projects(filter: {OR: [{text: "x"}, {text: $t}]}) { totalCount } }`,
			map[string]any{"t": strings.Repeat("é", 200) + "a"}), 200, "BAD_USER_INPUT", "text must be at most 200 characters"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", srv.URL+"/graphql", tc.body, map[string]string{"Accept": "application/json"})
			codes := errorCodes(t, r.body)
			if r.status != tc.status || len(codes) != 1 || codes[0] != tc.code || !strings.Contains(r.body, tc.has) {
				t.Errorf("status %d, codes %v: %.300s; want %d %s %q", r.status, codes, r.body, tc.status, tc.code, tc.has)
			}
		})
	}
	// Error messages repeated what they were given: ten 90 KB cursors made a 5 MB answer.
	t.Run("ten long invalid cursors", func(t *testing.T) {
		var q strings.Builder
		q.WriteString("query($c: String) {")
		for i := range 10 {
			fmt.Fprintf(&q, " a%d: actors(first: 1, after: $c) { totalCount }", i)
		}
		q.WriteString(" }")
		r := do(t, "POST", srv.URL+"/graphql", body(q.String(), map[string]any{"c": strings.Repeat("<", 90000)}), nil)
		codes := errorCodes(t, r.body)
		if r.status != 200 || len(codes) != 10 || codes[0] != "BAD_USER_INPUT" || len(r.body) > 8000 ||
			!strings.Contains(r.body, `invalid cursor \"\u003c\u003c`) || !strings.Contains(r.body, "(90000 bytes)") {
			t.Errorf("status %d, codes %v, %d bytes: %.600s", r.status, codes, len(r.body), r.body)
		}
	})
	// gqlgen's message named Go's types and repeated the body.
	for _, b := range []string{`[{"query": "{ __typename }"}]`, `{"query": "{ __typename }", "variables": [1]}`, `{"query": `,
		`{"query": "{ __typename }"} trailing`, `{"query": "{ __typename }"}}`, `{"query": "{ __typename }"}{"query": "{ __typename }"}`} {
		t.Run("body "+b, func(t *testing.T) {
			r := do(t, "POST", srv.URL+"/graphql", b, nil)
			codes := errorCodes(t, r.body)
			if r.status != 400 || len(codes) != 1 || !strings.Contains(r.body, "the request body") ||
				strings.Contains(r.body, "Go ") || strings.Contains(r.body, "RawParams") || strings.Contains(r.body, "__typename") {
				t.Errorf("status %d: %s", r.status, r.body)
			}
		})
	}
	t.Run("graphql-response+json: 400 without data", func(t *testing.T) {
		r := do(t, "POST", srv.URL+"/graphql", body(fanOutDoc(30), nil), map[string]string{"Accept": "application/graphql-response+json"})
		if r.status != 400 || strings.Contains(r.body, `"data"`) {
			t.Errorf("%d %s", r.status, r.body)
		}
	})
}

// TestBodies: a chunked body over the limit answers 413 (it answered 200 with an error), a
// body trickled past the request's deadline 408, and neither holds the server.
func TestBodies(t *testing.T) {
	srv := newServer(t, server.Config{MaxBodyBytes: 4096, RequestTimeout: time.Second})
	t.Run("chunked, too large", func(t *testing.T) {
		pr, pw := io.Pipe()
		go func() {
			pw.Write([]byte(`{"query": "{ __typename }", "pad": "` + strings.Repeat("x", 10000) + `"}`))
			pw.Close()
		}()
		req, _ := http.NewRequest("POST", srv.URL+"/graphql", pr) // no length: chunked
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || req.ContentLength > 0 {
			t.Errorf("status %d (content length %d)", resp.StatusCode, req.ContentLength)
		}
	})
	t.Run("trickled past the deadline", func(t *testing.T) {
		conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
		done := make(chan struct{})
		go func() { // one byte every 200 ms, never finishing in time
			defer close(done)
			for range 40 {
				time.Sleep(200 * time.Millisecond)
				if _, err := conn.Write([]byte(" ")); err != nil {
					return
				}
			}
		}()
		conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestTimeout {
			t.Errorf("status %d, want 408", resp.StatusCode)
		}
		conn.Close()
		<-done
	})
}

// TestPerCallerLimit: one caller's requests beyond its limit and queue get 429 while
// another caller is served. A request whose body has not arrived holds its slot.
func TestPerCallerLimit(t *testing.T) {
	keys := []auth.APIKey{{Name: "a", Role: auth.RoleReader, Hash: auth.HashKey("key-a-0123456789")}, {Name: "b", Role: auth.RoleReader, Hash: auth.HashKey("key-b-0123456789")}}
	authn, err := auth.New(auth.Config{AnonymousRead: true, APIKeys: keys, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, server.Config{Auth: authn, MaxCallerRequests: 1, RequestTimeout: 5 * time.Second})
	hold := func(token string) net.Conn { // a request whose body never finishes
		conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{", token)
		return conn
	}
	c1 := hold("key-a-0123456789") // in flight
	defer c1.Close()
	time.Sleep(200 * time.Millisecond)
	c2 := hold("key-a-0123456789") // queued
	defer c2.Close()
	time.Sleep(200 * time.Millisecond)
	q := `{"query": "{ __typename }"}`
	third := do(t, "POST", srv.URL+"/graphql", q, map[string]string{"Authorization": "Bearer key-a-0123456789"})
	if third.status != http.StatusTooManyRequests || third.header.Get("Retry-After") == "" || !strings.Contains(third.body, "TOO_MANY_REQUESTS") {
		t.Errorf("a's third request: %d %v %s", third.status, third.header, third.body)
	}
	other := do(t, "POST", srv.URL+"/graphql", q, map[string]string{"Authorization": "Bearer key-b-0123456789"})
	if other.status != 200 || !strings.Contains(other.body, `"__typename":"Query"`) {
		t.Errorf("b was not served: %d %s", other.status, other.body)
	}
	anon := do(t, "POST", srv.URL+"/graphql", q, nil)
	if anon.status != 200 {
		t.Errorf("an anonymous caller was not served: %d %s", anon.status, anon.body)
	}
}

// TestClosedServer: with anonymous reads off, /metrics and GraphiQL need credentials too,
// and junk operation names never become metric labels.
func TestClosedServer(t *testing.T) {
	keys := []auth.APIKey{{Name: "ops", Role: auth.RoleReader, Hash: auth.HashKey("key-ops-0123456789")}}
	authn, err := auth.New(auth.Config{AnonymousRead: false, APIKeys: keys, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, server.Config{Auth: authn})
	withKey := map[string]string{"Authorization": "Bearer key-ops-0123456789"}
	for _, path := range []string{"/metrics", "/"} {
		if r := do(t, "GET", srv.URL+path, "", nil); r.status != http.StatusUnauthorized {
			t.Errorf("%s without credentials: %d", path, r.status)
		}
		if r := do(t, "GET", srv.URL+path, "", withKey); r.status != 200 {
			t.Errorf("%s with a key: %d", path, r.status)
		}
	}
	for i := range 300 {
		do(t, "POST", srv.URL+"/graphql", fmt.Sprintf(`{"query": "query Junk%d { nope }", "operationName": "Junk%d"}`, i, i), withKey)
	}
	do(t, "POST", srv.URL+"/graphql", `{"query": "query Real { __typename }"}`, withKey)
	m := do(t, "GET", srv.URL+"/metrics", "", withKey)
	if strings.Contains(m.body, "Junk") || !strings.Contains(m.body, `operation="invalid"`) || !strings.Contains(m.body, `operation="Real"`) {
		t.Errorf("operation labels: %s", grepLines(m.body, "batterykg_graphql_operations_total"))
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestAPQBounded: a query too big for the persisted-query cache is served but not kept, so
// large registrations cannot fill the heap; a small one is kept.
func TestAPQBounded(t *testing.T) {
	srv := newServer(t, server.Config{})
	register := func(q string) (string, string) {
		ext := `"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + sha256Hex(q) + `"}}`
		qj, _ := json.Marshal(q)
		reg := do(t, "POST", srv.URL+"/graphql", `{"query": `+string(qj)+`, `+ext+`}`, nil)
		return reg.body, do(t, "POST", srv.URL+"/graphql", `{`+ext+`}`, nil).body
	}
	big := "{ __typename }" + strings.Repeat(" ", 100<<10)
	if reg, hit := register(big); !strings.Contains(reg, `"__typename"`) || !strings.Contains(hit, "PersistedQueryNotFound") {
		t.Errorf("a 100 KiB query: registration %.200s, then %.200s", reg, hit)
	}
	if _, hit := register("{ stages { code } }"); !strings.Contains(hit, `"stages"`) {
		t.Errorf("a small query was not kept: %.200s", hit)
	}
}

// TestHostileClients sends random documents and variables (fuzz_test.go), and broken ones,
// from 4 clients at once to the real server over the seed graph, for a fixed budget
// (BATTERYKG_FUZZ_DOCS documents, default 200, and at most 45 s; BATTERYKG_FUZZ_SEED picks
// the run). No answer may be a 5xx or other than JSON, no valid document may get INTERNAL,
// and the server must still answer afterwards.
func TestHostileClients(t *testing.T) {
	cfg := seedtest.Load(t)
	store, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	schema := graph.NewSchema(store)
	srv := httptest.NewServer(server.New(server.Config{Introspection: true, MaxCallerRequests: 64, MaxCallerStatements: 64, HeavyLane: 64}, schema, store, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)

	n := 200
	if v, err := strconv.Atoi(os.Getenv("BATTERYKG_FUZZ_DOCS")); err == nil && v > 0 {
		n = v
	}
	seed := uint64(13)
	if v, err := strconv.ParseUint(os.Getenv("BATTERYKG_FUZZ_SEED"), 10, 64); err == nil {
		seed = v
	}
	deadline := time.Now().Add(45 * time.Second)
	var mu sync.Mutex
	stats := map[string]int{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			g := &docGen{r: r, s: schema.Schema()}
			for i := w; i < n && time.Now().Before(deadline); i += 4 {
				doc, vars := g.document()
				if r.IntN(5) == 0 {
					doc = mutate(r, doc)
				}
				b, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
				req, _ := http.NewRequest("POST", srv.URL+"/graphql", strings.NewReader(string(b)))
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Errorf("document %d: %v", i, err)
					return
				}
				out, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var res struct {
					Errors []struct {
						Message    string
						Extensions struct{ Code string }
					}
				}
				if resp.StatusCode >= 500 || json.Unmarshal(out, &res) != nil {
					t.Errorf("document %d answered %d %.300s\n%s\nvariables %v", i, resp.StatusCode, out, doc, vars)
					continue
				}
				outcome := "data"
				for _, e := range res.Errors {
					outcome = e.Extensions.Code
					if e.Extensions.Code == "INTERNAL" {
						t.Errorf("document %d: INTERNAL (%s)\n%s\nvariables %v", i, e.Message, doc, vars)
					}
				}
				mu.Lock()
				stats[outcome]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t.Logf("outcomes (first error code, or data): %v", stats)
	if r := do(t, "GET", srv.URL+"/healthz", "", nil); r.status != 200 {
		t.Errorf("healthz after the run: %d", r.status)
	}
}
