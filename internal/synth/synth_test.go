package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/kg"
)

func generate(t *testing.T, cfg Config) *Graph {
	t.Helper()
	g, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func write(t *testing.T, g *Graph, rows int) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	paths, err := g.Write(dir, WriteOptions{Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Actors: 3000}
	a, b := write(t, generate(t, cfg), 500), write(t, generate(t, cfg), 500)
	if len(a) != len(Files) {
		t.Fatalf("wrote %d files, want %d", len(a), len(Files))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two generations of the same config", name)
		}
	}
	other := write(t, generate(t, Config{Actors: 3000, Seed: 7}), 500)
	if bytes.Equal(a["030_actors.cypher"], other["030_actors.cypher"]) {
		t.Error("another seed gave the same actors")
	}
}

func TestCounts(t *testing.T) {
	const n = 5000
	g := generate(t, Config{Actors: n})
	s := g.Stats()
	if s.Actors != n || s.Projects != n/2 || s.Programmes < 20 {
		t.Fatalf("actors %d, projects %d, programmes %d", s.Actors, s.Projects, s.Programmes)
	}
	if per := float64(s.TotalRelationships()) / n; per < 8 || per > 11 {
		t.Errorf("%.1f relationships per actor, want 8-11 (a million at 100k actors)", per)
	}
	for _, typ := range []string{"ACTIVE_IN", "TARGETS", "PARTICIPATES_IN", "FUNDS", "PART_OF", "MEMBER_OF", "MANAGES"} {
		if s.Relationships[typ] == 0 {
			t.Errorf("no %s relationship", typ)
		}
	}
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ids := map[string]bool{}
	kinds, regions := map[string]int{}, map[string]int{}
	for _, a := range g.Actors {
		kinds[a.Kind]++
		regions[a.Region]++
		if len(a.Stages) == 0 {
			t.Fatalf("%s has no stage", a.ID)
		}
		ids[a.ID] = true
	}
	for _, p := range g.Projects {
		ids[p.ID] = true
		if len(p.Stages) == 0 {
			t.Fatalf("%s targets no stage", p.ID)
		}
	}
	for _, p := range g.Programmes {
		ids[p.ID] = true
	}
	if len(ids) != s.Nodes()-1 {
		t.Errorf("%d distinct ids for %d nodes", len(ids), s.Nodes()-1)
	}
	for id := range ids {
		if !slug.MatchString(id) {
			t.Fatalf("id %q is not a slug", id)
		}
	}
	if len(kinds) != len(Kinds) || len(regions) != len(Regions) {
		t.Errorf("kinds %v, regions %v: want all of them", kinds, regions)
	}
	coordinators := make([]int, len(g.Projects))
	for _, p := range g.Participations {
		if p.Role == "COORDINATOR" {
			coordinators[p.Project]++
		}
	}
	for i, c := range coordinators {
		if c != 1 {
			t.Fatalf("%s has %d coordinators", g.Projects[i].ID, c)
		}
	}
}

// TestSkew checks that participations follow a heavy tail: a few hubs, many small actors.
func TestSkew(t *testing.T) {
	s := generate(t, Config{Actors: 20000}).Stats()
	t.Logf("max %d, median %d, p99 %d, top 1%% share %.2f", s.MaxDegree, s.MedianDegree, s.P99Degree, s.Top1PercentShare)
	if s.MedianDegree > 5 {
		t.Errorf("median degree %d: most actors should have few projects", s.MedianDegree)
	}
	if s.MaxDegree < 50*max(1, s.MedianDegree) {
		t.Errorf("max degree %d, median %d: want hubs 50× the median", s.MaxDegree, s.MedianDegree)
	}
	if s.Top1PercentShare < 0.10 {
		t.Errorf("top 1%% of actors hold %.2f of participations, want at least 0.10", s.Top1PercentShare)
	}
}

// TestFilesSplit checks the files are what the importer reads: few statements, every one an
// idempotent UNWIND ... MERGE, and the Cypher strings well quoted.
func TestFilesSplit(t *testing.T) {
	g := generate(t, Config{Actors: 2000})
	g.Actors[0].Name = `O'Brien \ Sons`
	files := write(t, g, 1000)
	total := 0
	for name, data := range files {
		sts, err := cypherfile.Split(string(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, st := range sts {
			if !strings.Contains(st.Text, "MERGE") {
				t.Errorf("%s:%d: not a MERGE: %.60s", name, st.Line, st.Text)
			}
		}
		total += len(sts)
	}
	if want := g.Stats().TotalRelationships()/1000 + 40; total > want {
		t.Errorf("%d statements, want at most %d", total, want)
	}
	if !bytes.Contains(files["030_actors.cypher"], []byte(`|O\'Brien \\ Sons|`)) {
		t.Error("quote and backslash not escaped")
	}
}

// TestVocabularyIsTheModels: the kinds, regions and project types the generator draws are
// the model's, and every kind has its tables.
func TestVocabularyIsTheModels(t *testing.T) {
	same := func(what string, a, b []string) {
		if !slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))) {
			t.Errorf("%s: synth has %v, the model %v", what, a, b)
		}
	}
	var kinds []string
	for _, k := range kg.ActorKinds {
		kinds = append(kinds, k.Value)
		if Labels[k.Value] != k.Label {
			t.Errorf("kind %s is stored as %s, the model says %s", k.Value, Labels[k.Value], k.Label)
		}
		if _, ok := kindWeight[k.Value]; !ok {
			t.Errorf("kind %s has no weight", k.Value)
		}
		if _, ok := activityType[k.Value]; !ok {
			t.Errorf("kind %s has no activity type", k.Value)
		}
	}
	same("kinds", Kinds, kinds)
	same("regions", Regions, kg.Regions)
	same("project types", projectTypes, kg.ProjectTypes)
}
