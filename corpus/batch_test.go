package corpus

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
)

// TestRunStore checks that a second Run re-uses every stored analysis and
// gives the same documents as the first, and that Segments are dropped.
func TestRunStore(t *testing.T) {
	a := testAnalyzer(t)
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	files = append(files, "../testdata/missing.txt")
	key := AnalysisKey{PipelineVersion: "test", AsOf: "2026-01-01"}
	var results []*BatchResult
	for i := 0; i < 2; i++ {
		id, err := st.BeginRun(key, 2, "test")
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id})
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

// testAnalyzer is the analyzer of the embedded codebook and registry at
// a fixed date, as the analysis package's tests make it.
func testAnalyzer(t testing.TB) *analysis.Analyzer {
	t.Helper()
	a, err := analysis.NewDefaultAnalyzer(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return a
}
