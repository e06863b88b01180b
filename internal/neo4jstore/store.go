// Package neo4jstore runs the API's statements on Neo4j and holds the data stewards' tools.
// store.go wraps the driver (sessions, timeouts, driver errors turned into kg errors);
// query.go runs what internal/cypherc compiles for each root field and mutation. The
// stewards' tools do not use the compiler: validate.go (data-quality checks), export.go
// (the graph as Cypher import files) and migrate.go (schema migrations). The importer
// (internal/cypherfile), the benchmarks and the test helpers open sessions of their own.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/kg"
	"github.com/batterykg/batterykg/internal/memo"
)

// Config says where Neo4j is and how to talk to it.
type Config struct {
	URI      string // bolt://host:port for one server, neo4j://host:port for a routed cluster
	User     string
	Password string // empty: no authentication
	Database string // default "neo4j"
	// QueryTimeout bounds every statement when the context has no earlier deadline.
	QueryTimeout time.Duration
	// Limits bounds page sizes and filters (DefaultLimits when zero).
	Limits cypherc.Limits
	// OnStatement, when set, is called with every statement the store sends (tests count
	// them; metrics time them).
	OnStatement func(cypher string, params map[string]any, took time.Duration, err error)
	// OnAvailability, when set, is called when Neo4j is found gone (with the probe's error)
	// and when it answers again (with nil).
	OnAvailability func(available bool, cause error)
}

// maintenanceTimeout bounds each statement of the store's own upkeep (schema migrations,
// the stage coverage recount) instead of Config.QueryTimeout, which is a request's limit:
// that work reads the whole graph, about ten seconds at a million actors.
const maintenanceTimeout = 10 * time.Minute

// maintenanceKey marks a context as the store's upkeep (see maintenanceTimeout).
type maintenanceKey struct{}

func maintenance(ctx context.Context) context.Context {
	return context.WithValue(ctx, maintenanceKey{}, true)
}

// Store runs the API's queries against Neo4j.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	limits cypherc.Limits
	avail  *availability
	// statements keeps compiled queries by fingerprint (kg.Field.Fingerprint): a dashboard
	// sends the same operations again and again.
	statements *memo.Cache[cypherc.Statement]
	// stageSearch holds the one search through stages that may run in Neo4j (readWithin).
	stageSearch chan struct{}
	// primed keeps the texts of the path searches run once (readBounded).
	primed *memo.Cache[struct{}]
	// plugin caches whether the database has the batterykg plugin (hasPlugin).
	plugin atomic.Int32
}

// statementsWeight bounds the compiled statements kept (bytes, about); primedWeight the
// texts of the path searches run once.
const statementsWeight, primedWeight = 32 << 20, 4 << 20

// Open creates a driver for cfg. It does not wait for Neo4j: the server starts and reports
// readiness (Ping) even while Neo4j is still down.
func Open(cfg Config) (*Store, error) {
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	d, err := newDriver(cfg)
	if err != nil {
		return nil, err
	}
	s := &Store{driver: d, cfg: cfg, limits: cfg.Limits, statements: memo.New[cypherc.Statement](statementsWeight),
		primed:      memo.New[struct{}](primedWeight),
		stageSearch: make(chan struct{}, 1)}
	s.avail = newAvailability(s.probe, cfg.OnAvailability, probeTimeout)
	return s, nil
}

// newDriver returns a driver for cfg's URI and credentials, as Open configures it;
// it does not connect yet.
func newDriver(cfg Config) (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.MaxConnectionPoolSize = 50
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		c.MaxTransactionRetryTime = 5 * time.Second
	})
	if err != nil {
		return nil, kg.Wrap(kg.EINVALID, fmt.Sprintf("bad Neo4j URI %q", cfg.URI), err)
	}
	return d, nil
}

// Driver exposes the underlying driver for tools (the importer, exporter, benchmarks).
func (s *Store) Driver() neo4j.DriverWithContext { return s.driver }

// Database is the Neo4j database the store uses.
func (s *Store) Database() string { return s.cfg.Database }

// DefaultPage is the page size of a connection queried without `first`.
func (s *Store) DefaultPage() int { return s.limits.Or(cypherc.DefaultLimits).DefaultPage }

// Close stops the availability probe and closes the driver.
func (s *Store) Close(ctx context.Context) error {
	s.avail.close()
	return s.driver.Close(ctx)
}

// Available reports whether Neo4j is thought within reach; while it is not, every statement
// answers UNAVAILABLE at once and a probe watches for Neo4j's return.
func (s *Store) Available() bool { return s.avail.available() }

// Ping checks that Neo4j answers, on the store's database. While Neo4j is known out of
// reach it answers UNAVAILABLE at once; a ping that cannot connect makes the store probe.
func (s *Store) Ping(ctx context.Context) error {
	if !s.avail.available() {
		return unavailableError("the graph database is unavailable", neo4j.AccessModeRead, false, nil)
	}
	if err := s.probe(ctx); err != nil {
		s.avail.observe(err)
		return translate(err)
	}
	return nil
}

// probe runs one auto-commit `RETURN 1` on the store's database: no retries, so a refused
// connection shows at once.
func (s *Store) probe(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, "RETURN 1", nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// WaitReady pings until Neo4j answers or ctx ends.
func (s *Store) WaitReady(ctx context.Context) error {
	for {
		err := s.Ping(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// read runs one read statement in a read transaction (routed to followers on a cluster)
// and returns its records.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return s.run(ctx, neo4j.AccessModeRead, cypher, params, nil)
}

// write runs one statement in a managed write transaction.
func (s *Store) write(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	return s.run(ctx, neo4j.AccessModeWrite, cypher, params, nil)
}

// autocommit runs one write statement in an auto-commit transaction, which CALL { ... } IN
// TRANSACTIONS needs, with the store's upkeep timeout, and returns its records. It is for
// the store's upkeep only: a failure is not retried.
func (s *Store) autocommit(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if !s.avail.available() {
		return nil, unavailableError("the graph database is unavailable", neo4j.AccessModeWrite, false, nil)
	}
	ctx, done := s.avail.track(ctx)
	defer done()
	ctx, cancel := context.WithTimeout(ctx, maintenanceTimeout)
	defer cancel()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, cypher, params, neo4j.WithTxTimeout(maintenanceTimeout))
	var recs []*neo4j.Record
	if err == nil {
		recs, err = res.Collect(ctx)
	}
	if err != nil {
		s.avail.observe(err)
		return nil, translate(err)
	}
	return recs, nil
}

// runAll runs the statements of sts in order in one transaction and returns the records
// of the first.
func runAll(ctx context.Context, tx neo4j.ManagedTransaction, sts []cypherc.Statement) ([]*neo4j.Record, error) {
	var first []*neo4j.Record
	for i, st := range sts {
		res, err := tx.Run(ctx, st.Cypher, st.Params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = recs
		}
	}
	return first, nil
}

// thenFunc is what run does in the transaction after its statement, given its records.
type thenFunc func(ctx context.Context, tx neo4j.ManagedTransaction, recs []*neo4j.Record) error

// run runs one statement in a transaction of mode (managed, but for a read with no then:
// auto-commit, see runTx); then, when not nil, runs in the same transaction after it.
func (s *Store) run(ctx context.Context, mode neo4j.AccessMode, cypher string, params map[string]any,
	then thenFunc) ([]*neo4j.Record, error) {
	return s.runTx(ctx, mode, cypher, params, then, 0)
}

// runTx is run; a txTimeout > 0 is the transaction's timeout in Neo4j, while the driver waits
// for the answer until ctx's deadline, which may be later (and QueryTimeout does not cap).
func (s *Store) runTx(ctx context.Context, mode neo4j.AccessMode, cypher string, params map[string]any,
	then thenFunc, txTimeout time.Duration) ([]*neo4j.Record, error) {
	if !s.avail.available() {
		return nil, unavailableError("the graph database is unavailable", mode, false, nil)
	}
	ctx, done := s.avail.track(ctx)
	defer done()
	timeout := s.cfg.QueryTimeout
	if ctx.Value(maintenanceKey{}) != nil {
		timeout = maintenanceTimeout
	}
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl); left < timeout || txTimeout > 0 {
			timeout = left
		}
	}
	if timeout <= 0 {
		return nil, kg.Wrap(kg.EUNAVAILABLE, "request deadline exceeded", context.DeadlineExceeded)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if txTimeout > 0 {
		timeout = max(txTimeout, time.Millisecond) // the driver sends whole milliseconds; 0 would be none
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: mode})
	defer sess.Close(context.WithoutCancel(ctx))
	committing := false // the work of the last attempt is done: its commit comes next
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		committing = false
		recs, err := runAll(ctx, tx, []cypherc.Statement{{Cypher: cypher, Params: params}})
		if err == nil && then != nil {
			err = then(ctx, tx, recs)
		}
		if err != nil {
			s.avail.observe(err)
			return nil, err
		}
		committing = true
		return recs, nil
	}
	start := time.Now()
	var out any
	var err error
	cfg := neo4j.WithTxTimeout(timeout)
	switch {
	case mode == neo4j.AccessModeRead && then == nil:
		// One read statement: auto-commit spares the COMMIT's round trip (0.2–0.3 ms of a
		// 1–2 ms request); what the driver would retry is sent again as a managed read.
		out, err = readOnce(ctx, sess, cypher, params, cfg)
		if err != nil && neo4j.IsRetryable(err) && ctx.Err() == nil {
			out, err = sess.ExecuteRead(ctx, work, cfg)
		}
	case mode == neo4j.AccessModeRead:
		out, err = sess.ExecuteRead(ctx, work, cfg)
	default:
		out, err = sess.ExecuteWrite(ctx, work, cfg)
	}
	if s.cfg.OnStatement != nil {
		s.cfg.OnStatement(cypher, params, time.Since(start), err)
	}
	if err != nil {
		s.avail.observe(err)
		switch {
		case errors.Is(context.Cause(ctx), errGone):
			return nil, unavailableError("the graph database went away", mode, committing, err)
		case errors.Is(ctx.Err(), context.DeadlineExceeded), pastDeadline(ctx):
			// (the driver's socket deadline is the context's: its error, a timeout or a
			// handshake cut short, may come a hair before the context's own timer)
			return nil, unavailableError(msgTimedOut, mode, committing, err)
		}
		err = translate(err)
		if kg.ErrorCode(err) == kg.EUNAVAILABLE {
			return nil, unavailableError(kg.ErrorMessage(err), mode, committing, err)
		}
		return nil, err
	}
	return out.([]*neo4j.Record), nil
}

// readOnce runs one read statement in an auto-commit transaction of sess and returns its
// records: the whole answer is collected before it counts, as in a managed transaction.
func readOnce(ctx context.Context, sess neo4j.SessionWithContext, cypher string, params map[string]any,
	cfg func(*neo4j.TransactionConfig)) (any, error) {
	res, err := sess.Run(ctx, cypher, params, cfg)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// pastDeadline reports whether ctx has a deadline that has passed.
func pastDeadline(ctx context.Context) bool {
	dl, ok := ctx.Deadline()
	return ok && !time.Now().Before(dl)
}

// msgTimedOut is the message of a statement that ran into its time limit (QueryTimeout or
// the request's deadline).
const msgTimedOut = "query timed out"

// timedOut reports whether err is a statement running into its time limit.
func timedOut(err error) bool {
	return kg.ErrorCode(err) == kg.EUNAVAILABLE && kg.ErrorMessage(err) == msgTimedOut
}

// translate turns a driver error into a kg error: Neo4j out of reach or overloaded is
// UNAVAILABLE, a timeout says so, anything else is INTERNAL (its text stays in the logs).
func translate(err error) error {
	var ke *kg.Error
	var ne *neo4j.Neo4jError
	var conn *neo4j.ConnectivityError
	switch {
	case errors.As(err, &ke):
		return err
	case errors.Is(err, context.DeadlineExceeded):
		return kg.Wrap(kg.EUNAVAILABLE, msgTimedOut, err)
	case errors.Is(err, context.Canceled):
		return kg.Wrap(kg.EUNAVAILABLE, "request cancelled", err)
	case errors.As(err, &conn), neo4j.IsConnectivityError(err):
		return kg.Wrap(kg.EUNAVAILABLE, "the graph database is unavailable", err)
	case errors.As(err, &ne):
		switch {
		case ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut",
			ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
			return kg.Wrap(kg.EUNAVAILABLE, msgTimedOut, err)
		case ne.Classification() == "TransientError":
			return kg.Wrap(kg.EUNAVAILABLE, "the graph database is busy, try again", err)
		case ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return kg.Wrap(kg.ECONFLICT, "conflicts with existing data", err)
		case ne.Code == "Neo.ClientError.Statement.EntityNotFound":
			// another transaction deleted a node or relationship this one had found
			return kg.Wrap(kg.ECONFLICT, "a node or relationship it needed was deleted meanwhile; try again", err)
		}
	case neo4j.IsTransactionExecutionLimit(err):
		return kg.Wrap(kg.EUNAVAILABLE, "the graph database is unavailable", err)
	}
	return kg.Wrap(kg.EINTERNAL, "internal error", err)
}

// Empty reports whether the graph holds no data (schema bookkeeping aside).
func (s *Store) Empty(ctx context.Context) (bool, error) {
	recs, err := s.read(ctx, "RETURN NOT EXISTS { MATCH (n) WHERE NOT n:SchemaMigration } AS empty", nil)
	if err != nil {
		return false, err
	}
	v, _ := recs[0].Get("empty")
	b, _ := v.(bool)
	return b, nil
}
