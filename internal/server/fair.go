package server

import (
	"context"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/batterykg/batterykg/internal/auth"
)

// Fairness: a caller is its API key or JWT subject, else its client address. Each caller
// may have a few requests in flight on /graphql and a few Neo4j statements (root fields, run
// concurrently) at once; the rest wait their turn, so a handful of heavy callers cannot hold
// the driver's connection pool while everyone else gets UNAVAILABLE. Callers whose statements
// are slow share a narrow lane (statementGate), so they cannot take every core of Neo4j
// either.

type callerKeyCtx struct{}

// callerKey names the caller of r.
func callerKey(r *http.Request) string {
	if p := auth.FromContext(r.Context()); !p.Anonymous() && p.Subject != "" {
		return p.Method + ":" + p.Subject
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "addr:" + host
}

// keyedLimit lets each key hold at most max slots at once, with at most queue more waiting.
type keyedLimit struct {
	max, queue int
	mu         sync.Mutex
	keys       map[string]*slots
}

type slots struct {
	sem     chan struct{}
	waiting int
	users   int // holders and waiters; the entry goes when none are left
}

func newKeyedLimit(max, queue int) *keyedLimit {
	return &keyedLimit{max: max, queue: queue, keys: map[string]*slots{}}
}

// acquire takes a slot for key, waiting while ctx lasts; it reports false when the queue is
// full or ctx ended first. A true answer must be followed by release.
func (l *keyedLimit) acquire(ctx context.Context, key string) bool {
	l.mu.Lock()
	s := l.keys[key]
	if s == nil {
		s = &slots{sem: make(chan struct{}, l.max)}
		l.keys[key] = s
	}
	select {
	case s.sem <- struct{}{}:
		s.users++
		l.mu.Unlock()
		return true
	default:
	}
	if s.waiting >= l.queue {
		l.mu.Unlock()
		return false
	}
	s.waiting++
	s.users++
	l.mu.Unlock()
	var ok bool
	select {
	case s.sem <- struct{}{}:
		ok = true
	case <-ctx.Done():
	}
	l.mu.Lock()
	s.waiting--
	if !ok {
		l.drop(key, s)
	}
	l.mu.Unlock()
	return ok
}

func (l *keyedLimit) release(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.keys[key]
	<-s.sem
	l.drop(key, s)
}

// drop forgets a user of s; l.mu is held.
func (l *keyedLimit) drop(key string, s *slots) {
	if s.users--; s.users == 0 {
		delete(l.keys, key)
	}
}

// perCaller limits the /graphql requests each caller has in flight; a request past the
// limit and its queue answers 429 with Retry-After.
func perCaller(l *keyedLimit, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		key := callerKey(r)
		if !l.acquire(r.Context(), key) {
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"errors":[{"message":"too many requests in flight from this caller (limit ` +
				strconv.Itoa(l.max) + `)","extensions":{"code":"TOO_MANY_REQUESTS"}}]}` + "\n"))
			return
		}
		defer l.release(key)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), callerKeyCtx{}, key)))
	})
}

// statementGate is the root-field middleware's state: the per-caller limit, and the heavy
// lane. A caller whose statements have lately taken long (an average over its recent root
// fields above heavy) runs them through a lane of lane slots shared by all such callers, so
// that a few callers sending the costliest documents the limits allow take at most that many
// of Neo4j's cores, and a caller with quick statements never waits behind them.
type statementGate struct {
	perCaller *keyedLimit
	heavy     time.Duration
	bigCost   int
	lane      chan struct{}
	mu        sync.Mutex
	cost      map[string]*callerCost
	sweep     time.Time
	next      uint64
}

// callerCost is a caller's statement time, a moving average over its recent root fields,
// and its shares of the server: of Neo4j (its statements) and of the whole (its operations).
type callerCost struct {
	avg     time.Duration
	seen    time.Time
	running map[uint64]time.Time // statements in flight, by start
	stmts   share
	// ops counts an operation from the wait for the lane, if any, to the encoded answer.
	ops        share
	opsRunning map[uint64]time.Time // operations in flight, by start
}

// share is the time a caller's statements or operations take per second of wall time: the
// time of the finished ones, decayed by e every usageWindow, and of those in flight.
type share struct {
	busy float64 // seconds, as of at
	at   time.Time
}

// usageWindow is the time constant of a share.
const usageWindow = 2 * time.Second

// rate returns the share around now, with those in flight (running, by start).
func (s *share) rate(now time.Time, running map[uint64]time.Time) float64 {
	busy := s.busy * math.Exp(-now.Sub(s.at).Seconds()/usageWindow.Seconds())
	for _, start := range running {
		busy += now.Sub(start).Seconds()
	}
	return busy / usageWindow.Seconds()
}

// add counts one finished statement or operation, from start to end.
func (s *share) add(start, end time.Time) {
	s.busy = s.busy*math.Exp(-end.Sub(s.at).Seconds()/usageWindow.Seconds()) + end.Sub(start).Seconds()
	s.at = end
}

// Busy callers: a caller whose statements take a share of Neo4j above busyShare (in
// statement-seconds per second: a caller with one statement always in flight has 1) and
// average over busyStatement is heavy too. Ten callers with medium statements (neighbourhoods,
// pages of 300 with their projects: 20–100 ms each) kept every core busy without any of
// them passing the heavy statement time; a quick client (a few ms a statement) never
// reaches busyStatement, however often it asks.
const (
	busyShare     = 0.5
	busyStatement = 20 * time.Millisecond
)

func newStatementGate(perCaller, lane int, heavy time.Duration, bigCost int) *statementGate {
	return &statementGate{perCaller: newKeyedLimit(perCaller, 1<<20), heavy: heavy, bigCost: bigCost,
		lane: make(chan struct{}, lane), cost: map[string]*callerCost{}}
}

// isHeavy reports whether key's recent statements were slow, or one of its statements in
// flight has already run longer than heavy, or it is new (no statement finished yet) and
// has one running. The average of a caller with nothing running
// halves for every second since its last statement, so that one slow statement on a busy
// server does not keep a quick caller in the lane.
func (g *statementGate) isHeavy(key string) bool { return g.heavyCaller(key, true) }

// heavyCaller is isHeavy, with the rule for new callers when fresh: responses leaves it out,
// as a new caller's operations may be quick, and their statements are laned anyway.
func (g *statementGate) heavyCaller(key string, fresh bool) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.cost[key]
	if c == nil {
		return false
	}
	if c.avg < 0 {
		// new caller: one statement at a time until it proves quick
		return fresh && len(c.running) > 0
	}
	for _, start := range c.running {
		if time.Since(start) > g.heavy {
			return true
		}
	}
	avg := c.avg
	if len(c.running) == 0 {
		avg = time.Duration(float64(avg) * math.Exp2(-time.Since(c.seen).Seconds()))
	}
	return avg > g.heavy || (avg > busyStatement && c.stmts.rate(time.Now(), c.running) > busyShare)
}

// operationShare is key's operations' share of the server (opShare).
func (g *statementGate) operationShare(key string) float64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	if c := g.cost[key]; c != nil {
		return c.ops.rate(time.Now(), c.opsRunning)
	}
	return 0
}

// startOperation records that an operation of key began; done adds its time to key's share.
func (g *statementGate) startOperation(key string) (done func()) {
	now := time.Now()
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.caller(key)
	g.next++
	id := g.next
	c.opsRunning[id] = now
	return func() {
		end := time.Now()
		g.mu.Lock()
		defer g.mu.Unlock()
		delete(c.opsRunning, id)
		c.ops.add(now, end)
		g.cost[key] = c
	}
}

// caller returns key's entry, made when new; g.mu is held.
func (g *statementGate) caller(key string) *callerCost {
	c := g.cost[key]
	if c == nil {
		c = &callerCost{avg: -1, running: map[uint64]time.Time{}, opsRunning: map[uint64]time.Time{}}
		g.cost[key] = c
	}
	return c
}

// start records that a statement of key began; done gives its time to key's average
// (weight 1/4). Callers idle for a minute are forgotten.
func (g *statementGate) start(key string) (done func()) {
	now := time.Now()
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.caller(key)
	g.next++
	id := g.next
	c.running[id] = now
	if now.Sub(g.sweep) > time.Minute {
		g.sweep = now
		for k, c := range g.cost {
			if len(c.running) == 0 && len(c.opsRunning) == 0 && now.Sub(c.seen) > time.Minute && now.Sub(c.ops.at) > time.Minute {
				delete(g.cost, k)
			}
		}
	}
	return func() {
		took := time.Since(now)
		g.mu.Lock()
		defer g.mu.Unlock()
		delete(c.running, id)
		c.stmts.add(now, now.Add(took))
		if c.avg < 0 {
			c.avg = took
		} else {
			c.avg += (took - c.avg) / 4
		}
		c.seen = time.Now()
		g.cost[key] = c
	}
}

// laneHeldCtx marks an operation that holds a lane slot (responses): its statements run one
// at a time through the operation's own slot, the channel it holds.
type laneHeldCtx struct{}

// responses sends heavy operations through the lane as a whole, execution and encoding of the
// answer included (heavy answers are big, and their encoding, outside the lane, took the
// other core from quick callers): those of callers whose statements are heavy (isHeavy), and
// big ones (priced at bigCost or more: a hub walk, thousands of objects) from a caller that
// keeps the server busy (its operations' share above busyShare). An operation that cannot get
// a slot before its deadline goes on without one; its statements then fail UNAVAILABLE in
// middleware.
func (g *statementGate) responses(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	key, _ := ctx.Value(callerKeyCtx{}).(string)
	// Errors before execution (a document that does not parse or validate) come here too,
	// without an operation.
	if key == "" || !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	big := false
	if st := extension.GetComplexityStats(ctx); st != nil {
		big = st.Complexity >= g.bigCost
	}
	laned := g.heavyCaller(key, false) || (big && g.operationShare(key) > busyShare)
	// The share counts the wait for the lane: a caller always waiting or running keeps
	// its share, so it stays in the lane rather than alternating in and out of it.
	defer g.startOperation(key)()
	if laned {
		select {
		case g.lane <- struct{}{}:
			defer func() { <-g.lane }()
			ctx = context.WithValue(ctx, laneHeldCtx{}, make(chan struct{}, 1))
		case <-ctx.Done():
		}
	}
	return next(ctx)
}

// middleware limits the root fields, each a Neo4j statement, that one caller runs at once,
// and sends the statements of heavy callers through the lane (one at a time through their
// operation's slot when the operation holds one); a statement that cannot start before its
// request's deadline fails UNAVAILABLE.
func (g *statementGate) middleware(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	key, _ := ctx.Value(callerKeyCtx{}).(string)
	if key == "" {
		return next(ctx)
	}
	busy := func() graphql.Marshaler {
		err := gqlerror.Errorf("the server is busy with this caller's other statements; try again later")
		err.Extensions = map[string]any{"code": "UNAVAILABLE"}
		graphql.AddError(ctx, err)
		return graphql.Null
	}
	if !g.perCaller.acquire(ctx, key) {
		return busy()
	}
	defer g.perCaller.release(key)
	if own, ok := ctx.Value(laneHeldCtx{}).(chan struct{}); ok {
		select {
		case own <- struct{}{}:
			defer func() { <-own }()
		case <-ctx.Done():
			return busy()
		}
	} else if g.isHeavy(key) {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
	wait:
		for {
			select {
			case g.lane <- struct{}{}:
				defer func() { <-g.lane }()
				break wait
			case <-ctx.Done():
				return busy()
			case <-tick.C:
				if !g.isHeavy(key) { // it has cooled down while waiting
					break wait
				}
			}
		}
	}
	defer g.start(key)()
	return next(ctx)
}
