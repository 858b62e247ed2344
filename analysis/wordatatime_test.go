package analysis

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerASCII8: every ASCII byte at every place of the word, among
// random ASCII neighbours, is lowered as strings.ToLower lowers it.
func TestLowerASCII8(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for c := range 128 {
		for at := range 8 {
			for range 50 {
				var w [8]byte
				for k := range w {
					w[k] = byte(rng.IntN(128))
				}
				w[at] = byte(c)
				got := lowerASCII8(load8(string(w[:]), 0))
				want := strings.ToLower(string(w[:]))
				if load8(want, 0) != got {
					t.Fatalf("lowerASCII8(%q) = %x, want %q", w[:], got, want)
				}
			}
		}
	}
}

// wordTexts are the bundled corpus's texts and 20,000 random mixes of
// ASCII around the capitals' bounds, hyphens, U+2011 and its cut
// prefixes, Swedish and other letters, invalid bytes and spaces, so that
// every kind of byte falls at every place of an eight-byte word.
func wordTexts(t *testing.T) []string {
	pieces := []string{"@", "A", "Z", "[", "`", "a", "z", "{", "\x7f", "\x00", "M", "m", "-", "\u2011", "\xe2", "\xe2\x80", "\u2010",
		"Å", "ä", "Ö", "É", "×", "Σ", "İ", "K", "\xc3", "\xff", " ", "\n", "\t", "Arbetsmarknad", "SFI-", "asyl-", "x", "7", ".", "ß"}
	return append(corpusTexts(t), randomJoins(pieces, 21, 30)...)
}

// TestAppendLowerRunesWords: appendLowerRunes, eight ASCII bytes at a
// time, is strings.ToLower byte for byte on every text of wordTexts, from
// every one of its first eight offsets.
func TestAppendLowerRunesWords(t *testing.T) {
	words := 0
	for _, s := range wordTexts(t) {
		for off := 0; off < 8 && off <= len(s); off++ {
			if got, want := string(appendLowerRunes([]byte("pre"), s[off:])), "pre"+strings.ToLower(s[off:]); got != want {
				t.Fatalf("appendLowerRunes(%q) = %q, want %q", s[off:], got[3:], want[3:])
			}
			if len(s)-off >= 8 && load8(s, off)&hiBits == 0 {
				words++
			}
		}
	}
	if words == 0 {
		t.Fatal("no text began with eight ASCII bytes: the word path was not reached")
	}
}

// hasWordFinalHyphenBytes is hasWordFinalHyphen as it was, a byte at a
// time: the reference.
func hasWordFinalHyphenBytes(lower []byte) bool {
	for i := 0; i < len(lower); i++ {
		w := 0
		switch {
		case lower[i] == '-':
			w = 1
		case lower[i] == 0xE2 && i+2 < len(lower) && lower[i+1] == 0x80 && lower[i+2] == 0x91:
			w = 3
		default:
			continue
		}
		if r, _ := utf8.DecodeRune(lower[i+w:]); i+w >= len(lower) || !isWordRune(r) {
			return true
		}
	}
	return false
}

// TestHasWordFinalHyphenWords: the word-at-a-time hasWordFinalHyphen
// answers as the byte loop on every text of wordTexts (lower-cased, as
// the filter asks it) from each of its first eight offsets, both answers
// occurring.
func TestHasWordFinalHyphenWords(t *testing.T) {
	yes, no := 0, 0
	for _, s := range wordTexts(t) {
		lower := appendLowerRunes(nil, s)
		for off := 0; off < 8 && off <= len(lower); off++ {
			got, want := hasWordFinalHyphen(lower[off:]), hasWordFinalHyphenBytes(lower[off:])
			if got != want {
				t.Fatalf("hasWordFinalHyphen(%q) = %v, want %v", lower[off:], got, want)
			}
			if want {
				yes++
			} else {
				no++
			}
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("%d texts with a word-final hyphen, %d without: the test needs both", yes, no)
	}
	for x := range 256 {
		for at := range 8 {
			w := []byte("abcdefgh")
			w[at] = byte(x)
			want := x == '-' || x == 0xE2
			if got := hasHyphenByte8(load8(string(w), 0)); got != want {
				t.Fatalf("hasHyphenByte8(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestWordHashSpread: wordHash reads words of every length up to well
// past 16 bytes (cut UTF-8 included), a byte changed anywhere in a word of
// up to 24 bytes changes its hash, and the bundled corpus's distinct
// words fill as many of the cache's slots as a random hash would (within
// 3%): the slots say nothing of which form a word gets, only how often the
// cache misses.
func TestWordHashSpread(t *testing.T) {
	base := "integrationsplanenförkommunen\xc3"
	for n := 0; n <= len(base); n++ {
		w := base[:n]
		h := wordHash(w)
		for i := 0; i < n && n <= 24; i++ {
			b := []byte(w)
			b[i] ^= 1
			if wordHash(string(b)) == h {
				t.Errorf("wordHash(%q) does not change with byte %d", w, i)
			}
		}
	}
	seen := map[string]bool{}
	for _, text := range corpusTexts(t) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
			seen[w] = true
		}
	}
	slots := map[uint64]bool{}
	for w := range seen {
		slots[wordHash(w)>>(64-formCacheBits)] = true
	}
	k, m := float64(len(seen)), float64(formCacheSlots)
	want := m * (1 - math.Pow(1-1/m, k))
	if got := float64(len(slots)); got < 0.97*want {
		t.Fatalf("%d words in %.0f slots, a random hash would fill %.0f", len(seen), got, want)
	}
}
