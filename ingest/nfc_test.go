package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCQuick: a string isNFCQuick passes is what norm.NFC makes of it,
// on every pair of runes below nfcStableLimit that the table holds
// stable, on random strings of stable and unstable runes (combining
// marks, the quads that decompose, Hangul jamo, invalid bytes), and on
// the bundled corpus; and it passes most of the corpus's texts.
func TestNFCQuick(t *testing.T) {
	var stable []rune
	for r := rune(0); r < nfcStableLimit; r++ {
		if isNFCQuick(string(r)) {
			stable = append(stable, r)
		}
	}
	if len(stable) < 1000 {
		t.Fatalf("only %d stable runes", len(stable))
	}
	for _, r := range []rune{'\u0300', '\u0301', '\u2000', '\u2001', '\u0340', '\u0344', '\u1161', '\u11a8', '\u0345'} {
		if isNFCQuick(string(r)) {
			t.Errorf("%U counted stable", r)
		}
	}
	check := func(s string) {
		t.Helper()
		if isNFCQuick(s) && norm.NFC.String(s) != s {
			t.Fatalf("isNFCQuick(%q) but NFC makes %q", s, norm.NFC.String(s))
		}
	}
	// Every ordered pair of stable runes is NFC (the claim the table
	// rests on: none combines with what comes before it). A sample of
	// first runes keeps this to a few million pairs.
	for i := 0; i < len(stable); i += 29 {
		for _, b := range stable {
			if s := string(stable[i]) + string(b); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q is stable rune by rune but not NFC", s)
			}
		}
	}
	pieces := []string{"a", "A", "o", "å", "ä", "ö", "é", "\u0308", "\u030a", "\u0301", "\u2013", "\u201d", "\u2022", "\u2000", "\u2001",
		"\u1100", "\u1161", "\u11a8", "\xff", "\xc3", " ", "\t", "\u00a0", "\u00ad", "Å", "A\u030a", "\u212b", "\u2126", "ﬁ"}
	rng := rand.New(rand.NewPCG(5, 6))
	quick := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(6) {
			if rng.IntN(2) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteRune(stable[rng.IntN(len(stable))])
			}
		}
		s := b.String()
		if isNFCQuick(s) {
			quick++
		}
		check(s)
	}
	if quick == 0 {
		t.Fatal("no random string passed: the comparison tests nothing")
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	passed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		check(s)
		if isNFCQuick(s) {
			passed++
		}
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not UTF-8", f)
		}
	}
	if len(files) == 0 || passed*2 < len(files) {
		t.Fatalf("%d of %d corpus texts pass the quick check", passed, len(files))
	}
}

// BenchmarkNFCCheck: the stable-rune check in front of norm.NFC against
// norm.NFC.String alone, on the bundled corpus's texts (already in NFC:
// both return the text as it is).
func BenchmarkNFCCheck(b *testing.B) {
	texts := corpusTexts(b)
	b.Run("norm", func(b *testing.B) {
		for b.Loop() {
			for _, s := range texts {
				_ = norm.NFC.String(s)
			}
		}
	})
	b.Run("quick-first", func(b *testing.B) {
		for b.Loop() {
			for _, s := range texts {
				if !isNFCQuick(s) {
					_ = norm.NFC.String(s)
				}
			}
		}
	})
}
