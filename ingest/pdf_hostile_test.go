package ingest

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// The hostile PDFs of issue 13 (see /work/shared/hostile/README.md of the
// project's shared material), rebuilt here by small generators that follow
// gen/pdflib.py, so the tests read nothing outside the repository.

// pdfFile builds a PDF with a classic cross-reference table from object
// bodies numbered 1, 2, …; object 1 must be the catalog. prevSelf makes the
// trailer's /Prev point at its own table (a loop).
func pdfFile(objs []string, prevSelf bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	extra := ""
	if prevSelf {
		extra = fmt.Sprintf(" /Prev %d", x)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, x)
	return b.Bytes()
}

const (
	helvetica   = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	tierpText   = "Integrationsplan for Tierps kommun. Arbete och bostad for nyanlanda."
	tierpStream = "BT /F1 12 Tf 72 720 Td (" + tierpText + ") Tj ET"
)

// streamObj is a stream object with the given extra dictionary entries.
func streamObj(data, extra string) string {
	return fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), extra, data)
}

// onePage is a one-page PDF whose page draws content (object 4) with F1
// (object 5); more objects follow from number 6.
func onePage(content string, pageExtra string, more ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R " + pageExtra + " >>",
		content, helvetica,
	}
	return pdfFile(append(objs, more...), false)
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// TestPDFDecompressionLimitEveryStream: a content stream inflating to
// 8 MB is refused under a 1 MB limit however its dictionary hides it (the
// four ways of gen/pdfbomb.py); before, a prescan that guessed from the
// dictionary's bytes let all four through.
func TestPDFDecompressionLimitEveryStream(t *testing.T) {
	plain := []byte(tierpStream + " " + strings.Repeat(" ", 8<<20) + " " + tierpStream)
	z := string(deflate(plain))
	a85 := make([]byte, ascii85.MaxEncodedLen(len(z)))
	a85 = append(a85[:ascii85.Encode(a85, []byte(z))], "~>"...)
	cases := map[string][]byte{
		"image key":       onePage(streamObj(z, "/Filter /FlateDecode /Note /Image"), ""),
		"long dictionary": onePage(streamObj(z, "/Filter /FlateDecode /Pad ["+strings.Repeat("0 ", 3000)+"]"), ""),
		"indirect filter": onePage(streamObj(z, "/Filter 6 0 R"), "", "/FlateDecode"),
		"ASCII85, Flate":  onePage(streamObj(string(a85), "/Filter [/ASCII85Decode /FlateDecode]"), ""),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("bomb.pdf", data, Options{MaxDecompressedBytes: 1 << 20})
			if err == nil || !strings.Contains(err.Error(), "decompression limit") {
				t.Fatalf("err = %v, want the decompression limit", err)
			}
			// and the same file within the limit reads
			doc, err := Parse("bomb.pdf", data, Options{MaxDecompressedBytes: 64 << 20})
			if err != nil || !strings.Contains(doc.Text, "Tierps kommun") {
				t.Fatalf("within the limit: %v", err)
			}
		})
	}
}

// sharedStreamPDF is gen/pdfamp.py: n pages draw one content stream of
// lines × 1000 characters.
func sharedStreamPDF(n, lines int) []byte {
	line := strings.Repeat("Kommunen ska erbjuda arbete och praktik och bostad for nyanlanda inom arbetsmarknaden. ", 12)[:1000]
	var c strings.Builder
	c.WriteString("BT /F1 1 Tf\n")
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&c, "1 0 0 1 10 %d Tm (%s) Tj\n", 2000-i*2, line)
	}
	c.WriteString("ET")
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", streamObj(string(deflate([]byte(c.String()))), "/Filter /FlateDecode"), helvetica}
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+i))
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2000 2000] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return pdfFile(objs, false)
}

// TestPDFTextBudget: a small PDF whose one content stream is shared by
// every page stops at the text budget (it made 35 MB of text before), and
// one page's glyphs cannot outgrow the budget either.
func TestPDFTextBudget(t *testing.T) {
	data := sharedStreamPDF(35, 100) // 100 kB of text per page, 3.5 MB in all
	_, err := Parse("amp.pdf", data, Options{MaxTextBytes: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "text limit") {
		t.Fatalf("err = %v, want the text limit", err)
	}
	// one page holding more than the whole budget stops while it is read
	_, err = Parse("amp.pdf", sharedStreamPDF(1, 200), Options{MaxTextBytes: 100 << 10})
	if err == nil || !strings.Contains(err.Error(), "text limit") {
		t.Fatalf("one page: err = %v, want the text limit", err)
	}
	doc, err := Parse("amp.pdf", data, Options{MaxTextBytes: 8 << 20})
	if err != nil || len(doc.Pages) != 35 {
		t.Fatalf("within the budget: %v", err)
	}
}

// TestPDFGlyphBound: a page drawing more glyphs than any real page fails
// with a clear reason instead of holding them all (gen/pdfamp.py's 1,000
// lines of 1,000 characters on one page).
func TestPDFGlyphBound(t *testing.T) {
	_, err := Parse("amp.pdf", sharedStreamPDF(1, 1000), Options{})
	if err == nil || !strings.Contains(err.Error(), "too many glyphs") {
		t.Fatalf("err = %v, want too many glyphs", err)
	}
}

// TestPDFXrefPrevLoop: a /Prev pointing at its own section is detected
// (it was followed until the timeout).
func TestPDFXrefPrevLoop(t *testing.T) {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		streamObj(tierpStream, ""), helvetica,
	}
	doc, err := Parse("loop.pdf", pdfFile(objs, true), Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Tierps kommun") {
		t.Errorf("text %q", doc.Text)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(strings.Join(doc.Warnings, " "), "loops") {
		t.Errorf("warnings %q: want the loop named", doc.Warnings)
	}
}

// TestPDFStreamLengthWrong: a stream whose /Length is too short (or too
// long) is read to its "endstream", as poppler does; it was reported as
// "no text layer (scanned?)".
func TestPDFStreamLengthWrong(t *testing.T) {
	for _, n := range []int{10, len(tierpStream) + 40} {
		data := onePage(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", n, tierpStream), "")
		doc, err := Parse("length.pdf", data, Options{})
		if err != nil {
			t.Fatalf("/Length %d: %v", n, err)
		}
		if got := strings.TrimSpace(doc.Text); got != tierpText {
			t.Errorf("/Length %d: text %q", n, got)
		}
	}
}

// TestPDFRotatedText: text set at 90° and 270° (and a page with /Rotate)
// is read in its own reading order; it was dropped, and the file reported
// as scanned.
func TestPDFRotatedText(t *testing.T) {
	content := "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Integrationsplan for Tierps kommun roterad text.) Tj ET " +
		"BT /F1 12 Tf 0 -1 1 0 100 700 Tm (Arbete och bostad for nyanlanda.) Tj ET"
	doc, err := Parse("rotated.pdf", onePage(streamObj(content, ""), ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Integrationsplan for Tierps kommun roterad text.\n\nArbete och bostad for nyanlanda."
	if doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}

	// A landscape page (/Rotate 90) whose text runs up the page: two lines
	// and a word set upright on the paper, which comes after them.
	content = "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Forsta raden) Tj 0 -14 Td (Andra raden) Tj ET " +
		"BT /F1 12 Tf 1 0 0 1 50 50 Tm (Marginal) Tj ET"
	doc, err = Parse("landscape.pdf", onePage(streamObj(content, ""), "/Rotate 90"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Forsta raden\nAndra raden\n\nMarginal"; doc.Text != want {
		t.Errorf("landscape text %q, want %q", doc.Text, want)
	}

	// upside down: lines still read top down on the turned page
	content = "BT /F1 12 Tf -1 0 0 -1 500 500 Tm (Forsta raden) Tj 0 -14 Td (Andra raden) Tj ET"
	doc, err = Parse("upside.pdf", onePage(streamObj(content, ""), ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Forsta raden\nAndra raden"; doc.Text != want {
		t.Errorf("upside-down text %q, want %q", doc.Text, want)
	}
}

// TestPDFType3ToUnicode: a Type3 font whose /Differences name glyphs g1,
// g2… is read through its ToUnicode map (gen/pdf_t3.py); the map was
// ignored when an /Encoding was present.
func TestPDFType3ToUnicode(t *testing.T) {
	text := "Integrationsplan för Tierps kommun. Arbete och bostad för nyanlända."
	code := map[rune]int{}
	var chars []rune
	for _, r := range text {
		if _, ok := code[r]; !ok {
			chars = append(chars, r)
			code[r] = 0
		}
	}
	var diffs, procs, widths, cmap, hex strings.Builder
	for i, r := range chars {
		code[r] = i + 1
		fmt.Fprintf(&diffs, " /g%d", i+1)
		fmt.Fprintf(&procs, " /g%d 7 0 R", i+1)
		widths.WriteString(" 500")
		fmt.Fprintf(&cmap, "<%02X> <%04X>\n", i+1, r)
	}
	for _, r := range text {
		fmt.Fprintf(&hex, "%02X", code[r])
	}
	cm := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /T3 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" +
		fmt.Sprintf("%d beginbfchar\n%sendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend", len(chars), cmap.String())
	t3 := fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs <<%s >> "+
		"/Encoding << /Type /Encoding /Differences [1%s] >> /FirstChar 1 /LastChar %d /Widths [%s] /Resources << >> /ToUnicode 8 0 R >>",
		procs.String(), diffs.String(), len(chars), widths.String())
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /T3 6 0 R >> >> /Contents 4 0 R >>",
		streamObj("BT /T3 12 Tf 72 720 Td <"+hex.String()+"> Tj ET", ""), helvetica, t3,
		streamObj("500 0 0 0 500 500 d1 0 0 500 500 re f", ""), streamObj(cm, ""),
	}
	doc, err := Parse("type3.pdf", pdfFile(objs, false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != text {
		t.Errorf("text %q, want %q", doc.Text, text)
	}
}

// TestPDFNoTextSaysWhatWasFound: a PDF without extractable text is
// reported by what it holds, not always as a scan.
func TestPDFNoTextSaysWhatWasFound(t *testing.T) {
	img := streamObj("\xff\x00\xff\x00", "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8")
	scan := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		streamObj("q 612 0 0 792 0 0 cm /Im1 Do Q", ""), img,
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"scan", pdfFile(scan, false), "no text layer (scanned? run OCR first, e.g. ocrmypdf; 1 pages, 1 images, 0 characters drawn)"},
		{"empty", onePage(streamObj("0 0 m 100 100 l S", ""), ""), "no text found (1 pages, 0 images, 0 characters drawn"},
		{"skewed", onePage(streamObj("BT /F1 12 Tf 0.7 0.7 -0.7 0.7 100 100 Tm (Snett satt text) Tj ET", ""), ""), "text set only at angles that are not read"},
	}
	for _, c := range cases {
		_, err := Parse(c.name+".pdf", c.data, Options{OCR: OCRNever})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestPDFCIDWidthsNotXrefWidths: a CID font's /W array (widths such as
// 600) is not a cross-reference stream's /W; Chrome's PDFs were refused
// as "invalid cross-reference stream widths".
func TestPDFCIDWidthsNotXrefWidths(t *testing.T) {
	data := onePage(streamObj(tierpStream, ""), "", "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [0 23 600.09766] >>")
	doc, err := Parse("chrome.pdf", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Tierps kommun") {
		t.Errorf("text %q", doc.Text)
	}
}

// TestPDFRebuildsXref: a file whose cross-reference table is missing or
// points to the wrong place is read by scanning its objects (as poppler
// and pdf.js do), with a warning.
func TestPDFRebuildsXref(t *testing.T) {
	good := onePage(streamObj(tierpStream, ""), "")
	x := bytes.LastIndex(good, []byte("startxref"))
	cases := map[string][]byte{
		"wrong offset": append(append([]byte{}, good[:x]...), "startxref\n9\n%%EOF\n"...),
		"no table":     append(append([]byte{}, good[:bytes.Index(good, []byte("xref\n0"))]...), "trailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"...),
		"shifted":      append([]byte("%PDF-1.4\n% forty bytes of junk inserted here..\n"), good[9:]...),
	}
	for name, data := range cases {
		doc, err := Parse(name+".pdf", data, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if strings.TrimSpace(doc.Text) != tierpText {
			t.Errorf("%s: text %q", name, doc.Text)
		}
		if !strings.Contains(strings.Join(doc.Warnings, " "), "rebuilt") {
			t.Errorf("%s: warnings %q", name, doc.Warnings)
		}
	}
}

// emptyPagesPDF is gen/pdf_npages.py: n empty pages inheriting their
// resources from the page tree's root.
func emptyPagesPDF(n int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", streamObj("", ""), helvetica}
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+i))
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> >>", strings.Join(kids, " "), n)
	return pdfFile(objs, false)
}

// TestPDFPagesLinear: the work per page does not grow with the number of
// pages (inherited resources were re-read through /Parent, which parsed
// the root's whole /Kids array once per page: 10,000 pages took 80 s).
// Counted in budget checks (one per read of the file, page and content
// operator), not in time.
func TestPDFPagesLinear(t *testing.T) {
	work := func(n int) int {
		b := newBudget(Options{})
		parsePDF(emptyPagesPDF(n), b, Options{}) // no text: an error
		return b.ticks
	}
	small, large := work(1000), work(4000)
	if ratio := float64(large) / float64(small); ratio > 5 {
		t.Errorf("4× the pages took %.1f× the reads (%d, %d): not linear", ratio, small, large)
	}
}

// BenchmarkPDFEmptyPages measures the 10,000-page file of gen/pdf_npages.py.
func BenchmarkPDFEmptyPages(b *testing.B) {
	data := emptyPagesPDF(10000)
	for b.Loop() {
		parsePDF(data, newBudget(Options{}), Options{})
	}
}

// TestPDFSkewedText: words each set on a line's small slope (a scan's
// OCR layer: Tesseract and ocrmypdf set every word on the scanned line's
// angle) come out as the same text as the page set straight: without
// deskewing, a line 450 pt long at 1.5° climbs 12 pt and was cut into
// pieces.
func TestPDFSkewedText(t *testing.T) {
	lines := [][]string{
		{"Kommunfullmäktige", "antog", "en", "strategi", "för", "integration", "med", "mål", "inom", "arbete."},
		{"Strategin", "innehåller", "mål", "inom", "boende,", "språk,", "attityd", "och", "samverkan."},
		{"Handlingsplanen", "anger", "åtgärder", "för", "att", "kommunen", "ska", "nå", "målen."},
	}
	page := func(degrees float64) string {
		cos, sin := math.Cos(degrees*math.Pi/180), math.Sin(degrees*math.Pi/180)
		var b strings.Builder
		b.WriteString("BT 3 Tr /F1 10 Tf ")
		for i, words := range lines {
			x0, y0 := 60.0, 700.0-14*float64(i) // the line's start, before the skew
			x := x0
			for _, w := range words {
				// the word's start on the skewed page: (x, y0) turned about the origin
				px, py := x*cos-y0*sin, x*sin+y0*cos
				fmt.Fprintf(&b, "%.4f %.4f %.4f %.4f %.2f %.2f Tm (%s) Tj ", cos, sin, -sin, cos, px, py, winAnsi(w))
				x += float64(len([]rune(w))+1) * 5.6
			}
		}
		b.WriteString("ET")
		return b.String()
	}
	straight, err := Parse("straight.pdf", onePage(streamObj(page(0), ""), ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Kommunfullmäktige antog en strategi"; !strings.HasPrefix(straight.Text, want) {
		t.Fatalf("straight page: %q, want it to start %q", straight.Text, want)
	}
	for _, deg := range []float64{1.5, -1.5, 4} {
		doc, err := Parse("skewed.pdf", onePage(streamObj(page(deg), ""), ""), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != straight.Text {
			t.Errorf("skewed %.1f°: %q, want the straight page's %q", deg, doc.Text, straight.Text)
		}
	}
}

// winAnsi writes s in WinAnsiEncoding (Latin-1 for å, ä, ö), escaped for
// a PDF literal string.
func winAnsi(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 127 {
			fmt.Fprintf(&b, "\\%03o", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestPDFOCRLayerReadingOrder: a page Tesseract wrote with its text layer
// on the scan's 0.7° slope (testdata/ingest/ocr/README.md) yields the
// words Tesseract read, none cut in two, but for the page number line
// ("Sida 1 av 5") that running lines are stripped of, and its paragraphs
// in order.
func TestPDFOCRLayerReadingOrder(t *testing.T) {
	doc, err := Load("../testdata/ingest/ocr/tierp-scan-p1-tesseract.pdf", Options{OCR: OCRNever})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../testdata/ingest/ocr/tierp-scan-p1-tesseract.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, w := range strings.Fields(string(ref)) {
		want[w]++
	}
	var extra []string
	for _, w := range strings.Fields(doc.Text) {
		if want[w] == 0 {
			extra = append(extra, w)
			continue
		}
		want[w]--
	}
	var missing []string
	for w, n := range want {
		for ; n > 0; n-- {
			missing = append(missing, w)
		}
	}
	sort.Strings(missing)
	if len(extra) > 0 || strings.Join(missing, " ") != "1 5 Sida av —" {
		t.Errorf("words not Tesseract's (cut?): %q; Tesseract's words missing: %q", extra, missing)
	}
	for _, sentence := range []string{
		"Kommunfutllmäktige i Tierps kommun antog 2016-09-20 en strategi för integration.",
		"I strategiarbetet har kommunens integrationsarbete kartlagts övergripande.",
		"Det övergripande målet med integrationsarbetet i Tierps kommun",
	} {
		if !strings.Contains(strings.Join(strings.Fields(doc.Text), " "), sentence) {
			t.Errorf("sentence not read whole: %q", sentence)
		}
	}
}
