package cypherlit

import "testing"

func TestNames(t *testing.T) {
	for _, c := range []struct{ in, name, quoted string }{
		{"Actor", "Actor", "`Actor`"},
		{"_x1", "_x1", "`_x1`"},
		{"1x", "`1x`", "`1x`"},
		{"a b", "`a b`", "`a b`"},
		{"a`b", "`a``b`", "`a``b`"},
		{"", "``", "``"},
	} {
		if got := Name(c.in); got != c.name {
			t.Errorf("Name(%q) = %s, want %s", c.in, got, c.name)
		}
		if got := Quoted(c.in); got != c.quoted {
			t.Errorf("Quoted(%q) = %s, want %s", c.in, got, c.quoted)
		}
	}
}

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"plain":              "'plain'",
		"a'b\\c\nd\te\r":     `'a\'b\\c\nd\te\r'`,
		"Liège 😀":            "'Liège 😀'",
		"\u200b\U000E0001":   `'\u200B\uDB40\uDC01'`,
		"nbsp\u00a0here\x00": `'nbsp\u00A0here\u0000'`,
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %s, want %s", in, got, want)
		}
	}
}
