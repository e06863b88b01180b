package cypherc

import (
	"strings"
	"testing"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

func TestCoverageAfter(t *testing.T) {
	link := func(name, typ string) kg.Field {
		return kg.Field{Name: name, Args: map[string]any{"input": map[string]any{"type": typ}}}
	}
	cases := map[string]struct {
		f    kg.Field
		want bool
	}{
		"upsertActor":            {kg.Field{Name: "upsertActor"}, true},
		"upsertProject":          {kg.Field{Name: "upsertProject"}, true},
		"setParticipation":       {kg.Field{Name: "setParticipation"}, true},
		"deleteNode":             {kg.Field{Name: "deleteNode"}, true},
		"link ACTIVE_IN":         {link("link", "ACTIVE_IN"), true},
		"unlink TARGETS":         {link("unlink", "TARGETS"), true},
		"link MEMBER_OF":         {link("link", "MEMBER_OF"), false},
		"upsertProgramme":        {kg.Field{Name: "upsertProgramme"}, false},
		"setFunding":             {kg.Field{Name: "setFunding"}, false},
		"a mutation added later": {kg.Field{Name: "somethingNew"}, true},
	}
	for name, c := range cases {
		if got := CoverageAfter(c.f); got != c.want {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}

func TestPathBudget(t *testing.T) {
	f := kg.Field{Name: "pathSearch", Args: map[string]any{"viaStages": true}}
	if b, ok := PathBudget(f); !ok || b != 800*time.Millisecond {
		t.Errorf("default: %v %v", b, ok)
	}
	f.Args["budgetMs"] = int64(250)
	if b, ok := PathBudget(f); !ok || b != 250*time.Millisecond {
		t.Errorf("250 ms: %v %v", b, ok)
	}
	f.Args["viaStages"] = false
	if b, ok := PathBudget(f); !ok || b != 250*time.Millisecond {
		t.Errorf("through no stage, 250 ms: %v %v", b, ok)
	}
	if _, ok := PathBudget(kg.Field{Name: "shortestPaths", Args: map[string]any{"viaStages": true}}); ok {
		t.Error("shortestPaths has no budget")
	}
}

// TestStoredActorCountChosen: a page's totalCount reads the stored stage coverage counts for
// a filter of one stage and any regions, and counts the actors for every other filter.
func TestStoredActorCountChosen(t *testing.T) {
	page := func(filter map[string]any) string {
		f := kg.Field{Name: "actors", Args: map[string]any{"filter": filter}, Fields: []kg.Field{{Name: "totalCount"}}}
		st, err := Compile(f, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		return st.Cypher
	}
	stage := []any{"RECYCLING_RECOVERY"}
	for name, c := range map[string]struct {
		filter map[string]any
		stored bool
	}{
		"one stage":                {map[string]any{"stage": stage}, true},
		"one stage, two regions":   {map[string]any{"stage": stage, "region": []any{"WAL", "BRU"}}, true},
		"one stage, no region":     {map[string]any{"stage": stage, "region": []any{}}, true},
		"one stage, a null filter": {map[string]any{"stage": stage, "kind": nil}, true},
		"no filter":                {nil, false},
		"regions only":             {map[string]any{"region": []any{"WAL"}}, false},
		"two stages":               {map[string]any{"stage": []any{"RECYCLING_RECOVERY", "REFINING"}}, false},
		"one stage and a kind":     {map[string]any{"stage": stage, "kind": []any{"COMPANY"}}, false},
		"one stage inside OR":      {map[string]any{"OR": []any{map[string]any{"stage": stage}}}, false},
	} {
		if got := strings.Contains(page(c.filter), kg.CoverageDirect); got != c.stored {
			t.Errorf("%s: stored count used %v, want %v", name, got, c.stored)
		}
	}
}
