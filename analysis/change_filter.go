package analysis

import (
	"encoding/binary"
	"unicode/utf8"
)

// A text filter answers CodebookChange.Touches without the text: a
// re-run after a change of terms asked every stored text, and reading
// the texts back from the store was most of that run (issue 17 item 3a:
// at 1,000 documents about 40% of its CPU, SQLite's page cache emptied
// before every read because the run's own writes came in between). The
// filter is made once, when the text is analysed, and kept with the
// document's summary (corpus's summaries file).
//
// It is a bitmap of the byte trigrams of the lower-cased text (as
// Touches lower-cases it), each trigram hashed to one bit, and a flag
// saying whether the text has a word-final hyphen at all. A needle
// contained in the text has every one of its trigrams there, so a needle
// with one trigram whose bit is clear is not in the text; a hyphen
// match (Touches's coordinated compound: the needle's start ends a part
// before a word-final hyphen, its rest occurs later) needs the hyphen,
// the trigrams of both pieces and the trigram of the start's last two
// bytes with the hyphen's first. What the bitmap cannot tell (a needle
// shorter than three bytes, bits set by other trigrams) is "may touch":
// a filter only ever spares reading a text Touches would have passed.

// textFilterHyphen is the flag byte's bit: the text has a word-final
// hyphen (Touches looks for hyphen matches only then).
const textFilterHyphen = 1

// Bounds of a filter's bitmap in bytes: about one bit for each byte of
// text (a 12 KB plan: 2 KB, a quarter of its bits set), a power of two.
const (
	minTextFilter = 64
	maxTextFilter = 16 << 10
)

// AppendTextFilter appends the filter of text to dst: the flag byte,
// then the bitmap. buf is scratch space for the lower-cased text,
// returned for the next call (as Touches's).
func AppendTextFilter(dst []byte, text string, buf []byte) ([]byte, []byte) {
	lower := appendLowerRunes(buf[:0], text)
	size := minTextFilter
	for size < maxTextFilter && size*8 < len(lower) {
		size *= 2
	}
	at := len(dst)
	dst = append(dst, make([]byte, 1+size)...)
	if hasWordFinalHyphen(lower) {
		dst[at] |= textFilterHyphen
	}
	setTrigramBits(dst[at+1:], uint32(size*8-1), lower)
	return dst, lower
}

// setTrigramBits sets, for every trigram of lower (lower[i], lower[i+1],
// lower[i+2]), bit trigramHash(...)&mask of bits. The trigram is rolled
// through t as its bytes come (trigramHash's a | b<<8 | c<<16), each
// byte read once: reading three with their bounds checks for every byte
// of the text was most of a cold run's filters, 1.4% of its instructions
// (TestSetTrigramBits: the same bits as trigramHash of each trigram).
func setTrigramBits(bits []byte, mask uint32, lower []byte) {
	if len(lower) < 3 {
		return
	}
	t := uint32(lower[0])<<8 | uint32(lower[1])<<16
	for _, c := range lower[2:] {
		t = t>>8 | uint32(c)<<16
		h := (t*0x9E3779B1>>16 | t*0x9E3779B1<<16) & mask // trigramHash
		bits[h>>3] |= 1 << (h & 7)
	}
}

// trigramHash spreads a trigram's bytes over 32 bits (Fibonacci hashing:
// the high bits are the well mixed ones, so they are taken first).
func trigramHash(a, b, c byte) uint32 {
	h := (uint32(a) | uint32(b)<<8 | uint32(c)<<16) * 0x9E3779B1
	return h>>16 | h<<16
}

// hasWordFinalHyphen reports whether lower has a hyphen ('-' or U+2011)
// not followed by a word rune, as Touches finds them.
//
// Eight bytes without a '-' and a 0xE2 (U+2011's first byte) are passed
// over in one word (hasHyphenByte8).
func hasWordFinalHyphen(lower []byte) bool {
	for i := 0; i < len(lower); i++ {
		for i+8 <= len(lower) && !hasHyphenByte8(binary.LittleEndian.Uint64(lower[i:])) {
			i += 8
		}
		if i >= len(lower) {
			break
		}
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

// textFilter is a filter read back; ok is false for bytes that are not
// one (their length is not a flag byte and a bitmap of a size
// AppendTextFilter makes).
type textFilter struct {
	hyphen bool
	bits   []byte
	mask   uint32
}

func parseTextFilter(f []byte) (textFilter, bool) {
	n := len(f) - 1
	if n < minTextFilter || n > maxTextFilter || n&(n-1) != 0 || f[0]&^textFilterHyphen != 0 {
		return textFilter{}, false
	}
	return textFilter{hyphen: f[0]&textFilterHyphen != 0, bits: f[1:], mask: uint32(n*8 - 1)}, true
}

// has reports whether every trigram of s may be in the text; s shorter
// than a trigram may always be.
func (t textFilter) has(s []byte) bool {
	for i := 0; i+3 <= len(s); i++ {
		h := trigramHash(s[i], s[i+1], s[i+2]) & t.mask
		if t.bits[h>>3]&(1<<(h&7)) == 0 {
			return false
		}
	}
	return true
}

// hasEither reports whether the trigram of a, b and one of c1, c2 may be
// in the text.
func (t textFilter) hasEither(a, b, c1, c2 byte) bool {
	return t.has([]byte{a, b, c1}) || t.has([]byte{a, b, c2})
}

// MayTouch reports whether Touches could be true for a text whose
// filter (AppendTextFilter) is filter: false only when it is certainly
// false. Bytes that are not a filter may touch.
func (c *CodebookChange) MayTouch(filter []byte) bool {
	if len(c.needles) == 0 {
		return false
	}
	t, ok := parseTextFilter(filter)
	if !ok {
		return true
	}
	for _, n := range c.needles {
		if len(n) < 3 || t.has(n) {
			return true
		}
	}
	if !t.hyphen {
		return false
	}
	for _, n := range c.needles {
		for cut := 1; cut < len(n); cut++ {
			start, rest := n[:cut], n[cut:]
			if !t.has(start) || !t.has(rest) {
				continue
			}
			// The start ends right before the hyphen: '-', or U+2011's
			// first byte.
			if cut >= 2 && !t.hasEither(start[cut-2], start[cut-1], '-', 0xE2) {
				continue
			}
			return true
		}
	}
	return false
}
