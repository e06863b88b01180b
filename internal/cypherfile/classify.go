package cypherfile

import (
	"errors"
	"fmt"
	"strings"
)

// Mode is how the statements of a file are run. [Import] decides it from the statements
// before anything runs, because Neo4j refuses some kinds of statement in one transaction.
type Mode int

const (
	// ModeData is an ordinary file: its statements run in one explicit transaction (or in
	// batches of Options.Batch statements).
	ModeData Mode = iota
	// ModeSchema is a file of schema commands only (CREATE/DROP INDEX/CONSTRAINT). Neo4j
	// runs schema commands together in a transaction but never with data writes, so such a
	// file must hold nothing else. It runs like a data file (one transaction, or batches);
	// afterwards Import waits for the new indexes to come online (db.awaitIndexes) so the
	// next file can use them.
	ModeSchema
	// ModeAutocommit is a file of `CALL { ... } IN TRANSACTIONS` statements only. Neo4j
	// runs such a statement only in an implicit (auto-commit) transaction, where it commits
	// as it goes; each statement runs on its own and counts as committed when it returns.
	ModeAutocommit
)

func (m Mode) String() string {
	switch m {
	case ModeSchema:
		return "schema"
	case ModeAutocommit:
		return "autocommit"
	}
	return "data"
}

// kindOf classifies one statement: ModeSchema for a schema command, ModeAutocommit for a
// statement with CALL { ... } IN TRANSACTIONS, ModeData otherwise.
func kindOf(text string) Mode {
	if inTransactions(text) {
		return ModeAutocommit
	}
	var first []string // the first few tokens, upper case, after EXPLAIN/PROFILE
	words(text, func(tok string) bool {
		up := strings.ToUpper(tok)
		if !(len(first) == 0 && (up == "EXPLAIN" || up == "PROFILE")) {
			first = append(first, up)
		}
		return len(first) < 3
	})
	if len(first) >= 2 {
		switch first[0] {
		case "CREATE":
			switch first[1] {
			case "INDEX", "CONSTRAINT":
				return ModeSchema
			case "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE":
				if len(first) == 3 && first[2] == "INDEX" {
					return ModeSchema
				}
			}
		case "DROP":
			if first[1] == "INDEX" || first[1] == "CONSTRAINT" {
				return ModeSchema
			}
		}
	}
	return ModeData
}

// inTransactions reports whether text has a subquery run IN TRANSACTIONS:
//
//	CALL [(vars)] { ... } IN [concurrency] [CONCURRENT] TRANSACTIONS
//
// where concurrency is any expression ($n, 4, ...). The brace before IN must close a
// subquery opened by CALL, so a map literal `{a: 1} IN transactions` (a list variable
// named transactions) is not taken for one.
func inTransactions(text string) bool {
	if !containsFold(text, "transactions") {
		return false
	}
	toks, ok := lex(text)
	if !ok {
		return false
	}
	up := func(i int) string {
		if i < 0 || toks[i].kind != tWord {
			return ""
		}
		return strings.ToUpper(text[toks[i].start:toks[i].end])
	}
	is := func(i int, p string) bool {
		return i >= 0 && i < len(toks) && toks[i].kind == tPunct && text[toks[i].start:toks[i].end] == p
	}
	// match[i] is the index of the bracket matching the closing bracket at i.
	match := make(map[int]int)
	var stack []int
	for i, t := range toks {
		if t.kind != tPunct {
			continue
		}
		switch text[t.start:t.end] {
		case "(", "[", "{":
			stack = append(stack, i)
		case ")", "]", "}":
			if len(stack) > 0 {
				match[i] = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		}
	}
	for i := range toks {
		if up(i) != "TRANSACTIONS" {
			continue
		}
		j := i - 1
		if up(j) == "CONCURRENT" {
			j--
		}
		// Back over the concurrency expression to IN; the token before IN closes the
		// subquery.
		for depth := 0; j >= 0; j-- {
			if depth == 0 && up(j) == "IN" {
				break
			}
			if is(j, ")") || is(j, "]") || is(j, "}") {
				depth++
			} else if is(j, "(") || is(j, "[") || is(j, "{") {
				depth--
				if depth < 0 {
					break
				}
			}
		}
		if j < 1 || up(j) != "IN" || !is(j-1, "}") {
			continue
		}
		open, ok := match[j-1]
		if !ok {
			continue
		}
		before := open - 1
		if is(before, ")") { // CALL (a, b) { ... }
			if o, ok := match[before]; ok {
				before = o - 1
			}
		}
		if up(before) == "CALL" {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// words calls fn with each token of text outside comments: a whole word, string or
// backticked name, or a single other byte. It stops when fn returns false.
func words(text string, fn func(tok string) bool) {
	s := &splitter{src: text}
	for i := 0; i < len(text); {
		next, skipped, err := s.skip(i)
		if err != nil {
			return
		}
		if skipped {
			i = next
			continue
		}
		j := i
		if isWordByte(text[i]) {
			for j < len(text) && isWordByte(text[j]) {
				j++
			}
		} else if j, err = s.token(i); err != nil {
			return
		}
		if !fn(text[i:j]) {
			return
		}
		i = j
	}
}

// fileMode decides how the statements of a file run, or explains why they cannot share
// one.
func fileMode(path string, stmts []Statement) (Mode, error) {
	firstOf := map[Mode]int{}
	var order []Mode
	for i, st := range stmts {
		k := kindOf(st.Text)
		if _, seen := firstOf[k]; seen {
			continue
		}
		firstOf[k] = i
		order = append(order, k)
		if len(order) < 2 {
			continue
		}
		other := stmts[firstOf[order[0]]]
		var msg string
		switch {
		case k == ModeAutocommit || order[0] == ModeAutocommit:
			msg = "CALL { ... } IN TRANSACTIONS commits as it goes, so Neo4j runs it only in an implicit transaction of its own"
		default:
			msg = "Neo4j cannot run schema commands (CREATE/DROP INDEX/CONSTRAINT) in one transaction with other statements"
		}
		return 0, &StatementError{
			File: path, Line: st.Line, Column: st.Column, Index: st.Index, Excerpt: excerpt(st.Text),
			Err: fmt.Errorf("%w: this is a %s statement but statement %d (line %d) is a %s statement; %s: put such statements in a file of their own (files of a directory run in name order, e.g. 001_schema.cypher before 002_data.cypher)",
				ErrMixedFile, k, other.Index+1, other.Line, order[0], msg),
		}
	}
	if len(order) == 0 {
		return ModeData, nil
	}
	return order[0], nil
}

// ErrMixedFile is wrapped by the error for a file that mixes schema commands, CALL { ... }
// IN TRANSACTIONS statements and other statements; see [Mode].
var ErrMixedFile = errors.New("file mixes statements that cannot share a transaction")

// containsFold reports whether text contains word (lower case ASCII) in any letter case.
func containsFold(text, word string) bool {
	for i := 0; i+len(word) <= len(text); i++ {
		j := 0
		for j < len(word) && (text[i+j] == word[j] || text[i+j]+('a'-'A') == word[j]) {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}
