package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// evTouchedProblems are changes whose problems lie outside what the transaction wrote, or
// that must find nothing: the cases a check of the touched elements could get wrong.
var evTouchedProblems = []struct{ name, cypher string }{
	{"relabel a project with relationships", `MATCH (n:Project {id: 'batfactory'}) REMOVE n:Project SET n:Topic, n.kind = 'WORKSHOP_TOPIC'`},
	{"relabel an actor to another main label", `MATCH (n:Actor {id: 'uliege'}) REMOVE n:Actor, n:University SET n:Event`},
	{"delete a source other elements name", `MATCH (s:Source {id: 'brochure'}) DETACH DELETE s`},
	{"rename a source", `MATCH (s:Source {id: 'win4c-s3'}) SET s.id = 'win4c-s3-renamed'`},
	{"unlabel a source", `MATCH (s:Source {id: 'unamur-batfactory'}) REMOVE s:Source SET s:Topic`},
	{"replace a source by one with its id", `MATCH (s:Source {id: 'batmass-news'}) WITH s, properties(s) AS p DETACH DELETE s CREATE (t:Source) SET t = p`},
	{"two new nodes share an id", `CREATE (:Topic {id: 'twin', name: 'Twin', kind: 'WORKSHOP_TOPIC', ` + evFull + `}),
		(:Person {id: 'twin', name: 'Twin', ` + evFull + `})`},
	{"a node made and deleted", `CREATE (n:Organisation {id: 'Gone'}) WITH n DELETE n`},
	{"a relationship deleted", `MATCH (:Actor {id: 'gemme'})-[r:PART_OF]->() DELETE r`},
	{"a valid change", `MATCH (n:Actor {id: 'prayon'}) SET n.name = n.name + ' (Engis)'`},
	{"nothing written", `MATCH (n:Actor {id: 'prayon'}) RETURN n.id`},
}

// TestValidateTouchedMatchesWholeGraph is the oracle of the import's scoped model check: on
// the seed graph, which passes, every problem a transaction makes is one it made, so the
// checks of what it touched (the batterykg plugin's procedures) must find exactly what the
// whole-graph checks find, inside the same transaction: same counts, same examples.
func TestValidateTouchedMatchesWholeGraph(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)
	ctx := context.Background()
	if ok, err := s.CanCheckTouched(ctx); err != nil || !ok {
		t.Fatalf("the test Neo4j has no batterykg plugin (localneo4j installs it): %v %v", ok, err)
	}
	compare := func(t *testing.T, statements ...string) (wholeFails int) {
		t.Helper()
		tx := evWritingTx(t, statements...)
		opts := neo4jstore.ValidateOptions{Checks: neo4jstore.ErrorChecks(), Examples: 100}
		whole, err := neo4jstore.ValidateIn(ctx, tx, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Touched = true
		touched, err := neo4jstore.ValidateIn(ctx, tx, opts)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range whole.Results {
			g := touched.Results[i]
			if g.Count != w.Count || !slices.Equal(g.Examples, w.Examples) {
				t.Errorf("%s: touched %d %q; whole graph %d %q", w.Name, g.Count, g.Examples, w.Count, w.Examples)
			}
		}
		wl, wp, err := neo4jstore.OutsideModel(ctx, tx, false)
		if err != nil {
			t.Fatal(err)
		}
		tl, tp, err := neo4jstore.OutsideModel(ctx, tx, true)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(wl, tl) || !slices.Equal(wp, tp) {
			t.Errorf("outside the model: touched %q %q; whole graph %q %q", tl, tp, wl, wp)
		}
		return len(whole.Failures(false))
	}
	errorCheck := map[string]bool{}
	for _, c := range neo4jstore.ErrorChecks() {
		errorCheck[c] = true
	}
	var all []string
	for _, p := range evProblems {
		if !errorCheck[p.check] {
			continue
		}
		all = append(all, p.cypher)
		t.Run(p.check, func(t *testing.T) {
			if compare(t, p.cypher) == 0 {
				t.Errorf("the whole graph passes after %s", p.cypher)
			}
		})
	}
	failing := 0
	for _, p := range evTouchedProblems {
		all = append(all, p.cypher)
		t.Run(p.name, func(t *testing.T) {
			if compare(t, p.cypher) > 0 {
				failing++
			}
		})
	}
	// The cases above must exercise both outcomes: the renames and deletions fail, the
	// valid change and the deleted leftovers pass.
	if failing < 6 || failing > len(evTouchedProblems)-3 {
		t.Errorf("%d of the %d touched cases fail the whole-graph checks; want 6 to %d", failing, len(evTouchedProblems), len(evTouchedProblems)-3)
	}
	t.Run("every problem in one transaction", func(t *testing.T) { compare(t, all...) })
}

// TestValidateTouchedIsScoped: the touched checks look at what the transaction wrote only, so
// a problem committed earlier (here with no check) does not refuse a later, valid change,
// while the whole-graph checks still see it.
func TestValidateTouchedIsScoped(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)
	ctx := context.Background()
	neo4jtest.Run(t, `MATCH (n:Actor {id: 'agc'}) REMOVE n.confidence`, nil)
	tx := evWritingTx(t, `MATCH (n:Actor {id: 'prayon'}) SET n.name = 'Prayon'`)
	for _, touched := range []bool{false, true} {
		rep, err := neo4jstore.ValidateIn(ctx, tx, neo4jstore.ValidateOptions{Checks: neo4jstore.ErrorChecks(), Touched: touched})
		if err != nil {
			t.Fatal(err)
		}
		r, _ := rep.Result("node-without-confidence")
		if want := int64(1); touched {
			want = 0
			if r.Count != want {
				t.Errorf("touched: node-without-confidence %d %q, want %d (agc was not touched)", r.Count, r.Examples, want)
			}
		} else if r.Count != want || !slices.Equal(r.Examples, []string{"agc"}) {
			t.Errorf("whole graph: node-without-confidence %d %q, want agc", r.Count, r.Examples)
		}
	}
}

// evWritingTx opens a transaction on the test Neo4j, runs statements in it and returns it
// open; it is rolled back when t ends.
func evWritingTx(t *testing.T, statements ...string) neo4j.ExplicitTransaction {
	t.Helper()
	ctx := context.Background()
	d, cfg := neo4jtest.Driver(t)
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.Database})
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		sess.Close(ctx)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tx.Rollback(ctx)
		sess.Close(ctx)
	})
	for _, c := range statements {
		if _, err := tx.Run(ctx, c, nil); err != nil {
			t.Fatalf("%s: %v", c, err)
		}
	}
	return tx
}
