package neo4jstore

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

func TestCoverageDeltas(t *testing.T) {
	row := func(code string, region any, d, v, e, p int64) any {
		return map[string]any{"code": code, "region": region, "d": d, "v": v, "e": e, "p": p}
	}
	after := []any{row("REFINING", "WAL", 1, 1, 1, 0), row("REFINING", nil, 0, 0, 0, 2), row("EXTRACTION", "XX", 1, 0, 1, 0)}
	before := []any{row("REFINING", "WAL", 1, 0, 1, 0), row("EXTRACTION", "XX", 1, 0, 1, 0), row("RECYCLING_RECOVERY", "BRU", 0, 1, 1, 1)}
	// Scopes: every actor, then WAL, BRU, VLG, FOREIGN (kg.Regions).
	want := []any{
		map[string]any{"code": "RECYCLING_RECOVERY", "direct": []int64{0, 0, 0, 0, 0}, "via": []int64{-1, 0, -1, 0, 0},
			"actors": []int64{-1, 0, -1, 0, 0}, "projects": int64(-1)},
		map[string]any{"code": "REFINING", "direct": []int64{0, 0, 0, 0, 0}, "via": []int64{1, 1, 0, 0, 0},
			"actors": []int64{0, 0, 0, 0, 0}, "projects": int64(2)},
	}
	if fmt.Sprint(kg.Regions) != "[WAL BRU VLG FOREIGN]" {
		t.Fatalf("the test assumes the regions' order: %v", kg.Regions)
	}
	if got := coverageDeltas(after, before); !reflect.DeepEqual(got, want) {
		t.Errorf("deltas:\n got  %v\n want %v", got, want)
	}
}

// TestAdjustCoverageMatchesRecount: random writes (actors and projects created, deleted,
// relabelled, moved to another region; ACTIVE_IN, PARTICIPATES_IN and TARGETS created, repeated
// and deleted; several at once; a node made and deleted), each in its own transaction whose
// counts are adjusted by adjustCoverage before it commits, and after each commit the stored
// counts must equal a count from scratch (validate's stage-coverage-counts). No write to
// actors and projects may fall back to a recount; a change to a stage's code or counts, or
// counts missing, must.
func TestAdjustCoverageMatchesRecount(t *testing.T) {
	cfg := neo4jtest.Require(t)
	ctx := context.Background()
	s, err := Open(Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(ctx) })
	neo4jtest.Run(t, "MATCH (n) DETACH DELETE n", nil)
	if _, err := s.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, []string{"../../data/seed"}, cypherfile.Options{}); err != nil {
		t.Fatal(err)
	}
	if !s.hasPlugin(ctx) {
		t.Fatal("the test Neo4j has no batterykg plugin")
	}
	d, _ := neo4jtest.Driver(t)
	r := rand.New(rand.NewPCG(20261129, 15))
	stages := []string{"EXTRACTION", "REFINING", "MATERIALS_COMPONENTS", "CELL_MANUFACTURING", "MODULE_PACK",
		"INTEGRATION_USE", "COLLECTION_LOGISTICS", "SECOND_LIFE", "DISMANTLING_PRETREATMENT", "RECYCLING_RECOVERY"}
	regions := []any{"WAL", "BRU", "VLG", "FOREIGN", "XX", nil}
	made := 0
	// nth picks the k-th node of a label (by id), k random.
	nth := func(label string) string {
		return fmt.Sprintf("MATCH (%[1]s:%[2]s) WITH %[1]s ORDER BY %[1]s.id SKIP %[3]d LIMIT 1 ", map[string]string{"Actor": "a", "Project": "p"}[label], label, r.IntN(20))
	}
	stage := func() string {
		return fmt.Sprintf("MATCH (st:ValueChainStage {code: '%s'}) ", stages[r.IntN(len(stages))])
	}
	ops := []func() (string, string){
		func() (string, string) {
			made++
			return "new actor", fmt.Sprintf("%sCREATE (a:Actor:Company {id: 'cd-a%d', name: 'Delta %d', region: $region})-[:ACTIVE_IN]->(st)", stage(), made, made)
		},
		func() (string, string) { return "actor deleted", nth("Actor") + "DETACH DELETE a" },
		func() (string, string) { return "actor moved", nth("Actor") + "SET a.region = $region" },
		func() (string, string) {
			return "ACTIVE_IN added", nth("Actor") + stage() + "CREATE (a)-[:ACTIVE_IN]->(st)"
		},
		func() (string, string) {
			return "ACTIVE_IN deleted", nth("Actor") + "MATCH (a)-[x:ACTIVE_IN]->() WITH x LIMIT 1 DELETE x"
		},
		func() (string, string) {
			return "PARTICIPATES_IN added", nth("Actor") + "WITH a " + nth("Project") + "CREATE (a)-[:PARTICIPATES_IN]->(p)"
		},
		func() (string, string) {
			return "PARTICIPATES_IN deleted", nth("Project") + "MATCH (p)<-[x:PARTICIPATES_IN]-() WITH x LIMIT 1 DELETE x"
		},
		func() (string, string) {
			return "TARGETS added", nth("Project") + stage() + "CREATE (p)-[:TARGETS]->(st)"
		},
		func() (string, string) {
			return "TARGETS deleted", nth("Project") + "MATCH (p)-[x:TARGETS]->() WITH x LIMIT 1 DELETE x"
		},
		func() (string, string) {
			made++
			return "new project with participants", fmt.Sprintf("%sCREATE (p:Project {id: 'cd-p%d', name: 'Delta project %d'})-[:TARGETS]->(st) WITH p %sCREATE (a)-[:PARTICIPATES_IN]->(p)",
				stage(), made, made, nth("Actor"))
		},
		func() (string, string) { return "project deleted", nth("Project") + "DETACH DELETE p" },
		func() (string, string) {
			return "project unlabelled", nth("Project") + "REMOVE p:Project SET p:FormerProject"
		},
		func() (string, string) {
			return "project labelled again", "MATCH (p:FormerProject) WITH p LIMIT 1 REMOVE p:FormerProject SET p:Project"
		},
		func() (string, string) { return "actor unlabelled", nth("Actor") + "REMOVE a:Actor SET a:FormerActor" },
		func() (string, string) {
			return "actor labelled again", "MATCH (a:FormerActor) WITH a LIMIT 1 REMOVE a:FormerActor SET a:Actor"
		},
		func() (string, string) {
			return "actor made and deleted", stage() + "CREATE (a:Actor {id: 'cd-gone', region: 'WAL'})-[:ACTIVE_IN]->(st) DETACH DELETE a"
		},
	}
	write := func(what string, stmts []string, want adjustment) {
		t.Helper()
		sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.Database})
		defer sess.Close(ctx)
		tx, err := sess.BeginTransaction(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stmts {
			if _, err := tx.Run(ctx, st, map[string]any{"region": regions[r.IntN(len(regions))]}); err != nil {
				tx.Rollback(ctx)
				t.Fatalf("%s: %s: %v", what, st, err)
			}
		}
		did, err := adjustCoverage(ctx, tx, coverageAdjustMax)
		if err != nil {
			tx.Rollback(ctx)
			t.Fatalf("%s: %v", what, err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		if did != want {
			t.Errorf("%s: adjustment %d, want %d", what, did, want)
		}
		rep, err := s.Validate(ctx, ValidateOptions{Checks: []string{"stage-coverage-counts"}})
		if err != nil {
			t.Fatal(err)
		}
		if res := rep.Results[0]; res.Passed() != (want != tooMany) {
			t.Fatalf("after %s (%q): the stored counts pass %v: %v", what, stmts, res.Passed(), res.Examples)
		}
	}
	for i := range 120 {
		n := 1
		if i%5 == 4 {
			n = 1 + r.IntN(4) // several writes in one transaction
		}
		var what string
		var stmts []string
		for range n {
			w, st := ops[r.IntN(len(ops))]()
			what += w + "; "
			stmts = append(stmts, st)
		}
		write(what, stmts, adjusted)
	}
	write("nothing written", []string{"MATCH (a:Actor) RETURN count(a)"}, adjusted)
	write("a stage renamed", []string{"MATCH (st:ValueChainStage {code: 'REFINING'}) SET st.name = st.name + ' (renamed)'"}, adjusted)
	write("a stage's counts written by the transaction", []string{"MATCH (st:ValueChainStage {code: 'EXTRACTION'}) SET st.coverageProjects = 99"}, recounted)
	write("a stage's code changed", []string{"MATCH (st:ValueChainStage {code: 'REFINING'}) SET st.code = 'REFINING_OLD'"}, recounted)
	write("a stage's code changed back", []string{"MATCH (st:ValueChainStage {code: 'REFINING_OLD'}) SET st.code = 'REFINING'"}, recounted)
	neo4jtest.Run(t, "MATCH (st:ValueChainStage) REMOVE st."+kg.CoverageDirect, nil)
	write("counts missing", []string{nth("Actor") + "SET a.region = 'WAL'"}, recounted)

	// A bulk transaction (more nodes than coverageAdjustMax) is left alone; an import of one
	// recounts once it has run.
	bulk := fmt.Sprintf("MATCH (st:ValueChainStage {code: 'REFINING'}) UNWIND range(1, %d) AS i "+
		"CREATE (:Actor:Company {id: 'cd-bulk-' + toString(i), name: 'Bulk ' + toString(i), region: 'BRU'})-[:ACTIVE_IN]->(st)", coverageAdjustMax+1)
	write("a bulk transaction", []string{bulk}, tooMany)
	if err := s.RecountCoverage(ctx); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "bulk.cypher")
	if err := os.WriteFile(file, []byte(strings.ReplaceAll(bulk, "cd-bulk-", "cd-bulk2-")+";\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, []string{file}, cypherfile.Options{}); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Validate(ctx, ValidateOptions{Checks: []string{"stage-coverage-counts"}}); err != nil || !rep.Results[0].Passed() {
		t.Errorf("after the import of a bulk transaction: %v %+v", err, rep)
	}
	// Leave the graph as the other tests expect it: the seed.
	neo4jtest.Run(t, "MATCH (n) DETACH DELETE n", nil)
	if _, err := s.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
}
