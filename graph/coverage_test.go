package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/seedtest"
)

// coverageCounts are a stage's figures: direct, through projects, distinct, projects.
type coverageCounts map[string][4]int

// apiCoverage asks the API for stageCoverage's counts only (the stored ones), in a region
// ("" for every actor).
func apiCoverage(t *testing.T, post func(string, map[string]any) gqlResponse, region string) coverageCounts {
	t.Helper()
	arg := ""
	if region != "" {
		arg = "(region: " + region + ")"
	}
	r := post(`{ stageCoverage`+arg+` { stage { code } directActors projectActors actorCount projectCount gap } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("stageCoverage: %+v", r.Errors)
	}
	var l []struct {
		Stage                                                 struct{ Code string }
		DirectActors, ProjectActors, ActorCount, ProjectCount int
		Gap                                                   bool
	}
	if err := json.Unmarshal(r.Data["stageCoverage"], &l); err != nil {
		t.Fatal(err)
	}
	out := coverageCounts{}
	for _, s := range l {
		out[s.Stage.Code] = [4]int{s.DirectActors, s.ProjectActors, s.ActorCount, s.ProjectCount}
		if s.Gap != (s.ActorCount == 0) {
			t.Errorf("%s: gap %v with %d actors", s.Stage.Code, s.Gap, s.ActorCount)
		}
	}
	return out
}

// scratchCoverage counts the same from scratch, with Cypher of the test's own.
func scratchCoverage(t *testing.T, region string) coverageCounts {
	t.Helper()
	rows := neo4jtest.Run(t, `MATCH (st:ValueChainStage)
		CALL (st) { OPTIONAL MATCH (st)<-[:ACTIVE_IN]-(a:Actor) WHERE $region IS NULL OR a.region = $region RETURN collect(DISTINCT a) AS direct }
		CALL (st) { OPTIONAL MATCH (st)<-[:TARGETS]-(:Project)<-[:PARTICIPATES_IN]-(a:Actor) WHERE $region IS NULL OR a.region = $region RETURN collect(DISTINCT a) AS via }
		CALL (st) { OPTIONAL MATCH (st)<-[:TARGETS]-(p:Project) RETURN count(DISTINCT p) AS projects }
		CALL (direct, via) { UNWIND direct + via AS a RETURN count(DISTINCT a) AS everyone }
		RETURN st.code AS code, size(direct) AS d, size(via) AS v, everyone, projects`,
		map[string]any{"region": map[bool]any{true: nil, false: region}[region == ""]})
	out := coverageCounts{}
	for _, r := range rows {
		code, _ := r.Get("code")
		var c [4]int
		for i, k := range []string{"d", "v", "everyone", "projects"} {
			v, _ := r.Get(k)
			c[i] = int(v.(int64))
		}
		out[code.(string)] = c
	}
	return out
}

// derivedStore opens a store on the seeded test Neo4j for a test that writes around the
// stored derived data: when the test ends, its mt- nodes go and stage coverage is recounted.
func derivedStore(t *testing.T) *neo4jstore.Store {
	t.Helper()
	cfg := seedtest.Load(t)
	store, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cleanupMT(t)
		if err := store.RecountCoverage(context.Background()); err != nil {
			t.Error(err)
		}
		store.Close(context.Background())
	})
	return store
}

// TestCoverageCountsFollowEveryWrite drives every write path that can change stage coverage
// (each mutation, a deletion with cascade, an import, a write around both that `migrate`
// repairs) and after each compares the API's stored counts with counts made from scratch,
// for every actor and for two regions; validate must agree.
func TestCoverageCountsFollowEveryWrite(t *testing.T) {
	srv := writeServer(t, true)
	store := derivedStore(t)
	ctx := context.Background()
	as := func(key string) func(string, map[string]any) gqlResponse {
		return func(q string, vars map[string]any) gqlResponse { return post(t, srv, key, q, vars) }
	}
	validates := func(want bool) {
		t.Helper()
		rep, err := store.Validate(ctx, neo4jstore.ValidateOptions{Checks: []string{"stage-coverage-counts"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Results[0].Passed(); got != want {
			t.Errorf("validate stage-coverage-counts passed = %v, want %v (%v)", got, want, rep.Results[0].Examples)
		}
	}
	compare := func(step string) coverageCounts {
		t.Helper()
		var all coverageCounts
		for _, region := range []string{"", "WAL", "BRU"} {
			got, want := apiCoverage(t, as(""), region), scratchCoverage(t, region)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("after %s, region %q:\n API     %v\n scratch %v", step, region, got, want)
			}
			if region == "" {
				all = got
			}
		}
		validates(true)
		return all
	}
	write := func(key, q string) {
		t.Helper()
		if r := post(t, srv, key, q, nil); len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", q, r.Errors)
		}
	}
	const src = `source: "brochure#key-figures"`
	before := compare("the seed import")
	// changed checks that a step changed a stage's counts the way it should.
	changed := func(step, stage string, delta [4]int) {
		t.Helper()
		now := compare(step)
		for i := range delta {
			if now[stage][i]-before[stage][i] != delta[i] {
				t.Errorf("after %s, %s moved by %v → %v, want %v", step, stage, before[stage], now[stage], delta)
				break
			}
		}
		before = now
	}
	write(editorKey, `mutation { upsertActor(input: {id: "mt-cov", name: "Coverage Test SA", kind: COMPANY, region: WAL, country: "BE", `+src+`}) { id } }`)
	changed("upsertActor", "RECYCLING_RECOVERY", [4]int{})
	write(editorKey, `mutation { link(input: {from: "mt-cov", type: ACTIVE_IN, to: "stage-extraction", `+src+`}) { created } }`)
	changed("link ACTIVE_IN", "EXTRACTION", [4]int{1, 0, 1, 0})
	write(editorKey, `mutation { upsertProject(input: {id: "mt-cov-proj", name: "Coverage project", type: RESEARCH_PORTFOLIO, `+src+`}) { id } }`)
	write(editorKey, `mutation { link(input: {from: "mt-cov-proj", type: TARGETS, to: "stage-refining", `+src+`}) { created } }`)
	changed("upsertProject, link TARGETS", "REFINING", [4]int{0, 0, 0, 1})
	write(editorKey, `mutation { setParticipation(input: {actor: "mt-cov", project: "mt-cov-proj", role: PARTNER, `+src+`}) { id } }`)
	changed("setParticipation", "REFINING", [4]int{0, 1, 1, 0})
	write(editorKey, `mutation { upsertActor(input: {id: "mt-cov", name: "Coverage Test SA", kind: COMPANY, region: BRU, country: "BE", `+src+`}) { id } }`)
	changed("upsertActor moving the actor to BRU", "REFINING", [4]int{}) // every actor: same; WAL and BRU compared above
	write(editorKey, `mutation { unlink(input: {from: "mt-cov", type: ACTIVE_IN, to: "stage-extraction", `+src+`}) { removed } }`)
	changed("unlink ACTIVE_IN", "EXTRACTION", [4]int{-1, 0, -1, 0})
	write(adminKey, `mutation { deleteNode(id: "mt-cov-proj", cascade: true) { deleted } }`)
	changed("deleteNode (project, cascade)", "REFINING", [4]int{0, -1, -1, -1})

	// An import, through the store's importer as `batterykg import` runs it.
	file := filepath.Join(t.TempDir(), "coverage.cypher")
	os.WriteFile(file, []byte(`MATCH (a:Actor {id: 'mt-cov'}), (s:ValueChainStage {id: 'stage-second-life'})
MERGE (a)-[r:ACTIVE_IN]->(s) SET r.sources = ['brochure#key-figures'], r.confidence = 'SOURCED';
`), 0o644)
	if _, err := store.Import(ctx, []string{file}, cypherfile.Options{}); err != nil {
		t.Fatal(err)
	}
	changed("import", "SECOND_LIFE", [4]int{1, 0, 1, 0})
	write(adminKey, `mutation { deleteNode(id: "mt-cov", cascade: true) { deleted } }`)
	changed("deleteNode (actor, cascade)", "SECOND_LIFE", [4]int{-1, 0, -1, 0})

	// A write around the API and the importer: validate sees the counts are stale, and
	// `batterykg migrate` (Store.Migrate, then Store.RepairDerived) recounts them.
	neo4jtest.Run(t, `MATCH (a:Actor) WHERE NOT (a)-[:ACTIVE_IN]->(:ValueChainStage {id: 'stage-refining'})
		WITH a ORDER BY a.id LIMIT 1 MATCH (s:ValueChainStage {id: 'stage-refining'})
		CREATE (a)-[:ACTIVE_IN {sources: ['brochure#key-figures'], confidence: 'SOURCED', mt: true}]->(s)`, nil)
	validates(false)
	if _, err := store.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	validates(false) // counts there are not recounted when a server starts
	if _, err := store.RepairDerived(ctx); err != nil {
		t.Fatal(err)
	}
	changed("a write in Cypher, then migrate", "REFINING", [4]int{1, 0, 1, 0})
	neo4jtest.Run(t, `MATCH ()-[r:ACTIVE_IN {mt: true}]->() DELETE r`, nil)
	if err := store.RecountCoverage(ctx); err != nil {
		t.Fatal(err)
	}
	changed("undoing it", "REFINING", [4]int{-1, 0, -1, 0})
}

// TestCoverageCountsUnderConcurrentWrites: eight clients at once create actors, link them to
// stages and projects, move them and delete them; each mutation adjusts the stored counts in
// its own transaction, and afterwards they must equal a count from scratch (the stage locks
// order the adjustments).
func TestCoverageCountsUnderConcurrentWrites(t *testing.T) {
	srv := writeServer(t, true)
	store := derivedStore(t)
	ctx := context.Background()
	const src = `source: "brochure#key-figures"`
	stages := []string{"stage-extraction", "stage-refining", "stage-recycling-recovery", "stage-second-life"}
	errs := make(chan string, 9*40)
	// send posts a mutation, again when it timed out queueing for the stage locks (as a
	// client should: the change was not applied); a fresh Neo4j plans every statement first.
	send := func(key, q string) {
		for try := 1; ; try++ {
			r := post(t, srv, key, q, nil)
			if len(r.Errors) == 0 {
				return
			}
			if code, _ := r.Errors[0].Extensions["code"].(string); code != "UNAVAILABLE" || try == 3 {
				errs <- fmt.Sprintf("%s: %+v", q, r.Errors)
				return
			}
		}
	}
	writes := func(c, n int) {
		for i := range n {
			id := fmt.Sprintf("mt-conc-%d-%d", c, i)
			for _, q := range []string{
				`mutation { upsertActor(input: {id: "` + id + `", name: "Concurrent ` + id + `", kind: LAB, region: WAL, country: "BE", ` + src + `}) { id } }`,
				`mutation { link(input: {from: "` + id + `", type: ACTIVE_IN, to: "` + stages[(c+i)%4] + `", ` + src + `}) { created } }`,
				`mutation { link(input: {from: "` + id + `", type: ACTIVE_IN, to: "` + stages[(c+i+1)%4] + `", ` + src + `}) { created } }`,
				`mutation { setParticipation(input: {actor: "` + id + `", project: "batfactory", role: PARTNER, ` + src + `}) { id } }`,
				`mutation { upsertActor(input: {id: "` + id + `", name: "Concurrent ` + id + `", kind: LAB, region: BRU, country: "BE", ` + src + `}) { id } }`,
				`mutation { unlink(input: {from: "` + id + `", type: ACTIVE_IN, to: "` + stages[(c+i)%4] + `", ` + src + `}) { removed } }`,
			} {
				send(editorKey, q)
			}
			if i%2 == 0 {
				send(adminKey, `mutation { deleteNode(id: "`+id+`", cascade: true) { deleted } }`)
			}
		}
	}
	writes(8, 1) // alone first: Neo4j plans the statements
	var wg sync.WaitGroup
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			writes(c, 2)
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for _, region := range []string{"", "WAL", "BRU"} {
		if got, want := apiCoverage(t, func(q string, v map[string]any) gqlResponse { return post(t, srv, "", q, v) }, region), scratchCoverage(t, region); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("region %q after concurrent writes:\n API     %v\n scratch %v", region, got, want)
		}
	}
	rep, err := store.Validate(ctx, neo4jstore.ValidateOptions{Checks: []string{"stage-coverage-counts"}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Results[0].Passed() {
		t.Errorf("validate: %v", rep.Results[0].Examples)
	}
}
