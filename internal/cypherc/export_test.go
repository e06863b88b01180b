package cypherc

import "github.com/batterykg/batterykg/internal/kg"

// CompileSearchReference compiles `search` with the statement of commit 01a285c.
func CompileSearchReference(f kg.Field, lim Limits) (Statement, error) {
	c := newCompiler(lim)
	expr, err := searchReference(c, f)
	if err != nil {
		return Statement{}, err
	}
	return Statement{Cypher: "RETURN " + expr + " AS data", Params: c.params}, nil
}

// SetSearchAhead sets searchAhead until the test ends.
func SetSearchAhead(t interface{ Cleanup(func()) }, n int) {
	old := searchAhead
	searchAhead = n
	t.Cleanup(func() { searchAhead = old })
}

// SetSearchWide sets searchWide until the test ends.
func SetSearchWide(t interface{ Cleanup(func()) }, n int) {
	old := searchWide
	searchWide = n
	t.Cleanup(func() { searchWide = old })
}

// CompileScreened compiles `search` with its name tiers screened (nameScreen) whatever the
// number of hits.
func CompileScreened(f kg.Field, lim Limits) (Statement, error) {
	old := searchScreenMin
	searchScreenMin = 0
	defer func() { searchScreenMin = old }()
	return Compile(f, lim)
}

// NameScreen is nameScreen of text's units.
func NameScreen(text string) string { return nameScreen(searchUnits(searchWords(text))) }

// SearchStopWords are the stop words nameScreen knows.
var SearchStopWords = searchStopWords
