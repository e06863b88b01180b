package kg

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"abee", `"abee"`},
		{`a"b`, `"a\"b"`},
		{strings.Repeat("x", 64), `"` + strings.Repeat("x", 64) + `"`},
		{strings.Repeat("x", 65), `"` + strings.Repeat("x", 64) + `"… (65 bytes)`},
		// cut on a character boundary: 31 é (62 bytes), then the one that would straddle 64
		{"x" + strings.Repeat("é", 40), `"x` + strings.Repeat("é", 31) + `"… (81 bytes)`},
	} {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%.20q…) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
