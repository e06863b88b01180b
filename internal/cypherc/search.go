package cypherc

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/batterykg/batterykg/internal/kg"
)

// searchIndex is the full-text index behind `search` (migration 004: accents and case folded).
const searchIndex = "entity_search"

// Search limits and weights.
const (
	searchMaxWords  = 12 // words in a search text (each becomes a handful of Lucene clauses)
	searchNameBoost = 8  // a hit in a name, short name or acronym weighs this much more in Lucene
	searchFuzzyMin  = 5  // words this long or longer are also looked for with one typo
	searchFuzzy2Min = 8  // and with two from this length
	searchMargin    = 20 // candidates asked of Lucene beyond twice the hits wanted
	searchPhraseMax = 4  // longest vocabulary phrase, in words
	searchUnlimited = 1<<31 - 1
)

// searchScreenMin is how many hits make the name tiers look at a screen first (nameScreen):
// below it, testing every hit's names costs less than the screen's call to Lucene. (A
// variable, so that the tests can screen every search.)
var searchScreenMin = 4000

// Name screen bounds: the screen's hits asked of Lucene (when it has this many, it screens too
// little to pay and is not used), and the letters of a word it spells out (its automaton grows
// with them; a screen of fewer letters lets more through, never less).
const (
	searchScreenCap   = 2000
	searchScreenChars = 8
)

// searchStopWords are the stop words of the index's analyser, 'standard-folding' (Lucene's
// English set): a token that is one of them is not in the index. TestSearchStopWords compares
// them with Neo4j's own list.
var searchStopWords = []string{"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
	"no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with"}

// searchAhead is how many times the candidates the first call to Lucene asks for: a run of
// tied scores at the candidates' edge that ends among these needs no second call.
// searchWide is how many times the candidates a longer run is looked for among, before all
// hits are. (Variables, so that the tests can make runs reach past them.)
var searchAhead, searchWide = 5, 50

// searchTypes maps SearchType values to labels.
var searchTypes = kg.SearchTypes()

// synonyms are the vocabulary's forms, each as its words (kg.Vocabulary).
var synonyms = func() map[string][][]string {
	out := map[string][][]string{}
	for f, forms := range kg.Synonyms() {
		key := strings.Join(searchWords(f), " ")
		seen := map[string]bool{}
		for _, form := range forms {
			w := searchWords(form)
			if k := strings.Join(w, " "); !seen[k] {
				seen[k] = true
				out[key] = append(out[key], w)
			}
		}
	}
	return out
}()

// folder returns a transformer that removes accents: "Liège" → "Liege". A chain keeps
// state between calls, so each fold has its own: root fields compile concurrently.
func folder() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// ligatures are the letters Lucene's ASCII folding spells out that NFD leaves whole.
var ligatures = strings.NewReplacer("œ", "oe", "æ", "ae", "ß", "ss", "ø", "o", "ł", "l", "đ", "d")

// fold is text in lower case without accents, as the search index stores its terms.
func fold(s string) string {
	out, _, err := transform.String(folder(), strings.ToLower(s))
	if err != nil {
		out = strings.ToLower(s)
	}
	return ligatures.Replace(out)
}

// searchWords splits folded text into words, as Lucene's standard tokenizer does for it.
func searchWords(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// accented maps each ASCII letter to a regex class of it and its accented forms.
var accented = func() map[rune]string {
	forms := map[rune][]rune{}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if !unicode.IsLower(r) {
			continue
		}
		f := []rune(fold(string(r)))
		if len(f) == 1 && f[0] < unicode.MaxASCII && f[0] != r {
			forms[f[0]] = append(forms[f[0]], r)
		}
	}
	out := map[rune]string{}
	for base, rs := range forms {
		out[base] = "[" + string(base) + string(rs) + "]"
	}
	return out
}()

// wordRegex is a Java regex for a folded word that matches it with or without accents
// (case is left to the (?iU) flags). Words hold only letters and digits, nothing to escape.
func wordRegex(w string) string {
	var b strings.Builder
	for _, r := range w {
		if c, ok := accented[r]; ok {
			b.WriteString(c)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sep is what may stand between two words of a name.
const sep = `[\W_]+`

// maxText is the longest text search and the lists' text filters take, in characters: each
// becomes up to a class of twenty in the regexes Neo4j compiles and runs.
const maxText = 200

func checkTextLength(text string) error {
	if utf8.RuneCountInString(text) > maxText {
		return kg.Errorf(kg.EINVALID, "text must be at most %d characters", maxText)
	}
	return nil
}

// textRegex is a Java regex for "contains this text, ignoring case and accents" (the lists'
// `text` filters): the text's words in order, any separators between them.
func textRegex(s string) string {
	var ws []string
	for _, w := range searchWords(s) {
		ws = append(ws, wordRegex(w))
	}
	return `(?iUs).*` + strings.Join(ws, sep) + `.*`
}

// searchUnit is one word of the text, or a vocabulary phrase, with all its forms.
type searchUnit struct {
	words []string   // as typed (folded)
	forms [][]string // the words and their synonyms in the other language
}

// searchUnits groups the words of a text into units, the longest vocabulary phrase first.
func searchUnits(words []string) []searchUnit {
	var out []searchUnit
	for i := 0; i < len(words); {
		n := 1
		for k := min(searchPhraseMax, len(words)-i); k > 1; k-- {
			if _, ok := synonyms[strings.Join(words[i:i+k], " ")]; ok {
				n = k
				break
			}
		}
		u := searchUnit{words: words[i : i+n]}
		if forms, ok := synonyms[strings.Join(u.words, " ")]; ok {
			u.forms = forms
		} else {
			u.forms = [][]string{u.words}
		}
		out = append(out, u)
		i += n
	}
	return out
}

// nameFields are the properties a name-first ranking looks at, in order, with their
// SearchMatch values; textFields the others.
var (
	nameFields = [][2]string{{"name", "NAME"}, {"shortName", "SHORT_NAME"}, {"acronym", "ACRONYM"}}
	titleField = [][2]string{{"title", "TITLE"}} // a project's title is its name in full
	textFields = [][2]string{{"description", "DESCRIPTION"}, {"definition", "DEFINITION"}, {"text", "TEXT"}}
)

// luceneQuery is the full-text query for units: each form exact or as a prefix (a phrase as a
// phrase), names boosted. Words are letters and digits only, so nothing in it needs escaping.
func luceneQuery(units []searchUnit) string {
	var cl []string
	boosted := func(term string) {
		for _, f := range nameFields {
			cl = append(cl, fmt.Sprintf("%s:%s^%d", f[0], term, searchNameBoost))
		}
		cl = append(cl, term)
	}
	for _, u := range units {
		for _, form := range u.forms {
			if len(form) == 1 {
				boosted(form[0])
				boosted(form[0] + "*")
			} else {
				boosted(`"` + strings.Join(form, " ") + `"`)
			}
		}
	}
	return strings.Join(cl, " ")
}

// fuzzyQuery looks for each typed word of five letters or more with one typo (two from
// eight letters); "" when no word is that long.
func fuzzyQuery(units []searchUnit) string {
	var cl []string
	for _, u := range units {
		for _, w := range u.words {
			switch n := len([]rune(w)); {
			case n >= searchFuzzy2Min:
				cl = append(cl, w+"~2")
			case n >= searchFuzzyMin:
				cl = append(cl, w+"~1")
			}
		}
	}
	return strings.Join(cl, " ")
}

// unitRegex matches any form of a unit.
func unitRegex(u searchUnit) string {
	var alts []string
	for _, form := range u.forms {
		var ws []string
		for _, w := range form {
			ws = append(ws, wordRegex(w))
		}
		alts = append(alts, strings.Join(ws, sep))
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// rankRegexes are the tiers' tests: the whole field is the text (exact), starts with it
// (prefix), or has a word that starts like one of the text's words (word).
func rankRegexes(units []searchUnit) (exact, prefix, word string) {
	var seq []string
	for _, u := range units {
		seq = append(seq, unitRegex(u))
	}
	exact = `(?iU)[\W_]*` + strings.Join(seq, sep) + `[\W_]*`
	prefix = `(?iUs)[\W_]*` + strings.Join(seq, sep) + `.*`
	word = `(?iUs).*\b(?:` + strings.Join(seq, "|") + `).*`
	return exact, prefix, word
}

// leadRegex is a quick test that a field may start with the text: after separators, its
// first character is the first letter of a form of the first unit. The exact and prefix
// regexes are long (every letter a class of its accented forms), and Neo4j compiles a regex
// passed as a parameter again for every value it tests; this short one spares most of them.
// Whatever the exact or prefix regex matches, it matches.
func leadRegex(units []searchUnit) string {
	seen := map[rune]bool{}
	var alts []string
	for _, form := range units[0].forms {
		if r := []rune(form[0])[0]; !seen[r] {
			seen[r] = true
			alts = append(alts, wordRegex(string(r)))
		}
	}
	return `(?iUs)[\W_]*(?:` + strings.Join(alts, "|") + `).*`
}

// nameScreen is a full-text query that matches every node whose name, short name or acronym
// starts with the text as the prefix and exact tiers test it, and few others: "" when it cannot
// be built. The tiers' regexes need the field, after separators, to start with a form of the
// first unit, each letter of its first word any of its accented and case forms. The index
// holds each field as tokens, lower-cased and folded to ASCII. A word of letters and digits
// is never split by the tokenizer, so the field's first word lies at the start of one token,
// after whatever separators the tokenizer glued to it (an underscore, a narrow no-break
// space, a few symbols classed as letters); those, and the few letters the regex takes for a
// word's letter that the index does not fold to it (the ångström sign), are characters outside
// a-z and 0-9 in the token. So the screen asks, for each form's first word, for a token of any
// characters outside a-z0-9 and then the word's letters, each itself or such a character. What
// the screen cannot see: a first word that is not ASCII letters and digits, or the start of a
// stop word (its token is not indexed): then there is no screen; and a token that the
// tokenizer cut at 255 characters (250 glued separators before the name's first word).
// TestNameScreenFindsEveryForm checks it against every letter, digit and separator of Unicode.
func nameScreen(units []searchUnit) string {
	var cl []string
	seen := map[string]bool{}
	for _, form := range units[0].forms {
		w := form[0]
		if !asciiWord(w) || slices.ContainsFunc(searchStopWords, func(s string) bool { return strings.HasPrefix(s, w) }) {
			return ""
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		var b strings.Builder
		b.WriteString("/[^a-z0-9]*")
		for _, r := range w[:min(len(w), searchScreenChars)] {
			fmt.Fprintf(&b, "(%c|[^a-z0-9])", r)
		}
		b.WriteString(".*/")
		for _, f := range nameFields {
			cl = append(cl, f[0]+":"+b.String())
		}
	}
	return strings.Join(cl, " ")
}

// asciiWord reports whether w is ASCII lower-case letters and digits only.
func asciiWord(w string) bool {
	for _, r := range w {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return w != ""
}

// searchTier is one tier of the ranking: its fields tested with its regex, after the lead
// regex when it has one.
type searchTier struct {
	tier     int
	lead, re string
	fields   [][2]string
}

// searchTiers are the ranking's tiers, best first, with the regexes' parameters.
func searchTiers(lead, exact, prefix, word string) []searchTier {
	return []searchTier{{4, lead, exact, nameFields}, {3, lead, prefix, nameFields},
		{2, "", word, append(slices.Clone(nameFields), titleField...)}, {1, "", word, textFields}}
}

// searchRoot answers `search(text:, types:, first:)` from the full-text index, names first.
//
// Lucene finds candidates: every word exact, as a prefix and in its other language; names
// weigh more. Only when these do not fill `first` are near spellings looked for (a fuzzy
// query costs more than the rest together). The candidates are then ranked by tier (4: a name, short name or
// acronym is the text; 3: starts with it; 2: it or a project's title has one of its words; 1: a
// description, definition or text has one;
// 0: only a near spelling matched), then by Lucene's score, then by id; `score` is the tier
// plus Lucene's score scaled into [0, 1). The candidates are Lucene's best 2×first+20 hits,
// and a run of tied scores at their edge is never split, so that the answer does not depend
// on which of the run Lucene lists first and ties are always broken by id. The run is taken
// whole when it ends among the searchAhead times as many hits asked of Lucene at once, or
// when fewer than `first` hits score above it (then it is fetched from searchWide times as
// many hits, or from all of them when it goes on past those); otherwise it is left out.
// With `types`, Lucene is asked for all hits (the other types could crowd the candidates out).
//
// The tiers' regexes are tested one tier after the other over the candidates in score order,
// each tier only while the page is not full and only until `first` candidates pass it: a
// run of thousands of tied candidates costs a few long regexes, not thirteen each (Neo4j
// compiles a regex passed as a parameter for every value it tests). When the hits are many
// (searchScreenMin), the name tiers test only those the index finds may start with the text
// (nameScreen): at 1,000,000 actors a run of 12,565 tied names costs 6 ms of Lucene instead
// of 30 ms of tests.
func searchRoot(c *compiler, f kg.Field) (string, error) {
	text, _ := f.Args["text"].(string)
	text = strings.TrimSpace(text)
	if text == "" {
		return "", kg.Errorf(kg.EINVALID, "text must not be empty")
	}
	if err := checkTextLength(text); err != nil {
		return "", err
	}
	words := searchWords(text)
	if len(words) == 0 {
		return "", kg.Errorf(kg.EINVALID, "text must hold a letter or a digit")
	}
	if len(words) > searchMaxWords {
		return "", kg.Errorf(kg.EINVALID, "text must be at most %d words", searchMaxWords)
	}
	first := kg.SearchFirst
	if v := f.Args["first"]; v != nil {
		n, ok := toInt(v)
		if !ok || n < 0 || n > c.lim.MaxPage {
			return "", kg.Errorf(kg.EINVALID, "first must be between 0 and %d", c.lim.MaxPage)
		}
		first = n
	}
	allowed := kg.SearchLabels()
	candidates := 2*first + searchMargin
	if v := f.Args["types"]; v != nil {
		labels, err := enumList("types", v, searchTypes)
		if err != nil {
			return "", err
		}
		if len(labels) < len(allowed) {
			candidates = searchUnlimited
		}
		allowed = labels
	}
	units := searchUnits(words)
	exact, prefix, word := rankRegexes(units)
	var fuzzy any
	if fq := fuzzyQuery(units); fq != "" {
		fuzzy = fq
	}
	q, lim, firstP, fuzzyP := c.param(luceneQuery(units)), c.param(candidates), c.param(first), c.param(fuzzy)
	labelsP := c.param(allowed)
	exactP, prefixP, wordP := c.param(exact), c.param(prefix), c.param(word)

	ahead, wide := searchUnlimited, searchUnlimited
	if candidates < searchUnlimited/searchWide {
		ahead, wide = searchAhead*candidates, searchWide*candidates
	}
	aheadP, wideP, leadP := c.param(ahead), c.param(wide), c.param(leadRegex(units))

	n, s, top, edge, ties, h, near := c.newVar("n"), c.newVar("s"), c.newVar("top"), c.newVar("edge"), c.newVar("ties"), c.newVar("h"), c.newVar("near")
	w, more, all, hits, found, why, score := c.newVar("w"), c.newVar("more"), c.newVar("all"), c.newVar("hits"), c.newVar("found"), c.newVar("why"), c.newVar("score")
	x, ahd, tie, past, cands := c.newVar("x"), c.newVar("ahead"), c.newVar("tie"), c.newVar("past"), c.newVar("cands")
	proj, err := c.polymorphic(n, kg.Field{ByType: f.ByTypeOf("node")}, allowed)
	if err != nil {
		return "", err
	}
	call := "CALL db.index.fulltext.queryNodes('" + searchIndex + "', " + q
	var b strings.Builder
	// The candidates are Lucene's first `lim` hits, with the run of tied scores at their
	// edge never split (which of a run Lucene puts first is not the ids' order): the run is
	// taken whole when it ends among the hits asked for ahead (up to `ahead`), or when it
	// reaches the page (fewer than `first` hits score above it: then it is fetched from a
	// wider window of Lucene's hits, or from all of them when it reaches the window's end
	// too); otherwise it is left out and the hits above it are the candidates.
	fmt.Fprintf(&b, "COLLECT { %s, {limit: %s}) YIELD node AS %s, score AS %s ", call, aheadP, n, s)
	fmt.Fprintf(&b, "WITH collect({n: %s, s: %s}) AS %s WITH %s, %s[..%s] AS %s ", n, s, ahd, ahd, ahd, lim, top)
	fmt.Fprintf(&b, "WITH %s, %s, CASE WHEN size(%s) = %s THEN %s[-1].s END AS %s ", ahd, top, top, lim, top, edge)
	fmt.Fprintf(&b, "WITH %s, %s, %s, %s IS NOT NULL AND size([%s IN %s WHERE %s.s > %s]) < %s AS %s, size(%s) = %s AND %s[-1].s = %s AS %s ",
		ahd, top, edge, edge, h, top, h, edge, firstP, tie, ahd, aheadP, ahd, edge, past)
	fmt.Fprintf(&b, "CALL (%s, %s, %s) { UNWIND CASE WHEN %s AND %s THEN [1] ELSE [] END AS go "+
		"%s, {limit: %s}) YIELD node AS %s, score AS %s WITH collect({n: %s, s: %s}) AS %s "+
		"RETURN [%s IN %s WHERE %s.s = %s] AS %s, size(%s) = %s AND %s[-1].s = %s AS %s } ",
		edge, tie, past, tie, past, call, wideP, n, s, n, s, w, h, w, h, edge, ties, w, wideP, w, edge, more)
	fmt.Fprintf(&b, "CALL (%s, %s) { UNWIND CASE WHEN %s THEN [1] ELSE [] END AS go "+
		"%s) YIELD node AS %s, score AS %s WITH %s, %s WHERE %s = %s RETURN collect({n: %s, s: %s}) AS %s } ",
		edge, more, more, call, n, s, n, s, s, edge, n, s, all)
	fmt.Fprintf(&b, "WITH %s, CASE WHEN %s IS NULL THEN %s ELSE [%s IN %s WHERE %s.s > %s] + "+
		"CASE WHEN %s THEN %s WHEN %s AND %s THEN %s WHEN %s THEN [] ELSE [%s IN %s WHERE %s.s = %s] END END AS %s ",
		top, edge, top, h, top, h, edge, more, all, tie, past, ties, past, h, ahd, h, edge, cands)
	// Too few hits: near spellings, below them all.
	fmt.Fprintf(&b, "CALL (%s) { UNWIND CASE WHEN %s IS NOT NULL AND size(%s) < %s THEN [1] ELSE [] END AS go "+
		"CALL db.index.fulltext.queryNodes('%s', %s, {limit: %s}) YIELD node AS %s, score AS %s "+
		"WITH %s, %s WHERE NOT %s IN [%s IN %s | %s.n] RETURN collect({n: %s, s: %s}) AS %s } ",
		top, fuzzyP, top, firstP, searchIndex, fuzzyP, lim, n, s, n, s, n, h, top, h, n, s, near)
	fmt.Fprintf(&b, "UNWIND %s + %s AS %s ", cands, near, h)
	fmt.Fprintf(&b, "WITH %s.n AS %s, %s.s AS %s WHERE any(l IN labels(%s) WHERE l IN %s) ", h, n, h, s, n, labelsP)
	// The hits in the order of their score within any one tier (t + s/(s+1) orders as s/(s+1)
	// does), then the tiers one after the other, each only while the page is not full: a
	// tier's test stops after `first` hits pass it (the others cannot reach the page), so
	// the descriptions (long) are mostly not read at all.
	fmt.Fprintf(&b, "WITH %s, %s ORDER BY %s / (%s + 1.0) DESC, %s.id WITH collect({n: %s, s: %s}) AS %s ", n, s, s, s, n, n, s, hits)
	// Tiers 4 and 3 (a name is the text, starts with it) in one pass: what is exact also
	// starts with the text, and tier 4 reads every hit anyway unless `first` of them are
	// exact (rare), so tier 3 costs only the exact test of the names that start with it.
	tiers := searchTiers(leadP, exactP, prefixP, wordP)
	tests := func(t searchTier) (test, whens string) {
		var ts, ws []string
		for _, fl := range t.fields {
			test := fmt.Sprintf("%s.n.%s =~ %s", h, fl[0], t.re)
			if t.lead != "" {
				test = fmt.Sprintf("CASE WHEN %s.n.%s =~ %s THEN %s ELSE false END", h, fl[0], t.lead, test)
			}
			ts = append(ts, test)
			ws = append(ws, fmt.Sprintf("WHEN %s.n.%s =~ %s THEN '%s'", h, fl[0], t.re, fl[1]))
		}
		return "(" + strings.Join(ts, " OR ") + ")", "CASE " + strings.Join(ws, " ") + " END"
	}
	exactTest, exactWhy := tests(tiers[0])
	prefixTest, prefixWhy := tests(tiers[1])
	ex, pre, scr := c.newVar("ex"), c.newVar("pre"), c.newVar("scr")
	// Many hits (a run of thousands of tied scores): the nodes whose names may start with the
	// text are asked of the index first (nameScreen), and only those are tested; none when
	// the screen has as many as it was asked for.
	var screen any
	if q := nameScreen(units); q != "" {
		screen = q
	}
	screenP, screenMinP, screenCapP := c.param(screen), c.param(searchScreenMin), c.param(searchScreenCap)
	screening := fmt.Sprintf("%s IS NOT NULL AND size(%s) >= %s", screenP, hits, screenMinP)
	fmt.Fprintf(&b, "CALL (%s) { UNWIND CASE WHEN %s THEN [1] ELSE [] END AS go "+
		"CALL db.index.fulltext.queryNodes('%s', %s, {limit: %s}) YIELD node AS %s RETURN collect(%s) AS %s } ",
		hits, screening, searchIndex, screenP, screenCapP, n, n, scr)
	fmt.Fprintf(&b, "WITH %s, CASE WHEN %s AND size(%s) < %s THEN %s END AS %s ", hits, screening, scr, screenCapP, scr, scr)
	fmt.Fprintf(&b, "CALL (%s, %s) { UNWIND %s AS %s WITH %s WHERE (%s IS NULL OR %s.n IN %s) AND %s WITH %s, %s AS %s "+
		"RETURN collect(CASE WHEN %s THEN {n: %s.n, s: %s.s, why: [%d, %s]} END)[..%s] AS %s, "+
		"collect(CASE WHEN NOT %s THEN {n: %s.n, s: %s.s, why: [%d, %s]} END)[..%s] AS %s } ",
		hits, scr, hits, h, h, scr, h, scr, prefixTest, h, exactTest, ex,
		ex, h, h, tiers[0].tier, exactWhy, firstP, w,
		ex, h, h, tiers[1].tier, prefixWhy, firstP, pre)
	fmt.Fprintf(&b, "WITH %s, %s + %s[..%s - size(%s)] AS %s ", hits, w, pre, firstP, w, found)
	for _, t := range tiers[2:] {
		test, whens := tests(t)
		fmt.Fprintf(&b, "CALL (%s, %s) { UNWIND CASE WHEN size(%s) < %s THEN %s ELSE [] END AS %s "+
			"WITH %s WHERE %s AND NOT %s.n IN [%s IN %s | %s.n] WITH %s LIMIT %s "+
			"RETURN collect({n: %s.n, s: %s.s, why: [%d, %s]}) AS %s } ",
			hits, found, found, firstP, hits, h, h, test, h, x, found, x, h, firstP,
			h, h, t.tier, whens, w)
		fmt.Fprintf(&b, "WITH %s, %s + %s AS %s ", hits, found, w, found)
	}
	// Every tier tested every hit and the page is not full: the hits left are tier 0.
	fmt.Fprintf(&b, "UNWIND %s + CASE WHEN size(%s) < %s THEN [%s IN %s WHERE NOT %s.n IN [%s IN %s | %s.n] | {n: %s.n, s: %s.s, why: [0, 'SIMILAR_SPELLING']}] ELSE [] END AS %s ",
		found, found, firstP, h, hits, h, x, found, x, h, h, h)
	fmt.Fprintf(&b, "WITH %s.n AS %s, %s.why AS %s, %s.why[0] + %s.s / (%s.s + 1.0) AS %s ORDER BY %s DESC, %s.id LIMIT %s ", h, n, h, why, h, h, h, score, score, n, firstP)
	fmt.Fprintf(&b, "RETURN {score: %s, matchedOn: %s[1], node: %s} }", score, why, proj)
	return b.String(), nil
}
