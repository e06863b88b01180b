package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// importCounts is the number of nodes and relationships of the test database.
func importCounts(t *testing.T) (nodes, rels int64) {
	t.Helper()
	recs := neo4jtest.Run(t, `MATCH (n) WHERE NOT n:SchemaMigration
		RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels`, nil)
	nodes, _ = recs[0].Values[0].(int64)
	rels, _ = recs[0].Values[1].(int64)
	return nodes, rels
}

// The model is enforced at import: the seed loads with the check, the movie graph is
// refused with nothing changed and a report naming what is outside the model, and
// --no-check loads it.
func TestImportModelCheck(t *testing.T) {
	vxLoad(t) // wipe and migrate, nothing loaded
	conn := vxConnArgs(t)
	ctx := context.Background()
	const movies = "../../internal/cypherfile/testdata/tools/movies_graph.cypher"

	if err := runImport(ctx, append(conn, "../../data/seed")); err != nil {
		t.Fatalf("the seed fails the import's model check: %v", err)
	}
	nodes, rels := importCounts(t)
	if nodes == 0 || rels == 0 {
		t.Fatalf("the seed loaded %d nodes, %d relationships", nodes, rels)
	}

	err := runImport(ctx, append(conn, movies))
	var ce *cypherfile.CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("the movie graph: want a CheckError, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"rolled back", "--no-check",
		"labels outside the model: Movie\n",
		"relationships outside the model: (:Person)-[:ACTED_IN]->(:Movie), (:Person)-[:DIRECTED]->(:Movie), (:Person)-[:FOLLOWS]->(:Person), " +
			"(:Person)-[:PRODUCED]->(:Movie), (:Person)-[:REVIEWED]->(:Movie), (:Person)-[:WROTE]->(:Movie)\n",
		"label-outside-model: 4", "relationship-outside-model: 31",
		"node-without-sources", "id-not-slug"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report does not name %q:\n%s", want, msg)
		}
	}
	if n, r := importCounts(t); n != nodes || r != rels {
		t.Errorf("the refused import changed the graph: %d/%d nodes, %d/%d relationships", n, nodes, r, rels)
	}
	if recs := neo4jtest.Run(t, `MATCH (m:Movie) RETURN count(m)`, nil); recs[0].Values[0].(int64) != 0 {
		t.Errorf("Movie nodes after the refused import")
	}

	// A file that breaks nothing by itself but leaves a dangling source is refused too:
	// the check sees the transaction's writes.
	err = runImport(ctx, append(conn, writeTemp(t, "dangling.cypher",
		`MATCH (a:Actor {id: 'uliege'}) SET a.sources = a.sources + ['no-such-source#x'];`)))
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "dangling-source") || !strings.Contains(err.Error(), "uliege: no-such-source#x") {
		t.Errorf("a dangling source: %v", err)
	}

	// An APOC export (apoc.export.cypher.all, cypher-shell format) of actors that fit the
	// model: its temporary label stays on the nodes until its last transactions, and the
	// transactions before are not refused for it.
	const apoc = "testdata/apoc_cypher_shell_model.cypher"
	dropAPOCConstraint := func() { neo4jtest.Run(t, "DROP CONSTRAINT UNIQUE_IMPORT_NAME IF EXISTS", nil) }
	dropAPOCConstraint() // left by a run that failed half-way
	t.Cleanup(dropAPOCConstraint)
	if err := runImport(ctx, append(conn, apoc)); err != nil {
		t.Fatalf("an APOC export of the model's actors: %v", err)
	}
	if recs := neo4jtest.Run(t, "MATCH (a:Actor:Company)-[:PART_OF]->(b:Actor:Company {id: 'apoc-cells'}) WHERE a.id = 'apoc-lab' "+
		"AND a.`UNIQUE IMPORT ID` IS NULL AND NOT a:`UNIQUE IMPORT LABEL` RETURN count(*)", nil); recs[0].Values[0].(int64) != 1 {
		t.Errorf("the APOC export did not load as it says")
	}
	neo4jtest.Run(t, "MATCH (a:Actor) WHERE a.id STARTS WITH 'apoc-' DETACH DELETE a", nil)
	// Cut before its clean-up, it leaves nodes with the label: the import says so and fails.
	text, err := os.ReadFile(apoc)
	if err != nil {
		t.Fatal(err)
	}
	cut := string(text[:strings.Index(string(text), ":begin\nMATCH (n:`UNIQUE IMPORT LABEL`)  WITH n LIMIT")])
	err = runImport(ctx, append(conn, writeTemp(t, "cut.cypher", cut+":begin\nDROP CONSTRAINT UNIQUE_IMPORT_NAME;\n:commit\n")))
	if err == nil || !strings.Contains(err.Error(), "2 node(s) still carry APOC's temporary label `UNIQUE IMPORT LABEL`") {
		t.Errorf("an APOC export cut before its clean-up: %v", err)
	}
	neo4jtest.Run(t, "MATCH (a:Actor) WHERE a.id STARTS WITH 'apoc-' DETACH DELETE a", nil)
	if n, r := importCounts(t); n != nodes || r != rels {
		t.Errorf("the APOC tests left %d/%d nodes, %d/%d relationships", n, nodes, r, rels)
	}

	if err := runImport(ctx, append(conn, "--no-check", movies)); err != nil {
		t.Fatalf("--no-check: %v", err)
	}
	if recs := neo4jtest.Run(t, `MATCH (m:Movie) RETURN count(m)`, nil); recs[0].Values[0].(int64) != 4 {
		t.Errorf("--no-check loaded %v Movie nodes, want 4", recs[0].Values[0])
	}
	neo4jtest.Wipe(t)
}

// writeTemp writes a file of the given name and text in a test's temporary directory.
func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
