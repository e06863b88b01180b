// Package memo keeps values computed from keys that repeat, such as the text of a query
// that a dashboard sends again and again, up to a total weight: when an addition would pass
// it, everything kept so far is dropped and the cache fills again. Simple and bounded, for
// values that are cheap enough to compute again.
package memo

import "sync"

// Cache maps keys to values, safe for concurrent use.
type Cache[V any] struct {
	mu     sync.RWMutex
	m      map[string]V
	weight int
	max    int
}

// New returns a cache holding at most max weight (Add says what an entry weighs).
func New[V any](max int) *Cache[V] { return &Cache[V]{m: map[string]V{}, max: max} }

// Get returns the value kept for key.
func (c *Cache[V]) Get(key string) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

// Add keeps v for key; it weighs weight plus the key's length. An entry heavier than the
// whole cache is not kept.
func (c *Cache[V]) Add(key string, v V, weight int) {
	weight += len(key)
	if weight > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok {
		return
	}
	if c.weight+weight > c.max {
		c.m = map[string]V{}
		c.weight = 0
	}
	c.m[key] = v
	c.weight += weight
}

// Len returns the number of entries kept.
func (c *Cache[V]) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

// Size is about the bytes v holds, for weighing an entry: strings by their length, lists
// and maps by their elements, anything else as a word or two. It follows what JSON decodes
// to and what is sent to Neo4j as parameters.
func Size(v any) int {
	switch x := v.(type) {
	case string:
		return 16 + len(x)
	case []any:
		n := 24
		for _, e := range x {
			n += Size(e)
		}
		return n
	case []string:
		n := 24
		for _, e := range x {
			n += 16 + len(e)
		}
		return n
	case map[string]any:
		n := 48
		for k, e := range x {
			n += 16 + len(k) + Size(e)
		}
		return n
	}
	return 16
}
