package reports

import (
	"encoding/json"
	"io"
	"sort"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

// DocumentHead is what the JSON forms of a document open with: the file,
// its municipality and metadata, and its size.
//
// Its metadata keys are written out, not derived from
// analysis.MetadataFields: the municipality and county are objects (code,
// name) here where the list has flat columns, and encoding/json takes the
// keys and their order from the struct; TestJSONMetadataFields holds them
// to the list.
type DocumentHead struct {
	File         string      `json:"file"`
	SHA256       string      `json:"sha256"`
	Format       string      `json:"format"`
	Municipality CodeName    `json:"municipality"`
	County       CodeName    `json:"county"`
	Attribution  Attribution `json:"attribution"`
	Kind         string      `json:"kind"`
	Title        string      `json:"title"`
	Reference    string      `json:"reference"`
	AdoptedBy    string      `json:"adopted_by"`
	AdoptedOn    string      `json:"adopted_on"`
	ValidFrom    string      `json:"valid_from"`
	ValidTo      string      `json:"valid_to"`
	Year         string      `json:"year"`
	Status       string      `json:"status"`
	Words        int         `json:"words"`
	Sentences    int         `json:"sentences"`
	// OCRPages are the pages read by OCR, as in documents.csv ("1-5";
	// empty when none was).
	OCRPages string `json:"ocr_pages"`
}

// newDocumentHead fills a DocumentHead from an analysis.
func newDocumentHead(d *analysis.DocumentAnalysis) DocumentHead {
	m := d.Municipality
	return DocumentHead{File: d.File, SHA256: d.SHA256, Format: d.Format,
		Municipality: CodeName{m.Code, m.Name}, County: CodeName{m.CountyCode, m.CountyName},
		Attribution: Attribution{Confidence: m.Confidence, Reason: m.Reason, RunnerUp: runnerUp(m.RunnerUp)},
		Kind:        d.Meta.Kind, Title: d.Meta.Title, Reference: d.Meta.Reference, AdoptedBy: d.Meta.AdoptedBy,
		AdoptedOn: d.Meta.AdoptedOn, ValidFrom: d.Meta.ValidFrom, ValidTo: d.Meta.ValidTo, Year: d.Meta.Year,
		Status: d.Meta.Status, Words: d.Words, Sentences: d.Sentences, OCRPages: ingest.PageRanges(d.OCRPages)}
}

// DocumentJSON is the JSON form of one analysed document (`styrdok analyze`).
type DocumentJSON struct {
	DocumentHead
	Themes []ThemeJSON `json:"themes"`

	// Structure, commitment and plan quality.
	Sections   []analysis.Section        `json:"sections"`
	Modalities map[analysis.Modality]int `json:"modalities"` // content segments per modality
	Actions    []analysis.Action         `json:"actions"`
	Quality    analysis.Quality          `json:"quality"`

	Peers []PeerJSON `json:"peers"` // most similar documents of the run (documents.jsonl); empty for a single document
}

// CodeName is a registry entry: empty code means unknown.
type CodeName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Attribution says how sure the municipality attribution is, and why,
// and which municipality came closest besides the answer (the best
// candidate when the answer is unknown), so a close call can be
// overridden.
type Attribution struct {
	Confidence float64   `json:"confidence"`
	Reason     string    `json:"reason"`
	RunnerUp   *RunnerUp `json:"runner_up"` // null: no other municipality is named
}

// RunnerUp is the best-supported municipality that is not the answer.
type RunnerUp struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Confidence float64 `json:"confidence"`
	Evidence   string  `json:"evidence"`
}

func runnerUp(c analysis.Candidate) *RunnerUp {
	if c.Code == "" {
		return nil
	}
	return &RunnerUp{Code: c.Code, Name: c.Name, Confidence: c.Confidence, Evidence: c.Evidence}
}

// ThemeJSON is one theme's coverage with its evidence.
type ThemeJSON struct {
	ID        string         `json:"id"`
	Sentences int            `json:"sentences"`
	Share     float64        `json:"share"`
	Level     int            `json:"level"`
	Evidence  []EvidenceJSON `json:"evidence"`

	OwnSentences    int `json:"own_sentences"` // segments whose own words reach the theme
	Inherited       int `json:"inherited"`     // segments counted through their heading
	Commitments     int `json:"commitments"`
	Recommendations int `json:"recommendations"`
	Intents         int `json:"intents"`
}

// EvidenceJSON is one segment behind a theme.
type EvidenceJSON struct {
	Sentence int              `json:"sentence"`
	Start    int              `json:"start"`
	End      int              `json:"end"`
	Page     int              `json:"page"`
	Kind     string           `json:"kind"`
	Text     string           `json:"text"`
	Matched  []analysis.Match `json:"matched"`

	Inherited bool              `json:"inherited"` // counted through the heading at Heading
	Heading   int               `json:"heading"`   // heading's sentence index, -1 for own words
	Modality  analysis.Modality `json:"modality"`
}

// NewDocumentJSON converts an analysis to its JSON form.
func NewDocumentJSON(d *analysis.DocumentAnalysis) DocumentJSON {
	out := DocumentJSON{DocumentHead: newDocumentHead(d), Themes: []ThemeJSON{},
		Sections: d.Sections, Modalities: d.Modalities, Actions: d.Actions, Quality: d.Quality, Peers: []PeerJSON{}}
	if out.Sections == nil {
		out.Sections = []analysis.Section{}
	}
	if out.Actions == nil {
		out.Actions = []analysis.Action{}
	}
	for _, t := range d.Themes {
		tj := ThemeJSON{ID: t.ID, Sentences: t.Sentences, Share: t.Share, Level: t.Level, Evidence: []EvidenceJSON{},
			OwnSentences: t.OwnSentences, Inherited: t.Inherited, Commitments: t.Commitments,
			Recommendations: t.Recommendations, Intents: t.Intents}
		for _, h := range t.Evidence {
			tj.Evidence = append(tj.Evidence, EvidenceJSON{Sentence: h.Sentence, Start: h.Start, End: h.End, Page: h.Page,
				Kind: string(h.Kind), Text: h.Text, Matched: h.Matched, Inherited: h.Inherited, Heading: h.Heading, Modality: h.Modality})
		}
		out.Themes = append(out.Themes, tj)
	}
	return out
}

// WriteDocumentJSON writes one document as indented JSON.
func WriteDocumentJSON(w io.Writer, d *analysis.DocumentAnalysis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewDocumentJSON(d))
}

func sortStable[T any](xs []T, less func(a, b T) bool) {
	sort.SliceStable(xs, func(i, j int) bool { return less(xs[i], xs[j]) })
}
