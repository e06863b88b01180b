package memo

import "testing"

func TestCacheKeepsWithinItsWeight(t *testing.T) {
	c := New[int](100)
	c.Add("a", 1, 10) // weighs 11
	c.Add("b", 2, 10)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("a = %v, %v", v, ok)
	}
	c.Add("a", 9, 10) // kept already: unchanged
	if v, _ := c.Get("a"); v != 1 {
		t.Fatalf("a replaced by %v", v)
	}
	c.Add("big", 3, 200) // heavier than the cache: not kept, nothing dropped
	if _, ok := c.Get("big"); ok || c.Len() != 2 {
		t.Fatalf("big kept, or others dropped: %d entries", c.Len())
	}
	c.Add("c", 4, 80) // 22 + 81 > 100: the cache starts again
	if _, ok := c.Get("a"); ok {
		t.Fatal("a still kept past the weight")
	}
	if v, ok := c.Get("c"); !ok || v != 4 || c.Len() != 1 {
		t.Fatalf("c = %v, %v; %d entries", v, ok, c.Len())
	}
}
