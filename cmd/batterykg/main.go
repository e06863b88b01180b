// Command batterykg serves the battery value-chain knowledge graph over GraphQL and gives data
// stewards their tools: import, validate, export, migrate, and a local Neo4j.
//
//	batterykg serve     [flags]            GraphQL at /graphql, GraphiQL at /
//	batterykg migrate   [flags]            apply the schema migrations
//	batterykg import    [flags] FILE|DIR…  run Cypher import files
//	batterykg validate  [--json] [--strict] data-quality checks on the loaded graph
//	batterykg export    [--out FILE]       the graph as an idempotent Cypher import file
//	batterykg neo4j     start|stop|status  a local Neo4j from Maven Central
//	batterykg hash-key  [--generate]       hash an API key for the keys file
//
// `batterykg COMMAND -h` lists a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	signalled := ctx.Err() != nil
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "batterykg:", err)
		if signalled {
			os.Exit(130) // as a shell reports a command ended by Ctrl-C
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usage()
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, args)
	case "migrate":
		return runMigrate(ctx, args)
	case "import":
		return runImport(ctx, args)
	case "neo4j":
		return runNeo4j(ctx, args)
	case "hash-key":
		return runHashKey(ctx, args)
	case "validate":
		return runValidate(ctx, args)
	case "export":
		return runExport(ctx, args)
	case "help", "-h", "--help":
		usage()
		return nil
	}
	usage()
	return fmt.Errorf("unknown command %q", cmd)
}

func usage() error {
	fmt.Fprint(os.Stderr, `usage: batterykg COMMAND [flags]

commands:
  serve     serve GraphQL at /graphql and GraphiQL at /
  migrate   apply the schema migrations to Neo4j
  import    run Cypher import files (FILE|DIR...)
  validate  data-quality checks on the graph (--json, --strict); exit 1 on errors
  export    write the graph as an idempotent Cypher import file (--out FILE), or as
            GraphML, CSV or JSON for graph tools (--format graphml|csv|json)
  neo4j     start|stop|status a local Neo4j fetched from Maven Central
  hash-key  hash an API key (read from stdin) for the keys file, or --generate one

Run 'batterykg COMMAND -h' for a command's flags.
`)
	return flag.ErrHelp
}

// newLogger returns the structured logger all commands use.
func newLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// envOr returns the environment variable k, or def when it is unset.
func envOr(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
