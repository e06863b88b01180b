package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/seedtest"
	"github.com/batterykg/batterykg/internal/server"
)

// repoRoot is the repository's root directory.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// seededServer serves the API over the seed graph, GraphiQL's scripts from modules, with
// time limits generous enough for a first, unplanned query on a loaded machine.
func seededServer(t *testing.T, modules string) *httptest.Server {
	t.Helper()
	cfg := seedtest.Load(t)
	store, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database,
		QueryTimeout: 60 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	h := server.New(server.Config{Introspection: true, AssetsDir: modules, RequestTimeout: 90 * time.Second},
		graph.NewSchema(store), store, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// TestExamplesRun runs every GraphiQL example tab (examples.graphql) over HTTP against the
// seed graph: each must answer data and no error.
func TestExamplesRun(t *testing.T) {
	neo4jtest.Require(t)
	b, err := os.ReadFile("examples.graphql")
	if err != nil {
		t.Fatal(err)
	}
	srv := seededServer(t, filepath.Join(repoRoot(), "web", "node_modules"))
	parts := strings.Split(string(b), "\n# ---\n")
	if len(parts) < 6 {
		t.Fatalf("%d examples, want about six", len(parts))
	}
	for i, q := range parts {
		title, _, _ := strings.Cut(strings.TrimSpace(q), "\n")
		t.Run(strings.TrimPrefix(title, "# "), func(t *testing.T) {
			if !strings.HasPrefix(title, "# ") {
				t.Errorf("example %d does not start with a # Title line: %q", i+1, title)
			}
			body, _ := json.Marshal(map[string]string{"query": q})
			resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Data   map[string]any
				Errors []any
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusOK || len(out.Errors) > 0 || len(out.Data) == 0 {
				t.Errorf("status %d, errors %v, data %v", resp.StatusCode, out.Errors, out.Data)
			}
		})
	}
}

// TestGraphiQLInBrowser serves the API over the seed graph, with GraphiQL's scripts from
// web/node_modules, and runs web/browser-test.mjs: headless Chromium opens GraphiQL, runs
// the first example tab and finds its answer in the result pane. The page may not reach
// anything but this server. Needs node, web/node_modules (`make web`) and chromium
// (scripts/chromium.sh); without them it skips, or fails under BATTERYKG_REQUIRE_NEO4J=1.
func TestGraphiQLInBrowser(t *testing.T) {
	neo4jtest.Require(t)
	w := needWebTool(t, "the browser test", true,
		"playwright-core/package.json", "graphiql/graphiql.min.js", "react/umd/react.production.min.js")
	root, modules := w.root, w.modules()
	srv := seededServer(t, modules)

	artifacts := filepath.Join(root, "test-artifacts")
	shot := filepath.Join(artifacts, "graphiql.png")
	os.Remove(shot)
	out, err := w.run(4*time.Minute, "browser-test.mjs", srv.URL)
	t.Logf("node web/browser-test.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("the browser test failed (%v); see the output above and %s", err, filepath.Join(artifacts, "graphiql-failure.png"))
	}
	if st, err := os.Stat(shot); err != nil || st.Size() == 0 {
		t.Errorf("no screenshot at %s: %v", shot, err)
	}
}
