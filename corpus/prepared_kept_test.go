package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// editedAnalyzer is the embedded codebook with old replaced by new.
func editedAnalyzer(t *testing.T, old, new string) *analysis.Analyzer {
	t.Helper()
	data, err := os.ReadFile("../codebook/codebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("codebook.yaml has no %q", old)
	}
	cb, err := analysis.ParseCodebook([]byte(strings.Replace(string(data), old, new, 1)), "edited")
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewAnalyzer(cb, nil, testAnalyzer(t).AsOf())
}

// runSaved is runOnce recording a's codebook first, as styrdok run does:
// a later run compares its codebook with the stored ones.
func runSaved(t *testing.T, st *Store, a *analysis.Analyzer, files []string) *BatchResult {
	t.Helper()
	js, _ := json.Marshal(a.Codebook)
	if err := st.SaveCodebook(a.Codebook.Hash(), js); err != nil {
		t.Fatal(err)
	}
	return runOnce(t, st, a, files)
}

// TestRunKeepsUntouched: a codebook change of terms only keeps the
// stored analyses of the documents it cannot touch, re-tags the others,
// and every document's analysis is the one a fresh run makes; the store
// gets a row per content under the new codebook, with its coverage; a
// damaged analysis to keep is named with its file and the document
// re-tagged. A change beyond terms keeps none.
func TestRunKeepsUntouched(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	same := func(name string, an *analysis.Analyzer, res *BatchResult) {
		t.Helper()
		fresh, _ := AnalyzeFiles(context.Background(), an, files, BatchOptions{Workers: 1})
		if len(res.Documents) != len(fresh) {
			t.Fatalf("%s: %d documents, want %d", name, len(res.Documents), len(fresh))
		}
		for i, d := range res.Documents {
			analysis.NormalizeEmpty(fresh[i])
			analysis.NormalizeEmpty(d)
			if d.File != fresh[i].File || !bytes.Equal(analysis.EncodeAnalysis(d), analysis.EncodeAnalysis(fresh[i])) {
				t.Errorf("%s: %s: not the analysis a fresh run makes", name, d.File)
			}
		}
		var rows, cov, want int
		st.DB().QueryRow(`SELECT count(*) FROM analyses WHERE codebook_hash = ?`, an.Codebook.Hash()).Scan(&rows)
		st.DB().QueryRow(`SELECT count(*) FROM coverage c JOIN analyses a ON a.id = c.analysis_id WHERE a.codebook_hash = ?`, an.Codebook.Hash()).Scan(&cov)
		for _, d := range fresh {
			want += len(d.Themes)
		}
		if rows != len(files) || cov != want {
			t.Errorf("%s: %d analyses rows with %d coverage rows stored, want %d with %d", name, rows, cov, len(files), want)
		}
	}
	runSaved(t, st, testAnalyzer(t), files)
	weight := editedAnalyzer(t, "      - {term: arbetsgivare, weight: 2}\n", "      - {term: arbetsgivare, weight: 3}\n")
	res := runSaved(t, st, weight, files)
	if res.kept == 0 || res.kept == len(files) || res.Stats.Retagged != len(files) {
		t.Fatalf("weight changed: %d of %d kept, stats %+v: want some kept, some re-tagged, all counted re-tagged", res.kept, len(files), res.Stats)
	}
	same("weight changed", weight, res)

	// The next change is compared with the latest run's codebook; one of
	// its analyses to keep is damaged.
	removed := editedAnalyzer(t, "      - {term: arbetsträning, weight: 2}\n", "")
	if _, err := st.DB().Exec(`UPDATE analysis_data SET data = x'00' WHERE id = (SELECT data_id FROM analyses WHERE codebook_hash = ? AND sha256 = (SELECT sha256 FROM files WHERE path = ?))`, weight.Codebook.Hash(), files[0]); err != nil {
		t.Fatal(err)
	}
	res = runSaved(t, st, removed, files)
	// The weight's term is back at 2 in removed: what it touched is
	// re-tagged as well as what arbetsträning touches.
	if res.kept == 0 || len(res.Problems) != 1 || res.Problems[0].File != files[0] || !strings.Contains(res.Problems[0].Problem, "re-tagged") {
		t.Fatalf("term removed: %d kept, problems %+v: want some kept and %s's damaged analysis named", res.kept, res.Problems, files[0])
	}
	same("term removed", removed, res)

	minScore := editedAnalyzer(t, "\nmin_score: 1\n", "\nmin_score: 1.5\n")
	if res = runSaved(t, st, minScore, files); res.kept != 0 || res.Stats.Retagged != len(files) {
		t.Fatalf("min_score changed: %d kept, stats %+v: want all re-tagged", res.kept, res.Stats)
	}
	same("min_score changed", minScore, res)
}
