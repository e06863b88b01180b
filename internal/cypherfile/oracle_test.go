package cypherfile_test

// The differential oracle of literal lifting: every file is imported with lifting (and
// batching) and without, each time into a clean database with the migrations applied, and
// the two exports of the resulting graphs must be byte-identical.

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/seedtest"
	"github.com/batterykg/batterykg/internal/synth"
)

func oracleStore(t *testing.T) (*neo4jstore.Store, neo4jtest.Config) {
	t.Helper()
	_, cfg := neo4jtest.Driver(t)
	s, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password,
		Database: cfg.Database, QueryTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s, cfg
}

// fresh wipes the test database and applies the migrations.
func fresh(t *testing.T, s *neo4jstore.Store) {
	t.Helper()
	neo4jtest.Wipe(t)
	if _, err := s.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}

func export(t *testing.T, s *neo4jstore.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Export(context.Background(), &buf, neo4jstore.ExportOptions{}); err != nil {
		t.Fatalf("export: %v", err)
	}
	return buf.Bytes()
}

// importInto loads paths into a clean database and returns the export and the reports.
func importInto(t *testing.T, s *neo4jstore.Store, paths []string, opts cypherfile.Options) ([]byte, []cypherfile.FileReport) {
	t.Helper()
	fresh(t, s)
	reps, err := cypherfile.Import(context.Background(), s.Driver(), paths, opts)
	if err != nil {
		t.Fatalf("import %v (lifting off: %v): %v", paths, opts.NoLift, err)
	}
	return export(t, s), reps
}

// oracle imports paths with and without lifting and compares the exports. It returns the
// export and the number of statements that ran batched... as the lifted report's counters.
func oracle(t *testing.T, s *neo4jstore.Store, cfg neo4jtest.Config, paths ...string) []byte {
	t.Helper()
	plain, plainReps := importInto(t, s, paths, cypherfile.Options{Database: cfg.Database, NoLift: true})
	lifted, liftedReps := importInto(t, s, paths, cypherfile.Options{Database: cfg.Database})
	if !bytes.Equal(plain, lifted) {
		t.Fatalf("the exports differ (lifted vs as written):\n%s", firstDiff(string(plain), string(lifted)))
	}
	if len(plainReps) != len(liftedReps) {
		t.Fatalf("%d reports lifted, %d as written", len(liftedReps), len(plainReps))
	}
	for i := range plainReps {
		if plainReps[i].Counters != liftedReps[i].Counters || plainReps[i].Run != liftedReps[i].Run {
			t.Errorf("%s: as written %d statements, %s; lifted %d statements, %s", plainReps[i].Path,
				plainReps[i].Run, plainReps[i].Counters, liftedReps[i].Run, liftedReps[i].Counters)
		}
	}
	plainQ, liftedQ := 0, 0
	for i := range plainReps {
		plainQ += plainReps[i].Queries
		liftedQ += liftedReps[i].Queries
	}
	t.Logf("%d statements sent as written, %d lifted", plainQ, liftedQ)
	if liftedQ >= plainQ {
		t.Errorf("lifting sent %d queries, as written %d: nothing ran batched", liftedQ, plainQ)
	}
	if bytes.Count(lifted, []byte("\nMERGE (n:")) == 0 {
		t.Fatalf("the export holds no node:\n%s", lifted)
	}
	return lifted
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d lines", len(al), len(bl))
}

// oneLine rewrites a Cypher file one statement per line.
func oneLine(t *testing.T, src []byte) string {
	t.Helper()
	stmts, err := cypherfile.Split(string(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, st := range stmts {
		b.WriteString(strings.ReplaceAll(st.Text, "\n", " "))
		b.WriteString(";\n")
	}
	return b.String()
}

func TestLiftOracleSeed(t *testing.T) {
	s, cfg := oracleStore(t)
	oracle(t, s, cfg, seedtest.Dir())
}

func TestLiftOracleSynthetic(t *testing.T) {
	s, cfg := oracleStore(t)
	g, err := synth.Generate(synth.Config{Actors: 150})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := g.Write(dir, synth.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seed := seedtest.Dir()
	// The synthetic graph, exported as literal statements, one per line.
	out, _ := importInto(t, s, append([]string{filepath.Join(seed, "001_sources.cypher"), filepath.Join(seed, "002_stages.cypher")}, files...),
		cypherfile.Options{Database: cfg.Database})
	var perElement bytes.Buffer
	if _, err := s.Export(context.Background(), &perElement, neo4jstore.ExportOptions{OnePerElement: true}); err != nil {
		t.Fatal(err)
	}
	lines := filepath.Join(dir, "synthetic_lines.cypher")
	if err := os.WriteFile(lines, []byte(oneLine(t, perElement.Bytes())), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := oracle(t, s, cfg, lines); !bytes.Equal(got, out) {
		t.Fatalf("the re-imported synthetic graph differs from the original:\n%s", firstDiff(string(out), string(got)))
	}
}

// hostile is a steward file full of values that are hard to read right.
func hostile() string {
	big := strings.Repeat(`a\'b\"c\\d`+"\u2028é😀", 100000/16)
	var b strings.Builder
	b.WriteString(`// hostile values, as literals
MERGE (n:Actor {id: 'q1'}) SET n.name = 'it\'s "quoted" \\ back\\slash; semi', n.d = "double \"q\" \\ \'";
MERGE (n:Actor {id: 'q2'}) SET n.name = 'tab\there\nnew\rline\bbs\fff', n.d = '\u00e9\u2028\u2029\u0000\u001F\u007F';
MERGE (n:Actor {id: 'q3'}) SET n.name = '\uD83D\uDE00 \U0001F600 😀 raw` + "\u2028" + `ls', n.d = '';
MERGE (n:Actor {id: 'big'}) SET n.blob = '` + big + `';
MERGE (n:Actor {id: 'ints'}) SET n.max = 9223372036854775807, n.min = -9223372036854775808, n.hex = 0x7FFFFFFFFFFFFFFF, n.nhex = -0x1F, n.oct = 0o17, n.zero = 0;
MERGE (n:Actor {id: 'floats'}) SET n.nz = -0.0, n.z = 0.0, n.big = 1e308, n.small = 4.9e-324, n.half = .5, n.e = 1.5E-3, n.third = 0.1;
MERGE (n:Actor {id: 'bools'}) SET n.t = true, n.f = FALSE, n.gone = 1;
MATCH (n:Actor {id: 'bools'}) SET n.gone = null, n.l = [true, false];
MERGE (n:Actor {id: 'lists'}) SET n.s = ['a', 'b\'c', ''], n.i = [1, -2, 0x10], n.f = [1.5, -0.0], n.e = [];
MERGE (n:Actor {id: 'nested'}) SET n.size = size([[1, 2], [3, [4, {k: 'v'}]]]), n.pick = {a: [1, {b: 'x'}], ` + "`c d`" + `: 2}.a[1].b, n.key = keys({z: 1, y: 2})[0];
UNWIND [[1, 'u1'], [2, 'u2']] AS p MERGE (m:Actor {id: p[1]}) SET m.v = p[0];
MERGE (n:Actor {id: 'time'}) SET n.d = date('2024-02-29'), n.dt = datetime('2026-11-22T00:00:00.123456789+05:45'), n.z = datetime('2026-10-25T02:30:00+01:00[Europe/Brussels]'), n.lt = localtime('23:59:59.5'), n.dur = duration('P1Y2M3DT4H'), n.p = point({x: 1.5, y: -2.0}), n.g = point({latitude: 50.4669, longitude: 4.8675});
MERGE (n:Actor {id: 'expr'}) SET n.sum = 1 + 2 * 3, n.neg = -(5), n.cat = 'a' + 'b', n.ix = [10, 20, 30][1], n.sl = [10, 20, 30][1..2], n.starts = 'abc' STARTS WITH 'a';
MATCH (a:Actor {id: 'q1'}), (b:Actor {id: 'q2'}) MERGE (a)-[r:PART_OF {since: 2020, note: 'it\'s'}]->(b);
MATCH (a:Actor {id: 'q2'}), (b:Actor {id: 'q3'}) MERGE (a)-[r:PART_OF {since: 2021, note: "x\\y"}]->(b);
MATCH (a:Actor {id: 'q1'})-[:PART_OF*1..2]->(b) SET a.reach = 1;
MATCH (a:Actor) WHERE a.id IN ['q1', 'q2'] WITH a ORDER BY a.id LIMIT 1 SET a.first = true;
:param tag => 'from a param'
:param when => date('2020-01-01') + duration('P1D')
:param {w: 2.5, ws: ['x', 'y']}
MERGE (n:Actor {id: 'params'}) SET n.tag = $tag, n.when = $when, n.w = $w, n.ws = $ws;
`)
	// Many statements of one shape, as a steward writes them, to run batched; a counter
	// that each statement reads and updates, so the order of the batch matters.
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "MERGE (n:Actor {id: 'row-%d'}) SET n.name = 'row \\'%d\\'', n.n = %d, n.f = %d.5, n.tags = ['t%d', 't%d'];\n", i, i, i, i, i%7, i%3)
		fmt.Fprintf(&b, "MERGE (c:Actor {id: 'counter'}) ON CREATE SET c.n = 1, c.last = %d ON MATCH SET c.n = c.n + 1, c.last = %d;\n", i, i)
	}
	// Consecutive statements of one shape run as one batch: each must see the writes of
	// the ones before it, in file order.
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "MERGE (c:Actor {id: 'seq'}) ON CREATE SET c.seq = '%d' ON MATCH SET c.seq = c.seq + ',%d';\n", i, i)
	}
	for i := 1; i < 300; i++ {
		fmt.Fprintf(&b, "MATCH (a:Actor {id: 'row-%d'}), (b:Actor {id: 'row-%d'}) MERGE (a)-[r:MEMBER_OF {w: %d}]->(b);\n", i, (i*7)%300, i%5)
	}
	return b.String()
}

func TestLiftOracleHostile(t *testing.T) {
	s, cfg := oracleStore(t)
	p := filepath.Join(t.TempDir(), "hostile.cypher")
	if err := os.WriteFile(p, []byte(hostile()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := oracle(t, s, cfg, p)
	for _, want := range []string{"max: 9223372036854775807", "min: -9223372036854775808", "nz: -0.0", "big: 1e+308", "n: 300}", "last: 299,", "seq: '0,1,2,3,", ",198,199'"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the export has no %q", want)
		}
	}
}

// A failing statement inside a batch is reported exactly as when the file runs
// statement by statement, and nothing of the file is written.
func TestLiftOracleFailure(t *testing.T) {
	s, cfg := oracleStore(t)
	var b strings.Builder
	for i := 0; i < 400; i++ {
		v := fmt.Sprint(i)
		if i == 321 {
			v = "1 / 0"
		}
		fmt.Fprintf(&b, "MERGE (n:Actor {id: 'f%d'}) SET n.v = %s;\n", i, v)
	}
	p := filepath.Join(t.TempDir(), "fail.cypher")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, noLift := range []bool{true, false} {
		fresh(t, s)
		before := export(t, s)
		reps, err := cypherfile.Import(context.Background(), s.Driver(), []string{p}, cypherfile.Options{Database: cfg.Database, NoLift: noLift})
		if err == nil {
			t.Fatalf("lifting off %v: no error", noLift)
		}
		if reps[0].Run != 321 || reps[0].Committed != 0 {
			t.Errorf("lifting off %v: report %+v", noLift, reps[0])
		}
		if after := export(t, s); !bytes.Equal(before, after) {
			t.Errorf("lifting off %v: the failed file changed the graph", noLift)
		}
		msgs = append(msgs, err.Error()+"\n"+reps[0].String())
	}
	if !strings.Contains(msgs[0], ":322:1: statement 322 (MERGE (n:Actor {id: 'f321'}) SET n.v = 1 / 0): Neo.ClientError.Statement.ArithmeticError") {
		t.Errorf("as written: %s", msgs[0])
	}
	// The reports differ only in the time taken.
	if strip(msgs[0]) != strip(msgs[1]) {
		t.Errorf("errors differ:\nas written: %s\nlifted:     %s", msgs[0], msgs[1])
	}
}

var took = regexp.MustCompile(` in [0-9.]+m?s`)

func strip(s string) string { return took.ReplaceAllString(s, "") }
