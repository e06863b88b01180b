package neo4jstore

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// TestTimeoutsAndOutages: a statement longer than the store's timeout, a request whose
// deadline has passed and a Neo4j out of reach all answer UNAVAILABLE, each saying which,
// and the store works after a timeout. (A timeout is not told apart by its code: while Neo4j
// restarts, a statement sent to it also runs into the deadline, and clients should retry.)
func TestTimeoutsAndOutages(t *testing.T) {
	cfg := neo4jtest.Require(t)
	open := func(uri string, timeout time.Duration) *Store {
		s, err := Open(Config{URI: uri, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: timeout})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close(context.Background()) })
		return s
	}
	check := func(what string, err error, msg string) {
		t.Helper()
		if kg.ErrorCode(err) != kg.EUNAVAILABLE || kg.ErrorMessage(err) != msg {
			t.Errorf("%s: %v, want %s %q", what, err, kg.EUNAVAILABLE, msg)
		}
	}
	ctx := context.Background()
	s := open(cfg.URI, time.Second)
	_, err := s.read(ctx, "UNWIND range(1, 10000000000) AS x RETURN count(x) AS n", nil) // minutes of work
	check("statement longer than the timeout", err, "query timed out")
	expired, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	_, err = s.read(expired, "RETURN 1", nil)
	check("request deadline passed", err, "request deadline exceeded")
	if _, err := s.read(ctx, "RETURN 1", nil); err != nil {
		t.Errorf("after the timeout: %v", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0") // a port nobody answers on
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	_, err = open(fmt.Sprintf("bolt://127.0.0.1:%d", port), time.Second).read(ctx, "RETURN 1", nil)
	if kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Errorf("Neo4j out of reach: %v, want %s", err, kg.EUNAVAILABLE)
	}
}

// TestReadOverStaleConnection: a read that finds its pooled connection closed underneath it
// (Neo4j restarted, a proxy dropped idle connections) is sent again and answers, as a
// managed transaction's retries would, though reads go out as auto-commit transactions.
func TestReadOverStaleConnection(t *testing.T) {
	cfg, proxy := neo4jtest.Proxied(t)
	s, err := Open(Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	for round := range 3 {
		recs, err := s.read(ctx, "RETURN $x AS x", map[string]any{"x": int64(round)})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if x, _ := recs[0].Get("x"); x != int64(round) {
			t.Fatalf("round %d: x = %v", round, x)
		}
		proxy.Cut() // the pooled connection is closed; new ones are accepted again at once
		proxy.Restore()
	}
}

// TestShortestPathsTimeoutNamesPathSearch: a shortestPaths that runs into the time limit
// (far-apart actors at a million) says that pathSearch answers within a budget; other
// queries say only that they timed out.
func TestShortestPathsTimeoutNamesPathSearch(t *testing.T) {
	cfg := neo4jtest.Require(t)
	s, err := Open(Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	ids := []kg.Field{{Name: "id", Alias: "id"}}
	paths := kg.Field{Name: "shortestPaths", Alias: "shortestPaths", Args: map[string]any{"from": "ulb", "to": "uliege"},
		Fields: []kg.Field{{Name: "length", Alias: "length"}, {Name: "nodes", Alias: "nodes", Fields: ids}}}
	_, err = s.Query(ctx, paths)
	if want := "query timed out (the actors may be far apart; pathSearch answers within a budget)"; kg.ErrorCode(err) != kg.EUNAVAILABLE || kg.ErrorMessage(err) != want {
		t.Errorf("shortestPaths past its time limit: %v, want %s %q", err, kg.EUNAVAILABLE, want)
	}
	stages := kg.Field{Name: "stages", Alias: "stages", Fields: []kg.Field{{Name: "code", Alias: "code"}}}
	_, err = s.Query(ctx, stages)
	if kg.ErrorCode(err) != kg.EUNAVAILABLE || kg.ErrorMessage(err) != "query timed out" {
		t.Errorf("stages past its time limit: %v, want %s %q", err, kg.EUNAVAILABLE, "query timed out")
	}
}
