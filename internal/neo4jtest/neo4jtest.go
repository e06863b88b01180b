// Package neo4jtest finds the real Neo4j that integration tests run against.
//
// Every environment variable the tests read is here. `make test` starts a throw-away local
// Neo4j and sets them; a test run by hand without them skips its integration tests, unless
// BATTERYKG_REQUIRE_NEO4J=1, in which case it fails: under `make test` nothing is skipped.
package neo4jtest

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/faultproxy"
)

// Environment variables read by this package.
const (
	EnvURI      = "BATTERYKG_TEST_NEO4J_URI"
	EnvUser     = "BATTERYKG_TEST_NEO4J_USER"
	EnvPassword = "BATTERYKG_TEST_NEO4J_PASSWORD"
	EnvDatabase = "BATTERYKG_TEST_NEO4J_DATABASE"
	EnvRequire  = "BATTERYKG_REQUIRE_NEO4J"
)

// Marker is logged by every test that runs against Neo4j; the test report counts it.
const Marker = "[integration]"

// Config is the connection the tests use.
type Config struct {
	URI, User, Password, Database string
}

// FromEnv reads the test connection; ok is false when no URI is set.
func FromEnv() (cfg Config, ok bool) {
	cfg = Config{
		URI:      os.Getenv(EnvURI),
		User:     envOr(EnvUser, "neo4j"),
		Password: os.Getenv(EnvPassword),
		Database: envOr(EnvDatabase, "neo4j"),
	}
	return cfg, cfg.URI != ""
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

var (
	mu      sync.Mutex
	drivers = map[Config]neo4j.DriverWithContext{}
)

// Require returns the test connection, marks t as an integration test, and skips (or fails,
// under BATTERYKG_REQUIRE_NEO4J=1) when no Neo4j is configured.
func Require(t testing.TB) Config {
	t.Helper()
	cfg, ok := FromEnv()
	if !ok {
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("integration test needs Neo4j: %s is not set (run it with `make test`)", EnvURI)
		}
		t.Skipf("no Neo4j: set %s or run `make test`", EnvURI)
	}
	t.Log(Marker)
	return cfg
}

// Proxied is Require's connection through a fault proxy in front of the test Neo4j (closed
// when t ends): its URI is the proxy's, and the proxy can delay or cut the traffic.
func Proxied(t testing.TB) (Config, *faultproxy.Proxy) {
	t.Helper()
	cfg := Require(t)
	proxy, err := faultproxy.New(strings.TrimPrefix(cfg.URI, "bolt://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proxy.Close() })
	cfg.URI = "bolt://" + proxy.Addr()
	return cfg, proxy
}

// Driver returns a shared, verified driver for the test Neo4j (see Require).
func Driver(t testing.TB) (neo4j.DriverWithContext, Config) {
	t.Helper()
	cfg := Require(t)
	mu.Lock()
	defer mu.Unlock()
	if d, ok := drivers[cfg]; ok {
		return d, cfg
	}
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		t.Fatalf("neo4j driver for %s: %v", cfg.URI, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		t.Fatalf("neo4j at %s does not answer: %v", cfg.URI, err)
	}
	drivers[cfg] = d
	return d, cfg
}

// Wipe deletes every node and relationship in the test database. Tests that write call it
// first; packages run one at a time under `make test` (go test -p 1), so no two wipe at once.
func Wipe(t testing.TB) {
	t.Helper()
	d, cfg := Driver(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, d, "MATCH (n) DETACH DELETE n",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatalf("wipe test database: %v", err)
	}
}

// Run executes one Cypher statement against the test database and returns its records.
func Run(t testing.TB, cypher string, params map[string]any) []*neo4j.Record {
	t.Helper()
	d, cfg := Driver(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, d, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatalf("cypher %q: %v", cypher, err)
	}
	return res.Records
}
