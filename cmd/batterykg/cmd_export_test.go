package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// vxConnArgs are the connection flags of the test Neo4j.
func vxConnArgs(t *testing.T) []string {
	t.Helper()
	_, cfg := neo4jtest.Driver(t)
	return []string{"--uri", cfg.URI, "--user", cfg.User, "--password", cfg.Password, "--database", cfg.Database, "--query-timeout", "2m"}
}

// vxLoad wipes the test database, applies the migrations and loads the Cypher files.
func vxLoad(t *testing.T, paths ...string) {
	t.Helper()
	_, cfg := neo4jtest.Driver(t)
	neo4jtest.Wipe(t)
	s, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if _, err := s.Migrate(context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	if len(paths) > 0 {
		if _, err := s.Import(context.Background(), paths, cypherfile.Options{Database: cfg.Database}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExportCommand(t *testing.T) {
	vxLoad(t, "../../data/seed")
	conn := vxConnArgs(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "graph.cypher")
	var stdout, stderr bytes.Buffer
	if err := exportCmd(context.Background(), append(conn, "--out", file), &stdout, &stderr); err != nil {
		t.Fatalf("export --out: %v\n%s", err, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("export --out wrote %d bytes to stdout", stdout.Len())
	}
	if !strings.Contains(stderr.String(), "written to "+file) {
		t.Errorf("no summary on stderr: %q", stderr.String())
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("export left %d files in the directory", len(entries))
	}
	stdout.Reset()
	stderr.Reset()
	if err := exportCmd(context.Background(), append(conn, "--quiet", "--page-size", "3"), &stdout, &stderr); err != nil {
		t.Fatalf("export to stdout: %v", err)
	}
	if !bytes.Equal(stdout.Bytes(), written) {
		t.Error("export to stdout differs from export --out")
	}
	if stderr.Len() != 0 {
		t.Errorf("--quiet wrote to stderr: %q", stderr.String())
	}

	// The export loads into an empty graph, which then validates like the seed.
	vxLoad(t, file)
	stdout.Reset()
	if err := validateCmd(context.Background(), conn, &stdout, io.Discard); err != nil {
		t.Errorf("validate after the round trip: %v\n%s", err, stdout.String())
	}

	if err := exportCmd(context.Background(), append(conn, "--out", filepath.Join(dir, "no", "such", "dir.cypher")), io.Discard, io.Discard); err == nil {
		t.Error("export into a missing directory succeeded")
	}
	if err := exportCmd(context.Background(), append(conn, "stray.cypher"), io.Discard, io.Discard); err == nil {
		t.Error("a stray argument is accepted")
	}
	neo4jtest.Wipe(t)
}
