package neo4jstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// validateCount runs one check of validate and returns what it found.
func validateCount(t *testing.T, s *neo4jstore.Store, check string) neo4jstore.CheckResult {
	t.Helper()
	rep, err := s.Validate(context.Background(), neo4jstore.ValidateOptions{Checks: []string{check}})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := rep.Result(check)
	return res
}

func linkField(typ, from, to, source string) kg.Field {
	return kg.Field{Name: "link", Alias: "link", Args: map[string]any{"input": map[string]any{
		"type": typ, "from": from, "to": to, "source": source}},
		Fields: []kg.Field{{Name: "created", Alias: "created"}}}
}

// TestLinkMakesOnlyModelPatterns: for every type link accepts and every pair of labels its
// ends may have (one node per label, so a pair of one label is a loop), link creates the relationship exactly when the pair is a pattern of the
// model, and validate finds nothing outside the model afterwards.
func TestLinkMakesOnlyModelPatterns(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	ctx := context.Background()
	neo4jtest.Run(t, "CREATE (:Source {id: 't'})", nil)
	for _, l := range kg.Labels { // a start and an end node of each label: link refuses a node to itself
		for _, id := range []string{strings.ToLower(l.Name), strings.ToLower(l.Name) + "-end"} {
			neo4jtest.Run(t, fmt.Sprintf("CREATE (n:%s {id: $id, code: $id})", l.Name), map[string]any{"id": id})
		}
	}
	want := 0
	for _, typ := range kg.LinkTypes() {
		from, to := kg.Ends(typ)
		for _, a := range from {
			for _, b := range to {
				_, err := s.Mutate(ctx, linkField(typ, strings.ToLower(a), strings.ToLower(b)+"-end", "t#x"), "test")
				n := neo4jtest.Run(t, fmt.Sprintf("MATCH (:%s {id: $a})-[r:%s]->(:%s {id: $b}) RETURN count(r) AS n", a, typ, b),
					map[string]any{"a": strings.ToLower(a), "b": strings.ToLower(b) + "-end"})
				got, _ := n[0].Get("n")
				allowed := kg.Allowed(a, typ, b)
				if allowed {
					want++
				}
				switch {
				case allowed && (err != nil || got != int64(1)):
					t.Errorf("(%s)-[:%s]->(%s) is a pattern, link made %v relationships (err %v)", a, typ, b, got, err)
				case !allowed && got != int64(0):
					t.Errorf("(%s)-[:%s]->(%s) is no pattern, link made %v", a, typ, b, got)
				}
			}
		}
	}
	if want < 15 {
		t.Errorf("only %d pairs linked", want)
	}
	if res := validateCount(t, s, "relationship-outside-model"); res.Count != 0 {
		t.Errorf("validate finds relationships outside the model after link: %v", res.Examples)
	}
	neo4jtest.Wipe(t)
}

// sourceCases are source strings and whether a mutation and validate accept them. A source
// a mutation accepts, validate must accept.
var sourceCases = []struct {
	source           string
	mutation, verify bool
}{
	{"brochure#contacts", true, true},
	{"s#x", true, true},
	{"a-b#p.12-14", true, true},
	{"brochure#Fig_3(a)", true, true},
	{"brochure#a b", false, false},
	{"brochure#a#b", false, false},
	{"brochure#a\tb", false, false},
	{"brochure#a\vb", false, false},
	{"brochure#", false, false},
	{"#x", false, false},
	{"brochure", false, false},
	{"", false, false},
	{"Brochure#x", false, true}, // validate leaves the source id to dangling-source
	{"brochure#" + strings.Repeat("x", 300), false, true},
}

// TestSourceRuleBothPaths: the mutations' Go check and validate's Cypher pattern agree on the
// table above, and sources recorded by mutations pass validate.
func TestSourceRuleBothPaths(t *testing.T) {
	s := evStore(t)
	evFresh(t, s)
	ctx := context.Background()
	for _, id := range []string{"brochure", "s", "a-b"} {
		neo4jtest.Run(t, "CREATE (:Source {id: $id})", map[string]any{"id": id})
	}
	for i, c := range sourceCases {
		if got := kg.ValidSource(c.source); got != c.mutation {
			t.Errorf("kg.ValidSource(%q) = %v, want %v", c.source, got, c.mutation)
		}
		up := kg.Field{Name: "upsertActor", Alias: "upsertActor", Args: map[string]any{"input": map[string]any{
			"id": fmt.Sprintf("src-%d", i), "name": "Source test", "kind": "LAB", "source": c.source}},
			Fields: []kg.Field{{Name: "id", Alias: "id"}}}
		_, err := s.Mutate(ctx, up, "test")
		if c.mutation && err != nil {
			t.Errorf("upsertActor with source %q: %v", c.source, err)
		}
		if !c.mutation && kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("upsertActor with source %q: %v, want BAD_USER_INPUT", c.source, err)
		}
		recs := neo4jtest.Run(t, "RETURN $s =~ $p AS ok", map[string]any{"s": c.source, "p": kg.SourcePattern})
		if ok, _ := recs[0].Get("ok"); ok != c.verify {
			t.Errorf("validate's pattern on %q: %v, want %v", c.source, ok, c.verify)
		}
		if c.mutation && !c.verify {
			t.Errorf("bad table: %q accepted by mutations but not validate", c.source)
		}
	}
	for _, check := range []string{"malformed-source", "dangling-source"} {
		if res := validateCount(t, s, check); res.Count != 0 {
			t.Errorf("%s after mutations: %v", check, res.Examples)
		}
	}
	neo4jtest.Wipe(t)
}
