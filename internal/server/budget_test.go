package server

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// fanOut is `query{...F0}` with `fragment Fi on Query{...F(i+1) ...F(i+1)}`: 2^levels
// fields once expanded, in a few hundred bytes.
func fanOut(levels int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := 0; i < levels; i++ {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", levels)
	return b.String()
}

func testBudget() docBudget {
	return docBudget{maxTokens: 10000, maxFields: 2000, maxPairs: maxFieldPairs, maxValues: 1000,
		parsed: newParsedCache()}
}

// TestDocBudgetRefuses: the documents whose validation was quadratic or exponential are
// refused by the budget, which measures them in one pass.
func TestDocBudgetRefuses(t *testing.T) {
	items := make([]any, 80000)
	for i := range items {
		items[i] = map[string]any{"text": "a"}
	}
	cases := []struct {
		name, query string
		vars        map[string]any
		code, has   string
	}{
		{"8,000 __typename", "{ " + strings.Repeat("__typename ", 8000) + "}", nil, "GRAPHQL_VALIDATION_FAILED", "8000 fields"},
		{"1 MiB of __typename", "{ " + strings.Repeat("__typename ", 95000) + "}", nil, "GRAPHQL_PARSE_FAILED", "token limit"},
		{"fan-out 21 levels", fanOut(21), nil, "GRAPHQL_VALIDATION_FAILED", "2097152 fields"},
		{"fan-out 200 levels", fanOut(200), nil, "GRAPHQL_VALIDATION_FAILED", "over 10^15 fields"},
		{"one response key 100 times", "{ " + strings.Repeat("x: __typename ", 100) + "}", nil, "GRAPHQL_VALIDATION_FAILED", "repeats response keys"},
		{"nested repeats", "{ " + strings.Repeat("a: actors { b: totalCount b: totalCount b: totalCount } ", 40) + "}", nil, "GRAPHQL_VALIDATION_FAILED", "repeats response keys"},
		{"80,000 filter items", `query($f: [ActorFilter!]) { actors(filter: {OR: $f}) { totalCount } }`, map[string]any{"f": items}, "GRAPHQL_VALIDATION_FAILED", "more than 1000 values"},
		{"a literal list of 2,000", `{ actors(filter: {ids: [` + strings.Repeat(`"a" `, 2000) + `]}) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", "input values"},
		{"fragment cycle", "{ ...A } fragment A on Query { actors { edges { node { ...B } } } } fragment B on Actor { projects { edges { project { ...C } } } } fragment C on Project { __typename ...A }", nil, "GRAPHQL_VALIDATION_FAILED", "within itself"},
	}
	b := testBudget()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			oc := &graphql.OperationContext{}
			ctx := graphql.WithOperationContext(context.Background(), oc)
			err := b.MutateOperationParameters(ctx, &graphql.RawParams{Query: tc.query, Variables: tc.vars})
			if err == nil {
				t.Fatal("accepted")
			}
			if err.Extensions["code"] != tc.code || !strings.Contains(err.Message, tc.has) {
				t.Errorf("code %v, message %q; want %s, %q", err.Extensions["code"], err.Message, tc.code, tc.has)
			}
		})
	}
}

// TestDocBudgetAccepts: GraphiQL's introspection query and every example tab pass.
func TestDocBudgetAccepts(t *testing.T) {
	intro, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := os.ReadFile("examples.graphql")
	if err != nil {
		t.Fatal(err)
	}
	docs := append([]string{string(intro), fanOut(4),
		"{ actors { edges { node { id ...A ...B } } } } fragment A on Actor { id name } fragment B on Actor { id name kind }"},
		strings.Split(string(ex), "\n# ---\n")...)
	b := testBudget()
	for i, q := range docs {
		if err := b.MutateOperationParameters(context.Background(), &graphql.RawParams{Query: q}); err != nil {
			t.Errorf("document %d refused: %v", i, err)
		}
	}
}

// TestMeasurerMemoises: sizes count every spread, each fragment measured once.
func TestMeasurerMemoises(t *testing.T) {
	doc := parse(t, fanOut(60))
	m := newMeasurer(doc)
	s := m.set(doc.Operations[0].SelectionSet)
	if s.fields != saturate || s.depth != 1 {
		t.Errorf("fan-out 60: %+v, want saturated fields and depth 1", s)
	}
	doc = parse(t, `{ a: actors { edges { node { ...N } } } b: actors { edges { node { ...N } } } }
		fragment N on Actor { x: name projects(first: 2) { totalCount } }`)
	s = newMeasurer(doc).set(doc.Operations[0].SelectionSet)
	if want := (size{fields: 12, aliases: 4, values: 2, depth: 5}); s != want {
		t.Errorf("%+v, want %+v", s, want)
	}
}

func parse(t *testing.T, q string) *ast.QueryDocument {
	t.Helper()
	doc, err := parserParse(q)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func parserParse(q string) (*ast.QueryDocument, error) {
	return parser.ParseQuery(&ast.Source{Input: q})
}
