package analysis

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestMemoPublishes: words worked out are published to the lock-free map
// once enough are new, and a published word is answered without
// computing it again; a dropped memo (maxCache words) starts again empty.
func TestMemoPublishes(t *testing.T) {
	var m memo[string]
	calls := 0
	f := func(s string) string { calls++; return s + "!" }
	for i := range minPublish - 1 {
		m.get(strconv.Itoa(i), f)
	}
	if m.read.Load() != nil {
		t.Fatalf("published after %d words, want %d", minPublish-1, minPublish)
	}
	m.get("sista", f)
	r := m.read.Load()
	if r == nil || len(*r) != minPublish || len(m.dirty) != 0 {
		t.Fatalf("after %d words: published %v, %d unpublished", minPublish, r != nil, len(m.dirty))
	}
	calls = 0
	for i := range minPublish - 1 {
		if got, want := m.get(strconv.Itoa(i), f), strconv.Itoa(i)+"!"; got != want {
			t.Fatalf("get(%d) = %q, want %q", i, got, want)
		}
	}
	if calls != 0 {
		t.Errorf("%d published words computed again", calls)
	}
	// The next publication waits for a quarter of the published words.
	for i := range maxCache {
		m.get("w"+strconv.Itoa(i), f)
		if n := m.len(); n > maxCache {
			t.Fatalf("memo holds %d words, bound %d", n, maxCache)
		}
	}
	if r := m.read.Load(); r != nil && len(m.dirty) > max(minPublish, len(*r)/4) {
		t.Errorf("%d unpublished words beside %d published", len(m.dirty), len(*r))
	}
}

// TestMemoConcurrent: workers asking for the same words at once all get
// compute's value, across publications and a drop (run with -race: the
// published map is only read).
func TestMemoConcurrent(t *testing.T) {
	var m memo[int]
	var calls atomic.Int64
	f := func(s string) int { calls.Add(1); return len(s) * 7 }
	words := make([]string, 3*minPublish)
	for i := range words {
		words[i] = strings.Repeat("a", i%maxMemoKey+1) + strconv.Itoa(i)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for round := range 3 {
				for i := range words {
					k := words[(i*(w+1)+round)%len(words)]
					if got := m.get(k, f); got != len(k)*7 {
						t.Errorf("get(%q) = %d, want %d", k, got, len(k)*7)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n < int64(len(words)) || n > 4*int64(len(words)) {
		t.Errorf("%d computations for %d words by 4 workers", n, len(words))
	}
}

// rwMemo is the memo's lookup as it was before its reads went lock-free
// (one map under a read-write mutex), kept to measure the change against;
// the benchmark's words are few and short, so it needs no bounds.
type rwMemo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

func (c *rwMemo[V]) get(key string, compute func(string) V) V {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	if !ok {
		v = compute(key)
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]V{}
		}
		c.m[key] = v
		c.mu.Unlock()
	}
	return v
}

// BenchmarkFormMemo: the words of generated documents looked up in a
// memo of them by parallel workers, as the tokeniser does, through the
// read-write mutex ("rwmutex") and the published map ("published").
func BenchmarkFormMemo(b *testing.B) {
	var words []string
	for _, d := range generatedDocs(b, 20) {
		for _, tok := range Tokenize(d.Text, 0) {
			words = append(words, tok.Text)
		}
	}
	f := func(s string) int { return len(s) }
	run := func(b *testing.B, get func(string) int) {
		for _, w := range words {
			get(w)
		}
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i, n := 0, 0
			for pb.Next() {
				n += get(words[i])
				if i++; i == len(words) {
					i = 0
				}
			}
			_ = n
		})
	}
	b.Run("rwmutex", func(b *testing.B) {
		var m rwMemo[int]
		run(b, func(w string) int { return m.get(w, f) })
	})
	b.Run("published", func(b *testing.B) {
		var m memo[int]
		run(b, func(w string) int { return m.get(w, f) })
	})
}
