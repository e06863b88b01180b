package server

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
)

// TestStatementGate: a caller whose statements are slow runs them through the heavy lane
// (at most lane at once, all heavy callers together); a quick caller is never held by it.
func TestStatementGate(t *testing.T) {
	g := newStatementGate(4, 1, 20*time.Millisecond, 1000)
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

// TestOperationLane: an operation of a heavy caller holds the lane from its first statement to
// its encoded answer, so a second heavy operation waits for the first one's answer, not just
// for its statements, and its statements run one at a time; a big operation (priced at
// bigCost or more) takes the lane once its caller keeps the server busy; a quick caller
// passes by.
func TestOperationLane(t *testing.T) {
	g := newStatementGate(4, 1, 20*time.Millisecond, 1000)
	withKey := func(key string, cost int) context.Context {
		op := &graphql.OperationContext{}
		op.Stats.SetExtension("ComplexityLimit", &extension.ComplexityStats{Complexity: cost, ComplexityLimit: 10000})
		return graphql.WithOperationContext(context.WithValue(context.Background(), callerKeyCtx{}, key), op)
	}
	g.middleware(withKey("hog", 1), func(context.Context) graphql.Marshaler {
		time.Sleep(50 * time.Millisecond)
		return graphql.Null
	})
	var inside, most, statements, mostStatements atomic.Int32
	peak := func(n int32, m *atomic.Int32) {
		for old := m.Load(); n > old && !m.CompareAndSwap(old, n); old = m.Load() {
		}
	}
	// an operation: three concurrent statements, then a slow answer
	op := func(ctx context.Context) *graphql.Response {
		peak(inside.Add(1), &most)
		defer inside.Add(-1)
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				g.middleware(ctx, func(context.Context) graphql.Marshaler {
					peak(statements.Add(1), &mostStatements)
					time.Sleep(5 * time.Millisecond)
					statements.Add(-1)
					return graphql.Null
				})
			}()
		}
		wg.Wait()
		time.Sleep(20 * time.Millisecond) // encoding a big answer
		return &graphql.Response{}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); g.responses(withKey("hog", 1), op) }()
	}
	wg.Wait()
	if most.Load() != 1 || mostStatements.Load() != 1 {
		t.Errorf("heavy operations at once %d, their statements at once %d; want 1 and 1", most.Load(), mostStatements.Load())
	}

	// Quick statements, big operations, back to back from four clients of one caller: once
	// the caller keeps the server busy, its big operations take the lane.
	most.Store(0)
	quick := func(ctx context.Context) *graphql.Response {
		peak(inside.Add(1), &most)
		defer inside.Add(-1)
		time.Sleep(10 * time.Millisecond)
		return &graphql.Response{}
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 30 {
				g.responses(withKey("crowd", 5000), quick)
			}
		}()
	}
	wg.Wait()
	most.Store(0)
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); g.responses(withKey("crowd", 5000), quick) }()
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d big operations of a busy caller ran at once, want 1", most.Load())
	}
	// The same caller's small operations and another caller's big ones do not wait.
	g.lane <- struct{}{}
	for _, c := range []struct {
		key  string
		cost int
	}{{"crowd", 10}, {"visitor", 5000}} {
		done := make(chan struct{})
		go func() {
			g.responses(withKey(c.key, c.cost), quick)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Errorf("%s's operation of cost %d waited for the lane", c.key, c.cost)
		}
	}
	<-g.lane
	// Errors before execution reach the response middleware without an operation.
	if r := g.responses(context.WithValue(context.Background(), callerKeyCtx{}, "crowd"), quick); r == nil {
		t.Error("no response for an error before execution")
	}
}
