package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// The direct writer's strings must be gqlgen's, byte for byte.
func TestQuoteIsMarshalString(t *testing.T) {
	for _, s := range []string{"", "plain", `a "quoted" \ back\slash`, "tab\tcr\rnl\n", "\x00\x01\x1f\x7f", "é ü 漢字 😀", "bad \xff\xfe utf-8", "<html> & \u2028 \u2029"} {
		var want, got bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		w := writer{}
		w.quote(s)
		got = w.buf
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("quote(%q) = %s, want %s", s, got.Bytes(), want.Bytes())
		}
	}
}
