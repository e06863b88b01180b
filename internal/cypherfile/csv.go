package cypherfile

// csv.go streams LOAD CSV files that lie next to the script from the client, so that a
// steward needs no access to Neo4j's import folder.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// csvLoad is a `LOAD CSV [WITH HEADERS] FROM 'url' AS row [FIELDTERMINATOR 'c'] rest`
// statement whose file the importer reads itself.
type csvLoad struct {
	path    string // the CSV file on the client
	headers bool
	comma   rune
	// query is the statement with its LOAD CSV clause replaced by an UNWIND over the rows.
	query string
}

// csvRowsParam holds the rows of one batch of a client-side LOAD CSV.
const csvRowsParam = liftPrefix + "csv"

// parseCSVLoad recognises a LOAD CSV statement whose file is next to the script (dir): a
// relative URL ('actors.csv'), or a file:/// URL whose file exists next to the script. It
// reports false for anything else, which then runs as written (Neo4j reads the file).
func parseCSVLoad(text, dir string) (*csvLoad, bool) {
	toks, ok := lex(text)
	if !ok {
		return nil, false
	}
	up := func(i int) string {
		if i >= len(toks) || toks[i].kind != tWord {
			return ""
		}
		return upperASCII(text[toks[i].start:toks[i].end])
	}
	if up(0) != "LOAD" || up(1) != "CSV" {
		return nil, false
	}
	c := &csvLoad{comma: ','}
	i := 2
	if up(i) == "WITH" && up(i+1) == "HEADERS" {
		c.headers = true
		i += 2
	}
	if up(i) != "FROM" || i+1 >= len(toks) || toks[i+1].kind != tString {
		return nil, false
	}
	url, ok := parseString(text[toks[i+1].start:toks[i+1].end])
	if !ok {
		return nil, false
	}
	i += 2
	if up(i) != "AS" || i+1 >= len(toks) || toks[i+1].kind != tWord && toks[i+1].kind != tName {
		return nil, false
	}
	variable := text[toks[i+1].start:toks[i+1].end]
	i += 2
	if up(i) == "FIELDTERMINATOR" {
		if i+1 >= len(toks) || toks[i+1].kind != tString {
			return nil, false
		}
		t, ok := parseString(text[toks[i+1].start:toks[i+1].end])
		if !ok || utf8.RuneCountInString(t) != 1 || t == "\"" || t == "\n" || t == "\r" {
			return nil, false
		}
		c.comma, _ = utf8.DecodeRuneInString(t)
		i += 2
	}
	for j := i; j < len(toks); j++ { // linenumber() and file() need Neo4j's own reader
		if w := up(j); (w == "LINENUMBER" || w == "FILE") && j+1 < len(toks) && text[toks[j+1].start:toks[j+1].end] == "(" {
			return nil, false
		}
	}
	switch {
	case strings.HasPrefix(url, "file:///"):
		c.path = filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(url, "file:///")))
		if fi, err := os.Stat(c.path); err != nil || !fi.Mode().IsRegular() {
			return nil, false
		}
	case strings.Contains(url, ":"):
		return nil, false // http:, https:, ...: Neo4j fetches it
	default:
		c.path = filepath.Join(dir, filepath.FromSlash(url))
	}
	if i >= len(toks) {
		return nil, false
	}
	c.query = "UNWIND $" + csvRowsParam + " AS " + variable + " " + text[toks[i].start:]
	return c, true
}

// csvError is a problem in a CSV file, at a 1-based line and column.
type csvError struct {
	path       string
	line, col  int
	msg, quote string
}

func (e *csvError) Error() string {
	if e.quote != "" {
		return fmt.Sprintf("%s:%d:%d: %s: %s", e.path, e.line, e.col, e.msg, e.quote)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.path, e.line, e.col, e.msg)
}

// run reads the CSV file and runs the statement over its rows in batches of batchRows,
// in tx (EXPLAINed only, for the first batch, in a dry run). It returns the counters and
// the number of rows read.
func (c *csvLoad) run(r *runner, tx neo4j.ExplicitTransaction, batchRows int) (Counters, int, error) {
	var counters Counters
	f, err := os.Open(c.path)
	if err != nil {
		return counters, 0, err
	}
	defer f.Close()
	cr := csv.NewReader(skipBOM(f))
	cr.Comma = c.comma
	cr.FieldsPerRecord = -1
	var header []string
	var rows []any
	read := 0
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		params := make(map[string]any, len(r.env)+1)
		for k, v := range r.env {
			params[k] = v
		}
		params[csvRowsParam] = rows
		text := c.query
		if r.opts.DryRun {
			if read > len(rows) { // one EXPLAIN is enough
				rows = rows[:0]
				return nil
			}
			text = "EXPLAIN " + text
		}
		sum, err := run(r.ctx, tx, text, params)
		if err != nil {
			return err
		}
		counters.addSummary(sum.Counters())
		r.rep.Queries++
		rows = rows[:0:0]
		return nil
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return counters, read, &csvError{path: c.path, line: pe.Line, col: pe.Column, msg: pe.Err.Error()}
			}
			return counters, read, err
		}
		line, _ := cr.FieldPos(0)
		for _, field := range rec {
			if !utf8.ValidString(field) {
				return counters, read, &csvError{path: c.path, line: line, col: 1, msg: "not valid UTF-8"}
			}
		}
		if c.headers && header == nil {
			header = rec
			continue
		}
		var row any
		if c.headers {
			if len(rec) != len(header) {
				return counters, read, &csvError{path: c.path, line: line, col: 1,
					msg: fmt.Sprintf("the row has %d fields, the header %d", len(rec), len(header)), quote: excerpt(strings.Join(rec, string(c.comma)))}
			}
			m := make(map[string]any, len(rec))
			for k, v := range rec {
				m[header[k]] = csvValue(v)
			}
			row = m
		} else {
			l := make([]any, len(rec))
			for k, v := range rec {
				l[k] = csvValue(v)
			}
			row = l
		}
		rows = append(rows, row)
		read++
		if len(rows) >= batchRows {
			if err := flush(); err != nil {
				return counters, read, err
			}
		}
	}
	return counters, read, flush()
}

// csvValue is a CSV field as LOAD CSV gives it: a string, null when empty.
func csvValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// skipBOM drops a UTF-8 byte order mark at the start of r.
func skipBOM(r io.Reader) io.Reader {
	var b [3]byte
	n, _ := io.ReadFull(r, b[:])
	if n == 3 && string(b[:]) == bom {
		return r
	}
	return io.MultiReader(strings.NewReader(string(b[:n])), r)
}
