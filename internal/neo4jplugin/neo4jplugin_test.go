package neo4jplugin_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/localneo4j"
	"github.com/batterykg/batterykg/internal/neo4jplugin"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// libDir is the Neo4j jars the plugin compiles against: the jar cache of `make test`.
func libDir(t *testing.T) string {
	t.Helper()
	cache := os.Getenv("BATTERYKG_NEO4J_CACHE")
	if cache == "" {
		if os.Getenv(neo4jtest.EnvRequire) == "1" {
			t.Fatal("the plugin test needs the Neo4j jar cache: BATTERYKG_NEO4J_CACHE is not set (run it with `make test`)")
		}
		t.Skip("no jar cache: set BATTERYKG_NEO4J_CACHE (e.g. to .state/cache) or run `make test`")
	}
	t.Log(neo4jtest.Marker)
	return filepath.Join(cache, "neo4j-"+localneo4j.Version, "lib")
}

func TestInstall(t *testing.T) {
	lib := libDir(t)
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal(err)
	}
	plugins := filepath.Join(t.TempDir(), "plugins")
	if err := os.MkdirAll(plugins, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(plugins, "batterykg-plugin-000000000000.jar")
	other := filepath.Join(plugins, "apoc.jar")
	for _, f := range []string{stale, other} {
		if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	jar, err := neo4jplugin.Install(ctx, java, lib, plugins)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(jar)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	zr.Close()
	if !strings.Contains(strings.Join(names, " "), "org/batterykg/plugin/TouchedProcedures.class") ||
		names[0] != "META-INF/MANIFEST.MF" {
		t.Errorf("jar holds %q", names)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the old build %s is still there", stale)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another plugin was removed: %v", err)
	}
	// Built once: a second Install keeps the jar as it is, and another instance gets a copy
	// of the build kept beside the jars, not a new build.
	before, _ := os.Stat(jar)
	again, err := neo4jplugin.Install(ctx, java, lib, plugins)
	if err != nil || again != jar {
		t.Fatalf("second Install: %s %v", again, err)
	}
	if after, _ := os.Stat(again); !after.ModTime().Equal(before.ModTime()) {
		t.Error("the second Install rewrote the jar")
	}
	built := filepath.Join(filepath.Dir(lib), filepath.Base(jar))
	kept, err := os.Stat(built)
	if err != nil {
		t.Fatalf("no build kept beside the jars: %v", err)
	}
	copied, err := neo4jplugin.Install(ctx, java, lib, filepath.Join(t.TempDir(), "plugins"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(jar)
	b, _ := os.ReadFile(copied)
	if now, _ := os.Stat(built); !now.ModTime().Equal(kept.ModTime()) || !bytes.Equal(a, b) {
		t.Error("another instance's Install rebuilt the plugin, or got other bytes")
	}
	// Compiled against jars that are not Neo4j's: the error says what failed, nothing is left.
	empty := filepath.Join(t.TempDir(), "neo4j-0.0.0", "lib")
	os.MkdirAll(empty, 0o755)
	plugins2 := t.TempDir()
	if _, err := neo4jplugin.Install(ctx, java, empty, plugins2); err == nil || !strings.Contains(err.Error(), "compiling the batterykg plugin") {
		t.Errorf("compiling without Neo4j's jars: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(plugins2, "*"))
	beside, _ := filepath.Glob(filepath.Join(filepath.Dir(empty), "*"))
	if len(left) > 0 || len(beside) > 1 {
		t.Errorf("a failed build left %q %q", left, beside)
	}
}
