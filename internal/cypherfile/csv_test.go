package cypherfile

import (
	"reflect"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

func TestLoadCSVNextToTheScript(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	writeFile(t, dir, "actors.csv", "\uFEFFid;name;city\n"+
		"a1;\"Ann; \"\"the\"\" first\";Liège\n"+
		"a2;\"two\nlines\";\n"+
		"a3;Cé;Namur\n")
	writeFile(t, dir, "links.csv", "a1,a2\na2,a3\n")
	script := writeFile(t, dir, "load.cypher", "CREATE CONSTRAINT csv_id IF NOT EXISTS FOR (n:CSVActor) REQUIRE n.id IS UNIQUE;\n"+
		"LOAD CSV WITH HEADERS FROM 'actors.csv' AS row FIELDTERMINATOR ';'\n"+
		"MERGE (n:CSVActor {id: row.id}) SET n.name = row.name, n.city = row.city;\n"+
		"LOAD CSV FROM 'file:///links.csv' AS r MATCH (a:CSVActor {id: r[0]}), (b:CSVActor {id: r[1]}) MERGE (a)-[:NEXT]->(b);\n")
	defer neo4jtest.Run(t, "DROP CONSTRAINT csv_id IF EXISTS", nil)

	dry := opts
	dry.DryRun = true
	reps, err := Import(ctx, d, []string{script}, dry)
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.CSVRows != 5 || !strings.Contains(r.String(), "5 CSV rows would be read") {
		t.Errorf("dry run: %s", r)
	}
	if n := count(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Fatalf("the dry run wrote %d nodes", n)
	}

	reps, err = Import(ctx, d, []string{script}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.CSVRows != 5 || r.NodesCreated != 3 || r.RelationshipsCreated != 2 {
		t.Errorf("report %s", r)
	}
	var got [][]any
	for _, rec := range neo4jtest.Run(t, "MATCH (n:CSVActor) OPTIONAL MATCH (n)-[:NEXT]->(m) RETURN n.id, n.name, n.city, m.id ORDER BY n.id", nil) {
		got = append(got, rec.Values)
	}
	want := [][]any{{"a1", `Ann; "the" first`, "Liège", "a2"}, {"a2", "two\nlines", nil, "a3"}, {"a3", "Cé", "Namur", nil}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graph\n got %q\nwant %q", got, want)
	}

	// A row with the wrong number of fields: nothing of the file changes.
	neo4jtest.Wipe(t)
	writeFile(t, dir, "actors.csv", "id;name;city\na1;Ann;Liège\na2;Bob\n")
	_, err = Import(ctx, d, []string{script}, opts)
	if err == nil || !strings.Contains(err.Error(), "actors.csv:3:1: the row has 2 fields, the header 3: a2;Bob") ||
		!strings.Contains(err.Error(), "load.cypher:2:1: statement 2") {
		t.Errorf("err = %v", err)
	}
	if n := count(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Errorf("a failed CSV load wrote %d nodes", n)
	}
	// A missing file is an error before anything runs.
	missing := writeFile(t, dir, "missing.cypher", "LOAD CSV FROM 'nope.csv' AS r CREATE (:X {v: r[0]})")
	if _, err := Import(ctx, d, []string{missing}, opts); err == nil || !strings.Contains(err.Error(), "missing.cypher:1:1: LOAD CSV:") {
		t.Errorf("missing CSV: %v", err)
	}
}
