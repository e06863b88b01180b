package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestGone: refused or lost connections and a stopping database say Neo4j is gone; a
// timeout (slow, not gone), a cancelled request or a statement's own error do not.
func TestGone(t *testing.T) {
	refused := &neo4j.ConnectivityError{Inner: fmt.Errorf("dial tcp 127.0.0.1:7687: %w", syscall.ECONNREFUSED)}
	for _, c := range []struct {
		err  error
		gone bool
	}{
		{refused, true},
		{&neo4j.ConnectivityError{Inner: errors.New("EOF")}, true},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, true},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{refused}}, true},
		{&neo4j.ConnectivityError{Inner: context.DeadlineExceeded}, false},
		{&neo4j.ConnectivityError{Inner: fmt.Errorf("read: %w", context.Canceled)}, false},
		{context.DeadlineExceeded, false},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed"}, false},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, false},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{context.DeadlineExceeded}}, false},
	} {
		if got := gone(c.err); got != c.gone {
			t.Errorf("gone(%v) = %v, want %v", c.err, got, c.gone)
		}
	}
}

// TestAvailabilityStates: a failure that may mean Neo4j is gone makes the probe look; two
// refused probes mark it gone and cancel the statements in flight; a probe that times out
// gives no verdict; the first probe that succeeds marks it back.
func TestAvailabilityStates(t *testing.T) {
	var mu sync.Mutex
	var result error // what the probe returns; "slow" makes it wait out its limit
	set := func(err error) { mu.Lock(); result = err; mu.Unlock() }
	refused := &neo4j.ConnectivityError{Inner: syscall.ECONNREFUSED}
	changes := make(chan bool, 10)
	a := newAvailability(func(ctx context.Context) error {
		mu.Lock()
		err := result
		mu.Unlock()
		if err != nil && err.Error() == "slow" {
			<-ctx.Done()
			return &neo4j.ConnectivityError{Inner: ctx.Err()}
		}
		return err
	}, func(up bool, _ error) { changes <- up }, 200*time.Millisecond)
	defer a.close()
	wait := func(want bool) {
		t.Helper()
		select {
		case up := <-changes:
			if up != want {
				t.Fatalf("available = %v, want %v", up, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("still not available = %v", want)
		}
	}

	ctx, done := a.track(context.Background())
	set(refused)
	a.observe(refused)
	wait(false)
	if a.available() || !errors.Is(context.Cause(ctx), errGone) {
		t.Fatalf("available %v, statement in flight: %v", a.available(), context.Cause(ctx))
	}
	done()
	set(nil)
	wait(true)

	set(errors.New("slow"))
	ctx, done = a.track(context.Background()) // in flight: the probe looks periodically
	time.Sleep(3 * a.timeout)
	if !a.available() || ctx.Err() != nil {
		t.Errorf("a probe that timed out changed the verdict: available %v, %v", a.available(), ctx.Err())
	}
	done()
}
