package cypherfile

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// setup wipes the test database and returns a context and the Options pointing at it.
func setup(t *testing.T) (context.Context, neo4j.DriverWithContext, Options) {
	t.Helper()
	d, cfg := neo4jtest.Driver(t)
	neo4jtest.Wipe(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx, d, Options{Database: cfg.Database}
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot is every node and relationship of the database with its labels or type and
// properties, so two snapshots are equal exactly when the graph did not change.
func snapshot(t *testing.T) []any {
	t.Helper()
	recs := neo4jtest.Run(t, `
		CALL { MATCH (n) WITH n ORDER BY elementId(n)
		       RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes }
		CALL { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
		       RETURN collect([elementId(r), type(r), properties(r), elementId(a), elementId(b)]) AS rels }
		RETURN nodes, rels`, nil)
	return recs[0].Values
}

func count(t *testing.T, cypher string) int64 {
	t.Helper()
	return neo4jtest.Run(t, cypher, nil)[0].Values[0].(int64)
}

// seed puts a little graph in the database for the tests that must leave it unchanged.
func seed(t *testing.T) {
	neo4jtest.Run(t, `CREATE (:Seed {id: 1, name: 'one'})-[:SEEDS {w: 1}]->(:Seed:Extra {id: 2})`, nil)
}

// allCases has every case the splitter handles, with a BOM and CRLF line ends.
const allCases = "\uFEFF// 001 steward file; with every splitting case\r\n" +
	"/* block comment; with a semicolon\r\n   over lines */\r\n" +
	":param source => 'registry;v2'\r\n" +
	"CREATE (:Item {id: 1, name: 'semi;colon', src: $source});\r\n" +
	"CREATE (:Item {id: 2, name: \"double \\\"quoted\\\"; yes\"}); // trailing comment;\r\n" +
	"CREATE (:Item {id: 3, name: 'it\\'s; a \\\\ backslash // not a comment'});\r\n" +
	"CREATE (:`Odd;Label` {id: 4, `key;with``tick`: 'v'});\r\n" +
	";;\r\n" +
	"MATCH (a:Item {id: 1}),\r\n" +
	"      (b:Item {id: 2}) // comment inside; fine\r\n" +
	"CREATE (a)-[:NEXT {note: '/* not a comment */'}]->(b);\r\n" +
	"MATCH (b:Item {id: 2}), (c:Item /* inline; */ {id: 3})\r\n" +
	"CREATE (b)-[:NEXT]->(c)\r\n"

func TestImportAllSplittingCases(t *testing.T) {
	ctx, d, opts := setup(t)
	p := writeFile(t, t.TempDir(), "all.cypher", allCases)
	reps, err := Import(ctx, d, []string{p}, opts)
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	if r.Statements != 6 || r.Run != 6 || r.Committed != 6 || r.Mode != ModeData {
		t.Errorf("report %+v", r)
	}
	recs := neo4jtest.Run(t, `MATCH (n) WHERE n.id IS NOT NULL
		RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.src AS src, n.`+"`key;with``tick`"+` AS k ORDER BY id`, nil)
	want := [][]any{
		{int64(1), []any{"Item"}, "semi;colon", "registry;v2", nil},
		{int64(2), []any{"Item"}, `double "quoted"; yes`, nil, nil},
		{int64(3), []any{"Item"}, `it's; a \ backslash // not a comment`, nil, nil},
		{int64(4), []any{"Odd;Label"}, nil, nil, "v"},
	}
	var got [][]any
	for _, rec := range recs {
		got = append(got, rec.Values)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nodes\n got %v\nwant %v", got, want)
	}
	path := neo4jtest.Run(t, `MATCH p = (:Item {id: 1})-[r1:NEXT]->(:Item {id: 2})-[:NEXT]->(:Item {id: 3}) RETURN r1.note`, nil)
	if len(path) != 1 || path[0].Values[0] != "/* not a comment */" {
		t.Errorf("relationships: %v", path)
	}
}

func TestImportFailureLeavesDatabaseUnchanged(t *testing.T) {
	ctx, d, opts := setup(t)
	seed(t)
	before := snapshot(t)
	p := writeFile(t, t.TempDir(), "bad.cypher", `
		CREATE (:New {id: 1});
		MATCH (s:Seed {id: 1}) SET s.name = 'changed', s.extra = true;
		MATCH (s:Seed {id: 2}) DETACH DELETE s;
		MATCH (a:New), (b:Seed) CREATE (a)-[:TO]->(b);
		MATCH (s:Seed) REMOVE s:Extra;
		CREATE (:New {id: 2, bad: 1 / 0});
		CREATE (:New {id: 3});`)
	reps, err := Import(ctx, d, []string{p}, opts)
	var se *StatementError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *StatementError", err)
	}
	if se.Index != 5 || se.Line != 7 || se.Column != 3 || se.Committed != 0 {
		t.Errorf("error at statement %d, %d:%d, committed %d: %v", se.Index+1, se.Line, se.Column, se.Committed, err)
	}
	if !strings.Contains(err.Error(), "/ by zero") {
		t.Errorf("error lacks Neo4j's message: %v", err)
	}
	if len(reps) != 1 || reps[0].Run != 5 || reps[0].Committed != 0 || reps[0].Counters != (Counters{}) || reps[0].Err == nil {
		t.Errorf("report %+v", reps)
	}
	if after := snapshot(t); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed:\nbefore %v\nafter  %v", before, after)
	}
}

func TestDryRun(t *testing.T) {
	ctx, d, opts := setup(t)
	seed(t)
	before := snapshot(t)
	opts.DryRun = true
	dir := t.TempDir()
	good := writeFile(t, dir, "good.cypher", ":param n => 5\nCREATE (:New {n: $n});\nMATCH (s:Seed) DETACH DELETE s;\n"+
		"CREATE INDEX dry_idx IF NOT EXISTS FOR (n:New) ON (n.n)")
	// The last statement is a schema command: with --atomic that file is refused; without,
	// it is checked in two transactions and still changes nothing.
	atomic := opts
	atomic.Atomic = true
	if _, err := Import(ctx, d, []string{good}, atomic); !errors.Is(err, ErrMixedFile) {
		t.Fatalf("mixed file: err = %v, want ErrMixedFile", err)
	}
	if reps, err := Import(ctx, d, []string{good}, opts); err != nil || reps[0].Run != 3 || len(reps[0].Units) != 2 {
		t.Fatalf("mixed file, dry run: %v %+v", err, reps)
	}
	good = writeFile(t, dir, "good.cypher", ":param n => 5\nCREATE (:New {n: $n});\nMATCH (s:Seed) DETACH DELETE s")
	schema := writeFile(t, dir, "schema.cypher", "CREATE INDEX dry_idx IF NOT EXISTS FOR (n:New) ON (n.n)")
	reps, err := Import(ctx, d, []string{schema, good}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || reps[1].Run != 2 || !reps[1].DryRun || reps[1].Committed != 0 || reps[1].Counters != (Counters{}) {
		t.Errorf("reports %+v", reps)
	}
	if !strings.Contains(reps[1].String(), "2 statements checked with EXPLAIN") {
		t.Errorf("report line %q", reps[1])
	}
	if n := count(t, "SHOW INDEXES YIELD name WHERE name = 'dry_idx' RETURN count(*)"); n != 0 {
		t.Errorf("dry run created the index")
	}

	bad := writeFile(t, dir, "bad.cypher", "CREATE (:New);\n\n// comment\nMATCH (n)\n  WHERE n.x = 1\n  RETURN n ORDER BY;\nCREATE (:New)")
	_, err = Import(ctx, d, []string{bad}, opts)
	var se *StatementError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *StatementError", err)
	}
	if se.Line != 4 || se.Column != 1 || se.Index != 1 || se.ErrLine != 6 || se.ErrColumn != 20 {
		t.Errorf("syntax error at %d:%d (Neo4j's position %d:%d), statement %d: %v", se.Line, se.Column, se.ErrLine, se.ErrColumn, se.Index+1, err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, bad+":4:1: statement 2 (MATCH (n) WHERE n.x = 1 RETURN n ORDER BY): Neo.ClientError.Statement.SyntaxError: ") ||
		!strings.Contains(msg, "(at "+bad+":6:20)") {
		t.Errorf("error text: %s", msg)
	}
	if after := snapshot(t); !reflect.DeepEqual(before, after) {
		t.Errorf("dry run changed the database:\nbefore %v\nafter  %v", before, after)
	}
}

func TestBatchAndResume(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	var lines []string
	for i := 1; i <= 10; i++ {
		lines = append(lines, "CREATE (:B {i: "+strconv.Itoa(i)+"})")
	}
	good := strings.Join(lines, ";\n")
	lines[7] = "CREATE (:B {i: 8 / 0})" // statement 8, in the third batch of 3
	p := writeFile(t, dir, "batch.cypher", strings.Join(lines, ";\n"))
	opts.Batch = 3
	reps, err := Import(ctx, d, []string{p}, opts)
	var se *StatementError
	if !errors.As(err, &se) || se.Index != 7 || se.Line != 8 || se.Committed != 6 {
		t.Fatalf("err = %v (%+v), want statement 8 at line 8 with 6 committed", err, se)
	}
	r := reps[0]
	if r.Committed != 6 || r.Run != 7 || r.NodesCreated != 6 || r.PropertiesSet != 6 {
		t.Errorf("report %+v", r)
	}
	if !strings.Contains(r.String(), "FAILED at statement 8 of 10, statements 1-6 committed (resume from 6)") {
		t.Errorf("report line %q", r)
	}
	if n := count(t, "MATCH (b:B) RETURN count(b)"); n != 6 {
		t.Errorf("%d nodes after the failure, want 6 (two committed batches)", n)
	}

	// The steward fixes the file and resumes after the last committed statement.
	writeFile(t, dir, "batch.cypher", good)
	opts.ResumeFrom = r.Committed
	reps, err = Import(ctx, d, []string{p}, opts)
	if err != nil {
		t.Fatal(err)
	}
	r = reps[0]
	if r.Skipped != 6 || r.Run != 4 || r.Committed != 10 || r.NodesCreated != 4 {
		t.Errorf("resumed report %+v", r)
	}
	recs := neo4jtest.Run(t, "MATCH (b:B) RETURN b.i ORDER BY b.i", nil)
	if len(recs) != 10 {
		t.Fatalf("%d nodes after resuming, want 10", len(recs))
	}
	for i, rec := range recs {
		if rec.Values[0] != int64(i+1) {
			t.Errorf("node %d has i = %v", i, rec.Values[0])
		}
	}

	opts.ResumeFrom = 11
	if _, err := Import(ctx, d, []string{p}, opts); err == nil || !strings.Contains(err.Error(), "has only 10 statements") {
		t.Errorf("resume past the end: %v", err)
	}
}

func TestParams(t *testing.T) {
	ctx, d, opts := setup(t)
	p := writeFile(t, t.TempDir(), "params.cypher", `
:param name => 'Ann'
:param born: date('1990-05-17')
:param {tags: ['a', 'b;c'], score: 1.5}
:param next => $score * 2
CREATE (:P {name: $name, born: $born, tags: $tags, score: $score, next: $next});
:params clear
:param name => 'Bob'
CREATE (:P {name: $name});
:param `+"`odd name`"+` => {k: [1, 2,
                               3]}
CREATE (:P {name: 'Cy', k: $`+"`odd name`"+`.k});
`)
	if _, err := Import(ctx, d, []string{p}, opts); err != nil {
		t.Fatal(err)
	}
	recs := neo4jtest.Run(t, "MATCH (p:P) RETURN p.name, toString(p.born), p.tags, p.score, p.next, p.k ORDER BY p.name", nil)
	var got [][]any
	for _, r := range recs {
		got = append(got, r.Values)
	}
	want := [][]any{
		{"Ann", "1990-05-17", []any{"a", "b;c"}, 1.5, 3.0, nil},
		{"Bob", nil, nil, nil, nil, nil},
		{"Cy", nil, nil, nil, nil, []any{int64(1), int64(2), int64(3)}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nodes\n got %v\nwant %v", got, want)
	}

	// A parameter left over after :params clear is an error from Neo4j; an expression
	// that fails is reported at its :param line, before anything runs.
	p = writeFile(t, t.TempDir(), "cleared.cypher", ":param x => 1\n:params clear\nCREATE (:Q {x: $x})")
	if _, err := Import(ctx, d, []string{p}, opts); err == nil || !strings.Contains(err.Error(), "ParameterMissing") {
		t.Errorf("missing parameter: %v", err)
	}
	p = writeFile(t, t.TempDir(), "badparam.cypher", "CREATE (:Q);\n\n  :param x => nosuchfunction(1)\nCREATE (:Q {x: $x})")
	_, err := Import(ctx, d, []string{p}, opts)
	var se *StatementError
	if !errors.As(err, &se) || se.Line != 3 || se.Column != 3 || se.Index != -1 ||
		!strings.HasPrefix(err.Error(), p+":3:3: :param x => nosuchfunction(1): Neo.ClientError.Statement.SyntaxError") {
		t.Errorf("bad :param: %v", err)
	}
	if n := count(t, "MATCH (q:Q) RETURN count(q)"); n != 0 {
		t.Errorf("%d :Q nodes, want none", n)
	}
	p = writeFile(t, t.TempDir(), "notmap.cypher", ":param {a: 1}\n:param [1, 2]\nRETURN $a")
	if _, err := Import(ctx, d, []string{p}, opts); err == nil || !strings.Contains(err.Error(), "expected a parameter name") {
		t.Errorf("list :param: %v", err)
	}
}

func TestCounters(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	writeFile(t, dir, "001_schema.cypher", `
CREATE CONSTRAINT ctest_id IF NOT EXISTS FOR (n:CTest) REQUIRE n.id IS UNIQUE;
CREATE INDEX ctest_name IF NOT EXISTS FOR (n:CTest) ON (n.name);
CREATE TEXT INDEX ctest_text IF NOT EXISTS FOR (n:CTest) ON (n.note)`)
	writeFile(t, dir, "002_data.cypher", `
CREATE (:CTest {id: 1, name: 'a'}), (:CTest {id: 2, name: 'b'}), (:CTest:Extra {id: 3});
MATCH (a:CTest {id: 1}), (b:CTest {id: 2}) CREATE (a)-[:R {w: 1}]->(b), (b)-[:R]->(a);
MATCH (n:CTest {id: 3}) SET n:More, n.name = 'c' REMOVE n:Extra;
MATCH (:CTest {id: 2})-[r:R]->() DELETE r;
MERGE (n:CTest {id: 4}) ON CREATE SET n.x = 1;
MATCH (n:CTest {id: 4}) DELETE n`)
	writeFile(t, dir, "README.txt", "not Cypher")
	writeFile(t, dir, "003_drop.cypher", "DROP INDEX ctest_name;\nDROP CONSTRAINT ctest_id;\nDROP INDEX ctest_text")
	t.Cleanup(func() {
		neo4jtest.Run(t, "DROP CONSTRAINT ctest_id IF EXISTS", nil)
		neo4jtest.Run(t, "DROP INDEX ctest_name IF EXISTS", nil)
		neo4jtest.Run(t, "DROP INDEX ctest_text IF EXISTS", nil)
	})
	checked := 0
	opts.Check = func(context.Context, neo4j.ExplicitTransaction) error { checked++; return nil }
	reps, err := Import(ctx, d, []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	// the check runs once, in the data file's transaction, and the report says so
	if checked != 1 || reps[0].Checks != 0 || reps[1].Checks != 1 || !strings.Contains(reps[1].String(), "; model checked in ") {
		t.Errorf("check ran %d times; reports %d, %d checks: %q", checked, reps[0].Checks, reps[1].Checks, reps[1].String())
	}
	if len(reps) != 3 || filepath.Base(reps[0].Path) != "001_schema.cypher" || filepath.Base(reps[2].Path) != "003_drop.cypher" {
		t.Fatalf("reports %+v", reps)
	}
	if got, want := reps[0].Counters, (Counters{IndexesAdded: 2, ConstraintsAdded: 1}); got != want || reps[0].Mode != ModeSchema {
		t.Errorf("schema counters %+v (mode %v), want %+v", got, reps[0].Mode, want)
	}
	want := Counters{
		NodesCreated: 4, NodesDeleted: 1, RelationshipsCreated: 2, RelationshipsDeleted: 1,
		PropertiesSet: 5 + 1 + 1 + 2, // ids and names, w, n.name, id and x of node 4
		LabelsAdded:   3 + 1 + 1 + 1, LabelsRemoved: 1,
	}
	if got := reps[1].Counters; got != want {
		t.Errorf("data counters\n got %+v\nwant %+v", got, want)
	}
	if got, want := reps[2].Counters, (Counters{IndexesRemoved: 2, ConstraintsRemoved: 1}); got != want {
		t.Errorf("drop counters %+v, want %+v", got, want)
	}
	if s := reps[1].String(); !strings.Contains(s, "6 statements committed") || !strings.Contains(s, "4 nodes created, 1 nodes deleted, 2 relationships created") {
		t.Errorf("report line %q", s)
	}
}

func TestModes(t *testing.T) {
	ctx, d, opts := setup(t)
	neo4jtest.Run(t, "DROP CONSTRAINT m_id IF EXISTS", nil)
	seed(t)
	before := snapshot(t)
	dir := t.TempDir()
	mixed := writeFile(t, dir, "mixed.cypher", "CREATE (:M);\nCREATE CONSTRAINT m_id IF NOT EXISTS FOR (n:M) REQUIRE n.id IS UNIQUE;")
	later := writeFile(t, dir, "later.cypher", "CREATE (:M)")
	atomic := opts
	atomic.Atomic = true
	_, err := Import(ctx, d, []string{later, mixed}, atomic) // checked before anything runs
	var se *StatementError
	if !errors.As(err, &se) || !errors.Is(err, ErrMixedFile) || se.Line != 2 || !strings.Contains(err.Error(), "schema commands") {
		t.Errorf("mixed file with --atomic: %v", err)
	}
	if after := snapshot(t); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused import changed the database")
	}
	// Without --atomic the file runs in two transactions, the schema one awaited.
	var plan bytes.Buffer
	withPlan := opts
	withPlan.Progress = &plan
	reps, err := Import(ctx, d, []string{mixed}, withPlan)
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; len(r.Units) != 2 || r.Committed != 2 || r.NodesCreated != 1 || r.ConstraintsAdded != 1 {
		t.Errorf("mixed file report %+v", r)
	}
	if want := mixed + ": plan: 2 transactions\n  1. statements 1-1 (line 1): 1 statement\n  2. statements 2-2 (line 2): 1 schema command, then indexes awaited\n"; !strings.HasPrefix(plan.String(), want) {
		t.Errorf("plan output:\n%s\nwant it to start with\n%s", plan.String(), want)
	}
	neo4jtest.Run(t, "DROP CONSTRAINT m_id IF EXISTS", nil)
	neo4jtest.Run(t, "MATCH (m:M) DELETE m", nil)

	cit := writeFile(t, dir, "cit.cypher", ":param n => 25\nUNWIND range(1, $n) AS i CALL (i) { CREATE (:CIT {i: i}) } IN TRANSACTIONS OF 10 ROWS;\n"+
		"MATCH (c:CIT) CALL (c) { SET c.done = true } IN TRANSACTIONS OF 7 ROWS")
	reps, err = Import(ctx, d, []string{cit}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := reps[0]; r.Mode != ModeAutocommit || r.Committed != 2 || r.NodesCreated != 25 || r.PropertiesSet != 50 {
		t.Errorf("autocommit report %+v", r)
	}
	if n := count(t, "MATCH (c:CIT {done: true}) RETURN count(c)"); n != 25 {
		t.Errorf("%d CIT nodes", n)
	}
	opts.DryRun = true
	if reps, err := Import(ctx, d, []string{cit}, opts); err != nil || reps[0].Run != 2 {
		t.Errorf("dry run of an autocommit file: %v %+v", err, reps)
	}
}

func TestFileErrors(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, empty, "notes.txt", "x")
	good := writeFile(t, dir, "good.cypher", "CREATE (:Never)")
	latin1 := writeFile(t, dir, "latin1.cypher", "CREATE (:A);\nCREATE (:A {name: 'caf\xe9'})")
	unterminated := writeFile(t, dir, "open.cypher", "CREATE (:A);\nCREATE (:A {name: 'x})")
	for _, tt := range []struct {
		paths []string
		want  string
	}{
		{nil, "no Cypher files given"},
		{[]string{good, filepath.Join(dir, "missing.cypher")}, "missing.cypher: no such file or directory"},
		{[]string{good, empty}, empty + ": directory has no .cypher files"},
		{[]string{good, latin1}, latin1 + ":2:23: not valid UTF-8"},
		{[]string{good, unterminated}, unterminated + ":2:19: unterminated string"},
	} {
		_, err := Import(ctx, d, tt.paths, opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Import(%v) = %v, want %q", tt.paths, err, tt.want)
		}
	}
	if n := count(t, "MATCH (n) RETURN count(n)"); n != 0 {
		t.Errorf("files were run although a later one was bad")
	}
}

func TestProgress(t *testing.T) {
	ctx, d, opts := setup(t)
	defer func(n int) { progressEvery = n }(progressEvery)
	progressEvery = 4
	opts.BatchRows = 2 // progress is reported per batched statement
	var lines []string
	for i := 0; i < 10; i++ {
		lines = append(lines, "CREATE (:Prog)")
	}
	p := writeFile(t, t.TempDir(), "prog.cypher", strings.Join(lines, ";\n"))
	var buf bytes.Buffer
	opts.Progress = &buf
	if _, err := Import(ctx, d, []string{p}, opts); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	want := p + ": 4/10 statements\n" + p + ": 8/10 statements\n" + p + ": 10/10 statements, done in "
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 3 {
		t.Errorf("progress output:\n%s\nwant it to start with\n%s", out, want)
	}

	buf.Reset()
	opts.Terminal = true
	if _, err := Import(ctx, d, []string{p}, opts); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "prog.cypher") || !strings.Contains(out, p+": 10/10 statements, done in ") {
		t.Errorf("progress bar output: %q", out)
	}
}

func TestErrorPositionNonASCII(t *testing.T) {
	ctx, d, opts := setup(t)
	// Neo4j counts offsets in UTF-16 units: a character outside the BMP counts twice.
	p := writeFile(t, t.TempDir(), "utf.cypher", "RETURN 1;\nCREATE (:A {name: '😀é'}) RETURN ,")
	for _, dry := range []bool{false, true} {
		opts.DryRun = dry
		_, err := Import(ctx, d, []string{p}, opts)
		var se *StatementError
		if !errors.As(err, &se) || se.Line != 2 || se.ErrLine != 2 || se.ErrColumn != 33 {
			t.Errorf("dry run %v: %v (%+v)", dry, err, se)
		}
	}
}

// A CALL { ... } IN TRANSACTIONS statement that fails after Neo4j committed some of its
// inner transactions is reported as partly committed, with Neo4j's count, which is what the
// database holds; one interrupted while it runs is reported as maybe partly committed.
func TestPartlyCommittedInTransactions(t *testing.T) {
	ctx, d, opts := setup(t)
	dir := t.TempDir()
	failing := writeFile(t, dir, "iit.cypher", "CREATE (:Before);\n"+
		"UNWIND range(1, 100) AS i CALL (i) { CREATE (:Inner {i: i, v: 1 / (i - 45)}) } IN TRANSACTIONS OF 10 ROWS;\n"+
		"CREATE (:After);\n")
	reps, err := Import(ctx, d, []string{failing}, opts)
	if err == nil || len(reps) != 1 {
		t.Fatalf("Import = %v, %v", reps, err)
	}
	r := reps[0]
	if r.Partial == nil || *r.Partial != (PartialStatement{Statement: 2, Inner: 4}) || r.Committed != 1 {
		t.Fatalf("report: committed %d, partial %+v", r.Committed, r.Partial)
	}
	if n := count(t, "MATCH (n:Inner) RETURN count(n)"); n != 40 {
		t.Errorf("%d Inner nodes, want the 4 inner transactions of 10 rows Neo4j reported", n)
	}
	if n := count(t, "MATCH (n:Before) RETURN count(n)")*10 + count(t, "MATCH (n:After) RETURN count(n)"); n != 10 {
		t.Errorf("Before and After nodes: %d, want 10 (statement 1 committed, statement 3 not run)", n)
	}
	line := r.String()
	for _, want := range []string{"transaction 2 stopped in statement 2, partly committed",
		"statement 2 (CALL { ... } IN TRANSACTIONS) is partly committed: Neo4j had committed 4 inner transactions of it"} {
		if !strings.Contains(line, want) {
			t.Errorf("the report does not say %q:\n%s", want, line)
		}
	}
	if strings.Contains(line, "rolled back") {
		t.Errorf("the report says a partly committed statement was rolled back:\n%s", line)
	}

	// A syntax error is found before anything runs: nothing is partly committed.
	bad := writeFile(t, dir, "bad.cypher", "UNWIND range(1, 10) AS i CALL (i) { CREATE (:Never {i: i}) } IN TRANSACTIONS OF 2 ROWZ;\n")
	if reps, err := Import(ctx, d, []string{bad}, opts); err == nil || reps[0].Partial != nil {
		t.Errorf("a syntax error: %v, partial %+v", err, reps[0].Partial)
	}

	// Interrupted once the first inner transactions are in.
	neo4jtest.Wipe(t)
	long := writeFile(t, dir, "long.cypher", "UNWIND range(1, 5000000) AS i CALL (i) { CREATE (:Long {i: i}) } IN TRANSACTIONS OF 100 ROWS;\n")
	ictx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer cancel()
		for ictx.Err() == nil {
			res, err := neo4j.ExecuteQuery(ictx, d, "MATCH (n:Long) RETURN count(n) AS n", nil,
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(opts.Database))
			if err == nil && res.Records[0].Values[0].(int64) > 0 {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	reps, err = Import(ictx, d, []string{long}, opts)
	if !errors.Is(err, context.Canceled) || len(reps) != 1 || reps[0].Partial == nil || *reps[0].Partial != (PartialStatement{Statement: 1, Inner: -1}) {
		t.Fatalf("interrupted: %v, %+v", err, reps)
	}
	if want := "long.cypher: interrupted; nothing committed; statement 1 (CALL { ... } IN TRANSACTIONS) may be partly committed"; !strings.Contains(err.Error(), want) {
		t.Errorf("interrupted: %v\nwant %q", err, want)
	}
	// Neo4j stops the statement once the driver is gone; then what it committed stays.
	deadline := time.Now().Add(30 * time.Second)
	for last := int64(-1); ; time.Sleep(500 * time.Millisecond) {
		n := count(t, "MATCH (n:Long) RETURN count(n)")
		if n == last {
			if n == 0 || n >= 5000000 {
				t.Errorf("%d Long nodes after the interruption", n)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Neo4j still writes %d Long nodes 30 s after the interruption", n)
		}
		last = n
	}
	neo4jtest.Wipe(t)
}

// An interrupted file says which statements were rolled back and which are committed.
func TestInterruptedMessage(t *testing.T) {
	u := Unit{First: 5000, End: 10000, Kind: ModeData}
	err := interrupted(FileReport{Path: "x.cypher", Committed: 5000}, u, context.Canceled)
	if want := "x.cypher: interrupted in statements 5001-10000, rolled back; statements 1-5000 committed: context canceled"; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
	err = interrupted(FileReport{Path: "x.cypher"}, Unit{End: 10}, context.Canceled)
	if want := "x.cypher: interrupted in statements 1-10, rolled back; nothing committed: context canceled"; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// Ctrl-C during a commit: the commit is finished, not cut off on the client (then nobody
// could say whether Neo4j had done it; the importer reported such a transaction as rolled
// back while it was in the database).
func TestCommitOutlivesCancel(t *testing.T) {
	ctx, d, opts := setup(t)
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: opts.Database})
	defer sess.Close(ctx)
	cctx, cancel := context.WithCancel(ctx)
	tx, err := sess.BeginTransaction(cctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Run(cctx, "CREATE (:Committed)", nil); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := commit(cctx, tx); err != nil {
		t.Fatalf("commit after the cancel: %v", err)
	}
	if n := count(t, "MATCH (n:Committed) RETURN count(n)"); n != 1 {
		t.Errorf("%d nodes committed", n)
	}
}
