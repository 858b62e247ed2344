package analysis

import (
	"strings"
	"sync"
	"sync/atomic"
)

// memo is a bounded memo of a function of a word, safe for concurrent
// use: a corpus repeats its vocabulary, so each word form is worked out
// once. When it holds maxCache words it is dropped and rebuilt, so a
// stream of odd tokens cannot grow it without bound; words longer than
// maxMemoKey bytes (base64 or glued text from a broken file, not words)
// are worked out each time and never stored, so neither can a few huge
// ones. Keys are copied, so that the memo does not keep documents' texts
// alive.
//
// The words are read without a lock: the tokeniser asks the form memo
// for every word of every document from every worker, and a read-write
// mutex's reader count, one cache line written by both cores for each
// word, cost about as much as the map lookup itself. Words already known
// are in read, a map that is never written once published; words worked
// out since are in dirty, under mu, and are published by copying read
// and dirty into a new map once dirty holds a quarter as many words as
// read (so each word is copied a few times over a run, not once per
// new word). Every value is compute's for its key, so which map answers,
// and a word worked out twice when two workers meet it at once, changes
// no result.
type memo[V any] struct {
	read  atomic.Pointer[map[string]V]
	mu    sync.Mutex
	dirty map[string]V
}

// maxMemoKey is the longest word (in bytes) a memo stores: longer than
// any Swedish compound a plan uses (maxCompoundRunes bounds compound
// analysis below it).
const maxMemoKey = 128

// maxCache bounds the memo; when full it is dropped and rebuilt.
const maxCache = 200000

// minPublish is the fewest new words published at once: while the memo
// is small, copying it for every few words would cost more than the
// lock it saves.
const minPublish = 256

// get returns compute(key), memoised.
func (c *memo[V]) get(key string, compute func(string) V) V {
	if len(key) > maxMemoKey {
		return compute(key)
	}
	if r := c.read.Load(); r != nil {
		if v, ok := (*r)[key]; ok {
			return v
		}
	}
	c.mu.Lock()
	v, ok := c.dirty[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute(key)
	c.mu.Lock()
	c.store(key, v)
	c.mu.Unlock()
	return v
}

// store adds key's value to dirty, dropping the memo first when it holds
// maxCache words and publishing dirty when it has grown enough; c.mu is
// held.
func (c *memo[V]) store(key string, v V) {
	var read map[string]V
	if r := c.read.Load(); r != nil {
		read = *r
	}
	if len(read)+len(c.dirty) >= maxCache {
		c.read.Store(nil)
		read, c.dirty = nil, nil
	}
	if c.dirty == nil {
		c.dirty = map[string]V{}
	}
	c.dirty[strings.Clone(key)] = v
	if len(c.dirty) < max(minPublish, len(read)/4) {
		return
	}
	merged := make(map[string]V, len(read)+len(c.dirty))
	for k, v := range read {
		merged[k] = v
	}
	for k, v := range c.dirty {
		merged[k] = v
	}
	c.read.Store(&merged)
	c.dirty = nil
}

// len returns how many words the memo holds (a word met by two workers
// at once may count twice until it is published).
func (c *memo[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.dirty)
	if r := c.read.Load(); r != nil {
		n += len(*r)
	}
	return n
}
