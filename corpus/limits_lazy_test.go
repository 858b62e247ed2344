package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// TestRunLimitsWhenNeeded: Run asks BatchOptions.Limits (which may run
// Tesseract) only when a failure is recorded or a stored one looked up:
// never in a run whose files all read well; and a failure is stored
// under the key it gave, and re-used under it on the next run.
func TestRunLimitsWhenNeeded(t *testing.T) {
	a := testAnalyzer(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	big := filepath.Join(dir, "big.txt")
	body, err := os.ReadFile("../testdata/corpus/" + firstCorpusFile(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, body[:2000], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat("Kommunen tar emot nyanlända. ", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := AnalysisKey{PipelineVersion: "test", AsOf: "2026-01-01"}
	const limitsKey = "max-bytes=4096 test"
	run := func(files ...string) (*BatchResult, int64) {
		t.Helper()
		var calls atomic.Int64
		id, err := st.BeginRun(key, 2, "test")
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id,
			Ingest: ingest.Options{MaxBytes: 4096}, Limits: func() string { calls.Add(1); return limitsKey }})
		if err != nil {
			t.Fatal(err)
		}
		return res, calls.Load()
	}
	if res, calls := run(good); calls != 0 || res.Stats.Parsed != 1 {
		t.Fatalf("a run of one readable file asked for the limits %d times (stats %+v)", calls, res.Stats)
	}
	if res, calls := run(good, big); calls == 0 || res.Stats.Failed != 1 || res.Stats.Reused != 1 {
		t.Fatalf("a run with a file over --max-bytes: limits asked %d times, stats %+v", calls, res.Stats)
	}
	fs, err := st.FailureStates(key.PipelineVersion)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := fs[big]; !ok || f.Limits != limitsKey {
		t.Fatalf("stored failure of %s: %+v (present %v), want limits %q", big, f, ok, limitsKey)
	}
	if res, calls := run(good, big); calls == 0 || res.Stats.Failed != 1 || res.Stats.Parsed != 0 {
		t.Fatalf("the stored failure again: limits asked %d times, stats %+v", calls, res.Stats)
	}
}

// firstCorpusFile is the name of a text of testdata/corpus.
func firstCorpusFile(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus texts: %v", err)
	}
	return filepath.Base(files[0])
}

// BenchmarkLimitsKey: what Run no longer waits for before its first
// file: the limits' key, which asks Tesseract (--list-langs, --version)
// when it is installed, with OCR on auto, and nothing with OCR never.
func BenchmarkLimitsKey(b *testing.B) {
	for _, mode := range []ingest.OCRMode{ingest.OCRAuto, ingest.OCRNever} {
		b.Run(string(mode), func(b *testing.B) {
			for range b.N {
				if LimitsKey(ingest.Options{OCR: mode}) == "" {
					b.Fatal("empty limits key")
				}
			}
		})
	}
}
