package cypherfile

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestParseLiteral(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want any
	}{
		{`'it\'s'`, "it's"},
		{`"say \"hi\""`, `say "hi"`},
		{`'a\\b\tc\nd\re\bf\fg'`, "a\\b\tc\nd\re\bf\fg"},
		{`'\u00e9\u2028'`, "é\u2028"},
		{`'\uD83D\uDE00'`, "😀"},
		{`'😀 raw'`, "😀 raw"},
		{`''`, ""},
		{`0`, int64(0)},
		{`42`, int64(42)},
		{`-42`, int64(-42)},
		{`9223372036854775807`, int64(math.MaxInt64)},
		{`-9223372036854775808`, int64(math.MinInt64)},
		{`0x1F`, int64(31)},
		{`-0x8000000000000000`, int64(math.MinInt64)},
		{`0o17`, int64(15)},
		{`1.5`, 1.5},
		{`.5`, 0.5},
		{`1e3`, 1000.0},
		{`1.5E-3`, 0.0015},
		{`1e308`, 1e308},
		{`-0.0`, math.Copysign(0, -1)},
		{`0.0`, 0.0},
		{`TRUE`, true},
		{`false`, false},
		{`Null`, nil},
		{`[]`, []any{}},
		{`[1, 'a', [true, null], {k: 1.0}]`, []any{int64(1), "a", []any{true, nil}, map[string]any{"k": 1.0}}},
		{"{a: 1, `b c`: 'x', `d``e`: [] /* c */}", map[string]any{"a": int64(1), "b c": "x", "d`e": []any{}}},
		{" // comment\n 7 ", int64(7)},
	} {
		got, err := ParseLiteral(tt.src)
		if err != nil {
			t.Errorf("ParseLiteral(%q): %v", tt.src, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseLiteral(%q) = %#v, want %#v", tt.src, got, tt.want)
		}
		if f, ok := tt.want.(float64); ok && math.Signbit(f) != math.Signbit(got.(float64)) {
			t.Errorf("ParseLiteral(%q) lost the sign of zero", tt.src)
		}
	}
	// Not literals, or literals the importer leaves for Neo4j to read.
	for _, src := range []string{
		`1 + 1`, `date('2024-01-01')`, `$x`, `'\x'`, `'\uD83D'`, `'\uDE00 x'`, `'\U0001F600'`, `'\u12'`,
		`9223372036854775808`, `-9223372036854775809`, `0x10000000000000000`, `017`, `1_000`, `1e309`, `1e-400`,
		`0X1F`, `1.5f`, `{a: 1, a: 2}`, `{1: 2}`, `[1,]`, `[1 2]`, `'open`, `NaN`, `Infinity`, `{a 1}`, ``,
	} {
		if v, err := ParseLiteral(src); err == nil {
			t.Errorf("ParseLiteral(%q) = %#v, want an error", src, v)
		}
	}
}

func TestLift(t *testing.T) {
	for _, tt := range []struct {
		text, shape string
		values      []any
		batchable   bool
	}{
		{"MERGE (n:L {id: 'a'}) SET n.name = \"x\", n.n = 1, n.f = -2.5, n.ok = true",
			"MERGE (n:L {id: $_bkg_0 }) SET n.name = $_bkg_1 , n.n = $_bkg_2 , n.f = $_bkg_3 , n.ok = $_bkg_4", []any{"a", "x", int64(1), -2.5, true}, true},
		{"MATCH (a:L {id: 1}), (b:L {id: 2})\n  MERGE (a)-[r:R {w: 0.5}]->(b)",
			"MATCH (a:L {id: $_bkg_0 }), (b:L {id: $_bkg_1 }) MERGE (a)-[r:R {w: $_bkg_2 }]->(b)", []any{int64(1), int64(2), 0.5}, true},
		// Whole constant lists, map keys kept.
		{"CREATE (n:L {tags: ['a', 'b'], m: [{k: 1}]})", "CREATE (n:L {tags: $_bkg_0 , m: $_bkg_1 })",
			[]any{[]any{"a", "b"}, []any{map[string]any{"k": int64(1)}}}, true},
		{"UNWIND [{_id: 0, properties: {a: 1}}] AS row CREATE (n {id: row._id})", "UNWIND $_bkg_0 AS row CREATE (n {id: row._id})",
			[]any{[]any{map[string]any{"_id": int64(0), "properties": map[string]any{"a": int64(1)}}}}, true},
		// Variable-length bounds, quantifiers, LIMIT/SKIP, SHORTEST k stay literal.
		{"MATCH (a {id: 'x'})-[:R*1..3]->(b) SET b.v = 2", "MATCH (a {id: $_bkg_0 })-[:R*1..3]->(b) SET b.v = $_bkg_1", []any{"x", int64(2)}, true},
		{"MATCH p = SHORTEST 2 ((a)-->(b)){1,3} WHERE a.id = 'x' RETURN p LIMIT 5", "MATCH p = SHORTEST 2 ((a)-->(b)){1,3} WHERE a.id = $_bkg_0 RETURN p LIMIT 5", []any{"x"}, false},
		// Temporal functions keep the function, lift the string; IS NULL stays.
		{"CREATE (n {d: date('2024-01-01')}) WITH n WHERE n.x IS NULL SET n.y = null", "CREATE (n {d: date( $_bkg_0 )}) WITH n WHERE n.x IS NULL SET n.y = null", []any{"2024-01-01"}, false},
		// An index is not a list; a unary minus goes with its number; -0.0 after a
		// binary minus stays (Neo4j computes x - 0.0, not x + -0.0).
		{"MATCH (n) SET n.x = n.l[0], n.y = -9223372036854775808, n.z = n.z -0.0, n.w = 9223372036854775808",
			"MATCH (n) SET n.x = n.l[ $_bkg_0 ], n.y = $_bkg_1 , n.z = n.z -0.0, n.w = 9223372036854775808", []any{int64(0), int64(math.MinInt64)}, true},
		{"MATCH (n) WHERE n.name STARTS WITH 'a' DELETE n", "MATCH (n) WHERE n.name STARTS WITH $_bkg_0 DELETE n", []any{"a"}, true},
		{"CALL db.awaitIndexes(300)", "CALL db.awaitIndexes( $_bkg_0 )", []any{int64(300)}, false},
		{"MATCH (n {true: true}) SET n:true", "MATCH (n {true: $_bkg_0 }) SET n:true", []any{true}, true},
	} {
		l, ok := lift(tt.text)
		if !ok {
			t.Errorf("lift(%q) refused", tt.text)
			continue
		}
		if l.shape != tt.shape || !reflect.DeepEqual(l.values, tt.values) || (l.body != "") != tt.batchable {
			t.Errorf("lift(%q)\n shape %q\n  want %q\nvalues %#v\n  want %#v\nbatchable %v, want %v", tt.text, l.shape, tt.shape, l.values, tt.values, l.body != "", tt.batchable)
		}
		if tt.batchable && strings.Count(l.body, batchRowVar+"[") != len(tt.values) {
			t.Errorf("lift(%q) body %q", tt.text, l.body)
		}
	}
	for _, text := range []string{
		"CREATE INDEX i FOR (n:L) ON (n.x)",
		"LOAD CSV FROM 'file:///x.csv' AS r CREATE (:L {x: r[0]})",
		"EXPLAIN CREATE (:L {x: 1})",
		"SHOW INDEXES",
		"CREATE (n {x: $_bkg_0})",
		"UNWIND [1] AS i CALL (i) { CREATE (:L {i: i}) } IN TRANSACTIONS",
		"CREATE DATABASE x",
	} {
		if l, ok := lift(text); ok {
			t.Errorf("lift(%q) = %q, want it run as written", text, l.shape)
		}
	}
}
