package server

import (
	"context"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Metrics are the Prometheus metrics served at /metrics.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	errors     *prometheus.CounterVec
	statements *prometheus.HistogramVec
	http       *prometheus.CounterVec
	ops        opNames
}

// NewMetrics registers batterykg's metrics, with the Go runtime's, on a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "batterykg_graphql_operations_total", Help: "GraphQL operations by operation name and outcome (ok, error).",
		}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "batterykg_graphql_operation_seconds", Help: "GraphQL operation latency by operation name.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "batterykg_graphql_errors_total", Help: "GraphQL errors by extensions.code.",
		}, []string{"code"}),
		statements: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "batterykg_neo4j_statement_seconds", Help: "Neo4j statement latency by outcome (ok, error).",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"outcome"}),
		http: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "batterykg_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		ops: opNames{seen: map[string]bool{}},
	}
	m.reg.MustRegister(m.requests, m.latency, m.errors, m.statements, m.http,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Register adds a collector (the Neo4j pool gauges, say) to the registry.
func (m *Metrics) Register(c prometheus.Collector) { m.reg.MustRegister(c) }

// ObserveStatement records one Neo4j statement; it fits neo4jstore.Config.OnStatement.
func (m *Metrics) ObserveStatement(_ string, _ map[string]any, took time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.statements.WithLabelValues(outcome).Observe(took.Seconds())
}

func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// route counts the HTTP requests of one route by status code.
func (m *Metrics) route(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		m.http.WithLabelValues(name, strconv.Itoa(sw.status)).Inc()
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int)        { s.status = code; s.ResponseWriter.WriteHeader(code) }
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// opNames bounds the operation label: names of validated documents beyond the first 200,
// or names that are not plain identifiers, are counted as "other".
type opNames struct {
	mu   sync.Mutex
	seen map[string]bool
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

func (o *opNames) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !identRE.MatchString(name) {
		return "other"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.seen[name] {
		if len(o.seen) >= 200 {
			return "other"
		}
		o.seen[name] = true
	}
	return name
}

// observer is the gqlgen extension that times operations, counts errors by code, and logs
// slow operations by name.
type observer struct {
	m    *Metrics
	log  *slog.Logger
	slow time.Duration
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = observer{}

func (observer) ExtensionName() string                   { return "Observer" }
func (observer) Validate(graphql.ExecutableSchema) error { return nil }

func (o observer) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	// Only the names of documents that parsed and validated become labels: a refused
	// document is "invalid", whatever name it claims.
	name, label := "", "invalid"
	if graphql.HasOperationContext(ctx) {
		if oc := graphql.GetOperationContext(ctx); oc.Operation != nil {
			name = oc.Operation.Name
			label = o.m.ops.label(name)
		}
	}
	took := time.Since(start)
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
		for _, e := range resp.Errors {
			o.m.errors.WithLabelValues(errorCode(e)).Inc()
		}
	}
	o.m.requests.WithLabelValues(label, outcome).Inc()
	o.m.latency.WithLabelValues(label).Observe(took.Seconds())
	if o.slow > 0 && took >= o.slow {
		o.log.WarnContext(ctx, "slow operation", "operation", name, "took", took.Round(time.Millisecond))
	}
	return resp
}

func errorCode(e *gqlerror.Error) string {
	if c, ok := e.Extensions["code"].(string); ok && identRE.MatchString(c) {
		return c
	}
	return "UNKNOWN"
}
