package server

import (
	"container/list"
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// byteCache is a least-recently-used cache bounded by the bytes its entries weigh, not by
// their number: gqlgen's caches hold 1,000 entries whatever their size, so 1,000 documents
// of 1 MiB each held gigabytes. An entry heavier than maxEntry is not kept at all; adding
// one evicts the least recently used entries until the total is back under maxTotal.
type byteCache[T any] struct {
	mu                 sync.Mutex
	weigh              func(key string, v T) int
	maxEntry, maxTotal int
	total              int
	order              *list.List // front: most recently used
	items              map[string]*list.Element
}

type cacheEntry[T any] struct {
	key    string
	value  T
	weight int
}

var _ graphql.Cache[string] = (*byteCache[string])(nil)

func newByteCache[T any](maxEntry, maxTotal int, weigh func(key string, v T) int) *byteCache[T] {
	return &byteCache[T]{weigh: weigh, maxEntry: maxEntry, maxTotal: maxTotal, order: list.New(), items: map[string]*list.Element{}}
}

// Get returns the entry for key and marks it used.
func (c *byteCache[T]) Get(_ context.Context, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cacheEntry[T]).value, true
	}
	var zero T
	return zero, false
}

// Add keeps value under key unless it weighs more than maxEntry.
func (c *byteCache[T]) Add(_ context.Context, key string, value T) {
	w := c.weigh(key, value)
	if w > c.maxEntry || w > c.maxTotal {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		old := e.Value.(*cacheEntry[T])
		c.total += w - old.weight
		old.value, old.weight = value, w
		c.order.MoveToFront(e)
	} else {
		c.items[key] = c.order.PushFront(&cacheEntry[T]{key: key, value: value, weight: w})
		c.total += w
	}
	for c.total > c.maxTotal {
		last := c.order.Back()
		ent := last.Value.(*cacheEntry[T])
		c.order.Remove(last)
		delete(c.items, ent.key)
		c.total -= ent.weight
	}
}

// stats returns the number of entries and their total weight.
func (c *byteCache[T]) stats() (n, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.total
}

// Cache bounds. A parsed document weighs about 30 bytes per byte of its text (measured with
// gqlparser v2.5.33), so the parsed-query cache keeps documents of up to 64 KiB of text and
// about 64 MiB in all; APQ keeps queries of up to 64 KiB and 16 MiB in all.
const (
	maxCachedQuery   = 64 << 10
	parsedCacheBytes = 64 << 20
	apqCacheBytes    = 16 << 20
	astBytesPerByte  = 32
	entryOverhead    = 128
)

func newParsedCache() *byteCache[*ast.QueryDocument] {
	return newByteCache(maxCachedQuery*astBytesPerByte, parsedCacheBytes, func(key string, _ *ast.QueryDocument) int {
		return entryOverhead + len(key)*(1+astBytesPerByte)
	})
}

func newAPQCache() *byteCache[string] {
	return newByteCache(maxCachedQuery, apqCacheBytes, func(key, query string) int {
		return entryOverhead + len(key) + len(query)
	})
}
