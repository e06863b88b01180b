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

// webTool is what a test that runs one of web/'s node scripts against a server needs: node,
// the npm files it names under web/node_modules and, for a browser test, Debian's chromium.
type webTool struct {
	node, chromium, root string
}

// needWebTool finds node, the files (paths below web/node_modules) and, when browser is set,
// chromium ($BATTERYKG_CHROMIUM, else /usr/bin/chromium). Without them the test skips, or
// fails under BATTERYKG_REQUIRE_NEO4J=1, as `make test` runs it.
func needWebTool(t *testing.T, what string, browser bool, files ...string) webTool {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv(neo4jtest.EnvRequire) == "1" {
			t.Fatalf(format, args...)
		}
		t.Skipf(format, args...)
	}
	w := webTool{root: repoRoot()}
	var err error
	if w.node, err = exec.LookPath("node"); err != nil {
		missing("%s needs node: %v", what, err)
	}
	if browser {
		if w.chromium = os.Getenv("BATTERYKG_CHROMIUM"); w.chromium == "" {
			w.chromium = "/usr/bin/chromium"
		}
		if _, err := os.Stat(w.chromium); err != nil {
			missing("%s needs chromium (run scripts/chromium.sh): %v", what, err)
		}
	}
	for _, p := range files {
		if _, err := os.Stat(filepath.Join(w.modules(), p)); err != nil {
			missing("%s needs web/node_modules (run `make web`): %v", what, err)
		}
	}
	return w
}

// modules is web/node_modules.
func (w webTool) modules() string { return filepath.Join(w.root, "web", "node_modules") }

// artifacts is test-artifacts/, where the browser tests leave their screenshots.
func (w webTool) artifacts() string { return filepath.Join(w.root, "test-artifacts") }

// run runs node web/<script> from the repository's root with the server's URL (and, for a
// browser test, the artifacts folder and chromium) in its environment, within timeout.
func (w webTool) run(timeout time.Duration, script, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, w.node, filepath.Join("web", script))
	cmd.Dir = w.root
	cmd.Env = append(os.Environ(), "BATTERYKG_URL="+url, "BATTERYKG_ARTIFACTS="+w.artifacts())
	if w.chromium != "" {
		cmd.Env = append(cmd.Env, "BATTERYKG_CHROMIUM="+w.chromium)
	}
	return cmd.CombinedOutput()
}
