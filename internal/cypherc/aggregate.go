package cypherc

import (
	"fmt"
	"strings"

	"github.com/batterykg/batterykg/internal/kg"
)

// countBy is a list of {key, count} buckets of the rows of match grouped by key, largest first.
func countBy(match, conds, key string) string {
	return fmt.Sprintf("COLLECT { MATCH %s%s WITH coalesce(%s, 'NONE') AS key, count(*) AS count "+
		"ORDER BY count DESC, key RETURN {key: key, count: count} }", match, conds, key)
}

// stageBuckets counts, for every stage in chain order (zeros included), the rows of
// `pattern` (which uses the stage variable s) that meet conds.
func stageBuckets(c *compiler, pattern, conds string) string {
	s := c.newVar("s")
	return fmt.Sprintf("COLLECT { MATCH (%[1]s:ValueChainStage) WITH %[1]s ORDER BY %[1]s.order "+
		"RETURN {key: %[1]s.code, count: COUNT { MATCH %[2]s%[3]s }} }", s, strings.ReplaceAll(pattern, "{s}", s), conds)
}

// actorStats answers `actorStats(filter:)`.
func actorStats(c *compiler, f kg.Field) (string, error) {
	n := c.newVar("n")
	conds, err := c.actorFilter(n, f.Args["filter"], 0)
	if err != nil {
		return "", err
	}
	match, where := "("+n+":Actor)", whereClause(conds)
	return c.obj(f.Fields).
		lazy("total", func() string { return "COUNT { MATCH " + match + where + " }" }).
		lazy("byKind", func() string { return countBy(match, where, kindExpr(n)) }).
		lazy("byRegion", func() string { return countBy(match, where, n+".region") }).
		lazy("byStage", func() string { return stageBuckets(c, "("+n+":Actor)-[:ACTIVE_IN]->({s})", where) }).
		build()
}

// projectStats answers `projectStats(filter:)`.
func projectStats(c *compiler, f kg.Field) (string, error) {
	n := c.newVar("n")
	conds, err := c.projectFilter(n, f.Args["filter"], 0)
	if err != nil {
		return "", err
	}
	match, where := "("+n+":Project)", whereClause(conds)
	return c.obj(f.Fields).
		lazy("total", func() string { return "COUNT { MATCH " + match + where + " }" }).
		lazy("byType", func() string { return countBy(match, where, n+".type") }).
		lazy("byStatus", func() string { return countBy(match, where, n+".status") }).
		lazy("byStage", func() string { return stageBuckets(c, "("+n+":Project)-[:TARGETS]->({s})", where) }).
		build()
}

// fundingTotals answers `fundingTotals(filter:)`: sums of public amounts, never across
// currencies, with the number of fundings whose amount is not public.
func fundingTotals(c *compiler, f kg.Field) (string, error) {
	fu, r, p := c.newVar("f"), c.newVar("r"), c.newVar("p")
	m, err := filterInput("filter", f.Args["filter"])
	if err != nil {
		return "", err
	}
	var conds []string
	if m != nil {
		if v := m["funder"]; v != nil {
			conds = append(conds, fu+".id = "+c.param(v))
		}
		if v := m["currency"]; v != nil {
			s, _ := v.(string)
			conds = append(conds, r+".currency = "+c.param(strings.ToUpper(s)))
		}
		pc, err := c.projectFilter(p, m["project"], 0)
		if err != nil {
			return "", err
		}
		conds = append(conds, pc...)
	}
	match := fmt.Sprintf("(%s:FundingProgramme|Actor)-[%s:FUNDS]->(%s:Project)", fu, r, p)
	// sums groups the fundings by key (and currency); ord orders the groups before the amount.
	sums := func(extraMatch, extraCond, key, label, ord string) string {
		cs := conds
		if extraCond != "" {
			cs = append(append([]string{}, conds...), extraCond)
		}
		return fmt.Sprintf("COLLECT { MATCH %s%s%s WITH %s AS key, %s AS label, %s AS ord, coalesce(%s.currency, 'XXX') AS currency, "+
			"sum(coalesce(toFloat(%s.amount), 0.0)) AS amount, count(*) AS fundings, count(CASE WHEN %s.amount IS NULL THEN 1 END) AS undisclosed "+
			"ORDER BY ord, amount DESC, key, currency "+
			"RETURN {key: key, label: label, currency: currency, amount: amount, fundings: fundings, undisclosed: undisclosed} }",
			match, extraMatch, whereClause(cs), key, label, ord, r, r, r)
	}
	return c.obj(f.Fields).
		lazy("total", func() string { return sums("", "", "'ALL'", "'all fundings'", "0") }).
		lazy("byProgramme", func() string { return sums("", fu+":FundingProgramme", fu+".id", fu+".name", "0") }).
		lazy("byFunder", func() string { return sums("", fu+":Actor", fu+".id", fu+".name", "0") }).
		lazy("byProject", func() string { return sums("", "", p+".id", p+".name", "0") }).
		lazy("byStage", func() string {
			s := c.newVar("s")
			return sums(fmt.Sprintf(", (%s)-[:TARGETS]->(%s:ValueChainStage)", p, s), "", s+".code", s+".name", s+".order")
		}).
		build()
}
