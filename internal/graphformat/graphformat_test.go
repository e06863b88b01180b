package graphformat

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

var testSchema = Schema{
	NodeKeys: []Key{{"amount", "double"}, {"name", "string"}, {"sources", "string"}},
	EdgeKeys: []Key{{"amount", "double"}, {"role", "string"}},
}

// write gives w two nodes and an edge with awkward text (quotes, <, &, commas, newlines).
func write(t *testing.T, w Writer) {
	t.Helper()
	for _, n := range []Node{
		{ID: "a&b", Labels: []string{"Actor", "Company"}, Props: map[string]any{"name": `Quote " <tag> & co, "x"`, "sources": []any{"s1#a", "s2"}, "extra": "not in schema"}},
		{ID: "p", Labels: []string{"Project"}, Props: map[string]any{"name": "line\nbreak", "amount": 1.5e7}},
	} {
		if err := w.Node(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Edge(Edge{ID: "a&b|FUNDS|p", Type: "FUNDS", From: "a&b", To: "p", Props: map[string]any{"amount": 11400000.0, "role": nil}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestGraphMLParsesBack(t *testing.T) {
	var b bytes.Buffer
	write(t, GraphML(&b, testSchema))
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"name,attr"`
			Type string `xml:"type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(doc.Keys) != 2+len(testSchema.NodeKeys)+len(testSchema.EdgeKeys) || doc.Graph.EdgeDefault != "directed" {
		t.Errorf("keys %+v, edgedefault %q", doc.Keys, doc.Graph.EdgeDefault)
	}
	if len(doc.Graph.Nodes) != 2 || len(doc.Graph.Edges) != 1 {
		t.Fatalf("%d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	n := doc.Graph.Nodes[0]
	got := map[string]string{}
	for _, d := range n.Data {
		got[d.Key] = d.Value
	}
	want := map[string]string{"n_labels": "Actor;Company", "n_name": `Quote " <tag> & co, "x"`, "n_sources": "s1#a;s2"}
	if n.ID != "a&b" || len(got) != len(want) {
		t.Errorf("node %q data %v, want %v", n.ID, got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("node data %s = %q, want %q", k, got[k], v)
		}
	}
	e := doc.Graph.Edges[0]
	if e.Source != "a&b" || e.Target != "p" || len(e.Data) != 2 || e.Data[1].Value != "11400000" {
		t.Errorf("edge %+v", e)
	}
}

func TestCSVParsesBack(t *testing.T) {
	var nodes, edges bytes.Buffer
	write(t, CSV(&nodes, &edges, testSchema))
	n, err := csv.NewReader(&nodes).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	e, err := csv.NewReader(&edges).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(n[0], ",") != "id,labels,amount,name,sources" || len(n) != 3 {
		t.Errorf("nodes: %q", n)
	}
	if n[1][3] != `Quote " <tag> & co, "x"` || n[2][3] != "line\nbreak" || n[2][2] != "15000000" {
		t.Errorf("node rows: %q", n[1:])
	}
	if strings.Join(e[0], ",") != "id,type,from,to,amount,role" || len(e) != 2 || e[1][4] != "11400000" || e[1][5] != "" {
		t.Errorf("edges: %q", e)
	}
}

func TestJSONParsesBack(t *testing.T) {
	var b bytes.Buffer
	write(t, JSON(&b))
	var doc struct {
		Nodes []struct {
			ID         string
			Labels     []string
			Properties map[string]any
		}
		Edges []struct{ ID, Type, From, To string }
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(doc.Nodes) != 2 || len(doc.Edges) != 1 || doc.Nodes[1].Properties["amount"] != 1.5e7 || doc.Edges[0].From != "a&b" {
		t.Errorf("%+v", doc)
	}
	var empty bytes.Buffer
	w := JSON(&empty)
	w.Close()
	if err := json.Unmarshal(empty.Bytes(), &doc); err != nil || len(doc.Nodes) != 0 {
		t.Errorf("an empty graph: %v %q", err, empty.String())
	}
}

func TestRefusesBrokenGraphs(t *testing.T) {
	for name, w := range map[string]Writer{"graphml": GraphML(&bytes.Buffer{}, Schema{}), "json": JSON(&bytes.Buffer{}), "csv": CSV(&bytes.Buffer{}, &bytes.Buffer{}, Schema{})} {
		if err := w.Node(Node{ID: "a"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Node(Node{ID: "a"}); err == nil {
			t.Errorf("%s: two nodes with one id accepted", name)
		}
		if err := w.Node(Node{}); err == nil {
			t.Errorf("%s: a node without an id accepted", name)
		}
		if err := w.Edge(Edge{ID: "x", From: "a", To: "b"}); err == nil {
			t.Errorf("%s: an edge to a missing node accepted", name)
		}
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{{nil, ""}, {"x", "x"}, {int64(-3), "-3"}, {2.5, "2.5"}, {1e21, "1000000000000000000000"}, {true, "true"}, {[]any{"a", int64(1)}, "a;1"}} {
		if got := Text(c.v); got != c.want {
			t.Errorf("Text(%#v) = %q, want %q", c.v, got, c.want)
		}
	}
	if TypeOf(int64(1)) != "long" || TypeOf(1.0) != "double" || TypeOf(false) != "boolean" || TypeOf([]any{}) != "string" {
		t.Error("TypeOf")
	}
}
