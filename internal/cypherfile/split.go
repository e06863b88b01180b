package cypherfile

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Statement is one Cypher statement of a file, as found by [Split].
type Statement struct {
	// Text is the statement as written, without leading or trailing whitespace and
	// comments and without its terminating semicolon. It is a substring of the source.
	Text string
	// Line and Column are the 1-based position of the statement's first character in the
	// source; Column counts characters (runes), not bytes. A UTF-8 byte order mark at the
	// start of the source is not counted.
	Line, Column int
	// Offset is the byte offset of Text in the source passed to Split.
	Offset int
	// Index is the 0-based number of the statement among the file's Cypher statements
	// (parameter commands are not counted). Messages show Index+1.
	Index int
	// Params are the cypher-shell parameter commands found after the previous statement
	// and before this one, in file order. They are applied, in order, to the parameters in
	// force before this statement runs; the parameters then stay in force for the
	// following statements until changed again.
	Params []ParamCommand
}

// ParamCommand is a cypher-shell parameter command:
//
//	:param name => expression    (cypher-shell 5)
//	:param name: expression      (cypher-shell 4)
//	:param {a: 1, b: 'x'}        (a map: sets every key)
//	:params clear                (also :param clear: forget every parameter)
//
// Expressions are evaluated by Neo4j, with the parameters already in force, when the file
// runs (see [Import]).
type ParamCommand struct {
	// Line and Column are where the command's colon is.
	Line, Column int
	// Text is the command as written (trimmed, without trailing comments or semicolon).
	Text string
	// Offset is the byte offset of Text in the source passed to Split.
	Offset int
	// Clear is set for ":params clear"; Name and Expr are then empty.
	Clear bool
	// Name is the parameter set; it is empty for the map form.
	Name string
	// Expr is the Cypher expression; for the map form it is a map expression whose keys
	// are the parameters to set.
	Expr string
}

// SplitError is a problem [Split] found in the source, at a 1-based line and column.
type SplitError struct {
	// File is empty when Split reports it; [Import] fills it in.
	File         string
	Line, Column int
	Msg          string
}

func (e *SplitError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

const bom = "\uFEFF"

// Split cuts src, the text of a Cypher file, into statements.
//
// Statements are separated by semicolons outside comments (// to end of line, /* ... */),
// strings ('...' or "...", with backslash escapes) and backticked names (`...`, a doubled
// backtick stands for one). Empty statements are skipped; the last statement needs no
// semicolon. Lines may end in LF or CRLF, and a leading UTF-8 byte order mark is ignored
// (U+FEFF, like Unicode white space such as U+00A0, is white space anywhere).
//
// A statement whose first character is a colon is a cypher-shell command and ends at the
// end of its line (or at a semicolon), unless a bracket or string is still open. Parameter
// commands are returned in [Statement.Params]. `:begin` and `:commit` are accepted and
// ignored, because a file already runs in one transaction (or in the batches of
// [Options.Batch]); every other command (`:rollback`, `:use`, `:source`, ...) is an error.
//
// Errors are *[SplitError]s: invalid UTF-8, an unterminated string, comment or
// backticked name, and unknown or malformed commands.
func Split(src string) ([]Statement, error) {
	stmts, cmds, err := SplitScript(src)
	if err != nil {
		return nil, err
	}
	for _, c := range cmds {
		switch c.Name {
		case "rollback":
			return nil, &SplitError{Line: c.Line, Column: c.Column, Msg: "cypher-shell command :rollback is not supported: each file is its own transaction, committed when every statement succeeded (see --batch)"}
		case "use":
			return nil, &SplitError{Line: c.Line, Column: c.Column, Msg: "cypher-shell command :use is not supported: choose the database with --database (each file runs against one database)"}
		}
	}
	return stmts, nil
}

// ShellCommand is a cypher-shell command that shapes how a file runs: `:begin`,
// `:commit`, `:rollback` (a transaction block) or `:use <database>`.
type ShellCommand struct {
	// Name is "begin", "commit", "rollback" or "use", in lower case.
	Name string
	// Arg is the database of :use (backticks removed); empty otherwise.
	Arg string
	// Line and Column are where the command's colon is; Text is the command as written.
	Line, Column int
	Text         string
	// Before is the index of the statement the command precedes (the number of statements
	// before it).
	Before int
}

// SplitScript is [Split] for the importer: it also returns the transaction commands
// (:begin, :commit, :rollback) and :use commands in file order, which Split accepts
// (:begin, :commit) or refuses (:rollback, :use).
func SplitScript(src string) ([]Statement, []ShellCommand, error) {
	s := &splitter{src: src}
	if !utf8.ValidString(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, nil, s.errAt(i, "not valid UTF-8")
	}
	stmts, err := s.split()
	if err != nil {
		return nil, nil, err
	}
	return stmts, s.cmds, nil
}

type splitter struct {
	src        string
	lineStarts []int // byte offsets where lines start; built lazily

	lastOff, lastLine, lastCol int // the last position computed

	cmds   []ShellCommand // transaction and :use commands found by split
	nstmts int            // statements found so far (while splitting)
}

// errAt builds a SplitError at byte offset off.
func (s *splitter) errAt(off int, format string, args ...any) *SplitError {
	line, col := s.position(off)
	return &SplitError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// position turns a byte offset into a 1-based line and rune column.
func (s *splitter) position(off int) (line, col int) {
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for i := 0; i < len(s.src); i++ {
			if s.src[i] == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	l := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	start, col := s.lineStarts[l], 1
	if l == 0 && strings.HasPrefix(s.src, bom) && off >= len(bom) {
		start = len(bom)
	}
	// Positions are mostly asked for in increasing order: on a long line, count on from
	// the last one rather than from the start of the line.
	if s.lastLine == l+1 && s.lastOff <= off {
		start, col = s.lastOff, s.lastCol
	}
	col += utf8.RuneCountInString(s.src[start:off])
	s.lastOff, s.lastLine, s.lastCol = off, l+1, col
	return l + 1, col
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// skip reports whether src[i:] starts with white space or a comment and, if so, the offset
// after it. It returns an error for an unterminated block comment.
func (s *splitter) skip(i int) (next int, ok bool, err error) {
	src := s.src
	c := src[i]
	switch {
	case isSpace(c):
		return i + 1, true, nil
	case c >= utf8.RuneSelf:
		if r, n := utf8.DecodeRuneInString(src[i:]); unicode.IsSpace(r) || r == '\uFEFF' {
			return i + n, true, nil
		}
	case c == '/' && i+1 < len(src) && src[i+1] == '/':
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			return len(src), true, nil
		}
		return i + j, true, nil // the newline itself is white space
	case c == '/' && i+1 < len(src) && src[i+1] == '*':
		j := strings.Index(src[i+2:], "*/")
		if j < 0 {
			return 0, false, s.errAt(i, "unterminated /* comment")
		}
		return i + 2 + j + 2, true, nil
	}
	return i, false, nil
}

// token returns the end of the token starting at src[i] (not white space or a comment):
// a whole string or backticked name, or a single byte otherwise.
func (s *splitter) token(i int) (int, error) {
	src := s.src
	switch c := src[i]; c {
	case '\'', '"':
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case c:
				return j + 1, nil
			}
		}
		return 0, s.errAt(i, "unterminated string (opening %c)", c)
	case '`':
		for j := i + 1; j < len(src); j++ {
			if src[j] == '`' {
				if j+1 < len(src) && src[j+1] == '`' {
					j++
					continue
				}
				return j + 1, nil
			}
		}
		return 0, s.errAt(i, "unterminated backticked name")
	}
	return i + 1, nil
}

func (s *splitter) split() ([]Statement, error) {
	src := s.src
	var (
		out     []Statement
		pending []ParamCommand
		start   = -1 // offset of the current statement's first token, -1 if none yet
		end     int  // offset after its last token
	)
	emit := func() {
		if start < 0 {
			return
		}
		line, col := s.position(start)
		out = append(out, Statement{
			Text: src[start:end], Line: line, Column: col, Offset: start,
			Index: len(out), Params: pending,
		})
		pending = nil
		start = -1
		s.nstmts = len(out)
	}
	i := 0
	for i < len(src) {
		next, skipped, err := s.skip(i)
		if err != nil {
			return nil, err
		}
		if skipped {
			i = next
			continue
		}
		switch c := src[i]; {
		case c == ';':
			emit()
			i++
			continue
		case c == ':' && start < 0:
			cmd, next, err := s.command(i)
			if err != nil {
				return nil, err
			}
			if cmd != nil {
				pending = append(pending, *cmd)
			}
			i = next
			continue
		}
		j, err := s.token(i)
		if err != nil {
			return nil, err
		}
		if start < 0 {
			start = i
		}
		end = j
		i = j
	}
	emit()
	return out, nil
}

// command reads the cypher-shell command whose colon is at src[i]. It returns the
// parameter command (nil for a command that is ignored) and the offset after the command.
func (s *splitter) command(i int) (*ParamCommand, int, error) {
	src := s.src
	j := i + 1
	for j < len(src) && (isWordByte(src[j]) || src[j] == '-') {
		j++
	}
	name := strings.ToLower(src[i+1 : j])
	// The command runs to the end of the line, or to a semicolon, outside brackets and
	// strings; comments are dropped from its end.
	depth, last, k := 0, j, j
	for k < len(src) {
		c := src[k]
		if depth == 0 && (c == '\n' || c == ';') {
			break
		}
		next, skipped, err := s.skip(k)
		if err != nil {
			return nil, 0, err
		}
		if skipped {
			k = next
			continue
		}
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
		e, err := s.token(k)
		if err != nil {
			return nil, 0, err
		}
		k, last = e, e
	}
	after := k
	if k < len(src) && src[k] == ';' {
		after = k + 1
	}
	text := src[i:last]
	args := strings.TrimSpace(src[j:last])
	line, col := s.position(i)
	bad := func(format string, a ...any) (*ParamCommand, int, error) {
		return nil, 0, s.errAt(i, format, a...)
	}
	switch name {
	case "begin", "commit", "rollback":
		if args != "" {
			return bad(":%s takes no arguments", name)
		}
		s.cmds = append(s.cmds, ShellCommand{Name: name, Line: line, Column: col, Text: text, Before: s.nstmts})
		return nil, after, nil
	case "use":
		db := args
		if strings.HasPrefix(db, "`") && strings.HasSuffix(db, "`") && len(db) > 1 {
			db = unquoteName(db)
		}
		if db == "" || strings.ContainsAny(args, " \t") && !strings.HasPrefix(args, "`") {
			return bad("malformed %s: expected `:use <database>`", text)
		}
		s.cmds = append(s.cmds, ShellCommand{Name: name, Arg: db, Line: line, Column: col, Text: text, Before: s.nstmts})
		return nil, after, nil
	case "param", "params":
	case "":
		return bad("a statement cannot start with ':' (cypher-shell commands are :param, :params, :begin, :commit, :rollback, :use)")
	default:
		return bad("cypher-shell command :%s is not supported by the importer (only :param, :params, :begin, :commit, :rollback and :use are)", name)
	}
	cmd := &ParamCommand{Line: line, Column: col, Text: text, Offset: i}
	switch {
	case args == "":
		if name == "params" { // ":params" lists the parameters in cypher-shell: nothing to do
			return nil, after, nil
		}
		return bad(":param needs an argument: `:param name => expression`, `:param {name: value}` or `:param clear`")
	case strings.EqualFold(args, "clear"):
		cmd.Clear = true
	case args[0] == '{':
		cmd.Expr = args
	default:
		pname, rest, ok := paramName(args)
		if !ok {
			return bad("malformed %s: expected a parameter name, `{map}` or `clear` after :%s", text, name)
		}
		rest = strings.TrimSpace(rest)
		switch {
		case strings.HasPrefix(rest, "=>"):
			rest = rest[2:]
		case strings.HasPrefix(rest, ":"):
			rest = rest[1:]
		default:
			return bad("malformed %s: expected `=>` (or `:`) after the parameter name %s", text, pname)
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return bad("malformed %s: no expression after the parameter name %s", text, pname)
		}
		cmd.Name, cmd.Expr = pname, rest
	}
	return cmd, after, nil
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// paramName reads a parameter name (a plain or backticked identifier) from the start of s.
func paramName(s string) (name, rest string, ok bool) {
	if strings.HasPrefix(s, "`") {
		var b strings.Builder
		for j := 1; j < len(s); j++ {
			if s[j] == '`' {
				if j+1 < len(s) && s[j+1] == '`' {
					b.WriteByte('`')
					j++
					continue
				}
				return b.String(), s[j+1:], b.Len() > 0
			}
			b.WriteByte(s[j])
		}
		return "", "", false
	}
	j := 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !(r < utf8.RuneSelf && isWordByte(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			break
		}
		j += n
	}
	if j == 0 || s[0] >= '0' && s[0] <= '9' {
		return "", "", false
	}
	return s[:j], s[j:], true
}
