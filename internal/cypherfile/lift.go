package cypherfile

// lift.go takes the literal values out of a statement ("lifting"), so that statements
// that differ only in their values share one text: Neo4j parses and plans that text once,
// and consecutive statements of one shape run as one batched statement over their rows.

import (
	"strconv"
	"strings"
)

// liftPrefix starts the names the importer adds to a statement (parameters and the batch
// row variable). A statement that already uses such a name is not lifted.
const liftPrefix = "_bkg_"

// batchRowVar is the variable of one row in a batched statement: a list of the row's
// lifted values.
const batchRowVar = liftPrefix + "row"

// batchRowsParam is the parameter holding the rows of a batched statement.
const batchRowsParam = liftPrefix + "rows"

// lifted is a statement with its literal values taken out.
type lifted struct {
	// shape is the statement with each value replaced by a parameter $_bkg_<i> and white
	// space and comments between tokens collapsed to one space: statements of one shape
	// differ only in their values.
	shape string
	// body is the shape with each value read from the batch row instead, _bkg_row[<i>];
	// empty when the statement cannot be batched.
	body string
	// values are the values taken out, in order.
	values []any
}

// params returns the statement's parameters: the file's parameters in force plus the
// lifted values.
func (l *lifted) params(env map[string]any) map[string]any {
	m := make(map[string]any, len(env)+len(l.values))
	for k, v := range env {
		m[k] = v
	}
	for i, v := range l.values {
		m[liftPrefix+strconv.Itoa(i)] = v
	}
	return m
}

// batchText is the batched statement over the rows of statements of shape l.
func (l *lifted) batchText() string {
	return "UNWIND $" + batchRowsParam + " AS " + batchRowVar + " CALL (" + batchRowVar + ") { " + l.body + " }"
}

// liftStarts are the first keywords of the statements lift takes values out of; the ones
// marked true can also run batched inside CALL (row) { ... }.
var liftStarts = map[string]bool{
	"MATCH": true, "OPTIONAL": true, "MERGE": true, "CREATE": true, "UNWIND": true, "FOREACH": true,
	"WITH": false, "RETURN": false, "CALL": false,
}

// noBatchWords are keywords that keep a statement from running batched: the batch
// wrapper cannot hold a statement that returns rows, changes the graph it reads from
// (USE), reads files, or hides the row variable (WITH projects it away; CALL { } and UNION
// branches do not see it).
var noBatchWords = map[string]bool{
	"RETURN": true, "CALL": true, "UNION": true, "USE": true, "LOAD": true, "WITH": true,
	"FINISH": true, "YIELD": true, "EXPLAIN": true, "PROFILE": true,
}

// noLiftAfter are keywords after which a number must stay a literal: Cypher takes no
// expression with variables there (LIMIT, SKIP) or no parameter at all (SHORTEST k).
var noLiftAfter = map[string]bool{
	"LIMIT": true, "SKIP": true, "OFFSET": true, "SHORTEST": true, "ANY": true, "OF": true,
	"IS": true, "FIELDTERMINATOR": true,
}

// listAfter are the keywords after which "[" starts a list value (rather than a
// relationship pattern or an index).
var listAfter = map[string]bool{
	"IN": true, "UNWIND": true, "RETURN": true, "WITH": true, "THEN": true, "ELSE": true, "WHEN": true,
	"AND": true, "OR": true, "XOR": true, "NOT": true, "SET": true,
}

// unaryAfter are the punctuation tokens after which "-" is a unary minus.
var unaryAfter = map[string]bool{
	"=": true, "(": true, ",": true, "[": true, ":": true, "<>": true, "<": true, ">": true, "<=": true, ">=": true,
	"+": true, "*": true, "/": true, "%": true, "^": true, "{": true, "+=": true,
}

// lift takes the literal values out of a data statement. It reports false when it does
// not lift the statement at all, which is then run as written: a statement it cannot
// read, one that is not a plain query (schema and administration commands, LOAD CSV,
// EXPLAIN), or one that already uses the importer's names. Values it is unsure of stay
// in the text (they are then part of the shape).
func lift(text string) (*lifted, bool) {
	toks, ok := lex(text)
	if !ok || len(toks) == 0 {
		return nil, false
	}
	// ups holds the words of the statement in upper case (ASCII letters only: keywords),
	// computed once.
	ups := make([]string, len(toks))
	for i, t := range toks {
		if t.kind == tWord {
			ups[i] = upperASCII(text[t.start:t.end])
		}
	}
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return ups[i]
	}
	punct := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].kind != tPunct {
			return ""
		}
		return text[toks[i].start:toks[i].end]
	}
	batchable, known := liftStarts[word(0)]
	if !known {
		return nil, false
	}
	if (word(0) == "CREATE" || word(0) == "MERGE") && punct(1) != "(" && !(word(1) != "" && punct(2) == "=") {
		return nil, false
	}
	for i, t := range toks {
		s := text[t.start:t.end]
		switch t.kind {
		case tWord:
			up := ups[i]
			if up == "LOAD" || up == "TRANSACTIONS" {
				return nil, false
			}
			if noBatchWords[up] && !(up == "WITH" && (word(i-1) == "STARTS" || word(i-1) == "ENDS")) {
				batchable = false
			}
			if strings.HasPrefix(s, liftPrefix) {
				return nil, false
			}
		case tParam, tName:
			if strings.Contains(s, liftPrefix) {
				return nil, false
			}
		}
	}

	l := &lifted{}
	var shape, body strings.Builder
	shape.Grow(len(text))
	body.Grow(len(text))
	// braces holds, for each open bracket, whether it is a path quantifier {m,n} whose
	// numbers must stay literals.
	var brackets []byte // '(', '[', '{', or 'q' for a quantifier
	top := func() byte {
		if len(brackets) == 0 {
			return 0
		}
		return brackets[len(brackets)-1]
	}
	inQuantifier := func() bool {
		for _, b := range brackets {
			if b == 'q' {
				return true
			}
		}
		return false
	}
	afterHole := false
	emitText := func(i int) {
		if (toks[i].space || afterHole) && shape.Len() > 0 {
			shape.WriteByte(' ')
			body.WriteByte(' ')
		}
		s := text[toks[i].start:toks[i].end]
		shape.WriteString(s)
		body.WriteString(s)
		afterHole = false
	}
	// A value becomes one token with a space on each side, so that it never glues to
	// a word next to it (IN[1] becomes IN $_bkg_0, not IN_bkg_row[0]).
	emitHole := func(i int, v any) {
		if shape.Len() > 0 {
			shape.WriteByte(' ')
			body.WriteByte(' ')
		}
		n := strconv.Itoa(len(l.values))
		shape.WriteString("$" + liftPrefix + n)
		body.WriteString(batchRowVar + "[" + n + "]")
		l.values = append(l.values, v)
		afterHole = true
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		s := text[t.start:t.end]
		prevP, nextP, prevW := punct(i-1), punct(i+1), word(i-1)
		numberOK := !inQuantifier() && prevP != "*" && prevP != ".." && nextP != ".." && !noLiftAfter[prevW]
		switch t.kind {
		case tString:
			if numberOK {
				if v, ok := parseString(s); ok {
					emitHole(i, v)
					continue
				}
			}
		case tNumber:
			if numberOK && prevP != "." {
				v, ok := parseNumber(s)
				if f, isFloat := v.(float64); ok && prevP == "-" && isFloat && f == 0 {
					// Neo4j reads -0.0 as negative zero but computes -(0.0) as 0.0: the
					// sign must go with the value, which it can only when the minus is
					// surely unary; otherwise the zero stays in the text.
					ok = false
				}
				if ok {
					emitHole(i, v)
					continue
				}
			}
		case tWord:
			up := ups[i]
			if (up == "TRUE" || up == "FALSE") && numberOK && prevP != "." && nextP != ":" && nextP != "(" && prevW != "NOT" &&
				(prevP != ":" || top() == '{' && i >= 3 && (toks[i-2].kind == tWord || toks[i-2].kind == tName) &&
					(punct(i-3) == "{" || punct(i-3) == ",")) {
				emitHole(i, up == "TRUE")
				continue
			}
		case tPunct:
			switch s {
			case "-":
				// A unary minus before a number goes with it into the value.
				if i+1 < len(toks) && toks[i+1].kind == tNumber && !inQuantifier() && punct(i+2) != ".." &&
					(unaryAfter[prevP] || listAfter[prevW] && toks[i-1].kind == tWord) {
					if v, ok := parseNumber("-" + text[toks[i+1].start:toks[i+1].end]); ok {
						emitHole(i, v)
						i++
						continue
					}
				}
			case "[":
				listOK := i == 0 || listAfter[prevW] && toks[i-1].kind == tWord
				switch prevP {
				case "(", ",", "=", "[", "+", "<>", "<", ">", "<=", ">=":
					listOK = true
				case ":":
					listOK = top() == '{'
				}
				if listOK && !inQuantifier() {
					p := &litParser{src: text, toks: toks, i: i}
					if v, ok := p.value(); ok {
						emitHole(i, v)
						i = p.i - 1
						continue
					}
				}
				brackets = append(brackets, '[')
			case "(":
				brackets = append(brackets, '(')
			case "{":
				if k := toks[min(i+1, len(toks)-1)]; i+1 < len(toks) && (k.kind == tNumber || punct(i+1) == ",") {
					brackets = append(brackets, 'q')
				} else {
					brackets = append(brackets, '{')
				}
			case ")", "]", "}":
				if len(brackets) > 0 {
					brackets = brackets[:len(brackets)-1]
				}
			}
		}
		emitText(i)
	}
	l.shape = shape.String()
	if batchable {
		l.body = body.String()
	}
	return l, true
}

// upperASCII is s with ASCII letters in upper case; it allocates only when s has a
// lower-case letter.
func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
