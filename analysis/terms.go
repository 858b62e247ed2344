package analysis

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// stopStems are Swedish function words (as Snowball stems) that carry no
// topic. Similarity leaves them out so two plans do not look alike merely
// because both are written in Swedish. The words are
// data/lists/stop-words.txt.
var stopStems = lazyList(func() (map[string]bool, error) { return wordSet("stop-words.txt", Stem) })

// TermCounts counts the stems of a document's content segments (navigation
// segments left out, as in theme counts), without stop words, numbers and
// one-letter words. It is the bag of words document similarity compares.
// Analyze fills d.Terms; for an analysis without them (read back from
// JSON) it counts d.Segments again.
func TermCounts(d *DocumentAnalysis) map[string]int {
	if len(d.Terms.Stems) > 0 {
		return d.Terms.Map()
	}
	counts := map[string]int{}
	for _, s := range d.Segments {
		if s.Kind.counted() {
			addTerms(counts, Tokenize(s.Text, 0))
		}
	}
	return counts
}

// addTerms adds the content stems of toks to counts.
func addTerms(counts map[string]int, toks []Token) {
	for i := range toks {
		if t := &toks[i]; t.termable() {
			counts[t.Stem]++
		}
	}
}

// termable reports whether t's stem counts in a bag of words, from its
// form when it has one.
func (t *Token) termable() bool {
	if t.form != nil {
		return t.form.termable
	}
	return termable(t.Stem)
}

// termable reports whether a stem counts in a bag of words: two letters
// or more, not a stop word.
func termable(st string) bool {
	return utf8.RuneCountInString(st) >= 2 && !stopStems()[st] && hasLetter(st)
}

// TermBag is a document's bag of words in compact form: stems sorted, with
// their counts. A batch run keeps one per document for similarity until
// the reports are written, so it is two slices rather than a map (a map
// of a few hundred stems costs several times the memory).
type TermBag struct {
	Stems  []string
	Counts []int32
}

// newTermBag makes counts' bag: its stems in byte order, each with its
// count. keys is a buffer for the sort, handed back emptied for the next
// bag.
func newTermBag(counts map[string]int, keys []termKey) (TermBag, []termKey) {
	keys = keys[:0]
	for st, n := range counts {
		keys = append(keys, termKey{prefix: stemPrefix(st), stem: st, count: int32(n)})
	}
	slices.SortFunc(keys, compareTermKeys)
	b := TermBag{Stems: make([]string, len(keys)), Counts: make([]int32, len(keys))}
	for i, k := range keys {
		b.Stems[i], b.Counts[i] = k.stem, k.count
	}
	clear(keys) // no document's stems stay alive through the caller's scratch
	return b, keys[:0]
}

// termKey is a stem of a bag being made, with its count and its first
// eight bytes as a big-endian number, zero-padded (stemPrefix).
// Comparing the numbers orders stems as their bytes do (the order of
// sort.Strings); only stems that share their first eight bytes, or
// differ only by trailing NULs there, are compared whole. Sorting the
// strings themselves read every stem's bytes at each comparison, from
// wherever the word-form memo keeps them: a twentieth of the analysis.
type termKey struct {
	prefix uint64
	stem   string
	count  int32
}

// stemPrefix is s's first eight bytes as a big-endian number, padded
// with zero bytes when s is shorter.
func stemPrefix(s string) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(s) {
			p |= uint64(s[i])
		}
	}
	return p
}

// compareTermKeys orders termKeys by their stems' bytes.
func compareTermKeys(a, b termKey) int {
	if a.prefix != b.prefix {
		return cmp.Compare(a.prefix, b.prefix)
	}
	return strings.Compare(a.stem, b.stem)
}

// Map returns the bag as a map from stem to count.
func (b TermBag) Map() map[string]int {
	m := make(map[string]int, len(b.Stems))
	for i, st := range b.Stems {
		m[st] = int(b.Counts[i])
	}
	return m
}
