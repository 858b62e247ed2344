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

// TestPlainText: a text isPlainText passes is one the first steps of
// CleanText leave as it is (no CR, needsReplacing false, isNFCQuick true,
// needsRuneCleaning false), on the corpus's texts and 50,000 random mixes
// of what those steps change and what they keep; the corpus's texts and
// every printable ASCII byte, TAB, LF and the Swedish letters pass.
func TestPlainText(t *testing.T) {
	texts := corpusTexts(t)
	pieces := []string{"a", "å", "Ä", "ö", "é", " ", "\t", "\n", "\r", "\r\n", "\f", "\u00ad", "ﬁ", "\u00a0", "\u2011", "\u200b",
		"\u2028", "\x01", "\x7f", "\u0301", "e\u0301", "\u212b", "\xff", "\xc3", "–", "”", "•", "€", "\u2100", "ord"}
	rng := rand.New(rand.NewPCG(7, 9))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	plain, other := 0, 0
	for _, s := range texts {
		if !isPlainText(s) {
			other++
			continue
		}
		plain++
		if strings.ContainsRune(s, '\r') || needsReplacing(s) || !isNFCQuick(s) || needsRuneCleaning(s) {
			t.Fatalf("isPlainText(%q), but a step of CleanText changes it", s)
		}
	}
	if plain < 1000 || other < 1000 {
		t.Fatalf("too little checked: %d plain, %d not", plain, other)
	}
	for _, s := range corpusTexts(t) {
		if !isPlainText(s) {
			t.Errorf("a corpus text is not plain: the fast path is not taken")
		}
	}
	for c := byte(' '); c < 0x7f; c++ {
		if !isPlainText(string(c)) {
			t.Errorf("isPlainText(%q) = false", c)
		}
	}
	for _, s := range []string{"\t", "\n", "åäöÅÄÖéü", "– ” • €"} {
		if !isPlainText(s) {
			t.Errorf("isPlainText(%q) = false", s)
		}
	}
}
