package neo4jstore_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/seedtest"
)

// TestPathSearchBudget: pathSearch answers as shortestPaths does when its search completes;
// when its budget runs out it answers the search through no stage run beside it, saying so,
// and when that one runs out too (or the search was through no stage), no paths, saying so.
func TestPathSearchBudget(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, seedtest.Dir())
	ctx := context.Background()
	pathFields := []kg.Field{{Name: "length", Alias: "length"}, {Name: "nodes", Alias: "nodes", Fields: []kg.Field{{Name: "id", Alias: "id"}}}}
	args := func(via bool, extra ...any) map[string]any {
		m := map[string]any{"from": "ulb", "to": "wallonie-entreprendre", "maxHops": int64(5), "k": int64(10), "viaStages": via}
		for i := 0; i < len(extra); i += 2 {
			m[extra[i].(string)] = extra[i+1]
		}
		return m
	}
	asJSON := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	shortest := func(via bool) string {
		t.Helper()
		v, err := s.Query(ctx, kg.Field{Name: "shortestPaths", Alias: "shortestPaths", Args: args(via), Fields: pathFields})
		if err != nil {
			t.Fatal(err)
		}
		return asJSON(v)
	}
	search := kg.Field{Name: "pathSearch", Alias: "pathSearch", Args: args(true, "budgetMs", int64(5000)), Fields: []kg.Field{
		{Name: "complete", Alias: "complete"}, {Name: "viaStages", Alias: "viaStages"}, {Name: "paths", Alias: "paths", Fields: pathFields}}}
	type answer struct {
		Complete, ViaStages bool
		Paths               any
	}
	decode := func(v any, err error) answer {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var a answer
		b, _ := json.Marshal(v)
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		return a
	}
	via, direct := shortest(true), shortest(false)
	if via == direct {
		t.Fatalf("the pair's paths through stages are the same as without: the test shows nothing (%s)", via)
	}
	// Within its budget: the paths through stages, complete.
	a := decode(s.Query(ctx, search))
	if !a.Complete || !a.ViaStages || asJSON(a.Paths) != via {
		t.Errorf("within budget: complete %v, viaStages %v, paths %s; want true, true, %s", a.Complete, a.ViaStages, asJSON(a.Paths), via)
	}
	// Out of budget (a budget spent before the search starts): the paths through no stage, cut.
	a = decode(s.QueryWithin(ctx, search, time.Nanosecond, 5*time.Second))
	if a.Complete || a.ViaStages || asJSON(a.Paths) != direct {
		t.Errorf("out of budget: complete %v, viaStages %v, paths %s; want false, false, %s", a.Complete, a.ViaStages, asJSON(a.Paths), direct)
	}
	// Both searches out of budget: no paths, cut.
	a = decode(s.QueryWithin(ctx, search, time.Nanosecond, time.Nanosecond))
	if a.Complete || a.ViaStages || asJSON(a.Paths) != "[]" {
		t.Errorf("both out of budget: complete %v, viaStages %v, paths %s; want false, false, []", a.Complete, a.ViaStages, asJSON(a.Paths))
	}
	search.Args = args(true, "from", "no-such-node")
	if v, err := s.QueryWithin(ctx, search, time.Nanosecond, time.Nanosecond); err != nil || v != nil {
		t.Errorf("both out of budget, unknown id: %v, %v (want nil: NOT_FOUND in the resolver)", v, err)
	}
	// Another search through stages still running in Neo4j, which cannot stop it: this one
	// does not start another; the search through no stage answers, saying so, well within
	// the budget. shortestPaths through stages, which cannot say so, waits for the place
	// within the request's time and then times out.
	search.Args = args(true, "budgetMs", int64(5000))
	release := s.HoldStageSearch()
	a = decode(s.Query(ctx, search))
	if a.Complete || a.ViaStages || asJSON(a.Paths) != direct {
		t.Errorf("another search running: complete %v, viaStages %v, paths %s; want false, false, %s", a.Complete, a.ViaStages, asJSON(a.Paths), direct)
	}
	sctx, cancel := context.WithTimeout(ctx, time.Second)
	_, err := s.Query(sctx, kg.Field{Name: "shortestPaths", Alias: "shortestPaths", Args: args(true), Fields: pathFields})
	cancel()
	if kg.ErrorCode(err) != kg.EUNAVAILABLE {
		t.Errorf("shortestPaths through stages while another runs: %v, want UNAVAILABLE", err)
	}
	release()
	if a = decode(s.Query(ctx, search)); !a.Complete || asJSON(a.Paths) != via {
		t.Errorf("the place free again: complete %v, paths %s; want true, %s", a.Complete, asJSON(a.Paths), via)
	}
	// Not through stages: the default search, complete within its budget; out of it (a
	// budget spent before the search starts: at 1,000,000 actors a few far-apart pairs take
	// longer than the request's time), no paths, saying so.
	search.Args = args(false)
	a = decode(s.Query(ctx, search))
	if !a.Complete || a.ViaStages || asJSON(a.Paths) != direct {
		t.Errorf("without stages: complete %v, viaStages %v, paths %s", a.Complete, a.ViaStages, asJSON(a.Paths))
	}
	a = decode(s.QueryWithin(ctx, search, time.Nanosecond, 5*time.Second))
	if a.Complete || a.ViaStages || asJSON(a.Paths) != "[]" {
		t.Errorf("without stages, out of budget: complete %v, viaStages %v, paths %s; want false, false, []", a.Complete, a.ViaStages, asJSON(a.Paths))
	}
	// The first search of a shape since the store opened has the request's time, not the
	// budget (Neo4j compiles the statement then, which takes longer than a small budget),
	// so it completes even with a budget spent before it starts; the next one keeps the
	// budget (here, none: cut).
	fresh := evStore(t)
	a = decode(fresh.QueryWithin(ctx, search, time.Nanosecond, time.Nanosecond))
	if !a.Complete || asJSON(a.Paths) != direct {
		t.Errorf("first search of its shape, budget spent: complete %v, paths %s; want true, %s", a.Complete, asJSON(a.Paths), direct)
	}
	a = decode(fresh.QueryWithin(ctx, search, time.Nanosecond, time.Nanosecond))
	if a.Complete || asJSON(a.Paths) != "[]" {
		t.Errorf("second search of its shape, budget spent: complete %v, paths %s; want false, []", a.Complete, asJSON(a.Paths))
	}

	// Bad budget, unknown id.
	search.Args = args(true, "budgetMs", int64(10))
	if _, err := s.Query(ctx, search); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("budgetMs 10: %v", err)
	}
	search.Args = args(true, "from", "no-such-node")
	if v, err := s.Query(ctx, search); err != nil || v != nil {
		t.Errorf("unknown id: %v, %v (want nil: NOT_FOUND in the resolver)", v, err)
	}
}
