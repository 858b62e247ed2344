package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunScanRetriedOnceTesseractIsInstalled: a scan that failed while
// Tesseract was missing (an empty PATH hides it) is read again, not
// answered from the store, once it is there (the failure key names the
// OCR), and documents.csv says which page OCR read.
func TestRunScanRetriedOnceTesseractIsInstalled(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		if os.Getenv("STYRDOK_REQUIRE_OCR") == "1" {
			t.Fatalf("STYRDOK_REQUIRE_OCR=1 but tesseract is not installed: %v", err)
		}
		t.Logf("NOT TESTED: tesseract is not installed (%v)", err)
		return
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "ingest", "scan-gislaved.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "scan.pdf"), data)
	out := t.TempDir()
	path := os.Getenv("PATH")
	t.Setenv("PATH", t.TempDir())
	code, _, stderr := run(t, "", "run", "--timeout", "30m", "--out", out, dir)
	if code != exitFailure || !strings.Contains(stderr, "not installed") {
		t.Fatalf("without tesseract: exit %d, want 1 with 'not installed':\n%s", code, stderr)
	}
	t.Setenv("PATH", path)
	code, _, stderr = run(t, "", "run", "--timeout", "30m", "--out", out, dir)
	if code != exitOK {
		t.Fatalf("with tesseract: exit %d, want 0 (the stored failure came back?):\n%s", code, stderr)
	}
	rows := readCSV(t, filepath.Join(out, "documents.csv"))
	if len(rows) != 1 || filepath.Base(rows[0]["document"]) != "scan.pdf" || rows[0]["ocr_pages"] != "1" {
		t.Errorf("documents.csv %v, want scan.pdf with ocr_pages 1", rows)
	}
}
