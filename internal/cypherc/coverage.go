package cypherc

import (
	"slices"

	"github.com/batterykg/batterykg/internal/kg"
)

// Stage coverage counts are stored on each ValueChainStage and recounted by the store after
// every write that can change them (internal/neo4jstore/coverage.go); the compiler only says
// which mutations can.

// coverageTypes are the relationship types whose links change stage coverage.
var coverageTypes = []string{"ACTIVE_IN", "TARGETS", "PARTICIPATES_IN"}

// CoverageAfter reports whether the mutation f can change stage coverage, so that the store
// recounts it in the mutation's transaction: changes to actors (their region), projects,
// participations, the coverage links and deletions can; programmes and fundings cannot.
func CoverageAfter(f kg.Field) bool {
	switch f.Name {
	case "upsertProgramme", "setFunding":
		return false
	case "link", "unlink":
		typ, _ := input(f)["type"].(string)
		return slices.Contains(coverageTypes, typ)
	}
	return true
}
