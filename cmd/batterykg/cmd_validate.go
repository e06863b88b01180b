package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/batterykg/batterykg/internal/neo4jstore"
)

// runValidate is `batterykg validate [flags]`: it runs the data-quality checks on the graph
// and prints their results, as a table or as JSON. It fails (exit status 1) when a check of
// severity error finds anything, or with --strict a warning too.
func runValidate(ctx context.Context, args []string) error {
	return validateCmd(ctx, args, os.Stdout, os.Stderr)
}

func validateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: batterykg validate [flags]

Runs the data-quality checks on the graph (see docs/model.md) and prints, for each, its
severity, how many problems it found and the first few. Exits with status 1 when a check of
severity error finds a problem; warnings alone pass unless --strict.

flags:
`)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), "\nchecks:\n")
		for _, c := range neo4jstore.ValidationChecks() {
			fmt.Fprintf(fs.Output(), "  %-30s %-7s  %s\n", c.Name, c.Severity, c.Description)
		}
	}
	var conn connFlags
	conn.registerTool(fs)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	strict := fs.Bool("strict", false, "fail on warnings too")
	examples := fs.Int("examples", 5, "examples listed per failing check (`N`; 0 for none)")
	only := fs.String("checks", "", "run only these checks (comma-separated `names`)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("validate: unexpected argument %q", fs.Arg(0))
	}
	opts := neo4jstore.ValidateOptions{Examples: *examples}
	if *examples == 0 {
		opts.Examples = -1
	}
	for _, name := range strings.Split(*only, ",") {
		if name = strings.TrimSpace(name); name != "" {
			opts.Checks = append(opts.Checks, name)
		}
	}

	store, err := conn.open(ctx, "validate")
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	rep, err := store.Validate(ctx, opts)
	if err != nil {
		return err
	}

	failures := rep.Failures(*strict)
	if *asJSON {
		err = validatePrintJSON(stdout, rep, *strict, len(failures) == 0)
	} else {
		err = validatePrintTable(stdout, rep, *strict, len(failures) == 0)
	}
	if err != nil {
		return err
	}
	if len(failures) > 0 {
		names := make([]string, len(failures))
		for i, f := range failures {
			names[i] = f.Name
		}
		return &validationFailedError{Checks: names, Strict: *strict}
	}
	return nil
}

// validationFailedError is returned by `validate` when the graph fails a check.
type validationFailedError struct {
	Checks []string
	Strict bool
}

func (e *validationFailedError) Error() string {
	what := "of severity error"
	if e.Strict {
		what = "(--strict: errors and warnings)"
	}
	return fmt.Sprintf("validation failed: %d check(s) %s found problems: %s", len(e.Checks), what, strings.Join(e.Checks, ", "))
}

func validateStatus(r neo4jstore.CheckResult, strict bool) string {
	switch {
	case r.Passed():
		return "ok"
	case r.Severity == neo4jstore.SeverityError || strict:
		return "FAIL"
	}
	return "warn"
}

func validatePrintTable(w io.Writer, rep *neo4jstore.ValidationReport, strict, passed bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STATUS\tCHECK\tSEVERITY\tCOUNT")
	for _, r := range rep.Results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", validateStatus(r, strict), r.Name, r.Severity, r.Count)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range rep.Results {
		if r.Passed() {
			continue
		}
		fmt.Fprintf(w, "\n%s (%s, %d): %s\n", r.Name, r.Severity, r.Count, r.Description)
		for _, ex := range r.Examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
		if more := r.Count - int64(len(r.Examples)); more > 0 && len(r.Examples) > 0 {
			fmt.Fprintf(w, "  ... and %d more\n", more)
		}
	}
	verdict := "passed"
	if !passed {
		verdict = "FAILED"
	}
	if strict {
		verdict += " (strict)"
	}
	_, err := fmt.Fprintf(w, "\n%d checks: %d error check(s) and %d warning check(s) found problems: %s\n",
		len(rep.Results), rep.Count(neo4jstore.SeverityError), rep.Count(neo4jstore.SeverityWarning), verdict)
	return err
}

func validatePrintJSON(w io.Writer, rep *neo4jstore.ValidationReport, strict, passed bool) error {
	type check struct {
		neo4jstore.CheckResult
		Passed bool `json:"passed"`
	}
	out := struct {
		Passed   bool    `json:"passed"`
		Strict   bool    `json:"strict"`
		Errors   int     `json:"errors"`
		Warnings int     `json:"warnings"`
		Checks   []check `json:"checks"`
	}{Passed: passed, Strict: strict,
		Errors: rep.Count(neo4jstore.SeverityError), Warnings: rep.Count(neo4jstore.SeverityWarning),
		Checks: []check{}}
	for _, r := range rep.Results {
		out.Checks = append(out.Checks, check{r, r.Passed()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
