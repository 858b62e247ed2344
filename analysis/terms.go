package analysis

import (
	"slices"
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
		if s.Kind != KindNavigation {
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

func newTermBag(counts map[string]int) TermBag {
	b := TermBag{Stems: make([]string, 0, len(counts)), Counts: make([]int32, 0, len(counts))}
	for st := range counts {
		b.Stems = append(b.Stems, st)
	}
	slices.Sort(b.Stems) // the order of sort.Strings, without its interface calls
	for _, st := range b.Stems {
		b.Counts = append(b.Counts, int32(counts[st]))
	}
	return b
}

// Map returns the bag as a map from stem to count.
func (b TermBag) Map() map[string]int {
	m := make(map[string]int, len(b.Stems))
	for i, st := range b.Stems {
		m[st] = int(b.Counts[i])
	}
	return m
}
