package graph_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
)

var update = flag.Bool("update", false, "rewrite the golden Cypher files in testdata/cypher")

// nested is a deep dashboard query: three root fields, connections and lists four levels down.
const nested = `query Nested {
  actors(filter: {region: [WAL]}, first: 10, orderBy: [{field: PROJECT_COUNT, direction: DESC}]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kind
      stages { code }
      projects(first: 5) { totalCount edges { role project { id name
        participants(first: 20) { totalCount edges { role actor { id name stages { code name } } } }
        funders { edges { amount currency funderName programme { id partOf { id } } } }
        stages { code next { flow stage { code } } }
      } } }
    } }
  }
  actorStats(filter: {region: [WAL]}) { total byKind { key count } byStage { key count } }
  fundingTotals { byStage { key amount currency undisclosed } }
}`

// TestOneStatementPerRootField counts the statements the store sends to Neo4j.
func TestOneStatementPerRootField(t *testing.T) {
	a := newAPI(t)
	cases := []struct {
		name, query string
		roots       int64
	}{
		{"nested", nested, 3},
		{"stage with connections", `{ stage(code: RECYCLING_RECOVERY) { name actors(first: 3) { totalCount edges { node { name projects { edges { project { name stages { code } } } } } } }
			projects { totalCount edges { node { name funders { totalCount } } } } } }`, 1},
		{"aliases and fragments", `fragment P on Project { id participants { totalCount } }
			{ a: project(id: "batfactory") { ...P } b: project(id: "batmass") { ...P } c: projects(first: 2) { edges { node { ...P } } } }`, 3},
		{"node and search", `{ node(id: "unamur") { id ... on Actor { projects { totalCount } } } search(text: "battery") { node { id ... on Project { stages { code } } } } }`, 2},
		{"relationship queries", `{ neighbourhood(id: "unamur", depth: 2) { nodes { id } edges { id properties { key } } truncated }
			shortestPaths(from: "ulb", to: "umons") { nodes { name } hops { type edge { id } } }
			connection(from: "ulb", to: "prayon") { from { id } explanations { kind text path { length hops { direction } } } }
			collaborators(id: "unamur") { actor { name projects { totalCount edges { project { stages { code } } } } } sharedProjects { funders { totalCount } } sharedStages { code } weight }
			fundingFlows(from: "walloon-recovery-plan") { programmes { managers { id } } flows { project { participants { totalCount } } recipients { actor { stages { code } } } } totals { amount } }
			stageCoverage(region: WAL) { stage { code next { stage { code } } } actors { actor { id } through { id } } projects { id } gap }
			factors(category: ECONOMICAL) { barriersWithoutLever { topic { id } stages { code } } levers { id } }
			ecosystemStats { walloonActors { graphCount stated } } }`, 8},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := a.statements.Load()
			var out map[string]any
			a.query(t, tc.query, &out)
			if got := a.statements.Load() - before; got != tc.roots {
				t.Errorf("%d statements for %d root fields", got, tc.roots)
			}
		})
	}
}

// recorder compiles root fields as the store does and keeps the statements, without running
// them: the golden files below pin the generated Cypher and its parameters.
// Root fields resolve concurrently, so statements are kept by alias.
type recorder struct {
	mu         sync.Mutex
	statements map[string]cypherc.Statement
}

func (r *recorder) Mutate(_ context.Context, f kg.Field, who string) (any, error) {
	st, err := cypherc.CompileMutation(f, who, cypherc.DefaultLimits)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statements[f.Alias] = st
	return nil, nil
}

func (r *recorder) Query(_ context.Context, f kg.Field) (any, error) {
	st, err := cypherc.Compile(f, cypherc.DefaultLimits)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statements[f.Alias] = st
	return nil, nil
}

// goldenQueries are the requests whose statements testdata/cypher pins.
var goldenQueries = map[string]string{
	"nested":         nested,
	"actor_lookup":   `{ actor(id: "unamur") { id name kind projects(role: [COORDINATOR]) { edges { role project { name } } } } }`,
	"project_filter": `query($t: [ProjectType!]) { projects(filter: {type: $t, OR: [{stage: [SECOND_LIFE]}, {minInvestment: 1e7}]}, after: "b2Zmc2V0OjQ=") { edges { node { name } } } }`,
	"topic_factors":  `{ topics(kind: WORKSHOP_TOPIC) { name factors(type: BARRIER, category: ECONOMICAL) { text topic { id } stages { code } } } }`,
	"search":         `{ search(text: "Li-ion (recycling)", types: [ACTOR, PROJECT], first: 5) { score node { ... on Actor { name kind } ... on Project { acronym } } } }`,
	"node":           `{ node(id: "batfactory") { id ... on Project { name } ... on Actor { kind } } }`,
	"mutation":       `mutation { setFunding(input: {funder: "we-battery-call", project: "prayon-polyphosphoric-acid", amount: 1.5e6, currency: "EUR", date: "2024-01-15", source: "brochure#x"}) { id funders { totalCount } } }`,
	"aggregates":     `{ actorStats(filter: {kind: [COMPANY]}) { total byRegion { key count } } projectStats { byStatus { key count } } fundingTotals(filter: {funder: "we-battery-call"}) { total { amount } byProject { key } } }`,
}

// compiled runs query through the API with the recorder and returns its statements as the
// golden files hold them.
func compiled(t *testing.T, query string) string {
	t.Helper()
	rec := &recorder{statements: map[string]cypherc.Statement{}}
	h := handler.New(graph.NewSchema(rec))
	h.AddTransport(transport.POST{})
	// An admin calls, so that mutations reach the store.
	admin := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := auth.WithPrincipal(r.Context(), auth.Principal{Subject: "golden", Role: auth.RoleAdmin, Method: auth.MethodAPIKey})
		h.ServeHTTP(w, r.WithContext(ctx))
	})
	c := client.New(admin)
	// The recorder answers null, which non-null fields report as errors: only the
	// statements matter here.
	if _, err := c.RawPost(query, client.Var("t", []string{"INDUSTRIAL_INVESTMENT"})); err != nil {
		t.Fatal(err)
	}
	if len(rec.statements) == 0 {
		t.Fatal("no statement compiled")
	}
	var b strings.Builder
	aliases := make([]string, 0, len(rec.statements))
	for a := range rec.statements {
		aliases = append(aliases, a)
	}
	sort.Strings(aliases)
	for _, a := range aliases {
		st := rec.statements[a]
		params, _ := json.MarshalIndent(st.Params, "", "  ")
		fmt.Fprintf(&b, "-- %s\n%s\n-- params\n%s\n\n", a, st.Cypher, params)
	}
	return b.String()
}

func TestGoldenCypher(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(goldenQueries)) {
		t.Run(name, func(t *testing.T) {
			got := compiled(t, goldenQueries[name])
			path := filepath.Join("testdata", "cypher", name+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./graph -run TestGoldenCypher -update)", err)
			}
			if got != string(want) {
				t.Errorf("generated Cypher differs from %s (rerun with -update if intended):\n%s", path, got)
			}
		})
	}
}

// TestStableStatements compiles every golden request, and the mutations whose text once
// depended on map order, 100 times: the text and parameters must be the same every time
// (Neo4j's query cache keys plans by text).
func TestStableStatements(t *testing.T) {
	queries := maps.Clone(goldenQueries)
	queries["link_part_of"] = `mutation { link(input: {type: PART_OF, from: "gemme", to: "uliege", source: "brochure#x"}) { created } }`
	queries["unlink_part_of"] = `mutation { unlink(input: {type: PART_OF, from: "gemme", to: "uliege", source: "brochure#x"}) { removed } }`
	queries["upsert_dates"] = `mutation { upsertProject(input: {id: "p", name: "P", type: EU_GRANT, startDate: "2024-01-01", endDate: "2025-01-01", totalInvestment: 1, currency: "EUR", source: "brochure#x"}) { id } }`
	queries["relations"] = `{ neighbourhood(id: "unamur") { nodes { id label } edges { id } }
		connection(from: "ulb", to: "prayon") { explanations { kind text } }
		fundingFlows(from: "walloon-recovery-plan") { flows { amount } totals { amount } }
		ecosystemStats { walloonActors { graphCount } strategicInitiatives { ids } } }`
	for _, name := range slices.Sorted(maps.Keys(queries)) {
		t.Run(name, func(t *testing.T) {
			first := compiled(t, queries[name])
			for i := 1; i < 100; i++ {
				if got := compiled(t, queries[name]); got != first {
					t.Fatalf("compile %d differs from the first:\n%s\n\nfirst:\n%s", i+1, got, first)
				}
			}
		})
	}
}
