package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/server"
	"github.com/batterykg/batterykg/internal/synth"
)

// opNames are the names of the side-by-side operations, then of the scale ones (--ops).
var opNames = []string{"page", "nested", "count", "byRegion", "path",
	"filteredPage", "actorStats", "collaborators", "connection", "fundingFlows",
	"neighbourhood", "neighbourhood-hubs", "stageCoverage", "search", "shortestPaths", "pathSearch", "shortestPaths-via-stages", "pathSearch-via-stages"}

// operation is one benchmarked GraphQL operation: batterykg's form and, where the Neo4j
// GraphQL Library can express it, the library's form of the same question. A pool holds
// several requests when the operation takes arguments (ids, texts), sent round robin.
type operation struct {
	Name, About string
	Ours        []request
	Library     []request // nil: the library cannot express it
	// canonOurs and canonLibrary reduce an answer to what both must agree on.
	canonOurs, canonLibrary func(data any) any
}

// Side-by-side operations. Both sides read the same nodes in the same order: the library's
// sort inputs spell out batterykg's default orders (by name, id breaking ties).
func sideBySide(g *synth.Graph) []operation {
	wal := `{region: {eq: WAL}}`
	ops := []operation{
		{
			Name: "page", About: "a filtered page of actors: 20 Walloon actors by name, their stages, total count",
			Ours: []request{{Query: `query Page { actors(filter: {region: [WAL]}, first: 20) { totalCount
				edges { node { id name shortName region country city stages { code } } } pageInfo { hasNextPage endCursor } } }`}},
			Library: []request{{Query: `query Page { actorsConnection(where: ` + wal + `, first: 20, sort: [{name: ASC}, {id: ASC}]) { totalCount
				edges { node { id name shortName region country city stages(sort: [{order: ASC}]) { code } } } pageInfo { hasNextPage endCursor } } }`}},
			canonOurs: func(d any) any {
				c := dig(d, "actors")
				return []any{dig(c, "totalCount"), ids(dig(c, "edges"), "node", "id")}
			},
			canonLibrary: func(d any) any {
				c := dig(d, "actorsConnection")
				return []any{dig(c, "totalCount"), ids(dig(c, "edges"), "node", "id")}
			},
		},
		{
			Name: "nested", About: "three levels: 10 Walloon actors → 5 projects each (with role) → 10 participants each (with role), counts at each level",
			Ours: []request{{Query: `query Nested { actors(filter: {region: [WAL]}, first: 10) { edges { node { id name
				projects(first: 5) { totalCount edges { role project { id name
				  participants(first: 10) { totalCount edges { role actor { id name } } } } } } } } } }`}},
			Library: []request{{Query: `query Nested { actorsConnection(where: ` + wal + `, first: 10, sort: [{name: ASC}, {id: ASC}]) { edges { node { id name
				projectsConnection(first: 5, sort: [{node: {name: ASC}}, {node: {id: ASC}}]) { totalCount edges { properties { role } node { id name
				  participantsConnection(first: 10, sort: [{node: {name: ASC}}, {node: {id: ASC}}]) { totalCount edges { properties { role } node { id name } } } } } } } } } }`}},
			canonOurs: func(d any) any {
				var out []any
				for _, e := range list(dig(d, "actors", "edges")) {
					a := dig(e, "node")
					var ps []any
					for _, pe := range list(dig(a, "projects", "edges")) {
						ps = append(ps, []any{dig(pe, "project", "id"), dig(pe, "project", "participants", "totalCount")})
					}
					out = append(out, []any{dig(a, "id"), dig(a, "projects", "totalCount"), ps})
				}
				return out
			},
			canonLibrary: func(d any) any {
				var out []any
				for _, e := range list(dig(d, "actorsConnection", "edges")) {
					a := dig(e, "node")
					var ps []any
					for _, pe := range list(dig(a, "projectsConnection", "edges")) {
						ps = append(ps, []any{dig(pe, "node", "id"), dig(pe, "node", "participantsConnection", "totalCount")})
					}
					out = append(out, []any{dig(a, "id"), dig(a, "projectsConnection", "totalCount"), ps})
				}
				return out
			},
		},
		{
			Name: "count", About: "an aggregate count: how many Walloon actors",
			Ours:         []request{{Query: `query Count { actorStats(filter: {region: [WAL]}) { total } }`}},
			Library:      []request{{Query: `query Count { actorsConnection(where: ` + wal + `) { aggregate { count { nodes } } } }`}},
			canonOurs:    func(d any) any { return dig(d, "actorStats", "total") },
			canonLibrary: func(d any) any { return dig(d, "actorsConnection", "aggregate", "count", "nodes") },
		},
		{
			Name: "byRegion", About: "a grouped count for a dashboard: all actors and per region (the library: one aliased root field per group)",
			Ours: []request{{Query: `query ByRegion { actorStats { total byRegion { key count } } }`}},
			Library: []request{{Query: `query ByRegion { all: actorsConnection { aggregate { count { nodes } } }
				WAL: actorsConnection(where: {region: {eq: WAL}}) { aggregate { count { nodes } } }
				BRU: actorsConnection(where: {region: {eq: BRU}}) { aggregate { count { nodes } } }
				VLG: actorsConnection(where: {region: {eq: VLG}}) { aggregate { count { nodes } } }
				FOREIGN: actorsConnection(where: {region: {eq: FOREIGN}}) { aggregate { count { nodes } } } }`}},
			canonOurs: func(d any) any {
				out := map[string]any{"all": dig(d, "actorStats", "total")}
				for _, b := range list(dig(d, "actorStats", "byRegion")) {
					out[fmt.Sprint(dig(b, "key"))] = dig(b, "count")
				}
				return out
			},
			canonLibrary: func(d any) any {
				out := map[string]any{}
				for _, k := range []string{"all", "WAL", "BRU", "VLG", "FOREIGN"} {
					out[k] = dig(d, k, "aggregate", "count", "nodes")
				}
				return out
			},
		},
		{
			Name: "path", About: "shortest paths (k = 3, up to 4 hops) between two random actors; the library has no path query",
			Ours: pathPool(g, 20, 1),
		},
	}
	return ops
}

// scaleOps are the relationship queries whose cost is measured per graph size. The
// shortest paths come last: at 100,000 actors the default form runs into the 10 s timeout.
func scaleOps(g *synth.Graph) []operation {
	r := rand.New(rand.NewPCG(2, uint64(len(g.Actors))))
	var nb, hubs, search []request
	const nbq = `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id label name kind depth } edges { id type from to role } truncated } }`
	for range 30 {
		nb = append(nb, request{Query: nbq, Variables: map[string]any{"id": g.Actors[r.IntN(len(g.Actors))].ID}})
	}
	for _, i := range g.Hubs(10) {
		hubs = append(hubs, request{Query: nbq, Variables: map[string]any{"id": g.Actors[i].ID}})
	}
	const sq = `query Search($text: String!) { search(text: $text, first: 10) { score node { id ... on Actor { name kind } ... on Project { name acronym } } } }`
	for _, t := range []string{"recycling", "cathode active materials", "lithium", "solid-state electrolytes", "second-life storage", "black mass", "hydrometallurgical", "battery pack assembly"} {
		search = append(search, request{Query: sq, Variables: map[string]any{"text": t}})
	}
	for range 8 {
		search = append(search, request{Query: sq, Variables: map[string]any{"text": g.Actors[r.IntN(len(g.Actors))].Name}})
	}
	var collab, conn, flows []request
	for range 30 {
		collab = append(collab, request{Query: `query Collaborators($id: ID!) { collaborators(id: $id, first: 20) { weight actor { id name } sharedProjects { id } } }`,
			Variables: map[string]any{"id": g.Actors[r.IntN(len(g.Actors))].ID}})
	}
	for _, p := range pathPool(g, 30, 4) {
		conn = append(conn, request{Query: `query Connection($from: ID!, $to: ID!) { connection(from: $from, to: $to) { connected explanations { kind text path { length } } } }`,
			Variables: p.Variables})
	}
	for i := range min(len(g.Programmes), 10) {
		flows = append(flows, request{Query: `query Flows($from: ID) { fundingFlows(from: $from) { totals { currency amount } undisclosed projectCount actorCount flows { amount } } }`,
			Variables: map[string]any{"from": g.Programmes[i].ID}})
	}
	return []operation{
		{Name: "filteredPage", About: "a filtered page of actors: 20 Walloon actors active in recycling, by name, their stages, total count",
			Ours: []request{{Query: `query Page { actors(filter: {region: [WAL], stage: [RECYCLING_RECOVERY]}, first: 20) { totalCount
				edges { node { id name shortName region country city stages { code } } } pageInfo { hasNextPage endCursor } } }`}}},
		{Name: "actorStats", About: "the counts of the Walloon actors by kind, region and stage",
			Ours: []request{{Query: `query Stats { actorStats(filter: {region: [WAL]}) { total byKind { key count } byRegion { key count } byStage { key count } } }`}}},
		{Name: "collaborators", About: "the 20 heaviest collaborators of 30 random actors, with their shared projects", Ours: collab},
		{Name: "connection", About: "why two actors are connected, 30 random pairs (at most 10 explanations, paths of at most 5 hops)", Ours: conn},
		{Name: "fundingFlows", About: "the money of 10 programmes (and their sub-programmes) to projects and actors", Ours: flows},
		{Name: "neighbourhood", About: "depth 2 (limit 100) around 30 random actors", Ours: nb},
		{Name: "neighbourhood-hubs", About: "depth 2 (limit 100) around the 10 actors with the most projects", Ours: hubs},
		{Name: "stageCoverage", About: "the ten stages with their direct, through-project and distinct actor counts and project counts",
			Ours: []request{{Query: `query Coverage { stageCoverage { stage { code } directActors projectActors actorCount projectCount gap } }`}}},
		{Name: "search", About: "full-text search, 10 hits: 8 value-chain phrases and 8 actor names", Ours: search},
		{Name: "shortestPaths", About: "k = 3 shortest paths of up to 4 hops between 30 random pairs of actors, every relationship type, not through stages (the defaults)", Ours: pathPool(g, 30, 3)},
		{Name: "pathSearch", About: "the same pairs through pathSearch, default budget (800 ms): no paths, complete: false, when it runs out",
			Ours: withArgs(withArgs(withArgs(pathPool(g, 30, 3),
				"k: 3) {", "k: 3) { complete paths {"), "shortestPaths(", "pathSearch("), "direction } } }", "direction } } } }")},
		{Name: "shortestPaths-via-stages", About: "the same pairs with viaStages: true (paths may pass through the ten stage hubs)",
			Ours: withArgs(pathPool(g, 30, 3), "k: 3)", "k: 3, viaStages: true)")},
		{Name: "pathSearch-via-stages", About: "the same pairs through pathSearch(viaStages: true), default budget (800 ms): cut short to the paths through no stage when it runs out",
			Ours: withArgs(withArgs(withArgs(pathPool(g, 30, 3),
				"k: 3) {", "k: 3, viaStages: true) { complete paths {"), "shortestPaths(", "pathSearch("), "direction } } }", "direction } } } }")},
	}
}

func pathPool(g *synth.Graph, n int, seed uint64) []request {
	r := rand.New(rand.NewPCG(seed, uint64(len(g.Actors))))
	const q = `query Paths($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 4, k: 3) { length nodes { id name } hops { type direction } } }`
	var out []request
	for len(out) < n {
		a, b := r.IntN(len(g.Actors)), r.IntN(len(g.Actors))
		if a != b {
			out = append(out, request{Query: q, Variables: map[string]any{"from": g.Actors[a].ID, "to": g.Actors[b].ID}})
		}
	}
	return out
}

// withArgs rewrites the queries of a pool.
func withArgs(pool []request, old, new string) []request {
	out := make([]request, len(pool))
	for i, r := range pool {
		out[i] = request{Query: strings.Replace(r.Query, old, new, 1), Variables: r.Variables}
	}
	return out
}

// recorder stands in for the store: it compiles each root field into the statement the
// store would run (cypherc.Compile, default limits) and keeps it, running nothing.
type recorder struct {
	mu         sync.Mutex
	statements []cypherc.Statement
}

func (r *recorder) Query(_ context.Context, f kg.Field) (any, error) {
	st, err := cypherc.Compile(f, cypherc.DefaultLimits)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.statements = append(r.statements, st)
	return nil, nil
}

func (r *recorder) Mutate(context.Context, kg.Field, string) (any, error) {
	return nil, fmt.Errorf("the benchmark sends no mutation")
}

func (r *recorder) Ping(context.Context) error { return nil }

// compile returns, for each request of the pool, the statements batterykg sends for it.
func compile(pool []request) ([][]cypherc.Statement, error) {
	rec := &recorder{}
	h := server.New(server.Config{}, graph.NewSchema(rec), rec, slog.New(slog.DiscardHandler))
	var out [][]cypherc.Statement
	for _, q := range pool {
		rec.statements = nil
		body, _ := json.Marshal(q)
		req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if len(rec.statements) == 0 {
			return nil, fmt.Errorf("%.60s... compiled to no statement: %s", q.Query, w.Body)
		}
		out = append(out, rec.statements)
	}
	return out, nil
}

// dig walks nested JSON objects.
func dig(v any, path ...string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// ids collects the value at path in each element of a list.
func ids(v any, path ...string) []any {
	var out []any
	for _, e := range list(v) {
		out = append(out, dig(e, path...))
	}
	return out
}

// canonical decodes a GraphQL response and reduces its data with canon, as JSON text.
func canonical(body []byte, canon func(any) any) string {
	var resp struct{ Data any }
	if err := json.Unmarshal(body, &resp); err != nil {
		return "undecodable: " + err.Error()
	}
	b, _ := json.Marshal(canon(resp.Data))
	return string(b)
}
