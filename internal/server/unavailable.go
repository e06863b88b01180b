package server

import (
	"context"
	"html"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/batterykg/batterykg/internal/kg"
)

// RetryAfter is the hint a response carrying UNAVAILABLE gives in its Retry-After header:
// the store probes Neo4j several times a second while it is out of reach.
const RetryAfter = time.Second

// Preparer is a Pinger that readies the database in the background: while Preparing
// returns what it is doing, GraphiQL's page says so instead of GraphiQL answering errors.
type Preparer interface {
	Preparing() string
}

type unavailableKey struct{}

// retryAfter adds `Retry-After` to the responses that carry an UNAVAILABLE error, which
// unavailableMarker notes in the request's context.
func retryAfter(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mark := new(atomic.Bool)
		rw := &retryAfterWriter{ResponseWriter: w, mark: mark}
		next.ServeHTTP(rw, r.WithContext(context.WithValue(r.Context(), unavailableKey{}, mark)))
	})
}

type retryAfterWriter struct {
	http.ResponseWriter
	mark  *atomic.Bool
	wrote bool
}

func (w *retryAfterWriter) hint() {
	if !w.wrote {
		w.wrote = true
		if w.mark.Load() {
			w.Header().Set("Retry-After", strconv.Itoa(int(RetryAfter/time.Second)))
		}
	}
}

func (w *retryAfterWriter) WriteHeader(status int) {
	w.hint()
	w.ResponseWriter.WriteHeader(status)
}

func (w *retryAfterWriter) Write(p []byte) (int, error) {
	w.hint()
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *retryAfterWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// unavailableMarker notes in the request's context that the response carries an
// UNAVAILABLE error, for retryAfter.
type unavailableMarker struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = unavailableMarker{}

func (unavailableMarker) ExtensionName() string                   { return "UnavailableMarker" }
func (unavailableMarker) Validate(graphql.ExecutableSchema) error { return nil }
func (unavailableMarker) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	mark, _ := ctx.Value(unavailableKey{}).(*atomic.Bool)
	if resp == nil || mark == nil {
		return resp
	}
	for _, e := range resp.Errors {
		if e.Extensions["code"] == kg.EUNAVAILABLE {
			mark.Store(true)
			break
		}
	}
	return resp
}

// preparingAPI answers GraphQL requests UNAVAILABLE (503, Retry-After) while db is still being
// prepared: with the schema half applied or the seed half loaded, answers would be wrong
// rather than late (a search sent during make run's seed load answered an empty list).
// /readyz says the same to a load balancer; the step is not named, as it may name the
// database's address.
func preparingAPI(db Pinger, api http.Handler) http.Handler {
	p, ok := db.(Preparer)
	if !ok {
		return api
	}
	body := []byte(`{"errors":[{"message":"the database is being prepared; try again shortly","extensions":{"code":"UNAVAILABLE"}}]}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.Preparing() == "" {
			api.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Retry-After", strconv.Itoa(int(RetryAfter/time.Second)))
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write(body)
	})
}

// preparing serves, instead of page, a short page saying what the database is waiting for
// while db is still being prepared; it reloads itself once /readyz says ready.
func preparing(db Pinger, page http.Handler) http.Handler {
	p, ok := db.(Preparer)
	if !ok {
		return page
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		step := p.Preparing()
		if step == "" {
			page.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Retry-After", strconv.Itoa(int(RetryAfter/time.Second)))
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>batterykg: preparing the database</title>
<style>body{font-family:system-ui,sans-serif;margin:4em auto;max-width:36em;color:#333}</style></head><body>
<h1>Preparing the database</h1>
<p id="step">` + html.EscapeString(step) + `…</p>
<p>This page opens by itself as soon as the database is ready.</p>
<script>(function poll(){fetch('/readyz',{cache:'no-store'}).then(function(r){
if(r.ok){location.reload();return}
return r.text().then(function(t){document.getElementById('step').textContent=t.replace(/^not ready: (preparing the database: )?/,'').trim()+'…';setTimeout(poll,1000)})
}).catch(function(){setTimeout(poll,1000)})})();</script>
</body></html>
`))
	})
}
