package analysis

import (
	"slices"
	"strings"
)

// Summary returns what a batch run keeps of d in memory while the
// reports are written: everything the aggregate reports read (keys,
// metadata, attribution, counts, per-theme levels, shares and counts,
// plan quality, the term bag for similarity, OCR pages, warnings), and
// none of what is per sentence: no segments, no theme evidence or
// heading indices, no sections, per-segment modalities, modality counts
// or actions. Those are read back from the spill one document at a time
// (Documents.Each). d is not changed.
//
// The strings that may be cut out of the document's text (title,
// reference, the attribution's reasons and evidence, warnings) are
// copied: a substring keeps the whole text alive, and 2,000 summaries
// held 22 MB of texts through their titles. They are copied into one
// block per summary (packStrings), not one allocation each: a summary is
// held for the whole run, 50,000 of them at once, and a dozen small
// allocations each rounded up to its size class cost more than the
// strings; the runner-up's evidence is also a candidate's, and the year
// is most often the start of the adoption date, and such a string is
// kept once.
func Summary(d *DocumentAnalysis) *DocumentAnalysis {
	m, meta := d.Municipality, d.Meta
	var warnings []string
	if d.Warnings != nil {
		warnings = make([]string, len(d.Warnings))
		copy(warnings, d.Warnings)
	}
	fields := []*string{&m.Reason, &m.Veto, &m.Candidates[0].Evidence, &m.Candidates[1].Evidence, &m.RunnerUp.Evidence,
		&meta.Title, &meta.Reference, &meta.AdoptedBy, &meta.AdoptedOn, &meta.ValidFrom, &meta.ValidTo, &meta.Year}
	for i := range warnings {
		fields = append(fields, &warnings[i])
	}
	packStrings(fields)
	s := &DocumentAnalysis{File: d.File, SHA256: d.SHA256, Format: d.Format, Municipality: m, Meta: meta,
		Words: d.Words, Sentences: d.Sentences, Quality: d.Quality, Terms: d.Terms, OCRPages: d.OCRPages, Warnings: warnings}
	s.Themes = make([]ThemeCoverage, len(d.Themes))
	for i, t := range d.Themes {
		t.Evidence, t.Headings = nil, nil
		s.Themes[i] = t
	}
	return s
}

// packStrings replaces each of fields by a copy in one new block of
// memory shared by all of them; a string found in an earlier one (equal,
// or a part of it) is that part, not copied again. Empty strings stay
// empty.
func packStrings(fields []*string) {
	var own []string // the strings the block holds, each once
	size := 0
	for _, f := range fields {
		if len(*f) > 0 && !slices.ContainsFunc(own, func(o string) bool { return strings.Contains(o, *f) }) {
			own = append(own, *f)
			size += len(*f)
		}
	}
	if size == 0 {
		return
	}
	var b strings.Builder // its String is the block itself, not a copy
	b.Grow(size)
	for _, o := range own {
		b.WriteString(o)
	}
	packed := b.String()
	for _, f := range fields {
		if len(*f) > 0 {
			k := strings.Index(packed, *f)
			*f = packed[k : k+len(*f)]
		}
	}
}

// IsSummary reports whether d holds nothing per sentence (Summary): no
// segments, evidence, headings, sections, modalities or actions.
func IsSummary(d *DocumentAnalysis) bool {
	if d.Segments != nil || d.Sections != nil || d.Modality != nil || d.Modalities != nil || d.Actions != nil {
		return false
	}
	for _, t := range d.Themes {
		if t.Evidence != nil || t.Headings != nil {
			return false
		}
	}
	return true
}

// SummaryArena holds a run's summaries in blocks of summaryBlock:
// allocated one by one, a summary was the DocumentAnalysis struct, 904
// bytes in a 1,024-byte size class, and its eleven themes, 1,496 bytes
// in a 1,536-byte one; in blocks each takes its own size and the
// collector has two objects fewer a document to mark (50,000 summaries
// are held for the whole run). A block stays alive while any of its
// summaries does, which for a run's summaries, all kept to the end, costs
// nothing. Not safe for concurrent use: a run's collector alone keeps
// summaries.
type SummaryArena struct {
	docs   []DocumentAnalysis // the block being filled
	themes []ThemeCoverage    // the themes' block being filled
}

// summaryBlock is how many summaries a block holds: 256 are 231 KB of
// structs and, with eleven themes, 374 KB of themes, small beside a run
// that keeps them (and at most one block part empty).
const summaryBlock = 256

// Keep returns a copy of the summary s (Summary) in the arena; s itself
// is not kept. Its themes are copied too; every other field is shared
// with s.
func (a *SummaryArena) Keep(s *DocumentAnalysis) *DocumentAnalysis {
	if len(a.docs) == cap(a.docs) {
		a.docs = make([]DocumentAnalysis, 0, summaryBlock)
	}
	a.docs = append(a.docs, *s)
	k := &a.docs[len(a.docs)-1]
	if n := len(s.Themes); n > 0 {
		if cap(a.themes)-len(a.themes) < n {
			a.themes = make([]ThemeCoverage, 0, max(summaryBlock*n, n))
		}
		start := len(a.themes)
		a.themes = append(a.themes, s.Themes...)
		k.Themes = a.themes[start:len(a.themes):len(a.themes)] // full: an append by a reader copies, never overwrites the next summary's
	}
	return k
}
