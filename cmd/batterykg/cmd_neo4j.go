package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/batterykg/batterykg/internal/localneo4j"
)

func runNeo4j(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: batterykg neo4j start|stop|status|fetch [flags]")
	}
	action, args := args[0], args[1:]
	fs := flag.NewFlagSet("neo4j "+action, flag.ContinueOnError)
	var cfg localneo4j.Config
	fs.StringVar(&cfg.StateDir, "state", envOr("BATTERYKG_NEO4J_STATE", ".state/neo4j"), "instance folder: conf, data, logs, pid")
	fs.StringVar(&cfg.CacheDir, "cache", envOr("BATTERYKG_NEO4J_CACHE", ".state/cache"), "jar cache shared by instances")
	fs.IntVar(&cfg.BoltPort, "port", 7687, "loopback Bolt port")
	fs.StringVar(&cfg.Password, "password", envOr("NEO4J_PASSWORD", ""), "password of user neo4j; empty disables auth (env NEO4J_PASSWORD)")
	fs.StringVar(&cfg.Heap, "heap", localneo4j.DefaultHeap, "JVM heap size")
	fs.StringVar(&cfg.PageCache, "pagecache", localneo4j.DefaultPageCache, "Neo4j page cache size")
	fs.DurationVar(&cfg.StartTimeout, "timeout", localneo4j.DefaultStartTimeout, "how long to wait for Bolt")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.Progress = os.Stderr
	switch action {
	case "fetch":
		lib, err := localneo4j.Fetch(ctx, cfg)
		if err == nil {
			fmt.Println(lib)
		}
		return err
	case "start":
		start := time.Now()
		st, err := localneo4j.Start(ctx, cfg)
		if err != nil {
			return err
		}
		fmt.Printf("neo4j %s running (pid %d) at %s after %s\n", st.Version, st.PID, st.BoltURI, time.Since(start).Round(100*time.Millisecond))
		return nil
	case "stop":
		return localneo4j.Stop(ctx, cfg)
	case "status":
		st := localneo4j.StatusOf(cfg)
		if !st.Running {
			fmt.Println("neo4j not running")
			os.Exit(3)
		}
		fmt.Printf("neo4j %s running (pid %d) at %s, ready=%v, log %s\n", st.Version, st.PID, st.BoltURI, st.Ready, st.LogFile)
		return nil
	}
	return fmt.Errorf("unknown neo4j action %q (start, stop, status, fetch)", action)
}
