package neo4jstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// TestTimeoutsSayTimeout: a statement that runs out of time fails with TIMEOUT, not
// UNAVAILABLE (which tells clients to try again), whether the store's own timeout or the
// request's deadline ran out, and the store keeps working afterwards.
func TestTimeoutsSayTimeout(t *testing.T) {
	cfg := neo4jtest.Require(t)
	open := func(timeout time.Duration) *neo4jstore.Store {
		s, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password,
			Database: cfg.Database, QueryTimeout: timeout})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close(context.Background()) })
		return s
	}
	// Any statement: no answer comes back within a microsecond.
	slow := kg.Field{Name: "ecosystemStats", Alias: "ecosystemStats", Fields: []kg.Field{{Name: "actors", Alias: "actors"}}}
	ctx := context.Background()

	s := open(time.Microsecond)
	if _, err := s.Query(ctx, slow); kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("store timeout: %v, want code %s", err, kg.ETIMEOUT)
	}
	expired, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	s = open(10 * time.Second)
	if _, err := s.Query(expired, slow); kg.ErrorCode(err) != kg.ETIMEOUT {
		t.Errorf("request deadline passed: %v, want code %s", err, kg.ETIMEOUT)
	}
	if _, err := s.Query(ctx, slow); err != nil {
		t.Errorf("after the timeouts: %v", err)
	}
}
