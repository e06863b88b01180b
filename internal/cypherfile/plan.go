package cypherfile

// plan.go decides the transactions a file runs in (see Unit).

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Unit is one transaction of a file's plan: a run of statements that commit together.
//
// A file without transaction commands or schema commands is one unit (or the chunks of
// Options.Batch). Otherwise each `:begin ... :commit` (or `:rollback`) block is a unit, and
// so is each run of statements outside blocks that can share a transaction: consecutive
// data statements, consecutive schema commands (indexes are awaited after their unit),
// and each `CALL { ... } IN TRANSACTIONS` statement on its own (Neo4j runs it in an
// implicit transaction and it commits as it goes).
type Unit struct {
	// Kind is ModeData, ModeSchema or ModeAutocommit.
	Kind Mode
	// First and End delimit the unit's statements: First..End-1, 0-based.
	First, End int
	// Block is set for a `:begin` ... `:commit`/`:rollback` block of the file.
	Block bool
	// Rollback is set for a block the file ends with `:rollback`: its statements run and
	// are rolled back.
	Rollback bool
	// Database is the database of a `:use` before the unit; empty for Options.Database.
	Database string
}

// describe is the unit's line of a printed plan, e.g. "lines 3-9: 4 statements".
func (u Unit) describe(stmts []Statement) string {
	n := u.End - u.First
	lines := fmt.Sprintf("line %d", stmts[u.First].Line)
	if last := stmts[u.End-1].Line; last != stmts[u.First].Line {
		lines = fmt.Sprintf("lines %d-%d", stmts[u.First].Line, last)
	}
	what := fmt.Sprintf("%d statement%s", n, plural(n))
	switch u.Kind {
	case ModeSchema:
		what = fmt.Sprintf("%d schema command%s, then indexes awaited", n, plural(n))
	case ModeAutocommit:
		what = "CALL { ... } IN TRANSACTIONS, committing as it goes"
	}
	if u.Block {
		what += " (:begin block)"
	}
	if u.Rollback {
		what += ", rolled back as the file says (:rollback)"
	}
	if u.Database != "" {
		what += " on database " + u.Database
	}
	return fmt.Sprintf("statements %d-%d (%s): %s", u.First+1, u.End, lines, what)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// commandInside finds a :commit or :rollback line inside a statement's text: the statement
// before it lacks its ';', so cypher-shell (and the splitter) read the command as Cypher.
var commandInside = regexp.MustCompile(`\n[ \t]*:(commit|rollback)\b`)

// planFile cuts a file's statements into units, following its transaction and :use
// commands and the kinds of its statements. batch > 0 cuts the units that are not the
// file's own blocks into chunks of at most batch statements.
func planFile(path string, stmts []Statement, cmds []ShellCommand, batch int) ([]Unit, error) {
	var (
		units   []Unit
		cur     *Unit // the open run of statements outside blocks
		db      string
		inBlock bool
		begin   ShellCommand
	)
	cmdErr := func(c ShellCommand, format string, a ...any) error {
		return &SplitError{File: path, Line: c.Line, Column: c.Column, Msg: fmt.Sprintf(format, a...)}
	}
	closeRun := func() {
		if cur != nil {
			units = append(units, *cur)
			cur = nil
		}
	}
	ci := 0
	for i := 0; i <= len(stmts); i++ {
		for ; ci < len(cmds) && cmds[ci].Before == i; ci++ {
			c := cmds[ci]
			switch c.Name {
			case "begin":
				if inBlock {
					return nil, cmdErr(c, ":begin inside the transaction opened by :begin at line %d (cypher-shell has no nested transactions)", begin.Line)
				}
				closeRun()
				inBlock, begin = true, c
			case "commit", "rollback":
				if !inBlock {
					return nil, cmdErr(c, ":%s without :begin: no transaction is open here", c.Name)
				}
				inBlock = false
				if i == begin.Before {
					continue // an empty block
				}
				u := Unit{Kind: ModeData, First: begin.Before, End: i, Block: true, Rollback: c.Name == "rollback", Database: db}
				kinds := map[Mode]int{}
				for j := u.First; j < u.End; j++ {
					if k := kindOf(stmts[j].Text); !hasKind(kinds, k) {
						kinds[k] = j
					}
				}
				if len(kinds) > 1 || hasKind(kinds, ModeAutocommit) {
					st := stmts[u.First]
					return nil, &StatementError{File: path, Line: st.Line, Column: st.Column, Index: st.Index, Excerpt: excerpt(st.Text),
						Err: fmt.Errorf("%w: the :begin block of lines %d-%d holds %s, which Neo4j cannot run in one transaction; close the block before them",
							ErrMixedFile, begin.Line, c.Line, kindList(kinds))}
				}
				for k := range kinds {
					u.Kind = k
				}
				units = append(units, u)
			case "use":
				if inBlock {
					return nil, cmdErr(c, ":use inside the transaction opened by :begin at line %d: a transaction runs on one database", begin.Line)
				}
				closeRun()
				db = c.Arg
			}
		}
		if i == len(stmts) || inBlock {
			continue
		}
		k := kindOf(stmts[i].Text)
		switch {
		case k == ModeAutocommit:
			closeRun()
			units = append(units, Unit{Kind: k, First: i, End: i + 1, Database: db})
		case cur != nil && cur.Kind == k:
			cur.End = i + 1
		default:
			closeRun()
			cur = &Unit{Kind: k, First: i, End: i + 1, Database: db}
		}
	}
	if inBlock {
		hint := ""
		for _, st := range stmts[begin.Before:] {
			if m := commandInside.FindStringIndex(st.Text); m != nil {
				line := st.Line + strings.Count(st.Text[:m[0]], "\n") + 1
				hint = fmt.Sprintf("; the %s at line %d is read as part of statement %d: end that statement with ';'",
					strings.TrimSpace(st.Text[m[0]:m[1]]), line, st.Index+1)
				break
			}
		}
		return nil, cmdErr(begin, ":begin without :commit: the file ends inside this transaction%s", hint)
	}
	closeRun()
	if batch <= 0 {
		return units, nil
	}
	var out []Unit
	for _, u := range units {
		if u.Block || u.Kind == ModeAutocommit {
			out = append(out, u)
			continue
		}
		for f := u.First; f < u.End; f += batch {
			c := u
			c.First, c.End = f, min(f+batch, u.End)
			out = append(out, c)
		}
	}
	return out, nil
}

func hasKind(kinds map[Mode]int, k Mode) bool { _, ok := kinds[k]; return ok }

func kindList(kinds map[Mode]int) string {
	var parts []string
	for _, k := range []Mode{ModeData, ModeSchema, ModeAutocommit} {
		if hasKind(kinds, k) {
			switch k {
			case ModeData:
				parts = append(parts, "data statements")
			case ModeSchema:
				parts = append(parts, "schema commands")
			case ModeAutocommit:
				parts = append(parts, "CALL { ... } IN TRANSACTIONS")
			}
		}
	}
	return strings.Join(parts, " and ")
}

// needsPlan reports whether the units are more than the one transaction of a plain file,
// so that the plan is worth printing.
// The chunks of Options.Batch alone are no plan: they are the file cut every N
// statements, as asked.
func needsPlan(units []Unit) bool {
	for _, u := range units {
		if u.Block || u.Rollback || u.Database != "" || u.Kind != units[0].Kind {
			return true
		}
	}
	return false
}

// printPlan writes the plan of a file before it runs.
func printPlan(w io.Writer, path string, stmts []Statement, units []Unit) {
	fmt.Fprintf(w, "%s: plan: %d transaction%s\n", path, len(units), plural(len(units)))
	for i, u := range units {
		fmt.Fprintf(w, "  %d. %s\n", i+1, u.describe(stmts))
	}
}
