package server

import (
	"context"
	"strings"
	"testing"
)

func TestByteCacheBoundsBytes(t *testing.T) {
	ctx := context.Background()
	c := newByteCache(100, 250, func(k, v string) int { return len(k) + len(v) })
	c.Add(ctx, "big", strings.Repeat("x", 200)) // heavier than an entry may be
	if _, ok := c.Get(ctx, "big"); ok {
		t.Error("an entry over maxEntry was kept")
	}
	for _, k := range []string{"a", "b", "c"} {
		c.Add(ctx, k, strings.Repeat("x", 79)) // 80 each
	}
	c.Get(ctx, "a") // a is now the most recently used
	c.Add(ctx, "d", strings.Repeat("x", 79))
	if _, ok := c.Get(ctx, "b"); ok {
		t.Error("the least recently used entry was not evicted")
	}
	for _, k := range []string{"a", "c", "d"} {
		if _, ok := c.Get(ctx, k); !ok {
			t.Errorf("%s was evicted", k)
		}
	}
	if n, bytes := c.stats(); n != 3 || bytes != 240 {
		t.Errorf("%d entries, %d bytes; want 3, 240", n, bytes)
	}
	// the real caches: 1,000 documents of 1 MiB stay within the byte bounds
	p := newAPQCache()
	q := strings.Repeat(" ", 1<<20)
	for i := range 1000 {
		p.Add(ctx, strings.Repeat("k", i%64+1)+string(rune('a'+i%26)), q)
	}
	if n, bytes := p.stats(); n != 0 || bytes != 0 {
		t.Errorf("APQ kept %d queries of 1 MiB (%d bytes)", n, bytes)
	}
	small := strings.Repeat(" ", 60<<10)
	for i := range 1000 {
		p.Add(ctx, string(rune(0x4e00+i)), small)
	}
	if _, bytes := p.stats(); bytes > apqCacheBytes {
		t.Errorf("APQ holds %d bytes, more than %d", bytes, apqCacheBytes)
	}
}

func TestJSONValues(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{`{"query": "{ a, b, [c] }"}`, 2},
		{`{"query": "q", "variables": {"f": [1, 2, 3]}}`, 7},
		{`{"s": "a\"],[{,"}`, 2},
		{`[{"text":"a"},{"text":"a"},{"text":"a"}]`, 7},
	} {
		if got := jsonValues([]byte(tc.in)); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.in, got, tc.want)
		}
	}
}
