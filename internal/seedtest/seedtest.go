// Package seedtest loads the repository's seed graph (data/seed) into the test Neo4j for
// integration tests: wiped, migrated and imported once per test binary, so that the tests of
// a package share one seeded database. Tests that change the graph must undo their changes.
package seedtest

import (
	"context"
	"log/slog"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// Dir is the repository's seed directory.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "data", "seed")
}

var (
	once sync.Once
	err  error
)

// Load makes sure the test Neo4j holds the seed graph (the first call in a test binary wipes
// the database, applies the migrations and imports data/seed) and returns the connection. It
// skips or fails like neo4jtest.Require when no Neo4j is configured.
func Load(t testing.TB) neo4jtest.Config {
	t.Helper()
	_, cfg := neo4jtest.Driver(t)
	once.Do(func() {
		neo4jtest.Wipe(t)
		st, e := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
		if e != nil {
			err = e
			return
		}
		defer st.Close(context.Background())
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		if _, err = st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
			return
		}
		_, err = st.Import(ctx, []string{Dir()}, cypherfile.Options{Database: cfg.Database})
	})
	if err != nil {
		t.Fatalf("loading the seed graph: %v", err)
	}
	return cfg
}
