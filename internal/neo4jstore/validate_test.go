package neo4jstore_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

const evSeedDir = "../../data/seed"

// evStore opens a store on the test Neo4j.
func evStore(t *testing.T) *neo4jstore.Store {
	t.Helper()
	_, cfg := neo4jtest.Driver(t)
	s, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password,
		Database: cfg.Database, QueryTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// evFresh wipes the test database and applies the migrations.
func evFresh(t *testing.T, s *neo4jstore.Store) {
	t.Helper()
	neo4jtest.Wipe(t)
	if _, err := s.Migrate(context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}

// evImport loads Cypher files (or directories) with the stewards' importer.
func evImport(t *testing.T, s *neo4jstore.Store, paths ...string) cypherfile.Counters {
	t.Helper()
	reports, err := s.Import(context.Background(), paths, cypherfile.Options{Database: s.Database()})
	if err != nil {
		t.Fatalf("import %v: %v", paths, err)
	}
	var total cypherfile.Counters
	for _, r := range reports {
		total.Add(r.Counters)
	}
	return total
}

func TestValidateSeedPasses(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)
	rep, err := s.Validate(context.Background(), neo4jstore.ValidateOptions{Examples: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != len(neo4jstore.ValidationChecks()) {
		t.Fatalf("%d results for %d checks", len(rep.Results), len(neo4jstore.ValidationChecks()))
	}
	for _, r := range rep.Results {
		t.Logf("%-30s %-7s %3d %v", r.Name, r.Severity, r.Count, r.Examples)
	}
	if f := rep.Failures(false); len(f) > 0 {
		t.Errorf("the seed graph fails %d check(s) of severity error: %+v", len(f), f)
	}
}

// evFull is the properties every node of the model needs.
const evFull = `sources: ['brochure#introduction'], confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')`

// evProblems are ways to break the seed graph, each with the check that must report it and an
// example it must give.
var evProblems = []struct {
	check, cypher, example string
}{
	{"node-without-sources", `MATCH (n:Actor {id: 'uliege'}) REMOVE n.sources`, "uliege"},
	{"node-without-sources", `MATCH (n:Actor {id: 'gemme'}) SET n.sources = []`, "gemme"},
	{"node-without-confidence", `MATCH (n:Actor {id: 'agc'}) REMOVE n.confidence`, "agc"},
	{"node-bad-confidence", `MATCH (n:Actor {id: 'prayon'}) SET n.confidence = 'sourced'`, "prayon: sourced"},
	{"node-without-updated-at", `MATCH (n:Actor {id: 'nuode'}) SET n.updatedAt = '2026-11-22'`, "nuode"},
	{"node-without-name", `MATCH (n:Actor {id: 'botree'}) SET n.name = '  '`, "botree"},
	{"money-out-of-range", `MATCH (n:Project {id: 'batfactory'}) SET n.totalInvestment = 1.0e308 * 10`, "batfactory"},
	{"money-out-of-range", `MATCH (n:Project {id: 'win4c'}) SET n.totalInvestment = '12 M€'`, "win4c"},
	{"amount-out-of-range", `MATCH (:FundingProgramme {id: 'walloon-recovery-plan'})-[r:FUNDS]->(:Project {id: 'batfactory'}) SET r.amount = -5`,
		"walloon-recovery-plan -[:FUNDS]-> batfactory"},
	{"relationship-without-sources", `MATCH (:Actor {id: 'gemme'})-[r:PART_OF]->(:Actor {id: 'uliege'}) REMOVE r.sources`, "gemme -[:PART_OF]-> uliege"},
	{"relationship-without-confidence", `MATCH (:Actor {id: 'greenmat'})-[r:PART_OF]->(:Actor {id: 'uliege'}) REMOVE r.confidence`, "greenmat -[:PART_OF]-> uliege"},
	{"relationship-bad-confidence", `MATCH (:Actor {id: 'revatech'})-[r:ACTIVE_IN]->(:ValueChainStage {id: 'stage-recycling-recovery'}) SET r.confidence = 'GUESS'`,
		"revatech -[:ACTIVE_IN]-> stage-recycling-recovery: GUESS"},
	{"dangling-source", `MATCH (n:Project {id: 'batfactory'}) SET n.sources = n.sources + 'no-such-document#intro'`, "batfactory: no-such-document#intro"},
	{"dangling-source", `MATCH (:Actor {id: 'octave'})-[r:ACTIVE_IN]->(s) SET r.sources = ['brochur#partners']`, "octave -[:ACTIVE_IN]-> stage-second-life: brochur#partners"},
	{"malformed-source", `MATCH (n:Project {id: 'win4c'}) SET n.sources = n.sources + ['brochure', 'brochure#a#b', 'brochure# x']`, "win4c: brochure"},
	{"id-not-slug", `CREATE (n:Topic {id: 'Bad_Id', name: 'A topic with a bad id', kind: 'WORKSHOP_TOPIC', ` + evFull + `})`, "'Bad_Id'"},
	{"id-not-slug", `CREATE (n:Topic {name: 'A topic without id', kind: 'WORKSHOP_TOPIC', ` + evFull + `})`, "(:Topic without a string id"},
	{"duplicate-id", `CREATE (n:Topic {id: 'uliege', name: 'Liège topic', kind: 'WORKSHOP_TOPIC', ` + evFull + `})`, "uliege (Actor, Topic)"},
	{"label-outside-model", `CREATE (n:Organisation {id: 'stray', name: 'Stray', ` + evFull + `})`, "stray (Organisation)"},
	{"actor-kind", `MATCH (n:Actor {id: 'prayon'}) SET n:ResearchCentre`, "prayon (Actor, Company, ResearchCentre)"},
	{"actor-kind", `MATCH (n:Actor {id: 'revatech'}) REMOVE n:Company`, "revatech (Actor)"},
	{"factor-kind", `MATCH (n:Factor {id: 'barrier-disassembly-high-capex'}) REMOVE n:Barrier`, "barrier-disassembly-high-capex (Factor)"},
	{"project-without-type", `MATCH (n:Project {id: 'batmass'}) REMOVE n.type`, "batmass"},
	{"project-without-type", `MATCH (n:Project {id: 'win4c'}) SET n.type = 'GRANT'`, "win4c: GRANT"},
	{"relationship-outside-model", `MATCH (t:Topic {id: 'topic-smart-battery-disassembly'}), (p:Project {id: 'batfactory'})
		CREATE (t)-[:FUNDS {sources: ['brochure#introduction'], confidence: 'SOURCED'}]->(p)`,
		"Topic topic-smart-battery-disassembly -[:FUNDS]-> Project batfactory"},
	{"duplicate-name", `MATCH (st:ValueChainStage {id: 'stage-materials-components'})
		CREATE (n:Actor:Company {id: 'prayon-sa', name: 'PRAYON S.A.', ` + evFull + `})-[:ACTIVE_IN {sources: ['brochure#introduction'], confidence: 'SOURCED'}]->(st)`,
		`Actor "prayon": prayon, prayon-sa`},
	{"duplicate-name", `MATCH (st:ValueChainStage {id: 'stage-recycling-recovery'})
		CREATE (n:Actor:Company {id: 'revatech-2', name: 'Révatech SRL', ` + evFull + `})-[:ACTIVE_IN {sources: ['brochure#introduction'], confidence: 'SOURCED'}]->(st)`,
		`Actor "revatech": revatech, revatech-2`},
	{"project-without-participants", `CREATE (p:Project {id: 'lonely', name: 'Lonely project', type: 'EU_GRANT', ` + evFull + `})`, "lonely"},
	{"actor-without-stage", `CREATE (n:Actor:Lab {id: 'idle-lab', name: 'Idle lab', ` + evFull + `})`, "idle-lab"},
	// The two duplicate-name actors above are ACTIVE_IN stages too, which leaves their
	// stored counts stale as well (written around the API and the importer).
	{"stage-coverage-counts", `MATCH (st:ValueChainStage {id: 'stage-extraction'}) SET st.coverageProjects = 99`, "stage-extraction"},
	// So are the name sort keys of the actors and projects created above, and of this one.
	{"name-keys", `MATCH (n:Actor {id: 'uliege'}) SET n.name = 'ULiège renamed in Cypher'`, "uliege: "},
}

// TestValidateFindsProblems breaks a seed graph in known ways and expects each break to be
// reported by the right check, with the broken node or relationship among its examples.
func TestValidateFindsProblems(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)

	problems := evProblems
	want := map[string]bool{}
	for _, p := range problems {
		neo4jtest.Run(t, p.cypher, nil)
		want[p.check] = true
	}
	// Examples are sorted: ask for enough to see every broken item.
	rep, err := s.Validate(context.Background(), neo4jstore.ValidateOptions{Examples: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		r, ok := rep.Result(p.check)
		if !ok {
			t.Errorf("no check named %s", p.check)
			continue
		}
		if r.Passed() {
			t.Errorf("%s: passed, but %s", p.check, p.cypher)
			continue
		}
		found := false
		for _, ex := range r.Examples {
			found = found || strings.HasPrefix(ex, p.example)
		}
		if !found {
			t.Errorf("%s: no example %q among %q", p.check, p.example, r.Examples)
		}
	}
	// No check fails that this test did not break, apart from the warnings the seed has.
	for _, r := range rep.Results {
		if !r.Passed() && !want[r.Name] && r.Severity == neo4jstore.SeverityError {
			t.Errorf("%s fails, unexpectedly: %v", r.Name, r.Examples)
		}
	}
	// Differential: the checks that share one pass over the graph give, together, what each
	// gives alone (one pass with one check).
	for _, c := range neo4jstore.ValidationChecks() {
		alone, err := s.Validate(context.Background(), neo4jstore.ValidateOptions{Examples: 100, Checks: []string{c.Name}})
		if err != nil {
			t.Fatal(err)
		}
		together, _ := rep.Result(c.Name)
		if got := alone.Results[0]; got.Count != together.Count || !slices.Equal(got.Examples, together.Examples) {
			t.Errorf("%s alone: %d %q; with the other checks: %d %q", c.Name, got.Count, got.Examples, together.Count, together.Examples)
		}
	}
	if m, _ := rep.Result("malformed-source"); m.Count != 3 {
		t.Errorf("malformed-source: count %d, want 3: %v", m.Count, m.Examples)
	}
	if f := rep.Failures(false); len(f) == 0 {
		t.Error("a broken graph does not fail")
	}
	var failing []string
	for _, r := range rep.Failures(true) {
		failing = append(failing, r.Name)
	}
	sort.Strings(failing)
	t.Logf("failing checks: %v", failing)

	// Examples are limited; Checks selects.
	rep, err = s.Validate(context.Background(), neo4jstore.ValidateOptions{Examples: 1, Checks: []string{"duplicate-name", "node-without-sources"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 || rep.Results[0].Name != "node-without-sources" || rep.Results[1].Name != "duplicate-name" {
		t.Fatalf("Checks: got %+v", rep.Results)
	}
	if r := rep.Results[0]; r.Count != 2 || len(r.Examples) != 1 || r.Examples[0] != "gemme" {
		t.Errorf("node-without-sources with 1 example: %+v", r)
	}
	if _, err := s.Validate(context.Background(), neo4jstore.ValidateOptions{Checks: []string{"no-such-check"}}); err == nil {
		t.Error("an unknown check name is accepted")
	}
	neo4jtest.Wipe(t)
}

// TestModelRelationshipsMatchDoc keeps the relationship patterns validate checks against
// equal to the table of docs/model.md.
func TestModelRelationshipsMatchDoc(t *testing.T) {
	doc, err := os.ReadFile("../../docs/model.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rels, ok := strings.Cut(string(doc), "## Relationships")
	if !ok {
		t.Fatal("docs/model.md has no Relationships section")
	}
	rels, _, _ = strings.Cut(rels, "\n## ")
	pat := regexp.MustCompile("`\\(([A-Za-z|\\\\]+)\\)-\\[:([A-Z_]+)\\]->\\(([A-Za-z|\\\\]+)\\)`")
	var fromDoc []string
	for _, m := range pat.FindAllStringSubmatch(rels, -1) {
		for _, from := range strings.Split(strings.ReplaceAll(m[1], `\|`, "|"), "|") {
			for _, to := range strings.Split(strings.ReplaceAll(m[3], `\|`, "|"), "|") {
				fromDoc = append(fromDoc, kg.Pattern{From: from, Type: m[2], To: to}.String())
			}
		}
	}
	var inCode []string
	for _, p := range kg.Patterns {
		inCode = append(inCode, p.String())
	}
	sort.Strings(fromDoc)
	sort.Strings(inCode)
	if strings.Join(fromDoc, "\n") != strings.Join(inCode, "\n") {
		t.Errorf("docs/model.md has\n%s\n\nvalidate checks\n%s", strings.Join(fromDoc, "\n"), strings.Join(inCode, "\n"))
	}
	if len(fromDoc) < 20 {
		t.Errorf("only %d patterns read from docs/model.md", len(fromDoc))
	}
}
