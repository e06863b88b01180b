package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/batterykg/batterykg/internal/cypherfile"
)

// runImport is `batterykg import [flags] FILE|DIR...`: it runs the data stewards' Cypher
// files (see package cypherfile and docs/importer.md) and prints a report line per file and a
// total. Progress goes to stderr, as a bar when stderr is a terminal.
func runImport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: batterykg import [flags] FILE|DIR...

Runs Cypher files (cypher-shell format: statements separated by ';', :param commands).
A directory stands for its *.cypher files in name order. Each file is one transaction
unless --batch is given; a file of schema commands (CREATE/DROP INDEX/CONSTRAINT) or of
CALL {...} IN TRANSACTIONS statements must hold nothing else.

flags:
`)
		fs.PrintDefaults()
	}
	batch := fs.Int("batch", 0, "commit every `N` statements instead of once per file (0: one transaction per file)")
	resume := fs.Int("resume-from", 0, "skip the first `K` statements of the first file: K is the last committed statement a failed --batch run reported")
	dryRun := fs.Bool("dry-run", false, "send every statement as EXPLAIN and roll back: check the files, change nothing")
	var conn connFlags
	conn.register(fs)
	// Flags may come before, between or after the paths; "--" ends the flags.
	var paths []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return err
		}
		left := fs.Args()
		if n := len(rest) - len(left); n > 0 && rest[n-1] == "--" {
			paths = append(paths, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		paths, rest = append(paths, left[0]), left[1:]
	}
	if len(paths) == 0 {
		fs.Usage()
		return errors.New("import: no FILE or DIR given")
	}
	files, err := cypherfile.Files(paths)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}

	store, err := conn.store()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer store.Close(context.WithoutCancel(ctx))
	vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err = store.Ping(vctx)
	cancel()
	if err != nil {
		return fmt.Errorf("import: cannot reach Neo4j at %s: %w", conn.uri, err)
	}

	opts := cypherfile.Options{
		Database: conn.database, Batch: *batch, ResumeFrom: *resume, DryRun: *dryRun,
		Progress: os.Stderr, Terminal: term.IsTerminal(int(os.Stderr.Fd())),
	}
	start := time.Now()
	reports, err := store.Import(ctx, files, opts) // then recounts stage coverage
	importPrintReports(os.Stdout, reports, opts.DryRun, time.Since(start))
	if err != nil {
		importPrintResume(os.Stderr, reports, files, opts)
		return err
	}
	return nil
}

// importPrintReports writes a line per file and a total.
func importPrintReports(w io.Writer, reports []cypherfile.FileReport, dryRun bool, took time.Duration) {
	var total cypherfile.Counters
	run := 0
	for _, r := range reports {
		fmt.Fprintln(w, r)
		total.Add(r.Counters)
		run += r.Run
	}
	if len(reports) == 0 {
		return
	}
	if dryRun {
		fmt.Fprintf(w, "total: %d file(s), %d statement(s) checked in %s, dry run: nothing written\n",
			len(reports), run, took.Round(time.Millisecond))
		return
	}
	if reports[len(reports)-1].Err != nil {
		fmt.Fprintf(w, "total: import FAILED after %s; committed: %s\n", took.Round(time.Millisecond), total)
		return
	}
	fmt.Fprintf(w, "total: %d file(s), %d statement(s) in %s: %s\n", len(reports), run, took.Round(time.Millisecond), total)
}

// importPrintResume tells the steward what was committed and how to carry on after a
// failure.
func importPrintResume(w io.Writer, reports []cypherfile.FileReport, files []string, opts cypherfile.Options) {
	if len(reports) == 0 || opts.DryRun {
		return
	}
	failed := reports[len(reports)-1]
	if failed.Err == nil {
		return
	}
	rest := files[len(reports)-1:]
	if len(reports) > 1 {
		fmt.Fprintf(w, "%d file(s) before %s were committed in full.\n", len(reports)-1, failed.Path)
	}
	cmd := []string{"batterykg", "import"}
	if opts.Batch > 0 {
		cmd = append(cmd, "--batch", strconv.Itoa(opts.Batch))
	}
	if opts.Database != "" {
		cmd = append(cmd, "--database", opts.Database)
	}
	if failed.Committed > 0 {
		fmt.Fprintf(w, "Statements 1-%d of %s are committed; after fixing the file, resume with:\n", failed.Committed, failed.Path)
		cmd = append(cmd, "--resume-from", strconv.Itoa(failed.Committed))
	} else {
		fmt.Fprintf(w, "Nothing of %s was committed; after fixing it, carry on with:\n", failed.Path)
	}
	fmt.Fprintf(w, "  %s %s\n", strings.Join(cmd, " "), strings.Join(rest, " "))
}
