package graph_test

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/kg"
)

// serverLimit is the server's default complexity limit (internal/server Config.MaxComplexity).
const serverLimit = 50000

// cost is the complexity gqlgen's limit computes for the query.
func cost(t *testing.T, query string) int {
	t.Helper()
	es := graph.NewSchema(&recorder{})
	doc, err := gqlparser.LoadQuery(es.Schema(), query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return complexity.Calculate(context.Background(), es, doc.Operations[0], nil)
}

// TestHeaviestAllowedUnderLimit: each relationship query at its largest arguments, with the
// selections the researchers' tests use, stays under the server's default limit.
func TestHeaviestAllowedUnderLimit(t *testing.T) {
	for name, q := range map[string]string{
		"neighbourhood": `{ neighbourhood(id: "x", depth: 3, limit: 500) { nodes { id label name shortName kind region depth } edges { id type from to role } truncated } }`,
		"shortestPaths": `{ shortestPaths(from: "a", to: "b", maxHops: 6, k: 10, viaStages: true) { length nodes { id name } hops { type direction from to } } }`,
		"connection":    `{ connection(from: "a", to: "b") { from { id name } to { id } connected explanations { kind text path { length nodes { id } } } } }`,
		"collaborators": `{ collaborators(id: "a", first: 500) { actor { id name } weight } }`,
		"fundingFlows": `{ fundingFlows(from: "a") { from { id label } programmes { id } flows { funder { id } via { id } project { id name } amount currency instrument
			recipients { actor { id } role } } totals { currency amount fundings undisclosed } undisclosed projectCount actorCount } }`,
		"factors":       `{ factors { barriers { id type } levers { id type } barriersWithoutLever { id categories topic { id } } rule } }`,
		"stageCoverage": `{ stageCoverage { stage { code } directActors projectActors actorCount projectCount gap actors { actor { id } direct } projects { id } } }`,
		"actors":        `{ actors(first: 500) { totalCount edges { cursor node { id name kind region } } pageInfo { hasNextPage } } }`,
		"search":        `{ search(text: "battery", first: 500) { score matchedOn node { id ... on Actor { name kind } ... on Project { name acronym } } } }`,
	} {
		if c := cost(t, q); c >= serverLimit {
			t.Errorf("%s costs %d, over the limit %d", name, c, serverLimit)
		} else {
			t.Logf("%s: %d", name, c)
		}
	}
}

// TestRelationshipQueriesPricedByBounds: the queries issue 13 found underpriced (they cost
// 1 + 10 × children, shortestPaths at most 61) now cost their bounds and their walk.
func TestRelationshipQueriesPricedByBounds(t *testing.T) {
	cases := []struct {
		name, query string
		atLeast     int
	}{
		// 10 stages × 500 actors, and a pass over the hubs.
		{"stageCoverage", `{ stageCoverage { actors { actor { id } } } }`, len(kg.StageCodes) * kg.MaxPage * 2},
		// A walk through the stages: a hub every other hop.
		{"shortestPaths via stages", `{ shortestPaths(from: "a", to: "b", maxHops: 6, viaStages: true) { length } }`, 3 * 5000},
		{"shortestPaths", `{ shortestPaths(from: "a", to: "b", maxHops: 6, k: 10) { length } }`, 10 * 7},
		// 500 × 500 neighbours at depth 2 and 3, and the edge scan of 500 nodes.
		{"neighbourhood", `{ neighbourhood(id: "x", depth: 3, limit: 500) { truncated } }`, (2*500*500 + 500*kg.NeighbourhoodEdgeScan) / 100},
		{"fundingFlows", `{ fundingFlows { flows { amount } } }`, kg.MaxPage},
		{"factors", `{ factors { barriers { id } } }`, kg.MaxPage},
		{"connection", `{ connection(from: "a", to: "b") { explanations { kind } } }`, kg.ConnectionExplanations * (kg.ConnectionHops + 1)},
		// Lucene scores every matching document, whatever the page (issue 13's fairness
		// benchmark: ten searches of 500 hits held a normal client's page up 21×).
		{"search", `{ search(text: "battery", first: 10) { score } }`, 5000},
	}
	for _, tc := range cases {
		if c := cost(t, tc.query); c < tc.atLeast {
			t.Errorf("%s costs %d, less than its bound %d", tc.name, c, tc.atLeast)
		}
	}
	// The defaults are the model's: collaborators without first is a page of CollaboratorsFirst.
	if a, b := cost(t, `{ collaborators(id: "a") { weight } }`), cost(t, `{ collaborators(id: "a", first: 20) { weight } }`); a != b {
		t.Errorf("collaborators: %d without first, %d with first: %d", a, b, kg.CollaboratorsFirst)
	}
	// The GraphiQL example (internal/server/examples.graphql) runs under the limit.
	if c := cost(t, `{ stageCoverage(region: WAL) { stage { order code name } directActors projectActors projectCount gap
		actors { actor { name } direct through { name } } } }`); c >= serverLimit {
		t.Errorf("the stageCoverage example costs %d", c)
	}
}
