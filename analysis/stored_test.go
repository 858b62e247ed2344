package analysis

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// TestAnalysisRoundTrip guards the store: everything reports need must
// survive EncodeAnalysis/DecodeAnalysis, including the fields JSON leaves
// out (Municipality, Meta). A field added to DocumentAnalysis that the codec
// cannot carry fails here.
//
// It opens like corpus's TestRunSpill (the analyzer, the bundled corpus's
// files), which `duplicates` lists as alike in shape; the two check
// different things (the codec here, the batch's spill there) in
// packages that cannot share a test helper, so both are kept.
func TestAnalysisRoundTrip(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	for _, f := range files {
		doc, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := a.Analyze(doc)
		d.Municipality = Attribution{Candidates: [2]Candidate{{Code: "0360", Name: "Tierp", CountyCode: "03", CountyName: "Uppsala län", Confidence: 0.9, Evidence: "test"}}}.Decide(0.6)
		d.Meta = Metadata{Kind: "plan", Title: "T", Status: "current"}
		data := EncodeAnalysis(d)
		got, err := DecodeAnalysis(data)
		if err != nil {
			t.Fatal(err)
		}
		want := *d
		NormalizeEmpty(&want)
		want.Segments = nil
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: analysis does not round-trip through the store encoding", f)
		}
	}
}
