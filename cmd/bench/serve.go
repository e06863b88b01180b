package main

import (
	"context"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"runtime/pprof"
	"time"

	"github.com/batterykg/batterykg/graph"
	"github.com/batterykg/batterykg/internal/cypherc"
	"github.com/batterykg/batterykg/internal/neo4jstore"
	"github.com/batterykg/batterykg/internal/server"
)

// runServe is batterykg's GraphQL server as `batterykg serve` builds it (server.New over
// graph.NewSchema over a neo4jstore.Store, default limits), in a process of its own so that
// compare measures it like the Node server and can profile it alone. It prints
// "listening on URL" once it serves, and stops on SIGINT or SIGTERM, writing the CPU profile.
func runServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	uri := fs.String("uri", "bolt://127.0.0.1:7711", "Neo4j's Bolt URI")
	password := fs.String("password", "batterykg-bench", "Neo4j's password")
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	// Only worse than errors: requests the load generator cuts off at the end of a run are
	// logged as errors (context canceled), and the load generator checks every answer itself.
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError + 4}))
	cfg := server.Config{Metrics: server.NewMetrics(), NoCallerLimits: true} // many clients, one address
	server.TuneGC()
	lim := cypherc.DefaultLimits
	store, err := neo4jstore.Open(neo4jstore.Config{URI: *uri, User: "neo4j", Password: *password,
		Limits: lim, OnStatement: cfg.Metrics.ObserveStatement})
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := store.WaitReady(wctx); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	srv := &http.Server{
		Handler:           server.New(cfg, graph.NewSchema(store), store, log),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	return serveChild(ctx, srv, *addr, "graphql")
}
