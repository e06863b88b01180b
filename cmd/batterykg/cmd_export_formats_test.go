package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// TestExportFormats exports the seed graph as GraphML, CSV and JSON and reads each back:
// every node and relationship of the graph is there, with its properties.
func TestExportFormats(t *testing.T) {
	vxLoad(t, "../../data/seed")
	conn := vxConnArgs(t)
	count := func(q string) int {
		v, _ := neo4jtest.Run(t, q, nil)[0].Values[0].(int64)
		return int(v)
	}
	wantNodes := count(`MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n)`)
	wantRels := count(`MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration RETURN count(r)`)
	if wantNodes < 100 || wantRels < 100 {
		t.Fatalf("the seed graph has %d nodes, %d relationships", wantNodes, wantRels)
	}
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := exportCmd(t.Context(), append(conn, args...), &stdout, &stderr); err != nil {
			t.Fatalf("export %v: %v\n%s", args, err, stderr.String())
		}
		return stdout.String()
	}

	// GraphML, to a file.
	run("--format", "graphml", "--out", filepath.Join(dir, "g.graphml"))
	b, err := os.ReadFile(filepath.Join(dir, "g.graphml"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Keys  []struct{ ID, For string } `xml:"key"`
		Graph struct {
			Nodes []struct {
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
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Graph.Nodes) != wantNodes || len(g.Graph.Edges) != wantRels {
		t.Errorf("GraphML: %d nodes, %d edges; the graph has %d, %d", len(g.Graph.Nodes), len(g.Graph.Edges), wantNodes, wantRels)
	}
	ids := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range g.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("GraphML edge %s points outside the file", e.ID)
		}
	}
	if !ids["batfactory"] || !strings.Contains(string(b), `<edge id="walloon-recovery-plan|FUNDS|batfactory"`) {
		t.Error("GraphML: BatFactory or its funding is missing")
	}

	// CSV, two files in a directory.
	run("--format", "csv", "--out", filepath.Join(dir, "csv"), "--quiet")
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, "csv", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if n, e := read("nodes.csv"), read("edges.csv"); len(n)-1 != wantNodes || len(e)-1 != wantRels || n[0][0] != "id" || strings.Join(e[0][:4], ",") != "id,type,from,to" {
		t.Errorf("CSV: %d node rows, %d edge rows (headers %q, %q); want %d, %d", len(n)-1, len(e)-1, n[0], e[0], wantNodes, wantRels)
	}

	// JSON, to standard output; values keep their types.
	var doc struct {
		Nodes []struct {
			ID     string
			Labels []string
		}
		Edges []struct {
			ID         string
			Properties map[string]any
		}
	}
	out := run("--format", "json", "--quiet")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// Derived data (docs/model.md) is not the graph's: left out, as from Cypher exports.
	for _, k := range []string{"nameKey", "coverageDirect", "coverageProjects"} {
		if strings.Contains(out, k) || strings.Contains(string(b), k) {
			t.Errorf("the JSON or GraphML export holds the derived %s", k)
		}
	}
	if len(doc.Nodes) != wantNodes || len(doc.Edges) != wantRels {
		t.Errorf("JSON: %d nodes, %d edges; want %d, %d", len(doc.Nodes), len(doc.Edges), wantNodes, wantRels)
	}
	for _, e := range doc.Edges {
		if e.ID == "walloon-recovery-plan|FUNDS|batfactory" && e.Properties["amount"] != 1.14e7 {
			t.Errorf("JSON: BatFactory's funding has amount %#v", e.Properties["amount"])
		}
	}

	// Bad requests are refused before anything is written.
	for _, args := range [][]string{{"--format", "xml"}, {"--format", "csv"}} {
		if err := exportCmd(t.Context(), append(conn, args...), io.Discard, io.Discard); err == nil {
			t.Errorf("export %v succeeded", args)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the export directory holds %d entries, want g.graphml and csv", len(entries))
	}
}
