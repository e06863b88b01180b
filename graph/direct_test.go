package graph_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/server"
)

// TestDirectWriterMatchesExecution is the direct writer's differential test: every request
// goes, over HTTP as clients send it, to the server with the direct writer and to the same
// server with gqlgen executing every field (graph.ExecuteEveryField), both over the seed
// graph on the test Neo4j, and the two responses must be the same bytes. Each case says
// whether the direct writer must have written its root fields (otherwise the ordinary
// resolver answered, over the same store answer).
func TestDirectWriterMatchesExecution(t *testing.T) {
	a := newAPI(t)
	log := slog.New(slog.DiscardHandler)
	cfg := server.Config{Introspection: true, NoCallerLimits: true}
	directSchema := graph.NewSchema(a.store)
	direct := server.New(cfg, directSchema, a.store, log)
	executed := server.New(cfg, graph.NewSchema(a.store, graph.ExecuteEveryField()), a.store, log)

	const node = `__typename id ... on Actor { name kind region } ... on Project { name type status startDate } ... on FundingProgramme { name level budget } ... on ValueChainStage { code order }`
	cases := []struct {
		name      string
		query     string
		variables map[string]any
		direct    int // root fields written directly
		errors    bool
	}{
		{"page with aliases, fragments, __typename, enums, nulls, cursors", `query Page { page: actors(filter: {region: [WAL]}, first: 4) {
			__typename total: totalCount edges { cursor node { ...A id2: id } } info: pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
			fragment A on Actor { __typename id name kind region shortName nameAsPrinted city country website activityType email updatedAt sources confidence }`, nil, 1, false},
		{"second page after a cursor", `query($after: String) { actors(first: 3, after: $after, orderBy: [{field: NAME, direction: DESC}]) { totalCount
			edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
			map[string]any{"after": kg.EncodeCursor(2)}, 1, false},
		{"past the last page", `{ actors(first: 5, after: "` + kg.EncodeCursor(100000) + `") { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, nil, 1, false},
		{"nested connections, three levels, with roles", `{ actors(first: 5) { edges { node { id name
			projects(first: 3) { totalCount edges { cursor role confidence project { id name startDate endDate totalInvestment currency
			  participants(first: 4) { totalCount edges { role actor { id name } node { __typename id } } pageInfo { hasNextPage endCursor } } } } } } } } }`, nil, 1, false},
		{"the same relation twice under two aliases", `{ actor(id: "ulb") { id few: projects(first: 1) { totalCount edges { project { id } } }
			more: projects(first: 3) { edges { cursor project { id name } } } stages { code } s2: stages { name } } }`, nil, 1, false},
		{"projects with dates, money and funders", `{ projects(first: 6) { edges { node { id name acronym title type status startDate endDate totalInvestment currency updatedAt
			funders(first: 3) { totalCount edges { cursor amount currency date instrument funderId funderName programme { id name level instrument budget } actor { id } node { ` + node + ` } } }
			stages { code } topics { id name kind } } } } }`, nil, 1, false},
		{"node, an interface", `{ node(id: "ulb") { ` + node + ` ... on Actor { stages { code order name next { flow stage { code } } } } } }`, nil, 1, false},
		{"several root fields and __typename at the root", `{ __typename a: actor(id: "ulb") { id } b: actor(id: "umons") { id name __typename } s: stages { code name order definition } }`, nil, 3, false},
		{"@skip and @include from variables", `query($s: Boolean!) { actors(first: 2) { totalCount @skip(if: $s) edges { node { id name @include(if: $s) kind @skip(if: $s) } } } }`,
			map[string]any{"s": true}, 1, false},
		{"search hits", `{ search(text: "battery recycling", first: 6) { score matchedOn node { ` + node + ` } } }`, nil, 1, false},
		{"aggregates", `{ actorStats(filter: {region: [WAL]}) { total byKind { key count } byRegion { key count } byStage { key count } }
			projectStats { total byType { key count } byStatus { key count } } fundingTotals { total { key label amount currency fundings undisclosed } byProgramme { key amount } } }`, nil, 3, false},
		{"relationship queries", `{ neighbourhood(id: "ulb", depth: 1, limit: 20) { truncated nodes { id label name shortName kind region depth } edges { id type from to role amount currency instrument flow confidence sources properties { key value } } }
			shortestPaths(from: "ulb", to: "umons", k: 2) { length nodes { id label } hops { type direction from to properties { key value } edge { id type } } }
			collaborators(id: "ulb", first: 3) { weight actor { id } sharedProjects { id } sharedStages { code } } }`, nil, 3, false},
		{"reports", `{ stageCoverage { stage { code } directActors projectActors actorCount projectCount gap }
			factors { rule barriers { id type text categories topic { id name } } levers { id } barriersWithoutLever { id } }
			ecosystemStats { walloonActors { label definition graphCount stated figureId figureSources note } } fundingFlows { undisclosed projectCount actorCount totals { currency amount } } }`, nil, 4, false},
		{"introspection beside a query", `{ __schema { queryType { name } } __type(name: "Region") { enumValues { name } } actors(first: 1) { totalCount } }`, nil, 1, false},
		{"an unknown id answers null", `{ actor(id: "no-such-actor") { id name } node(id: "no-such-node") { id } }`, nil, 0, false},
		{"not found is an error", `{ neighbourhood(id: "no-such-node") { truncated } }`, nil, 0, true},
		{"a bad argument is an error", `{ actors(first: -1) { totalCount } }`, nil, 0, true},
		{"an error beside an answer", `{ ok: actors(first: 1) { totalCount } bad: shortestPaths(from: "ulb", to: "ulb") { length } }`, nil, 1, true},
		{"a validation error", `{ actors(first: 1) { nope } }`, nil, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": c.query, "variables": c.variables})
			before := graph.DirectWrites(directSchema)
			want := postRaw(t, executed, body)
			got := postRaw(t, direct, body)
			if n := graph.DirectWrites(directSchema) - before; n != int64(c.direct) {
				t.Errorf("%d root fields written directly, want %d", n, c.direct)
			}
			t.Logf("%d bytes", len(got))
			if !bytes.Equal(got, want) {
				t.Fatalf("responses differ\ndirect:   %s\nexecuted: %s", got, want)
			}
			if hasErrors := bytes.Contains(got, []byte(`"errors":`)); hasErrors != c.errors {
				t.Fatalf("errors in the response: %v, want %v: %s", hasErrors, c.errors, got)
			}
			if !c.errors && !strings.Contains(string(got), `"data":{`) {
				t.Fatalf("no data: %s", got)
			}
		})
	}
}

func postRaw(t *testing.T, h http.Handler, body []byte) []byte {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return append([]byte(rec.Result().Status+" "), rec.Body.Bytes()...)
}

// An operation sent again with other variables is answered for those (the selections and
// statements kept by fingerprint include the variables), and one sent again as it was gets
// the same answer.
func TestSameOperationOtherVariables(t *testing.T) {
	a := newAPI(t)
	h := server.New(server.Config{NoCallerLimits: true}, graph.NewSchema(a.store), a.store, slog.New(slog.DiscardHandler))
	const q = `query One($id: ID!, $n: Int) { actor(id: $id) { id } actors(first: $n) { edges { node { id } } } }`
	ask := func(vars map[string]any) string {
		body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		return string(postRaw(t, h, body))
	}
	ulb, umons := ask(map[string]any{"id": "ulb", "n": 1}), ask(map[string]any{"id": "umons", "n": 1})
	if !strings.Contains(ulb, `"id":"ulb"`) || !strings.Contains(umons, `"id":"umons"`) {
		t.Fatalf("answers to other variables:\n%s\n%s", ulb, umons)
	}
	more := ask(map[string]any{"id": "ulb", "n": 3})
	if strings.Count(more, `"node"`) != 3 || strings.Count(ulb, `"node"`) != 1 {
		t.Fatalf("first: 3 answered like first: 1:\n%s\n%s", more, ulb)
	}
	if again := ask(map[string]any{"id": "ulb", "n": 1}); again != ulb {
		t.Fatalf("the same request answered differently:\n%s\n%s", again, ulb)
	}
}
