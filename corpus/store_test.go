package corpus

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

func TestStoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "styrdok.db")
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	k := AnalysisKey{PipelineVersion: "v", CodebookHash: "cb", AsOf: "2026-01-01"}
	run, err := s.BeginRun(k, 1, "x")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse("a.txt", []byte("Rubrik\n\nEn mening om språk.\fSida två."), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc.OCRPages = []int{2} // a page read by OCR: kept for a re-tag
	w := s.Writer(run, k)
	rec := &Record{Path: "a.txt", Size: 10, MtimeNS: 42, SHA256: doc.SHA256, Text: doc, Analysis: &AnalysisRecord{
		Data:      []byte("payload"),
		Document:  DocumentRow{Metadata: testMetadata(map[string]string{"municipality": "Tierp"}), Words: 6, Sentences: 3},
		Sentences: []SentenceRow{{Index: 0, Start: 0, End: 6, Page: 1, Kind: "heading", Section: -1}, {Index: 1, Start: 8, End: 27, Page: 1, Kind: "sentence"}},
		Hits:      []HitRow{{Theme: "language", Sentence: 1, Score: 1, Matched: "språk"}},
		Coverage:  []CoverageRow{{Theme: "language", Sentences: 1, Share: 0.5, Level: 0}},
	}}
	if err := w.Add(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(rec); err != nil { // the same content again: ignored, not an error
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(run, RunEnd{Status: "completed", Stats: RunStats{Files: 1, Parsed: 1}, Failures: []RunFailure{{Path: "b.pdf", Reason: "no text"}},
		Inputs: "digest", Outputs: []OutputFile{{Name: "a.csv", Size: 1, SHA256: "x"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	files, _ := s.FileStates()
	if f := files["a.txt"]; f.Size != 10 || f.MtimeNS != 42 || f.SHA256 != doc.SHA256 {
		t.Fatalf("file state %+v", f)
	}
	if h, _ := s.AnalysedHashes(k); !h[doc.SHA256] {
		t.Fatal("analysis not listed")
	}
	data, err := s.LoadAnalysis(doc.SHA256, k)
	if err != nil || string(data) != "payload" {
		t.Fatalf("LoadAnalysis = %q, %v", data, err)
	}
	if in, outs, err := s.LastCompleted(); err != nil || in != "digest" || len(outs) != 1 || outs[0].Name != "a.csv" {
		t.Fatalf("LastCompleted = %q %v %v", in, outs, err)
	}
	if _, err := s.LoadText(doc.SHA256, "other-version", "b.txt"); err == nil {
		t.Fatal("text of another pipeline version re-used")
	}
	got, err := s.LoadText(doc.SHA256, "v", "b.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != doc.Text || len(got.Pages) != 2 || got.Pages[1] != doc.Pages[1] || got.Path != "b.txt" || got.Format != doc.Format ||
		len(got.OCRPages) != 1 || got.OCRPages[0] != 2 {
		t.Fatalf("LoadText = %+v, want %+v", got, doc)
	}
	var text string
	if err := s.DB().QueryRow(`SELECT text FROM sentence_texts WHERE idx = 1`).Scan(&text); err != nil || !strings.HasPrefix(text, "En mening om språk") {
		t.Fatalf("sentence_texts: %q %v", text, err)
	}
	// The views over the JSON columns give the rows back with their types.
	var sr []SentenceRow
	rows, err := s.DB().Query(`SELECT idx, start, end, page, kind, section FROM sentences ORDER BY idx`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r SentenceRow
		if err := rows.Scan(&r.Index, &r.Start, &r.End, &r.Page, &r.Kind, &r.Section); err != nil {
			t.Fatal(err)
		}
		sr = append(sr, r)
	}
	rows.Close()
	if !reflect.DeepEqual(sr, rec.Analysis.Sentences) {
		t.Fatalf("sentences view: %+v, want %+v", sr, rec.Analysis.Sentences)
	}
	var h HitRow
	var typ string
	if err := s.DB().QueryRow(`SELECT theme, sentence, score, matched, typeof(score) FROM theme_hits`).Scan(&h.Theme, &h.Sentence, &h.Score, &h.Matched, &typ); err != nil {
		t.Fatal(err)
	}
	if h != rec.Analysis.Hits[0] || typ != "real" {
		t.Fatalf("theme_hits view: %+v (score %s), want %+v (score real)", h, typ, rec.Analysis.Hits[0])
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM documents WHERE path = 'a.txt' AND municipality = 'Tierp'`).Scan(&n)
	if n != 1 {
		t.Fatalf("documents view: %d rows", n)
	}
}

func TestStoreRefusesOtherSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec(`UPDATE meta SET value = '999' WHERE key = 'schema_version'`)
	s.Close()
	if _, err := OpenStore(path); err == nil || !strings.Contains(err.Error(), "schema version 999") {
		t.Fatalf("want a schema version error, got %v", err)
	}
}

// testMetadata is a DocumentRow's metadata with the fields named in vals
// and the others empty.
func testMetadata(vals map[string]string) []string {
	meta := make([]string, len(analysis.MetadataFields))
	for i, f := range analysis.MetadataFields {
		meta[i] = vals[f.Name]
	}
	return meta
}

// TestStoreMetadataColumns: the analyses table has a column for every
// metadata field, as analysisInsert names them, and a value stored goes
// to its field's column; the status, judged at a run's date, is stored
// empty.
func TestStoreMetadataColumns(t *testing.T) {
	s, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	k := AnalysisKey{PipelineVersion: "test", CodebookHash: "cb"}
	run, err := s.BeginRun(k, 1, "test")
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]string{}
	for _, f := range analysis.MetadataFields {
		vals[f.Name] = "value of " + f.Name
	}
	w := s.Writer(run, k)
	rec := &Record{SHA256: "abc", Analysis: &AnalysisRecord{Data: []byte("payload"), Document: DocumentRow{Metadata: testMetadata(vals)}}}
	if err := w.Add(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, f := range analysis.MetadataFields {
		var got string
		if err := s.DB().QueryRow(`SELECT ` + f.Name + ` FROM analyses WHERE sha256 = 'abc'`).Scan(&got); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		want := vals[f.Name]
		if f.Dated {
			want = ""
		}
		if got != want {
			t.Errorf("column %s holds %q, want %q", f.Name, got, want)
		}
	}
}
