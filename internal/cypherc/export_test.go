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
