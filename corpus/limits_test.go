package corpus

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// TestRunBoundsAnalysis: in a batch run --timeout covers analysis as well
// as parsing, and --max-text bounds the text analysis gets, whatever the
// parser did; each gives the file a failure naming the limit, the batch
// goes on, and a failure on a limit is stored with the limits it was met
// under.
//
// Its imports and opening (a big file in a temporary folder) are alike in
// shape to ingest's walk tests, which `duplicates` lists; kept: nothing
// is shared but Go's boilerplate.
func TestRunBoundsAnalysis(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("Kommunen ska erbjuda SFI och bostäder till nyanlända. ", 40000)), 0o644); err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	reason := func(opts ingest.Options) string {
		docs, fails := AnalyzeFiles(context.Background(), a, []string{big}, BatchOptions{Workers: 1, Ingest: opts})
		if len(docs) != 0 || len(fails) != 1 {
			t.Fatalf("%+v: %d documents, %d failures; want the file to fail", opts, len(docs), len(fails))
		}
		return fails[0].Reason
	}
	if r := reason(ingest.Options{Timeout: time.Microsecond}); !strings.Contains(r, "time limit (1µs") {
		t.Errorf("--timeout 1µs: %q", r)
	}
	if r := reason(ingest.Options{MaxTextBytes: 1000}); !strings.Contains(r, "--max-text") {
		t.Errorf("--max-text 1000: %q", r)
	}
}

// TestLimitsKey: the limits key changes with every limit and resolves
// defaults, so a failure under default limits matches the same limits
// given explicitly.
func TestLimitsKey(t *testing.T) {
	def := LimitsKey(ingest.Options{})
	if LimitsKey(ingest.DefaultOptions()) != def {
		t.Errorf("defaults spelled out differ from zero options")
	}
	for _, o := range []ingest.Options{{MaxBytes: 1}, {MaxDecompressedBytes: 1}, {MaxTextBytes: 1}, {Timeout: time.Second}, {OCR: ingest.OCRAuto}} {
		if LimitsKey(o) == def {
			t.Errorf("%+v: same key as the defaults", o)
		}
	}
}

// TestLimitsKeyOCRTools: with --ocr auto the key says whether Tesseract
// is installed, so a scan that failed without it is retried once it is
// (an empty PATH hides it); with never it does not depend on it.
func TestLimitsKeyOCRTools(t *testing.T) {
	auto := ingest.Options{OCR: ingest.OCRAuto}
	withPath, never := LimitsKey(auto), LimitsKey(ingest.Options{})
	t.Setenv("PATH", t.TempDir())
	without := LimitsKey(auto)
	if !strings.Contains(without, "ocr=auto no-tesseract") {
		t.Errorf("no tesseract: key %q", without)
	}
	if LimitsKey(ingest.Options{}) != never || !strings.HasSuffix(never, "ocr=never") {
		t.Errorf("never: key %q depends on PATH or lacks the mode", never)
	}
	if _, err := exec.LookPath("tesseract"); err == nil && withPath == without {
		t.Errorf("tesseract installed, yet the key %q is the same as without it", withPath)
	}
}
