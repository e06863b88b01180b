package cypherc_test

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/neo4jtest"
)

// migratedEmpty wipes the test database and applies the migrations (the full-text index);
// the database is wiped again when the test ends.
func migratedEmpty(t *testing.T) {
	t.Helper()
	cfg := neo4jtest.Require(t)
	neo4jtest.Wipe(t)
	t.Cleanup(func() { neo4jtest.Wipe(t) })
	st, err := neo4jstore.Open(neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database, QueryTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	if _, err := st.Migrate(context.Background(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
}

// TestSearchScreenHostileNames: names whose first word the tokenizer glues to what stands
// before it, or spells with letters the index does not fold as the regexes do, are still
// ranked by name when the name tiers are screened; the answers are the reference
// statement's (which tests every hit).
func TestSearchScreenHostileNames(t *testing.T) {
	drv, cfg := neo4jtest.Driver(t)
	migratedEmpty(t)
	names := map[string]string{
		"h-under":    "_Finbat Climate Fund",
		"h-unders":   "__(_Finbat) Climate",
		"h-nnbsp":    "\u202fFinbat Climate Fund",
		"h-arrow":    "\u02c2Finbat climate",            // a modifier symbol the tokenizer takes for a letter
		"h-angstrom": "Finb\u212bt Climate Fund",        // the ångström sign: a's class, not folded
		"h-kelvin":   "\u212aelvin Cells",               // the Kelvin sign: k's class
		"h-longs":    "\u017ftomo Mobility",             // long s
		"h-dotted":   "\u0130nnovation Hub",             // dotted capital I
		"h-dotless":  "\u0131nnovation Lab",             // dotless i
		"h-upper":    "F\u00cdNBAT CLIMATE",             // accented capitals
		"h-plain":    "Finbat Climate Fund",             // as typed
		"h-inside":   "The Finbat Climate Fund",         // a word of it, not its start
		"h-stop":     "The Battery Lab",                 // a stop word first
		"h-cjk":      "\u4e2d\u56fd\u7535\u6c60 Finbat", // ideographs first
		"h-digits":   "3,5 Finbat",
		"h-short":    "Kelvin Fund",
	}
	for id, name := range names {
		neo4jtest.Run(t, "CREATE (:Actor:Funder {id: $id, name: $name})", map[string]any{"id": id, "name": name})
	}
	// A short name and an acronym glued and unfolded, on a name that does not match.
	neo4jtest.Run(t, "MATCH (a:Actor {id: 'h-short'}) SET a.shortName = '_finbat', a.acronym = '\u212bfinbat'", nil)
	neo4jtest.Run(t, "CALL db.awaitIndexes(60)", nil)

	texts := []string{"finbat", "Finbat Climate", "finbat climate fund", "fin", "kelvin", "stomo", "innovation",
		"the battery", "battery", "3", "\u4e2d\u56fd"}
	for _, text := range texts {
		f := searchField(text, 50, nil)
		want := runSearch(t, drv, cfg, f, cypherc.CompileSearchReference)
		got := runSearch(t, drv, cfg, f, cypherc.CompileScreened)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("search(text: %q):\n got  %v\n want %v", text, got, want)
		}
	}
	// The comparison means something only if the glued and unfolded names are ranked by
	// name, and a plain prefix query would have screened them out.
	byName := map[string]bool{}
	for _, h := range runSearch(t, drv, cfg, searchField("finbat", 50, nil), cypherc.CompileScreened) {
		if h.Score >= 3 {
			byName[h.ID] = true
		}
	}
	plain := map[string]bool{}
	for _, r := range neo4jtest.Run(t, "CALL db.index.fulltext.queryNodes('entity_search', 'name:finbat* shortName:finbat* acronym:finbat*') YIELD node RETURN node.id AS id", nil) {
		plain[r.Values[0].(string)] = true
	}
	for _, id := range []string{"h-under", "h-unders", "h-nnbsp", "h-arrow", "h-angstrom", "h-upper", "h-plain", "h-short"} {
		if !byName[id] {
			t.Errorf("%s (%q) is not ranked by name for \"finbat\"", id, names[id])
		}
	}
	for _, id := range []string{"h-under", "h-nnbsp", "h-arrow", "h-angstrom"} {
		if plain[id] {
			t.Errorf("%s (%q): a plain prefix query finds it; the test no longer shows what the screen adds", id, names[id])
		}
	}
}

// TestNameScreenFindsEveryForm checks nameScreen against every character: each that Java's
// regex takes for a letter or digit of a word (at its start and inside it), and each the
// regex skips as a separator before the word (alone, before an underscore, before a narrow
// no-break space), in a name the prefix regex matches, is found by the screen.
func TestNameScreenFindsEveryForm(t *testing.T) {
	migratedEmpty(t)
	create := func(cypher string, rows []any, params map[string]any) int {
		n := 0
		for i := 0; i < len(rows); i += 20000 {
			p := map[string]any{"rows": rows[i:min(i+20000, len(rows))]}
			for k, v := range params {
				p[k] = v
			}
			n += int(neo4jtest.Run(t, cypher, p)[0].Values[0].(int64))
		}
		return n
	}
	// Letters and digits: for each of a-z0-9, every character its class matches, as the
	// word "<c>qzx" and "q<c>zx".
	var chars []any
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.S) {
			chars = append(chars, string(r))
		}
	}
	letters := 0
	for _, b := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		re := wordRegexOf(string(b))
		letters += create(`UNWIND $rows AS y WITH y WHERE y =~ $re
			UNWIND [[y + 'qzx', $b + 'qzx', 'l1-'], ['q' + y + 'zx', 'q' + $b + 'zx', 'l2-']] AS p
			CREATE (:Actor:LetterProbe {id: p[2] + p[1] + '-' + y, name: p[0], word: p[1]}) RETURN count(*) AS c`,
			chars, map[string]any{"re": "(?iU)" + re, "b": string(b)})
	}
	// Separators: every character of Unicode's punctuation, symbols, spaces, controls, format
	// characters and numbers other than digits that Java's regex takes for a separator.
	// (Unassigned and private-use characters were checked once too, 2,932,503 names: none
	// missed; they are too many to check on every run.)
	var seps []any
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.In(r, unicode.No, unicode.Nl, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf) {
			seps = append(seps, string(r))
		}
	}
	separators := create(`UNWIND $rows AS x WITH x WHERE x =~ '(?U)[\\W_]'
		UNWIND [x + 'finbat', x + '_finbat', x + '\u202ffinbat'] AS name
		CREATE (:Actor:SeparatorProbe {id: 's-' + name, name: name, word: 'finbat'}) RETURN count(*) AS c`, seps, nil)
	t.Logf("%d names with letters of a word's classes, %d with separators before it", letters, separators)
	if letters < 500 || separators < 10000 {
		t.Fatalf("too few probes: %d, %d", letters, separators)
	}
	neo4jtest.Run(t, "CALL db.awaitIndexes(300)", nil)

	words := map[string]bool{}
	for _, r := range neo4jtest.Run(t, "MATCH (p:LetterProbe|SeparatorProbe) RETURN DISTINCT p.word AS w", nil) {
		words[r.Values[0].(string)] = true
	}
	missed := 0
	for w := range words {
		screen := cypherc.NameScreen(w)
		if screen == "" {
			t.Fatalf("no screen for %q", w)
		}
		recs := neo4jtest.Run(t, `MATCH (p:LetterProbe|SeparatorProbe {word: $w})
			WHERE p.name =~ $prefix
			WITH collect(p) AS probes
			CALL { CALL db.index.fulltext.queryNodes('entity_search', $screen) YIELD node RETURN collect(node) AS found }
			RETURN size(probes) AS n, [p IN probes WHERE NOT p IN found | p.name][..10] AS missed`,
			map[string]any{"w": w, "screen": screen, "prefix": "(?iUs)[\\W_]*" + wordRegexOf(w) + ".*"})
		if m := recs[0].Values[1].([]any); len(m) > 0 {
			missed += len(m)
			t.Errorf("the screen for %q misses %q", w, m)
		}
	}
	if missed == 0 {
		t.Logf("%d words: every probe found", len(words))
	}
}

// TestSearchStopWords: the screen knows the stop words of the search index's analyser. A
// stop word it did not know would let the screen drop names that start with one.
func TestSearchStopWords(t *testing.T) {
	migratedEmpty(t)
	recs := neo4jtest.Run(t, "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_search' RETURN options.indexConfig['fulltext.analyzer'] AS a", nil)
	if len(recs) != 1 {
		t.Fatalf("no entity_search index")
	}
	analyzer := recs[0].Values[0].(string)
	recs = neo4jtest.Run(t, "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = $a RETURN stopwords", map[string]any{"a": analyzer})
	if len(recs) != 1 {
		t.Fatalf("Neo4j does not list the analyser %q", analyzer)
	}
	var got []string
	for _, w := range recs[0].Values[0].([]any) {
		got = append(got, w.(string))
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(cypherc.SearchStopWords))
	if !slices.Equal(got, want) {
		t.Errorf("the stop words of %s are\n %q\nthe screen knows\n %q", analyzer, got, want)
	}
}

// wordRegexOf is the search's regex of a folded word, taken from the exact tier's regex of
// a search for it.
func wordRegexOf(w string) string {
	st, err := cypherc.Compile(searchField(w, 1, nil), cypherc.DefaultLimits)
	if err != nil {
		panic(err)
	}
	for _, v := range st.Params {
		if s, ok := v.(string); ok && strings.HasPrefix(s, `(?iU)[\W_]*(?:`) {
			return strings.TrimSuffix(strings.TrimPrefix(s, `(?iU)[\W_]*(?:`), `)[\W_]*`)
		}
	}
	panic(fmt.Sprintf("no exact regex for %q", w))
}
