package analysis

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
)

// TestAnalysisRoundTrip guards the store: everything reports need must
// survive EncodeAnalysis/DecodeAnalysis, including the fields JSON leaves
// out (Municipality, Meta). A field added to DocumentAnalysis that the codec
// cannot carry fails here.
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

// TestRunStore checks that a second Run re-uses every stored analysis and
// gives the same documents as the first, and that Segments are dropped.
func TestRunStore(t *testing.T) {
	a := testAnalyzer(t)
	st, err := corpus.OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	files = append(files, "../testdata/missing.txt")
	key := corpus.AnalysisKey{PipelineVersion: "test", AsOf: "2026-01-01"}
	var results []*BatchResult
	for i := 0; i < 2; i++ {
		id, err := st.BeginRun(key, 2, "test")
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Run(context.Background(), files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	first, second := results[0], results[1]
	if first.Stats.Parsed != 4 || first.Stats.Failed != 1 || second.Stats.Reused != 4 || second.Stats.Parsed != 0 {
		t.Fatalf("stats: first %+v, second %+v", first.Stats, second.Stats)
	}
	for _, d := range first.Documents {
		if d.Segments != nil {
			t.Fatalf("%s: Segments kept", d.File)
		}
	}
	if !reflect.DeepEqual(first.Documents, second.Documents) || !reflect.DeepEqual(first.Failures, second.Failures) {
		t.Fatal("re-used analyses differ from fresh ones")
	}
	var sentences, hits int
	st.DB().QueryRow(`SELECT count(*) FROM sentences`).Scan(&sentences)
	st.DB().QueryRow(`SELECT count(*) FROM theme_hits`).Scan(&hits)
	if sentences == 0 || hits == 0 {
		t.Fatalf("normalised tables empty: %d sentences, %d hits", sentences, hits)
	}
}
