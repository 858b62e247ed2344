package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpacesToClean: spacesToClean(l) says exactly whether cleanSpaces
// changes l, on every line of the bundled corpus and on 50,000 random
// lines of spaces, TABs, other white space and letters.
func TestSpacesToClean(t *testing.T) {
	var lines []string
	for _, text := range corpusTexts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	if len(lines) < 100 {
		t.Fatalf("only %d corpus lines", len(lines))
	}
	pieces := []string{" ", " ", "  ", "\t", "\t\t", "a", "å", "ord", "\u00a0", "\n", "\r", "-"}
	rng := rand.New(rand.NewPCG(13, 5))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	changed, kept := 0, 0
	for _, l := range lines {
		want := cleanSpaces(l) != l
		if got := spacesToClean(l); got != want {
			t.Fatalf("spacesToClean(%q) = %v, but cleanSpaces makes %q", l, got, cleanSpaces(l))
		}
		if want {
			changed++
		} else {
			kept++
		}
	}
	if changed < 1000 || kept < 1000 {
		t.Fatalf("too little checked: %d lines changed, %d kept", changed, kept)
	}
}

// corpusTexts are the bundled corpus's texts (testdata/corpus).
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		tb.Fatal("no corpus texts")
	}
	return texts
}

// BenchmarkCleanText: CleanText over the bundled corpus's documents, one
// page each, as a text file is.
func BenchmarkCleanText(b *testing.B) {
	texts := corpusTexts(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			CleanText(s)
		}
	}
}
