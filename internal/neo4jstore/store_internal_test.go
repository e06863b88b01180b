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

// TestTimeoutOrUnavailable: a statement that runs out of time fails with TIMEOUT (whether the
// store's timeout or the request's deadline ran out), and one that never reached Neo4j in time
// fails with UNAVAILABLE, which tells clients to try again; the store works afterwards.
func TestTimeoutOrUnavailable(t *testing.T) {
	cfg := neo4jtest.Require(t)
	open := func(uri string, timeout time.Duration) *Store {
		s, err := Open(Config{URI: uri, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: timeout})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close(context.Background()) })
		return s
	}
	ctx := context.Background()
	const slow = "UNWIND range(1, 10000000000) AS x RETURN count(x) AS n" // minutes of work

	s := open(cfg.URI, time.Second)
	if _, err := s.read(ctx, slow, nil); kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("statement longer than the store's timeout: %v, want %s", err, kg.ETIMEOUT)
	}
	expired, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	if _, err := s.read(expired, "RETURN 1", nil); kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("request deadline already passed: %v, want %s", err, kg.ETIMEOUT)
	}
	if _, err := s.read(ctx, "RETURN 1", nil); err != nil {
		t.Errorf("after the timeouts: %v", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0") // a port nobody answers on
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	down := open(fmt.Sprintf("bolt://127.0.0.1:%d", port), time.Second)
	if _, err := down.read(ctx, "RETURN 1", nil); kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Errorf("Neo4j out of reach: %v, want %s", err, kg.EUNAVAILABLE)
	}
}
