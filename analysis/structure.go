package analysis

import (
	"cmp"
	"slices"
	"strings"
)

// Section is a heading and the segments that stand under it. Start and
// End are byte offsets in the document text, from the heading to the
// last segment of the section (subsections included).
type Section struct {
	Heading  string   `json:"heading"`
	Sentence int      `json:"sentence"` // index of the heading segment
	Level    int      `json:"level"`    // 1 for "2" and unnumbered headings, 2 for "2.2" and table headers, 3 for "2.2.3"
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Parent   int      `json:"parent"`          // index of the enclosing section, -1 for none
	Table    bool     `json:"table,omitempty"` // a table's header row
	Title    bool     `json:"title,omitempty"` // the document title: passes no theme on
	Themes   []string `json:"themes"`          // themes the heading names, strongest first
}

// structure is a document's sections and, for each segment, the sections
// it stands in (outermost first).
type structure struct {
	sections []Section
	chain    [][]int
}

// headingLevel gives a heading's depth: the count of numbers in its
// section number ("2.2.3" is 3), 2 for a table's header row (it divides
// the section the table stands in), 1 otherwise.
func headingLevel(raw string) (level int, table bool) {
	if strings.Contains(raw, "\t") {
		return 2, true
	}
	if m := sectionNumber.FindStringSubmatch(strings.TrimSpace(raw)); m != nil {
		return strings.Count(strings.TrimSuffix(m[1], "."), ".") + 1, false
	}
	return 1, false
}

// buildStructure nests the headings into sections. A heading closes every
// open section of its level or deeper; a table's section closes at the
// first segment that is not one of its rows, so text after a table falls
// back to the section around it. Navigation (tables of contents) neither
// opens nor closes sections.
func buildStructure(text string, segs []Sentence, scores []map[string]float64, minScore float64, order map[string]int) structure {
	return buildStructureInto(nil, text, segs, scores, minScore, order)
}

// structureBuffers are the arrays of a structure's chains, kept in a
// worker's scratch from document to document (analyzeScratch.structure):
// new ones per document were a twentieth of the analysis's allocation.
// The sections, which stay in the analysis, are never among them.
type structureBuffers struct {
	chain  [][]int
	chains []int
	stack  []int
}

// reset empties b for the next document, keeping its arrays.
func (b *structureBuffers) reset() {
	b.chain, b.chains, b.stack = emptied(b.chain), b.chains[:0], b.stack[:0]
}

// buildStructureInto is buildStructure with its chains in b's arrays (nil
// for new ones); the structure is valid until b is reset.
func buildStructureInto(b *structureBuffers, text string, segs []Sentence, scores []map[string]float64, minScore float64, order map[string]int) structure {
	if b == nil {
		b = &structureBuffers{}
	}
	b.chain = grow(b.chain, len(segs))
	clear(b.chain)
	st := structure{chain: b.chain}
	headings := 0
	for _, s := range segs {
		if s.Kind == KindHeading {
			headings++
		}
	}
	if headings > 0 { // sized once (the sections stay in the analysis); none stays nil
		st.sections = make([]Section, 0, headings)
	}
	stack := b.stack[:0]
	chains := b.chains[:0] // every segment's chain, one after the other (one allocation instead of one per segment)
	content := false
	for i, s := range segs {
		if !s.Kind.counted() {
			continue
		}
		if n := len(stack); n > 0 && st.sections[stack[n-1]].Table && s.Kind != KindTableRow {
			stack = stack[:n-1]
		}
		if s.Kind == KindHeading {
			level, table := headingLevel(text[s.Start:s.End])
			for len(stack) > 0 && st.sections[stack[len(stack)-1]].Level >= level {
				stack = stack[:len(stack)-1]
			}
			parent := -1
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			themes := []string{}
			if !brokenHeading(s.Text) { // a line broken mid-sentence passes no theme on
				themes = headingThemes(scores[i], minScore, order)
			}
			st.sections = append(st.sections, Section{Heading: headingText(s.Text), Sentence: i, Level: level, Start: s.Start, End: s.End,
				Parent: parent, Table: table, Title: !content && len(st.sections) == 0, Themes: themes})
			stack = append(stack, len(st.sections)-1)
		} else {
			content = true
		}
		if len(stack) > 0 {
			k := len(chains)
			chains = append(chains, stack...)
			st.chain[i] = chains[k:len(chains):len(chains)]
		}
		for _, k := range stack {
			st.sections[k].End = s.End
		}
	}
	b.stack, b.chains = stack[:0], chains[:0] // the last arrays, the largest
	return st
}

// headingText is a heading's text as a section names it: markup tags
// removed, white space folded to single spaces (joinFields returns most
// headings as they are, without a copy).
func headingText(s string) string {
	if strings.IndexByte(s, '<') >= 0 { // tagRe needs one
		s = tagRe.ReplaceAllString(s, "")
	}
	return joinFields(s)
}

// headingThemes lists the themes a heading scores, strongest first.
func headingThemes(scores map[string]float64, minScore float64, order map[string]int) []string {
	out := []string{}
	for th, sc := range scores {
		if sc >= minScore {
			out = append(out, th)
		}
	}
	// slices.SortFunc is sort.Slice's algorithm without its reflection
	// and closure (two allocations per heading): the same order, also
	// where two themes compare equal.
	slices.SortFunc(out, func(a, b string) int {
		if scores[a] != scores[b] {
			return cmp.Compare(scores[b], scores[a])
		}
		return cmp.Compare(order[a], order[b])
	})
	return out
}

// sectionHeading returns where segment i inherits theme from (the
// innermost enclosing section whose heading names it), as the heading's
// segment index, or -1.
func (st structure) sectionHeading(i int, theme string) int {
	ch := st.chain[i]
	for k := len(ch) - 1; k >= 0; k-- {
		sec := st.sections[ch[k]]
		if sec.Sentence == i || sec.Title {
			continue
		}
		for _, th := range sec.Themes {
			if th == theme {
				return sec.Sentence
			}
		}
	}
	return -1
}

// mayInherit reports whether segment i, of the given kind, may inherit
// some theme (sectionHeading(i, theme) >= 0 for a theme, as
// themeCoverage asks it): a sentence, list item or table row with an
// enclosing section, not its own and not a title, that names a theme.
func (st structure) mayInherit(i int, kind SentenceKind) bool {
	if kind != KindSentence && kind != KindListItem && kind != KindTableRow {
		return false
	}
	for _, k := range st.chain[i] {
		if sec := st.sections[k]; sec.Sentence != i && !sec.Title && len(sec.Themes) > 0 {
			return true
		}
	}
	return false
}

// sectionTopTheme returns the strongest theme of the innermost enclosing
// section that names one (a table row's area label), or "".
// tableSectionTheme is the first theme of the innermost table section
// (a table header or label row) that segment i stands in, or "".
func (st structure) tableSectionTheme(i int) string {
	ch := st.chain[i]
	for k := len(ch) - 1; k >= 0; k-- {
		sec := st.sections[ch[k]]
		if sec.Sentence == i || !sec.Table {
			continue
		}
		if len(sec.Themes) > 0 {
			return sec.Themes[0]
		}
		return ""
	}
	return ""
}

func (st structure) sectionTopTheme(i int) string {
	ch := st.chain[i]
	for k := len(ch) - 1; k >= 0; k-- {
		sec := st.sections[ch[k]]
		if sec.Sentence == i || sec.Title || len(sec.Themes) == 0 {
			continue
		}
		return sec.Themes[0]
	}
	return ""
}

// Source says where a hit's theme comes from: "text" (its own words) or
// "heading" (inherited from the heading it stands under).
func (h ThemeHit) Source() string {
	if h.Inherited {
		return "heading"
	}
	return "text"
}

// themeOrder maps theme ids to their codebook position, for stable ties.
func (a *Analyzer) themeOrder() map[string]int {
	order := map[string]int{}
	for i, t := range a.Codebook.Themes {
		order[t.ID] = i
	}
	return order
}
