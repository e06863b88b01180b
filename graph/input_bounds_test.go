package graph_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/batterykg/batterykg/internal/kg"
)

// repeat returns n copies of item joined by commas.
func repeat(item string, n int) string {
	return strings.TrimSuffix(strings.Repeat(item+", ", n), ", ")
}

// TestInputListsBounded: AND/OR, orderBy and list arguments have a length limit with a clear
// error, checked before anything is compiled; the 80,000-item filter of issue 13 is refused.
func TestInputListsBounded(t *testing.T) {
	a := newAPI(t)
	many := make([]any, 80000)
	for i := range many {
		many[i] = map[string]any{"text": "a"}
	}
	errs := a.gqlErrors(t, `query($f: [ActorFilter!]) { actors(filter: {OR: $f}) { totalCount } }`, client.Var("f", many))
	if len(errs) == 0 || errs[0].code() != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, fmt.Sprintf("OR takes at most %d filters", kg.MaxFilterItems)) {
		t.Errorf("80,000 OR items: %+v", errs)
	}
	distinct := make([]string, kg.MaxFilterItems+1)
	for i := range distinct {
		distinct[i] = fmt.Sprintf(`{text: "t%d"}`, i)
	}
	ids := make([]string, kg.MaxListArg+1)
	for i := range ids {
		ids[i] = fmt.Sprintf(`"id%d"`, i)
	}
	cases := []struct{ name, query, message string }{
		{"AND", `{ actors(filter: {AND: [` + strings.Join(distinct, ", ") + `]}) { totalCount } }`, "AND takes at most"},
		{"nested OR", `{ projects(filter: {AND: [{OR: [` + strings.Join(distinct, ", ") + `]}]}) { totalCount } }`, "OR takes at most"},
		{"orderBy", `{ actors(orderBy: [` + repeat(`{field: NAME}`, kg.MaxOrderBy+1) + `]) { edges { cursor } } }`, "orderBy takes at most"},
		{"relationshipTypes", `{ neighbourhood(id: "ulb", relationshipTypes: [` + repeat("PART_OF", kg.MaxListArg+1) + `]) { truncated } }`, "relationshipTypes takes at most"},
		{"ids", `{ actors(filter: {ids: [` + strings.Join(ids, ", ") + `]}) { totalCount } }`, "ids takes at most"},
		{"enum list", `{ actors(filter: {region: [` + repeat("WAL", kg.MaxListArg+1) + `]}) { totalCount } }`, "region takes at most"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := a.gqlErrors(t, tc.query)
			if len(errs) == 0 || errs[0].code() != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, tc.message) {
				t.Errorf("got %+v, want BAD_USER_INPUT %q", errs, tc.message)
			}
		})
	}

	// Within the bounds, repeats are answered as if given once.
	var once, twice struct{ Actors struct{ TotalCount int } }
	a.query(t, `{ actors(filter: {OR: [{text: "uni"}, {region: [WAL]}]}) { totalCount } }`, &once)
	a.query(t, `{ actors(filter: {OR: [{text: "uni"}, {region: [WAL, WAL]}, {text: "uni"}, {region: [WAL]}]}) { totalCount } }`, &twice)
	if once.Actors.TotalCount == 0 || once != twice {
		t.Errorf("repeated filters: %d, once %d", twice.Actors.TotalCount, once.Actors.TotalCount)
	}
}

// TestRepeatsCompiledOnce: repeated filters, sort fields and relationship types reach Cypher
// once each.
func TestRepeatsCompiledOnce(t *testing.T) {
	filter := compiled(t, `{ actors(filter: {OR: [`+repeat(`{text: "a"}`, kg.MaxFilterItems)+`], ids: ["x", "x", "y"]}) { totalCount } }`)
	if n := strings.Count(filter, "=~ $"); n != 3 { // name, shortName, description: one filter
		t.Errorf("%d text matches for one repeated filter:\n%s", n, filter)
	}
	if !strings.Contains(filter, `"x",`+"\n"+`    "y"`) || strings.Count(filter, `"x"`) != 1 {
		t.Errorf("ids not de-duplicated:\n%s", filter)
	}
	order := compiled(t, `{ actors(orderBy: [{field: NAME}, {field: REGION}, {field: NAME, direction: DESC}]) { edges { node { id } } } }`)
	if !strings.Contains(order, "ORDER BY n1.nameKey ASC, n1.region ASC, n1.id") {
		t.Errorf("orderBy not de-duplicated:\n%s", order)
	}
	types := compiled(t, `{ neighbourhood(id: "ulb", relationshipTypes: [PART_OF, MEMBER_OF, PART_OF]) { nodes { id } } }`)
	if strings.Contains(types, "PART_OF|PART_OF") || !strings.Contains(types, ":MEMBER_OF|PART_OF]") {
		t.Errorf("relationshipTypes not de-duplicated:\n%s", types)
	}
}

// TestRelationStepsBounded: stageCoverage's actors[].through has a LIMIT, and the
// neighbourhood's edge step reads a bounded number of relationships per node.
func TestRelationStepsBounded(t *testing.T) {
	cov := compiled(t, `{ stageCoverage { actors { through { id } } } }`)
	if !regexp.MustCompile(`\(tp:Project\)<-\[:PARTICIPATES_IN\]-\(sa\) WITH DISTINCT tp ORDER BY [^}]* LIMIT \$p\d+ RETURN`).MatchString(cov) {
		t.Errorf("through has no LIMIT:\n%s", cov)
	}
	nb := compiled(t, `{ neighbourhood(id: "ulb", limit: 500) { edges { id } } }`)
	if !regexp.MustCompile(`CALL \(a\) \{ MATCH \(a\)-\[r:[A-Z_|]+\]->\(z\) RETURN r, z LIMIT \d+ \}`).MatchString(nb) {
		t.Errorf("the edge step reads every relationship of a kept node:\n%s", nb)
	}
}

// TestBoundsDescribed: the schema states the list bounds the compiler enforces.
func TestBoundsDescribed(t *testing.T) {
	s := schema()
	for _, in := range []string{"ActorFilter", "ProjectFilter"} {
		for _, f := range []string{"AND", "OR"} {
			if d := s.Types[in].Fields.ForName(f).Description; !strings.Contains(d, fmt.Sprintf("at most %d filters", kg.MaxFilterItems)) {
				t.Errorf("%s.%s: %q", in, f, d)
			}
		}
		if d := s.Types[in].Fields.ForName("ids").Description; !strings.Contains(d, fmt.Sprintf("at most %d", kg.MaxListArg)) {
			t.Errorf("%s.ids: %q", in, d)
		}
	}
	for _, root := range []string{"actors", "projects"} {
		if d := s.Query.Fields.ForName(root).Arguments.ForName("orderBy").Description; !strings.Contains(d, fmt.Sprintf("At most %d", kg.MaxOrderBy)) {
			t.Errorf("%s.orderBy: %q", root, d)
		}
	}
}
