package server_test

import (
	"os"
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
	w := needWebTool(t, "the explorer's browser test", true,
		"playwright-core/package.json", "cytoscape/dist/cytoscape.min.js", "cytoscape-fcose/cytoscape-fcose.js", "echarts/dist/echarts.min.js")
	root, modules := w.root, w.modules()
	srv := seededServer(t, modules)

	artifacts := filepath.Join(root, "test-artifacts")
	shots := []string{"graph", "why", "chain", "money", "table", "500"}
	for _, s := range shots {
		os.Remove(filepath.Join(artifacts, "explore-"+s+".png"))
	}
	out, err := w.run(8*time.Minute, "explore-test.mjs", srv.URL)
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
