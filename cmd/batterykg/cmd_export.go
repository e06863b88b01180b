package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/batterykg/batterykg/internal/graphformat"
	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// runExport is `batterykg export [flags]`: it writes the whole graph as an idempotent
// Cypher import file (see neo4jstore.Store.Export) to --out or standard output. Progress
// and a summary go to stderr.
func runExport(ctx context.Context, args []string) error {
	return exportCmd(ctx, args, os.Stdout, os.Stderr)
}

func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: batterykg export [flags]

Writes the graph as a Cypher file of MERGE statements, in UNWIND batches of literal rows,
that 'batterykg import' (or cypher-shell) loads into a graph with the schema migrations
applied; loading it twice changes nothing. Nodes come first, by label and id, then
relationships, so two exports of the same graph are identical.

With --format graphml, csv or json it writes the graph for graph tools instead (Gephi,
Cytoscape desktop, networkx): GraphML or JSON to --out FILE or standard output; CSV as two
files, nodes.csv and edges.csv, in the directory --out DIR.

flags:
`)
		fs.PrintDefaults()
	}
	var conn connFlags
	conn.registerTool(fs)
	out := fs.String("out", "", "write the export to `FILE` (replaced only when the export succeeds); default standard output")
	pageSize := fs.Int("page-size", 1000, "nodes read per statement")
	quiet := fs.Bool("quiet", false, "no progress or summary on stderr")
	format := fs.String("format", "cypher", "`FORMAT` of the export: cypher (an import file), graphml, csv or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "cypher" && !slices.Contains(graphformat.Formats, *format) {
		return fmt.Errorf("export: --format %q: want cypher, %s", *format, strings.Join(graphformat.Formats, ", "))
	}
	if *format == "csv" && *out == "" {
		return fmt.Errorf("export: --format csv writes two files (nodes.csv, edges.csv): give the directory with --out DIR")
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("export: unexpected argument %q (use --out FILE)", fs.Arg(0))
	}
	if *pageSize <= 0 {
		return fmt.Errorf("export: --page-size %d: must be positive", *pageSize)
	}

	store, err := conn.open(ctx, "export")
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))

	if *format != "cypher" {
		return exportFormat(ctx, store, *format, *out, *pageSize, *quiet, stdout, stderr)
	}
	opts := neo4jstore.ExportOptions{PageSize: *pageSize}
	if !*quiet {
		opts.Progress = stderr
	}
	start := time.Now()
	var stats neo4jstore.ExportStats
	dest := "standard output"
	if *out == "" {
		stats, err = store.Export(ctx, stdout, opts)
	} else {
		dest = *out
		stats, err = exportToFile(ctx, store, *out, opts)
	}
	if err != nil {
		return err
	}
	if !*quiet {
		dup := ""
		if stats.DuplicateRelationships > 0 {
			dup = fmt.Sprintf(" (%d of them duplicates of one type between the same nodes)", stats.DuplicateRelationships)
		}
		fmt.Fprintf(stderr, "export: %d nodes and %d relationships%s written to %s in %s\n",
			stats.Nodes, stats.Relationships, dup, dest, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// exportToFile exports into a temporary file next to path and renames it to path when the
// export succeeded, so a failed export never leaves a truncated file in place of a good one.
func exportToFile(ctx context.Context, store *neo4jstore.Store, path string, opts neo4jstore.ExportOptions) (neo4jstore.ExportStats, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return neo4jstore.ExportStats{}, fmt.Errorf("export: %w", err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	stats, err := store.Export(ctx, f, opts)
	if err != nil {
		return stats, err
	}
	if err := f.Chmod(0o644); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	if err := f.Close(); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return stats, fmt.Errorf("export: %w", err)
	}
	done = true
	return stats, nil
}
