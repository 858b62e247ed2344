package ingest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// words splits text into words after whitespace normalisation (NFC; TABs,
// form feeds and line ends are all just white space).
func words(s string) []string {
	return strings.Fields(norm.NFC.String(s))
}

// wordAccuracy is the word-level agreement of got with want: the length
// of the longest common subsequence of their words divided by the longer
// word count. 1 means identical word sequences.
func wordAccuracy(want, got string) float64 {
	a, b := words(want), words(got)
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) / float64(max(len(a), len(b)))
}

func TestWordAccuracy(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a\tb\nc  d", 1},
		{"a b c d", "a c d", 0.75},
		{"a b c d", "a b x c d", 0.8},
		{"", "", 1},
	}
	for _, c := range cases {
		if got := wordAccuracy(c.a, c.b); got != c.want {
			t.Errorf("wordAccuracy(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// fixtures are the PDFs made by tools/genfixtures/gen.sh, one producer
// each, with the text they were made from next to them.
var fixtures = []struct{ producer, name string }{
	{"LibreOffice 7.4 (Writer, tables, header/footer)", "libreoffice-tierp"},
	{"LibreOffice 7.4 (Writer, justified)", "libreoffice-alingsas"},
	{"Chromium 156 (Skia print-to-PDF)", "chromium-ale"},
	{"groff 1.22 (gropdf, ms macros)", "groff-gislaved"},
}

// TestPDFFidelity requires 99% word accuracy for every producer.
func TestPDFFidelity(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", f.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Load(filepath.Join("..", "testdata", "ingest", f.name+".pdf"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			acc := wordAccuracy(string(want), doc.Text)
			t.Logf("%s: styrdok word accuracy %.4f (%d pages)", f.producer, acc, len(doc.Pages))
			if acc < 0.99 {
				t.Errorf("%s: word accuracy %.4f < 0.99", f.name, acc)
			}
		})
	}
}

// TestPdftotextFidelity measures poppler's pdftotext on the same fixtures
// for docs/ingest.md. It is skipped when pdftotext is not installed.
func TestPdftotextFidelity(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, f := range fixtures {
		want, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", f.name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, mode := range [][]string{{}, {"-layout"}} {
			args := append(append([]string{}, mode...), filepath.Join("..", "testdata", "ingest", f.name+".pdf"), "-")
			out, err := exec.Command(bin, args...).Output()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: pdftotext %s word accuracy %.4f", f.producer, strings.Join(mode, " "), wordAccuracy(string(want), string(out)))
		}
	}
}

// realPDF is one row of testdata/ingest/real/pdfs.tsv: a real PDF from a
// public repository (source, producer and contents in the row), with a
// checked reference text NAME.ref.txt (tools/genfixtures/realrefs.py says
// how each was made and corrected).
type realPDF struct{ file, producer string }

func realPDFs(t *testing.T) []realPDF {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", "real", "pdfs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []realPDF
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 3 {
			continue
		}
		out = append(out, realPDF{strings.TrimSuffix(f[0], ".pdf"), f[2]})
	}
	if len(out) != 6 {
		t.Fatalf("pdfs.tsv lists %d PDFs, want 6", len(out))
	}
	return out
}

func realRef(t *testing.T, name string) string {
	t.Helper()
	ref, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", "real", name+".ref.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// the same character clean-up as every document's text (ligatures,
	// zero-width and non-breaking characters): words are compared
	return CleanText(string(ref))
}

// TestRealPDFFidelity requires 0.99 word accuracy against the checked
// reference on every real PDF with a text layer (headers kept: the
// references have them), and the scan to fail as one.
func TestRealPDFFidelity(t *testing.T) {
	for _, p := range realPDFs(t) {
		t.Run(p.file, func(t *testing.T) {
			ref := realRef(t, p.file)
			// OCR off: the scan's reference is empty, its failure is tested
			// (OCR has its own test, ocr_test.go)
			doc, err := Load(filepath.Join("..", "testdata", "ingest", "real", p.file+".pdf"), Options{KeepHeaders: true, OCR: OCRNever})
			if strings.TrimSpace(ref) == "" {
				if err == nil || !strings.Contains(err.Error(), "no text layer (scanned?") {
					t.Fatalf("scan: err = %v, want no text layer", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			acc := wordAccuracy(ref, doc.Text)
			t.Logf("%s: styrdok word accuracy %.4f (%d words, %d pages)", p.producer, acc, len(words(ref)), len(doc.Pages))
			if acc < 0.99 {
				t.Errorf("word accuracy %.4f < 0.99", acc)
			}
		})
	}
}

// TestRealPdftotextFidelity measures pdftotext on the real PDFs for
// docs/ingest.md; skipped when pdftotext is not installed.
func TestRealPdftotextFidelity(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, p := range realPDFs(t) {
		ref := realRef(t, p.file)
		for _, mode := range [][]string{{}, {"-layout"}} {
			args := append(append([]string{}, mode...), filepath.Join("..", "testdata", "ingest", "real", p.file+".pdf"), "-")
			out, err := exec.Command(bin, args...).Output()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: pdftotext %s word accuracy %.4f", p.file, strings.Join(mode, " "), wordAccuracy(ref, CleanText(string(out))))
		}
	}
}
