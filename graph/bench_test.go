package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/server"
)

// BenchmarkNestedOverhead runs the nested dashboard query's first root field (actors ->
// projects -> participants -> stages) end to end over HTTP, and the very Cypher statement it
// compiles to directly through the driver, interleaved in one run, and reports both
// latencies and their ratio (api/cypher).
func BenchmarkNestedOverhead(b *testing.B) {
	newAPI(b) // loads the seed graph once
	d, cfg := neo4jtest.Driver(b)
	const query = `query Nested { actors(filter: {region: [WAL]}, first: 10, orderBy: [{field: PROJECT_COUNT, direction: DESC}]) {
	  totalCount edges { node { id name kind stages { code }
	    projects(first: 5) { totalCount edges { role project { id name
	      participants(first: 20) { totalCount edges { role actor { id name stages { code } } } }
	      stages { code } } } } } } } }`

	store, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close(context.Background())
	rec := &recorder{statements: map[string]cypherc.Statement{}}
	compile := server.New(server.Config{}, graph.NewSchema(rec), store, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(server.New(server.Config{}, graph.NewSchema(store), store, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	body, _ := json.Marshal(map[string]string{"query": query})
	w := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	compile.ServeHTTP(w, req)
	st := rec.statements["actors"]
	if st.Cypher == "" {
		b.Fatalf("the query did not compile: %s", w.Body)
	}

	viaAPI := func() {
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
			b.Fatalf("%d %s", resp.StatusCode, out)
		}
	}
	direct := func() {
		res, err := neo4j.ExecuteQuery(context.Background(), d, st.Cypher, st.Params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil || len(res.Records) != 1 {
			b.Fatal(err)
		}
	}
	for range 20 { // warm both paths: plans cached, connections pooled
		viaAPI()
		direct()
	}
	var api, raw time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		viaAPI()
		t1 := time.Now()
		direct()
		api, raw = api+t1.Sub(t0), raw+time.Since(t1)
	}
	b.ReportMetric(float64(api.Microseconds())/float64(b.N), "api-µs/op")
	b.ReportMetric(float64(raw.Microseconds())/float64(b.N), "cypher-µs/op")
	b.ReportMetric(float64(api)/float64(raw), "api/cypher")
}
