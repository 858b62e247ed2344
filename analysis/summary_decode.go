package analysis

import "fmt"

// DecodeSummary returns Summary(DecodeShared(data, small)) without
// building what the summary leaves out: the theme evidence and heading
// indices, the sections, the per-segment modalities and their counts and
// the actions are read over (their lengths and bounds checked as a full
// decode checks them) but not made into strings and slices. A batch run
// that re-uses every stored analysis needs only the summaries while it
// gathers them (the spill keeps the stored bytes for the reports), and
// building the whole analysis to keep its summary was most of such a
// run's decoding: the evidence sentences and their matches are most of
// an analysis's strings.
//
// The data accepted, the errors and the summary are those of the full
// decode followed by Summary (TestDecodeSummaryMatchesFull, fuzzed by
// FuzzDecodeSummary): the layout it follows is appendAnalysis's, and a
// field added there fails TestCodecCoversEveryField until it is added to
// the decoders.
func DecodeSummary(data []byte, small map[string]string) (*DocumentAnalysis, error) {
	if len(data) < len(codecMagic) || string(data[:len(codecMagic)]) != codecMagic {
		return nil, fmt.Errorf("%w: not a styrdok analysis of this version", errCorrupt)
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
	a.Themes = make([]ThemeCoverage, d.count())
	for i := range a.Themes {
		t := &a.Themes[i]
		t.ID, t.Sentences, t.Share, t.Level = d.str(), d.int(), d.float(), d.int()
		d.skipInts()          // Headings
		for range d.count() { // Evidence
			d.skipStr()
			d.int()
			d.int()
			d.int()
			d.int()
			d.skipStr()
			d.float()
			d.skipStr()
			for range d.count() { // Matched
				d.skipStr()
				d.skipStr()
				d.skipStr()
				d.int()
				d.int()
				d.float()
				d.skipStr()
			}
			d.bool()
			d.int()
			d.skipStr()
		}
		t.OwnSentences, t.Inherited, t.Commitments, t.Recommendations, t.Intents, t.Passing = d.int(), d.int(), d.int(), d.int(), d.int(), d.int()
	}
	for range d.count() { // Sections
		d.skipStr()
		for range 5 {
			d.int()
		}
		d.bool()
		d.bool()
		for range d.count() {
			d.skipStr()
		}
	}
	for range d.count() { // Modality
		d.skipStr()
	}
	for range d.count() { // Modalities
		d.skipStr()
		d.int()
	}
	for range d.count() { // Actions
		d.int()
		d.int()
		for range 10 {
			d.skipStr()
		}
	}
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
	if d.err != nil {
		return nil, d.err
	}
	return Summary(a), nil
}

// skipStr reads over a string as str reads it, without making it.
func (d *decoder) skipStr() {
	n := d.uint()
	if n > len(d.b) {
		d.fail()
		return
	}
	d.b = d.b[n:]
}

// skipInts reads over what ints reads.
func (d *decoder) skipInts() {
	for range d.count() {
		d.int()
	}
}
