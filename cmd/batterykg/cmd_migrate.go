package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
)

func runMigrate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	var conn connFlags
	conn.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, err := conn.store()
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	n, err := store.Migrate(ctx, newLogger())
	if err != nil {
		return err
	}
	fmt.Printf("%d migration(s) applied\n", n)
	keys, err := store.RepairDerived(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("stage coverage recounted, %d name sort key(s) set\n", keys)
	return nil
}

// loadSeed imports the seed files (`serve --seed`, into an empty graph), showing progress on
// stderr.
func loadSeed(ctx context.Context, store *neo4jstore.Store, dir string, log interface{ Info(string, ...any) }) error {
	start := time.Now()
	reports, err := store.Import(ctx, []string{dir}, cypherfile.Options{
		Database: store.Database(), Progress: os.Stderr, Terminal: term.IsTerminal(int(os.Stderr.Fd())),
	})
	if err != nil {
		return err
	}
	var total cypherfile.Counters
	for _, r := range reports {
		total.Add(r.Counters)
	}
	log.Info("seed graph loaded", "files", len(reports), "nodes", total.NodesCreated, "relationships", total.RelationshipsCreated, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
