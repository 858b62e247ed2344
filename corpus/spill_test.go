package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestRunSpill: with a spill, Run keeps only summaries (nothing per
// sentence: IsSummary), and Full gives back, in the summaries' order,
// exactly the analyses a run without a spill keeps, fresh, re-tagged
// or re-used from the store; the spill file goes with Close.
func TestRunSpill(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	files = append(files, "../testdata/missing.txt")
	want, _ := AnalyzeFiles(context.Background(), a, files, BatchOptions{Workers: 2})
	for _, d := range want {
		d.Segments = nil // not stored, not spilled
	}
	check := func(name string, res *BatchResult) {
		t.Helper()
		if res.Full == nil || res.Full.Len() != len(want) || len(res.Documents) != len(want) {
			t.Fatalf("%s: %d summaries, Full %v; want %d", name, len(res.Documents), res.Full, len(want))
		}
		for i, d := range res.Documents {
			if !analysis.IsSummary(d) {
				t.Errorf("%s: %s: the run keeps per-sentence data in memory", name, d.File)
			}
			if d.File != want[i].File || !reflect.DeepEqual(d.Themes[0].Level, want[i].Themes[0].Level) || !reflect.DeepEqual(res.Full.TermBag(i), want[i].Terms) || len(d.Terms.Stems) != 0 {
				t.Errorf("%s: summary %d (%s) is not of %s", name, i, d.File, want[i].File)
			}
		}
		n := 0
		err := res.Full.Each(func(i int, d *analysis.DocumentAnalysis) error {
			n++
			if !reflect.DeepEqual(d, want[i]) {
				t.Errorf("%s: %s read back from the spill differs from the analysis", name, d.File)
			}
			return nil
		})
		if err != nil || n != len(want) {
			t.Fatalf("%s: Each: %v after %d documents", name, err, n)
		}
	}

	spill, err := NewSpill(t.TempDir(), ".spill-*")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Spill: spill})
	if err != nil {
		t.Fatal(err)
	}
	check("no store", res)
	if err := spill.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spill.Name()); !os.IsNotExist(err) {
		t.Errorf("spill file left after Close: %v", err)
	}

	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := AnalysisKey{PipelineVersion: "test"}
	for _, name := range []string{"store, cold", "store, re-used"} {
		id, err := st.BeginRun(key, 2, "test")
		if err != nil {
			t.Fatal(err)
		}
		spill, err := NewSpill(t.TempDir(), ".spill-*")
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id, Spill: spill})
		if err != nil {
			t.Fatal(err)
		}
		check(name, res)
		spill.Close()
	}
}
