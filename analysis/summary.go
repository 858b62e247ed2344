package analysis

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
)

// Summary returns what a batch run keeps of d in memory while the
// reports are written: everything the aggregate reports read (keys,
// metadata, attribution, counts, per-theme levels, shares and counts,
// plan quality but the segments behind its evaluation flags, the term
// bag for similarity, OCR pages, warnings), and none of what is per
// sentence: no segments, no theme evidence or heading indices, no
// sections, per-segment modalities, modality counts, actions or
// evaluation sentences. Those are read back from the spill one document at a time
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
	// The segments behind the evaluation flags are per sentence: the
	// summary keeps the flags and counts (documents.csv's columns), and
	// documents.jsonl reads the list from the full analysis.
	quality := d.Quality
	quality.EvaluationSentences = nil
	s := &DocumentAnalysis{File: d.File, SHA256: d.SHA256, Format: d.Format, Municipality: m, Meta: meta,
		Words: d.Words, Sentences: d.Sentences, Quality: quality, Terms: d.Terms, OCRPages: d.OCRPages, Warnings: warnings}
	s.Themes = make([]ThemeCoverage, len(d.Themes))
	for i, t := range d.Themes {
		// listed is an input of the theme's level (GradeRule), which the
		// summary already carries; the spill and the summaries file do
		// not keep it, so the summary drops it as it drops the evidence.
		t.Evidence, t.Headings, t.listed, t.listMentions = nil, nil, 0, 0
		s.Themes[i] = t
	}
	return s
}

// summarizeOwned makes d, which no one else holds (decodeSummary's own
// decoding), its summary in place: what Summary gives, without copying
// the struct and its themes into new memory. A re-run decodes every kept
// document's summary, and the copy (a 904-byte struct and eleven themes
// a document, garbage at once: the run's collector copies the summary
// into its arena) was about half of decoding it (issue 17 item 3;
// docs/benchmarks.md, session 18).
func summarizeOwned(d *DocumentAnalysis) {
	m, meta := &d.Municipality, &d.Meta
	fields := []*string{&m.Reason, &m.Veto, &m.Candidates[0].Evidence, &m.Candidates[1].Evidence, &m.RunnerUp.Evidence,
		&meta.Title, &meta.Reference, &meta.AdoptedBy, &meta.AdoptedOn, &meta.ValidFrom, &meta.ValidTo, &meta.Year}
	for i := range d.Warnings {
		fields = append(fields, &d.Warnings[i])
	}
	packStrings(fields)
	d.Segments, d.Sections, d.Modality, d.Modalities, d.Actions = nil, nil, nil, nil, nil
	d.Quality.EvaluationSentences = nil
	if d.Themes == nil {
		d.Themes = []ThemeCoverage{}
	}
	for i := range d.Themes {
		t := &d.Themes[i]
		t.Evidence, t.Headings, t.listed, t.listMentions = nil, nil, 0, 0
	}
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
// segments, evidence, headings, sections, modalities, actions or
// evaluation sentences.
func IsSummary(d *DocumentAnalysis) bool {
	if d.Segments != nil || d.Sections != nil || d.Modality != nil || d.Modalities != nil || d.Actions != nil || d.Quality.EvaluationSentences != nil {
		return false
	}
	for _, t := range d.Themes {
		if t.Evidence != nil || t.Headings != nil {
			return false
		}
	}
	return true
}

// SummaryArena holds a run's summaries: their structs in blocks of
// summaryBlock, and their themes not as ThemeCoverage but packed,
// pointer-free, in byte blocks of themeBlock (Themes reads them back).
// Allocated one by one, a summary was the DocumentAnalysis struct, 904
// bytes in a 1,024-byte size class, and its eleven themes, 1,496 bytes
// in a 1,536-byte one, most of it the evidence and heading slices a
// summary leaves empty; packed, eleven themes took about 180 bytes, and
// about 110 since a theme's id and share are not stored when they are
// what its position and sentence counts give (themeInOrder, themeShareOf;
// docs/benchmarks.md, "Memory at 50,000 documents (session 10)" and
// "... (session 16 ...; branch h-slim18)"). A
// block stays alive while any of its summaries does, which for a run's
// summaries, all kept to the end, costs nothing. Keep is not safe for
// concurrent use (a run's collector alone keeps summaries); once the
// summaries are kept, Themes may be called by many goroutines at once.
type SummaryArena struct {
	docs   []DocumentAnalysis // the block being filled
	themes []byte             // the themes' block being filled
	// packed is where each kept summary's themes are: the index into
	// blocks times 2^32 plus the offset in it.
	packed map[*DocumentAnalysis]uint64
	blocks [][]byte // every themes' block, the last being filled
	ids    []string // the theme ids met, each once; packed themes name them by index
}

// summaryBlock is how many summaries a block holds: 256 are 231 KB of
// structs, small beside a run that keeps them (and at most one block part
// empty).
const summaryBlock = 256

// themeBlock is the size of a block of packed themes: about 360
// summaries' eleven themes.
const themeBlock = 64 << 10

// The flags a packed theme starts with (SummaryArena.Keep): what need not
// be stored because Themes can tell it.
const (
	// themeInOrder: the theme's id is the arena's id at the theme's
	// position in the document (the codebook's order, as Analyze makes
	// them), so the id's index is not stored.
	themeInOrder byte = 1 << iota
	// themeShareOf: the share is the one Analyze computes from the
	// theme's and the document's sentence counts (themeShare), to the
	// bit, so it is computed again rather than stored: 8 bytes of a
	// theme's 19 or so.
	themeShareOf
)

// themeShare is a theme's share of a document's sentences as Analyze
// computes it.
func themeShare(theme, doc int) float64 { return round4(float64(theme) / float64(doc)) }

// Keep returns a copy of the summary s (Summary) in the arena; s itself
// is not kept. The copy's Themes is nil: its themes are packed in the
// arena (Themes gives them back equal, evidence and headings nil as
// Summary leaves them). Every other field is shared with s.
func (a *SummaryArena) Keep(s *DocumentAnalysis) *DocumentAnalysis {
	if len(a.docs) == cap(a.docs) {
		a.docs = make([]DocumentAnalysis, 0, summaryBlock)
	}
	a.docs = append(a.docs, *s)
	k := &a.docs[len(a.docs)-1]
	k.Themes = nil
	if s.Themes == nil {
		return k
	}
	if a.packed == nil {
		a.packed = map[*DocumentAnalysis]uint64{}
	}
	// At most a flags byte, 8 varints of 10 bytes, one of 5 bytes for
	// the id and a float a theme, and the count.
	need := binary.MaxVarintLen64 + len(s.Themes)*(1+8*binary.MaxVarintLen64+5+8)
	if cap(a.themes)-len(a.themes) < need {
		a.themes = make([]byte, 0, max(themeBlock, need))
		a.blocks = append(a.blocks, a.themes)
	}
	at := uint64(len(a.blocks)-1)<<32 | uint64(len(a.themes))
	b := binary.AppendUvarint(a.themes, uint64(len(s.Themes)))
	for i, t := range s.Themes {
		id := slices.Index(a.ids, t.ID)
		if id < 0 {
			id = len(a.ids)
			a.ids = append(a.ids, t.ID)
		}
		share := math.Float64bits(t.Share)
		var flags byte
		if id == i {
			flags |= themeInOrder
		}
		if share == math.Float64bits(themeShare(t.Sentences, s.Sentences)) {
			flags |= themeShareOf
		}
		b = append(b, flags)
		if flags&themeInOrder == 0 {
			b = binary.AppendUvarint(b, uint64(id))
		}
		if flags&themeShareOf == 0 {
			b = binary.LittleEndian.AppendUint64(b, share)
		}
		for _, v := range [...]int{t.Sentences, t.Level, t.OwnSentences, t.Inherited, t.Commitments, t.Recommendations, t.Intents, t.Passing} {
			b = binary.AppendVarint(b, int64(v))
		}
	}
	a.themes = b // within the block's capacity: the block itself, not a copy
	a.blocks[len(a.blocks)-1] = b
	a.packed[k] = at
	return k
}

// Themes returns the themes of d: when d is a summary the arena keeps
// (Keep), its packed themes decoded into buf (re-used when its capacity
// allows, so a caller going through many summaries allocates once),
// else d.Themes itself (also for a nil arena).
func (a *SummaryArena) Themes(d *DocumentAnalysis, buf []ThemeCoverage) []ThemeCoverage {
	if a == nil {
		return d.Themes
	}
	at, ok := a.packed[d]
	if !ok {
		return d.Themes
	}
	b := a.blocks[at>>32][uint32(at):]
	n, k := binary.Uvarint(b)
	b = b[k:]
	out := slices.Grow(buf[:0], int(n))[:n]
	for i := range out {
		flags := b[0]
		b = b[1:]
		id := uint64(i)
		if flags&themeInOrder == 0 {
			x, k := binary.Uvarint(b)
			id, b = x, b[k:]
		}
		t := ThemeCoverage{ID: a.ids[id]}
		if flags&themeShareOf == 0 {
			t.Share = math.Float64frombits(binary.LittleEndian.Uint64(b))
			b = b[8:]
		}
		for _, v := range [...]*int{&t.Sentences, &t.Level, &t.OwnSentences, &t.Inherited, &t.Commitments, &t.Recommendations, &t.Intents, &t.Passing} {
			x, k := binary.Varint(b)
			*v, b = int(x), b[k:]
		}
		if flags&themeShareOf != 0 {
			t.Share = themeShare(t.Sentences, d.Sentences)
		}
		out[i] = t
	}
	if out == nil {
		out = []ThemeCoverage{} // as Summary makes them: empty, not nil
	}
	return out
}

// DecideAgain decides the attribution of each of docs at the threshold
// min (Attribution.Decide), except one already decided at min: Decide
// depends on nothing but the candidates, the veto and min, so deciding
// it again gives the same fields, only in new memory. A run's summaries
// are nearly all analysed in the run, at its threshold; deciding them
// all again (as a run did) allocated every reason a second time (about
// 180 bytes a document) while the first stayed in the summary's block of
// strings (Summary), which the other strings keep alive: 9 MB at 50,000
// documents for nothing. Stored analyses decided at another threshold
// (an earlier run's --min-confidence) are decided again.
func DecideAgain(docs []*DocumentAnalysis, min float64) {
	for _, d := range docs {
		if d.Municipality.MinConfidence != min {
			d.Municipality = d.Municipality.Decide(min)
		}
	}
}
