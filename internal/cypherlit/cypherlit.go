// Package cypherlit writes names and strings into Cypher text: the one place that knows how
// Cypher quotes them. The compiler (internal/cypherc), `export` and the synthetic generator
// use it; values from clients never go through it but travel as parameters.
package cypherlit

import (
	"fmt"
	"strings"
	"unicode"
)

// Name writes a label, relationship type, property key or map key: as it is when it is a
// plain identifier, otherwise between backticks.
func Name(s string) string {
	plain := s != ""
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9'
	}
	if plain {
		return s
	}
	return Quoted(s)
}

// Quoted writes a name between backticks, whatever it is.
func Quoted(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// String writes a single-quoted Cypher string (see Escape).
func String(s string) string { return "'" + Escape(s) + "'" }

// Escape writes the inside of a single-quoted Cypher string. Backslash, quote and the
// characters one cannot see (controls, format characters such as zero-width spaces,
// separators other than the plain space) are escaped; everything else, accents and other
// scripts included, is written as it is.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r == ' ' || unicode.IsGraphic(r) && !unicode.In(r, unicode.Zs, unicode.Cf) {
				b.WriteRune(r)
				continue
			}
			if r > 0xFFFF {
				r1, r2 := surrogates(r)
				fmt.Fprintf(&b, `\u%04X\u%04X`, r1, r2)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
	}
	return b.String()
}

func surrogates(r rune) (rune, rune) {
	r -= 0x10000
	return 0xD800 + (r>>10)&0x3FF, 0xDC00 + r&0x3FF
}
