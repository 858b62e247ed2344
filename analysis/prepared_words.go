package analysis

import (
	"maps"
	"slices"
	"strings"
)

// The word index of a prepared form says which words each segment
// holds, so that a re-tag tokenises and matches only the segments that
// can have a match with the new codebook. Tokenising and matching every
// segment again was 60% of Retag (1.5 s of 2.5 s on 2,000 documents),
// and about half of the segments cannot match: none of their words is a
// form of a term or a heading term, and no phrase has both its first
// and its last word among them (Matcher.appendSegmentMatches,
// appendHeading, phraseAt), whatever the words around them.
//
// The vocabulary is the document's distinct words as written, each
// stored as the byte span of its first occurrence in the text (the
// words are ids in order of first occurrence, so the spans rise: each
// is written as its distance from the one before and its length). A
// segment is its words' ids, sorted, without repeats, delta-coded,
// after a count whose lowest bit marks a segment that must be matched
// whatever its words: one with a coordinated compound's first part
// ("asyl-" in "asyl- och flyktingmottagandet"), whose lower-case form is
// made from the words after it (expandCoordinated) and so is no word of
// the vocabulary. A re-tag looks each word of the vocabulary up once
// (Matcher.form, memoised across documents, which keeps what the word
// may do in a match) instead of every token.

// wordIndex collects a document's word index while it is analysed
// (Analyzer.analyze), recycled with the analyzer's scratch.
type wordIndex struct {
	ids    map[*wordForm]int32 // form -> id; forms are unique per written word in the matcher's memo
	spans  []int               // per id: start and end of its first occurrence
	segIDs []int32             // every segment's ids, one segment after the other
	segEnd []int               // per segment: its end in segIDs
	always []bool              // per segment: matched whatever its words
}

// add records the words of the next segment, whose tokens (from
// Matcher.tokenizeInto) are toks.
func (w *wordIndex) add(toks []Token) {
	if w.ids == nil {
		w.ids = map[*wordForm]int32{}
	}
	first, always := len(w.segIDs), false
	for i := range toks {
		f := toks[i].form
		if f == nil { // a coordinated first part: its Lower is not its form's
			always = true
			continue
		}
		id, ok := w.ids[f]
		if !ok {
			// A word longer than the memo keeps has a new form at each
			// occurrence: a repeat in the vocabulary, which costs a
			// lookup, never a wrong answer.
			id = int32(len(w.spans) / 2)
			w.ids[f] = id
			w.spans = append(w.spans, toks[i].Start, toks[i].End)
		}
		w.segIDs = append(w.segIDs, id)
	}
	seg := w.segIDs[first:]
	slices.Sort(seg)
	w.segIDs = w.segIDs[:first+len(slices.Compact(seg))]
	w.segEnd = append(w.segEnd, len(w.segIDs))
	w.always = append(w.always, always)
}

// reset empties the index for the next document.
func (w *wordIndex) reset() {
	clear(w.ids)
	w.spans, w.segIDs, w.segEnd, w.always = w.spans[:0], w.segIDs[:0], w.segEnd[:0], w.always[:0]
}

// appendWords writes the word index of a document of nseg segments; a
// nil w (or one of another number of segments) writes an empty
// vocabulary and every segment as one to match.
func (e *encoder) appendWords(w *wordIndex, nseg int) {
	if w == nil || len(w.segEnd) != nseg {
		e.uint(0)
		for range nseg {
			e.uint(1)
		}
		return
	}
	e.uint(len(w.spans) / 2)
	prev := 0
	for k := 0; k < len(w.spans); k += 2 {
		e.uint(w.spans[k] - prev)
		e.uint(w.spans[k+1] - w.spans[k])
		prev = w.spans[k]
	}
	from := 0
	for s, end := range w.segEnd {
		ids := w.segIDs[from:end]
		from = end
		h := len(ids) << 1
		if w.always[s] {
			h |= 1
		}
		e.uint(h)
		last := int32(0)
		for _, id := range ids {
			e.uint(int(id - last))
			last = id
		}
	}
}

// What a word may do in a match (Analyzer.wordRole). A segment may have
// a match only when one of its words is a wordMatches, or when a
// phrase of two words or more starts at one of its words and its last
// required word is another (or the same) of its words. A word at which
// a phrase starts ("i" of "i arbete", "till" of "till arbete") is in
// most segments; both ends of the same phrase are in far fewer.
const (
	wordMatches = 1 << iota // a form of a term, a heading term, or a phrase of one word (or a prefix) starts at it
	wordPhrase              // a phrase of two words or more starts or ends at it
)

// wordRole is what one word of the vocabulary may do: its bits, the
// phrases (phraseRest's numbers) of two words or more that start at
// it, and those whose last required word it may be.
type wordRole struct {
	bits          uint8
	starts, lasts []int32
}

// roleScratch is the working space of matchable, recycled by Retag.
type roleScratch struct {
	roles         []*wordRole // nil: nothing
	starts, lasts []int32     // one segment's phrase ends
}

// matchable reads the word index of a document of len(may) segments
// whose text is text, setting may[i] for each segment that may have a
// match (see wordMatches) by what its words may do, role(word as
// written), or that is marked to be matched. Damage (a span outside the
// text, an id past the vocabulary) fails d.
func (d *decoder) matchable(text string, may []bool, role func(string) *wordRole, rs *roleScratch) {
	nv := d.count()
	rs.roles = grow(rs.roles, nv)
	pos := 0
	for k := range nv {
		gap, n := d.uint(), d.uint()
		if d.err != nil || gap > len(text)-pos || n == 0 || n > len(text)-pos-gap {
			d.fail()
			return
		}
		pos += gap
		rs.roles[k] = role(text[pos : pos+n])
	}
	for i := range may {
		h := d.uint()
		n := h >> 1
		if n > len(d.b) {
			d.fail()
			return
		}
		m := h&1 == 1
		rs.starts, rs.lasts = rs.starts[:0], rs.lasts[:0]
		id := 0
		for j := range n {
			delta := d.uint()
			if (j > 0 && delta == 0) || delta >= nv-id {
				d.fail()
				return
			}
			id += delta
			r := rs.roles[id]
			switch {
			case r == nil:
			case r.bits&wordMatches != 0:
				m = true
			case r.bits&wordPhrase != 0 && !m:
				rs.starts, rs.lasts = append(rs.starts, r.starts...), append(rs.lasts, r.lasts...)
			}
		}
		may[i] = m || shareOne(rs.starts, rs.lasts)
	}
}

// shareOne reports whether a and b have a number in common.
func shareOne(a, b []int32) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// phraseRest numbers the codebook's phrases of two words or more that
// start at a stem, and lists their last required words: a stem, or a
// prefix ("integr*"); "~" stands for no word or any (phraseAt).
type phraseRest struct {
	starts   map[string][]int32 // first word's stem -> phrases
	lasts    map[string][]int32 // last required word's stem -> phrases
	prefixes []phrasePrefix     // last required words that are prefixes
}

type phrasePrefix struct {
	prefix string
	phrase int32
}

func newPhraseRest(m *Matcher) *phraseRest {
	pr := &phraseRest{starts: map[string][]int32{}, lasts: map[string][]int32{}}
	keys := slices.Sorted(maps.Keys(m.phrases)) // numbered in a fixed order
	n := int32(0)
	for _, key := range keys {
		for _, p := range m.phrases[key] {
			last := ""
			for _, w := range p.words[1:] {
				if w != "~" {
					last = w
				}
			}
			if last == "" || key == "*" {
				continue // one word (or a prefix first): wordMatches
			}
			pr.starts[key] = append(pr.starts[key], n)
			if strings.HasSuffix(last, "*") {
				pr.prefixes = append(pr.prefixes, phrasePrefix{strings.TrimSuffix(last, "*"), n})
			} else {
				pr.lasts[last] = append(pr.lasts[last], n)
			}
			n++
		}
	}
	return pr
}

// roleOf is what a word of form f may do in a match of m's codebook
// (see wordMatches): the terms it is a form of and the phrases that
// start at it (appendSegmentMatches), the heading terms (appendHeading),
// and the phrases it may end (phraseAt). Matcher.form keeps it with the
// form; nil for none. The slices are shared: not to be changed.
func (m *Matcher) roleOf(f *wordForm) *wordRole {
	var r wordRole
	if len(f.matches) > 0 || len(m.headings[f.lower]) > 0 {
		r.bits |= wordMatches
	}
	// A phrase of one word starts here when the stem has more phrases
	// than those of two words or more.
	if r.starts = m.rest.starts[f.stem]; len(f.phrases) > len(r.starts) {
		r.bits |= wordMatches
	}
	for _, p := range m.phrases["*"] {
		if strings.HasPrefix(f.lower, strings.TrimSuffix(p.words[0], "*")) {
			r.bits |= wordMatches
		}
	}
	r.lasts = m.rest.lasts[f.stem]
	for _, p := range m.rest.prefixes {
		if strings.HasPrefix(f.lower, p.prefix) {
			r.lasts = append(slices.Clip(r.lasts), p.phrase)
		}
	}
	if len(r.starts) > 0 || len(r.lasts) > 0 {
		r.bits |= wordPhrase
	}
	if r.bits == 0 {
		return nil
	}
	return &r
}

// wordRole is what the word written w may do in a match of a's codebook,
// its form's role (memoised with the form).
func (a *Analyzer) wordRole(w string) *wordRole { return a.matcher.form(w).may }
