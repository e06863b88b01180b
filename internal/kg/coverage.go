package kg

// Stage coverage counts: the figures of `stageCoverage` are stored on each ValueChainStage
// node and kept exact by every write path (internal/neo4jstore/coverage.go says how). They are
// derived data, never imported or exported.
const (
	CoverageDirect      = "coverageDirect"      // actors ACTIVE_IN the stage, per scope
	CoverageViaProjects = "coverageViaProjects" // actors in a project that TARGETS it, per scope
	CoverageActors      = "coverageActors"      // distinct actors either way, per scope
	CoverageProjects    = "coverageProjects"    // projects that TARGETS it (an integer)
)

// CoverageProperties are the stage properties that hold the counts.
var CoverageProperties = []string{CoverageDirect, CoverageViaProjects, CoverageActors, CoverageProjects}

// CoverageScopes are what each per-scope count list counts, in order: every actor (null),
// then the actors of each region of Regions.
func CoverageScopes() []any {
	out := []any{nil}
	for _, r := range Regions {
		out = append(out, r)
	}
	return out
}
