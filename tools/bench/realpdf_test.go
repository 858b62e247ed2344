package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealPDFSet: the real PDFs with a text layer are measured, with
// their pages; the scan is left out with its reason.
func TestRealPDFSet(t *testing.T) {
	files, skipped, err := realPDFSet("../../testdata/ingest/real")
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range files {
		if strings.Contains(f.path, "scan") {
			t.Errorf("%s has no text layer but is measured", f.path)
		}
		pages += f.pages
	}
	if len(files) != 5 || pages != 67 {
		t.Errorf("%d files, %d pages; want the 5 with a text layer, 67 pages", len(files), pages)
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0], "kalmar-nation-bokslut-1990-scan.pdf: no text layer") {
		t.Errorf("left out: %q", skipped)
	}
	if _, _, err := realPDFSet(t.TempDir()); err == nil {
		t.Error("an empty folder gave no error")
	}
}

// TestPDFPartNested: `-only pdf` rewrites the PDF part inside the bench
// block and nothing else; a full run rewrites the block, PDF part
// included.
func TestPDFPartNested(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "b.md")
	orig := "intro\n<!-- bench:begin -->\ntext part\n<!-- bench-pdf:begin -->\nold pdf\n<!-- bench-pdf:end -->\n\nshards\n<!-- bench:end -->\nafter\n"
	if err := os.WriteFile(doc, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateDoc(doc, "bench-pdf", "new pdf\n"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(doc)
	if want := strings.Replace(orig, "old pdf\n", "new pdf\n", 1); string(got) != want {
		t.Errorf("after -only pdf:\n%s\nwant\n%s", got, want)
	}
	if err := updateDoc(doc, "bench", "all\n<!-- bench-pdf:begin -->\npdf\n<!-- bench-pdf:end -->\n"); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(doc)
	if want := "intro\n<!-- bench:begin -->\nall\n<!-- bench-pdf:begin -->\npdf\n<!-- bench-pdf:end -->\n<!-- bench:end -->\nafter\n"; string(got) != want {
		t.Errorf("after a full run:\n%s\nwant\n%s", got, want)
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{1, 2, 3}); m != 2 {
		t.Errorf("median of 1 2 3 = %v", m)
	}
	if m := median([]float64{1, 2, 3, 4}); m != 3 {
		t.Errorf("median of 1 2 3 4 = %v (the upper middle, as medianOf)", m)
	}
	if m := median(nil); m != 0 {
		t.Errorf("median of nothing = %v", m)
	}
}
