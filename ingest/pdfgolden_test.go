package ingest

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var updatePDFText = flag.Bool("update-pdftext", false, "rewrite ingest/testdata/pdftext from the current extraction")

// goldenPDFs lists every PDF whose extracted text is pinned: the fixtures
// made by tools/genfixtures, the real PDFs, the mixed tree's and the
// hostile ones that load. Speed work on the PDF path (issue 17) must keep
// each text byte-identical; a change that means to alter it regenerates
// the goldens with -update-pdftext and says why in the commit.
func goldenPDFs(t testing.TB) []string {
	var out []string
	for _, pat := range []string{
		"../testdata/ingest/*.pdf",
		"../testdata/ingest/real/*.pdf",
		"../testdata/mixed/good-*.pdf",
		"../testdata/hostile/files/pdf-*.pdf",
	} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	if len(out) < 15 {
		t.Fatalf("only %d PDFs found", len(out))
	}
	return out
}

// extractForGolden is the text layer of path (OCR off, headers kept and
// removed: both paths of the layout code), or its error, as one string.
func extractForGolden(path string) string {
	var b strings.Builder
	for _, keep := range []bool{true, false} {
		fmt.Fprintf(&b, "=== KeepHeaders=%v\n", keep)
		doc, err := Load(path, Options{KeepHeaders: keep, OCR: OCRNever})
		if err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				fmt.Fprintf(&b, "error: %s\n", fe.Reason)
			} else {
				fmt.Fprintf(&b, "error: %v\n", err)
			}
			continue
		}
		fmt.Fprintf(&b, "pages %v\nwarnings %q\n", doc.Pages, doc.Warnings)
		b.WriteString(doc.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// TestPDFTextGolden: every pinned PDF extracts to exactly the stored text.
func TestPDFTextGolden(t *testing.T) {
	for _, path := range goldenPDFs(t) {
		name := strings.NewReplacer("../testdata/", "", "/", "_").Replace(path) + ".txt"
		golden := filepath.Join("testdata", "pdftext", name)
		t.Run(name, func(t *testing.T) {
			got := extractForGolden(path)
			if *updatePDFText {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestPDFTextGolden -update-pdftext)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					g, w := "", ""
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs from %s at line %d:\n got %q\nwant %q", path, golden, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestXrefEnds: the hand-written scan finds what the regexp it replaces
// finds, on every pinned PDF and on edge cases.
func TestXrefEnds(t *testing.T) {
	inputs := []string{"xref 0 1", "xref", "\nxref", "\nxref\n\nxref 1", "axref 1", "\r\nxref\r\n0 3\nxref\txref ", "\n\nxrefxref\n", "xref\nxref\n", "\nxref \n\nxref\n\n"}
	for _, p := range goldenPDFs(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var want []int
		for _, loc := range xrefRE.FindAllIndex([]byte(in), -1) {
			want = append(want, loc[1])
		}
		if got := xrefEnds([]byte(in)); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("xrefEnds(%.40q) = %v, want %v", in, got, want)
		}
	}
}
