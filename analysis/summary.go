package analysis

import "strings"

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
// held 22 MB of texts through their titles.
func Summary(d *DocumentAnalysis) *DocumentAnalysis {
	m, meta := d.Municipality, d.Meta
	m.Reason, m.Veto = strings.Clone(m.Reason), strings.Clone(m.Veto)
	m.RunnerUp.Evidence = strings.Clone(m.RunnerUp.Evidence)
	for i := range m.Candidates {
		m.Candidates[i].Evidence = strings.Clone(m.Candidates[i].Evidence)
	}
	meta.Title, meta.Reference, meta.AdoptedBy = strings.Clone(meta.Title), strings.Clone(meta.Reference), strings.Clone(meta.AdoptedBy)
	meta.AdoptedOn, meta.ValidFrom, meta.ValidTo, meta.Year = strings.Clone(meta.AdoptedOn), strings.Clone(meta.ValidFrom), strings.Clone(meta.ValidTo), strings.Clone(meta.Year)
	var warnings []string
	if d.Warnings != nil {
		warnings = make([]string, len(d.Warnings))
		for i, w := range d.Warnings {
			warnings[i] = strings.Clone(w)
		}
	}
	s := &DocumentAnalysis{File: d.File, SHA256: d.SHA256, Format: d.Format, Municipality: m, Meta: meta,
		Words: d.Words, Sentences: d.Sentences, Quality: d.Quality, Terms: d.Terms, OCRPages: d.OCRPages, Warnings: warnings}
	s.Themes = make([]ThemeCoverage, len(d.Themes))
	for i, t := range d.Themes {
		t.Evidence, t.Headings = nil, nil
		s.Themes[i] = t
	}
	return s
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
