package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fuzzOptions keep each fuzz input cheap (no OCR: seconds of tesseract per
// scanned input, and it tests tesseract, not the parsers).
var fuzzOptions = Options{MaxBytes: 4 << 20, MaxDecompressedBytes: 8 << 20, Timeout: 2 * time.Second, OCR: OCRNever}

func addSeeds(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", pat))
		for _, p := range m {
			if filepath.Base(p) == "bad-bomb.pdf" {
				continue // large and slow by design
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

// checkParse asserts Parse's contract: a document with consistent pages,
// or a *FileError naming the file. Panics fail the fuzzer by themselves.
func checkParse(t *testing.T, name string, data []byte) {
	doc, err := Parse(name, data, fuzzOptions)
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != name || fe.Reason == "" {
			t.Fatalf("error %v (%T) is not a *FileError for %s", err, err, name)
		}
		return
	}
	end := 0
	for i, p := range doc.Pages {
		if p.Number != i+1 || p.Start < end || p.End < p.Start || p.End > len(doc.Text) {
			t.Fatalf("bad page %+v in text of %d bytes", p, len(doc.Text))
		}
		end = p.End
	}
}

func FuzzParsePDF(f *testing.F) {
	addSeeds(f, "ingest/*.pdf", "mixed/*.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.pdf", data) })
}

func FuzzParseDOCX(f *testing.F) {
	addSeeds(f, "ingest/*.docx", "ingest/*.odt", "mixed/*.zip")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.docx", data) })
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "ingest/*.html", "mixed/*.html")
	f.Add([]byte("<html><body><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.html", data) })
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, "mixed/*.txt", "mixed/*.md", "corpus/tierp*.txt")
	f.Add([]byte("integrations-\narbetet\u00ad\nasyl-\noch ﬁ"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "fuzz.txt", data)
		checkParse(t, "fuzz.md", data)
	})
}
