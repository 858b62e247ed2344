package analysis

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stemIndex is a set of lower-case word stems, looked for in text in one
// pass. Several regular expressions (adoption, validity, time words) run
// only on text holding one of the stems their every match holds: a cheap
// necessary condition, so that the expressions see the few
// lines that may match (each use has a test that its stems are
// necessary). Lower-casing is appendLowerLatin's, which covers the
// letters of Swedish text.
type stemIndex struct {
	byFirst [256][][]byte // the stems by their first byte
}

func newStemIndex(stems ...string) *stemIndex {
	ix := &stemIndex{}
	for _, s := range stems {
		ix.byFirst[s[0]] = append(ix.byFirst[s[0]], []byte(s))
	}
	return ix
}

// has reports whether s holds one of the stems, in any case.
func (ix *stemIndex) has(s string) bool {
	var small [256]byte // most cells and lines fit: no allocation
	buf := appendLowerLatin(small[:0], s)
	for i, c := range buf {
		for _, w := range ix.byFirst[c] {
			if bytes.HasPrefix(buf[i:], w) {
				return true
			}
		}
	}
	return false
}

// hasAtWordStart reports whether s holds one of the stems where a word
// starts: at the start of s or after a rune that is not a letter, as an
// expression's (?:^|[^\p{L}]) lead requires. Lower-casing keeps each
// byte where it was and letters letters, so the rune before a stem is the
// text's own.
func (ix *stemIndex) hasAtWordStart(s string) bool {
	var small [256]byte
	buf := appendLowerLatin(small[:0], s)
	for i, c := range buf {
		for _, w := range ix.byFirst[c] {
			if bytes.HasPrefix(buf[i:], w) && (i == 0 || !lastRuneIsLetter(buf[:i])) {
				return true
			}
		}
	}
	return false
}

// lastRuneIsLetter reports whether the last rune of b is a letter.
func lastRuneIsLetter(b []byte) bool {
	if c := b[len(b)-1]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeLastRune(b)
	return unicode.IsLetter(r)
}

// appendLower appends strings.ToLower(s) to buf, without allocating when
// s is ASCII and Latin-1 (appendLowerLatin is exact there), as Swedish
// text nearly always is.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			if c != 0xC3 || i+1 == len(s) || s[i+1] < 0x80 || s[i+1] > 0xBF {
				return append(buf, strings.ToLower(s)...)
			}
			i++
		}
	}
	return appendLowerLatin(buf, s)
}

// appendLowerLatin appends s lower-cased for the letters of Swedish
// text: A-Z and the Latin-1 capitals (Å, Ä, Ö, É, ...); other runes as
// they are. It is strings.ToLower without the allocation and the Unicode
// tables, and enough for a prefilter of Swedish words; case folds outside
// Latin-1 (the Kelvin sign for K) are not Swedish spelling.
func appendLowerLatin(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9E && s[i+1] != 0x97: // À-Þ except ×
			buf = append(buf, c, s[i+1]+0x20)
			i++
			continue
		}
		buf = append(buf, c)
	}
	return buf
}
