package analysis

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// The store keeps every analysis in this compact binary form
// (EncodeAnalysis), from which a later run rebuilds its reports without
// analysing the document again. It replaced encoding/gob, which walked
// every field by reflection: on 2,000 documents gob took 0.4 s of CPU to
// encode and made 400 MB of garbage, and decoding was most of an
// incremental run with one file changed.
//
// The layout is fixed field order, no field names: integers as zig-zag
// varints, floats as their 8 IEEE-754 bytes, strings and slices as a
// length and their elements, the one map as sorted key-value pairs (so
// the bytes are deterministic). Segments are not stored (the store's
// sentences view has them: decoded, Segments is nil). Decoding gives
// empty, never nil, slices and maps otherwise, as NormalizeEmpty makes
// fresh analyses. TestCodecCoversEveryField
// fills every exported field by reflection and fails when a field is
// added to the types here but not to the codec; a change of layout
// changes codecMagic, and stored analyses of another layout are not read
// (the pipeline version that keys them changes with it).

// codecMagic starts every encoded analysis: format name and layout version.
const codecMagic = "styrdok-analysis/5\x00"

// errCorrupt is returned for data that is not an encoded analysis.
var errCorrupt = errors.New("corrupt analysis encoding")

type encoder struct{ b []byte }

func (e *encoder) int(v int)       { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) uint(v int)      { e.b = binary.AppendUvarint(e.b, uint64(v)) }
func (e *encoder) float(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *encoder) str(s string)    { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) ints(v []int) {
	e.uint(len(v))
	for _, x := range v {
		e.int(x)
	}
}
func (e *encoder) strs(v []string) {
	e.uint(len(v))
	for _, x := range v {
		e.str(x)
	}
}

// attribution appends what an attribution is decided from: its two
// candidates and its veto (the stored analysis and the prepared form
// both keep it so).
func (e *encoder) attribution(m *Attribution) {
	for _, c := range m.Candidates {
		e.str(c.Code)
		e.str(c.Name)
		e.str(c.CountyCode)
		e.str(c.CountyName)
		e.float(c.Confidence)
		e.str(c.Evidence)
	}
	e.str(m.Veto)
}

// appendAnalysis appends d's encoding to b.
func appendAnalysis(b []byte, d *DocumentAnalysis) []byte {
	e := &encoder{b: append(b, codecMagic...)}
	e.str(d.File)
	e.str(d.SHA256)
	e.str(d.Format)
	// The attribution is stored as what it was decided from (Decide
	// rebuilds the answer, reason and runner-up on decoding).
	m := d.Municipality
	e.attribution(&m)
	e.float(m.MinConfidence)
	md := d.Meta
	for _, s := range [...]string{md.Kind, md.Title, md.Reference, md.AdoptedBy, md.AdoptedOn, md.ValidFrom, md.ValidTo, md.Year, md.Status} {
		e.str(s)
	}
	e.int(d.Words)
	e.int(d.Sentences)
	e.uint(len(d.Themes))
	for _, t := range d.Themes {
		e.str(t.ID)
		e.int(t.Sentences)
		e.float(t.Share)
		e.int(t.Level)
		e.ints(t.Headings)
		e.uint(len(t.Evidence))
		for _, h := range t.Evidence {
			e.str(h.Theme)
			e.int(h.Sentence)
			e.int(h.Start)
			e.int(h.End)
			e.int(h.Page)
			e.str(string(h.Kind))
			e.float(h.Score)
			e.str(h.Text)
			e.uint(len(h.Matched))
			for _, mt := range h.Matched {
				e.str(mt.Theme)
				e.str(mt.Term)
				e.str(mt.Text)
				e.int(mt.Start)
				e.int(mt.End)
				e.float(mt.Weight)
				e.str(mt.As)
			}
			e.bool(h.Inherited)
			e.int(h.Heading)
			e.str(string(h.Modality))
		}
		e.int(t.OwnSentences)
		e.int(t.Inherited)
		e.int(t.Commitments)
		e.int(t.Recommendations)
		e.int(t.Intents)
		e.int(t.Passing)
		e.int(t.listed)
		e.int(t.listMentions)
	}
	e.uint(len(d.Sections))
	for _, s := range d.Sections {
		e.str(s.Heading)
		e.int(s.Sentence)
		e.int(s.Level)
		e.int(s.Start)
		e.int(s.End)
		e.int(s.Parent)
		e.bool(s.Table)
		e.bool(s.Title)
		e.strs(s.Themes)
	}
	e.uint(len(d.Modality))
	for _, x := range d.Modality {
		e.str(string(x))
	}
	keys := make([]string, 0, len(d.Modalities))
	for k := range d.Modalities {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	e.uint(len(keys))
	for _, k := range keys {
		e.str(k)
		e.int(d.Modalities[Modality(k)])
	}
	e.uint(len(d.Actions))
	for _, a := range d.Actions {
		e.int(a.Sentence)
		e.int(a.Page)
		for _, s := range [...]string{a.Theme, a.ThemeSource, a.Goal, a.Problem, a.Activity, a.Responsible, a.Timeline, a.FollowUp, a.Source, a.Text} {
			e.str(s)
		}
	}
	q := d.Quality
	for _, n := range [...]int{q.Actions, q.Goals, q.WithResponsible, q.WithTime, q.WithFollowUp} {
		e.int(n)
	}
	e.float(q.ShareResponsible)
	e.float(q.ShareTime)
	e.float(q.ShareFollowUp)
	e.bool(q.EvaluationMentioned)
	e.bool(q.HasEvaluation)
	e.ints(q.EvaluationSentences)
	e.strs(d.Terms.Stems)
	e.uint(len(d.Terms.Counts))
	for _, c := range d.Terms.Counts {
		e.int(int(c))
	}
	e.strs(d.Warnings)
	e.ints(d.OCRPages)
	return e.b
}

// decoder reads what encoder wrote. The first error sticks: every later
// read returns zero values, and decodeAnalysis reports it once.
type decoder struct {
	b   []byte
	err error
	// small interns short strings (theme ids, kinds, modalities, matched
	// words), which repeat thousands of times in a corpus.
	small map[string]string
	// skip: str checks and passes over a string, returning "" (a
	// summary does not read what is per sentence: decodeSummary).
	skip bool
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *decoder) uint() int {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// attribution reads what encoder.attribution wrote.
func (d *decoder) attribution() Attribution {
	var at Attribution
	for i := range at.Candidates {
		at.Candidates[i] = Candidate{Code: d.str(), Name: d.str(), CountyCode: d.str(), CountyName: d.str(), Confidence: d.float(), Evidence: d.str()}
	}
	at.Veto = d.str()
	return at
}

func (d *decoder) bool() bool {
	if len(d.b) < 1 || d.b[0] > 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if n > len(d.b) {
		d.fail()
		return ""
	}
	raw := d.b[:n]
	d.b = d.b[n:]
	if d.skip {
		return ""
	}
	if n <= 24 {
		if s, ok := d.small[string(raw)]; ok { // no allocation for the lookup
			return s
		}
		s := string(raw)
		d.small[s] = s
		return s
	}
	return string(raw)
}

// count reads a slice length, at most the bytes left (every element takes
// at least one byte), so corrupt data cannot make a huge allocation.
func (d *decoder) count() int {
	n := d.uint()
	if n > len(d.b) {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) ints() []int {
	out := make([]int, d.count())
	for i := range out {
		out[i] = d.int()
	}
	return out
}

func (d *decoder) strs() []string {
	out := make([]string, d.count())
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// decodeHead checks the codec's magic and decodes what precedes the
// themes (file, hash, format, attribution, metadata, counts), the part
// decodeAnalysis and decodeSummary share.
func decodeHead(data []byte, small map[string]string) (*decoder, *DocumentAnalysis, error) {
	if len(data) < len(codecMagic) || string(data[:len(codecMagic)]) != codecMagic {
		return nil, nil, fmt.Errorf("%w: not a styrdok analysis of this version", errCorrupt)
	}
	if small == nil {
		small = map[string]string{}
	}
	d := &decoder{b: data[len(codecMagic):], small: small}
	a := &DocumentAnalysis{}
	a.File, a.SHA256, a.Format = d.str(), d.str(), d.str()
	at := d.attribution()
	a.Municipality = at.Decide(d.float())
	a.Meta = Metadata{Kind: d.str(), Title: d.str(), Reference: d.str(), AdoptedBy: d.str(), AdoptedOn: d.str(),
		ValidFrom: d.str(), ValidTo: d.str(), Year: d.str(), Status: d.str()}
	a.Words, a.Sentences = d.int(), d.int()
	return d, a, nil
}

// decodeTail decodes what follows the actions (quality, terms, warnings,
// OCR pages) into a and checks that nothing is left over: the part
// decodeAnalysis and decodeSummary share.
func decodeTail(d *decoder, a *DocumentAnalysis) error {
	a.Quality = Quality{Actions: d.int(), Goals: d.int(), WithResponsible: d.int(), WithTime: d.int(), WithFollowUp: d.int(),
		ShareResponsible: d.float(), ShareTime: d.float(), ShareFollowUp: d.float(),
		EvaluationMentioned: d.bool(), HasEvaluation: d.bool(), EvaluationSentences: d.ints()}
	a.Terms.Stems = d.strs()
	a.Terms.Counts = make([]int32, d.count())
	for i := range a.Terms.Counts {
		a.Terms.Counts[i] = int32(d.int())
	}
	a.Warnings = d.strs()
	a.OCRPages = d.ints()
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d bytes left over", errCorrupt, len(d.b))
	}
	return d.err
}

// decodeAnalysis reverses appendAnalysis.
//
// small holds short strings already decoded (keyed by themselves), which
// the analysis then shares instead of holding copies; nil for a map of
// this analysis's own.
func decodeAnalysis(data []byte, small map[string]string) (*DocumentAnalysis, error) {
	d, a, err := decodeHead(data, small)
	if err != nil {
		return nil, err
	}
	a.Themes = make([]ThemeCoverage, d.count())
	for i := range a.Themes {
		t := &a.Themes[i]
		t.ID, t.Sentences, t.Share, t.Level = d.str(), d.int(), d.float(), d.int()
		t.Headings = d.ints()
		t.Evidence = make([]ThemeHit, d.count())
		for j := range t.Evidence {
			h := &t.Evidence[j]
			h.Theme, h.Sentence, h.Start, h.End, h.Page = d.str(), d.int(), d.int(), d.int(), d.int()
			h.Kind, h.Score, h.Text = SentenceKind(d.str()), d.float(), d.str()
			h.Matched = make([]Match, d.count())
			for k := range h.Matched {
				h.Matched[k] = Match{Theme: d.str(), Term: d.str(), Text: d.str(), Start: d.int(), End: d.int(), Weight: d.float(), As: d.str()}
			}
			h.Inherited, h.Heading, h.Modality = d.bool(), d.int(), Modality(d.str())
		}
		t.OwnSentences, t.Inherited, t.Commitments, t.Recommendations, t.Intents, t.Passing, t.listed, t.listMentions = d.int(), d.int(), d.int(), d.int(), d.int(), d.int(), d.int(), d.int()
	}
	a.Sections = make([]Section, d.count())
	for i := range a.Sections {
		a.Sections[i] = Section{Heading: d.str(), Sentence: d.int(), Level: d.int(), Start: d.int(), End: d.int(), Parent: d.int(),
			Table: d.bool(), Title: d.bool(), Themes: d.strs()}
	}
	a.Modality = make([]Modality, d.count())
	for i := range a.Modality {
		a.Modality[i] = Modality(d.str())
	}
	n := d.count()
	a.Modalities = make(map[Modality]int, n)
	for range n {
		k := Modality(d.str())
		a.Modalities[k] = d.int()
	}
	a.Actions = make([]Action, d.count())
	for i := range a.Actions {
		a.Actions[i] = Action{Sentence: d.int(), Page: d.int(), Theme: d.str(), ThemeSource: d.str(), Goal: d.str(), Problem: d.str(),
			Activity: d.str(), Responsible: d.str(), Timeline: d.str(), FollowUp: d.str(), Source: d.str(), Text: d.str()}
	}
	if err := decodeTail(d, a); err != nil {
		return nil, err
	}
	return a, nil
}

// decodeSummary is Summary(decodeAnalysis(data, small)) without building
// what a summary leaves out (the evidence, headings, sections,
// modalities and actions): those are read and checked as decodeAnalysis
// reads them, so data it refuses is refused here too, but no string or
// slice of them is made. Decoding them was most of the cost of keeping a
// stored analysis (corpus: a codebook change that cannot touch the
// document).
func decodeSummary(data []byte, small map[string]string) (*DocumentAnalysis, error) {
	d, a, err := decodeHead(data, small)
	if err != nil {
		return nil, err
	}
	a.Themes = make([]ThemeCoverage, d.count())
	for i := range a.Themes {
		t := &a.Themes[i]
		t.ID, t.Sentences, t.Share, t.Level = d.str(), d.int(), d.float(), d.int()
		d.skip = true
		for range d.count() { // headings
			d.int()
		}
		for range d.count() { // evidence
			d.str()
			d.int()
			d.int()
			d.int()
			d.int()
			d.str()
			d.float()
			d.str()
			for range d.count() {
				d.str()
				d.str()
				d.str()
				d.int()
				d.int()
				d.float()
				d.str()
			}
			d.bool()
			d.int()
			d.str()
		}
		d.skip = false
		t.OwnSentences, t.Inherited, t.Commitments, t.Recommendations, t.Intents, t.Passing, t.listed, t.listMentions = d.int(), d.int(), d.int(), d.int(), d.int(), d.int(), d.int(), d.int()
	}
	d.skip = true
	for range d.count() { // sections
		d.str()
		for range 5 {
			d.int()
		}
		d.bool()
		d.bool()
		for range d.count() {
			d.str()
		}
	}
	for range d.count() { // modality
		d.str()
	}
	for range d.count() { // modalities
		d.str()
		d.int()
	}
	for range d.count() { // actions
		d.int()
		d.int()
		for range 10 {
			d.str()
		}
	}
	d.skip = false
	if err := decodeTail(d, a); err != nil {
		return nil, err
	}
	summarizeOwned(a)
	return a, nil
}
