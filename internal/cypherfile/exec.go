package cypherfile

// exec.go runs one file: its plan of transactions (plan.go), its parameters, and its
// statements, lifted and batched where it can (lift.go).

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// awaitIndexesSeconds bounds the wait for the indexes of a schema transaction to come
// online.
const awaitIndexesSeconds = 600

// Limits of one batched statement: rows, and bytes of statement text they come from.
const (
	defaultBatchRows = 1000
	maxBatchBytes    = 8 << 20
)

// runner runs the units of one file.
type runner struct {
	ctx    context.Context
	driver neo4j.DriverWithContext
	f      *file
	opts   Options
	rep    *FileReport
	prog   progress

	sessions map[string]neo4j.SessionWithContext
	// env is the parameters in force; applied is the number of statements whose :param
	// commands have been applied to it.
	env     map[string]any
	applied int
}

// liftedFailure is the failure of a statement sent lifted or batched: Neo4j's message does
// not say which statement of the batch failed, nor where in the file, so the unit is
// replayed to find out (see runner.locate).
type liftedFailure struct {
	first, end int
	err        error
}

func (e *liftedFailure) Error() string { return e.err.Error() }

func (r *runner) session(db string) neo4j.SessionWithContext {
	if db == "" {
		db = r.opts.Database
	}
	s, ok := r.sessions[db]
	if !ok {
		s = r.driver.NewSession(r.ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
		r.sessions[db] = s
	}
	return s
}

func runFile(ctx context.Context, driver neo4j.DriverWithContext, f *file, skip int, opts Options) (rep FileReport, err error) {
	started := time.Now()
	rep = FileReport{Path: f.path, Mode: f.mode, Statements: len(f.stmts), Skipped: skip, Committed: skip, DryRun: opts.DryRun}
	if opts.DryRun {
		rep.Committed = 0
	}
	for _, u := range f.units {
		if u.End <= skip {
			continue
		}
		u.First = max(u.First, skip)
		rep.Units = append(rep.Units, u)
	}
	if opts.Progress != nil && needsPlan(rep.Units) {
		printPlan(opts.Progress, f.path, f.stmts, rep.Units)
	}
	r := &runner{ctx: ctx, driver: driver, f: f, opts: opts, rep: &rep,
		prog: newProgress(opts, f.path, len(f.stmts), skip), sessions: map[string]neo4j.SessionWithContext{}}
	defer func() {
		rep.Duration = time.Since(started)
		rep.Err = err
		r.prog.finish(rep)
		for _, s := range r.sessions {
			_ = s.Close(context.WithoutCancel(ctx))
		}
	}()
	for i, u := range rep.Units {
		if err := r.runUnit(u); err != nil {
			rep.FailedUnit = i + 1
			if ctx.Err() != nil {
				return rep, interrupted(rep, u, ctx.Err())
			}
			var se *StatementError
			if errors.As(err, &se) {
				se.Committed = rep.Committed
				if se.Index >= 0 {
					rep.Run = se.Index - skip
				}
			}
			return rep, err
		}
		rep.UnitsDone = i + 1
	}
	return rep, nil
}

// interrupted is the error of a file interrupted while it ran unit u.
func interrupted(rep FileReport, u Unit, cause error) error {
	committed := "nothing committed"
	if rep.Committed > 0 {
		committed = fmt.Sprintf("statements 1-%d committed", rep.Committed)
	}
	if rep.Partial != nil {
		return fmt.Errorf("%s: interrupted; %s; %s: %w", rep.Path, committed, rep.Partial, cause)
	}
	what := "rolled back"
	if u.Kind == ModeAutocommit {
		what = "not run"
	}
	return fmt.Errorf("%s: interrupted in statements %d-%d, %s; %s: %w", rep.Path, u.First+1, u.End, what, committed, cause)
}

// runUnit runs one transaction of the plan.
func (r *runner) runUnit(u Unit) error {
	if u.Kind == ModeAutocommit && !r.opts.DryRun {
		return r.runAutocommit(u)
	}
	sess := r.session(u.Database)
	envStart, appliedStart := r.env, r.applied
	tx, err := sess.BeginTransaction(r.ctx)
	if err != nil {
		return fmt.Errorf("%s: begin transaction: %w", r.f.path, err)
	}
	var pending Counters
	err = r.steps(tx, u.First, u.End, false, &pending)
	if err != nil {
		rollback(r.ctx, tx)
		var lf *liftedFailure
		if errors.As(err, &lf) {
			r.env, r.applied = envStart, appliedStart
			return r.locate(sess, u, lf)
		}
		return err
	}
	hooked := !r.opts.DryRun && !u.Rollback && u.Kind == ModeData && pending != (Counters{})
	if r.opts.Upkeep != nil && hooked {
		if err := r.opts.Upkeep(r.ctx, tx); err != nil {
			rollback(r.ctx, tx)
			return fmt.Errorf("%s: statements %d-%d, none of them was written (statements 1-%d committed): %w",
				r.f.path, u.First+1, u.End, r.rep.Committed, err)
		}
	}
	if r.opts.Check != nil && hooked {
		t0 := time.Now()
		err := r.opts.Check(r.ctx, tx)
		r.rep.Checks++
		r.rep.CheckTime += time.Since(t0)
		if err != nil {
			rollback(r.ctx, tx)
			return &CheckError{File: r.f.path, First: u.First + 1, End: u.End, Committed: r.rep.Committed, Err: err}
		}
	}
	if r.opts.DryRun || u.Rollback {
		rollback(r.ctx, tx)
	} else if err := commit(r.ctx, tx); err != nil {
		return fmt.Errorf("%s: commit of statements %d-%d failed, none of them was written (statements 1-%d committed): %w",
			r.f.path, u.First+1, u.End, r.rep.Committed, err)
	}
	if r.opts.DryRun {
		return nil
	}
	r.rep.Committed = u.End
	if !u.Rollback {
		r.rep.Counters.Add(pending)
	}
	if u.Kind == ModeSchema {
		res, err := sess.Run(r.ctx, "CALL db.awaitIndexes($seconds)", map[string]any{"seconds": awaitIndexesSeconds})
		if err == nil {
			_, err = res.Consume(r.ctx)
		}
		if err != nil {
			return fmt.Errorf("%s: statements %d-%d committed, but their indexes did not come online: %w", r.f.path, u.First+1, u.End, err)
		}
	}
	return nil
}

// commitTimeout bounds the commit of one transaction.
const commitTimeout = 10 * time.Minute

// commit commits tx even when ctx is cancelled meanwhile (Ctrl-C): a commit cut off on the
// client may still be done in Neo4j, and then nobody could say whether it is.
func commit(ctx context.Context, tx neo4j.ExplicitTransaction) error {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
	defer cancel()
	return tx.Commit(cctx)
}

func rollback(ctx context.Context, tx neo4j.ExplicitTransaction) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	_ = tx.Rollback(rctx)
}

// runAutocommit runs a CALL { ... } IN TRANSACTIONS statement in an implicit transaction.
// Parameter expressions before it are evaluated in an explicit transaction of their own.
func (r *runner) runAutocommit(u Unit) error {
	sess := r.session(u.Database)
	for i := u.First; i < u.End; i++ {
		if r.needsTx(i) {
			tx, err := sess.BeginTransaction(r.ctx)
			if err != nil {
				return fmt.Errorf("%s: begin transaction: %w", r.f.path, err)
			}
			err = r.applyParams(tx, i)
			rollback(r.ctx, tx) // read only: nothing to commit
			if err != nil {
				return err
			}
		} else if err := r.applyParams(nil, i); err != nil {
			return err
		}
		st := r.f.stmts[i]
		res, err := sess.Run(r.ctx, st.Text, r.env)
		var sum neo4j.ResultSummary
		if err == nil {
			sum, err = res.Consume(r.ctx)
		}
		if err != nil {
			if n := innerCommitted(r.ctx, err); n != 0 {
				r.rep.Partial = &PartialStatement{Statement: i + 1, Inner: n}
			}
			return r.fail(st, st.Text, 0, err)
		}
		r.rep.Run++
		r.rep.Queries++
		r.rep.Committed = i + 1
		r.rep.Counters.addSummary(sum.Counters())
		r.prog.step(i + 1)
	}
	return nil
}

// neo4jInnerCommitted matches what Neo4j appends to the error of a CALL { ... } IN
// TRANSACTIONS statement: how many of its inner transactions it had committed.
var neo4jInnerCommitted = regexp.MustCompile(`\(Transactions committed: (\d+)\)`)

// innerCommitted is how many inner transactions of a CALL { ... } IN TRANSACTIONS
// statement are committed after it failed with err: Neo4j's count, 0 for an error Neo4j
// gives before running it (e.g. a syntax error), -1 when not known (interrupted, or the
// connection lost while it ran).
func innerCommitted(ctx context.Context, err error) int {
	var ne *neo4j.Neo4jError
	switch {
	case ctx.Err() != nil:
		return -1
	case errors.As(err, &ne):
		if m := neo4jInnerCommitted.FindStringSubmatch(ne.Msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		return 0
	}
	return -1
}

// needsTx reports whether the :param commands up to statement i hold an expression that
// Neo4j must evaluate.
func (r *runner) needsTx(i int) bool {
	for j := r.applied; j <= i; j++ {
		for _, pc := range r.f.stmts[j].Params {
			if pc.Expr != "" {
				if _, err := ParseLiteral(pc.Expr); err != nil {
					return true
				}
			}
		}
	}
	return false
}

// steps runs statements from..end-1 in tx, with their :param commands, lifted and batched
// unless asWritten. Counters of what ran are added to counters.
func (r *runner) steps(tx neo4j.ExplicitTransaction, from, end int, asWritten bool, counters *Counters) error {
	f := r.f
	for i := from; i < end; {
		if err := r.applyParams(tx, i); err != nil {
			return err
		}
		st := f.stmts[i]
		if c := f.csv[i]; c != nil {
			maxRows := r.opts.BatchRows
			if maxRows <= 0 {
				maxRows = defaultBatchRows
			}
			sum, rows, err := c.run(r, tx, maxRows)
			r.rep.CSVRows += rows
			if err != nil {
				return r.fail(st, st.Text, 0, err)
			}
			counters.Add(sum)
			i++
			r.rep.Run++
			r.prog.step(i)
			continue
		}
		l := f.lifted(i)
		if asWritten || l == nil {
			text, prefix := st.Text, 0
			if r.opts.DryRun {
				text, prefix = explain(st.Text)
			}
			sum, err := run(r.ctx, tx, text, r.env)
			if err != nil {
				return r.fail(st, text, prefix, err)
			}
			counters.addSummary(sum.Counters())
			i++
			r.done(i, 1)
			continue
		}
		// The statements of i's shape that follow it, without :param commands between.
		j, size := i+1, len(st.Text)
		maxRows := r.opts.BatchRows
		if maxRows <= 0 {
			maxRows = defaultBatchRows
		}
		if l.body != "" {
			for j < end && j-i < maxRows && size < maxBatchBytes && len(f.stmts[j].Params) == 0 &&
				f.lifted(j) != nil && f.lifts[j].shape == l.shape {
				size += len(f.stmts[j].Text)
				j++
			}
		}
		var text string
		var params map[string]any
		if j-i == 1 {
			text, params = l.shape, l.params(r.env)
		} else {
			rows := make([]any, 0, j-i)
			for k := i; k < j; k++ {
				rows = append(rows, f.lifts[k].values)
			}
			text = l.batchText()
			params = make(map[string]any, len(r.env)+1)
			for k, v := range r.env {
				params[k] = v
			}
			params[batchRowsParam] = rows
		}
		if r.opts.DryRun {
			text = "EXPLAIN " + text
		}
		sum, err := run(r.ctx, tx, text, params)
		if err != nil {
			return &liftedFailure{first: i, end: j, err: err}
		}
		counters.addSummary(sum.Counters())
		r.done(j, j-i)
		i = j
	}
	return nil
}

// done records that n more statements ran in one query, the last one being statement
// last (1-based).
func (r *runner) done(last, n int) {
	r.rep.Run += n
	r.rep.Queries++
	r.prog.step(last)
}

func run(ctx context.Context, tx neo4j.ExplicitTransaction, text string, params map[string]any) (neo4j.ResultSummary, error) {
	res, err := tx.Run(ctx, text, params)
	if err != nil {
		return nil, err
	}
	return res.Consume(ctx)
}

// locate finds the statement of a failed unit to blame: it replays the unit up to the
// failed batch in a new transaction, then runs the batch's statements one at a time as
// written, so the error is Neo4j's own for that statement with its position in the file.
// The replay is rolled back. If the replay does not fail (the failure did not depend on
// the statements alone), the batch's error is returned.
func (r *runner) locate(sess neo4j.SessionWithContext, u Unit, lf *liftedFailure) error {
	runBefore := r.rep.Run
	tx, err := sess.BeginTransaction(r.ctx)
	if err != nil {
		return fmt.Errorf("%s: begin transaction: %w", r.f.path, err)
	}
	defer rollback(r.ctx, tx)
	var discard Counters
	quiet := r.prog
	r.prog = silent{}
	defer func() { r.prog = quiet }()
	if err := r.steps(tx, u.First, lf.first, false, &discard); err != nil {
		return err
	}
	if err := r.steps(tx, lf.first, lf.end, true, &discard); err != nil {
		return err
	}
	r.rep.Run = runBefore
	st := r.f.stmts[lf.first]
	return &StatementError{File: r.f.path, Line: st.Line, Column: st.Column, Index: -1,
		Excerpt: fmt.Sprintf("statements %d-%d (run together)", lf.first+1, lf.end), Err: lf.err}
}

// fail builds the error of statement st, sent as the text sent (prefix: bytes put in
// front of the statement's own text).
func (r *runner) fail(st Statement, sent string, prefix int, cause error) error {
	se := &StatementError{
		File: r.f.path, Line: st.Line, Column: st.Column, Index: st.Index,
		Excerpt: excerpt(st.Text), Err: cause, Committed: r.rep.Committed,
	}
	se.ErrLine, se.ErrColumn = errorPosition(r.f, st, sent, prefix, cause)
	return se
}

// applyParams applies the :param commands of the statements up to i to the parameters in
// force. A literal value is read by the importer; an expression is evaluated by Neo4j in
// tx, the transaction the statement runs in (so it sees the file's writes before it). In
// a dry run an expression is only checked with EXPLAIN, and its value is null.
func (r *runner) applyParams(tx neo4j.ExplicitTransaction, i int) error {
	for ; r.applied <= i; r.applied++ {
		for _, pc := range r.f.stmts[r.applied].Params {
			next := make(map[string]any, len(r.env)+1)
			if !pc.Clear {
				for k, v := range r.env {
					next[k] = v
				}
			}
			if pc.Expr != "" {
				v, err := r.evalParam(tx, pc)
				if err != nil {
					se := &StatementError{File: r.f.path, Line: pc.Line, Column: pc.Column, Index: -1,
						Excerpt: excerpt(pc.Text), Err: err, Committed: r.rep.Committed}
					if k := strings.Index(pc.Text, pc.Expr); k >= 0 { // Neo4j's position, in the file
						// the query up to the end of the expression: a position past it (Neo4j
						// read on into "AS value") is given as the expression's end
						sent, prefix := paramQueryPrefix+pc.Expr, len(paramQueryPrefix)
						if r.opts.DryRun {
							sent, prefix = "EXPLAIN "+sent, prefix+len("EXPLAIN ")
						}
						se.ErrLine, se.ErrColumn = errorPosition(r.f, Statement{Offset: pc.Offset + k}, sent, prefix, err)
						if se.ErrLine == 0 && neo4jPosition.MatchString(err.Error()) {
							se.ErrLine, se.ErrColumn = r.f.src.position(pc.Offset + k + len(pc.Expr))
						}
					}
					return se
				}
				if pc.Name != "" {
					next[pc.Name] = v
				} else {
					m, ok := v.(map[string]any)
					if !ok {
						return &StatementError{File: r.f.path, Line: pc.Line, Column: pc.Column, Index: -1,
							Excerpt: excerpt(pc.Text), Err: fmt.Errorf("the map form :param {...} needs a map, the expression gave %T", v), Committed: r.rep.Committed}
					}
					for k, v := range m {
						next[k] = v
					}
				}
			}
			r.env = next
		}
	}
	return nil
}

// paramQuery is the statement that evaluates a :param expression.
func paramQuery(pc ParamCommand) string { return paramQueryPrefix + pc.Expr + "\nAS value" }

const paramQueryPrefix = "RETURN "

func (r *runner) evalParam(tx neo4j.ExplicitTransaction, pc ParamCommand) (any, error) {
	if v, err := ParseLiteral(pc.Expr); err == nil {
		return v, nil
	}
	if tx == nil {
		return nil, errors.New("internal: a parameter expression outside a transaction")
	}
	query := paramQuery(pc)
	if r.opts.DryRun {
		if _, err := run(r.ctx, tx, "EXPLAIN "+query, r.env); err != nil {
			return nil, err
		}
		if pc.Name == "" {
			m := map[string]any{}
			for _, k := range mapKeys(pc.Expr) {
				m[k] = nil
			}
			return m, nil
		}
		return nil, nil
	}
	res, err := tx.Run(r.ctx, query, r.env)
	if err != nil {
		return nil, err
	}
	rec, err := res.Single(r.ctx)
	if err != nil {
		return nil, err
	}
	return rec.Values[0], nil
}

// mapKeys returns the keys of a map expression {k: ..., `k2`: ...} (its top level).
func mapKeys(expr string) []string {
	toks, ok := lex(expr)
	if !ok {
		return nil
	}
	var keys []string
	depth := 0
	for i, t := range toks {
		s := expr[t.start:t.end]
		if t.kind == tPunct {
			switch s {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
			continue
		}
		if depth == 1 && i > 0 && i+1 < len(toks) && (t.kind == tWord || t.kind == tName) &&
			(expr[toks[i-1].start:toks[i-1].end] == "{" || expr[toks[i-1].start:toks[i-1].end] == ",") &&
			expr[toks[i+1].start:toks[i+1].end] == ":" {
			if t.kind == tName {
				s = unquoteName(s)
			}
			keys = append(keys, s)
		}
	}
	return keys
}

// unitsSummary says what happened to the transactions of a failed file, e.g.
// "transactions 1-2 committed (statements 1-40), transaction 3 rolled back (statements
// 41-60), 2 not run".
func (r FileReport) unitsSummary() string {
	if !needsPlan(r.Units) || r.FailedUnit == 0 {
		return ""
	}
	var parts []string
	done := r.UnitsDone
	if done > 0 {
		parts = append(parts, fmt.Sprintf("%s committed (statements %d-%d)", span("transaction", 1, done), r.Units[0].First+1, r.Units[done-1].End))
	}
	f := r.Units[r.FailedUnit-1]
	if r.Partial != nil && f.Kind == ModeAutocommit {
		parts = append(parts, fmt.Sprintf("transaction %d stopped in statement %d, partly committed", r.FailedUnit, r.Partial.Statement))
	} else {
		parts = append(parts, fmt.Sprintf("transaction %d rolled back (statements %d-%d)", r.FailedUnit, f.First+1, f.End))
	}
	if rest := len(r.Units) - r.FailedUnit; rest > 0 {
		parts = append(parts, fmt.Sprintf("%s not run", span("transaction", r.FailedUnit+1, len(r.Units))))
	}
	return strings.Join(parts, ", ")
}

func span(what string, a, b int) string {
	if a == b {
		return fmt.Sprintf("%s %d", what, a)
	}
	return fmt.Sprintf("%ss %d-%d", what, a, b)
}
