package graph_test

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestAliasesOfOneFieldKeptApart: two aliases of one edge's node, each selecting the same
// relation under one alias with different arguments, get their own answers (they were merged
// into one map key, so one alias got the other's answer).
func TestAliasesOfOneFieldKeptApart(t *testing.T) {
	a := newAPI(t)
	var want struct {
		Actor struct {
			All, Coordinated struct{ TotalCount int }
		}
	}
	a.query(t, `{ actor(id: "uliege") { all: projects { totalCount } coordinated: projects(role: [COORDINATOR]) { totalCount } } }`, &want)
	if want.Actor.All.TotalCount == want.Actor.Coordinated.TotalCount {
		t.Fatalf("uliege: all and coordinated projects both %d; the test needs them to differ", want.Actor.All.TotalCount)
	}
	type count struct{ X struct{ TotalCount int } }
	var resp struct {
		Actors struct {
			Edges []struct{ A, B count }
		}
		Project struct {
			Participants struct {
				Edges []struct {
					Actor struct{ ID string }
					P     struct {
						Node struct{ ID string }
					}
					E1 []struct {
						Node struct{ X struct{ TotalCount int } }
					}
				}
			}
		}
	}
	a.query(t, `{ actors(filter: {ids: ["uliege"]}) { edges {
			a: node { x: projects(first: 1) { totalCount } }
			b: node { x: projects(role: [COORDINATOR]) { totalCount } } } } }`, &resp)
	if len(resp.Actors.Edges) != 1 {
		t.Fatalf("edges = %+v", resp.Actors.Edges)
	}
	e := resp.Actors.Edges[0]
	if e.A.X.TotalCount != want.Actor.All.TotalCount || e.B.X.TotalCount != want.Actor.Coordinated.TotalCount {
		t.Errorf("a.x = %d, b.x = %d; want %d and %d", e.A.X.TotalCount, e.B.X.TotalCount,
			want.Actor.All.TotalCount, want.Actor.Coordinated.TotalCount)
	}

	// The same under two aliases of the connection's edges.
	var twice struct {
		Actors struct {
			E1, E2 []struct {
				Node struct{ X struct{ TotalCount int } }
			}
		}
	}
	a.query(t, `{ actors(filter: {ids: ["uliege"]}) {
			e1: edges { node { x: projects { totalCount } } }
			e2: edges { node { x: projects(role: [COORDINATOR]) { totalCount } } } } }`, &twice)
	if len(twice.Actors.E1) != 1 || len(twice.Actors.E2) != 1 ||
		twice.Actors.E1[0].Node.X.TotalCount != want.Actor.All.TotalCount ||
		twice.Actors.E2[0].Node.X.TotalCount != want.Actor.Coordinated.TotalCount {
		t.Errorf("e1/e2 = %+v", twice.Actors)
	}

	// Repeated identical selections under merged parents still answer once, merged.
	var same struct {
		Actors struct {
			Edges []struct {
				Node struct {
					X struct {
						TotalCount int
						Edges      []struct{ Cursor string }
					}
				}
			}
		}
	}
	a.query(t, `{ actors(filter: {ids: ["uliege"]}) {
			edges { node { x: projects { totalCount } } }
			edges { node { x: projects { edges { cursor } } } } } }`, &same)
	if len(same.Actors.Edges) != 1 || same.Actors.Edges[0].Node.X.TotalCount != want.Actor.All.TotalCount ||
		len(same.Actors.Edges[0].Node.X.Edges) != want.Actor.All.TotalCount {
		t.Errorf("merged = %+v", same.Actors)
	}
}

// TestValidInputNoInternal: valid requests that used to end in INTERNAL get a clear
// BAD_USER_INPUT or a plain answer.
func TestValidInputNoInternal(t *testing.T) {
	a := newAPI(t)
	huge := base64.StdEncoding.EncodeToString([]byte("offset:9223372036854775807"))
	for _, q := range []string{
		`{ actors(after: "` + huge + `") { totalCount edges { cursor } } }`,
		`{ actor(id: "uliege") { projects(after: "` + huge + `") { edges { cursor } } } }`,
	} {
		errs := a.gqlErrors(t, q)
		if len(errs) == 0 || errs[0].code() != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "cursor") {
			t.Errorf("%s: %+v, want BAD_USER_INPUT about the cursor", q, errs)
		}
	}
	// The largest cursor accepted is an empty page, not an error.
	last := base64.StdEncoding.EncodeToString([]byte("offset:2147483646"))
	var page struct {
		Actors struct {
			TotalCount int
			Edges      []struct{ Cursor string }
			PageInfo   struct{ HasNextPage bool }
		}
	}
	a.query(t, `{ actors(after: "`+last+`", first: 500) { totalCount edges { cursor } pageInfo { hasNextPage } } }`, &page)
	if len(page.Actors.Edges) != 0 || page.Actors.PageInfo.HasNextPage || page.Actors.TotalCount == 0 {
		t.Errorf("page after the last cursor = %+v", page.Actors)
	}

	var search struct{ Search []struct{ Score float64 } }
	a.query(t, `{ search(text: "li", types: []) { score node { id } } }`, &search)
	if len(search.Search) != 0 {
		t.Errorf("search with no types = %+v, want nothing", search.Search)
	}
}

// TestLinkPairOutsideModel: link and unlink with two existing nodes that make no pattern of
// the type answer BAD_USER_INPUT (they answered null for a non-null field) and change nothing.
func TestLinkPairOutsideModel(t *testing.T) {
	srv := writeServer(t, true)
	for _, op := range []string{"link", "unlink"} {
		// gemme is an actor, we-battery-call a programme: PART_OF links actor to actor and
		// programme to programme, never one to the other.
		r := post(t, srv, adminKey, `mutation { `+op+`(input: {type: PART_OF, from: "gemme", to: "we-battery-call", source: "brochure#x"}) { created removed } }`, nil)
		if r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "(Actor)-[:PART_OF]->(Actor)") {
			t.Errorf("%s: %s %+v, want BAD_USER_INPUT naming the allowed patterns", op, r.Data, r.Errors)
		}
	}
	r := post(t, srv, adminKey, `mutation { link(input: {type: PART_OF, from: "gemme", to: "no-such-node", source: "brochure#x"}) { created } }`, nil)
	if r.code() != "NOT_FOUND" {
		t.Errorf("missing end: %+v, want NOT_FOUND", r.Errors)
	}
}
