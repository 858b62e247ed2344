package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func mixed(name string) string { return filepath.Join("..", "testdata", "mixed", name) }
func fixture(name string) string {
	return filepath.Join("..", "testdata", "ingest", name)
}

// TestMixedTree walks testdata/mixed (see its README.md): every good file
// loads with its municipality's text, every bad one fails with a
// *FileError naming it and giving the expected reason.
func TestMixedTree(t *testing.T) {
	good := map[string]string{
		"README.md":               "testdata/mixed",
		"good-tierp-utf8.txt":     "Tierps kommuns samtliga verksamheter",
		"good-ale-cp1252.txt":     "Integrationsplan för Ale kommun",
		"good-gislaved-utf16.txt": "Gislaved är en kommun med stor mångfald",
		"good-alingsas.md":        "integrationsarbetet i Alingsås kommun",
		"good-ale.html":           "Integrationsplan för Ale kommun",
		"good-tierp.docx":         "Tierps kommuns samtliga verksamheter",
		"good-tierp.odt":          "Tierps kommuns samtliga verksamheter",
		"good-gislaved.pdf":       "Gislaved är en kommun med stor mångfald",
		"good-simple.pdf":         "Handlingsplan för integration",
	}
	bad := map[string]struct {
		reason      string
		unsupported bool
	}{
		"bad-empty.txt":     {"empty file", false},
		"bad-truncated.pdf": {"truncated or damaged PDF", false},
		"bad-random.pdf":    {"not a valid PDF file", false},
		"bad-encrypted.pdf": {"encrypted PDF", false},
		"bad-scanned.pdf":   {"no text layer (scanned? run OCR", false},
		"bad-bomb.pdf":      {"decompression limit", false},
		"bad-image.png":     {"unsupported file type: image/png", true},
		"bad-archive.zip":   {"unsupported file type: application/zip", true},
	}
	files, problems := Walk([]string{filepath.Join("..", "testdata", "mixed")})
	if len(problems) != 1 || !strings.Contains(problems[0].Reason, "symlink loop") || filepath.Base(problems[0].Path) != "loop" {
		t.Errorf("Walk problems = %v, want one symlink loop at loop", problems)
	}
	seen := map[string]bool{}
	for _, f := range files {
		base := filepath.Base(f)
		seen[base] = true
		// The default limits, but time: under the race detector inflating
		// the bomb to the decompression limit takes over a minute, and the
		// reason asserted must not depend on the machine's speed.
		doc, err := Load(f, Options{Timeout: 30 * time.Minute})
		if want, ok := good[base]; ok {
			if err != nil {
				t.Errorf("%s: %v", base, err)
				continue
			}
			if !strings.Contains(doc.Text, want) {
				t.Errorf("%s: text lacks %q:\n%.300s", base, want, doc.Text)
			}
			continue
		}
		exp, ok := bad[base]
		if !ok {
			t.Errorf("%s: not listed in the test", base)
			continue
		}
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: got %v (%T), want *FileError", base, err, err)
			continue
		}
		if fe.Path != f || !strings.Contains(fe.Reason, exp.reason) {
			t.Errorf("%s: got %q, want reason containing %q", base, err, exp.reason)
		}
		if errors.Is(err, ErrUnsupported) != exp.unsupported {
			t.Errorf("%s: errors.Is(ErrUnsupported) = %v, want %v", base, !exp.unsupported, exp.unsupported)
		}
		if !strings.HasPrefix(err.Error(), strconv.Quote(f)+": ") {
			t.Errorf("%s: error %q does not start with the quoted path", base, err)
		}
	}
	for name := range good {
		if !seen[name] {
			t.Errorf("%s: not found by Walk", name)
		}
	}
	for name := range bad {
		if !seen[name] {
			t.Errorf("%s: not found by Walk", name)
		}
	}
}

func TestDecodeText(t *testing.T) {
	const sv = "Tierps kommun: språk, bostäder och mötesplatser. Åtgärder för ökad integration. " +
		"Nyanlända ska få ett välkomnande bemötande i hela kommunen."
	enc := func(e interface{ Bytes([]byte) ([]byte, error) }) []byte {
		b, err := e.Bytes([]byte(sv))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16le := []byte{0xFF, 0xFE}
	utf16be := []byte{0xFE, 0xFF}
	var noBOM []byte
	for _, r := range sv {
		utf16le = append(utf16le, byte(r), byte(r>>8))
		utf16be = append(utf16be, byte(r>>8), byte(r))
		noBOM = append(noBOM, byte(r), byte(r>>8))
	}
	cases := map[string][]byte{
		"utf-8":         []byte(sv),
		"utf-8 BOM":     append([]byte("\xEF\xBB\xBF"), sv...),
		"utf-16le BOM":  utf16le,
		"utf-16be BOM":  utf16be,
		"utf-16le bare": noBOM,
		"windows-1252":  enc(charmap.Windows1252.NewEncoder()),
		"iso-8859-1":    enc(charmap.ISO8859_1.NewEncoder()),
		"cp850":         enc(charmap.CodePage850.NewEncoder()),
		"mac roman":     enc(charmap.Macintosh.NewEncoder()),
	}
	for name, data := range cases {
		got, err := DecodeText(data)
		if err != nil || got != sv {
			t.Errorf("%s: got %q, %v", name, got, err)
		}
	}
	// through Parse, a Latin-1 file comes out with å ä ö intact
	doc, err := Parse("latin1.txt", cases["iso-8859-1"], Options{})
	if err != nil || !strings.Contains(doc.Text, "bostäder och mötesplatser. Åtgärder") {
		t.Errorf("Parse latin-1: %v %q", err, doc.Text)
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ﬁnansiering och ﬂyktingar", "finansiering och flyktingar"},
		{"integrations\u00adarbetet", "integrationsarbetet"},
		{"integrations\u00ad\narbetet fortsätter", "integrationsarbetet fortsätter"},
		{"det kommunala integrations-\narbetet fortsätter", "det kommunala integrationsarbetet\nfortsätter"},
		{"asyl-\noch flyktingmottagandet", "asyl-\noch flyktingmottagandet"},
		{"asyl- och flyktingmottagandet", "asyl- och flyktingmottagandet"},
		{"SFI-\nundervisning ges", "SFI-undervisning\nges"},
		{"dnr KS-\n2013/1073", "dnr KS-2013/1073"},
		{"Uppföljning/\nresultat", "Uppföljning/resultat"},
		{"- arbete\n- boende", "- arbete\n- boende"},
		{"slut på mening-\nNy mening", "slut på mening-\nNy mening"},
		{"a\u030agor", "ågor"}, // NFC
		{"Mål\r\n\r\n\r\n\r\nText  med   mellanrum\u00a0här", "Mål\n\nText med mellanrum här"},
		{"Cell 1\tCell 2 \t Cell 3", "Cell 1\tCell 2\tCell 3"},
	}
	for _, c := range cases {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHTML(t *testing.T) {
	doc, err := Load(fixture("chromium-ale.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatHTML {
		t.Errorf("format %q", doc.Format)
	}
	for _, junk := range []string{"Startsida", "kakor", "gtag", "Tillgänglighetsredogörelse", "Aktivera JavaScript", "font-family"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("boilerplate %q kept", junk)
		}
	}
	want, _ := os.ReadFile(fixture("chromium-ale.txt"))
	if acc := wordAccuracy(string(want), doc.Text); acc < 0.999 {
		t.Errorf("HTML word accuracy %.4f", acc)
	}
	if !strings.Contains(doc.Text, "\n\nFörord\n\n") {
		t.Errorf("heading not on its own line")
	}
	page := `<html><body><nav>Meny</nav><table><tr><th>Mål</th><th>Aktivitet</th></tr>` +
		`<tr><td><p>Arbete</p></td><td>Praktik<br>platser</td></tr></table><p>Slut</p></body></html>`
	doc, err = Parse("t.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "Mål\tAktivitet\nArbete\tPraktik platser\n\nSlut" {
		t.Errorf("table: %q", doc.Text)
	}
}

// TestOffice checks DOCX and ODT: the text and the table rows as TAB lines.
func TestOffice(t *testing.T) {
	want, _ := os.ReadFile(fixture("libreoffice-tierp.txt"))
	for _, name := range []string{"libreoffice-tierp.docx", "libreoffice-tierp.odt", "libreoffice-tierp.fodt"} {
		doc, err := Load(fixture(name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if acc := wordAccuracy(string(want), doc.Text); acc < 0.999 {
			t.Errorf("%s: word accuracy %.4f", name, acc)
		}
		if !strings.Contains(doc.Text, "\nFastställd av Kommunstyrelsen § 72.2017\tFastställd datum 2017-05-30\n") ||
			!strings.Contains(doc.Text, "sammansättning av anställda.\tPersonalchef\t2018\n") {
			t.Errorf("%s: table rows not kept as TAB-separated lines", name)
		}
		if strings.Contains(doc.Text, "Sida") || strings.Contains(doc.Text, "Tierps kommun – Handlingsplan") {
			t.Errorf("%s: page header or footer in body", name)
		}
	}
	doc, _ := Load(fixture("libreoffice-tierp.odt"), Options{})
	if len(doc.Pages) < 2 {
		t.Errorf("ODT soft page breaks not used: %d pages", len(doc.Pages))
	}
}

// TestPDFStructure checks page numbers, header/footer removal and table rows.
func TestPDFStructure(t *testing.T) {
	doc, err := Load(fixture("libreoffice-tierp.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 5 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	for _, junk := range []string{"Sida 1 av 5", "Sida 3 av 5", "Tierps kommun – Handlingsplan för integration"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("running header/footer %q kept", junk)
		}
	}
	i := strings.Index(doc.Text, "Kommunens samtliga verksamheter omfattas")
	if p := doc.PageAt(i); p != 2 {
		t.Errorf("sentence on page %d, want 2", p)
	}
	for _, row := range []string{
		"Ge varje individ förutsättningar för att så snabbt som möjligt komma ut i arbetslivet och nå egen försörjning.\tDet är svårt för nyanlända att komma in på svensk arbetsmarknad.\tInom kommunen genomföra",
		"\t\tKartlägga behov av kompetens från företagets sida och kartlägga vilka kompetenser som finns i samhället.\tChef näringslivsenheten\t2018\n",
		"\nFastställd av Kommunstyrelsen § 72.2017\tFastställd datum 2017-05-30\n",
	} {
		if !strings.Contains(doc.Text, row) {
			t.Errorf("table row not kept: %q", row)
		}
	}
	if !strings.Contains(doc.Text, "\n\nBakgrund\n\n") {
		t.Errorf("heading not on its own line")
	}
	// KeepHeaders keeps them
	doc, _ = Load(fixture("libreoffice-tierp.pdf"), Options{KeepHeaders: true})
	if !strings.Contains(doc.Text, "Sida 3 av 5") {
		t.Errorf("KeepHeaders: footer removed")
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Load(fixture("groff-gislaved.pdf"), Options{MaxBytes: 1000})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "file too large") {
		t.Errorf("got %v", err)
	}
	_, err = Parse("x.txt", bytes.Repeat([]byte("a"), 2000), Options{MaxBytes: 1000})
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "file too large") {
		t.Errorf("Parse: got %v", err)
	}
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads any file whatever its mode: use a file whose read
		// fails instead (reading /proc/self/mem at offset 0 gives EIO).
		if _, err := os.Stat("/proc/self/mem"); err != nil {
			t.Skip("running as root and no /proc/self/mem")
		}
		_, err := Load("/proc/self/mem", Options{})
		var fe *FileError
		if !errors.As(err, &fe) || fe.Reason != "cannot read file" && fe.Reason != "empty file" {
			t.Errorf("got %v", err)
		}
		return
	}
	p := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(p, []byte("%PDF-1.4\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p, Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != p || fe.Reason != "cannot open file" || !errors.Is(err, os.ErrPermission) {
		t.Errorf("got %v", err)
	}
}

func TestNotRegular(t *testing.T) {
	_, err := Load(t.TempDir(), Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Reason != "is a directory" {
		t.Errorf("got %v", err)
	}
	_, err = Load(filepath.Join(t.TempDir(), "missing.pdf"), Options{})
	if !errors.As(err, &fe) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v", err)
	}
}

// TestLimits: the bomb stops at the decompression limit or the deadline,
// in bounded time, leaving no goroutine behind.
func TestLimits(t *testing.T) {
	data, err := os.ReadFile(mixed("bad-bomb.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	// The reasons prove which bound stopped the parse; how long it took is
	// measured by benchmarks, never asserted (shared machines are noisy).
	before := runtime.NumGoroutine()
	_, err = Parse("bomb.pdf", data, Options{MaxDecompressedBytes: 10 << 20})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "decompression limit (10485760 bytes") {
		t.Errorf("got %v", err)
	}
	_, err = Parse("bomb.pdf", data, Options{MaxDecompressedBytes: 1 << 40, Timeout: 20 * time.Millisecond})
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "time limit (20ms)") {
		t.Errorf("got %v", err)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
	// a DOCX whose document.xml expands past the limit
	docx, _ := os.ReadFile(fixture("libreoffice-tierp.docx"))
	_, err = Parse("plan.docx", docx, Options{MaxDecompressedBytes: 1000})
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "decompression limit") {
		t.Errorf("docx: got %v", err)
	}
}

// TestParserPanic: a panic inside the PDF library (here: a stream with an
// unknown filter) comes back as an error saying so.
func TestParserPanic(t *testing.T) {
	content := "BT /F1 12 Tf 72 720 Td (Tierp) Tj ET"
	pdf := minimalPDF("<< /Length " + itoa(len(content)) + " /Filter /Bogus >>\nstream\n" + content + "\nendstream")
	_, err := Parse("panic.pdf", pdf, Options{})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "PDF parser panicked: unknown filter Bogus") {
		t.Errorf("got %v", err)
	}
	// and the same content without the filter reads
	doc, err := Parse("ok.pdf", minimalPDF("<< /Length "+itoa(len(content))+" >>\nstream\n"+content+"\nendstream"), Options{})
	if err != nil || doc.Text != "Tierp" {
		t.Errorf("got %v %+v", err, doc)
	}
}

func TestDefaultOptions(t *testing.T) {
	o := DefaultOptions()
	if o.MaxBytes != DefaultMaxBytes || o.MaxDecompressedBytes != DefaultMaxDecompressedBytes || o.Timeout != DefaultTimeout {
		t.Errorf("%+v", o)
	}
	var z Options
	if z.maxBytes() != o.MaxBytes || z.maxDecompressed() != o.MaxDecompressedBytes || z.timeout() != o.Timeout {
		t.Errorf("zero Options do not mean the defaults")
	}
}

func TestDetect(t *testing.T) {
	docx, _ := os.ReadFile(fixture("libreoffice-tierp.docx"))
	odt, _ := os.ReadFile(fixture("libreoffice-tierp.odt"))
	pdf, _ := os.ReadFile(fixture("groff-gislaved.pdf"))
	cases := []struct {
		name string
		data []byte
		want Format
	}{
		{"plan.bin", docx, FormatDOCX}, // content, not the extension
		{"plan.pdf", odt, FormatODT},
		{"download", pdf, FormatPDF},
		{"page.txt", []byte("<!DOCTYPE html><html><body>x</body></html>"), FormatHTML},
		{"plan.md", []byte("# Plan\n"), FormatMarkdown},
		{"plan.txt", []byte("Plan\n"), FormatText},
		{"x.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ""},
	}
	for _, c := range cases {
		if got := Detect(c.name, c.data); got != c.want {
			t.Errorf("Detect(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	doc, err := Parse("a.md", []byte("# Plan för **integration**\n\nSe [planen](http://x) och `kod`.\n\n| Mål | Ansvar |\n|---|---|\n| Arbete | KS |\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Plan för integration\n\nSe planen och kod.\n\nMål\tAnsvar\nArbete\tKS"; doc.Text != want {
		t.Errorf("got %q", doc.Text)
	}
}

func minimalPDF(contents string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		contents,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		b.WriteString(itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	x := b.Len()
	b.WriteString("xref\n0 " + itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size " + itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + itoa(x) + "\n%%EOF\n")
	return b.Bytes()
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestDehyphenateLinear: a chain of lines ending in hyphens (found by
// FuzzParseText, which stalled on the first, quadratic version) cleans in
// linear time.
// BenchmarkDehyphenateChain: a long chain of line-end hyphens once took
// quadratic time; ns/op growing 4× when the chain doubles would show it.
func BenchmarkDehyphenateChain(b *testing.B) {
	for _, n := range []int{50000, 100000} {
		s := strings.Repeat("ab-\n", n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if CleanText(s) == "" {
					b.Fatal("empty")
				}
			}
		})
	}
}

// TestLoadIntoReusesBuffer: documents read one after another through one
// buffer (as a batch worker does) are the documents Load gives; none of
// them refers to the buffer the next file is read into.
func TestLoadIntoReusesBuffer(t *testing.T) {
	// Two plain texts that need no cleaning (where a zero-copy path would
	// hand back the buffer itself), then every kind of file.
	dir := t.TempDir()
	clean := []string{"Integrationsplan\n\nAlla ska ha ett boende och lära sig svenska.", "Handlingsplan\n\nKommunen ska erbjuda praktik."} // the second fits in the first's buffer
	var paths []string
	for i, text := range clean {
		p := filepath.Join(dir, fmt.Sprintf("clean-%d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, n := range []string{"good-gislaved.pdf", "good-tierp.docx", "good-ale.html", "good-gislaved-utf16.txt", "good-ale-cp1252.txt", "good-tierp.odt", "good-alingsas.md", "good-simple.pdf", "good-tierp-utf8.txt"} {
		paths = append(paths, filepath.Join("..", "testdata", "mixed", n))
	}
	var buf []byte
	var docs []*Document
	for _, p := range paths {
		d, err := LoadInto(p, Options{}, &buf)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if cap(buf) == 0 {
		t.Fatal("the buffer was not kept")
	}
	if docs[0].Text != clean[0] {
		t.Errorf("first text read through the shared buffer is %q, want %q", docs[0].Text, clean[0])
	}
	for i, p := range paths {
		want, err := Load(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if docs[i].Text != want.Text || docs[i].SHA256 != want.SHA256 || len(docs[i].Pages) != len(want.Pages) {
			t.Errorf("%s read through the shared buffer differs from Load's", filepath.Base(p))
		}
	}
}
