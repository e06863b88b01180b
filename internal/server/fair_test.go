package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// TestStatementGate: a caller whose statements are slow runs them through the heavy lane
// (at most lane at once, all heavy callers together); a quick caller is never held by it.
func TestStatementGate(t *testing.T) {
	g := newStatementGate(4, 1, 20*time.Millisecond)
	ctxOf := func(key string) context.Context {
		return context.WithValue(context.Background(), callerKeyCtx{}, key)
	}
	var running, most atomic.Int32
	slow := func(ctx context.Context) graphql.Marshaler {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(50 * time.Millisecond)
		running.Add(-1)
		return graphql.Null
	}
	g.middleware(ctxOf("hog"), slow) // one slow statement: hog is heavy from now on
	if !g.isHeavy("hog") {
		t.Fatal("a caller with a 50 ms statement is not heavy")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); g.middleware(ctxOf("hog"), slow) }()
	}
	g.middleware(ctxOf("quick"), func(context.Context) graphql.Marshaler { return graphql.Null })
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d heavy statements ran at once, want 1 (the lane)", most.Load())
	}
	if g.isHeavy("quick") {
		t.Error("a quick caller counts as heavy")
	}
}

// TestWholeRequestLane: a heavy caller's request holds the lane from its first statement to
// the last byte of its answer, so a second heavy request waits for the first one's answer, not
// just for its statements; its statements run one at a time; a quick caller passes by.
func TestWholeRequestLane(t *testing.T) {
	g := newStatementGate(4, 1, 20*time.Millisecond)
	withKey := func(key string) *http.Request {
		r := httptest.NewRequest("POST", "/graphql", nil)
		return r.WithContext(context.WithValue(r.Context(), callerKeyCtx{}, key))
	}
	g.middleware(withKey("hog").Context(), func(context.Context) graphql.Marshaler {
		time.Sleep(50 * time.Millisecond)
		return graphql.Null
	})
	var inside, most, statements, mostStatements atomic.Int32
	peak := func(n int32, m *atomic.Int32) {
		for old := m.Load(); n > old && !m.CompareAndSwap(old, n); old = m.Load() {
		}
	}
	// a request: three concurrent statements, then a slow answer
	h := g.wholeRequest(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		peak(inside.Add(1), &most)
		defer inside.Add(-1)
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				g.middleware(r.Context(), func(context.Context) graphql.Marshaler {
					peak(statements.Add(1), &mostStatements)
					time.Sleep(5 * time.Millisecond)
					statements.Add(-1)
					return graphql.Null
				})
			}()
		}
		wg.Wait()
		time.Sleep(20 * time.Millisecond) // encoding and writing a big answer
	}))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); h.ServeHTTP(httptest.NewRecorder(), withKey("hog")) }()
	}
	wg.Wait()
	if most.Load() != 1 || mostStatements.Load() != 1 {
		t.Errorf("heavy requests at once %d, their statements at once %d; want 1 and 1", most.Load(), mostStatements.Load())
	}
	// A quick caller does not wait for the lane while a heavy request holds it.
	g.lane <- struct{}{}
	done := make(chan struct{})
	go func() {
		h.ServeHTTP(httptest.NewRecorder(), withKey("quick"))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Error("a quick caller waited for the heavy lane")
	}
	<-g.lane
}
