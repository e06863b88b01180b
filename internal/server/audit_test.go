package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
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
		missing("the audit needs node: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "web", "node_modules", "graphql-http", "package.json")); err != nil {
		missing("the audit needs web/node_modules (run `make web`): %v", err)
	}
	srv := newServer(t, server.Config{CacheMaxAge: 60})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("web", "graphql-http-audit.mjs"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "BATTERYKG_URL="+srv.URL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the audit failed (%v):\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	t.Log(lines[len(lines)-1])
}
