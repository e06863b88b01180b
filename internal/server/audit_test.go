package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/server"
)

// TestGraphQLOverHTTPAudit runs graphql-http's server audit (web/graphql-http-audit.mjs,
// the npm graphql-http pinned in web/package.json) against the real server over the test
// Neo4j: every audit must pass, warnings included. Needs node and web/node_modules (`make
// web`); without them it skips, or fails under BATTERYKG_REQUIRE_NEO4J=1.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	neo4jtest.Require(t)
	w := needWebTool(t, "the audit", false, "graphql-http/package.json")
	srv := newServer(t, server.Config{CacheMaxAge: 60})
	out, err := w.run(2*time.Minute, "graphql-http-audit.mjs", srv.URL)
	if err != nil {
		t.Fatalf("the audit failed (%v):\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	t.Log(lines[len(lines)-1])
}
