package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOCRScannedPage: page 1 of the groff fixture, rendered at 300 dpi by
// pdftoppm -mono into an image-only PDF (tools/genfixtures -scan, see
// gen.sh), is read with tesseract to at least 0.95 word accuracy against
// the text layer of the page it was rendered from, and marked as OCRed.
// Skipped without tesseract, its Swedish model and pdftoppm.
func TestOCRScannedPage(t *testing.T) {
	if _, _, err := ocrTools(context.Background()); err != nil {
		t.Skip(err)
	}
	orig, err := Load(filepath.Join("..", "testdata", "ingest", "groff-gislaved.pdf"), Options{KeepHeaders: true})
	if err != nil {
		t.Fatal(err)
	}
	want := orig.Text[orig.Pages[0].Start:orig.Pages[0].End]
	// a generous bound, not a speed check: a loaded CI machine takes a
	// minute for what takes 6 s of CPU
	doc, err := Load(filepath.Join("..", "testdata", "ingest", "scan-gislaved.pdf"), Options{KeepHeaders: true, Timeout: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	acc := wordAccuracy(want, doc.Text)
	t.Logf("OCR word accuracy %.4f (%d words)", acc, len(words(want)))
	if acc < 0.95 {
		t.Errorf("OCR word accuracy %.4f < 0.95", acc)
	}
	if len(doc.OCRPages) != 1 || doc.OCRPages[0] != 1 {
		t.Errorf("OCRPages = %v, want [1]", doc.OCRPages)
	}
	if !strings.Contains(strings.Join(doc.Warnings, " "), "page 1: text from OCR") {
		t.Errorf("warnings %q: want the OCRed page named", doc.Warnings)
	}
	// --ocr never: the scan fails as before
	if _, err := Load(filepath.Join("..", "testdata", "ingest", "scan-gislaved.pdf"), Options{OCR: OCRNever}); err == nil || !strings.Contains(err.Error(), "no text layer (scanned?") {
		t.Errorf("OCRNever: err = %v", err)
	}
}

// TestOCRToolsMissing: without tesseract the scan fails with the reason
// and how to install it (--ocr auto), or fails outright (--ocr always).
func TestOCRToolsMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	path := filepath.Join("..", "testdata", "ingest", "scan-gislaved.pdf")
	_, err := Load(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "no text layer (scanned? run OCR first") || !strings.Contains(err.Error(), "apt-get install tesseract-ocr tesseract-ocr-swe") {
		t.Errorf("auto: err = %v", err)
	}
	_, err = Load(filepath.Join("..", "testdata", "ingest", "groff-gislaved.pdf"), Options{OCR: OCRAlways})
	if err == nil || !strings.Contains(err.Error(), "OCR failed") {
		t.Errorf("always: err = %v", err)
	}
	// a PDF with a text layer needs no OCR in auto mode
	if _, err := Load(filepath.Join("..", "testdata", "ingest", "groff-gislaved.pdf"), Options{}); err != nil {
		t.Errorf("auto, text layer: %v", err)
	}
}

func TestOCRModeFlag(t *testing.T) {
	var m OCRMode
	if m.String() != "auto" || m.Set("sometimes") == nil || m.Set("always") != nil || m != OCRAlways {
		t.Errorf("OCRMode flag: %q", m)
	}
}
