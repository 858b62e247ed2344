package reports

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16OffsetDecoding is utf16Offset as it was, decoding every rune:
// what the ASCII shortcut must equal.
func utf16OffsetDecoding(s string, i int, end bool) (units, at int) {
	for at < len(s) && at < i {
		r, w := utf8.DecodeRuneInString(s[at:])
		if at+w > i && !end {
			break
		}
		units += utf16.RuneLen(r)
		at += w
	}
	return units, at
}

// TestUTF16OffsetASCIIShortcut: utf16Offset gives the decoding walk's
// answer at every byte offset (and past the end), with and without end,
// on random mixes of ASCII, two-, three- and four-byte runes, cut runes
// and invalid bytes, and on the bundled corpus's texts.
func TestUTF16OffsetASCIIShortcut(t *testing.T) {
	pieces := []string{"a", "Z", " ", "\t", "0", "å", "Ö", "€", "–", "𝄞", "\xff", "\xc3", "\xe2\x82", "\xf0\x9d\x84", "\u2028", "\x00", "\x7f"}
	rng := rand.New(rand.NewPCG(17, 4))
	var texts []string
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no texts in ../testdata/corpus")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for len(b) > 0 { // lines, so that every offset of a long text is not a quadratic walk
			line := b
			if k := strings.IndexByte(string(b), '\n'); k >= 0 {
				line, b = b[:k], b[k+1:]
			} else {
				b = nil
			}
			texts = append(texts, string(line))
		}
	}
	nonASCII := 0
	for _, s := range texts {
		if !isASCII(s) {
			nonASCII++
		}
		for i := 0; i <= len(s)+1; i++ {
			for _, end := range []bool{false, true} {
				u, a := utf16Offset(s, i, end)
				wu, wa := utf16OffsetDecoding(s, i, end)
				if u != wu || a != wa {
					t.Fatalf("utf16Offset(%q, %d, %v) = %d, %d; decoding every rune: %d, %d", s, i, end, u, a, wu, wa)
				}
			}
		}
	}
	if nonASCII == 0 || nonASCII == len(texts) {
		t.Fatalf("%d of %d texts not ASCII: the test needs both", nonASCII, len(texts))
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// BenchmarkUTF16Offset: the offsets of report.html's highlights, the
// end of every line of the bundled corpus (Swedish: mostly ASCII with
// å, ä, ö), with the ASCII shortcut and decoding every rune.
func BenchmarkUTF16Offset(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, bc := range []struct {
		name string
		fn   func(string, int, bool) (int, int)
	}{{"shortcut", utf16Offset}, {"decoding", utf16OffsetDecoding}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, l := range lines {
					u, _ := bc.fn(l, len(l), true)
					n += u
				}
			}
			if n == 0 {
				b.Fatal("no units")
			}
		})
	}
}

// TestCellOfStrconv: a heatmap cell's strings are fmt's, for shares
// from 0 to 1 (and the odd values: negative zero, NaN, infinities,
// halves that round either way) and levels 0 to 12.
func TestCellOfStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	shares := []float64{0, math.Copysign(0, -1), 1, 0.005, 0.015, 0.025, 0.125, 0.5, 0.995, 0.9949999, 1e-9, -0.004, math.NaN(), math.Inf(1), math.Inf(-1), 123.456}
	for range 20000 {
		shares = append(shares, rng.Float64())
	}
	for k, sh := range shares {
		level := k % 13
		prefix := []string{"l", "x", ""}[k%3]
		c := cellOf(k, "t", level, sh, prefix)
		if want := fmt.Sprintf("%.0f%%", 100*sh); c.Share != want {
			t.Fatalf("share %v: %q, fmt says %q", sh, c.Share, want)
		}
		if want := fmt.Sprintf("%s%d", prefix, level); c.Class != want {
			t.Fatalf("class %q %d: %q, fmt says %q", prefix, level, c.Class, want)
		}
	}
}

// BenchmarkCellOf: the heatmap's cells of 2,000 documents and 12
// themes.
func BenchmarkCellOf(b *testing.B) {
	rng := rand.New(rand.NewPCG(17, 6))
	shares := make([]float64, 2000*12)
	for k := range shares {
		shares[k] = rng.Float64()
	}
	for b.Loop() {
		for k, sh := range shares {
			_ = cellOf(k/12, "t", k%3, sh, "l")
		}
	}
}
