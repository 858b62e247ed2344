package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPageGlyphs bounds the glyphs kept for one page (a dense page has
// about 5,000), so a hostile content stream cannot exhaust memory.
const maxPageGlyphs = 1 << 18

// parsePDF extracts the text of every page. It never panics: the
// library's panics become errors, and the budget's deadline and
// decompression limit are enforced inside the reads the library makes.
func parsePDF(data []byte, b *budget, opts Options) (pages []string, warnings []string, ocred []int, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, warnings, ocred = nil, nil, nil
			err = panicError(r)
		}
	}()
	data = repairPDF(data)
	if err := sanityCheckPDF(data); err != nil {
		return nil, nil, nil, err
	}
	rd, err := pdf.NewReaderOptions(&budgetReaderAt{data: data, b: b}, int64(len(data)), nil, pdf.ReaderOptions{
		WrapStream: func(r io.Reader) io.Reader { return &budgetStream{r: r, b: b} },
		Repair:     true,
	})
	if err != nil {
		return nil, nil, nil, classifyOpenError(err)
	}
	if why := rd.Repaired(); why != nil {
		warnings = append(warnings, fmt.Sprintf("damaged cross-reference table (%v): rebuilt by scanning the file's objects", why))
	}
	kids, err := pageTree(rd, b)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(kids) == 0 {
		return nil, nil, nil, errors.New("PDF has no pages")
	}
	var (
		scratch   pageScratch
		lines     [][]string
		failed    int
		last      error
		stats     pageStats
		pageStats = make([]pageStats, len(kids))
	)
	for i, p := range kids {
		ls, st, err := pageLines(p, b, &scratch)
		stats.add(st)
		pageStats[i] = st
		if err == nil {
			err = chargeText(b, ls)
		}
		if err != nil {
			var le *limitError
			if errors.As(err, &le) {
				return nil, nil, nil, err
			}
			failed++
			last = err
			warnings = append(warnings, fmt.Sprintf("page %d: %v", i+1, err))
		}
		lines = append(lines, ls)
	}
	if failed == len(kids) {
		return nil, nil, nil, last
	}
	// OCR (ocr.go) reads the pages that need it; its pages' running
	// lines are found among themselves, as the text layer's are, so that
	// a scanned page does not change what is stripped from the others.
	ocred, ocrText, ocrWarn, err := ocrPDF(data, lines, pageStats, b, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	warnings = append(warnings, ocrWarn...)
	if !opts.KeepHeaders {
		lines = stripRunningLines(lines)
		ocrText = stripRunningLines(ocrText)
	}
	for i, n := range ocred {
		lines[n-1] = ocrText[i]
	}
	if empty(lines) {
		return nil, nil, nil, noTextError(len(kids), stats)
	}
	for _, ls := range lines {
		pages = append(pages, strings.Join(ls, "\n"))
	}
	return pages, warnings, ocred, nil
}

func empty(pages [][]string) bool {
	for _, ls := range pages {
		for _, l := range ls {
			if strings.TrimSpace(l) != "" {
				return false
			}
		}
	}
	return true
}

// noTextError says what a PDF without extractable text holds instead: a
// scan (images, no text drawn) needs OCR; text drawn in fonts without a
// Unicode mapping cannot be decoded; text set only at odd angles is not
// read; empty pages are just empty.
func noTextError(pages int, st pageStats) error {
	found := fmt.Sprintf("%d pages, %d images, %d characters drawn", pages, st.images, st.codes)
	switch {
	case st.codes == 0 && st.images > 0:
		return &reasonError{"no text layer (scanned? run OCR first, e.g. ocrmypdf; " + found + ")", nil}
	case st.codes == 0:
		return &reasonError{"no text found (" + found + ": the pages are empty or hold only drawings)", nil}
	case st.undecoded*2 >= st.codes:
		return &reasonError{fmt.Sprintf("text layer cannot be decoded (%s, %d without a Unicode mapping; run OCR first)", found, st.undecoded), nil}
	case st.skewed > 0:
		return &reasonError{fmt.Sprintf("text set only at angles that are not read (%s, %d at an angle other than 0°, 90°, 180° or 270°)", found, st.skewed), nil}
	}
	return &reasonError{"no text found (" + found + ", none of it visible on the page)", nil}
}

// chargeText counts a page's lines against the text budget.
func chargeText(b *budget, lines []string) error {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	return b.addText(int64(n))
}

// panicError turns a recovered panic into an error: budget limits keep
// their reason, anything else says the parser panicked.
func panicError(r any) error {
	if le, ok := r.(*limitError); ok {
		return le
	}
	if e, ok := r.(error); ok {
		var le *limitError
		if errors.As(e, &le) {
			return le
		}
	}
	return &parserPanic{fmt.Sprint(r)}
}

// parserPanic is a panic raised inside a parser library.
type parserPanic struct{ msg string }

func (p *parserPanic) Error() string { return "parser panicked: " + p.msg }

// budgetReaderAt gives the PDF library the file's bytes and stops it (by
// panicking with a *limitError, recovered in parsePDF) once the deadline
// has passed: every object and stream the library touches is read here.
type budgetReaderAt struct {
	data []byte
	b    *budget
}

func (r *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	abortOn(r.b.check())
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(r.data)) {
		return 0, io.EOF
	}
	n := copy(p, r.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// budgetStream counts the decoded bytes of one stream against the
// decompression limit as the library reads them. The library wraps every
// stream it decodes in one (pdf.ReaderOptions.WrapStream), so the limit
// holds whatever the stream's dictionary says (an /Image key, a huge
// dictionary, an indirect /Filter, a chain of filters), and a stream read
// again for each page that shares it is counted each time.
type budgetStream struct {
	r io.Reader
	b *budget
}

func (s *budgetStream) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	abortOn(s.b.add(int64(n)))
	abortOn(s.b.check())
	return n, err
}

// pdfAbort carries a budget limit through the PDF library's own recovers
// (which turn malformed input into errors or skip a bad operand): the
// library passes on panics whose value implements pdf.Abort.
type pdfAbort struct{ err error }

func (a *pdfAbort) Error() string { return a.err.Error() }
func (a *pdfAbort) Unwrap() error { return a.err }
func (a *pdfAbort) AbortPDF()     {}

// abortOn stops the PDF library with err when it is not nil.
func abortOn(err error) {
	if err != nil {
		panic(&pdfAbort{err})
	}
}

// hasPDFHeader reports data starting with a PDF header, `%PDF-` and a
// version digit.digit (what the regexp ^%PDF-[0-9]\.[0-9] matched: no
// regexp is compiled on a PDF's path, each a cost every process paid at
// start-up; docs/benchmarks.md, session 13, h-pdf15).
func hasPDFHeader(data []byte) bool {
	return len(data) >= 8 && string(data[:5]) == "%PDF-" && isDigit(data[5]) && data[6] == '.' && isDigit(data[7])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// repairPDF works around two strictnesses of the library: it accepts only
// "%PDF-1.0" to "%PDF-1.7" followed by a line end, and looks for %%EOF in
// the last 100 bytes only (files often carry trailing junk).
func repairPDF(data []byte) []byte {
	fixHeader := hasPDFHeader(data) && (len(data) < 9 || data[5] != '1' || data[7] > '7' || (data[8] != '\n' && data[8] != '\r'))
	tail := bytes.TrimRight(data[max(0, len(data)-100):], "\r\n\t \x00")
	fixEOF := !bytes.HasSuffix(tail, []byte("%%EOF"))
	if !fixHeader && !fixEOF {
		return data
	}
	out := data
	if fixEOF {
		if i := bytes.LastIndex(data, []byte("%%EOF")); i > 0 {
			out = data[:i+5]
		}
	}
	if fixHeader && len(out) > 9 {
		out = append([]byte("%PDF-1.7\n"), out[9:]...)
	} else if fixEOF {
		out = append([]byte(nil), out...)
	}
	return out
}

// pdfKeyArgs returns the argument after each `key` in data (a name such
// as "/Size"): without bracket, a run of class bytes after at least one
// white-space byte; with bracket, a run of class bytes between `[` and `]`
// after any white space. Non-overlapping, leftmost first: what the
// regexps `/Size\s+(\d+)` and `/Index\s*\[([0-9\s]*)\]` found (their
// first group) with FindAllSubmatch, without compiling them.
func pdfKeyArgs(data []byte, key string, bracket bool, class func(byte) bool) [][]byte {
	var out [][]byte
	for from := 0; ; {
		k := bytes.Index(data[from:], []byte(key))
		if k < 0 {
			return out
		}
		arg, end, ok := keyArg(data, from+k+len(key), bracket, class)
		if !ok {
			from += k + 1
			continue
		}
		out = append(out, arg)
		from = end
	}
}

// keyArg reads pdfKeyArgs' argument that may start at data[i:]: the
// argument, the index after its match and whether there is one.
func keyArg(data []byte, i int, bracket bool, class func(byte) bool) (arg []byte, end int, ok bool) {
	run := func(j int, in func(byte) bool) int {
		for j < len(data) && in(data[j]) {
			j++
		}
		return j
	}
	j := run(i, isRESpace)
	if !bracket {
		end = run(j, class)
		return data[j:end], end, j > i && end > j
	}
	if j == len(data) || data[j] != '[' {
		return nil, 0, false
	}
	end = run(j+1, class)
	if end == len(data) || data[end] != ']' {
		return nil, 0, false
	}
	return data[j+1 : end], end + 1, true
}

// xrefEnds returns where each match of `(?:^|[\r\n])xref\s+` ends, as
// its FindAllIndex(data, -1) would (non-overlapping, leftmost first),
// without running the regexp over the whole file: its leading alternation
// leaves the regexp package no literal prefix to skip ahead with, and on
// the bench generator's PDFs it was a sixth of the extraction time.
func xrefEnds(data []byte) []int {
	var out []int
	from := 0 // the next match may not use bytes before from
	for {
		k := bytes.Index(data[from:], []byte("xref"))
		if k < 0 {
			return out
		}
		i := from + k
		end := i + 4
		ok := (i == 0 || i-1 >= from && (data[i-1] == '\r' || data[i-1] == '\n')) && end < len(data) && isRESpace(data[end])
		if !ok {
			from = i + 1
			continue
		}
		for end < len(data) && isRESpace(data[end]) {
			end++
		}
		out = append(out, end)
		from = end
	}
}

// isRESpace is the regexp package's \s: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// sanityCheckPDF rejects cross-reference sizes the library would allocate
// without checking (a /Size of a billion objects in a 1 kB file would
// exhaust memory, which no recover can catch). An object takes at least
// four bytes of the file, so no real file names more than len/4 objects.
func sanityCheckPDF(data []byte) error {
	limit := int64(len(data))/4 + 1024
	bad := errors.New("malformed PDF: cross-reference table larger than the file")
	for _, m := range pdfKeyArgs(data, "/Size", false, isDigit) {
		if n, err := strconv.ParseInt(string(m), 10, 64); err != nil || n > limit {
			return bad
		}
	}
	for _, m := range pdfKeyArgs(data, "/Index", true, func(c byte) bool { return isDigit(c) || isRESpace(c) }) {
		f := strings.Fields(string(m))
		for i := 0; i+1 < len(f); i += 2 {
			s, err1 := strconv.ParseInt(f[i], 10, 64)
			n, err2 := strconv.ParseInt(f[i+1], 10, 64)
			if err1 != nil || err2 != nil || s+n > limit {
				return bad
			}
		}
	}
	for _, pos := range xrefEnds(data) {
		for {
			f, next := pdfInts(data, pos, 2)
			if len(f) < 2 {
				break
			}
			if f[0]+f[1] > limit || f[0] < 0 || f[1] < 0 {
				return bad
			}
			// skip the entries: 20 bytes each, or stop at the trailer
			pos = next + int(f[1])*20
			if pos >= len(data) {
				break
			}
		}
	}
	return nil
}

// pdfInts reads up to n non-negative integers separated by white space.
func pdfInts(data []byte, pos, n int) ([]int64, int) {
	var out []int64
	for len(out) < n {
		for pos < len(data) && (data[pos] == ' ' || data[pos] == '\r' || data[pos] == '\n' || data[pos] == '\t') {
			pos++
		}
		start := pos
		for pos < len(data) && data[pos] >= '0' && data[pos] <= '9' && pos-start < 18 {
			pos++
		}
		if pos == start {
			break
		}
		v, _ := strconv.ParseInt(string(data[start:pos]), 10, 64)
		out = append(out, v)
	}
	return out, pos
}

// classifyOpenError gives the library's open errors a short reason.
func classifyOpenError(err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return le
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "encrypt") || strings.Contains(msg, "password"):
		return &reasonError{"encrypted PDF (needs a password)", err}
	case strings.Contains(msg, "missing %%EOF") || strings.Contains(msg, "startxref"):
		return &reasonError{"truncated or damaged PDF (no end-of-file marker or cross-reference table)", err}
	case strings.Contains(msg, "invalid header"):
		return &reasonError{"not a valid PDF (bad header)", err}
	}
	return &reasonError{"damaged PDF", err}
}

// reasonError carries a short reason for FileError along with its cause.
type reasonError struct {
	reason string
	err    error
}

func (e *reasonError) Error() string {
	if e.err == nil {
		return e.reason
	}
	return e.reason + ": " + e.err.Error()
}
func (e *reasonError) Unwrap() error { return e.err }

// pageRef is one page with what it inherits from the page tree.
type pageRef struct {
	v      pdf.Value
	res    pdf.Value
	rotate int
}

// Resources returns the page's own or inherited resources.
func (p pageRef) Resources() pdf.Value { return p.res }

// pageStats counts what a page draws, to say what was found when a file
// yields no text.
type pageStats struct {
	codes     int // character codes shown
	undecoded int // of which with no Unicode text
	skewed    int // of which set at an angle that is not laid out
	images    int // images drawn (XObjects and inline)
}

func (s *pageStats) add(o pageStats) {
	s.codes += o.codes
	s.undecoded += o.undecoded
	s.skewed += o.skewed
	s.images += o.images
}

// pageTree lists the page objects in order, walking Kids itself (with a
// depth limit and loop check) instead of trusting /Count. Inherited
// attributes (/Resources, /Rotate) are passed down the walk: looking them
// up from each page through /Parent re-reads the parents per page.
func pageTree(rd *pdf.Reader, b *budget) ([]pageRef, error) {
	var out []pageRef
	root := rd.Trailer().Key("Root").Key("Pages")
	var walk func(v, res pdf.Value, rotate, depth int) error
	walk = func(v, res pdf.Value, rotate, depth int) error {
		if err := b.check(); err != nil {
			return err
		}
		if depth > 64 || len(out) > 100000 {
			return errors.New("malformed PDF: page tree too deep or too large")
		}
		if r := v.Key("Resources"); r.Kind() == pdf.Dict {
			res = r
		}
		if r := v.Key("Rotate"); r.Kind() == pdf.Integer {
			rotate = int(((r.Int64() % 360) + 360) % 360)
		}
		kids := v.Key("Kids")
		if kids.Kind() != pdf.Array {
			if v.Key("Type").Name() == "Page" || v.Key("Contents").Kind() != pdf.Null {
				out = append(out, pageRef{v: v, res: res, rotate: rotate})
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), res, rotate, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, pdf.Value{}, 0, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// pageScratch keeps one page's glyph and rule slices for the next page:
// they grow to the page's size, and growing them anew for every page was
// most of the extraction's allocation (issue 17). Nothing of them outlives
// the page's layout, which returns strings.
type pageScratch struct {
	glyphs []glyph
	rules  []rule
	// fonts are the document's fonts read so far, by the indirect
	// reference the resources name them with: a font (its widths, its
	// ToUnicode CMap, decompressed and parsed) was read again on every
	// page that draws with it, a third of the bytes allocated on the real
	// PDFs (issue 17). What a fontInfo holds depends on the font's
	// dictionary alone, so sharing it across pages changes no text.
	fonts map[fontRef]*fontInfo
}

// fontRef is a font dictionary's object number and generation.
type fontRef struct {
	id  uint32
	gen uint16
}

// maxSharedFonts bounds the fonts kept for a document's later pages (a
// real document has tens); fonts past it are read per page, as before.
const maxSharedFonts = 4096

// pageLines interprets one page's content and lays its text out in lines.
// A panic in the library on this page becomes an error for this page.
func pageLines(p pageRef, b *budget, sc *pageScratch) (lines []string, st pageStats, err error) {
	defer func() {
		if r := recover(); r != nil {
			lines = nil
			err = panicError(r)
		}
	}()
	in := newInterp(b)
	if sc.glyphs == nil {
		sc.glyphs = make([]glyph, 0, 2048) // a page of text has 2,000-5,000
	}
	in.glyphs, in.rules = sc.glyphs[:0], sc.rules[:0]
	if sc.fonts == nil {
		sc.fonts = map[fontRef]*fontInfo{}
	}
	in.shared = sc.fonts
	in.run(p.v.Key("Contents"), p.Resources(), 0)
	sc.glyphs, sc.rules = in.glyphs, in.rules
	return layoutDirections(in.glyphs, in.rules, p.rotate), in.stats, nil
}

// layoutDirections lays out each writing direction's glyphs on its own, in
// its own frame: first the direction that reads upright on the displayed
// page (/Rotate), then the others by how much text they hold (a rotated
// table header or margin note comes after the body).
func layoutDirections(gs []glyph, rules []rule, rotate int) []string {
	var by [4][]glyph
	mixed := false
	for _, g := range gs {
		mixed = mixed || g.dir != gs[0].dir
	}
	if !mixed && len(gs) > 0 { // one direction (nearly every page): no copy
		by[gs[0].dir] = gs
	} else {
		for _, g := range gs {
			by[g.dir] = append(by[g.dir], g)
		}
	}
	upright := uint8((rotate / 90) % 4)
	order := []uint8{0, 1, 2, 3}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if (a == upright) != (b == upright) {
			return a == upright
		}
		return len(by[a]) > len(by[b])
	})
	var out []string
	for _, d := range order {
		if len(by[d]) == 0 {
			continue
		}
		rs := rules
		if d != 0 {
			rs = make([]rule, len(rules))
			for i, r := range rules {
				rs[i] = rotateRule(d, r)
			}
		}
		ls := layoutPage(by[d], rs)
		if len(out) > 0 && len(ls) > 0 {
			out = append(out, "")
		}
		out = append(out, ls...)
	}
	return out
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// glyph is one decoded character (or ligature) placed on the page. x and
// y are in the frame of its writing direction (see rotateInto), so that
// within one direction text always runs left to right, lines top down.
type glyph struct {
	x, y, w, size float64
	s             string
	bold          bool
	dir           uint8 // writing direction: 0, 1, 2, 3 quarter turns anticlockwise
	space         bool  // a space glyph was drawn just before it
}

// textDirection classifies a text rendering matrix by the direction its
// baseline runs: 0 left to right, 1 bottom to top, 2 right to left
// (upside down), 3 top to bottom. Text set at another angle (within
// about 6° of none of them) is not laid out; ok is false.
func textDirection(trm matrix) (dir uint8, ok bool) {
	a, b := trm[0], trm[1]
	switch {
	case a > 0 && math.Abs(b) <= 0.1*a:
		return 0, true
	case b > 0 && math.Abs(a) <= 0.1*b:
		return 1, true
	case a < 0 && math.Abs(b) <= -0.1*a:
		return 2, true
	case b < 0 && math.Abs(a) <= -0.1*b:
		return 3, true
	}
	return 0, false
}

// rotateInto turns a page point by dir quarter turns clockwise: in the
// result, text of that direction runs along +x with lines stacked down y.
func rotateInto(dir uint8, x, y float64) (float64, float64) {
	switch dir {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

// deskew turns the point (x, y), in the frame of a writing direction
// (rotateInto), back by the small angle its baseline (bx, by) makes with
// +x there. A scan's OCR layer (Tesseract, ocrmypdf) sets each word on
// the scanned line's slope: a line across an A4 page skewed by 1° climbs
// 10 pt, more than a line's tolerance, and was cut into pieces mid-word;
// turned back about the origin, every word of one slope lands on one
// line. Unskewed text (by == 0, nearly every PDF) is not touched.
func deskew(x, y, bx, by float64) (float64, float64) {
	h := math.Hypot(bx, by)
	cos, sin := bx/h, by/h
	return x*cos + y*sin, y*cos - x*sin
}

// rotateRule turns a rule as rotateInto turns points.
func rotateRule(dir uint8, r rule) rule {
	x0, y0 := rotateInto(dir, r.x0, r.y0)
	x1, y1 := rotateInto(dir, r.x1, r.y1)
	return rule{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
}

// rule is a thin drawn line or rectangle edge: a table border.
type rule struct {
	x0, y0, x1, y1 float64
}

func (r rule) vertical() bool   { return r.x1-r.x0 < 2 && r.y1-r.y0 > 4 }
func (r rule) horizontal() bool { return r.y1-r.y0 < 2 && r.x1-r.x0 > 4 }

type textState struct {
	ctm, tm, tlm        matrix
	tc, tw, th, tl, tfs float64
	rise                float64
	font                *fontInfo
}

// interp is a small content-stream interpreter: it tracks the text and
// graphics state, decodes each glyph with its real advance width (the
// library's own Content() uses single-byte widths, which is wrong for the
// two-byte fonts Chromium and Word write), and records thin rectangles and
// lines as table rules.
type interp struct {
	b      *budget
	glyphs []glyph
	rules  []rule
	st     textState
	stack  []textState
	path   []rule
	cx, cy float64
	fonts  map[string]*fontInfo
	// shared are the fonts of the document's pages so far (pageScratch),
	// or nil
	shared map[fontRef]*fontInfo
	res    pdf.Value
	ops    int
	// glyphText is the bytes of text in glyphs so far.
	glyphText int
	stats     pageStats
	space     bool // a space glyph was shown since the last kept glyph
	// noFont is what text shown before any Tf is drawn with (no
	// encoding: codes are their own text), made when first needed
	noFont *fontInfo
}

func newInterp(b *budget) *interp {
	return &interp{b: b, st: textState{ctm: identity, tm: identity, tlm: identity, th: 1}}
}

func (in *interp) run(content, res pdf.Value, depth int) {
	saveRes, saveFonts := in.res, in.fonts
	in.res, in.fonts = res, map[string]*fontInfo{}
	defer func() { in.res, in.fonts = saveRes, saveFonts }()
	if content.Kind() == pdf.Null {
		return
	}
	// one operand slice per content stream (a nested Form XObject has its
	// own): op keeps no reference to it
	var buf []pdf.Value
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		in.ops++
		if in.ops&255 == 0 {
			abortOn(in.b.check())
		}
		n := stk.Len()
		if cap(buf) < n {
			buf = make([]pdf.Value, n)
		}
		args := buf[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		in.op(op, args, depth)
	})
}

func num(args []pdf.Value, i int) float64 {
	if i < len(args) {
		f := args[i].Float64()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0
		}
		return f
	}
	return 0
}

func mat(args []pdf.Value) matrix {
	var m matrix
	for i := range m {
		m[i] = num(args, i)
	}
	return m
}

func (in *interp) op(op string, args []pdf.Value, depth int) {
	st := &in.st
	switch op {
	case "q":
		if len(in.stack) < 1000 {
			in.stack = append(in.stack, *st)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*st = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		st.ctm = mat(args).mul(st.ctm)
	case "BT":
		st.tm, st.tlm = identity, identity
		in.space = false
	case "Tc":
		st.tc = num(args, 0)
	case "Tw":
		st.tw = num(args, 0)
	case "Tz":
		st.th = num(args, 0) / 100
	case "TL":
		st.tl = num(args, 0)
	case "Ts":
		st.rise = num(args, 0)
	case "Tf":
		if len(args) >= 2 {
			st.font = in.font(args[0].Name())
			st.tfs = num(args, 1)
		}
	case "Td", "TD":
		tx, ty := num(args, 0), num(args, 1)
		if op == "TD" {
			st.tl = -ty
		}
		st.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(st.tlm)
		st.tm = st.tlm
	case "Tm":
		st.tm = mat(args)
		st.tlm = st.tm
	case "T*":
		st.tlm = matrix{1, 0, 0, 1, 0, -st.tl}.mul(st.tlm)
		st.tm = st.tlm
	case "Tj":
		if len(args) > 0 {
			in.show(args[len(args)-1].RawString())
		}
	case "'", "\"":
		if op == "\"" && len(args) >= 3 {
			st.tw, st.tc = num(args, 0), num(args, 1)
		}
		st.tlm = matrix{1, 0, 0, 1, 0, -st.tl}.mul(st.tlm)
		st.tm = st.tlm
		if len(args) > 0 {
			in.show(args[len(args)-1].RawString())
		}
	case "TJ":
		if len(args) == 0 {
			return
		}
		a := args[len(args)-1]
		for i := 0; i < a.Len(); i++ {
			x := a.Index(i)
			if x.Kind() == pdf.String {
				in.show(x.RawString())
			} else {
				tx := -x.Float64() / 1000 * st.tfs * st.th
				st.tm = matrix{1, 0, 0, 1, tx, 0}.mul(st.tm)
			}
		}
	case "m":
		in.cx, in.cy = st.ctm.apply(num(args, 0), num(args, 1))
	case "l":
		x, y := st.ctm.apply(num(args, 0), num(args, 1))
		in.addPath(rule{in.cx, in.cy, x, y})
		in.cx, in.cy = x, y
	case "re":
		x, y, w, h := num(args, 0), num(args, 1), num(args, 2), num(args, 3)
		x0, y0 := st.ctm.apply(x, y)
		x1, y1 := st.ctm.apply(x+w, y+h)
		in.addPath(rule{x0, y0, x1, y1})
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		for _, r := range in.path {
			in.addRule(r)
		}
		in.path = in.path[:0]
	case "n":
		in.path = in.path[:0]
	case "BI", "ID":
		if op == "BI" {
			in.stats.images++
		}
	case "Do":
		if depth >= 4 || len(args) == 0 {
			return
		}
		x := in.res.Key("XObject").Key(args[0].Name())
		if x.Key("Subtype").Name() == "Image" {
			in.stats.images++
		}
		if x.Key("Subtype").Name() != "Form" {
			return
		}
		save := *st
		if m := x.Key("Matrix"); m.Kind() == pdf.Array && m.Len() == 6 {
			var fm matrix
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			st.ctm = fm.mul(st.ctm)
		}
		res := x.Key("Resources")
		if res.Kind() == pdf.Null {
			res = in.res
		}
		in.run(x, res, depth+1)
		in.st = save
	}
}

func (in *interp) addPath(r rule) {
	if len(in.path) < 10000 {
		in.path = append(in.path, r)
	}
}

// addRule keeps thin shapes as rules; fills and boxes become their edges
// only when thin (a cell background is not a border).
func (in *interp) addRule(r rule) {
	if r.x0 > r.x1 {
		r.x0, r.x1 = r.x1, r.x0
	}
	if r.y0 > r.y1 {
		r.y0, r.y1 = r.y1, r.y0
	}
	if (r.vertical() || r.horizontal()) && len(in.rules) < 100000 {
		in.rules = append(in.rules, r)
	}
}

// show places the glyphs of one string.
func (in *interp) show(raw string) {
	st := &in.st
	f := st.font
	if f == nil {
		if in.noFont == nil {
			in.noFont = &fontInfo{}
		}
		f = in.noFont
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		code := raw[i : i+step]
		c := int(code[0])
		if step == 2 {
			c = c<<8 | int(code[1])
		}
		w0 := f.width(c)
		trm := matrix{st.tfs * st.th, 0, 0, st.tfs, 0, st.rise}.mul(st.tm).mul(st.ctm)
		s := f.decode(code)
		hscale := math.Hypot(trm[0], trm[1])
		size := math.Hypot(trm[2], trm[3])
		in.stats.codes++
		if onlyReplacement(s) {
			in.stats.undecoded++
		}
		dir, ok := textDirection(trm)
		if !ok && s != "" {
			in.stats.skewed++
		}
		if ok && s != "" && strings.TrimSpace(s) == "" {
			// A space glyph is not kept: its box (often a larger font's)
			// would join lines above and below it. It marks a word break
			// before the next glyph instead.
			in.space = true
		} else if s != "" && ok && size > 0.5 {
			if len(in.glyphs) >= maxPageGlyphs {
				abortOn(&limitError{"too many glyphs on one page (possible decompression bomb)", LimitStructure})
			}
			// The page's glyphs are held until it is laid out: stop as
			// soon as they alone would overrun the text budget, before
			// they cost memory (their text is charged after layout).
			if in.glyphText += len(s); in.b.text+int64(in.glyphText) > in.b.maxText {
				abortOn(in.b.addText(int64(in.glyphText)))
			}
			x, y := rotateInto(dir, trm[4], trm[5])
			if bx, by := rotateInto(dir, trm[0], trm[1]); by != 0 {
				x, y = deskew(x, y, bx, by)
			}
			in.glyphs = append(in.glyphs, glyph{x: x, y: y, w: w0 / 1000 * hscale, size: size, s: s, bold: f.bold, dir: dir, space: in.space})
			in.space = false
		}
		tx := w0/1000*st.tfs + st.tc
		if step == 1 && c == 32 {
			tx += st.tw
		}
		st.tm = matrix{1, 0, 0, 1, tx * st.th, 0}.mul(st.tm)
	}
}

// onlyReplacement: s is empty or all U+FFFD (strings.Trim(s, "\ufffd") ==
// "" without its per-glyph cost).
func onlyReplacement(s string) bool {
	for _, r := range s {
		if r != '\ufffd' {
			return false
		}
	}
	return true
}

// fontInfo is what the interpreter needs of a font: how to split a string
// into codes, each code's advance width and its text.
type fontInfo struct {
	enc     pdf.TextEncoding
	tu      pdf.TextEncoding // a simple font's ToUnicode map, or nil
	twoByte bool
	first   int
	widths  []float64
	cidW    map[int]float64
	dw      float64
	bold    bool
	// decoded text by code: one-byte codes in an array (a map lookup per
	// glyph hashed the code), two-byte codes in a map by number
	one   [256]string
	oneOK [256]bool
	two   map[uint32]string
	cache map[string]string // longer codes (none today)
}

func (in *interp) font(name string) *fontInfo {
	if f, ok := in.fonts[name]; ok {
		return f
	}
	fonts := in.res.Key("Font")
	id, gen, indirect := fonts.RefOf(name)
	ref := fontRef{id, gen}
	if f, ok := in.shared[ref]; ok && indirect {
		in.fonts[name] = f
		return f
	}
	v := fonts.Key(name)
	pf := &pdf.Font{V: v}
	fi := &fontInfo{enc: pf.Encoder(), dw: 1000}
	if v.Key("Subtype").Name() != "Type0" {
		// A simple font's ToUnicode map comes before its /Encoding, as
		// in poppler: a Type3 font's /Differences names its glyphs "g1",
		// "g2", which mean nothing; a font subset re-encodes codes.
		fi.tu = pf.ToUnicode()
	}
	base := v.Key("BaseFont").Name()
	fi.bold = strings.Contains(base, "Bold") || strings.Contains(base, "Black") || strings.Contains(base, "Heavy")
	if v.Key("Subtype").Name() == "Type0" {
		fi.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() != pdf.Null {
			fi.dw = dw.Float64()
		}
		fi.cidW = map[int]float64{}
		w := d.Key("W")
		for i := 0; i < w.Len() && len(fi.cidW) < 65536; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && j < 65536; j++ {
					fi.cidW[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			c2 := int(next.Int64())
			wv := w.Index(i + 2).Float64()
			for k := c; k <= c2 && k-c < 65536; k++ {
				fi.cidW[k] = wv
			}
			i += 3
		}
	} else {
		fi.first = int(v.Key("FirstChar").Int64())
		ws := v.Key("Widths")
		for i := 0; i < ws.Len() && i < 256; i++ {
			fi.widths = append(fi.widths, ws.Index(i).Float64())
		}
		if fm := v.Key("FontMatrix"); fm.Kind() == pdf.Array && fm.Len() >= 1 { // Type3
			for i := range fi.widths {
				fi.widths[i] *= fm.Index(0).Float64() * 1000
			}
		}
	}
	in.fonts[name] = fi
	if indirect && in.shared != nil && len(in.shared) < maxSharedFonts {
		in.shared[ref] = fi
	}
	return fi
}

func (f *fontInfo) width(c int) float64 {
	if f.twoByte {
		if w, ok := f.cidW[c]; ok {
			return w
		}
		return f.dw
	}
	if i := c - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i]
	}
	if c == 32 {
		return 250
	}
	return 500 // unknown (standard 14 font without /Widths): half an em
}

func (f *fontInfo) decode(code string) string {
	if f.enc == nil {
		return code
	}
	switch len(code) {
	case 1:
		c := code[0]
		if !f.oneOK[c] {
			f.one[c], f.oneOK[c] = f.decodeCode(code), true
		}
		return f.one[c]
	case 2:
		c := uint32(code[0])<<8 | uint32(code[1])
		if s, ok := f.two[c]; ok {
			return s
		}
		s := f.decodeCode(code)
		if f.two == nil {
			f.two = map[uint32]string{}
		}
		f.two[c] = s // at most 65,536 codes
		return s
	}
	if s, ok := f.cache[code]; ok {
		return s
	}
	s := f.decodeCode(code)
	if f.cache == nil {
		f.cache = map[string]string{}
	}
	if len(f.cache) < 65536 {
		f.cache[code] = s
	}
	return s
}

// decodeCode is the text of one code: the ToUnicode map's, else the
// encoding's.
func (f *fontInfo) decodeCode(code string) string {
	s := ""
	if f.tu != nil {
		s = f.tu.Decode(code)
	}
	if s == "" || strings.ContainsRune(s, '\ufffd') { // not in the map: the encoding's
		s = f.enc.Decode(code)
	}
	return s
}
