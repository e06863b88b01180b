package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/term"

	"github.com/batterykg/batterykg/internal/cypherfile"
	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// runImport is `batterykg import [flags] FILE|DIR...`: it runs the data stewards' Cypher
// files (see package cypherfile and docs/importer.md) and prints a report line per file and a
// total. Progress goes to stderr, as a bar when stderr is a terminal.
func runImport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: batterykg import [flags] FILE|DIR...

Runs Cypher files (cypher-shell format: statements separated by ';', :param, :begin,
:commit, :rollback and :use commands). A directory stands for its *.cypher files in name
order. A file of data statements is one transaction (or --batch N of them). A file with
:begin/:commit blocks or schema commands runs in the transactions of its plan, printed
first: each block, each run of schema commands (indexes awaited after it), each run of
data statements between them, each CALL {...} IN TRANSACTIONS. Literal values are sent
as parameters and statements of one shape run batched (--no-lift to send them as written).
Before each transaction commits, validate's error checks run inside it: a file that would
leave the graph outside the model is rolled back with the report (--no-check to load a
foreign graph on purpose).

flags:
`)
		fs.PrintDefaults()
	}
	batch := fs.Int("batch", 0, "commit every `N` statements instead of once per file (0: one transaction per file)")
	resume := fs.Int("resume-from", 0, "skip the first `K` statements of the first file: K is the last committed statement a failed --batch run reported")
	dryRun := fs.Bool("dry-run", false, "send every statement as EXPLAIN and roll back: check the files, change nothing")
	atomic := fs.Bool("atomic", false, "refuse a file that cannot run as one transaction (schema commands with data, :rollback, :use) instead of running its plan")
	noLift := fs.Bool("no-lift", false, "send every statement as written, one at a time (slower; for comparison)")
	noCheck := fs.Bool("no-check", false, "commit without running validate's error checks: load a graph outside the model on purpose")
	var conn connFlags
	conn.registerTool(fs)
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
	files, skipped, err := cypherfile.Files(paths)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	for _, s := range skipped {
		fmt.Fprintln(os.Stderr, "import: skipped", s)
	}

	store, err := conn.open(ctx, "import")
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))

	opts := cypherfile.Options{
		Database: conn.database, Batch: *batch, ResumeFrom: *resume, DryRun: *dryRun, Atomic: *atomic, NoLift: *noLift,
		Progress: os.Stderr, Terminal: term.IsTerminal(int(os.Stderr.Fd())),
	}
	if !*noCheck && !*dryRun {
		touched, err := store.CanCheckTouched(ctx)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if !touched {
			fmt.Fprintln(os.Stderr, "import: this Neo4j has no batterykg plugin (bin/batterykg neo4j start installs it): the model check reads the whole graph, not only what each transaction touched")
		}
		opts.Check = func(ctx context.Context, tx neo4j.ExplicitTransaction) error { return importCheck(ctx, tx, touched) }
	}
	start := time.Now()
	reports, err := store.ImportFiles(ctx, files, opts) // then recounts stage coverage
	importPrintReports(os.Stdout, reports, opts.DryRun, time.Since(start))
	if err != nil {
		importPrintResume(os.Stderr, reports, files, opts)
		return err
	}
	if opts.DryRun {
		return nil
	}
	return importScaffoldLeft(ctx, store, opts.Check != nil)
}

// importScaffoldLeft reports nodes an APOC export left with its temporary label, which its
// last statements remove: they fail validate. With the model check on it is an error, else a
// warning.
func importScaffoldLeft(ctx context.Context, store *neo4jstore.Store, checked bool) error {
	n, err := store.APOCScaffoldLeft(ctx)
	if err != nil || n == 0 {
		return err
	}
	msg := fmt.Sprintf("%d node(s) still carry APOC's temporary label `%s`: the export's last statements, "+
		"which remove it, did not run (validate reports them as outside the model). Run them, or: "+
		"MATCH (n:`%[2]s`) REMOVE n:`%[2]s` REMOVE n.`UNIQUE IMPORT ID`", n, neo4jstore.APOCImportLabel)
	if checked {
		return errors.New("import: " + msg)
	}
	fmt.Fprintln(os.Stderr, "import: warning:", msg)
	return nil
}

// importCheck runs validate's error checks inside an import's transaction, before it
// commits: an error, listing the failing checks with examples, rolls the transaction back.
// With touched (the database has the batterykg plugin) they look at what the transaction
// touched, else at the whole graph.
func importCheck(ctx context.Context, tx neo4j.ExplicitTransaction, touched bool) error {
	rep, err := neo4jstore.ValidateIn(ctx, tx, neo4jstore.ValidateOptions{Checks: neo4jstore.ErrorChecks(), Examples: 3,
		Touched: touched, ImportScaffold: true}) // an APOC export's label goes at its end: checked after the import
	if err != nil {
		return fmt.Errorf("the model check could not run (--no-check skips it): %w", err)
	}
	fails := rep.Failures(false)
	if len(fails) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "the graph would fail %d of validate's error checks (docs/model.md; --no-check loads it anyway)", len(fails))
	labels, patterns, err := neo4jstore.OutsideModel(ctx, tx, touched)
	if err != nil {
		return fmt.Errorf("%s; listing what is outside the model failed: %w", b.String(), err)
	}
	labels = slices.DeleteFunc(labels, func(l string) bool { return l == neo4jstore.APOCImportLabel })
	if len(labels) > 0 {
		fmt.Fprintf(&b, "\n  labels outside the model: %s", strings.Join(labels, ", "))
	}
	if len(patterns) > 0 {
		const most = 20
		more := ""
		if len(patterns) > most {
			more = fmt.Sprintf(", and %d more", len(patterns)-most)
			patterns = patterns[:most]
		}
		fmt.Fprintf(&b, "\n  relationships outside the model: %s%s", strings.Join(patterns, ", "), more)
	}
	for _, f := range fails {
		fmt.Fprintf(&b, "\n  %s: %d (%s), e.g.", f.Name, f.Count, f.Description)
		for _, ex := range f.Examples {
			fmt.Fprintf(&b, "\n    %s", ex)
		}
		if f.Count > int64(len(f.Examples)) {
			fmt.Fprintf(&b, "\n    ...")
		}
	}
	return errors.New(b.String())
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
		last := reports[len(reports)-1]
		partly := ""
		if last.Partial != nil {
			partly = fmt.Sprintf(", and statement %d of %s in part", last.Partial.Statement, last.Path)
		}
		fmt.Fprintf(w, "total: import FAILED after %s; committed: %s%s\n", took.Round(time.Millisecond), total, partly)
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
	if opts.Atomic {
		cmd = append(cmd, "--atomic")
	}
	if opts.Database != "" {
		cmd = append(cmd, "--database", opts.Database)
	}
	if p := failed.Partial; p != nil {
		if failed.Committed > 0 {
			fmt.Fprintf(w, "Statements 1-%d of %s are committed, and %s.\n", failed.Committed, failed.Path, p)
		} else {
			fmt.Fprintf(w, "%s: %s.\n", failed.Path, p)
		}
		fmt.Fprintf(w, "Running statement %d again in full repeats what was committed of it: safe only if it is idempotent (MERGE, not CREATE).\n", p.Statement)
		fmt.Fprintf(w, "After fixing the file, resume with statement %d, or after it (once what it did not load is loaded otherwise):\n", p.Statement)
		again := cmd
		if failed.Committed > 0 {
			again = append(again[:len(again):len(again)], "--resume-from", strconv.Itoa(failed.Committed))
		}
		fmt.Fprintf(w, "  %s %s\n", strings.Join(again, " "), strings.Join(rest, " "))
		fmt.Fprintf(w, "  %s --resume-from %d %s\n", strings.Join(cmd, " "), p.Statement, strings.Join(rest, " "))
		return
	}
	if failed.Committed > 0 {
		fmt.Fprintf(w, "Statements 1-%d of %s are committed; after fixing the file, resume with:\n", failed.Committed, failed.Path)
		cmd = append(cmd, "--resume-from", strconv.Itoa(failed.Committed))
	} else {
		fmt.Fprintf(w, "Nothing of %s was committed; after fixing it, carry on with:\n", failed.Path)
	}
	fmt.Fprintf(w, "  %s %s\n", strings.Join(cmd, " "), strings.Join(rest, " "))
}
