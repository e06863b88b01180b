package neo4jstore

import (
	"context"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
)

// Query answers one root field of a GraphQL operation with one Cypher statement and returns
// the field's value as the driver decoded it: nested maps and lists in the shape the
// graph/model types decode.
func (s *Store) Query(ctx context.Context, f kg.Field) (any, error) {
	st, err := cypherc.Compile(f, s.limits)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, st.Cypher, st.Params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, nil
	}
	v, _ := recs[0].Get("data")
	return v, nil
}

// Mutate runs one mutation root field as one Cypher statement in one write transaction: the
// change, its provenance (source, who, when), and the projection of the updated object that
// the mutation's selection asks for. who is recorded as updatedBy.
func (s *Store) Mutate(ctx context.Context, f kg.Field, who string) (any, error) {
	st, err := cypherc.CompileMutation(f, who, s.limits)
	if err != nil {
		return nil, err
	}
	recs, err := s.write(ctx, st.Cypher, st.Params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, kg.Errorf(kg.ENOTFOUND, "nothing matched")
	}
	if v, _ := recs[0].Get("error"); v != nil {
		return nil, mutationError(v)
	}
	v, _ := recs[0].Get("data")
	return v, nil
}

// mutationError turns the [code, message] pair a statement returns for a refused change into
// a kg error.
func mutationError(v any) error {
	l, _ := v.([]any)
	if len(l) != 2 {
		return kg.Errorf(kg.EINTERNAL, "malformed mutation error")
	}
	code, _ := l[0].(string)
	msg, _ := l[1].(string)
	return kg.Errorf(code, "%s", msg)
}
