package cypherfile

// literal.go reads Cypher literal values on the client: the strings, numbers, booleans,
// nulls, lists and maps a steward's file spells out. The importer sends them to Neo4j as
// parameters (see lift.go) instead of asking Neo4j to parse every distinct statement text.

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseLiteral reads src as one Cypher literal value and returns it as the Go value the
// Neo4j driver sends for it: string, int64, float64, bool, nil, []any, map[string]any.
//
// Strings take single or double quotes and every escape Cypher 5 has (\\ \' \" \b \f \n
// \r \t \uXXXX, including surrogate pairs). Neo4j 5.26 keeps \UXXXXXXXX as written (a
// backslash, then U...), like other unknown escapes: such strings are left to Neo4j. Integers are decimal,
// hexadecimal (0x1F) or octal (0o17); a leading minus is part of the literal, so
// -9223372036854775808 reads. Floats are decimal with a fraction and/or an exponent
// (1.5, .5, 1e3, 1.5E-3). true, false and null read in any letter case. Lists and maps
// nest; map keys are names, plain or backticked. White space and comments may separate
// tokens.
//
// Anything else — an expression such as 1 + 1 or date('2024-01-01'), an escape Cypher
// does not define, a lone surrogate, a number out of range (Neo4j refuses those too) —
// is an error: the caller then lets Neo4j read the text itself.
func ParseLiteral(src string) (any, error) {
	toks, ok := lex(src)
	if !ok {
		return nil, errors.New("cannot read the text as Cypher tokens")
	}
	p := &litParser{src: src, toks: toks}
	v, ok := p.value()
	if !ok {
		return nil, fmt.Errorf("not a literal value: %s", strings.TrimSpace(src))
	}
	if p.i != len(toks) {
		return nil, fmt.Errorf("not a literal value: %s (text after the value)", strings.TrimSpace(src))
	}
	return v, nil
}

// tokKind is the kind of a Cypher token as lex sees it.
type tokKind int

const (
	tPunct  tokKind = iota // one byte, or ".." "<>" "<=" ">=" "=~" "+=" "->" "<-"
	tWord                  // a name or keyword: letters, digits, _
	tName                  // a backticked name
	tString                // a quoted string
	tNumber                // a number (digits, hex, octal, float, possibly junk: see parseNumber)
	tParam                 // $name or $`name` or $0
)

// token is one token of a statement: src[start:end].
type token struct {
	kind       tokKind
	start, end int
	// space is set when white space or a comment precedes the token.
	space bool
}

// lex cuts text into tokens, skipping white space and comments. It reports false when
// the text cannot be cut (an unterminated string, comment or backticked name, invalid
// UTF-8).
func lex(text string) ([]token, bool) {
	if !utf8.ValidString(text) {
		return nil, false
	}
	s := &splitter{src: text}
	toks := make([]token, 0, len(text)/4+1)
	space := false
	for i := 0; i < len(text); {
		next, skipped, err := s.skip(i)
		if err != nil {
			return nil, false
		}
		if skipped {
			i, space = next, true
			continue
		}
		c := text[i]
		t := token{start: i, space: space}
		space = false
		switch {
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(text) && isDigit(text[i+1]) && !endsValue(text, toks):
			t.kind, t.end = tNumber, lexNumber(text, i)
		case isWordByte(c) || c >= utf8.RuneSelf:
			j := i
			for j < len(text) {
				if isWordByte(text[j]) {
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if r < utf8.RuneSelf || !isIdentRune(r) {
					break
				}
				j += n
			}
			if j == i { // a non-ASCII rune that is not part of a name: one punctuation token
				_, n := utf8.DecodeRuneInString(text[i:])
				j = i + n
			}
			t.kind, t.end = tWord, j
		case c == '\'' || c == '"':
			end, err := s.token(i)
			if err != nil {
				return nil, false
			}
			t.kind, t.end = tString, end
		case c == '`':
			end, err := s.token(i)
			if err != nil {
				return nil, false
			}
			t.kind, t.end = tName, end
		case c == '$':
			j := i + 1
			if j < len(text) && text[j] == '`' {
				end, err := s.token(j)
				if err != nil {
					return nil, false
				}
				j = end
			} else {
				for j < len(text) && isWordByte(text[j]) {
					j++
				}
				for j < len(text) {
					r, n := utf8.DecodeRuneInString(text[j:])
					if r < utf8.RuneSelf && !isWordByte(byte(r)) || r >= utf8.RuneSelf && !isIdentRune(r) {
						break
					}
					j += n
				}
			}
			t.kind, t.end = tParam, j
		default:
			t.kind, t.end = tPunct, i+1
			if i+1 < len(text) {
				switch text[i : i+2] {
				case "..", "<>", "<=", ">=", "=~", "+=", "->", "<-":
					t.end = i + 2
				}
			}
		}
		toks = append(toks, t)
		i = t.end
	}
	return toks, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isIdentRune(r rune) bool {
	return r == '_' || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// endsValue reports whether the last token ends an expression, so that a following "."
// is property access rather than the start of a number like .5.
func endsValue(text string, toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	switch t.kind {
	case tWord, tName, tString, tNumber, tParam:
		return true
	}
	c := text[t.start]
	return c == ')' || c == ']' || c == '}'
}

// lexNumber returns the end of the number starting at text[i]: digits with an optional
// fraction and exponent, and any letters, digits or underscores glued to it (hex, octal,
// or junk that parseNumber then refuses).
func lexNumber(text string, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		j++
		for j < len(text) && isDigit(text[j]) {
			j++
		}
	}
	if j < len(text) && (text[j] == 'e' || text[j] == 'E') {
		k := j + 1
		if k < len(text) && (text[k] == '+' || text[k] == '-') {
			k++
		}
		if k < len(text) && isDigit(text[k]) {
			j = k
			for j < len(text) && isDigit(text[j]) {
				j++
			}
		}
	}
	for j < len(text) && isWordByte(text[j]) {
		j++
	}
	return j
}

// parseNumber reads a number token (with an optional leading minus) as Cypher does. It
// refuses what it is not sure of: underscores, out-of-range values, floats that do not
// round to a finite non-zero double unless written as zero, and old-style octal (017).
func parseNumber(s string) (any, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	if body == "" || strings.ContainsAny(body, "_") {
		return nil, false
	}
	lower := strings.ToLower(body)
	switch {
	case strings.HasPrefix(body, "0x"), strings.HasPrefix(body, "0o"):
		base := 16
		if body[1] == 'o' {
			base = 8
		}
		if len(body) == 2 {
			return nil, false
		}
		u, err := strconv.ParseUint(body[2:], base, 64)
		if err != nil {
			return nil, false
		}
		return signed(u, neg)
	case strings.ContainsAny(lower, ".e"):
		for _, c := range lower {
			if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == '+' || c == '-') {
				return nil, false
			}
		}
		f, err := strconv.ParseFloat(body, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, false
		}
		if f == 0 && strings.Trim(strings.SplitN(lower, "e", 2)[0], "0.") != "" {
			return nil, false // underflow to zero: leave it to Neo4j
		}
		if neg {
			f = -f
		}
		return f, true
	}
	if len(body) > 1 && body[0] == '0' {
		return nil, false // 017: old octal notation, deprecated; let Neo4j read it
	}
	for i := 0; i < len(body); i++ {
		if !isDigit(body[i]) {
			return nil, false
		}
	}
	u, err := strconv.ParseUint(body, 10, 64)
	if err != nil {
		return nil, false
	}
	return signed(u, neg)
}

func signed(u uint64, neg bool) (any, bool) {
	switch {
	case !neg && u <= math.MaxInt64:
		return int64(u), true
	case neg && u <= math.MaxInt64:
		return -int64(u), true
	case neg && u == 1<<63:
		return int64(math.MinInt64), true
	}
	return nil, false
}

// parseString decodes a quoted string token. It refuses escapes Cypher does not define and
// lone surrogates, which Neo4j would treat in its own way.
func parseString(tok string) (string, bool) {
	body := tok[1 : len(tok)-1]
	if !strings.ContainsRune(body, '\\') {
		return body, true
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", false
		}
		switch body[i] {
		case '\\':
			b.WriteByte('\\')
		case '\'':
			b.WriteByte('\'')
		case '"':
			b.WriteByte('"')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hexRune(body, i+1, 4)
			if !ok {
				return "", false
			}
			i += 4
			if r >= 0xD800 && r <= 0xDBFF { // a high surrogate: needs its low half next
				if i+2 >= len(body) || body[i+1] != '\\' || body[i+2] != 'u' {
					return "", false
				}
				lo, ok := hexRune(body, i+3, 4)
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					return "", false
				}
				r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
				i += 6
			} else if r >= 0xDC00 && r <= 0xDFFF {
				return "", false
			}
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), true
}

// hexRune reads n hex digits of s at i.
func hexRune(s string, i, n int) (rune, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v, err := strconv.ParseUint(s[i:i+n], 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// litParser reads literal values from a token list.
type litParser struct {
	src  string
	toks []token
	i    int
}

func (p *litParser) text(t token) string { return p.src[t.start:t.end] }

func (p *litParser) punct(c byte) bool {
	if p.i < len(p.toks) && p.toks[p.i].kind == tPunct && p.text(p.toks[p.i]) == string(c) {
		p.i++
		return true
	}
	return false
}

// value reads one literal value at p.i and moves past it; it reports false (p.i then
// undefined) when the tokens there are not a literal.
func (p *litParser) value() (any, bool) {
	if p.i >= len(p.toks) {
		return nil, false
	}
	t := p.toks[p.i]
	switch t.kind {
	case tString:
		p.i++
		return parseString(p.text(t))
	case tNumber:
		p.i++
		return parseNumber(p.text(t))
	case tWord:
		p.i++
		switch strings.ToLower(p.text(t)) {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		}
		return nil, false
	case tPunct:
		switch p.text(t) {
		case "-":
			if p.i+1 < len(p.toks) && p.toks[p.i+1].kind == tNumber {
				p.i += 2
				return parseNumber("-" + p.text(p.toks[p.i-1]))
			}
		case "[":
			p.i++
			list := []any{}
			if p.punct(']') {
				return list, true
			}
			for {
				v, ok := p.value()
				if !ok {
					return nil, false
				}
				list = append(list, v)
				if p.punct(']') {
					return list, true
				}
				if !p.punct(',') {
					return nil, false
				}
			}
		case "{":
			p.i++
			m := map[string]any{}
			if p.punct('}') {
				return m, true
			}
			for {
				if p.i >= len(p.toks) {
					return nil, false
				}
				k := p.toks[p.i]
				var key string
				switch k.kind {
				case tWord:
					key = p.text(k)
				case tName:
					key = unquoteName(p.text(k))
				default:
					return nil, false
				}
				p.i++
				if !p.punct(':') {
					return nil, false
				}
				v, ok := p.value()
				if !ok {
					return nil, false
				}
				if _, dup := m[key]; dup {
					return nil, false // Neo4j's rule for duplicate keys is its own
				}
				m[key] = v
				if p.punct('}') {
					return m, true
				}
				if !p.punct(',') {
					return nil, false
				}
			}
		}
	}
	return nil, false
}

// unquoteName turns `a“b` into a`b.
func unquoteName(s string) string {
	return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
}
