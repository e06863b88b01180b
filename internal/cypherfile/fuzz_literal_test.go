package cypherfile

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// splitCorpus is the splitter's fuzz corpus (testdata/fuzz/FuzzSplit): real files of
// every shape the splitter met, a good start for the literal reader too.
func splitCorpus(f *testing.F) []string {
	paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzSplit", "*"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no splitter corpus: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		// The file is "go test fuzz v1" then string("...") in Go syntax.
		_, lit, ok := strings.Cut(string(b), "string(")
		if !ok {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimSpace(lit), ")"))
		if err != nil {
			f.Fatalf("%s: %v", p, err)
		}
		out = append(out, s)
	}
	return out
}

// FuzzLiteral checks the literal reader and the lifter: neither panics; a value read
// and written back as a Cypher literal reads as the same value; and a lifted statement,
// its values written back in place of its parameters, lifts to the same shape and values.
func FuzzLiteral(f *testing.F) {
	for _, s := range splitCorpus(f) {
		f.Add(s)
		if stmts, err := Split(s); err == nil {
			for _, st := range stmts {
				f.Add(st.Text)
				for _, pc := range st.Params {
					f.Add(pc.Expr)
				}
			}
		}
	}
	for _, s := range []string{`'a\'b\u00e9\uD83D\uDE00'`, `[1, -2, 0x1F, 0o7, 1.5e-3, {a: [true, null]}]`, `-9223372036854775808`,
		"MERGE (n:L {id: 'x'}) SET n.v = [1, 2], n.w = -0.0", "MATCH (a)-[*1..3]->(b) WHERE a.x IN ['a'] SET b.y = 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if v, err := ParseLiteral(src); err == nil {
			text := cypherLiteral(v)
			again, err := ParseLiteral(text)
			if err != nil {
				t.Fatalf("%q read as %#v, written as %q, which does not read: %v", src, v, text, err)
			}
			if !sameValue(v, again) {
				t.Fatalf("%q read as %#v, written as %q, read back as %#v", src, v, text, again)
			}
		}
		l, ok := lift(src)
		if !ok {
			return
		}
		if n := strings.Count(l.shape, "$"+liftPrefix); n != len(l.values) {
			t.Fatalf("lift(%q): shape %q has %d parameters for %d values", src, l.shape, n, len(l.values))
		}
		filled := l.shape
		for i := len(l.values) - 1; i >= 0; i-- { // from the last, so $_bkg_1 does not match $_bkg_10
			filled = strings.Replace(filled, "$"+liftPrefix+strconv.Itoa(i), cypherLiteral(l.values[i]), 1)
		}
		l2, ok := lift(filled)
		if !ok {
			t.Fatalf("lift(%q) gave shape %q; refilled %q does not lift", src, l.shape, filled)
		}
		if l2.shape != l.shape || !sameValue(l2.values, l.values) {
			t.Fatalf("lift(%q) = %q %#v; refilled %q lifts to %q %#v", src, l.shape, l.values, filled, l2.shape, l2.values)
		}
	})
}

// sameValue is reflect.DeepEqual that also tells -0.0 from 0.0.
func sameValue(a, b any) bool {
	return reflect.DeepEqual(a, b) && fmt.Sprintf("%v", signs(a)) == fmt.Sprintf("%v", signs(b))
}

func signs(v any) any {
	switch v := v.(type) {
	case float64:
		return math.Signbit(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = signs(x)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []any
		for _, k := range keys {
			out = append(out, k, signs(v[k]))
		}
		return out
	}
	return nil
}

// cypherLiteral writes a value read by ParseLiteral as a Cypher literal.
func cypherLiteral(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case int64:
		if v == math.MinInt64 {
			return "-9223372036854775808"
		}
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		return s
	case string:
		var b strings.Builder
		b.WriteByte('\'')
		for _, r := range v {
			switch {
			case r == '\'' || r == '\\':
				b.WriteByte('\\')
				b.WriteRune(r)
			case r < 0x20 || r == 0x7f:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('\'')
		return b.String()
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = cypherLiteral(x)
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
			parts[i] = "`" + strings.ReplaceAll(k, "`", "``") + "`: " + cypherLiteral(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	panic(fmt.Sprintf("cypherLiteral(%T)", v))
}
