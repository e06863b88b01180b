package cypherc_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
	"github.com/batterykg/batterykg/internal/seedtest"
	"github.com/batterykg/batterykg/internal/synth"
)

// searchDiffActors is the size of the synthetic graph the faster search is compared on: big
// enough for runs of tied scores longer than the candidates asked of Lucene.
const searchDiffActors = 3000

// TestSearchSameAsReference compares `search` with the statement it replaced (commit 01a285c,
// search_reference_test.go) on a synthetic graph: value-chain words in English and French,
// with accents and typos, prefixes, actor and project names, with and without types, first
// 1 to 50. Both must return the same hits in the same order, with the same scores and
// matchedOn. Where a run of tied scores is needed it runs three times: as compiled; with no
// hits asked ahead of the candidates (so that the run comes from the wide window); and with
// no hits ahead and a window of the candidates' size (so that runs reaching past it, all
// hits fetched, are compared too).
func TestSearchSameAsReference(t *testing.T) {
	drv, cfg := neo4jtest.Driver(t)
	t0 := time.Now()
	g := loadSynthetic(t, cfg)
	t.Logf("loaded %d actors in %s", searchDiffActors, time.Since(t0).Round(time.Second))
	texts := diffTexts(g)
	firsts := []int{1, 3, 10, 25, 50}
	typeSets := [][]any{nil, {"ACTOR"}, {"PROJECT", "VALUE_CHAIN_STAGE"}}
	r := rand.New(rand.NewPCG(17, 3))

	var cases, screened, ties, tiesAhead, tiesInWindow, tiesPastWindow, kept, leftOut, near, tierZero int
	for i, text := range texts {
		for j, first := range firsts {
			types := typeSets[0]
			if (i+j)%5 == 0 {
				types = typeSets[1+r.IntN(2)]
			}
			f := searchField(text, first, types)
			st := shape(t, drv, cfg, text, first, types)
			for _, aw := range [][2]int{{5, 50}, {1, 50}, {1, 1}} {
				ahead, wide := aw[0], aw[1]
				if ahead != 5 && !st.edge {
					continue // no run of tied scores at the candidates' edge
				}
				cypherc.SetSearchAhead(t, ahead)
				cypherc.SetSearchWide(t, wide)
				switch {
				case !st.edge:
				case st.ties:
					ties++
					switch {
					case st.fits(ahead):
						tiesAhead++
					case st.above+st.tieRun >= st.limit*wide:
						tiesPastWindow++
					default:
						tiesInWindow++
					}
				case st.fits(ahead):
					kept++
				default:
					leftOut++
				}
				want := runSearch(t, drv, cfg, f, reference(st, ahead))
				got := runSearch(t, drv, cfg, f, cypherc.Compile)
				cases++
				if !reflect.DeepEqual(got, want) {
					t.Errorf("search(text: %q, first: %d, types: %v), ahead %d, wide %d:\n got  %v\n want %v", text, first, types, ahead, wide, got, want)
				}
				if ahead == 5 && cypherc.NameScreen(text) != "" {
					// The same with the name tiers screened (nameScreen), whatever the hits.
					got := runSearch(t, drv, cfg, f, cypherc.CompileScreened)
					screened++
					if !reflect.DeepEqual(got, want) {
						t.Errorf("search(text: %q, first: %d, types: %v), names screened:\n got  %v\n want %v", text, first, types, got, want)
					}
				}
				if ahead == 5 {
					for _, h := range want {
						if h.MatchedOn == "SIMILAR_SPELLING" {
							tierZero++
							break
						}
					}
				}
			}
			if st.near {
				near++
			}
		}
	}
	t.Logf("%d searches compared: %d needed a run of tied scores (%d among the hits asked ahead, %d in the window, %d past it); "+
		"a run not needed was kept whole %d times, left out %d times; %d looked for near spellings, %d answered near spellings; "+
		"%d compared again with the names screened",
		cases, ties, tiesAhead, tiesInWindow, tiesPastWindow, kept, leftOut, near, tierZero, screened)
	// The comparison means something only if it went through every path of the statement.
	if tiesAhead < 15 || tiesInWindow < 15 || tiesPastWindow < 15 || kept < 15 || leftOut < 15 || near < 20 || tierZero < 10 || screened < 150 {
		t.Errorf("too few searches exercise the statement's paths: %d ties (%d ahead, %d in the window, %d past it), %d kept, %d left out, %d near, %d tier 0, %d screened",
			ties, tiesAhead, tiesInWindow, tiesPastWindow, kept, leftOut, near, tierZero, screened)
	}
}

// reference compiles `search` with the statement of commit 01a285c, asked for the candidates
// the rule of the run of tied scores at their edge gives (with ahead times the candidates
// asked ahead): that statement takes Lucene's first `limit` hits, which may split the run.
func reference(st searchShape, ahead int) func(kg.Field, cypherc.Limits) (cypherc.Statement, error) {
	return func(f kg.Field, lim cypherc.Limits) (cypherc.Statement, error) {
		s, err := cypherc.CompileSearchReference(f, lim)
		if err != nil || !st.edge {
			return s, err
		}
		switch {
		case st.fits(ahead):
			s.Params["p1"] = st.above + st.tieRun // the run whole
		case st.ties:
			// the statement fetches the whole run itself
		default:
			s.Params["p1"] = st.above // the run left out
		}
		return s, nil
	}
}

// loadSynthetic loads the synthetic graph of searchDiffActors actors into the test database.
func loadSynthetic(t *testing.T, cfg neo4jtest.Config) *synth.Graph {
	t.Helper()
	g, err := synth.Generate(synth.Config{Actors: searchDiffActors})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := g.Write(dir, synth.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	neo4jtest.Wipe(t)
	st, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	ctx := context.Background()
	if _, err := st.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	seed := seedtest.Dir()
	paths := append([]string{filepath.Join(seed, "001_sources.cypher"), filepath.Join(seed, "002_stages.cypher")}, files...)
	if _, err := st.Import(ctx, paths, cypherfile.Options{Database: cfg.Database}); err != nil {
		t.Fatal(err)
	}
	// The seed graph's tests load it again (seedtest wipes first).
	t.Cleanup(func() { neo4jtest.Wipe(t) })
	neo4jtest.Run(t, "CALL db.awaitIndexes(300)", nil)
	return g
}

// diffTexts are the search texts compared: the vocabulary's words in both languages, with
// and without accents, mistyped and cut short, and names from the graph.
func diffTexts(g *synth.Graph) []string {
	texts := []string{
		"recycling", "recyclage", "batterie", "battery", "batteries", "lithium", "cathode", "anode",
		"matériaux", "materials", "masse noire", "black mass", "seconde vie", "second-life storage",
		"démantèlement", "dismantling", "collecte", "raffinage", "stockage stationnaire", "énergie",
		"véhicule électrique", "cathode active materials", "solid-state electrolytes", "hydrometallurgical",
		"battery pack assembly", "cell manufacturing", "fabrication de cellules", "économie circulaire",
		"recyclnig", "lithum", "cathdoe", "batery", "hydrometalurgical", "electrolite", "stokage",
		"rec", "bat", "lith", "hydro", "cath", "université", "research", "recherche", "wallonie", "liège",
		"Li-ion (recycling)", "nickel cobalt", "graphite anode", "precursor", "zzzzqx", "zzzzqxy",
	}
	r := rand.New(rand.NewPCG(5, 5))
	for range 12 {
		a := g.Actors[r.IntN(len(g.Actors))]
		words := strings.Fields(a.Name)
		texts = append(texts, a.Name, strings.ToUpper(words[0]), words[0][:min(4, len(words[0]))])
		if w := words[0]; len(w) >= 5 {
			texts = append(texts, w[:1]+w[2:3]+w[1:2]+w[3:]) // two letters swapped
		}
		if a.ShortName != "" {
			texts = append(texts, a.ShortName)
		}
	}
	for range 6 {
		p := g.Projects[r.IntN(len(g.Projects))]
		texts = append(texts, p.Acronym, p.Name)
	}
	return texts
}

// hit is what the comparison looks at in one search hit.
type hit struct {
	ID        string
	Score     float64
	MatchedOn string
}

func (h hit) String() string { return fmt.Sprintf("%s %.17g %s", h.ID, h.Score, h.MatchedOn) }

func searchField(text string, first int, types []any) kg.Field {
	args := map[string]any{"text": text, "first": int64(first)}
	if types != nil {
		args["types"] = types
	}
	var byType = map[string][]kg.Field{}
	for _, typ := range []string{"Actor", "Project", "FundingProgramme", "ValueChainStage", "Topic", "Event", "Factor", "Person"} {
		byType[typ] = []kg.Field{{Name: "id", Alias: "id"}}
	}
	return kg.Field{Name: "search", Alias: "search", Args: args, Fields: []kg.Field{
		{Name: "score", Alias: "score"}, {Name: "matchedOn", Alias: "matchedOn"},
		{Name: "node", Alias: "node", ByType: byType},
	}}
}

// runSearch compiles f with compile and returns its hits.
func runSearch(t *testing.T, drv neo4j.DriverWithContext, cfg neo4jtest.Config, f kg.Field, compile func(kg.Field, cypherc.Limits) (cypherc.Statement, error)) []hit {
	t.Helper()
	st, err := compile(f, cypherc.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	res, err := neo4j.ExecuteQuery(context.Background(), drv, st.Cypher, st.Params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatalf("%v\n%s", err, st.Cypher)
	}
	var out []hit
	for _, v := range res.Records[0].Values[0].([]any) {
		m := v.(map[string]any)
		node, _ := m["node"].(map[string]any)
		id, _ := node["id"].(string)
		out = append(out, hit{ID: id, Score: m["score"].(float64), MatchedOn: m["matchedOn"].(string)})
	}
	return out
}

// searchShape is which paths of the statement a search goes through.
type searchShape struct {
	limit  int  // the candidates asked of Lucene
	edge   bool // Lucene has more hits than that: the last candidate's score is the edge
	ties   bool // the candidates end in a run of tied scores that reaches the page
	tieRun int  // the hits scored at the edge
	above  int  // the hits scored above it
	total  int  // every hit
	near   bool // too few candidates: near spellings are looked for
}

// fits reports whether the run of tied scores at the edge ends among the hits asked of
// Lucene at once, ahead times the candidates.
func (st searchShape) fits(ahead int) bool {
	return st.total < st.limit*ahead || st.above+st.tieRun < st.limit*ahead
}

// shape asks Lucene directly which paths the search of text goes through.
func shape(t *testing.T, drv neo4j.DriverWithContext, cfg neo4jtest.Config, text string, first int, types []any) searchShape {
	t.Helper()
	st, err := cypherc.CompileSearchReference(searchField(text, first, types), cypherc.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	q, limit, fuzzy := st.Params["p0"], st.Params["p1"], st.Params["p3"]
	res, err := neo4j.ExecuteQuery(context.Background(), drv,
		"CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: $limit}) YIELD score WITH collect(score) AS top "+
			"WITH top, CASE WHEN size(top) = $limit THEN top[-1] END AS edge "+
			"RETURN edge IS NOT NULL AND size([s IN top WHERE s > edge]) < $first AS ties, size(top) < $first AND $fuzzy IS NOT NULL AS near, "+
			"COUNT { CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD score WHERE score = edge RETURN 1 } AS run, "+
			"COUNT { CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD score WHERE score > edge RETURN 1 } AS above, "+
			"COUNT { CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD score RETURN 1 } AS total, edge IS NOT NULL AS edge",
		map[string]any{"q": q, "limit": limit, "first": first, "fuzzy": fuzzy}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatal(err)
	}
	v := res.Records[0].Values
	return searchShape{limit: int(limit.(int)), ties: v[0].(bool), near: v[1].(bool), tieRun: int(v[2].(int64)),
		above: int(v[3].(int64)), total: int(v[4].(int64)), edge: v[5].(bool)}
}
