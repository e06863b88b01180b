package neo4jstore

import (
	"context"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/kg"
)

// RetryAfter is how long a client should wait before asking again when the store answers
// UNAVAILABLE because Neo4j is out of reach: the probe looks every probeEvery meanwhile.
const RetryAfter = time.Second

const (
	// probeEvery is the pause between probes while Neo4j is out of reach, or while
	// statements are in flight (a statement stuck in the driver's own retries is invisible
	// to the store: only a probe sees that Neo4j has gone).
	probeEvery = 250 * time.Millisecond
	// probeTimeout bounds one probe. A probe that times out gives no verdict: a slow Neo4j is
	// not a gone one, and its statements end at their own deadline. It is generous: a Neo4j
	// that has just started may take a few seconds to answer, and the probe that waits for
	// that answer is the one that notices its return.
	probeTimeout = 5 * time.Second
)

// errGone is the cause of the contexts of the statements in flight when Neo4j is found gone.
var errGone = errors.New("the graph database went away")

// availability knows whether Neo4j is within reach, so that the store fails at once (with
// UNAVAILABLE) while it is not, instead of letting each statement wait on the driver's pool
// and retries until its deadline. A failed connection or a failed readiness ping makes it
// probe at once; a probe that cannot connect twice in a row (the first failure may be a
// stale pooled connection) marks Neo4j gone and cancels the statements in flight; from
// then on a probe every probeEvery notices Neo4j's return.
type availability struct {
	probe    func(context.Context) error
	onChange func(available bool, cause error)
	timeout  time.Duration // of one probe: probeTimeout

	down     atomic.Bool
	mu       sync.Mutex
	inflight map[uint64]context.CancelCauseFunc
	next     uint64
	kick     chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
}

func newAvailability(probe func(context.Context) error, onChange func(bool, error), timeout time.Duration) *availability {
	a := &availability{probe: probe, onChange: onChange, timeout: timeout, inflight: map[uint64]context.CancelCauseFunc{},
		kick: make(chan struct{}, 1), stop: make(chan struct{})}
	go a.loop()
	return a
}

// available reports whether Neo4j is thought within reach.
func (a *availability) available() bool { return !a.down.Load() }

// close stops the probe.
func (a *availability) close() { a.stopOnce.Do(func() { close(a.stop) }) }

// track registers a statement about to run: the returned context is cancelled with errGone
// if Neo4j is found gone meanwhile. Call done when the statement has ended.
func (a *availability) track(ctx context.Context) (_ context.Context, done func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	a.mu.Lock()
	id := a.next
	a.next++
	a.inflight[id] = cancel
	a.mu.Unlock()
	if a.down.Load() { // gone between the caller's check and the registration
		cancel(errGone)
	}
	return ctx, func() {
		a.mu.Lock()
		delete(a.inflight, id)
		a.mu.Unlock()
		cancel(nil)
	}
}

// observe looks at a statement's or a ping's error: one that says Neo4j may be gone makes
// the probe look at once.
func (a *availability) observe(err error) {
	if err != nil && gone(err) && !a.down.Load() {
		select {
		case a.kick <- struct{}{}:
		default:
		}
	}
}

func (a *availability) loop() {
	t := time.NewTicker(probeEvery)
	defer t.Stop()
	for {
		select {
		case <-a.stop:
			return
		case <-a.kick:
		case <-t.C:
			if !a.down.Load() && !a.busy() {
				continue
			}
		}
		a.check()
	}
}

func (a *availability) busy() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.inflight) > 0
}

// check probes Neo4j and records the verdict.
func (a *availability) check() {
	verdict, err := a.probeOnce()
	if verdict && err != nil && gone(err) && !a.down.Load() {
		verdict, err = a.probeOnce() // the first may have met a connection Neo4j closed earlier
	}
	switch {
	case !verdict:
	case err == nil:
		if a.down.CompareAndSwap(true, false) && a.onChange != nil {
			a.onChange(true, nil)
		}
	case gone(err):
		if a.down.CompareAndSwap(false, true) {
			a.mu.Lock()
			for _, cancel := range a.inflight {
				cancel(errGone)
			}
			a.mu.Unlock()
			if a.onChange != nil {
				a.onChange(false, err)
			}
		}
	}
}

// probeOnce runs one probe; one that ran into its time limit gives no verdict (false),
// whatever the driver made of it (a pool timeout, a connectivity error).
func (a *availability) probeOnce() (verdict bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), a.timeout)
	defer cancel()
	err = a.probe(ctx)
	return err == nil || ctx.Err() == nil, err
}

// gone reports whether err says Neo4j is out of reach (refused or lost connections, a
// database that is stopping or starting), rather than slow (a timeout, which the driver
// also reports as a connectivity error) or refusing one statement.
func gone(err error) bool {
	var conn *neo4j.ConnectivityError
	var ne *neo4j.Neo4jError
	var limit *neo4j.TransactionExecutionLimit
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return false // slow, or given up on: no verdict
	case errors.As(err, &conn):
		var timeout net.Error
		return !errors.Is(conn.Inner, context.DeadlineExceeded) && !errors.Is(conn.Inner, context.Canceled) &&
			!(errors.As(conn.Inner, &timeout) && timeout.Timeout())
	case errors.As(err, &ne):
		return ne.Code == "Neo.TransientError.General.DatabaseUnavailable"
	case errors.As(err, &limit):
		for _, e := range limit.Errors {
			if gone(e) {
				return true
			}
		}
	}
	return false
}

// unavailableError is the answer while Neo4j is out of reach, or a statement's when Neo4j
// went away under it, saying for a write whether it was applied: not when the transaction
// had not reached its commit, perhaps when Neo4j left during the commit.
func unavailableError(msg string, mode neo4j.AccessMode, committing bool, cause error) *kg.Error {
	if mode == neo4j.AccessModeWrite {
		if committing {
			msg += "; the change may or may not have been applied (sending it again is safe: every mutation is idempotent)"
		} else {
			msg += "; the change was not applied"
		}
	}
	return kg.Wrap(kg.EUNAVAILABLE, msg, cause)
}
