package server

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/batterykg/batterykg/internal/auth"
)

// Fairness: a caller is its API key or JWT subject, else its client address. Each caller
// may have a few requests in flight on /graphql and a few Neo4j statements (root fields, run
// concurrently) at once; the rest wait their turn, so a handful of heavy callers cannot hold
// the driver's connection pool while everyone else gets UNAVAILABLE.

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

// perCallerStatements is the root-field middleware that limits the root fields, each a
// Neo4j statement, that one caller runs at once; the others wait within the request's
// deadline, then fail UNAVAILABLE.
func perCallerStatements(l *keyedLimit) graphql.RootFieldMiddleware {
	return func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
		key, _ := ctx.Value(callerKeyCtx{}).(string)
		if key == "" {
			return next(ctx)
		}
		if !l.acquire(ctx, key) {
			err := gqlerror.Errorf("the server is busy with this caller's other statements; try again")
			err.Extensions = map[string]any{"code": "UNAVAILABLE"}
			graphql.AddError(ctx, err)
			return graphql.Null
		}
		defer l.release(key)
		return next(ctx)
	}
}
