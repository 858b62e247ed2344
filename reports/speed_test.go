package reports

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The checks below hold the shortcuts taken for speed to the rules they
// stand in for.

// nearestScan is nearest without the shortcut for a word found where it
// was expected: every occurrence in text[from:to], the nearest to want,
// the earlier of two as near.
func nearestScan(text, word string, want, from, to int) int {
	from, to = max(0, min(from, len(text))), max(0, min(to, len(text)))
	best := -1
	for i := from; i+len(word) <= to; i++ {
		if text[i:i+len(word)] == word && (best < 0 || abs(i-want) < abs(best-want)) {
			best = i
		}
	}
	return best
}

// TestNearestExpected: nearest finds what a scan of every occurrence
// finds, with the word at, before and after where it is expected, and in
// windows that cut it.
func TestNearestExpected(t *testing.T) {
	words := []string{"skola", "bostad", "arbete", "sko", "a", "ola", "Skola", "skolan"}
	rng := rand.New(rand.NewPCG(7, 8))
	at := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		word := words[rng.IntN(len(words))]
		want := rng.IntN(len(text) + 4)
		from, to := want-rng.IntN(12), want+len(word)+rng.IntN(12)-2
		if rng.IntN(4) == 0 {
			from, to = 0, len(text)
		}
		w := nearestScan(text, word, want, from, to)
		if got := nearest(text, word, want, from, to); got != w {
			t.Fatalf("nearest(%q, %q, %d, %d, %d) = %d, want %d", text, word, want, from, to, got, w)
		}
		if w == want {
			at++
		}
	}
	if at == 0 {
		t.Fatal("no word was where it was expected: the shortcut is not tested")
	}
}
