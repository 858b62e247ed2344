package corpus

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/analysis"
)

// TestReuseDamagedWithSpill: with a spill (as `styrdok run` has), a
// re-used analysis is read into its summary only and spilled as stored
// (loadAnalysis); a stored analysis that is not S2, or S2 of a damaged
// encoding (which only the analysis decoder notices), is named in
// Problems with its file and the file analysed again, and every analysis
// read back from the spill is the one a fresh run makes.
func TestReuseDamagedWithSpill(t *testing.T) {
	r := newSummariesRunner(t)
	a, files, st, key, run := r.a, r.files, r.st, r.key, r.run
	want, _ := AnalyzeFiles(context.Background(), a, files, BatchOptions{Workers: 2})
	for _, d := range want {
		d.Segments = nil
	}
	run()
	good, err := st.LoadAnalysis(want[0].SHA256, key)
	if err != nil {
		t.Fatal(err)
	}
	damaged := s2.Encode(nil, good[:len(good)/2]) // whole S2, half an analysis
	for q, arg := range map[string]any{
		`UPDATE analysis_data SET data = ? WHERE id IN (SELECT data_id FROM analyses WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?))`:     damaged,
		`UPDATE analysis_data SET data = x'00' WHERE id IN (SELECT data_id FROM analyses WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?))`: nil,
	} {
		var err error
		if arg != nil {
			_, err = st.DB().Exec(q, arg, files[0])
		} else {
			_, err = st.DB().Exec(q, files[1])
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// Without the summaries file (which spares a re-run reading the
	// analyses at all: TestSummariesStoreChanged), every analysis is
	// read from the store and checked.
	if err := os.Remove(st.Path() + SummariesSuffix); err != nil {
		t.Fatal(err)
	}
	res := run()
	got := map[string]string{}
	for _, p := range res.Problems {
		got[p.File] = p.Problem
	}
	for _, f := range files[:2] {
		if !strings.Contains(got[f], "the stored analysis could not be used") {
			t.Errorf("%s: problem %q, want the stored analysis named", f, got[f])
		}
	}
	if len(got) != 2 || res.Stats.Reused != len(files)-2 {
		t.Errorf("problems %v, stats %+v: want 2 problems and the rest re-used", res.Problems, res.Stats)
	}
	err = res.Full.Each(func(i int, d *analysis.DocumentAnalysis) error {
		if !analysis.IsSummary(res.Documents[i]) {
			t.Errorf("%s: the run keeps per-sentence data in memory", d.File)
		}
		if !reflect.DeepEqual(d, want[i]) {
			t.Errorf("%s: read back from the spill, not the analysis a fresh run makes", d.File)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
