package graph_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestEveryConnectionIsRelay walks the schema: every *Connection type has
// `edges { node cursor }` (node an object or interface, non-null; cursor String!) and
// `pageInfo: PageInfo!`, so Relay's and Apollo's helpers can page every one of them.
func TestEveryConnectionIsRelay(t *testing.T) {
	s := schema()
	seen := 0
	for name, def := range s.Types {
		if def.Kind != ast.Object || !strings.HasSuffix(name, "Connection") {
			continue
		}
		seen++
		if pi := def.Fields.ForName("pageInfo"); pi == nil || pi.Type.String() != "PageInfo!" {
			t.Errorf("%s.pageInfo is not PageInfo!", name)
		}
		edges := def.Fields.ForName("edges")
		if edges == nil || edges.Type.Elem == nil || !edges.Type.NonNull {
			t.Errorf("%s.edges is not a non-null list", name)
			continue
		}
		edge := s.Types[edges.Type.Name()]
		if c := edge.Fields.ForName("cursor"); c == nil || c.Type.String() != "String!" {
			t.Errorf("%s (edge of %s) has no cursor: String!", edge.Name, name)
		}
		node := edge.Fields.ForName("node")
		if node == nil || !node.Type.NonNull || node.Type.Elem != nil {
			t.Errorf("%s (edge of %s) has no non-null node", edge.Name, name)
			continue
		}
		if k := s.Types[node.Type.Name()].Kind; k != ast.Object && k != ast.Interface {
			t.Errorf("%s.node is a %s", edge.Name, k)
		}
	}
	if seen < 4 {
		t.Errorf("only %d connection types found", seen)
	}
}

// TestEdgeNodeIsFarEnd: the node of a Participation or Funding edge is the end the
// connection leads to, answered through the Node interface; the existing fields stay.
func TestEdgeNodeIsFarEnd(t *testing.T) {
	a := newAPI(t)
	type node struct {
		Typename string `json:"__typename"`
		ID       string
		Name     string
	}
	type edge struct {
		Cursor  string
		Node    node
		Actor   *struct{ ID string }
		Project *struct{ ID string }
		Also    *struct{ ID string }
	}
	type conn struct {
		Edges    []edge
		PageInfo struct{ HasNextPage bool }
	}
	var resp struct {
		Project   struct{ Participants, Funders conn }
		Actor     struct{ Projects conn }
		Programme struct {
			Fundings conn
		}
	}
	frag := `edges { cursor node { __typename id ... on Actor { name } ... on Project { name } ... on FundingProgramme { name } } %s } pageInfo { hasNextPage }`
	a.query(t, `{ project(id: "batfactory") {
			participants { `+strings.ReplaceAll(frag, "%s", "actor { id }")+` }
			funders { `+strings.ReplaceAll(frag, "%s", "actor { id } also: node { id }")+` } }
		actor(id: "uliege") { projects { `+strings.ReplaceAll(frag, "%s", "project { id }")+` } }
		programme(id: "we-battery-call") { fundings { `+strings.ReplaceAll(frag, "%s", "project { id }")+` } } }`, &resp)
	check := func(name string, c conn, typename string, far func(edge) string) {
		t.Helper()
		if len(c.Edges) == 0 {
			t.Errorf("%s: no edges", name)
		}
		for _, e := range c.Edges {
			if e.Cursor == "" || e.Node.ID == "" || e.Node.Name == "" || (typename != "" && e.Node.Typename != typename) {
				t.Errorf("%s: edge %+v", name, e)
			}
			if want := far(e); want != "" && e.Node.ID != want {
				t.Errorf("%s: node %s, far end %s", name, e.Node.ID, want)
			}
		}
	}
	check("participants", resp.Project.Participants, "Actor", func(e edge) string { return e.Actor.ID })
	check("projects", resp.Actor.Projects, "Project", func(e edge) string { return e.Project.ID })
	check("fundings", resp.Programme.Fundings, "Project", func(e edge) string { return e.Project.ID })
	check("funders", resp.Project.Funders, "", func(e edge) string {
		if e.Actor != nil {
			return e.Actor.ID
		}
		return ""
	})
	for _, e := range resp.Project.Funders.Edges {
		if e.Also == nil || e.Also.ID != e.Node.ID {
			t.Errorf("funder node under another alias = %+v, node %s", e.Also, e.Node.ID)
		}
		if e.Node.Typename != "FundingProgramme" && e.Node.Typename != "Actor" {
			t.Errorf("funder node %+v", e.Node)
		}
	}
}
