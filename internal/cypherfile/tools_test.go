package cypherfile

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// movieGraph is the graph every sample of testdata/tools holds once loaded.
func movieGraph(t *testing.T) []any {
	t.Helper()
	return neo4jtest.Run(t, `
		CALL { MATCH (n) WITH n ORDER BY coalesce(n.title, n.name)
		       RETURN collect([labels(n), coalesce(n.title, n.name), n.released, n.born, n.tagline]) AS nodes }
		CALL { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY a.name, type(r), b.title
		       RETURN collect([a.name, type(r), r.roles, b.title]) AS rels }
		RETURN nodes, rels`, nil)[0].Values
}

func TestImportFilesFromOtherTools(t *testing.T) {
	ctx, d, opts := setup(t)
	want := []any{
		[]any{
			[]any{[]any{"Person"}, "Carrie-Anne Moss", nil, int64(1967), nil},
			[]any{[]any{"Person"}, "Keanu Reeves", nil, int64(1964), nil},
			[]any{[]any{"Person"}, "Lana Wachowski", nil, int64(1965), nil},
			[]any{[]any{"Person"}, "Laurence Fishburne", nil, int64(1961), nil},
			[]any{[]any{"Movie"}, "The Matrix", int64(1999), nil, "Welcome to the Real World"},
			[]any{[]any{"Movie"}, "The Matrix Reloaded", int64(2003), nil, "Free your mind"},
		},
		[]any{
			[]any{"Carrie-Anne Moss", "ACTED_IN", []any{"Trinity"}, "The Matrix"},
			[]any{"Keanu Reeves", "ACTED_IN", []any{"Neo"}, "The Matrix"},
			[]any{"Keanu Reeves", "ACTED_IN", []any{"Neo"}, "The Matrix Reloaded"},
			[]any{"Lana Wachowski", "DIRECTED", nil, "The Matrix"},
			[]any{"Lana Wachowski", "DIRECTED", nil, "The Matrix Reloaded"},
			[]any{"Laurence Fishburne", "ACTED_IN", []any{"Morpheus"}, "The Matrix"},
		},
	}
	for _, tt := range []struct {
		file  string
		units int
	}{
		{"apoc_cypher_shell_unwind.cypher", 6},
		{"apoc_cypher_shell_plain_statements.cypher", 6},
		{"apoc_plain_unwind.cypher", 3},
		{"movies.cypher", 2},
	} {
		t.Run(tt.file, func(t *testing.T) {
			neo4jtest.Wipe(t)
			dropSchema(t)
			var progress bytes.Buffer
			o := opts
			o.Progress = &progress
			reps, err := Import(ctx, d, []string{filepath.Join("testdata", "tools", tt.file)}, o)
			if err != nil {
				t.Fatalf("%v\n%s", err, progress.String())
			}
			if r := reps[0]; len(r.Units) != tt.units || r.Committed != r.Statements || r.NodesCreated != 6 || r.RelationshipsCreated != 6 {
				t.Errorf("report %s (%d transactions)", r, len(r.Units))
			}
			if !strings.Contains(progress.String(), "plan: ") {
				t.Errorf("no plan printed:\n%s", progress.String())
			}
			if got := movieGraph(t); !reflect.DeepEqual(got, want) {
				t.Errorf("graph\n got %v\nwant %v", got, want)
			}
			// APOC's temporary label, property and constraint are gone.
			if n := count(t, "MATCH (n) WHERE n:`UNIQUE IMPORT LABEL` OR n.`UNIQUE IMPORT ID` IS NOT NULL RETURN count(n)"); n != 0 {
				t.Errorf("%d nodes keep APOC's import label or id", n)
			}
			if n := count(t, "SHOW CONSTRAINTS YIELD name WHERE name = 'UNIQUE_IMPORT_NAME' RETURN count(*)"); n != 0 {
				t.Errorf("APOC's import constraint is still there")
			}
		})
	}
	neo4jtest.Wipe(t)
	dropSchema(t)
}

// dropSchema drops every constraint and index but the lookup ones: the samples create
// their own, and the model's (migrations of other tests) would clash with them.
func dropSchema(t *testing.T) {
	for _, r := range neo4jtest.Run(t, "SHOW CONSTRAINTS YIELD name RETURN name", nil) {
		neo4jtest.Run(t, "DROP CONSTRAINT `"+r.Values[0].(string)+"` IF EXISTS", nil)
	}
	for _, r := range neo4jtest.Run(t, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", nil) {
		neo4jtest.Run(t, "DROP INDEX `"+r.Values[0].(string)+"` IF EXISTS", nil)
	}
}

func TestImportCypherShellSession(t *testing.T) {
	ctx, d, opts := setup(t)
	var progress bytes.Buffer
	opts.Progress = &progress
	reps, err := Import(ctx, d, []string{filepath.Join("testdata", "tools", "cypher_shell_session.cypher")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	if len(r.Units) != 3 || !r.Units[1].Rollback || r.Committed != 4 || r.NodesCreated != 3 {
		t.Errorf("report %s %+v", r, r.Units)
	}
	recs := neo4jtest.Run(t, "MATCH (f:Film) RETURN f.title, f.year, f.studio, f.tags ORDER BY f.title", nil)
	var got [][]any
	for _, rec := range recs {
		got = append(got, rec.Values)
	}
	want := [][]any{
		{"kept", int64(1999), "Warner", []any{"sci-fi", "action"}},
		{"kept too", int64(2000), nil, nil},
		{"later", int64(2009), nil, nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("films\n got %v\nwant %v", got, want)
	}
	for _, line := range []string{
		"plan: 3 transactions",
		"1. statements 1-2 (lines 7-8): 2 statements (:begin block) on database neo4j",
		"2. statements 3-3 (line 12): 1 statement (:begin block), rolled back as the file says (:rollback) on database neo4j",
		"3. statements 4-4 (line 17): 1 statement on database neo4j",
	} {
		if !strings.Contains(progress.String(), line) {
			t.Errorf("plan lacks %q:\n%s", line, progress.String())
		}
	}
}

// A file of several transactions that fails in the third: the first two stay committed,
// the report says so, and --resume-from carries on.
func TestImportPlanFailureAndResume(t *testing.T) {
	ctx, d, opts := setup(t)
	neo4jtest.Run(t, "DROP INDEX plan_idx IF EXISTS", nil)
	defer neo4jtest.Run(t, "DROP INDEX plan_idx IF EXISTS", nil)
	dir := t.TempDir()
	src := ":begin\nCREATE (:P {i: 1});\nCREATE (:P {i: 2});\n:commit\n" +
		"CREATE INDEX plan_idx IF NOT EXISTS FOR (p:P) ON (p.i);\n" +
		"CREATE (:P {i: 3});\nCREATE (:P {i: 4 / %s});\nCREATE (:P {i: 5});\n" +
		":begin\nCREATE (:P {i: 6});\n:commit\n"
	p := writeFile(t, dir, "plan.cypher", strings.Replace(src, "%s", "0", 1))
	reps, err := Import(ctx, d, []string{p}, opts)
	var se *StatementError
	if !errors.As(err, &se) || se.Index != 4 || se.Line != 7 || se.Committed != 3 {
		t.Fatalf("err = %v, want statement 5 at line 7 with 3 committed", err)
	}
	r := reps[0]
	want := "FAILED at statement 5 of 7 in "
	wantTail := ": transactions 1-2 committed (statements 1-3), transaction 3 rolled back (statements 4-6), transaction 4 not run; statements 1-3 committed (resume from 3): 2 nodes created, 2 properties set, 2 labels added, 1 indexes added"
	if s := r.String(); !strings.Contains(s, want) || !strings.HasSuffix(s, wantTail) {
		t.Errorf("report line %q", s)
	}
	if n := count(t, "MATCH (p:P) RETURN count(p)"); n != 2 {
		t.Errorf("%d nodes, want the 2 of the first transaction", n)
	}
	writeFile(t, dir, "plan.cypher", strings.Replace(src, "%s", "1", 1))
	opts.ResumeFrom = 3
	reps, err = Import(ctx, d, []string{p}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Committed != 7 || r.NodesCreated != 4 || len(r.Units) != 2 {
		t.Errorf("resumed report %s", r)
	}
	if got := count(t, "MATCH (p:P) RETURN sum(p.i)"); got != 21 {
		t.Errorf("sum of i = %d, want 21", got)
	}
}

func TestImportTransactionCommandErrors(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	for _, tt := range []struct{ src, want string }{
		{"CREATE (:A);\n:commit\n", ":2:1: :commit without :begin"},
		{"CREATE (:A);\n  :rollback\n", ":2:3: :rollback without :begin"},
		{":begin\nCREATE (:A);\n:begin\n", ":3:1: :begin inside the transaction opened by :begin at line 1"},
		{":begin\nCREATE (:A);\n", ":1:1: :begin without :commit"},
		{":begin\nCREATE (:A);\nCREATE (:B)\n  :commit\n", ":1:1: :begin without :commit: the file ends inside this transaction; " +
			"the :commit at line 4 is read as part of statement 2: end that statement with ';'"},
		{":begin\n:use system\n:commit\n", ":2:1: :use inside the transaction"},
		{":begin\nCREATE (:A);\nCREATE INDEX x FOR (n:A) ON (n.x);\n:commit\n", "holds data statements and schema commands"},
		{":source other.cypher\n", ":1:1: cypher-shell command :source is not supported"},
	} {
		p := writeFile(t, dir, "bad.cypher", tt.src)
		_, err := Import(ctx, d, []string{p}, opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%q: err = %v, want %q", tt.src, err, tt.want)
		}
	}
	if n := count(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Errorf("a refused file wrote %d nodes", n)
	}
}

// A :param expression is evaluated inside the file's transaction, where it sees the
// file's writes before it, and never in a dry run.
func TestParamExpressionsInTheTransaction(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	p := writeFile(t, dir, "inside.cypher", "CREATE (:Cnt);\nCREATE (:Cnt);\n"+
		":param n => COUNT { (c:Cnt) }\n:param lit => ['one', 'tw\\'o']\nCREATE (:Result {n: $n, lit: $lit});\n")
	if _, err := Import(ctx, d, []string{p}, opts); err != nil {
		t.Fatal(err)
	}
	got := neo4jtest.Run(t, "MATCH (r:Result) RETURN r.n, r.lit", nil)
	if len(got) != 1 || got[0].Values[0] != int64(2) || !reflect.DeepEqual(got[0].Values[1], []any{"one", "tw'o"}) {
		t.Errorf("result %v, want n = 2 (the file's own nodes counted) and the literal list", got)
	}

	neo4jtest.Wipe(t)
	boom := writeFile(t, dir, "boom.cypher", ":param x => 1 / 0\nCREATE (:Never {x: $x});\n")
	dry := opts
	dry.DryRun = true
	if _, err := Import(ctx, d, []string{boom}, dry); err != nil {
		t.Errorf("the dry run evaluated the expression: %v", err)
	}
	_, err := Import(ctx, d, []string{boom}, opts)
	var se *StatementError
	if !errors.As(err, &se) || se.Line != 1 || se.Index != -1 || !strings.Contains(err.Error(), "/ by zero") {
		t.Errorf("err = %v, want the :param at line 1", err)
	}
	if n := count(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Errorf("%d nodes written", n)
	}
	// A syntax error in an expression is placed in the file, not in the query that
	// evaluates it, in a run and a dry run.
	bad := writeFile(t, dir, "bad.cypher", "CREATE (:A);\n  :param  y =>  [1, 2,, 3]\nCREATE (:B {y: $y});\n")
	for _, o := range []Options{opts, dry} {
		_, err := Import(ctx, d, []string{bad}, o)
		if !errors.As(err, &se) || se.Line != 2 || se.ErrLine != 2 || se.ErrColumn != 23 || !strings.Contains(err.Error(), "(at "+bad+":2:23)") {
			t.Errorf("dry run %v: err = %v (at %d:%d), want the error at 2:23", o.DryRun, err, se.ErrLine, se.ErrColumn)
		}
	}
	// Cut short, the expression is blamed at its end, not in the line after it.
	cut := writeFile(t, dir, "cut.cypher", ":param y => 1 +\nCREATE (:B {y: $y});\n")
	if _, err := Import(ctx, d, []string{cut}, opts); !errors.As(err, &se) || se.ErrLine != 1 || se.ErrColumn != 16 {
		t.Errorf("an expression cut short: err = %v (at %d:%d), want 1:16", err, se.ErrLine, se.ErrColumn)
	}
}
