package server

import (
	"context"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// docBudget is the gqlgen extension that sizes a document before gqlgen parses and validates
// it, so that no document costs more than linear time to refuse. gqlparser's validation has
// quadratic rules (OverlappingFieldsCanBeMerged compares every pair of fields with one
// response key) and gqlgen's complexity walk expands every fragment spread, so a small
// document could hold a core for minutes. docBudget parses with a token limit, then measures
// the document in one pass, each fragment once (see measurer), and refuses it when its
// expanded fields, the field pairs validation would compare, or its input values (argument
// literals and variables) pass their limits. Documents in the parsed-query cache were
// measured when they entered it and are not measured again.
type docBudget struct {
	maxTokens, maxFields, maxPairs, maxValues int
	parsed                                    graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = docBudget{}

func (docBudget) ExtensionName() string                   { return "DocumentBudget" }
func (docBudget) Validate(graphql.ExecutableSchema) error { return nil }

// maxFieldPairs caps the pairs of fields at one response path (see mergePairs): the
// GraphiQL introspection query has none, a query spreading three overlapping fragments a few
// dozen.
const maxFieldPairs = 2000

// refuse is the error of a document over a limit: a validation failure (400 with
// application/graphql-response+json, 200 with application/json), code
// GRAPHQL_VALIDATION_FAILED.
func refuse(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, errcode.ValidationFailed)
	return err
}

func (b docBudget) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	vars := 0
	for _, v := range p.Variables {
		if vars += countJSON(v, b.maxValues-vars); vars > b.maxValues {
			return refuse("the variables hold more than %d values, the limit", b.maxValues)
		}
	}
	if p.Query == "" {
		return nil
	}
	if _, ok := b.parsed.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, b.maxTokens)
	if err != nil {
		gqlErr, ok := err.(*gqlerror.Error)
		if !ok {
			gqlErr = gqlerror.Wrap(err)
		}
		errcode.Set(gqlErr, errcode.ParseFailed)
		return gqlErr
	}
	m := newMeasurer(doc)
	var total size
	for _, op := range doc.Operations {
		total.plus(m.set(op.SelectionSet))
		for _, v := range op.VariableDefinitions {
			total.values = add(total.values, countValue(v.DefaultValue))
		}
	}
	for _, f := range doc.Fragments {
		// a fragment's own pairs are compared too, so it is bounded even when unused
		fs := m.fragment(f.Name)
		total.fields = max(total.fields, fs.fields)
		total.values = max(total.values, fs.values)
	}
	if m.cycle != "" {
		return refuse("Cannot spread fragment %q within itself.", m.cycle)
	}
	if total.fields > b.maxFields {
		return refuse("the document selects %s fields once its fragments are expanded, more than the limit of %d", count(total.fields), b.maxFields)
	}
	if n := add(total.values, vars); n > b.maxValues {
		return refuse("the document and its variables hold %s input values, more than the limit of %d", count(n), b.maxValues)
	}
	pairs := 0
	for _, op := range doc.Operations {
		pairs += m.mergePairs([]ast.SelectionSet{op.SelectionSet}, b.maxPairs-pairs)
	}
	for _, f := range doc.Fragments {
		pairs += m.mergePairs([]ast.SelectionSet{f.SelectionSet}, b.maxPairs-pairs)
	}
	if pairs > b.maxPairs {
		return refuse("the document repeats response keys too often: more than %d pairs of fields answer at one response path (the limit)", b.maxPairs)
	}
	return nil
}

// count prints a saturated measure as "more than 2^50".
func count(n int) string {
	if n >= saturate {
		return "over 10^15"
	}
	return strconv.Itoa(n)
}
