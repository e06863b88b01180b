// Package server is batterykg's HTTP front: the GraphQL endpoint with its limits, GraphiQL,
// health and readiness probes.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/auth"
	"github.com/batterykg/batterykg/internal/kg"
)

// Config holds the HTTP server's settings and limits.
type Config struct {
	// MaxBodyBytes caps a request body (default 1 MiB).
	MaxBodyBytes int64
	// RequestTimeout bounds a whole request, Neo4j time included (default 15 s).
	RequestTimeout time.Duration
	// MaxComplexity caps an operation's cost, about the number of objects it may return (default 50000; connections cost their page size, plain lists 10).
	MaxComplexity int
	// MaxDepth caps how deep an operation nests selections (default 15: a Relay hop costs
	// two levels, edges and node).
	MaxDepth int
	// MaxRootFields caps the root fields of one operation (default 10); MaxAliases caps its
	// aliases (default 30): each root field is a Neo4j statement, each alias a subquery.
	MaxRootFields, MaxAliases int
	// Document limits, checked before gqlgen validates a document so that refusing one is
	// linear in its size (see docBudget): MaxTokens caps its tokens (default 10000),
	// MaxFields its fields with fragments expanded (default 2000), MaxInputValues the values
	// of its argument literals and variables (default 1000).
	MaxTokens, MaxFields, MaxInputValues int
	// Introspection allows schema introspection (GraphiQL needs it).
	Introspection bool
	// AssetsDir holds GraphiQL's scripts (web/node_modules); when missing, GraphiQL loads
	// them from its CDN.
	AssetsDir string
	// CORSOrigins lists the browser origins allowed to call /graphql ("*" for any); none
	// by default.
	CORSOrigins []string
	// CacheMaxAge is the max-age, in seconds, of cacheable GET query responses (0: no caching).
	CacheMaxAge int
	// SlowQuery logs operations that take longer (0: never).
	SlowQuery time.Duration
	// Metrics, when set, are updated and served at /metrics.
	Metrics *Metrics
	// MaxCallerRequests caps the /graphql requests one caller (API key or JWT subject, else
	// client address) has in flight (default 8; as many more wait, the rest get 429);
	// MaxCallerStatements caps the root fields, each a Neo4j statement, it runs at once
	// (default 4; the others wait within their request's deadline).
	MaxCallerRequests, MaxCallerStatements int
	// HeavyStatement is the average statement time over which a caller counts as heavy
	// (default 250 ms); heavy callers' statements share HeavyLane slots (default 1).
	HeavyStatement time.Duration
	HeavyLane      int
	// NoCallerLimits turns the per-caller limits and the heavy lane off: for a server behind
	// a gateway that does its own, and for load tests that drive it from one address.
	NoCallerLimits bool
	// Auth authenticates bearer tokens on /graphql; nil means every caller is an anonymous
	// reader (writes are then refused).
	Auth *auth.Authenticator
}

// Defaults are the limits a zero Config field takes, and the serve command's flag defaults.
var Defaults = Config{
	MaxBodyBytes:        1 << 20,
	RequestTimeout:      15 * time.Second,
	MaxComplexity:       50000,
	MaxDepth:            15,
	MaxRootFields:       10,
	MaxAliases:          30,
	MaxCallerRequests:   8,
	MaxCallerStatements: 4,
	HeavyStatement:      250 * time.Millisecond,
	HeavyLane:           1,
	MaxTokens:           10000,
	MaxFields:           2000,
	MaxInputValues:      1000,
}

// defaults gives every unset limit its value in Defaults.
func (c *Config) defaults() {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = Defaults.MaxBodyBytes
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = Defaults.RequestTimeout
	}
	if c.MaxComplexity <= 0 {
		c.MaxComplexity = Defaults.MaxComplexity
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = Defaults.MaxDepth
	}
	if c.MaxRootFields <= 0 {
		c.MaxRootFields = Defaults.MaxRootFields
	}
	if c.MaxAliases <= 0 {
		c.MaxAliases = Defaults.MaxAliases
	}
	if c.MaxCallerRequests <= 0 {
		c.MaxCallerRequests = Defaults.MaxCallerRequests
	}
	if c.MaxCallerStatements <= 0 {
		c.MaxCallerStatements = Defaults.MaxCallerStatements
	}
	if c.HeavyStatement <= 0 {
		c.HeavyStatement = Defaults.HeavyStatement
	}
	if c.HeavyLane <= 0 {
		c.HeavyLane = Defaults.HeavyLane
	}
	if c.MaxTokens <= 0 {
		c.MaxTokens = Defaults.MaxTokens
	}
	if c.MaxFields <= 0 {
		c.MaxFields = Defaults.MaxFields
	}
	if c.MaxInputValues <= 0 {
		c.MaxInputValues = Defaults.MaxInputValues
	}
}

// Pinger reports whether the graph database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// New returns the HTTP handler: GraphQL at /graphql, GraphiQL at /, /healthz, /readyz and
// /metrics.
func New(cfg Config, schema graphql.ExecutableSchema, db Pinger, log *slog.Logger) http.Handler {
	cfg.defaults()
	log = WithRequestIDs(log)
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics()
	}
	gql := handler.New(schema)
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(jsonPOST{})
	parsed := newParsedCache()
	gql.SetQueryCache(parsed)
	gql.SetParserTokenLimit(cfg.MaxTokens)
	if cfg.Introspection {
		gql.Use(extension.Introspection{})
	}
	gql.Use(extension.AutomaticPersistedQuery{Cache: newAPQCache()})
	gql.Use(docBudget{maxTokens: cfg.MaxTokens, maxFields: cfg.MaxFields, maxPairs: maxFieldPairs, maxValues: cfg.MaxInputValues, parsed: parsed})
	gql.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	gql.Use(depthLimit{max: cfg.MaxDepth, maxRoots: cfg.MaxRootFields, maxAliases: cfg.MaxAliases})
	gql.Use(observer{m: cfg.Metrics, log: log, slow: cfg.SlowQuery})
	gql.Use(unavailableMarker{})
	if !cfg.NoCallerLimits {
		gate := newStatementGate(cfg.MaxCallerStatements, cfg.HeavyLane, cfg.HeavyStatement, cfg.MaxComplexity/10)
		gql.AroundResponses(gate.responses)
		gql.AroundRootFields(gate.middleware)
	}
	gql.SetErrorPresenter(graph.ErrorPresenter(log))
	gql.SetRecoverFunc(graph.Recover(log))

	var api http.Handler = retryAfter(cacheGET(cfg.CacheMaxAge, graphqlOverHTTP(limit(cfg, gql))))
	if !cfg.NoCallerLimits {
		api = perCaller(newKeyedLimit(cfg.MaxCallerRequests, cfg.MaxCallerRequests), api)
	}
	if cfg.Auth != nil {
		api = cfg.Auth.Middleware(api)
	} else {
		api = anonymousReader(api)
	}
	api = preparingAPI(db, api)
	if len(cfg.CORSOrigins) > 0 {
		api = cors.New(cors.Options{
			AllowedOrigins: cfg.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost},
			AllowedHeaders: []string{"Content-Type", "Authorization", "X-Request-Id"},
			ExposedHeaders: []string{"X-Request-Id", "ETag"},
			MaxAge:         600,
		}).Handler(api)
	}

	mux := http.NewServeMux()
	route := cfg.Metrics.route
	mux.Handle("/graphql", route("graphql", api))
	// With anonymous reads off, /metrics and GraphiQL need credentials like /graphql.
	guard := func(h http.Handler) http.Handler {
		if cfg.Auth != nil {
			return cfg.Auth.Middleware(h)
		}
		return h
	}
	mux.Handle("GET /metrics", route("metrics", guard(cfg.Metrics.handler())))
	mux.Handle("GET /healthz", route("healthz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})))
	mux.Handle("GET /readyz", route("readyz", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := db.Ping(ctx); err != nil {
			log.WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("not ready: " + kg.ErrorMessage(err) + "\n"))
			return
		}
		w.Write([]byte("ready\n"))
	})))
	ui := graphiql(cfg.AssetsDir, log)
	mux.Handle("GET /assets/", guard(ui.assets))
	mux.Handle("GET /{$}", route("graphiql", guard(preparing(db, ui.page))))
	ex := explorer(cfg.AssetsDir, log)
	mux.Handle("GET /explore", route("explore", guard(preparing(db, ex))))
	mux.Handle("GET /explore/", route("explore", guard(ex)))
	return withRequestID(mux)
}

// anonymousReader makes every caller an anonymous reader, when no authenticator is set.
func anonymousReader(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := auth.Principal{Role: auth.RoleReader, Method: auth.MethodAnonymous}
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	})
}

// limit caps the request's time, its body's size and read time, and the values of a JSON
// body (see readBody, refuseValues).
func limit(cfg Config, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), cfg.RequestTimeout)
		defer cancel()
		deadline, _ := ctx.Deadline()
		body, ok := readBody(w, r, cfg.MaxBodyBytes, deadline)
		if !ok || refuseValues(w, r, body, cfg.MaxInputValues) {
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
