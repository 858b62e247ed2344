package analysis

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/codebook"
)

// A codebook change that only adds, removes or edits terms and heading
// terms changes the analysis of a document only where a word of it can
// be a form of one of those terms: every other match, and so every score,
// section, level and action row, comes out as before. A run with the new
// codebook can then keep the analysis the old codebook made of every
// other document as it is stored (corpus: the analyses row is copied),
// instead of re-tagging it: with the measured change, one term added,
// that is most of a corpus.
//
// Which words can be a form of a term follows NewMatcher and
// analyseWord: a word (lower case) contains the term as a word, head or
// modifier only when it contains one of the term's forms without its
// last letter (every inflected form, every modifier form and every
// compound built on them does), the Snowball stem of one of its forms
// (the stem match; Swedish Snowball only takes endings off, so a word
// contains its stem), or one of its vowel-changing plurals (vowelForms).
// A heading term matches the word itself or its genitive. So a document
// whose lower-cased text contains none of these strings (the needles)
// has no word that can match a changed term. The one place a word is not
// a piece of the text is a coordinated compound's first part ("asyl- och
// flyktingmottagandet"), which is matched as the first part joined to
// the last conjunct: a needle split across that join is looked for at
// every word-final hyphen (Touches).

// CodebookChange is what separates two codebooks whose difference is
// terms and heading terms only (TermChange).
type CodebookChange struct {
	needles [][]byte
}

// TermChange compares the codebook old, which made a stored analysis,
// with new, and reports whether they differ only in their themes' terms
// and heading terms (the same themes in the same order, the same
// labels, phrases, thresholds, roles, weights of roles and units and
// organisations); if so, the change says which documents it may touch.
// Both codebooks must be parsed by this version of the package (Parse
// applies the defaults; the caller checks that old's hash, made with
// this package's word lists, is the one stored).
func TermChange(old, new *codebook.Codebook) (*CodebookChange, bool) {
	if len(old.Themes) != len(new.Themes) || !sameExcept(*old, *new, "Themes") {
		return nil, false
	}
	ch := &CodebookChange{}
	for i := range old.Themes {
		to, tn := &old.Themes[i], &new.Themes[i]
		if !sameExcept(*to, *tn, "Terms", "HeadingTerms") || !ch.addTerms(to.Terms, tn.Terms) {
			return nil, false
		}
		for _, h := range to.HeadingTerms {
			if !slices.Contains(tn.HeadingTerms, h) {
				ch.add(h)
			}
		}
		for _, h := range tn.HeadingTerms {
			if !slices.Contains(to.HeadingTerms, h) {
				ch.add(h)
			}
		}
	}
	ch.prune()
	return ch, true
}

// sameExcept reports whether a and b, structs of one type, have equal
// exported fields but those named: every field added to the codebook's
// types later is compared without being listed here.
func sameExcept[T any](a, b T, except ...string) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		f := va.Type().Field(i)
		if !f.IsExported() || slices.Contains(except, f.Name) {
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			return false
		}
	}
	return true
}

// addTerms adds the needles of the terms of one theme that differ
// between old and new (added, removed or edited, by their term). The
// terms both keep must stay in the same order: a word that is a form of
// two terms of a theme finds them in codebook order (appendRef keeps the
// first), so reordering them is not a change of some terms; it reports
// false then. A term listed twice in a theme counts as changed.
func (c *CodebookChange) addTerms(old, new []codebook.Term) bool {
	// A term listed twice is told apart by its occurrence: the k-th
	// "demokrati" of old is the k-th of new.
	keys := func(ts []codebook.Term) map[string]*codebook.Term {
		seen, out := map[string]int{}, map[string]*codebook.Term{}
		for i := range ts {
			k := ts[i].Term + "\x00" + strconv.Itoa(seen[ts[i].Term])
			seen[ts[i].Term]++
			out[k] = &ts[i]
		}
		return out
	}
	ko, kn := keys(old), keys(new)
	kept := func(ts []codebook.Term, mine, other map[string]*codebook.Term) []string {
		var out []string
		for k, t := range mine {
			if o := other[k]; o == nil || !reflect.DeepEqual(*t, *o) {
				c.addTerm(t)
			}
		}
		seen := map[string]int{}
		for i := range ts {
			k := ts[i].Term + "\x00" + strconv.Itoa(seen[ts[i].Term])
			seen[ts[i].Term]++
			if o := other[k]; o != nil && reflect.DeepEqual(ts[i], *o) {
				out = append(out, k)
			}
		}
		return out
	}
	return slices.Equal(kept(old, ko, kn), kept(new, kn, ko))
}

// addTerm adds the needles of a term: see the package comment above.
func (c *CodebookChange) addTerm(t *codebook.Term) {
	for _, f := range append([]string{t.Term}, t.Forms...) {
		f = strings.ToLower(f)
		_, w := utf8.DecodeLastRuneInString(f)
		c.add(f[:len(f)-w])
		c.add(Stem(f))
	}
	for _, f := range vowelForms(t.Term) {
		c.add(f)
	}
}

func (c *CodebookChange) add(s string) { c.needles = append(c.needles, []byte(s)) }

// prune drops needles that contain another (a text with the longer one
// has the shorter) and duplicates, so Touches searches for fewer.
func (c *CodebookChange) prune() {
	slices.SortFunc(c.needles, func(a, b []byte) int {
		if d := len(a) - len(b); d != 0 {
			return d
		}
		return bytes.Compare(a, b)
	})
	var keep [][]byte
	for _, n := range c.needles {
		if !slices.ContainsFunc(keep, func(k []byte) bool { return bytes.Contains(n, k) }) {
			keep = append(keep, n)
		}
	}
	c.needles = keep
}

// Empty reports a change that touches no document: the codebooks match
// the same way (a term listed twice, say, or nothing changed but the
// word lists' hash).
func (c *CodebookChange) Empty() bool { return len(c.needles) == 0 }

// Touches reports whether a document with this text may be analysed
// differently under the two codebooks. buf is scratch space for the
// lower-cased text, returned for the next call.
func (c *CodebookChange) Touches(text string, buf []byte) (bool, []byte) {
	if len(c.needles) == 0 {
		return false, buf
	}
	for _, n := range c.needles {
		if len(n) == 0 {
			return true, buf
		}
	}
	lower := appendLowerRunes(buf[:0], text)
	for _, n := range c.needles {
		if bytes.Contains(lower, n) {
			return true, lower
		}
	}
	// A word-final hyphen ("asyl-", "kultur‑") may be joined to a later
	// word: a needle whose start ends the part and whose rest may begin
	// that word is a possible match. The word joined on (expandCoordinated:
	// the last conjunct) comes later in the text, so a rest found nowhere
	// after the hyphen cannot begin it: "jobb- och kompetensinsatser"
	// cannot hold "jobbcoach" (without this, a fifth of the generated
	// corpus was re-tagged for that term, all for nothing).
	for i := 0; i < len(lower); {
		j := bytes.IndexByte(lower[i:], '-')
		k := bytes.Index(lower[i:], []byte("\u2011"))
		if j < 0 && k < 0 {
			break
		}
		p, w := j, 1
		if j < 0 || (k >= 0 && k < j) {
			p, w = k, len("\u2011")
		}
		p += i
		i = p + w
		if r, _ := utf8.DecodeRune(lower[i:]); i < len(lower) && isWordRune(r) {
			continue // inside a word: "sfi-undervisning" is in the text as it is
		}
		for _, n := range c.needles {
			for cut := 1; cut < len(n); cut++ {
				if bytes.HasSuffix(lower[:p], n[:cut]) && bytes.Contains(lower[i:], n[cut:]) {
					return true, lower
				}
			}
		}
	}
	return false, lower
}

// appendLowerRunes appends strings.ToLower(s) to b, rune by rune as
// strings.ToLower maps (an invalid byte becomes U+FFFD), without its
// copy of the whole text when one rune is outside Latin-1 (appendLower
// makes one then: an en dash in a plan was enough).
//
// Eight bytes of ASCII at a time are lowered in one word (lowerASCII8):
// most of a plan is.
func appendLowerRunes(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load8(s, i); x&hiBits == 0 {
				b = binary.LittleEndian.AppendUint64(b, lowerASCII8(x))
				i += 8
				continue
			}
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
		case c == 0xC3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0xBF:
			// Latin-1 letters: À-Þ (but ×) lower-case 0x20 up.
			d := s[i+1]
			if d <= 0x9E && d != 0x97 {
				d += 0x20
			}
			b = append(b, c, d)
			i += 2
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			b = utf8.AppendRune(b, unicode.ToLower(r))
			i += w
		}
	}
	return b
}
