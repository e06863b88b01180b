// Command bench generates synthetic ecosystems and benchmarks batterykg against them: its
// GraphQL API against the same Cypher sent straight through the Go driver, against the Neo4j
// GraphQL Library (bench/neo4j-graphql) on the same Neo4j and data, and the relationship
// queries' cost from 1,000 to 100,000 actors. docs/benchmarks.md has the results and the
// commands that reproduce them.
//
//	go run ./cmd/bench gen --actors 10000 --out /tmp/batterykg-bench/data-10000
//	go run ./cmd/bench load --actors 10000
//	go run ./cmd/bench compare --actors 10000 --sizes 1000,10000,100000
//	go run ./cmd/bench fault --port 7693
//
// Every Neo4j it needs it starts itself (internal/localneo4j: one state folder per size under
// --state, Bolt on --port) and stops before it returns; the data folders stay, so a second
// run does not load again.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage: go run ./cmd/bench <command> [flags]

commands:
  gen      write the Cypher files of a synthetic ecosystem (--actors N --out DIR)
  load     start a Neo4j of its own for N actors, load the files (generating them if needed), stop
  compare  the side-by-side and scale benchmarks (see docs/benchmarks.md)
  fault    20 clients while Neo4j is stopped 10 s and started, then slow 10 s (docs/benchmarks.md)
  serve    batterykg's GraphQL server, as compare runs it (internal)
  floor    an HTTP server that only answers with bytes, compare's HTTP floor (internal)

Run "go run ./cmd/bench <command> -h" for the flags of a command.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "gen":
		err = runGen(args)
	case "load":
		err = runLoad(ctx, args)
	case "compare":
		err = runCompare(ctx, args)
	case "fault":
		err = runFault(ctx, args)
	case "serve":
		err = runServe(ctx, args)
	case "floor":
		err = runFloor(ctx, args)
	case "-h", "-help", "--help", "help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "bench: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
