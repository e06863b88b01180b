package neo4jstore_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/graphformat"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// evDump is a canonical text of the whole graph (schema bookkeeping aside): a line per node
// (labels, properties) and per relationship (start, type, properties, end), sorted. Values
// are written with their Go type, so 40 and 40.0 differ, as do zones and offsets.
func evDump(t *testing.T) string {
	t.Helper()
	var lines []string
	for _, r := range neo4jtest.Run(t, `MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS l, properties(n) AS p`, nil) {
		lines = append(lines, "node "+evLabels(r.Values[0])+" "+evValue(r.Values[1]))
	}
	for _, r := range neo4jtest.Run(t, `MATCH (a)-[r]->(b) RETURN labels(a), a.id, type(r), properties(r), labels(b), b.id`, nil) {
		lines = append(lines, fmt.Sprintf("rel %s %s -[%s %s]-> %s %s", evLabels(r.Values[0]), evValue(r.Values[1]),
			r.Values[2], evValue(r.Values[3]), evLabels(r.Values[4]), evValue(r.Values[5])))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func evLabels(v any) string {
	var ls []string
	for _, l := range v.([]any) {
		ls = append(ls, l.(string))
	}
	sort.Strings(ls)
	return ":" + strings.Join(ls, ":")
}

func evValue(v any) string {
	switch v := v.(type) {
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = evValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = strconv.Quote(k) + ": " + evValue(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case float64:
		return "float(" + strconv.FormatFloat(v, 'g', -1, 64) + ")"
	case string:
		return strconv.QuoteToASCII(v)
	case time.Time:
		zone, off := v.Zone()
		return fmt.Sprintf("datetime(%s unix=%d.%09d zone=%s offset=%d loc=%s)", v.Format(time.RFC3339Nano), v.Unix(), v.Nanosecond(), zone, off, v.Location())
	case dbtype.Time:
		tt := time.Time(v)
		_, off := tt.Zone()
		return fmt.Sprintf("time(%s offset=%d)", tt.Format("15:04:05.999999999"), off)
	case dbtype.Date, dbtype.LocalTime, dbtype.LocalDateTime, dbtype.Duration:
		return fmt.Sprintf("%T(%v)", v, v)
	}
	return fmt.Sprintf("%T(%#v)", v, v)
}

// evExport exports the graph and returns the file's bytes.
func evExport(t *testing.T, s *neo4jstore.Store, opts neo4jstore.ExportOptions) ([]byte, neo4jstore.ExportStats) {
	t.Helper()
	var buf bytes.Buffer
	stats, err := s.Export(context.Background(), &buf, opts)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return buf.Bytes(), stats
}

// evRoundTrip exports the graph in the test database, checks that a second export is
// byte-identical, wipes the database, imports the export and checks the graph is the same;
// then imports it again and checks nothing changed. It returns the export.
func evRoundTrip(t *testing.T, s *neo4jstore.Store, pageSize int) []byte {
	t.Helper()
	before := evDump(t)
	out, stats := evExport(t, s, neo4jstore.ExportOptions{PageSize: pageSize})
	again, _ := evExport(t, s, neo4jstore.ExportOptions{PageSize: pageSize + 1000})
	if !bytes.Equal(out, again) {
		t.Fatalf("two exports of the same graph differ:\n%s", evFirstDiff(string(out), string(again)))
	}
	file := filepath.Join(t.TempDir(), "export.cypher")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	evFresh(t, s)
	c := evImport(t, s, file)
	if c.NodesCreated != stats.Nodes || c.RelationshipsCreated != stats.Relationships {
		t.Errorf("import created %d nodes, %d relationships; export wrote %d, %d", c.NodesCreated, c.RelationshipsCreated, stats.Nodes, stats.Relationships)
	}
	if after := evDump(t); after != before {
		t.Fatalf("the graph changed in the round trip:\n%s", evFirstDiff(before, after))
	}
	// Loading it again changes nothing.
	c = evImport(t, s, file)
	if c.NodesCreated != 0 || c.RelationshipsCreated != 0 || c.NodesDeleted != 0 || c.RelationshipsDeleted != 0 || c.LabelsAdded != 0 {
		t.Errorf("second import changed the graph: %s", c)
	}
	if after := evDump(t); after != before {
		t.Fatalf("the graph changed on the second import:\n%s", evFirstDiff(before, after))
	}
	if third, _ := evExport(t, s, neo4jstore.ExportOptions{}); !bytes.Equal(out, third) {
		t.Fatalf("the export of the re-imported graph differs:\n%s", evFirstDiff(string(out), string(third)))
	}
	return out
}

func evFirstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return "(no difference)"
}

func TestExportRoundTripSeed(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, evSeedDir)
	n := neo4jtest.Run(t, `MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n)`, nil)[0].Values[0].(int64)
	r := neo4jtest.Run(t, `MATCH ()-[r]->() RETURN count(r)`, nil)[0].Values[0].(int64)
	out := evRoundTrip(t, s, 7) // small pages: paging is exercised
	text := string(out)
	for _, want := range []string{
		"\n{id: 'uliege', labels: ['University'], props: {",
		"] AS row\nMERGE (n:Actor {id: row.id})\nSET n:$(row.labels), n += row.props\nFOREACH (k IN keys(row.temporal) | SET n[k] = CASE row.temporal[k][0] WHEN 'datetime' THEN datetime(row.temporal[k][1]) ",
		", totalInvestment: 11400000.0,",
		"temporal: {updatedAt: ['datetime', '2026-11-22T00:00:00Z']}},\n",
		"temporal: {published: ['date', '2025-03-19'], updatedAt: ['datetime', '2026-11-22T00:00:00Z']}}",
		"email: 'r.jaim\u0435\u0441contreras@awex.be',", // Cyrillic е and с, as published
		"\n{a: 'gemme', b: 'uliege', props: {confidence: 'INFERRED', sources: [",
		"] AS row\nMATCH (a:Actor {id: row.a}), (b:Actor {id: row.b})\nMERGE (a)-[r:PART_OF]->(b)\nSET r += row.props\n",
		fmt.Sprintf("// End of export: %d nodes, %d relationships.", n, r),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the export has no %q", want)
		}
	}
	if strings.Contains(text, "SchemaMigration") {
		t.Error("the export holds SchemaMigration nodes")
	}
	if strings.Contains(text, "null") {
		t.Error("the export writes null")
	}
	// Sources come first, so the export passes the import's model check one statement per
	// transaction: no batch names a source the file has not loaded yet.
	if src, act := strings.Index(text, "MERGE (n:Source "), strings.Index(text, "MERGE (n:Actor "); src < 0 || src > act {
		t.Errorf("the Source nodes are not written first (at %d, Actor at %d)", src, act)
	}
	evFresh(t, s)
	file := filepath.Join(t.TempDir(), "export.cypher")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	checks := 0
	_, err := s.Import(context.Background(), []string{file}, cypherfile.Options{Database: s.Database(), Batch: 1,
		Check: func(ctx context.Context, tx neo4j.ExplicitTransaction) error {
			checks++
			rep, err := neo4jstore.ValidateIn(ctx, tx, neo4jstore.ValidateOptions{Checks: neo4jstore.ErrorChecks(), Touched: true})
			if err != nil {
				return err
			}
			if f := rep.Failures(false); len(f) > 0 {
				return fmt.Errorf("%s: %q", f[0].Name, f[0].Examples)
			}
			return nil
		}})
	if err != nil || checks < 10 {
		t.Errorf("the export, one statement per checked transaction (%d checks): %v", checks, err)
	}
	neo4jtest.Wipe(t)
}

// TestExportRoundTripTrickyValues round-trips values a naive writer gets wrong.
func TestExportRoundTripTrickyValues(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	// Values are written in Cypher here, not passed as parameters, so that they are what
	// Neo4j itself reads from these literals.
	neo4jtest.Run(t, `
	CREATE (a:Actor:Company {id: 'hostile', name: 'it\'s "quoted" \\ back\\slash; semi;colon',
		description: 'line one\nline two\r\nthree\ttabbed // not a comment /* nor this */ ; MATCH (n) DETACH DELETE n;\n:param x => 1\n',
		email: 'r.jaim`+"\u0435\u0441"+`contreras@awex.be',
		unicode: 'Liège – 東京 😀 nbsp[\u00A0] zwsp[\u200B] bom[\uFEFF] ls[\u2028] ctl[\u0001\u001F\u007F] esc[\u0085] tag[`+"\U000E0041"+`]',
		backticks: '`+"`a`` b`"+`', dollar: '$x {x} ${x}', empty: '',
		int40: 40, float40: 40.0, big: 11400000.0, tiny: 1.0e-7, huge: 1.0e300, negzero: -0.0,
		third: 0.1 + 0.2, maxInt: 9223372036854775807, minInt: -9223372036854775807 - 1,
		nan: 0.0 / 0.0, inf: 1.0 / 0.0, ninf: -1.0 / 0.0,
		yes: true, no: false,
		strings: ['a', 'b\'c', ''], ints: [1, 2, 3], floats: [1.0, 2.5], bools: [true, false], none: [],
		dates: [date('2024-01-01'), date('1999-12-31')],
		day: date('2025-03-19'), ancient: date('0001-01-01'),
		utc: datetime('2026-11-22T00:00:00Z'), plus: datetime('2026-11-22T00:00:00.123456789+05:45'),
		minus: datetime('2026-06-01T12:00:00-03:30'), zoneUTC: datetime('2026-11-22T00:00:00[UTC]'),
		brussels: datetime('2026-10-25T02:30:00+02:00[Europe/Brussels]'),
		brusselsLater: datetime('2026-10-25T02:30:00+01:00[Europe/Brussels]'),
		local: localdatetime('2020-01-01T10:00:00.000000001'), lt: localtime('23:59:59.5'),
		tm: time('10:00:00.5+01:00'), dur: duration({months: 14, days: 3, seconds: 90, nanoseconds: 5}),
		negdur: duration({seconds: -1, nanoseconds: 5}),
		geo: point({latitude: 50.4669, longitude: 4.8675}), flat: point({x: 1.5, y: -2.0}),
		high: point({x: 1.0, y: 2.0, z: 3.0}),
		`+"`weird key`: 1, `back``tick`: 2"+`,
		sources: ['brochure#introduction'], confidence: 'SOURCED', updatedAt: datetime('2026-11-22T00:00:00Z')})
	CREATE (p:Project {id: 'o\'brien\\x', name: 'Quote in the id'})
	CREATE (b:Project {id: 'bare'})
	CREATE (e:`+"`Odd Label`"+` {id: ''})
	CREATE (m:Topic:Extra {id: 'multi', name: 'extra label'})
	CREATE (a)-[:PARTICIPATES_IN {role: 'PARTNER', sources: ['x#y']}]->(p)
	CREATE (a)-[:PARTICIPATES_IN {role: 'PARTNER', sources: ['x#y']}]->(p)
	CREATE (a)-[:PARTICIPATES_IN {role: 'COORDINATOR', amount: 1.0}]->(p)
	CREATE (a)-[:PARTICIPATES_IN]->(b)
	CREATE (a)-[:SUPPORTS]->(b)
	CREATE (a)-[:SUPPORTS]->(b)
	CREATE (p)-[:`+"`odd type`"+` {when: datetime('2026-11-22T00:00:00+01:00'), list: [1.5]}]->(e)
	CREATE (e)-[:SELF]->(e)
	CREATE (m)-[:ADDRESSES {x: 1}]->(a)
	`, nil)
	// Written around the importer: the name sort keys are set as `migrate` sets them, the
	// derived data an import makes again.
	if _, err := s.RepairNameKeys(context.Background()); err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	if _, err := s.Export(context.Background(), io.Discard, neo4jstore.ExportOptions{Progress: &progress, ProgressEvery: time.Nanosecond}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "export: 5 nodes, 0 relationships written (nodes)") {
		t.Errorf("progress lines: %q", progress.String())
	}
	out := evRoundTrip(t, s, 2)
	text := string(out)
	for _, want := range []string{
		"int40: 40,", "float40: 40.0,", "big: 11400000.0,", "negzero: -0.0,", "nan: NaN,", "inf: Infinity,", "ninf: -Infinity,",
		"minInt: -9223372036854775808,", "tiny: 1e-07,", "huge: 1e+300,", "third: 0.30000000000000004,",
		"utc: datetime('2026-11-22T00:00:00Z')", "plus: datetime('2026-11-22T00:00:00.123456789+05:45')",
		"zoneUTC: datetime('2026-11-22T00:00:00Z[UTC]')",
		"brussels: datetime('2026-10-25T02:30:00+02:00[Europe/Brussels]')",
		"brusselsLater: datetime('2026-10-25T02:30:00+01:00[Europe/Brussels]')",
		"email: 'r.jaim\u0435\u0441contreras@awex.be'",
		`nbsp[\u00A0] zwsp[\u200B] bom[\uFEFF] ls[\u2028] ctl[\u0001\u001F\u007F] esc[\u0085] tag[\uDB40\uDC41]`,
		"`weird key`: 1", "`back``tick`: 2",
		// hostile has NaN and infinities, and a list of dates: a statement of its own.
		"MERGE (n:Actor {id: 'hostile'})\nSET n:Company, n += {",
		"\n{id: '', labels: [], props: {}, temporal: {}}\n] AS row\nMERGE (n:`Odd Label` {id: row.id})",
		`{id: 'o\'brien\\x', labels: [], props: {name: 'Quote in the id'}, temporal: {}}`,
		"{id: 'multi', labels: ['Extra'], props: {name: 'extra label'}, temporal: {}}",
		"{id: 'bare', labels: [], props: {}, temporal: {}}",
		"{a: 'o\\'brien\\\\x', b: '', props: {list: [1.5]}, temporal: {when: ['datetime', '2026-11-22T00:00:00+01:00']}}",
		"UNWIND range(have + 1, 2) AS copy",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the export has no %q", want)
		}
	}
	// Six relationships from hostile, among them two pairs of exact duplicates.
	if got := neo4jtest.Run(t, `MATCH (:Actor {id: 'hostile'})-[r]->() RETURN count(r)`, nil)[0].Values[0].(int64); got != 6 {
		t.Errorf("hostile has %d relationships after the round trip, want 6", got)
	}
	neo4jtest.Wipe(t)
}

func TestExportRefusesNodesWithoutKey(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	neo4jtest.Run(t, `CREATE (:Topic {name: 'no id'}), (:Thing {id: 'a'}), (:Thing {id: 'a'}), (), (:Person {id: 42})`, nil)
	var buf bytes.Buffer
	_, err := s.Export(context.Background(), &buf, neo4jstore.ExportOptions{})
	if err == nil {
		t.Fatal("export of nodes without a usable key succeeded")
	}
	if kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("error code %s, want %s", kg.ErrorCode(err), kg.EINVALID)
	}
	for _, want := range []string{"1 node(s) have no label", "1 Topic node(s) have no string id", "1 Person node(s) have no string id", "1 Thing node(s) share their id"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("a refused export wrote %d bytes", buf.Len())
	}
	neo4jtest.Wipe(t)
}

func TestCypherLiteral(t *testing.T) {
	brussels, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for _, c := range []struct {
		in   any
		want string
	}{
		{int64(40), "40"},
		{40.0, "40.0"},
		{11400000.0, "11400000.0"},
		{1e21, "1e+21"},
		{1e-7, "1e-07"},
		{0.000001, "0.000001"},
		{math.Copysign(0, -1), "-0.0"},
		{math.NaN(), "NaN"},
		{math.Inf(-1), "-Infinity"},
		{true, "true"},
		{"a'b\\c\nd", `'a\'b\\c\nd'`},
		{"Liège 😀", "'Liège 😀'"},
		{"\u200b\U000E0001", `'\u200B\uDB40\uDC01'`},
		{[]any{"x", "y"}, "['x', 'y']"},
		{[]any{}, "[]"},
		{dbtype.Date(time.Date(2025, 3, 19, 0, 0, 0, 0, time.UTC)), "date('2025-03-19')"},
		{dbtype.Date(time.Date(12025, 3, 19, 0, 0, 0, 0, time.UTC)), "date({year: 12025, month: 3, day: 19})"},
		{time.Date(2026, 11, 22, 0, 0, 0, 0, time.FixedZone("Offset", 0)), "datetime('2026-11-22T00:00:00Z')"},
		{time.Date(2026, 11, 22, 0, 0, 0, 5, time.FixedZone("Offset", 3600)), "datetime('2026-11-22T00:00:00.000000005+01:00')"},
		{time.Date(2026, 7, 1, 9, 0, 0, 0, brussels), "datetime('2026-07-01T09:00:00+02:00[Europe/Brussels]')"},
		{time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC), "datetime('2026-07-01T09:00:00Z[UTC]')"},
		{dbtype.Duration{Months: 1, Days: 2, Seconds: 3, Nanos: 4}, "duration({months: 1, days: 2, seconds: 3, nanoseconds: 4})"},
		{dbtype.Point2D{X: 1, Y: 2.5, SpatialRefId: 7203}, "point({srid: 7203, x: 1.0, y: 2.5})"},
	} {
		got, err := neo4jstore.CypherLiteral(c.in)
		if err != nil || got != c.want {
			t.Errorf("CypherLiteral(%#v) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := neo4jstore.CypherLiteral([]byte("x")); err == nil {
		t.Error("a byte array has a literal")
	}
}

// walkRecorder is a graphformat.Writer that notes what it is given, in order.
type walkRecorder struct {
	strings.Builder
	nodes []graphformat.Node
	edges []graphformat.Edge
}

func (w *walkRecorder) Node(n graphformat.Node) error {
	fmt.Fprintf(w, "node %s %v %v\n", n.ID, n.Labels, n.Props)
	w.nodes = append(w.nodes, n)
	return nil
}

func (w *walkRecorder) Edge(e graphformat.Edge) error {
	fmt.Fprintf(w, "edge %s %v\n", e.ID, e.Props)
	w.edges = append(w.edges, e)
	return nil
}

func (w *walkRecorder) Close() error { return nil }

// A label outside the model has no index on its id, and a page found by id read the whole
// label (an export of 200,000 such nodes took five minutes): its pages are found by element
// id. The export and the walk for the other formats give the same bytes as with the index.
func TestExportPagesWithoutIndex(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	neo4jtest.Run(t, `UNWIND range(1, 95) AS i CREATE (:Big {id: 'big-' + toString(1000 - i), v: i})`, nil)
	neo4jtest.Run(t, `MATCH (a:Big), (b:Big) WHERE a.v % 3 = 0 AND b.v IN [a.v + 1, a.v + 2] CREATE (a)-[:NEXT {w: b.v}]->(b)`, nil)
	export := func() ([]byte, string) {
		out, stats := evExport(t, s, neo4jstore.ExportOptions{PageSize: 7})
		if stats.Nodes != 95 || stats.Relationships != 62 {
			t.Errorf("export: %d nodes, %d relationships", stats.Nodes, stats.Relationships)
		}
		var w walkRecorder
		n, r, err := s.WalkGraph(context.Background(), 7, &w, nil)
		if err != nil || n != 95 || r != 62 {
			t.Errorf("walk: %d nodes, %d relationships, %v", n, r, err)
		}
		return out, w.String()
	}
	plain, walk := export()
	neo4jtest.Run(t, "CREATE INDEX big_id IF NOT EXISTS FOR (n:Big) ON (n.id)", nil)
	t.Cleanup(func() { neo4jtest.Run(t, "DROP INDEX big_id IF EXISTS", nil) })
	neo4jtest.Run(t, "CALL db.awaitIndexes(60)", nil)
	indexed, walkIndexed := export()
	if !bytes.Equal(plain, indexed) {
		t.Errorf("the export differs with an index:\n%s", evFirstDiff(string(plain), string(indexed)))
	}
	if walk != walkIndexed {
		t.Errorf("the walk differs with an index:\n%s", evFirstDiff(walk, walkIndexed))
	}
	if !strings.Contains(walk, "node big-905 [Big] map[v:95]\nnode big-906 [Big] map[v:94]") {
		t.Errorf("the walk is not in order of id:\n%.300s", walk)
	}
}

// A graph loaded with --no-check may have nodes without a string id or a label (Neo4j's
// movie graph has neither ids nor model labels): the Cypher export refuses it (it merges on
// ids), GraphML, CSV and JSON take such nodes with their element id as id.
func TestWalkGraphWithoutIDs(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	evImport(t, s, "../cypherfile/testdata/tools/movies_graph.cypher")
	neo4jtest.Run(t, `MATCH (m:Movie {title: 'The Matrix'})
		CREATE (:Actor:Company {id: 'acme', name: 'Acme'})-[:FUNDS {amount: 5}]->(m), ({id: 'no-label', n: 1})-[:SEES]->(m)`, nil)
	count := func(q string) int { return int(neo4jtest.Run(t, q, nil)[0].Values[0].(int64)) }
	wantNodes := count(`MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n)`)
	wantEdges := count(`MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration AND NOT b:SchemaMigration RETURN count(r)`)
	if _, err := s.Export(context.Background(), io.Discard, neo4jstore.ExportOptions{}); err == nil || !strings.Contains(err.Error(), "have no string id") {
		t.Errorf("the Cypher export of nodes without ids: %v", err)
	}
	walk := func() *walkRecorder {
		var w walkRecorder
		n, r, err := s.WalkGraph(context.Background(), 5, &w, nil)
		if err != nil || n != wantNodes || r != wantEdges {
			t.Fatalf("walk: %d/%d nodes, %d/%d relationships, %v", n, wantNodes, r, wantEdges, err)
		}
		return &w
	}
	w := walk()
	ids := map[string]graphformat.Node{}
	for _, n := range w.nodes {
		ids[n.ID] = n
	}
	if len(ids) != wantNodes {
		t.Errorf("%d distinct node ids for %d nodes", len(ids), wantNodes)
	}
	for _, e := range w.edges {
		if _, ok := ids[e.From]; !ok {
			t.Errorf("edge %s starts outside the file", e.ID)
		}
		if _, ok := ids[e.To]; !ok {
			t.Errorf("edge %s ends outside the file", e.ID)
		}
	}
	if n, ok := ids["acme"]; !ok || n.Props["name"] != "Acme" || n.Props["id"] != nil {
		t.Errorf("the keyed node: %+v", n)
	}
	matrix := neo4jtest.Run(t, `MATCH (m:Movie {title: 'The Matrix'}) RETURN elementId(m)`, nil)[0].Values[0].(string)
	if n := ids[matrix]; n.Props["title"] != "The Matrix" {
		t.Errorf("The Matrix is not written by its element id: %+v", n)
	}
	noLabel := neo4jtest.Run(t, `MATCH (n {id: 'no-label'}) RETURN elementId(n)`, nil)[0].Values[0].(string)
	if n := ids[noLabel]; n.Props["id"] != "no-label" || len(n.Labels) != 0 {
		t.Errorf("the node without a label keeps its id as a property: %+v", n)
	}
	if !strings.Contains(w.String(), "edge acme|FUNDS|"+matrix+" map[amount:5]") {
		t.Errorf("the keyed node's edge:\n%.2000s", w.String())
	}
	if again := walk(); again.String() != w.String() {
		t.Errorf("two walks differ:\n%s", evFirstDiff(w.String(), again.String()))
	}
}
