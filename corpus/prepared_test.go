package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/s2"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

// retagAnalyzer is the default codebook with one term added: a run with
// it re-tags what a run with testAnalyzer stored.
func retagAnalyzer(t *testing.T) *analysis.Analyzer {
	t.Helper()
	data, err := os.ReadFile("../codebook/codebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const at = "      - {term: arbetsmarknad, weight: 2}\n"
	if !strings.Contains(string(data), at) {
		t.Fatalf("codebook.yaml has no %q", at)
	}
	cb, err := analysis.ParseCodebook([]byte(strings.Replace(string(data), at, at+"      - {term: lönearbete, weight: 2}\n", 1)), "B")
	if err != nil {
		t.Fatal(err)
	}
	return analysis.NewAnalyzer(cb, nil, testAnalyzer(t).AsOf())
}

// runOnce runs files against st with key and a, as a new run.
func runOnce(t *testing.T, st *Store, a *analysis.Analyzer, files []string) *BatchResult {
	t.Helper()
	key := AnalysisKey{PipelineVersion: "test", CodebookHash: a.Codebook.Hash()}
	id, err := st.BeginRun(key, 2, "test")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id, KeepSegments: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRunRetagsFromPrepared: a cold run stores one prepared analysis per
// content; a run with another codebook re-tags from it (a row planted
// with a marked word count shows that it is read, not the text analysed
// again), and a damaged row is named in Problems, the document analysed
// afresh and the row replaced.
func TestRunRetagsFromPrepared(t *testing.T) {
	a, b := testAnalyzer(t), retagAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runOnce(t, st, a, files)
	have, err := st.PreparedHashes("test")
	if err != nil || len(have) != len(files) {
		t.Fatalf("%d prepared analyses for %d files (%v)", len(have), len(files), err)
	}

	// files[0]: a prepared row that says 12345 words; files[1]: a
	// damaged one.
	doc0, err := ingest.Load(files[0], ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	marked := a.Analyze(doc0)
	marked.Words = 12345
	doc1, err := ingest.Load(files[1], ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for sha, data := range map[string][]byte{doc0.SHA256: s2.Encode(nil, analysis.AppendPrepared(nil, marked)), doc1.SHA256: []byte("not S2")} {
		if _, err := st.DB().Exec(`UPDATE prepared SET data = ? WHERE sha256 = ?`, data, sha); err != nil {
			t.Fatal(err)
		}
	}
	res := runOnce(t, st, b, files)
	if res.Stats.Retagged != len(files) || res.Stats.Parsed != 0 {
		t.Fatalf("stats %+v, want every file re-tagged", res.Stats)
	}
	fresh1 := b.Analyze(doc1)
	for _, d := range res.Documents {
		switch d.File {
		case files[0]:
			if d.Words != 12345 {
				t.Errorf("%s: %d words, not the prepared row's: re-tagged from the text, not the prepared analysis", d.File, d.Words)
			}
		case files[1]:
			if d.Words != fresh1.Words || len(d.Segments) != len(fresh1.Segments) {
				t.Errorf("%s: not analysed afresh after its prepared row was found damaged", d.File)
			}
		}
	}
	if len(res.Problems) != 1 || res.Problems[0].File != files[1] || !strings.Contains(res.Problems[0].Problem, "prepared analysis could not be used") {
		t.Fatalf("problems %+v, want one naming %s's prepared analysis", res.Problems, files[1])
	}
	data, err := st.LoadPrepared(doc1.SHA256, "test")
	if err != nil {
		t.Fatalf("the damaged row was not replaced: %v", err)
	}
	if _, err := b.Retag(context.Background(), doc1, data, nil); err != nil {
		t.Fatalf("the replacing row: %v", err)
	}
}

// TestStoreUpgradeTo4: a version 3 store (no prepared table) is upgraded
// in place; its analyses stay and the next codebook change analyses
// afresh what has no prepared row, storing one.
func TestStoreUpgradeTo4(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	runOnce(t, st, testAnalyzer(t), files)
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	asVersion4(t, db)
	for _, q := range []string{`DROP TABLE prepared`, `UPDATE meta SET value = '3' WHERE key = 'schema_version'`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	if st, err = OpenStore(path); err != nil {
		t.Fatalf("version 3 store not upgraded: %v", err)
	}
	defer st.Close()
	var version string
	st.DB().QueryRow(`SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&version)
	if version != StoreSchemaVersion {
		t.Fatalf("schema version %s after the upgrade, want %s", version, StoreSchemaVersion)
	}
	res := runOnce(t, st, retagAnalyzer(t), files)
	if res.Stats.Retagged != len(files) || len(res.Problems) != 0 {
		t.Fatalf("stats %+v, problems %v: want every file re-tagged from its text, silently", res.Stats, res.Problems)
	}
	if have, _ := st.PreparedHashes("test"); len(have) != len(files) {
		t.Fatalf("%d prepared analyses stored after the upgrade, want %d", len(have), len(files))
	}
}

// TestRunDamagedRows: a stored analysis or text that cannot be used is
// named in Problems with its file, and the file is analysed again (from
// its text, or read from disk), with the analysis a fresh run makes.
func TestRunDamagedRows(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	runOnce(t, st, a, files)
	for _, q := range []string{
		`UPDATE analysis_data SET data = x'00' WHERE id IN (SELECT data_id FROM analyses WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?))`,
		`UPDATE texts SET pages = 'not JSON' WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?)`,
	} {
		path := files[0]
		if strings.Contains(q, "texts") {
			path = files[1]
		}
		if _, err := st.DB().Exec(q, path); err != nil {
			t.Fatal(err)
		}
	}
	check := func(name string, an *analysis.Analyzer, res *BatchResult, want map[string]string) {
		t.Helper()
		got := map[string]string{}
		for _, p := range res.Problems {
			got[p.File] = p.Problem
		}
		for f, w := range want {
			if !strings.Contains(got[f], w) {
				t.Errorf("%s: %s: problem %q, want one saying %q", name, f, got[f], w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: problems %v, want %d", name, res.Problems, len(want))
		}
		fresh, _ := AnalyzeFiles(context.Background(), an, files, BatchOptions{Workers: 1})
		if len(res.Documents) != len(fresh) {
			t.Fatalf("%s: %d documents, want %d", name, len(res.Documents), len(fresh))
		}
		for i, d := range res.Documents {
			analysis.NormalizeEmpty(fresh[i])
			if d.File != fresh[i].File || !bytes.Equal(analysis.EncodeAnalysis(d), analysis.EncodeAnalysis(fresh[i])) {
				t.Errorf("%s: %s: not the analysis a fresh run makes", name, d.File)
			}
		}
	}
	// The same codebook: files[0]'s analysis is damaged (its text and
	// prepared row are not: re-tagged from them).
	check("codebook A", a, runOnce(t, st, a, files), map[string]string{files[0]: "the stored analysis could not be used"})
	// Another codebook: files[1]'s text is damaged (read from disk again).
	b := retagAnalyzer(t)
	check("codebook B", b, runOnce(t, st, b, files), map[string]string{files[1]: "the stored text could not be used"})
}
