package cypherfile

import (
	"strings"
	"testing"
)

// FuzzSplit checks Split's invariants: it never panics; the statements are non-empty,
// trimmed substrings of the source, in order, at the line they report; and joining them
// with ";\n" and splitting again gives the same statements.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"",
		"RETURN 1",
		"RETURN 1;RETURN 2;;\n",
		"MATCH (n) // c;\nRETURN n /* ; */;",
		`RETURN 'a;\'b', "c;\"d", 'e\\';`,
		"MATCH (`a;``b`) RETURN 1;",
		"\uFEFFRETURN 1;\r\nRETURN 2\r\n",
		":param x => {a: [1, 2], b: 'x;y'}\nRETURN $x;\n:params clear\n:begin\nRETURN 2;\n:commit\n",
		":param {\n a: 1 // c\n}\nRETURN $a",
		"RETURN 'unterminated",
		"/* unterminated",
		"CREATE (a:A {name: 'é'})-[:R]->(b);\n// end",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		stmts, err := Split(src)
		if err != nil {
			return
		}
		prevEnd, line := 0, 1
		for i, s := range stmts {
			if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("statement %d is empty or not trimmed: %q", i, s.Text)
			}
			if s.Index != i || s.Offset < prevEnd || s.Offset+len(s.Text) > len(src) || src[s.Offset:s.Offset+len(s.Text)] != s.Text {
				t.Fatalf("statement %d (%q) is not in order in the source at offset %d", i, s.Text, s.Offset)
			}
			line += strings.Count(src[prevEnd:s.Offset], "\n")
			if s.Line != line || s.Column < 1 {
				t.Fatalf("statement %d at %d:%d, want line %d", i, s.Line, s.Column, line)
			}
			line += strings.Count(s.Text, "\n")
			prevEnd = s.Offset + len(s.Text)
		}
		var parts []string
		for _, s := range stmts {
			parts = append(parts, s.Text)
		}
		again, err := Split(strings.Join(parts, ";\n"))
		if err != nil {
			t.Fatalf("re-split of %q: %v", parts, err)
		}
		if len(again) != len(stmts) {
			t.Fatalf("re-split gave %d statements, want %d: %q", len(again), len(stmts), parts)
		}
		for i := range again {
			if again[i].Text != stmts[i].Text {
				t.Fatalf("re-split statement %d = %q, want %q", i, again[i].Text, stmts[i].Text)
			}
		}
	})
}
