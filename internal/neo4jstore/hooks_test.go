package neo4jstore

import (
	"context"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

// QueryWithin is Query with the time budgets of a path search replaced: search for the search
// through stages, fallback for the search through no stage run beside it.
func (s *Store) QueryWithin(ctx context.Context, f kg.Field, search, fallback time.Duration) (any, error) {
	return s.query(ctx, f, search, fallback)
}

// HoldStageSearch takes the one place a search through stages has, as a search still running
// in Neo4j would, until release is called.
func (s *Store) HoldStageSearch() (release func()) {
	s.stageSearch <- struct{}{}
	return func() { <-s.stageSearch }
}
