package neo4jstore

import (
	"context"
	"errors"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/memo"
)

// Query answers one root field of a GraphQL operation with one Cypher statement and returns
// the field's value as the driver decoded it: nested maps and lists in the shape the
// graph/model types decode.
func (s *Store) Query(ctx context.Context, f kg.Field) (any, error) { return s.query(ctx, f, 0, 0) }

// query is Query; budgets > 0 replace the one a path search asks for, for the search and for
// the search beside it that answers when it runs out (tests make either run out).
func (s *Store) query(ctx context.Context, f kg.Field, search, fallback time.Duration) (any, error) {
	st, err := s.compile(f)
	if err != nil {
		return nil, err
	}
	var recs []*neo4j.Record
	if asked, ok := cypherc.PathBudget(f); ok {
		if search <= 0 {
			search = asked
		}
		if fallback <= 0 {
			fallback = asked
		}
		if cypherc.ThroughStages(f) {
			recs, err = s.readWithin(ctx, search, fallback, f, st)
		} else {
			recs, err = s.readBounded(ctx, search, f, st)
		}
	} else if cypherc.ThroughStages(f) {
		var cut bool
		recs, cut, err = s.readStageSearch(ctx, st, s.cfg.QueryTimeout, s.cfg.QueryTimeout)
		if cut {
			err = kg.Errorf(kg.EUNAVAILABLE, "%s (a search through stages; pathSearch answers within a budget)", msgTimedOut)
		}
	} else {
		recs, err = s.read(ctx, st.Cypher, st.Params)
		if f.Name == "shortestPaths" && timedOut(err) {
			// Far-apart actors at a million: a few pairs search past any time limit.
			err = kg.Wrap(kg.EUNAVAILABLE, msgTimedOut+" (the actors may be far apart; pathSearch answers within a budget)", err)
		}
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
		s.statements.Add(f.Fingerprint, st, 2*len(st.Cypher)+memo.Size(st.Params))
	}
	return st, err
}

// stageSearchHold is how long a search through stages may run in Neo4j after its request has
// been answered without it, holding the one place such a search has (Store.stageSearch).
const stageSearchHold = 10 * time.Minute

// stageSearchWait: a search through stages waits for the place at most its budget divided
// by this; then the search through no stage answers at once.
const stageSearchWait = 4

// readWithin runs st, a search through stages with a time budget (cypherc.PathBudget); when
// that runs out, the statement cypherc.CompileCut makes for f, the search through no stage,
// whose answer says it was cut short, with a budget of its own (fallback); when that runs out
// too, cypherc.CompileGivenUp's: no paths, not complete. So an answer takes at most about
// search + fallback, whatever the graph.
//
// Neo4j 5.26 cannot stop a search through stages: its shortest-path search (PPBFS) does not
// look at the transaction's termination. A transaction timeout or a dropped connection marks
// the transaction terminated and answers the client at once, but the search runs on to its
// end, at 100,000 actors for minutes, holding a core and heap (measured: 15 such searches
// still running 10 to 14 minutes after their requests had been answered, slowing every other
// statement). So only one runs at a time (Store.stageSearch), with no transaction timeout
// but stageSearchHold: the store waits for its real end, answering the request without it
// when the budget runs out, and frees the place only then. Meanwhile every other search
// through stages, after waiting a quarter of its budget for the place (enough for the
// searches of a small graph, which take milliseconds), is answered by the search through no
// stage, saying so.
func (s *Store) readWithin(ctx context.Context, search, fallback time.Duration, f kg.Field, st cypherc.Statement) ([]*neo4j.Record, error) {
	recs, cut, err := s.readStageSearch(ctx, st, search, search/stageSearchWait)
	if !cut {
		return recs, err
	}
	other, err := cypherc.CompileCut(f, s.limits)
	if err != nil {
		return nil, err
	}
	return s.readBounded(ctx, fallback, f, other)
}

// readBounded runs st, a path search through no stage (for f), within budget; when that
// runs out (Neo4j stops such a search at its transaction's end), cypherc.CompileGivenUp's
// statement answers: no paths, not complete. The budget is the search's, not Neo4j's
// compiling of a statement it has not run yet (hundreds of milliseconds on a small graph,
// seconds on a cold JVM: a budget spent on that would cut even a two-hop search short). So
// the first run of each statement since the store opened (Store.primed) has the request's
// own time; a statement is known by its text, which Neo4j keeps its compiled plans by.
func (s *Store) readBounded(ctx context.Context, budget time.Duration, f kg.Field, st cypherc.Statement) ([]*neo4j.Record, error) {
	if _, ok := s.primed.Get(st.Cypher); !ok {
		recs, err := s.read(ctx, st.Cypher, st.Params)
		if err == nil {
			s.primed.Add(st.Cypher, struct{}{}, 0)
		}
		return recs, err
	}
	recs, err := s.readFor(ctx, budget, st)
	if err == nil || !ranOut(ctx, err) {
		return recs, err
	}
	none, err := cypherc.CompileGivenUp(f, s.limits)
	if err != nil {
		return nil, err
	}
	return s.read(ctx, none.Cypher, none.Params)
}

// readStageSearch runs st, a search through stages, in the one place such a search has
// (Store.stageSearch), waiting for the place at most wait, and for the answer at most budget
// from the start; ranOut is true when either ran out. The search runs on in Neo4j to its end
// (see readWithin), holding the place.
func (s *Store) readStageSearch(ctx context.Context, st cypherc.Statement, budget, wait time.Duration) (recs []*neo4j.Record, ranOut bool, err error) {
	deadline := time.NewTimer(budget)
	defer deadline.Stop()
	waited := time.NewTimer(wait)
	defer waited.Stop()
	select {
	case s.stageSearch <- struct{}{}:
	case <-waited.C:
		return nil, true, nil
	case <-ctx.Done():
		return nil, false, requestEnded(ctx)
	}
	type result struct {
		recs []*neo4j.Record
		err  error
	}
	done := make(chan result, 1)
	hold, cancel := context.WithTimeout(context.WithoutCancel(ctx), stageSearchHold)
	go func() {
		defer func() { <-s.stageSearch }()
		defer cancel()
		recs, err := s.runTx(hold, neo4j.AccessModeRead, st.Cypher, st.Params, nil, stageSearchHold)
		done <- result{recs, err}
	}()
	select {
	case r := <-done:
		return r.recs, false, r.err
	case <-deadline.C:
		return nil, true, nil
	case <-ctx.Done():
		return nil, false, requestEnded(ctx)
	}
}

// requestEnded is the error of a request whose context ended while it waited.
func requestEnded(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return kg.Wrap(kg.EUNAVAILABLE, msgTimedOut, ctx.Err())
	}
	return kg.Wrap(kg.EUNAVAILABLE, "request cancelled", ctx.Err())
}

// errBudget is the cause of a context whose budget ran out (readFor).
var errBudget = errors.New("budget spent")

// readFor runs st within budget; its error then wraps errBudget (ranOut).
func (s *Store) readFor(ctx context.Context, budget time.Duration, st cypherc.Statement) ([]*neo4j.Record, error) {
	bctx, cancel := context.WithTimeoutCause(ctx, budget, errBudget)
	defer cancel()
	recs, err := s.read(bctx, st.Cypher, st.Params)
	if err != nil && errors.Is(context.Cause(bctx), errBudget) {
		err = errors.Join(errBudget, err)
	}
	return recs, err
}

// ranOut reports whether err, from readFor, is its budget running out (not the request
// ending): the context's deadline or Neo4j's own transaction timeout.
func ranOut(ctx context.Context, err error) bool {
	return err != nil && ctx.Err() == nil && (errors.Is(err, errBudget) || isTxTimeout(err))
}

// isTxTimeout reports whether err is Neo4j ending a transaction at its timeout.
func isTxTimeout(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) &&
		(ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut" || ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")
}

// Mutate runs one mutation root field as one Cypher statement in one write transaction: the
// change, its provenance (source, who, when), and the projection of the updated object that
// the mutation's selection asks for. who is recorded as updatedBy. A mutation that can change
// stage coverage (cypherc.CoverageAfter) keeps the stored counts exact in the same
// transaction, so they are never out of date, not even between two statements: it adjusts
// them by what it changed when the database has the batterykg plugin, and recounts them
// otherwise.
func (s *Store) Mutate(ctx context.Context, f kg.Field, who string) (any, error) {
	st, err := cypherc.CompileMutation(f, who, s.limits)
	if err != nil {
		return nil, err
	}
	var then thenFunc
	if cypherc.CoverageAfter(f) {
		adjust := s.hasPlugin(ctx)
		then = func(ctx context.Context, tx neo4j.ManagedTransaction, recs []*neo4j.Record) error {
			if len(recs) > 0 {
				if v, _ := recs[0].Get("error"); v != nil {
					return nil // refused: nothing changed
				}
			}
			if adjust {
				_, err := adjustCoverage(ctx, tx, 0)
				return err
			}
			if _, err := txRecords(ctx, tx, coverageLock, nil); err != nil {
				return err
			}
			return recountIn(ctx, tx)
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
// internal/neo4jstore/coverage.go): after an import whose transactions could not adjust the
// counts, when Migrate finds them missing, and in RepairDerived.
func (s *Store) RecountCoverage(ctx context.Context) error {
	_, err := s.run(maintenance(ctx), neo4j.AccessModeWrite, coverageLock, nil,
		func(ctx context.Context, tx neo4j.ManagedTransaction, _ []*neo4j.Record) error {
			return recountIn(ctx, tx)
		})
	return err
}
