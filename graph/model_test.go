package graph_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/graph/model"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
)

// values returns the string values of a generated enum list.
func values[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return out
}

func pairValues(ps []kg.Pair) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Value
	}
	return out
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestEnumsMatchModel: every GraphQL enum whose values reach Cypher has exactly the values
// of the model's whitelist.
func TestEnumsMatchModel(t *testing.T) {
	search := []string{}
	for v := range kg.SearchTypes() {
		search = append(search, v)
	}
	for _, c := range []struct {
		enum          string
		schema, model []string
	}{
		{"ActorKind", values(model.AllActorKind), pairValues(kg.ActorKinds)},
		{"FactorType", values(model.AllFactorType), pairValues(kg.FactorTypes)},
		{"Region", values(model.AllRegion), kg.Regions},
		{"ProjectType", values(model.AllProjectType), kg.ProjectTypes},
		{"ProjectStatus", values(model.AllProjectStatus), kg.ProjectStatuses},
		{"Confidence", values(model.AllConfidence), kg.Confidences},
		{"TopicKind", values(model.AllTopicKind), kg.TopicKinds},
		{"FactorCategory", values(model.AllFactorCategory), kg.FactorCategories},
		{"StageCode", values(model.AllStageCode), kg.StageCodes},
		{"ParticipationRole", values(model.AllParticipationRole), kg.RoleValues()},
		{"RelationshipType", values(model.AllRelationshipType), kg.RelTypeNames(nil)},
		{"LinkType", values(model.AllLinkType), kg.LinkTypes()},
		{"SearchType", values(model.AllSearchType), search},
	} {
		if !sameSet(c.schema, c.model) {
			t.Errorf("enum %s: the schema has %v, the model (kg/model.go) %v", c.enum, c.schema, c.model)
		}
	}
}

// TestLabelsMatchSchema: the model's Node labels are the schema's Node types, and every
// label is a schema type.
func TestLabelsMatchSchema(t *testing.T) {
	s := schema()
	var nodes []string
	for _, d := range s.GetPossibleTypes(s.Types["Node"]) {
		nodes = append(nodes, d.Name)
	}
	if !sameSet(nodes, kg.NodeLabels()) {
		t.Errorf("Node types %v, the model's Node labels %v", nodes, kg.NodeLabels())
	}
	for _, k := range kg.ActorKinds {
		if s.Types["ActorKind"].EnumValues.ForName(k.Value) == nil {
			t.Errorf("actor kind %s is not an ActorKind", k.Value)
		}
	}
}

func schema() *ast.Schema {
	return graph.NewSchema(&recorder{}).Schema()
}

// sample returns a value the compiler accepts for the required argument name of type typ.
func sample(s *ast.Schema, name string, typ *ast.Type) any {
	if typ.Elem != nil {
		return []any{sample(s, name, typ.Elem)}
	}
	switch d := s.Types[typ.NamedType]; {
	case d.Kind == ast.Enum:
		return d.EnumValues[0].Name
	case typ.NamedType == "Int":
		return int64(1)
	case typ.NamedType == "Float":
		return 1.0
	case typ.NamedType == "Boolean":
		return false
	}
	return "x-" + strings.ToLower(name)
}

// fullSelection selects every field of type typ down to depth levels, with a sample value for
// every required argument and the schema's default for the others, as the API would.
func fullSelection(s *ast.Schema, name string, def *ast.FieldDefinition, depth int) kg.Field {
	f := kg.Field{Name: name, Alias: name, Args: map[string]any{}}
	for _, a := range def.Arguments {
		switch {
		case a.DefaultValue != nil:
			v, err := a.DefaultValue.Value(nil)
			if err != nil {
				panic(err)
			}
			if i, ok := v.(int64); ok {
				v = i
			}
			f.Args[a.Name] = v
		case a.Type.NonNull:
			f.Args[a.Name] = sample(s, a.Name, a.Type)
		}
	}
	t := s.Types[def.Type.Name()]
	if depth == 0 || t.Kind == ast.Scalar || t.Kind == ast.Enum {
		return f
	}
	sub := func(d *ast.Definition) []kg.Field {
		var out []kg.Field
		for _, fd := range d.Fields {
			if strings.HasPrefix(fd.Name, "__") {
				continue
			}
			out = append(out, fullSelection(s, fd.Name, fd, depth-1))
		}
		return out
	}
	if t.Kind == ast.Interface || t.Kind == ast.Union {
		f.ByType = map[string][]kg.Field{}
		for _, pt := range s.GetPossibleTypes(t) {
			f.ByType[pt.Name] = sub(pt)
		}
		return f
	}
	f.Fields = sub(t)
	return f
}

// mutationInputs are valid inputs of the mutations, so their projections compile.
var mutationInputs = map[string]map[string]any{
	"upsertActor":      {"input": map[string]any{"id": "a", "name": "A", "kind": "LAB", "source": "s#x"}},
	"upsertProject":    {"input": map[string]any{"id": "p", "name": "P", "startDate": "2024-01-01", "endDate": "2025-01-01", "source": "s#x"}},
	"upsertProgramme":  {"input": map[string]any{"id": "g", "name": "G", "source": "s#x"}},
	"setFunding":       {"input": map[string]any{"funder": "g", "project": "p", "source": "s#x"}},
	"setParticipation": {"input": map[string]any{"actor": "a", "project": "p", "role": "PARTNER", "source": "s#x"}},
	"link":             {"input": map[string]any{"type": "PART_OF", "from": "a", "to": "b", "source": "s#x"}},
	"unlink":           {"input": map[string]any{"type": "PART_OF", "from": "a", "to": "b", "source": "s#x"}},
	"deleteNode":       {"id": "a"},
}

// TestCompilerServesSchema: every root field and mutation of the schema compiles with every
// field below it selected (three levels deep): a field the compiler has no mapping for fails
// here, not in a request.
func TestCompilerServesSchema(t *testing.T) {
	s := schema()
	for _, def := range s.Query.Fields {
		if strings.HasPrefix(def.Name, "__") {
			continue
		}
		f := fullSelection(s, def.Name, def, 4)
		if _, err := cypherc.Compile(f, cypherc.DefaultLimits); err != nil {
			t.Errorf("query %s: %v", def.Name, err)
		}
	}
	for _, def := range s.Mutation.Fields {
		f := fullSelection(s, def.Name, def, 4)
		in, ok := mutationInputs[def.Name]
		if !ok {
			t.Errorf("mutation %s: add a valid input to mutationInputs", def.Name)
			continue
		}
		f.Args = in
		if _, err := cypherc.CompileMutation(f, "test", cypherc.DefaultLimits); err != nil {
			t.Errorf("mutation %s: %v", def.Name, err)
		}
	}
}

// TestDefaultsMatchSchema: the defaults the schema declares (or states in a description)
// are the model's constants, which the compiler and the cost model read.
func TestDefaultsMatchSchema(t *testing.T) {
	s := schema()
	declared := map[string]int{
		"neighbourhood.depth":   kg.NeighbourhoodDepth,
		"neighbourhood.limit":   kg.NeighbourhoodLimit,
		"shortestPaths.maxHops": kg.PathsMaxHops,
		"shortestPaths.k":       kg.PathsK,
		"collaborators.first":   kg.CollaboratorsFirst,
		"fundingFlows.first":    kg.FlowsFirst,
	}
	stated := map[string]int{
		"actors.first": kg.DefaultPage,
		"search.first": kg.SearchFirst,
	}
	arg := func(path string) *ast.ArgumentDefinition {
		field, name, _ := strings.Cut(path, ".")
		a := s.Query.Fields.ForName(field).Arguments.ForName(name)
		if a == nil {
			t.Fatalf("no argument %s", path)
		}
		return a
	}
	for path, want := range declared {
		a := arg(path)
		if a.DefaultValue == nil || a.DefaultValue.Raw != strconv.Itoa(want) {
			t.Errorf("%s: the schema declares %v, the model %d", path, a.DefaultValue, want)
		}
	}
	for path, want := range stated {
		m := regexp.MustCompile(`default (\d+)`).FindStringSubmatch(arg(path).Description)
		if m == nil || m[1] != strconv.Itoa(want) {
			t.Errorf("%s: the description says %q, the model %d", path, arg(path).Description, want)
		}
	}
	if cypherc.DefaultLimits.DefaultPage != kg.DefaultPage || cypherc.DefaultLimits.MaxPage != kg.MaxPage {
		t.Errorf("compiler limits %+v", cypherc.DefaultLimits)
	}
	if want := fmt.Sprintf("at most %d", kg.MaxPage); !strings.Contains(s.Query.Fields.ForName("collaborators").Arguments.ForName("first").Description, want) {
		t.Errorf("collaborators.first does not say %q", want)
	}
}
