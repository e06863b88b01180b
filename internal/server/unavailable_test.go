package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestRetryAfter: a response carrying an UNAVAILABLE error gets `Retry-After`, others none.
func TestRetryAfter(t *testing.T) {
	for code, want := range map[string]string{"UNAVAILABLE": "1", "NOT_FOUND": "", "": ""} {
		h := retryAfter(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			unavailableMarker{}.InterceptResponse(r.Context(), func(context.Context) *graphql.Response {
				resp := &graphql.Response{}
				if code != "" {
					resp.Errors = gqlerror.List{{Message: "x", Extensions: map[string]any{"code": code}}}
				}
				return resp
			})
			w.Write([]byte("{}"))
		}))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", nil))
		if got := rec.Header().Get("Retry-After"); got != want {
			t.Errorf("code %q: Retry-After %q, want %q", code, got, want)
		}
	}
}

type fakePreparer struct{ step atomic.Value }

func (p *fakePreparer) Ping(context.Context) error { return nil }
func (p *fakePreparer) Preparing() string          { return p.step.Load().(string) }

// TestPreparingPage: while the database is prepared, / says what it waits for (503,
// Retry-After) instead of GraphiQL; GraphiQL once it is ready.
func TestPreparingPage(t *testing.T) {
	p := &fakePreparer{}
	p.step.Store("loading the seed")
	h := preparing(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("GraphiQL")) }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if body := rec.Body.String(); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" ||
		!strings.Contains(body, "Preparing the database") || !strings.Contains(body, "loading the seed") || strings.Contains(body, "GraphiQL</") {
		t.Errorf("while preparing: %d %q", rec.Code, body)
	}
	p.step.Store("")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != "GraphiQL" {
		t.Errorf("once ready: %d %q", rec.Code, rec.Body.String())
	}
}

// TestPreparingAPI: while the database is prepared, /graphql answers UNAVAILABLE (503,
// Retry-After, a GraphQL error body) instead of answers from a half-loaded graph; once it is
// ready, the API answers.
func TestPreparingAPI(t *testing.T) {
	p := &fakePreparer{}
	p.step.Store("loading the seed")
	h := preparingAPI(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"data":{}}`)) }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ __typename }"}`)))
	var out struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != http.StatusServiceUnavailable ||
		rec.Header().Get("Retry-After") == "" || len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Errorf("while preparing: %d %q (%v)", rec.Code, rec.Body.String(), err)
	}
	p.step.Store("")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ __typename }"}`)))
	if rec.Code != http.StatusOK || rec.Body.String() != `{"data":{}}` {
		t.Errorf("once ready: %d %q", rec.Code, rec.Body.String())
	}
}
