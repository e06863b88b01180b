package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/server"
)

func runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var conn connFlags
	conn.register(fs)
	addr := fs.String("addr", envOr("BATTERYKG_ADDR", "127.0.0.1:8080"), "listen address (env BATTERYKG_ADDR)")
	migrate := fs.Bool("migrate", true, "apply schema migrations at start-up")
	seed := fs.String("seed", "", "load these Cypher files (a dir) when the graph is empty")
	var cfg server.Config
	var lim cypherc.Limits
	fs.IntVar(&lim.DefaultPage, "default-page", cypherc.DefaultLimits.DefaultPage, "page size when a query gives no `first`")
	fs.IntVar(&lim.MaxPage, "max-page", cypherc.DefaultLimits.MaxPage, "largest page size a query may ask for")
	fs.Int64Var(&cfg.MaxBodyBytes, "max-body", server.Defaults.MaxBodyBytes, "largest request body, in bytes")
	fs.DurationVar(&cfg.RequestTimeout, "request-timeout", server.Defaults.RequestTimeout, "time limit of one request")
	fs.IntVar(&cfg.MaxComplexity, "max-complexity", server.Defaults.MaxComplexity, "largest operation cost")
	fs.IntVar(&cfg.MaxDepth, "max-depth", server.Defaults.MaxDepth, "deepest selection nesting")
	fs.IntVar(&cfg.MaxRootFields, "max-root-fields", server.Defaults.MaxRootFields, "most root fields in one operation")
	fs.IntVar(&cfg.MaxAliases, "max-aliases", server.Defaults.MaxAliases, "most aliases in one operation")
	fs.IntVar(&cfg.MaxTokens, "max-tokens", server.Defaults.MaxTokens, "most tokens in one document")
	fs.IntVar(&cfg.MaxFields, "max-fields", server.Defaults.MaxFields, "most fields in one document, fragments expanded")
	fs.IntVar(&cfg.MaxInputValues, "max-input-values", server.Defaults.MaxInputValues, "most input values (argument literals and variables) in one request")
	fs.IntVar(&cfg.MaxCallerRequests, "max-caller-requests", server.Defaults.MaxCallerRequests, "most /graphql requests one caller (API key, else address) has in flight")
	fs.BoolVar(&cfg.NoCallerLimits, "no-caller-limits", false, "turn the per-caller limits and the heavy lane off (behind a gateway that limits callers, or for load tests from one address)")
	fs.IntVar(&cfg.MaxCallerStatements, "max-caller-statements", server.Defaults.MaxCallerStatements, "most Neo4j statements (root fields) one caller runs at once")
	fs.DurationVar(&cfg.HeavyStatement, "heavy-statement", server.Defaults.HeavyStatement, "callers whose statements average more than this share the heavy lane")
	fs.IntVar(&cfg.HeavyLane, "heavy-lane", server.Defaults.HeavyLane, "Neo4j statements heavy callers may run at once, all together")
	fs.BoolVar(&cfg.Introspection, "introspection", true, "allow schema introspection")
	fs.StringVar(&cfg.AssetsDir, "assets", "web/node_modules", "where GraphiQL's scripts are installed")
	cors := fs.String("cors-origins", envOr("BATTERYKG_CORS_ORIGINS", ""), "comma-separated browser origins allowed to call /graphql (env BATTERYKG_CORS_ORIGINS)")
	fs.IntVar(&cfg.CacheMaxAge, "cache-max-age", 60, "max-age in seconds of cacheable GET query responses (0: off)")
	fs.DurationVar(&cfg.SlowQuery, "slow-query", 500*time.Millisecond, "log operations slower than this (0: off)")
	var af authFlags
	af.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger()
	authn, err := af.authenticator(log)
	if err != nil {
		return err
	}
	cfg.Auth = authn
	if *cors != "" {
		cfg.CORSOrigins = strings.Split(*cors, ",")
	}
	cfg.Metrics = server.NewMetrics()
	server.TuneGC()
	scfg := conn.config()
	scfg.Limits, scfg.OnStatement = lim, cfg.Metrics.ObserveStatement
	scfg.OnAvailability = func(available bool, cause error) {
		if available {
			log.Info("Neo4j answers again: serving", "neo4j", conn.uri)
		} else {
			log.Error("Neo4j is out of reach: requests answer UNAVAILABLE at once until it is back", "neo4j", conn.uri, "err", cause)
		}
	}
	store, err := neo4jstore.Open(scfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())

	// Neo4j may still be starting, or down: the server starts anyway, queries answer
	// UNAVAILABLE until Neo4j answers, and /readyz says 503 until the schema and seed are in.
	prep := &preparation{first: time.Second, log: log, ping: store.Ping}
	prep.steps = append(prep.steps, step{"waiting for Neo4j at " + conn.uri, func(ctx context.Context) error {
		wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		return store.WaitReady(wctx)
	}})
	if *migrate {
		prep.steps = append(prep.steps, step{"schema migrations", func(ctx context.Context) error {
			_, err := store.Migrate(ctx, log)
			return err
		}})
	}
	if *seed != "" {
		seeding := false // once started, a failed load is retried whatever the graph holds: its statements MERGE
		prep.steps = append(prep.steps, step{"loading the seed", func(ctx context.Context) error {
			if !seeding {
				empty, err := store.Empty(ctx)
				if err != nil {
					return err
				}
				if !empty {
					log.Info("graph already holds data; seed not loaded", "dir", *seed)
					return nil
				}
				seeding = true
			}
			return loadSeed(ctx, store, *seed, log)
		}})
	}
	srv := server.NewHTTPServer(server.New(cfg, graph.NewSchema(store), prep, log), cfg)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	base := "http://" + ln.Addr().String()
	log.Info("listening; GraphiQL opens once the database is ready", "addr", ln.Addr().String(), "neo4j", conn.uri)
	prep.onReady = func(took time.Duration) {
		log.Info("ready: serving", "graphiql", base+"/", "explorer", base+"/explore", "graphql", base+"/graphql",
			"took", took.Round(100*time.Millisecond))
	}
	go prep.run(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining in-flight requests")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
