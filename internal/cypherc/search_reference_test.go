package cypherc

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/batterykg/batterykg/internal/kg"
)

// searchReference is the statement of `search` before it was made faster (commit 01a285c),
// kept verbatim to test that the faster one answers the same. It answers `search(text:, types:, first:)` from the full-text index, names first.
//
// Lucene finds candidates: every word exact, as a prefix and in its other language; names
// weigh more. Only when these do not fill `first` are near spellings looked for (a fuzzy
// query costs more than the rest together). The candidates are then ranked by tier (4: a name, short name or
// acronym is the text; 3: starts with it; 2: it or a project's title has one of its words; 1: a
// description, definition or text has one;
// 0: only a near spelling matched), then by Lucene's score, then by id; `score` is the tier
// plus Lucene's score scaled into [0, 1). Lucene is asked for 2×first+20 candidates; when the
// last of them ties with a candidate that would be returned, every hit of that score is
// fetched too, so that ties are always broken by id. With `types`, Lucene is asked for all
// hits (the other types could crowd the candidates out).
func searchReference(c *compiler, f kg.Field) (string, error) {
	text, _ := f.Args["text"].(string)
	text = strings.TrimSpace(text)
	if text == "" {
		return "", kg.Errorf(kg.EINVALID, "text must not be empty")
	}
	if utf8.RuneCountInString(text) > 200 {
		return "", kg.Errorf(kg.EINVALID, "text must be at most 200 characters")
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

	n, s, top, edge, ties, h, near := c.newVar("n"), c.newVar("s"), c.newVar("top"), c.newVar("edge"), c.newVar("ties"), c.newVar("h"), c.newVar("near")
	why, score := c.newVar("why"), c.newVar("score")
	var tiers []string
	for _, t := range []struct {
		tier   int
		re     string
		fields [][2]string
	}{{4, exactP, nameFields}, {3, prefixP, nameFields}, {2, wordP, append(nameFields, titleField...)}, {1, wordP, textFields}} {
		for _, fl := range t.fields {
			tiers = append(tiers, fmt.Sprintf("WHEN %s.%s =~ %s THEN [%d, '%s']", n, fl[0], t.re, t.tier, fl[1]))
		}
	}
	proj, err := c.polymorphic(n, kg.Field{ByType: f.ByTypeOf("node")}, allowed)
	if err != nil {
		return "", err
	}
	call := "CALL db.index.fulltext.queryNodes('" + searchIndex + "', " + q
	var b strings.Builder
	fmt.Fprintf(&b, "COLLECT { %s, {limit: %s}) YIELD node AS %s, score AS %s ", call, lim, n, s)
	fmt.Fprintf(&b, "WITH collect({n: %s, s: %s}) AS %s ", n, s, top)
	fmt.Fprintf(&b, "WITH %s, CASE WHEN size(%s) = %s THEN %s[-1].s END AS %s ", top, top, lim, top, edge)
	// The candidates end inside a run of tied scores that reaches the hits wanted: fetch the whole run.
	fmt.Fprintf(&b, "CALL (%s, %s) { UNWIND CASE WHEN %s IS NOT NULL AND size([%s IN %s WHERE %s.s > %s]) < %s THEN [1] ELSE [] END AS go "+
		"%s) YIELD node AS %s, score AS %s WITH %s, %s WHERE %s = %s RETURN collect({n: %s, s: %s}) AS %s } ",
		top, edge, edge, h, top, h, edge, firstP, call, n, s, n, s, s, edge, n, s, ties)
	// Too few hits: near spellings, below them all.
	fmt.Fprintf(&b, "CALL (%s) { UNWIND CASE WHEN %s IS NOT NULL AND size(%s) < %s THEN [1] ELSE [] END AS go "+
		"CALL db.index.fulltext.queryNodes('%s', %s, {limit: %s}) YIELD node AS %s, score AS %s "+
		"WITH %s, %s WHERE NOT %s IN [%s IN %s | %s.n] RETURN collect({n: %s, s: %s}) AS %s } ",
		top, fuzzyP, top, firstP, searchIndex, fuzzyP, lim, n, s, n, s, n, h, top, h, n, s, near)
	fmt.Fprintf(&b, "UNWIND CASE WHEN size(%s) > 0 THEN [%s IN %s WHERE %s.s > %s] + %s ELSE %s END + %s AS %s ",
		ties, h, top, h, edge, ties, top, near, h)
	fmt.Fprintf(&b, "WITH %s.n AS %s, %s.s AS %s WHERE any(l IN labels(%s) WHERE l IN %s) ", h, n, h, s, n, labelsP)
	fmt.Fprintf(&b, "WITH %s, %s, CASE %s ELSE [0, 'SIMILAR_SPELLING'] END AS %s ", n, s, strings.Join(tiers, " "), why)
	fmt.Fprintf(&b, "WITH %s, %s, %s[0] + %s / (%s + 1.0) AS %s ORDER BY %s DESC, %s.id LIMIT %s ", n, why, why, s, s, score, score, n, firstP)
	fmt.Fprintf(&b, "RETURN {score: %s, matchedOn: %s[1], node: %s} }", score, why, proj)
	return b.String(), nil
}
