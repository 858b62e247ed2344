package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// Regression tests for issue 13 (batch reliability), the non-PDF parsers:
// each hostile input is made here, at a size a test can afford, by the
// same recipe as /work/shared/hostile/gen (named at each generator).

// reconstructHTML is gen/make-html-reconstruct.sh: 500 distinct unclosed
// <b> elements, then n paragraphs.
func reconstructHTML(n int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><body><p>Integrationsplan.<p>")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "<b id=a%d>", i)
	}
	b.WriteString(strings.Repeat("<p>x", n))
	b.WriteString("</body></html>")
	return []byte(b.String())
}

// docx builds a DOCX whose word/document.xml is body, inside a
// w:document element unless raw.
func docx(t testing.TB, body string, raw bool) []byte {
	t.Helper()
	if !raw {
		body = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `</w:body></w:document>`
	}
	return zipOf(t, [][2]string{{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`}, {"word/document.xml", body}})
}

// odt builds an ODT whose content.xml holds body in office:text.
func odt(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odtXML(body)}})
}

func odtXML(body string) string {
	return `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + body +
		`</office:text></office:body></office:document-content>`
}

func zipOf(t testing.TB, parts [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := z.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wantReason(t *testing.T, what string, err error, reason string) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, reason) {
		t.Errorf("%s: got %v, want a FileError whose reason contains %q", what, err, reason)
	}
}

// TestHTMLFormattingReconstruction: unclosed formatting elements before
// many paragraphs made html.Parse clone every one of them per paragraph
// (205 KB of HTML took 4.2 GB). The work must be proportional to the
// page: counted in allocations, which are deterministic, not in time.
func TestHTMLFormattingReconstruction(t *testing.T) {
	const n = 200
	page := reconstructHTML(n)
	doc, err := Parse("reconstruct.html", page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Integrationsplan." + strings.Repeat("\n\nx", n); doc.Text != want {
		t.Errorf("text %.80q..., want %.80q...", doc.Text, want)
	}
	// Cloning would be 500 elements, each a node and its attribute, per
	// paragraph; the page itself needs a few allocations per token.
	allocs := testing.AllocsPerRun(1, func() { Parse("reconstruct.html", page, Options{}) })
	if perPara := allocs / n; perPara > 100 {
		t.Errorf("%.0f allocations per paragraph: formatting elements are cloned per paragraph", perPara)
	}
}

// TestHTMLNodeBound: a page with more elements than the bound fails
// with a reason naming it, before the tree is built.
func TestHTMLNodeBound(t *testing.T) {
	b := newBudget(Options{})
	b.maxNodes = 1000
	_, err := parseHTML([]byte(strings.Repeat("<p>x", 600)), b) // 1,200 tokens
	var le *limitError
	if !errors.As(err, &le) || !strings.Contains(le.reason, "more than 1000 elements and text runs (the HTML node bound)") {
		t.Errorf("got %v", err)
	}
	b = newBudget(Options{})
	b.maxNodes = 1000
	if _, err := parseHTML([]byte(strings.Repeat("<p>x", 400)), b); err != nil {
		t.Errorf("under the bound: %v", err)
	}
}

// TestNestingBound: HTML and Office XML nested past MaxNestingDepth fail
// with a reason saying so (a 204 KB DOCX of nested elements took 5.7 GB:
// gen/bombs.py nest200 at 1/20,000 of its size).
func TestNestingBound(t *testing.T) {
	deep := MaxNestingDepth + 10
	page := "<html><body><p>Integrationsplan.</p>" + strings.Repeat("<div>", 600) + "x</body></html>"
	_, err := Parse("deep.html", []byte(page), Options{})
	wantReason(t, "HTML", err, "HTML elements nested more than 512 deep")

	para := `<w:p><w:r><w:t>Integrationsplan för Tierps kommun.</w:t></w:r></w:p>`
	_, err = Parse("deep.docx", docx(t, para+strings.Repeat("<a>", deep), false), Options{})
	wantReason(t, "DOCX", err, fmt.Sprintf("XML elements nested more than %d deep", MaxNestingDepth))

	_, err = Parse("deep.odt", odt(t, "<text:p>Plan</text:p>"+strings.Repeat("<text:span>", deep)), Options{})
	wantReason(t, "ODT", err, fmt.Sprintf("XML elements nested more than %d deep", MaxNestingDepth))

	// and just under the bound both read
	ok := strings.Repeat("<div>", 500) + "Integrationsplan."
	if _, err := Parse("ok.html", []byte("<html><body>"+ok+"</body></html>"), Options{}); err != nil {
		t.Errorf("HTML under the bound: %v", err)
	}
	if _, err := Parse("ok.docx", docx(t, strings.Repeat("<w:x>", MaxNestingDepth-10)+para, false), Options{}); err != nil {
		t.Errorf("DOCX under the bound: %v", err)
	}
}

// TestDOCXStreamed: document.xml is parsed as it inflates, never held
// whole (the 10 GB bomb, read whole up to the 256 MiB limit, peaked at
// 1.1 GB), and a bomb is measured and refused before the XML decoder,
// slow on a bomb, sees it. Allocated bytes are deterministic here (one
// goroutine), unlike time.
func TestDOCXStreamed(t *testing.T) {
	paras := strings.Repeat("<w:p><w:r><w:t>bomb bomb bomb</w:t></w:r></w:p>", (4<<20)/48) // 4 MiB
	// malformed at its start: the parse stops there, having held little
	data := docx(t, "<w:document><</w:document>"+paras, true)
	var err error
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Parse("bad.docx", data, Options{})
	runtime.ReadMemStats(&after)
	wantReason(t, "malformed start", err, "cannot parse DOCX")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("allocated %d bytes for a 4 MiB part that is malformed at its start: read whole?", alloc)
	}
	// a well-formed bomb stops at the limit
	_, err = Parse("bomb.docx", docx(t, paras, false), Options{MaxDecompressedBytes: 1 << 20})
	wantReason(t, "bomb", err, "decompression limit (1048576 bytes")
}

// TestTextLimit: every non-PDF parser enforces MaxTextBytes (a 200 MB
// text file without a newline reached 14 GB downstream:
// gen/make-text-200MB.sh), and a document under it reads.
func TestTextLimit(t *testing.T) {
	sentence := "Nyanlända ska erbjudas praktik och språkstöd. "
	words := strings.Repeat(sentence, 100) // 4,800 bytes
	para := strings.Repeat(`<w:p><w:r><w:t>`+sentence+`</w:t></w:r></w:p>`, 100)
	odtParas := strings.Repeat("<text:p>"+sentence+"</text:p>", 100)
	utf16le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(words)) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	// fewer code units than the limit, more bytes once decoded
	wide := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(strings.Repeat("åäö ", 800))) {
		wide = append(wide, byte(u), byte(u>>8))
	}
	latin1 := []byte(strings.NewReplacer("ä", "\xe4", "å", "\xe5", "ö", "\xf6").Replace(words))
	spaces := odt(t, "<text:p>Plan"+strings.Repeat(`<text:s text:c="100"/>`, 60)+"</text:p>") // 6,000 spaces from 1.3 kB
	cases := []struct {
		name string
		data []byte
	}{
		{"plan.txt", []byte(words)},
		{"plan-utf16.txt", utf16le},
		{"plan-utf16-wide.txt", wide},
		{"plan-latin1.txt", latin1},
		{"plan.md", []byte("# Plan\n\n" + words)},
		{"plan.html", []byte("<html><body>" + strings.Repeat("<p>"+sentence+"</p>", 100) + "</body></html>")},
		{"plan.docx", docx(t, para, false)},
		{"plan.odt", odt(t, odtParas)},
		{"plan.fodt", []byte(odtXML(odtParas))},
		{"spaces.odt", spaces},
	}
	for _, c := range cases {
		_, err := Parse(c.name, c.data, Options{MaxTextBytes: 4000})
		wantReason(t, c.name, err, "extracted text exceeds the text limit (4000 bytes; --max-text)")
		if c.name == "spaces.odt" {
			continue // all spaces: no text once cleaned
		}
		if _, err := Parse(c.name, c.data, Options{MaxTextBytes: 8000}); err != nil {
			t.Errorf("%s under the limit: %v", c.name, err)
		}
	}
	// HTML counts the text, not the markup or its indentation
	page := "<html><body>" + strings.Repeat("<div class=x>\n      <p>ord</p>\n    </div>\n", 500) + "</body></html>"
	if _, err := Parse("indented.html", []byte(page), Options{MaxTextBytes: 4000}); err != nil {
		t.Errorf("indented HTML: %v", err)
	}
	// one HTML text run or tag longer than the limit stops the tokenizer
	_, err := Parse("run.html", []byte("<html><body><p>"+strings.Repeat(" ", 9000)+"</p></body></html>"), Options{MaxTextBytes: 8000})
	wantReason(t, "HTML text run", err, "HTML text or tag longer than the text limit (8000 bytes")
	_, err = Parse("tag.html", []byte(`<html><body><p title="`+strings.Repeat("a", 9000)+`">Plan</p></body></html>`), Options{MaxTextBytes: 8000})
	wantReason(t, "HTML tag", err, "HTML text or tag longer than the text limit (8000 bytes")
	// one XML text or tag longer than the limit stops the stream
	_, err = Parse("attr.docx", docx(t, para[:len(para)/4]+`<w:x v="`+strings.Repeat("a", 9000)+`"/>`, false), Options{MaxTextBytes: 8000})
	wantReason(t, "long tag", err, "XML text or tag longer than the text limit (8000 bytes")
	_, err = Parse("run.docx", docx(t, `<w:p><w:r><w:t>`+strings.Repeat(" ", 9000)+`</w:t></w:r></w:p>`, false), Options{MaxTextBytes: 8000})
	wantReason(t, "long text run", err, "XML text or tag longer than the text limit (8000 bytes")
}

// TestDeadlineInParserLoops: every parser checks the deadline as it
// goes. The time limit here has passed before parsing starts, so this
// tests that the check is there, not how fast anything is.
func TestDeadlineInParserLoops(t *testing.T) {
	words := strings.Repeat("Nyanlända ska erbjudas praktik. ", 50)
	var utf16le []byte
	for _, u := range utf16.Encode([]rune(words)) {
		utf16le = append(utf16le, byte(u), byte(u>>8))
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"plan.txt", []byte(words)},
		{"plan-utf16.txt", utf16le},
		{"plan-latin1.txt", []byte(strings.ReplaceAll(words, "ä", "\xe4"))},
		{"plan.md", []byte("# Plan\n\n" + words)},
		{"plan.html", []byte("<html><body><p>" + words + "</p></body></html>")},
		{"plan-latin1.html", []byte("<html><head><meta charset=iso-8859-1></head><body><p>" + strings.ReplaceAll(words, "ä", "\xe4") + "</p></body></html>")},
		{"plan.docx", docx(t, "<w:p><w:r><w:t>"+words+"</w:t></w:r></w:p>", false)},
		{"plan.odt", odt(t, "<text:p>"+words+"</text:p>")},
	}
	for _, c := range cases {
		_, err := Parse(c.name, c.data, Options{Timeout: time.Nanosecond})
		wantReason(t, c.name, err, "parsing took longer than the time limit (1ns)")
	}
}

// TestErrorsOneLine: a newline in a file name (gen/make-hostile-names.sh)
// must not split the error line: the name is quoted, and the cause does
// not repeat it.
func TestErrorsOneLine(t *testing.T) {
	name := filepath.Join(t.TempDir(), "plan\nkommun.txt")
	_, err := Load(name, Options{})
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("got %v", err)
	}
	if strings.ContainsAny(err.Error(), "\r\n") || !strings.HasPrefix(err.Error(), strconv.Quote(name)+": cannot open file") {
		t.Errorf("Error() = %q", err.Error())
	}
	if strings.Contains(fe.Detail(), "kommun") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Detail() = %q (repeats the name, or lost ErrNotExist)", fe.Detail())
	}
	if err := os.WriteFile(name, []byte("Integrationsplan"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(name, Options{}); err != nil {
		t.Errorf("the file reads once it exists: %v", err)
	}
	fe = &FileError{Path: "a\rb", Reason: "PDF parser panicked: bad\nthing", Err: errors.New("x\u2028y")}
	if got, want := fe.Error(), `"a\rb": PDF parser panicked: bad\nthing: x\u2028y`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// BenchmarkParseHTMLReconstruct measures the formatting-element page of
// TestHTMLFormattingReconstruction at 20,000 paragraphs (go test -bench
// ParseHTMLReconstruct -benchmem ./ingest).
func BenchmarkParseHTMLReconstruct(b *testing.B) {
	page := reconstructHTML(20000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse("reconstruct.html", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseDOCXBomb measures a DOCX inflating to 64 MiB stopped by
// a 16 MiB decompression limit (go test -bench DOCXBomb -benchmem ./ingest):
// streamed, B/op is the decoder's garbage, not the part held whole.
func BenchmarkParseDOCXBomb(b *testing.B) {
	data := docx(b, strings.Repeat("<w:p><w:r><w:t>bomb bomb bomb</w:t></w:r></w:p>", (64<<20)/48), false)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("bomb.docx", data, Options{MaxDecompressedBytes: 16 << 20}); err == nil {
			b.Fatal("no error")
		}
	}
}

// TestMarkdownLongLine: a line longer than maxInline is processed in
// pieces cut at spaces, with the same result where no syntax spans a
// cut, and with the deadline checked between pieces.
func TestMarkdownLongLine(t *testing.T) {
	line := strings.Repeat("Nyanlända **ska** erbjudas [praktik](https://x.se) och `språkstöd`. ", 1500) // 105 kB
	got, err := inlineBounded(line, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := inlineMarkdown(line); got != want {
		t.Errorf("in pieces: %d bytes differ from whole: %d bytes", len(got), len(want))
	}
	if strings.ContainsAny(got, "*[`") {
		t.Errorf("syntax left: %.100q", got)
	}
	b := newBudget(Options{})
	b.deadline = time.Now().Add(-time.Second)
	if _, err := inlineBounded(line, b); err == nil {
		t.Errorf("deadline not checked within a long line")
	}
}
