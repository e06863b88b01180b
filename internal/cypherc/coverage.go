package cypherc

import (
	"fmt"
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

// storedActorCount is the stored count of the actors an ActorFilter of one stage, and
// regions or none, finds (kg.CoverageDirect: the actors ACTIVE_IN the stage, per region): the
// totalCount of a page of them without reading them. Any other filter has none. The count
// is null, and the actors are counted, when the stage has no stored counts.
func storedActorCount(c *compiler, f kg.Field) (string, bool) {
	m, _ := f.Args["filter"].(map[string]any)
	stage, scopes := "", []any{0} // scope 0 counts every actor
	for k, v := range m {
		if v == nil {
			continue
		}
		switch k {
		case "stage":
			ss, err := enumList("stage", v, stageCodes)
			if err != nil || len(ss) != 1 {
				return "", false
			}
			stage = ss[0]
		case "region":
			rs, err := enumList("region", v, regions)
			if err != nil {
				return "", false
			}
			scopes = scopes[:0]
			for _, r := range rs {
				scopes = append(scopes, 1+slices.Index(kg.Regions, r)) // regions are disjoint
			}
		default:
			return "", false
		}
	}
	if stage == "" {
		return "", false
	}
	return fmt.Sprintf("head(COLLECT { MATCH (st:ValueChainStage {code: %s}) RETURN reduce(t = 0, i IN %s | t + st.%s[i]) AS c })",
		c.param(stage), c.param(scopes), kg.CoverageDirect), true
}
