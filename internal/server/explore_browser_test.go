package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// TestExplorerInBrowser serves the API over the seed graph, with the explorer's scripts from
// web/node_modules, and runs web/explore-test.mjs in headless Chromium: search and expand,
// "+N more", why ULB and Wallonie Entreprendre are connected (the four-hop path highlighted),
// the value chain, the money Sankey, the table view, the GraphML download parsed back against
// what is drawn, the view's URL reopened, "Open in GraphiQL", and a timed 500-node drawing.
// Every request off the server fails it. Screenshots: test-artifacts/explore-*.png.
func TestExplorerInBrowser(t *testing.T) {
	neo4jtest.Require(t)
	root := repoRoot()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv(neo4jtest.EnvRequire) == "1" {
			t.Fatalf(format, args...)
		}
		t.Skipf(format, args...)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("the browser test needs node: %v", err)
	}
	chromium := os.Getenv("BATTERYKG_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		missing("the browser test needs chromium (run scripts/chromium.sh): %v", err)
	}
	modules := filepath.Join(root, "web", "node_modules")
	for _, p := range []string{"playwright-core/package.json", "cytoscape/dist/cytoscape.min.js", "cytoscape-fcose/cytoscape-fcose.js", "echarts/dist/echarts.min.js"} {
		if _, err := os.Stat(filepath.Join(modules, p)); err != nil {
			missing("the browser test needs web/node_modules (run `make web`): %v", err)
		}
	}

	srv := seededServer(t, modules)

	artifacts := filepath.Join(root, "test-artifacts")
	shots := []string{"graph", "why", "chain", "money", "table", "500"}
	for _, s := range shots {
		os.Remove(filepath.Join(artifacts, "explore-"+s+".png"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("web", "explore-test.mjs"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "BATTERYKG_URL="+srv.URL, "BATTERYKG_ARTIFACTS="+artifacts, "BATTERYKG_CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("node web/explore-test.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("the explorer's browser test failed (%v); see the output above and %s", err, filepath.Join(artifacts, "explore-failure.png"))
	}
	for _, s := range shots {
		p := filepath.Join(artifacts, "explore-"+s+".png")
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("no screenshot at %s: %v", p, err)
		}
	}
}
