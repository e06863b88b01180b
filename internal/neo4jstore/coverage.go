package neo4jstore

import (
	"fmt"

	"github.com/batterykg/batterykg/internal/kg"
)

// Stage coverage counts. `stageCoverage` walks every participation of every project of every
// stage (0.9 s at 100,000 actors), and its answer changes only when the data does, so its
// figures are stored on each ValueChainStage (the properties of kg.CoverageProperties) and
// recounted from scratch by every write: a mutation that can change them recounts them in
// its own transaction (cypherc.CoverageAfter tells which), an import recounts them once it
// has run, and so does `batterykg migrate`; validate checks them. Recounting everything
// rather than adjusting counts keeps them exact without per-mutation bookkeeping of distinct
// actors; it costs a write about what one stageCoverage request cost before (measured in
// docs/benchmarks.md).

// coverageLock is the first statement of a recount: it takes the write lock of every stage
// (in stage order, so two recounts queue rather than deadlock), so that the recount that
// follows in the same transaction sees every write committed before it, and a concurrent
// recount waits for it.
var coverageLock = fmt.Sprintf(
	"MATCH (st:ValueChainStage) WITH st ORDER BY st.order, st.id SET st.%[1]s = coalesce(st.%[1]s, -1)", kg.CoverageProjects)

// coverageFromScratch binds, for every stage st, its direct actors, the actors of the
// projects that target it (via), both together (everyone) and its number of projects: what
// stageCoverage answers, counted from scratch.
const coverageFromScratch = "MATCH (st:ValueChainStage) " +
	"WITH st, COLLECT { MATCH (st)<-[:ACTIVE_IN]-(ac:Actor) RETURN DISTINCT ac } AS direct, " +
	"COLLECT { MATCH (st)<-[:TARGETS]-(:Project)<-[:PARTICIPATES_IN]-(ac:Actor) RETURN DISTINCT ac } AS via, " +
	"COUNT { MATCH (st)<-[:TARGETS]-(:Project) } AS projects " +
	"WITH st, direct, via, direct + [x IN via WHERE NOT x IN direct] AS everyone, projects "

// coverageParams are the parameters of coverageRecount and coverageCheck.
var coverageParams = map[string]any{"scopes": kg.CoverageScopes()}

// coverageRecount counts from scratch what stageCoverage answers, for every stage and every
// scope of kg.CoverageScopes, and stores it on the stage. It returns the number of stages.
var coverageRecount = coverageFromScratch +
	"SET " + scoped(kg.CoverageDirect, "direct") + ", " + scoped(kg.CoverageViaProjects, "via") + ", " +
	scoped(kg.CoverageActors, "everyone") + ", st." + kg.CoverageProjects + " = projects " +
	"RETURN count(st) AS stages"

// coverageCheck compares the stored counts with counts made from scratch: it binds st to each
// stage whose counts differ or are missing (a statement that ends before its RETURN).
var coverageCheck = coverageFromScratch +
	"WHERE NOT coalesce(st." + kg.CoverageDirect + " = " + perScope("direct") +
	" AND st." + kg.CoverageViaProjects + " = " + perScope("via") +
	" AND st." + kg.CoverageActors + " = " + perScope("everyone") +
	" AND st." + kg.CoverageProjects + " = projects, false)"

// perScope counts the actors of list in each scope of $scopes.
func perScope(list string) string {
	return fmt.Sprintf("[s IN $scopes | size([x IN %s WHERE s IS NULL OR x.region = s])]", list)
}

// scoped is the SET item that stores list's counts per scope in prop.
func scoped(prop, list string) string { return "st." + prop + " = " + perScope(list) }
