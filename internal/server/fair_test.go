package server

import (
	"context"
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
