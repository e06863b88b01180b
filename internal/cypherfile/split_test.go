package cypherfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// stmt is the part of a Statement the table compares: text and position.
type stmt struct {
	Text         string
	Line, Column int
}

func texts(stmts []Statement) []stmt {
	out := []stmt{}
	for _, s := range stmts {
		out = append(out, stmt{s.Text, s.Line, s.Column})
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []stmt
	}{
		{"empty", "", nil},
		{"only blanks and comments", " \n// c;\n/* ; */\n;;\n", nil},
		{"one without semicolon", "RETURN 1", []stmt{{"RETURN 1", 1, 1}}},
		{"separators", "RETURN 1;RETURN 2;\nRETURN 3;", []stmt{
			{"RETURN 1", 1, 1}, {"RETURN 2", 1, 10}, {"RETURN 3", 2, 1}}},
		{"last without semicolon", "RETURN 1;\n  RETURN 2\n", []stmt{{"RETURN 1", 1, 1}, {"RETURN 2", 2, 3}}},
		{"empty statements skipped", ";;RETURN 1;; ;\n;RETURN 2;;", []stmt{{"RETURN 1", 1, 3}, {"RETURN 2", 2, 2}}},
		{"line comment with semicolon", "RETURN 1 // a; b\n+ 1;", []stmt{{"RETURN 1 // a; b\n+ 1", 1, 1}}},
		{"leading and trailing comments dropped", "// head;\n/* x; */ RETURN 1 /* t; */ // u;\n;", []stmt{{"RETURN 1", 2, 10}}},
		{"trailing line comment before semicolon", "RETURN 1 // c\n;RETURN 2", []stmt{{"RETURN 1", 1, 1}, {"RETURN 2", 2, 2}}},
		{"block comment inside", "RETURN /* ; */ 1;", []stmt{{"RETURN /* ; */ 1", 1, 1}}},
		{"multi-line block comment", "/*\n;\n*/RETURN 1;", []stmt{{"RETURN 1", 3, 3}}},
		{"comment markers in strings", `RETURN '//;', "/*;*/";`, []stmt{{`RETURN '//;', "/*;*/"`, 1, 1}}},
		{"single quotes", "RETURN 'a;b';RETURN 2", []stmt{{"RETURN 'a;b'", 1, 1}, {"RETURN 2", 1, 14}}},
		{"double quotes", `RETURN "a;b";`, []stmt{{`RETURN "a;b"`, 1, 1}}},
		{"escaped quotes", `RETURN 'it\'s;', "say \"hi;\"", 'back\\';RETURN 2`, []stmt{
			{`RETURN 'it\'s;', "say \"hi;\"", 'back\\'`, 1, 1}, {"RETURN 2", 1, 42}}},
		{"other quote inside", `RETURN "it's;", 'a "b;"';`, []stmt{{`RETURN "it's;", 'a "b;"'`, 1, 1}}},
		{"multi-line string", "RETURN 'a\n;b';", []stmt{{"RETURN 'a\n;b'", 1, 1}}},
		{"backticks", "MATCH (`a;b`:`L;``x`) RETURN `a;b`;RETURN 2", []stmt{
			{"MATCH (`a;b`:`L;``x`) RETURN `a;b`", 1, 1}, {"RETURN 2", 1, 36}}},
		{"quotes in backticks", "RETURN 1 AS `it's;`;", []stmt{{"RETURN 1 AS `it's;`", 1, 1}}},
		{"multi-line statement", "MATCH (n)\n  WHERE n.x = 1\n  RETURN n;\n", []stmt{{"MATCH (n)\n  WHERE n.x = 1\n  RETURN n", 1, 1}}},
		{"CRLF", "RETURN 1;\r\n// c\r\nMATCH (n)\r\nRETURN n;\r\n", []stmt{{"RETURN 1", 1, 1}, {"MATCH (n)\r\nRETURN n", 3, 1}}},
		{"BOM", "\uFEFFRETURN 1;\nRETURN 2", []stmt{{"RETURN 1", 1, 1}, {"RETURN 2", 2, 1}}},
		{"BOM then blank line", "\uFEFF\n  RETURN 1", []stmt{{"RETURN 1", 2, 3}}},
		{"columns count characters", "RETURN 'é';  RETURN 2", []stmt{{"RETURN 'é'", 1, 1}, {"RETURN 2", 1, 14}}},
		{"slash is not a comment", "RETURN 4 / 2;", []stmt{{"RETURN 4 / 2", 1, 1}}},
		{"colon inside a statement", "MATCH (n\n:Label) RETURN n;", []stmt{{"MATCH (n\n:Label) RETURN n", 1, 1}}},
		{"begin and commit ignored", ":begin\nCREATE (:A);\n:commit\n:BEGIN;\nCREATE (:B);\n:commit;\n", []stmt{
			{"CREATE (:A)", 2, 1}, {"CREATE (:B)", 5, 1}}},
		{"params listing ignored", ":params\nRETURN 1", []stmt{{"RETURN 1", 2, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Split(tt.src)
			if err != nil {
				t.Fatalf("Split(%q): %v", tt.src, err)
			}
			want := tt.want
			if want == nil {
				want = []stmt{}
			}
			if g := texts(got); !reflect.DeepEqual(g, want) {
				t.Errorf("Split(%q)\n got %+v\nwant %+v", tt.src, g, want)
			}
			for i, s := range got {
				if s.Index != i {
					t.Errorf("statement %d has Index %d", i, s.Index)
				}
				if tt.src[s.Offset:s.Offset+len(s.Text)] != s.Text {
					t.Errorf("statement %d: Offset %d does not locate its text", i, s.Offset)
				}
			}
		})
	}
}

func TestSplitParams(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  [][]ParamCommand // Params of each statement
		stmts []string
	}{
		{"arrow form", ":param name => 'Ann'\nRETURN $name;", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":param name => 'Ann'", Name: "name", Expr: "'Ann'"}}},
			[]string{"RETURN $name"}},
		{"colon form", ":param n: 42\nRETURN $n", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":param n: 42", Name: "n", Expr: "42"}}}, []string{"RETURN $n"}},
		{"map form", ":param {a: 1, b: 'x;y'}\nRETURN $a", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":param {a: 1, b: 'x;y'}", Expr: "{a: 1, b: 'x;y'}"}}}, []string{"RETURN $a"}},
		{"map over lines", ":params {\n  a: 1, // one\n  b: [2,\n 3]\n}\nRETURN $b", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":params {\n  a: 1, // one\n  b: [2,\n 3]\n}", Expr: "{\n  a: 1, // one\n  b: [2,\n 3]\n}"}}},
			[]string{"RETURN $b"}},
		{"trailing comment and semicolon", ":param x => [1, 2] // list;\n:param y => 'a' ;RETURN $x", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":param x => [1, 2]", Name: "x", Expr: "[1, 2]"},
			{Line: 2, Column: 1, Text: ":param y => 'a'", Name: "y", Expr: "'a'"}}},
			[]string{"RETURN $x"}},
		{"backticked name", ":param `my name` => date('2024-01-01')\nRETURN 1", [][]ParamCommand{{
			{Line: 1, Column: 1, Text: ":param `my name` => date('2024-01-01')", Name: "my name", Expr: "date('2024-01-01')"}}},
			[]string{"RETURN 1"}},
		{"clear", "RETURN 1;\n  :params clear\n:param clear\nRETURN 2", [][]ParamCommand{nil, {
			{Line: 2, Column: 3, Text: ":params clear", Clear: true},
			{Line: 3, Column: 1, Text: ":param clear", Clear: true}}},
			[]string{"RETURN 1", "RETURN 2"}},
		{"after comment, CRLF", "/* c */ :param x => 1\r\nRETURN $x\r\n", [][]ParamCommand{{
			{Line: 1, Column: 9, Text: ":param x => 1", Name: "x", Expr: "1"}}}, []string{"RETURN $x"}},
		{"trailing command dropped", "RETURN 1;\n:param x => 1\n", [][]ParamCommand{nil}, []string{"RETURN 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Split(tt.src)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			var params [][]ParamCommand
			var stmts []string
			for _, s := range got {
				for i, p := range s.Params { // Offset is where Text is in the source
					if p.Offset < 0 || p.Offset+len(p.Text) > len(tt.src) || tt.src[p.Offset:p.Offset+len(p.Text)] != p.Text {
						t.Errorf("param %q at offset %d", p.Text, p.Offset)
					}
					s.Params[i].Offset = 0
				}
				params = append(params, s.Params)
				stmts = append(stmts, s.Text)
			}
			if !reflect.DeepEqual(params, tt.want) {
				t.Errorf("params\n got %+v\nwant %+v", params, tt.want)
			}
			if !reflect.DeepEqual(stmts, tt.stmts) {
				t.Errorf("statements\n got %q\nwant %q", stmts, tt.stmts)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name, src    string
		line, column int
		msg          string
	}{
		{"unterminated single quote", "RETURN 1;\nRETURN 'abc;\n", 2, 8, "unterminated string"},
		{"unterminated double quote", `RETURN "a\"`, 1, 8, "unterminated string"},
		{"backslash at end", `RETURN 'a\`, 1, 8, "unterminated string"},
		{"unterminated comment", "RETURN 1;\n  /* never closed;\nRETURN 2;", 2, 3, "unterminated /* comment"},
		{"unterminated backtick", "MATCH (`a``) RETURN 1", 1, 8, "unterminated backticked name"},
		{"position after BOM", "\uFEFFRETURN 'x", 1, 8, "unterminated string"},
		{"rollback", "CREATE (:A);\n:rollback\n", 2, 1, ":rollback is not supported"},
		{"use", ":use system\nSHOW USERS", 1, 1, ":use is not supported"},
		{"other command", "  :source x.cypher", 1, 3, ":source is not supported"},
		{"bare colon", ": RETURN 1", 1, 1, "cannot start with ':'"},
		{"begin with argument", ":begin now", 1, 1, ":begin takes no arguments"},
		{"param without argument", ":param\nRETURN 1", 1, 1, ":param needs an argument"},
		{"param without arrow", ":param x 1", 1, 1, "expected `=>`"},
		{"param without expression", ":param x =>  // nothing\nRETURN 1", 1, 1, "no expression"},
		{"param bad name", ":param 1x => 2", 1, 1, "expected a parameter name"},
		{"param unterminated string", ":param x => 'abc\nRETURN 1", 1, 13, "unterminated string"},
		{"invalid UTF-8", "RETURN 1;\nRETURN 'a\xff'", 2, 10, "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(tt.src)
			var se *SplitError
			if !errors.As(err, &se) {
				t.Fatalf("Split(%q) = %v, want a *SplitError", tt.src, err)
			}
			if se.Line != tt.line || se.Column != tt.column || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("Split(%q) = %q, want %d:%d: ...%s...", tt.src, err, tt.line, tt.column, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("%d:%d: ", tt.line, tt.column)) {
				t.Errorf("error %q does not start with line:col", err)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		text string
		want Mode
	}{
		{"CREATE (:A)", ModeData},
		{"MATCH (n) RETURN n", ModeData},
		{"CREATE INDEX actor_id IF NOT EXISTS FOR (a:Actor) ON (a.id)", ModeSchema},
		{"create constraint for (a:Actor) require a.id is unique", ModeSchema},
		{"CREATE TEXT INDEX t FOR (n:A) ON (n.name)", ModeSchema},
		{"CREATE /* c */ FULLTEXT INDEX f FOR (n:A) ON EACH [n.name]", ModeSchema},
		{"CREATE VECTOR INDEX v FOR (n:A) ON n.e", ModeSchema},
		{"DROP INDEX actor_id IF EXISTS", ModeSchema},
		{"DROP CONSTRAINT c", ModeSchema},
		{"EXPLAIN CREATE INDEX i FOR (n:A) ON (n.x)", ModeSchema},
		{"CREATE (:Index)", ModeData},
		{"CREATE (i:INDEX)", ModeData},
		{"UNWIND $rows AS r CALL { WITH r CREATE (:A {id: r}) } IN TRANSACTIONS OF 100 ROWS", ModeAutocommit},
		{"LOAD CSV FROM 'f' AS r CALL (r) { CREATE (:A) } IN 4 CONCURRENT TRANSACTIONS", ModeAutocommit},
		{"CALL { CREATE (:A) } in concurrent transactions", ModeAutocommit},
		{"MATCH (t) WHERE t.x IN transactions RETURN t", ModeData},
		{"RETURN '} IN TRANSACTIONS'", ModeData},
		{"CALL { CREATE (:A) } // IN TRANSACTIONS\nRETURN 1", ModeData},
		// Issue 13: a parameter as the concurrency, and a map literal before IN.
		{"UNWIND $rows AS r CALL (r) { CREATE (:A {id: r}) } IN $n CONCURRENT TRANSACTIONS", ModeAutocommit},
		{"CALL { CREATE (:A) } IN ($n + 1) CONCURRENT TRANSACTIONS OF 10 ROWS", ModeAutocommit},
		{"MATCH (t) WHERE {a:1} IN transactions RETURN t", ModeData},
		{"MATCH (t) WHERE [x IN t.l | {a: x}][0] IN transactions RETURN t", ModeData},
	}
	for _, tt := range tests {
		if got := kindOf(tt.text); got != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFileMode(t *testing.T) {
	tests := []struct {
		src     string
		want    Mode
		errLine int
		errMsg  string
	}{
		{"CREATE (:A);\nMATCH (a:A) SET a.x = 1", ModeData, 0, ""},
		{"CREATE INDEX i FOR (n:A) ON (n.x);\nDROP CONSTRAINT c IF EXISTS", ModeSchema, 0, ""},
		{"CALL { CREATE (:A) } IN TRANSACTIONS;", ModeAutocommit, 0, ""},
		{"", ModeData, 0, ""},
		{"CREATE CONSTRAINT c FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE (:A {id: 1});", 0, 3,
			"statement 2 (CREATE (:A {id: 1})): file mixes statements that cannot share a transaction: this is a data statement but statement 1 (line 1) is a schema statement"},
		{"CREATE (:A);\nCALL { CREATE (:B) } IN TRANSACTIONS", 0, 2, "this is a autocommit statement"},
	}
	for _, tt := range tests {
		stmts, err := Split(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fileMode("f.cypher", stmts)
		if tt.errMsg == "" {
			if err != nil || got != tt.want {
				t.Errorf("fileMode(%q) = %v, %v; want %v", tt.src, got, err, tt.want)
			}
			continue
		}
		var se *StatementError
		if !errors.As(err, &se) || se.Line != tt.errLine || !errors.Is(err, ErrMixedFile) || !strings.Contains(err.Error(), tt.errMsg) {
			t.Errorf("fileMode(%q) error = %v; want line %d and %q", tt.src, err, tt.errLine, tt.errMsg)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("MERGE (a:Actor {id: 'x'})\n  SET a.name = 'y'"); got != "MERGE (a:Actor {id: 'x'}) SET a.name = 'y'" {
		t.Errorf("excerpt = %q", got)
	}
	long := excerpt(strings.Repeat("é", 300))
	if n := len([]rune(long)); n != 120 || !strings.HasSuffix(long, "...") {
		t.Errorf("long excerpt has %d characters: %q", n, long)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"010_c.cypher", "002_b.cypher", "001_a.cypher", "003_c.CYPHER", "004_d.cql",
		"notes.txt", "other", ".hidden.cypher", "._001_a.cypher"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("RETURN 1"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.cypher"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "005_link.cypher")); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(dir, "other")
	got, skipped, err := Files([]string{one, dir})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	want = append(want, one)
	for _, name := range []string{"001_a.cypher", "002_b.cypher", "003_c.CYPHER", "004_d.cql", "005_link.cypher", "010_c.cypher"} {
		want = append(want, filepath.Join(dir, name))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files\n got %q\nwant %q", got, want)
	}
	var wantSkipped []string
	for _, s := range []string{"._001_a.cypher (hidden)", ".hidden.cypher (hidden)", "notes.txt (not .cypher or .cql)",
		"other (not .cypher or .cql)", "sub.cypher (a directory: not searched)"} {
		wantSkipped = append(wantSkipped, filepath.Join(dir, s))
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped\n got %q\nwant %q", skipped, wantSkipped)
	}
	if _, _, err := Files([]string{filepath.Join(dir, "sub.cypher")}); err == nil || !strings.Contains(err.Error(), "directory has no .cypher files") {
		t.Errorf("empty directory: %v", err)
	}
}
