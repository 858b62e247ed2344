package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fuzzOptions keep each fuzz input cheap.
var fuzzOptions = Options{MaxBytes: 4 << 20, MaxDecompressedBytes: 8 << 20, MaxTextBytes: 1 << 20, Timeout: 2 * time.Second}

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

// FuzzParseODT reads zipped and flat OpenDocument text (the same
// officeText as DOCX, with ODF's names: spaces, soft page breaks).
func FuzzParseODT(f *testing.F) {
	addSeeds(f, "ingest/*.odt", "ingest/*.fodt", "mixed/*.odt")
	f.Add([]byte(odtXML(`<text:p>Plan<text:s text:c="3"/>för<text:tab/>integration</text:p><text:soft-page-break/><table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row></table:table>`)))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.odt", data) })
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "ingest/*.html", "mixed/*.html")
	f.Add([]byte("<html><body><table><tr><td><table><tr><td>x</td></tr></table></td></tr></table></body></html>"))
	f.Add(reconstructHTML(3))
	f.Add([]byte("<svg><style><b id=1>svg</b></style></svg><p>efter<xmp><b>x</b></xmp><plaintext><b>&amp;"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.html", data) })
}

// FuzzParseMarkdown strips Markdown syntax (the Text target also reads
// its inputs as Markdown; this one starts from Markdown seeds and keeps
// its own corpus of them).
func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, "mixed/*.md")
	f.Add([]byte("# Rubrik #\n\n> citat **fet** _kursiv_ ~~struken~~ `kod` [länk](x) ![bild](y) [ref][1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkod\n```\n[1]: http://x\n***\n<b>x</b>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.md", data) })
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, "mixed/*.txt", "mixed/*.md", "corpus/tierp*.txt")
	f.Add([]byte("integrations-\narbetet\u00ad\nasyl-\noch ﬁ"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, "fuzz.txt", data)
		checkParse(t, "fuzz.md", data)
	})
}
