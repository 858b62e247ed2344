package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestOCRPagesColumn: the pages OCR read reach documents.csv's ocr_pages
// and documents.json's as ranges; a document read from its text layer
// has an empty cell.
func TestOCRPagesColumn(t *testing.T) {
	scan := &analysis.DocumentAnalysis{File: "scan.pdf", SHA256: "a", OCRPages: []int{1, 2, 3, 5}}
	text := &analysis.DocumentAnalysis{File: "text.pdf", SHA256: "b"}
	analysis.NormalizeEmpty(scan)
	analysis.NormalizeEmpty(text)
	var buf bytes.Buffer
	if err := WriteDocuments(&buf, &Report{Documents: []*analysis.DocumentAnalysis{scan, text}}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "ocr_pages")
	if col < 0 || len(rows) != 3 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	if rows[1][col] != "1-3, 5" || rows[2][col] != "" {
		t.Errorf("ocr_pages %q, %q; want \"1-3, 5\" and empty", rows[1][col], rows[2][col])
	}
	buf.Reset()
	if err := WriteDocumentJSON(&buf, scan); err != nil {
		t.Fatal(err)
	}
	var got struct {
		OCRPages string `json:"ocr_pages"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil || got.OCRPages != "1-3, 5" {
		t.Errorf("JSON ocr_pages %q (%v)", got.OCRPages, err)
	}
}
