package neo4jstore

import (
	"context"
	"time"

	"github.com/batterykg/batterykg/internal/kg"
)

// QueryWithin is Query with the time budget of a path search replaced by budget.
func (s *Store) QueryWithin(ctx context.Context, f kg.Field, budget time.Duration) (any, error) {
	return s.query(ctx, f, budget)
}
