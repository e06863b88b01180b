package cypherc

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
)

func TestFoldAndWords(t *testing.T) {
	for in, want := range map[string]string{
		"Université de Liège": "universite de liege",
		"ULiège":              "uliege",
		"Münster Œuvre":       "munster oeuvre",
		"BATMASS":             "batmass",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := searchWords(`AND (( "Li-ion" OR* ~ r&d`); !reflect.DeepEqual(got, []string{"and", "li", "ion", "or", "r", "d"}) {
		t.Errorf("searchWords = %q", got)
	}
}

func TestSearchUnitsAndQuery(t *testing.T) {
	units := searchUnits(searchWords("Seconde vie recyclage Batfactroy"))
	if len(units) != 3 || strings.Join(units[0].words, " ") != "seconde vie" {
		t.Fatalf("units = %+v", units)
	}
	q := luceneQuery(units) + " " + fuzzyQuery(units)
	for _, part := range []string{`name:"second life"^8`, `"seconde vie"`, "name:recycling*^8", "recyclage*", "batfactroy~2", "batfactroy*", "seconde~1"} {
		if !strings.Contains(q, part) {
			t.Errorf("query lacks %s: %s", part, q)
		}
	}
	if strings.Contains(q, "vie~") {
		t.Errorf("a three-letter word is looked for with typos: %s", q)
	}
}

// The rank regexes are Java's; the subset used here means the same in Go's RE2 (with \b
// ASCII-only, so the tests use ASCII around the words).
func TestRankRegexes(t *testing.T) {
	exact, prefix, word := rankRegexes(searchUnits(searchWords("wallonie entreprendre")))
	conv := func(re string) *regexp.Regexp {
		return regexp.MustCompile("^(?:" + strings.NewReplacer("(?iU)", "(?i)", "(?iUs)", "(?is)").Replace(re) + ")$")
	}
	cases := []struct {
		re   string
		s    string
		want bool
	}{
		{exact, "Wallonie Entreprendre", true},
		{exact, "Wallonie-Entreprendre ", true},
		{exact, "Wallonie Entreprendre battery call", false},
		{prefix, "Wallonie Entreprendre battery call", true},
		{prefix, "NCP Wallonie", false},
		{word, "NCP Wallonie", true},
		{word, "Wallonia", false},
	}
	for _, c := range cases {
		if got := conv(c.re).MatchString(c.s); got != c.want {
			t.Errorf("%s =~ %q: %v, want %v", c.s, c.re, got, c.want)
		}
	}
	if got := conv(textRegex("liege")).MatchString("Université de Liège"); !got {
		t.Errorf("textRegex(liege) does not match Liège")
	}
}

// TestFoldConcurrently: root fields are compiled concurrently (two searches in one query),
// and folding shared a transformer, which is not safe for concurrent use: it panicked
// ("slice bounds out of range", found by CI) or folded wrongly.
func TestFoldConcurrently(t *testing.T) {
	texts := map[string]string{
		"Liège Université":             "liege universite",
		"Électrolytes à l'état solide": "electrolytes a l'etat solide",
		"Œuvre Çà et là, Ærø":          "oeuvre ca et la, aero",
		"recycling":                    "recycling",
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Sprint("panic: ", r)
				}
			}()
			for range 3000 {
				for in, want := range texts {
					if got := fold(in); got != want {
						errs <- fmt.Sprintf("fold(%q) = %q, want %q", in, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNameScreen(t *testing.T) {
	finbat := `/[^a-z0-9]*(f|[^a-z0-9])(i|[^a-z0-9])(n|[^a-z0-9])(b|[^a-z0-9])(a|[^a-z0-9])(t|[^a-z0-9]).*/`
	if got, want := nameScreen(searchUnits(searchWords("Finbat Climate Fund"))), "name:"+finbat+" shortName:"+finbat+" acronym:"+finbat; got != want {
		t.Errorf("Finbat Climate Fund: screen\n %s, want\n %s", got, want)
	}
	// Every form of the first unit, each first word once; a long word spelled out in part.
	got := nameScreen(searchUnits(searchWords("seconde vie")))
	for _, w := range []string{"seconde", "second"} {
		spelt := ""
		for _, r := range w {
			spelt += "(" + string(r) + "|[^a-z0-9])"
		}
		if !strings.Contains(got, "name:/[^a-z0-9]*"+spelt+".*/") {
			t.Errorf("seconde vie: the screen lacks %q: %s", w, got)
		}
	}
	firsts := map[string]bool{}
	for _, f := range searchUnits(searchWords("seconde vie"))[0].forms {
		firsts[f[0]] = true
	}
	if n := strings.Count(got, ":/"); n != 3*len(firsts) {
		t.Errorf("seconde vie: %d clauses for %d first words: %s", n, len(firsts), got)
	}
	if got := nameScreen(searchUnits(searchWords("hydrometallurgical"))); !strings.Contains(got, "(t|[^a-z0-9]).*/") || strings.Contains(got, "(l|[^a-z0-9]).*/") ||
		strings.Count(got, "|[^a-z0-9])") != 3*searchScreenChars {
		t.Errorf("hydrometallurgical: not spelled out to %d letters: %s", searchScreenChars, got)
	}
	if got := nameScreen(searchUnits(searchWords("Université de Liège"))); !strings.Contains(got, "(u|[^a-z0-9])(n|[^a-z0-9])") {
		t.Errorf("accents are folded before the screen: %s", got)
	}
	// No screen where the index does not hold the word as typed: stop words and their
	// starts, words that are not ASCII letters and digits.
	for _, text := range []string{"The Battery Lab", "th battery", "a", "in", "中国电池", "ıslak"} {
		if got := nameScreen(searchUnits(searchWords(text))); got != "" {
			t.Errorf("%q: screen %s, want none", text, got)
		}
	}
}
