package neo4jstore

import (
	"context"
	"errors"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
)

// Query answers one root field of a GraphQL operation with one Cypher statement and returns
// the field's value as the driver decoded it: nested maps and lists in the shape the
// graph/model types decode.
func (s *Store) Query(ctx context.Context, f kg.Field) (any, error) { return s.query(ctx, f, 0) }

// query is Query; a budget > 0 replaces the one a path search asks for (tests make it run out).
func (s *Store) query(ctx context.Context, f kg.Field, budget time.Duration) (any, error) {
	st, err := s.compile(f)
	if err != nil {
		return nil, err
	}
	var recs []*neo4j.Record
	if asked, ok := cypherc.PathBudget(f); ok {
		if budget <= 0 {
			budget = asked
		}
		recs, err = s.readWithin(ctx, budget, f, st)
	} else {
		recs, err = s.read(ctx, st.Cypher, st.Params)
	}
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, nil
	}
	v, _ := recs[0].Get("data")
	return v, nil
}

// compile compiles f, or takes the statement compiled before for a field with the same
// fingerprint (kg.Field.Fingerprint).
func (s *Store) compile(f kg.Field) (cypherc.Statement, error) {
	if f.Fingerprint != "" {
		if st, ok := s.statements.Get(f.Fingerprint); ok {
			return st, nil
		}
	}
	st, err := cypherc.Compile(f, s.limits)
	if err == nil && f.Fingerprint != "" {
		s.statements.Add(f.Fingerprint, st, 2*len(st.Cypher)+64*len(st.Params))
	}
	return st, err
}

// readWithin runs st, a search with a time budget (cypherc.PathBudget): Neo4j stops it when
// the budget runs out (the transaction's timeout), and the statement cypherc.CompileCut makes
// for f, a bounded search whose answer says it was cut short, answers instead.
func (s *Store) readWithin(ctx context.Context, budget time.Duration, f kg.Field, st cypherc.Statement) ([]*neo4j.Record, error) {
	bctx, cancel := context.WithTimeout(ctx, budget)
	recs, err := s.read(bctx, st.Cypher, st.Params)
	ranOut := errors.Is(bctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
	cancel()
	if err == nil || !ranOut {
		return recs, err
	}
	cut, cerr := cypherc.CompileCut(f, s.limits)
	if cerr != nil {
		return nil, cerr
	}
	return s.read(ctx, cut.Cypher, cut.Params)
}

// Mutate runs one mutation root field as one Cypher statement in one write transaction: the
// change, its provenance (source, who, when), and the projection of the updated object that
// the mutation's selection asks for. who is recorded as updatedBy. A mutation that can change
// stage coverage recounts it in the same transaction (cypherc.CoverageAfter), so the stored
// counts are never out of date, not even between two statements.
func (s *Store) Mutate(ctx context.Context, f kg.Field, who string) (any, error) {
	st, err := cypherc.CompileMutation(f, who, s.limits)
	if err != nil {
		return nil, err
	}
	var then func([]*neo4j.Record) []cypherc.Statement
	if cypherc.CoverageAfter(f) {
		then = func(recs []*neo4j.Record) []cypherc.Statement {
			if len(recs) > 0 {
				if v, _ := recs[0].Get("error"); v != nil {
					return nil // refused: nothing changed
				}
			}
			return []cypherc.Statement{{Cypher: coverageLock}, {Cypher: coverageRecount, Params: coverageParams}}
		}
	}
	recs, err := s.run(ctx, neo4j.AccessModeWrite, st.Cypher, st.Params, then)
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

// RecountCoverage counts stage coverage from scratch and stores it on the stages (see
// internal/neo4jstore/coverage.go): the importer's callers run it once an import has run
// (whether or not it finished), and Migrate at its end.
func (s *Store) RecountCoverage(ctx context.Context) error {
	_, err := s.run(maintenance(ctx), neo4j.AccessModeWrite, coverageLock, nil,
		func([]*neo4j.Record) []cypherc.Statement {
			return []cypherc.Statement{{Cypher: coverageRecount, Params: coverageParams}}
		})
	return err
}
