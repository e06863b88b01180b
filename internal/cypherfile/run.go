package cypherfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Options control [Import].
type Options struct {
	// Database is the Neo4j database to write to; empty means the server's default.
	Database string
	// Batch, when positive, commits every Batch statements instead of once per file. A
	// failure then rolls back only the current batch; the error and the report say how
	// many statements were committed. Files of ModeAutocommit commit statement by
	// statement whatever Batch is.
	Batch int
	// ResumeFrom skips the first ResumeFrom statements of the first file: it is the number
	// of the last committed statement (1-based) that a failed run reported, so the run
	// restarts at statement ResumeFrom+1. Parameter commands before the skipped statements
	// are still applied. Later files are never skipped: resume with the failed file and
	// the files after it.
	ResumeFrom int
	// DryRun sends every statement as `EXPLAIN <statement>` (with its parameters) and
	// rolls back: Neo4j parses and plans everything and nothing is written.
	DryRun bool
	// Progress receives progress output; nil means silent.
	Progress io.Writer
	// Terminal draws a progress bar on Progress instead of writing progress lines.
	Terminal bool
	// NoLift sends every statement as written. By default the literal values of data
	// statements are sent as parameters, and consecutive statements of one shape run as
	// one batched statement (see lift.go): same result, far fewer texts for Neo4j to parse.
	NoLift bool
	// BatchRows is the most statements one batched statement runs (default 1000).
	BatchRows int
	// Check, when set, runs inside every data transaction of a file after its statements
	// and before it commits, seeing the transaction's writes; an error rolls the
	// transaction back and stops the import with a *[CheckError]. Transactions that changed
	// nothing, dry runs, blocks the file rolls back and CALL { ... } IN TRANSACTIONS
	// statements (which commit as they go) are not checked. batterykg sets it to
	// validate's error checks unless --no-check.
	Check func(ctx context.Context, tx neo4j.ExplicitTransaction) error
	// Upkeep, when set, runs in the same transactions as Check, just before it: it keeps
	// data derived from what the transaction wrote (batterykg: the name sort keys of the
	// nodes it touched). An error rolls the transaction back and stops the import.
	Upkeep func(ctx context.Context, tx neo4j.ExplicitTransaction) error
	// Atomic refuses a file that cannot run as one transaction (schema commands mixed
	// with data, :rollback, :use); its :begin and :commit are ignored. Without it such a
	// file runs in the transactions of its plan (see [Unit]).
	Atomic bool
}

// Counters are the changes statements made, summed from Neo4j's result summaries.
type Counters struct {
	NodesCreated, NodesDeleted                 int
	RelationshipsCreated, RelationshipsDeleted int
	PropertiesSet                              int
	LabelsAdded, LabelsRemoved                 int
	IndexesAdded, IndexesRemoved               int
	ConstraintsAdded, ConstraintsRemoved       int
}

// Add adds o to c.
func (c *Counters) Add(o Counters) {
	c.NodesCreated += o.NodesCreated
	c.NodesDeleted += o.NodesDeleted
	c.RelationshipsCreated += o.RelationshipsCreated
	c.RelationshipsDeleted += o.RelationshipsDeleted
	c.PropertiesSet += o.PropertiesSet
	c.LabelsAdded += o.LabelsAdded
	c.LabelsRemoved += o.LabelsRemoved
	c.IndexesAdded += o.IndexesAdded
	c.IndexesRemoved += o.IndexesRemoved
	c.ConstraintsAdded += o.ConstraintsAdded
	c.ConstraintsRemoved += o.ConstraintsRemoved
}

func (c *Counters) addSummary(n neo4j.Counters) {
	c.Add(Counters{
		NodesCreated: n.NodesCreated(), NodesDeleted: n.NodesDeleted(),
		RelationshipsCreated: n.RelationshipsCreated(), RelationshipsDeleted: n.RelationshipsDeleted(),
		PropertiesSet: n.PropertiesSet(),
		LabelsAdded:   n.LabelsAdded(), LabelsRemoved: n.LabelsRemoved(),
		IndexesAdded: n.IndexesAdded(), IndexesRemoved: n.IndexesRemoved(),
		ConstraintsAdded: n.ConstraintsAdded(), ConstraintsRemoved: n.ConstraintsRemoved(),
	})
}

// String lists the non-zero counters, e.g. "3 nodes created, 6 properties set", or says
// "no changes".
func (c Counters) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{
		{c.NodesCreated, "nodes created"}, {c.NodesDeleted, "nodes deleted"},
		{c.RelationshipsCreated, "relationships created"}, {c.RelationshipsDeleted, "relationships deleted"},
		{c.PropertiesSet, "properties set"},
		{c.LabelsAdded, "labels added"}, {c.LabelsRemoved, "labels removed"},
		{c.IndexesAdded, "indexes added"}, {c.IndexesRemoved, "indexes removed"},
		{c.ConstraintsAdded, "constraints added"}, {c.ConstraintsRemoved, "constraints removed"},
	} {
		if p.n != 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// FileReport is what [Import] did with one file.
type FileReport struct {
	Path string
	Mode Mode
	// Statements is the number of statements in the file.
	Statements int
	// Skipped is the number of statements skipped by Options.ResumeFrom.
	Skipped int
	// Run is the number of statements Neo4j ran (in a dry run: explained) without error
	// in this import, including ones later rolled back.
	Run int
	// Committed is the number of the file's last statement known to be in the database:
	// statements 1..Committed (including skipped ones). After a failure, resume with
	// Options.ResumeFrom = Committed. It is 0 in a dry run.
	Committed int
	DryRun    bool
	// Counters are the committed changes (the changes of rolled-back statements are not
	// counted; a dry run changes nothing).
	Counters
	Duration time.Duration
	// Err is the error that stopped the file, or nil.
	Err error
	// CSVRows is the number of rows read from CSV files next to the script (LOAD CSV).
	CSVRows int
	// Checks is the number of transactions Options.Check ran in, CheckTime the time it took.
	Checks    int
	CheckTime time.Duration
	// Queries is the number of statements sent to Neo4j for the file's statements: fewer
	// than Run when statements ran batched.
	Queries int
	// Units is the file's plan: the transactions it runs in (after ResumeFrom).
	Units []Unit
	// UnitsDone is the number of units that completed (committed, or rolled back as the
	// file asked); FailedUnit is the 1-based number of the unit that failed, 0 if none.
	UnitsDone, FailedUnit int
	// Partial is set when the file stopped in a CALL { ... } IN TRANSACTIONS statement that
	// Neo4j had committed in part: it commits the inner transactions as it goes and does not
	// undo them. Their writes stay in the database; Counters does not include them.
	Partial *PartialStatement
}

// PartialStatement is a CALL { ... } IN TRANSACTIONS statement that failed, or was
// interrupted, after some of its inner transactions may have been committed.
type PartialStatement struct {
	// Statement is its 1-based number in the file.
	Statement int
	// Inner is the number of its inner transactions Neo4j committed, as Neo4j's error
	// says; -1 when it is not known (the import was interrupted, the connection lost).
	Inner int
}

// String says what of the statement is in the database.
func (p PartialStatement) String() string {
	if p.Inner < 0 {
		return fmt.Sprintf("statement %d (CALL { ... } IN TRANSACTIONS) may be partly committed: Neo4j commits its inner transactions as it goes, and how many it had committed is not known", p.Statement)
	}
	return fmt.Sprintf("statement %d (CALL { ... } IN TRANSACTIONS) is partly committed: Neo4j had committed %d inner transaction%s of it, whose writes stay",
		p.Statement, p.Inner, plural(p.Inner))
}

// String is the one-line summary of the report.
func (r FileReport) String() string {
	var b strings.Builder
	b.WriteString(r.Path)
	b.WriteString(": ")
	dur := r.Duration.Round(time.Millisecond)
	rate := ""
	if secs := r.Duration.Seconds(); secs > 0 && r.Run > 0 {
		rate = fmt.Sprintf(", %.0f statements/s", float64(r.Run)/secs)
	}
	mode := ""
	if r.Mode != ModeData {
		mode = " (" + r.Mode.String() + ")"
	}
	if needsPlan(r.Units) {
		mode = fmt.Sprintf(" (%d transactions)", len(r.Units))
	}
	skipped := ""
	if r.Skipped > 0 {
		skipped = fmt.Sprintf(" (statements 1-%d skipped)", r.Skipped)
	}
	switch {
	case r.Err != nil && r.DryRun:
		fmt.Fprintf(&b, "dry run FAILED %s%s%s in %s, nothing written", r.failedAt(), skipped, mode, dur)
	case r.Err != nil && r.unitsSummary() != "":
		fmt.Fprintf(&b, "FAILED %s in %s: %s; statements 1-%d committed (resume from %d): %s",
			r.failedAt(), dur, r.unitsSummary(), r.Committed, r.Committed, r.Counters)
	case r.Err != nil && r.Committed == 0 && r.Partial == nil:
		fmt.Fprintf(&b, "FAILED %s%s, nothing committed, in %s", r.failedAt(), mode, dur)
	case r.Err != nil && r.Committed == 0:
		fmt.Fprintf(&b, "FAILED %s%s in %s", r.failedAt(), mode, dur)
	case r.Err != nil:
		fmt.Fprintf(&b, "FAILED %s%s, statements 1-%d committed (resume from %d), in %s: %s",
			r.failedAt(), mode, r.Committed, r.Committed, dur, r.Counters)
	case r.DryRun:
		fmt.Fprintf(&b, "%d statements checked with EXPLAIN%s%s in %s%s, dry run: nothing written", r.Run, skipped, mode, dur, rate)
		if r.CSVRows > 0 {
			fmt.Fprintf(&b, "; %d CSV rows would be read", r.CSVRows)
		}
	default:
		fmt.Fprintf(&b, "%d statements committed%s%s in %s%s: %s", r.Run, skipped, mode, dur, rate, r.Counters)
		if r.CSVRows > 0 {
			fmt.Fprintf(&b, "; %d CSV rows read", r.CSVRows)
		}
		if r.Checks > 0 {
			fmt.Fprintf(&b, "; model checked in %s", r.CheckTime.Round(time.Millisecond))
			if r.Checks > 1 {
				fmt.Fprintf(&b, " (%d transactions)", r.Checks)
			}
		}
	}
	if r.Err != nil && r.Partial != nil {
		fmt.Fprintf(&b, "; %s (not counted here)", r.Partial)
	}
	return b.String()
}

// failedAt says where the file failed: "at statement 7 of 10", or "after 10 statements
// of 10" when no statement is to blame (a commit failed, the import was interrupted).
func (r FileReport) failedAt() string {
	var se *StatementError
	switch {
	case errors.As(r.Err, &se) && se.Index >= 0:
		return fmt.Sprintf("at statement %d of %d", se.Index+1, r.Statements)
	case errors.As(r.Err, &se):
		return fmt.Sprintf("at %s (line %d)", se.Excerpt, se.Line)
	}
	var ce *CheckError
	if errors.As(r.Err, &ce) {
		return fmt.Sprintf("at the check of statements %d-%d of %d", ce.First, ce.End, r.Statements)
	}
	return fmt.Sprintf("after %d statements of %d", r.Skipped+r.Run, r.Statements)
}

// StatementError is a statement (or :param command) of a file that failed.
type StatementError struct {
	File         string
	Line, Column int // where the statement starts, 1-based
	// Index is the 0-based number of the statement in the file; -1 for a :param command.
	Index int
	// Excerpt is the start of the statement on one line (about 120 characters).
	Excerpt string
	// Err is the cause: Neo4j's error (a *neo4j.Neo4jError), or the importer's.
	Err error
	// Committed is the number of the file's last committed statement when it failed (see
	// FileReport.Committed).
	Committed int
	// ErrLine and ErrColumn locate in the file the position Neo4j's message points at
	// (e.g. of a syntax error), when it gives one; 0 otherwise.
	ErrLine, ErrColumn int
}

// CheckError is a transaction of a file that Options.Check refused: it was rolled back.
type CheckError struct {
	File string
	// First and End are the 1-based numbers of the first and last statement of the
	// transaction.
	First, End int
	// Committed is the number of the file's last committed statement (see
	// FileReport.Committed).
	Committed int
	// Err is what the check found (or why it could not run).
	Err error
}

// Error says which statements were rolled back and why.
func (e *CheckError) Error() string {
	return fmt.Sprintf("%s: statements %d-%d rolled back: %v", e.File, e.First, e.End, e.Err)
}

// Unwrap returns Err.
func (e *CheckError) Unwrap() error { return e.Err }

// neo4jPosition matches the position Neo4j appends to syntax errors.
var neo4jPosition = regexp.MustCompile(`\(line (\d+), column (\d+) \(offset: (\d+)\)\)`)

// Error reads like
//
//	data/x.cypher:12:1: statement 7 (MERGE (a:Actor ...): Neo.ClientError.Statement.SyntaxError: Invalid input ...
//
// Only the first line of Neo4j's message is kept (the rest echoes the query); a position
// in it is given in file coordinates.
func (e *StatementError) Error() string {
	var msg string
	var ne *neo4j.Neo4jError
	if errors.As(e.Err, &ne) {
		msg = ne.Code + ": " + ne.Msg
	} else {
		msg = e.Err.Error()
	}
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = strings.TrimSpace(msg[:i])
	}
	if e.ErrLine > 0 {
		msg = neo4jPosition.ReplaceAllString(msg, fmt.Sprintf("(at %s:%d:%d)", e.File, e.ErrLine, e.ErrColumn))
	}
	if e.Index < 0 {
		return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Column, e.Excerpt, msg)
	}
	return fmt.Sprintf("%s:%d:%d: statement %d (%s): %s", e.File, e.Line, e.Column, e.Index+1, e.Excerpt, msg)
}

// Unwrap returns Err.
func (e *StatementError) Unwrap() error { return e.Err }

// excerpt is the start of a statement on one line.
func excerpt(text string) string {
	const max = 120
	var b strings.Builder
	n, space := 0, false
	for _, r := range text {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= max-3 {
			b.WriteString("...")
			return b.String()
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// file is a source file read and split.
type file struct {
	path  string
	src   *splitter
	stmts []Statement
	units []Unit
	// lifts holds each statement with its values taken out (see lift.go); nil for a
	// statement that runs as written.
	lifts []*lifted
	// csv holds the LOAD CSV statements whose file the importer reads (see csv.go).
	csv []*csvLoad
	// liftReady[c] is closed when statements c*liftChunk... are lifted.
	liftReady []chan struct{}
	mode      Mode
}

// Files expands paths into the Cypher files to run: a file is taken as is, a directory
// stands for the Cypher files directly in it (*.cypher and *.cql, in any case; not hidden
// ones such as macOS's ._ files; not in its subdirectories), in lexical order of their
// names, so 001_schema.cypher runs before 002_actors.cypher. A directory without Cypher
// files is an error. Skipped lists what the directories hold that is not run, with why.
func Files(paths []string) (files, skipped []string, err error) {
	if len(paths) == 0 {
		return nil, nil, errors.New("no Cypher files given")
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p) // sorted by name
		if err != nil {
			return nil, nil, err
		}
		n := len(files)
		for _, e := range entries {
			name := filepath.Join(p, e.Name())
			regular := e.Type().IsRegular()
			if e.Type()&fs.ModeSymlink != 0 { // a link to a file counts as a file
				fi, err := os.Stat(name)
				regular = err == nil && fi.Mode().IsRegular()
			}
			switch {
			case strings.HasPrefix(e.Name(), "."):
				skipped = append(skipped, name+" (hidden)")
			case e.IsDir():
				skipped = append(skipped, name+" (a directory: not searched)")
			case !isCypherName(e.Name()):
				skipped = append(skipped, name+" (not .cypher or .cql)")
			case !regular:
				skipped = append(skipped, name+" (not a regular file)")
			default:
				files = append(files, name)
			}
		}
		if len(files) == n {
			return nil, nil, fmt.Errorf("%s: directory has no .cypher files", p)
		}
	}
	return files, skipped, nil
}

// isCypherName reports whether a file name has a Cypher script's extension.
func isCypherName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".cypher" || ext == ".cql"
}

// load reads, splits and plans one file, and lifts the values of its data statements.
func load(path string, opts Options) (*file, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src := string(data)
	withPath := func(err error) error {
		var se *SplitError
		if errors.As(err, &se) {
			se.File = path
		}
		return err
	}
	stmts, cmds, err := SplitScript(src)
	if err != nil {
		return nil, withPath(err)
	}
	f := &file{path: path, src: &splitter{src: src}, stmts: stmts}
	if opts.Atomic {
		// The file must run as one transaction: :begin/:commit are ignored, and what
		// cannot share one transaction is refused.
		for _, c := range cmds {
			if c.Name == "rollback" || c.Name == "use" {
				return nil, &SplitError{File: path, Line: c.Line, Column: c.Column,
					Msg: fmt.Sprintf("%s: --atomic runs each file as one transaction, so :%s cannot be honoured", ErrMixedFile, c.Name)}
			}
		}
		if f.mode, err = fileMode(path, stmts); err != nil {
			return nil, err
		}
		cmds = nil
	}
	if f.units, err = planFile(path, stmts, cmds, opts.Batch); err != nil {
		return nil, withPath(err)
	}
	if !opts.Atomic {
		f.mode = ModeData
		if len(f.units) > 0 {
			f.mode = f.units[0].Kind
			for _, u := range f.units {
				if u.Kind != f.mode {
					f.mode = ModeData
				}
			}
		}
	}
	f.csv = make([]*csvLoad, len(stmts))
	for _, u := range f.units {
		for i := u.First; i < u.End && u.Kind == ModeData; i++ {
			if c, ok := parseCSVLoad(stmts[i].Text, filepath.Dir(path)); ok {
				if _, err := os.Stat(c.path); err != nil {
					st := stmts[i]
					return nil, &SplitError{File: path, Line: st.Line, Column: st.Column,
						Msg: fmt.Sprintf("LOAD CSV: %s is not next to the script (%v)", c.path, err)}
				}
				f.csv[i] = c
			}
		}
	}
	f.lifts = make([]*lifted, len(stmts))
	f.liftReady = make([]chan struct{}, (len(stmts)+liftChunk-1)/liftChunk)
	for i := range f.liftReady {
		f.liftReady[i] = make(chan struct{})
	}
	liftable := make([]bool, len(stmts))
	for _, u := range f.units {
		for i := u.First; i < u.End; i++ {
			liftable[i] = u.Kind == ModeData && !opts.NoLift
		}
	}
	// Lifting runs ahead of the statements in the background, so that the client's work
	// overlaps Neo4j's; runner.lifted waits for it.
	go func() {
		for c := range f.liftReady {
			for i := c * liftChunk; i < min((c+1)*liftChunk, len(stmts)); i++ {
				if liftable[i] {
					if l, ok := lift(stmts[i].Text); ok {
						f.lifts[i] = l
					}
				}
			}
			close(f.liftReady[c])
		}
	}()
	return f, nil
}

// liftChunk is the number of statements lifted before the runner may use them.
const liftChunk = 1024

// lifted returns statement i lifted, or nil when it runs as written, once the background
// lifting has reached it.
func (f *file) lifted(i int) *lifted {
	<-f.liftReady[i/liftChunk]
	return f.lifts[i]
}

// Import runs the Cypher files named by paths (files, or directories of *.cypher files;
// see [Files]) against Neo4j, one file after the other.
//
// Every file is read, split and planned (see [Unit]) before anything runs, so a file that
// cannot be read, split or planned stops the import with nothing written. Then each
// file's units run in order: a data or schema unit in one explicit transaction (the
// :param expressions before its statements evaluated inside it), a CALL { ... } IN
// TRANSACTIONS statement in an implicit one. Data statements are sent lifted and batched
// unless Options.NoLift. A failing statement rolls back the transaction it is in and stops
// the import: the error is a *[StatementError] for the statement as written.
//
// Import returns a report for each file it started, including the one that failed.
func Import(ctx context.Context, driver neo4j.DriverWithContext, paths []string, opts Options) ([]FileReport, error) {
	if opts.Batch < 0 {
		return nil, fmt.Errorf("batch size %d: must not be negative", opts.Batch)
	}
	if opts.ResumeFrom < 0 {
		return nil, fmt.Errorf("resume-from %d: must not be negative", opts.ResumeFrom)
	}
	names, _, err := Files(paths)
	if err != nil {
		return nil, err
	}
	return ImportFiles(ctx, driver, names, opts)
}

// ImportFiles is [Import] for paths already expanded by [Files]: each is a file.
func ImportFiles(ctx context.Context, driver neo4j.DriverWithContext, names []string, opts Options) ([]FileReport, error) {
	if opts.Batch < 0 {
		return nil, fmt.Errorf("batch size %d: must not be negative", opts.Batch)
	}
	if opts.ResumeFrom < 0 {
		return nil, fmt.Errorf("resume-from %d: must not be negative", opts.ResumeFrom)
	}
	if len(names) == 0 {
		return nil, errors.New("no Cypher files given")
	}
	var err error
	files := make([]*file, len(names))
	for i, name := range names {
		if files[i], err = load(name, opts); err != nil {
			return nil, err
		}
	}
	if n := len(files[0].stmts); opts.ResumeFrom > n {
		return nil, fmt.Errorf("%s: resume-from %d, but the file has only %d statements", files[0].path, opts.ResumeFrom, n)
	}
	var reports []FileReport
	for i, f := range files {
		skip := 0
		if i == 0 {
			skip = opts.ResumeFrom
		}
		rep, err := runFile(ctx, driver, f, skip, opts)
		reports = append(reports, rep)
		if err != nil {
			return reports, err
		}
	}
	return reports, nil
}

// explain turns a statement into the EXPLAIN of it, and says how many characters went
// in front of it. A statement that is already EXPLAIN or PROFILE is sent as it is (it is
// rolled back anyway).
func explain(text string) (string, int) {
	already := false
	words(text, func(tok string) bool {
		already = strings.EqualFold(tok, "EXPLAIN") || strings.EqualFold(tok, "PROFILE")
		return false
	})
	if already {
		return text, 0
	}
	const p = "EXPLAIN "
	return p + text, len(p)
}

// errorPosition finds in the file the position Neo4j's error message points at, if any.
// sent is the query as sent, whose first prefix bytes are not in the file.
func errorPosition(f *file, st Statement, sent string, prefix int, cause error) (line, col int) {
	var ne *neo4j.Neo4jError
	if !errors.As(cause, &ne) {
		return 0, 0
	}
	m := neo4jPosition.FindStringSubmatch(ne.Msg)
	if m == nil {
		return 0, 0
	}
	offset, err := strconv.Atoi(m[3]) // in UTF-16 code units of the query sent
	if err != nil {
		return 0, 0
	}
	pos, units := 0, 0
	for pos < len(sent) && units < offset {
		r, n := utf8.DecodeRuneInString(sent[pos:])
		units += utf16.RuneLen(r)
		pos += n
	}
	if units != offset || pos < prefix {
		return 0, 0
	}
	return f.src.position(st.Offset + pos - prefix)
}
