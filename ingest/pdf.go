package ingest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPageGlyphs bounds the glyphs kept for one page (a dense page has
// about 5,000), so a hostile content stream cannot exhaust memory.
const maxPageGlyphs = 1 << 20

// parsePDF extracts the text of every page. It never panics: the
// library's panics become errors, and the budget's deadline and
// decompression limit are enforced inside the reads the library makes.
func parsePDF(data []byte, b *budget, opts Options) (pages []string, warnings []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, warnings = nil, nil
			err = panicError(r)
		}
	}()
	data = repairPDF(data)
	if err := sanityCheckPDF(data); err != nil {
		return nil, nil, err
	}
	if err := prescanStreams(data, b); err != nil {
		return nil, nil, err
	}
	rd, err := pdf.NewReaderEncrypted(&budgetReaderAt{data: data, b: b}, int64(len(data)), nil)
	if err != nil {
		return nil, nil, classifyOpenError(err)
	}
	kids, err := pageTree(rd, b)
	if err != nil {
		return nil, nil, err
	}
	if len(kids) == 0 {
		return nil, nil, errors.New("PDF has no pages")
	}
	var (
		lines  [][]string
		failed int
		last   error
	)
	for i, p := range kids {
		ls, err := pageLines(p, b)
		if err != nil {
			var le *limitError
			if errors.As(err, &le) {
				return nil, nil, err
			}
			failed++
			last = err
			warnings = append(warnings, fmt.Sprintf("page %d: %v", i+1, err))
		}
		lines = append(lines, ls)
	}
	if failed == len(kids) {
		return nil, nil, last
	}
	if !opts.KeepHeaders {
		lines = stripRunningLines(lines)
	}
	for _, ls := range lines {
		pages = append(pages, strings.Join(ls, "\n"))
	}
	return pages, warnings, nil
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
	must(r.b.check())
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

var pdfHeader = regexp.MustCompile(`^%PDF-[0-9]\.[0-9]`)

// repairPDF works around two strictnesses of the library: it accepts only
// "%PDF-1.0" to "%PDF-1.7" followed by a line end, and looks for %%EOF in
// the last 100 bytes only (files often carry trailing junk).
func repairPDF(data []byte) []byte {
	fixHeader := pdfHeader.Match(data) && (len(data) < 9 || data[5] != '1' || data[7] > '7' || (data[8] != '\n' && data[8] != '\r'))
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

var (
	sizeRE  = regexp.MustCompile(`/Size\s+(\d+)`)
	indexRE = regexp.MustCompile(`/Index\s*\[([0-9\s]*)\]`)
	wRE     = regexp.MustCompile(`/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)`)
	xrefRE  = regexp.MustCompile(`(?:^|[\r\n])xref\s+`)
)

// sanityCheckPDF rejects cross-reference sizes the library would allocate
// without checking (a /Size of a billion objects in a 1 kB file would
// exhaust memory, which no recover can catch). An object takes at least
// four bytes of the file, so no real file names more than len/4 objects.
func sanityCheckPDF(data []byte) error {
	limit := int64(len(data))/4 + 1024
	bad := errors.New("malformed PDF: cross-reference table larger than the file")
	for _, m := range sizeRE.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
			return bad
		}
	}
	for _, m := range indexRE.FindAllSubmatch(data, -1) {
		f := strings.Fields(string(m[1]))
		for i := 0; i+1 < len(f); i += 2 {
			s, err1 := strconv.ParseInt(f[i], 10, 64)
			n, err2 := strconv.ParseInt(f[i+1], 10, 64)
			if err1 != nil || err2 != nil || s+n > limit {
				return bad
			}
		}
	}
	for _, m := range wRE.FindAllSubmatch(data, -1) {
		for _, g := range m[1:] {
			if n, err := strconv.Atoi(string(g)); err != nil || n > 8 {
				return errors.New("malformed PDF: invalid cross-reference stream widths")
			}
		}
	}
	for _, loc := range xrefRE.FindAllIndex(data, -1) {
		pos := loc[1]
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

// prescanStreams inflates every Flate stream that is not an image,
// counting the bytes against the budget before the library sees the file:
// a stream that would expand to gigabytes (a decompression bomb) is caught
// here in bounded memory and time. Images are skipped because text
// extraction never decodes them.
func prescanStreams(data []byte, b *budget) error {
	buf := make([]byte, 32<<10)
	pos := 0
	kw := []byte("stream")
	for pos < len(data) {
		i := bytes.Index(data[pos:], kw)
		if i < 0 {
			break
		}
		i += pos
		pos = i + len(kw)
		if i >= 3 && string(data[i-3:i]) == "end" {
			continue
		}
		start := pos
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start >= len(data) || data[start] != '\n' {
			continue
		}
		start++
		dictFrom := max(0, i-4096)
		if j := bytes.LastIndex(data[dictFrom:i], []byte(" obj")); j >= 0 {
			dictFrom += j
		}
		dict := data[dictFrom:i]
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		pos = start + end
		if !bytes.Contains(dict, []byte("/FlateDecode")) || bytes.Contains(dict, []byte("/Image")) {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[start : start+end]))
		if err != nil {
			continue
		}
		for {
			n, err := zr.Read(buf)
			if e := b.add(int64(n)); e != nil {
				return e
			}
			if e := b.check(); e != nil {
				return e
			}
			if err != nil {
				break
			}
		}
	}
	return nil
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

// pageTree lists the page objects in order, walking Kids itself (with a
// depth limit and loop check) instead of trusting /Count.
func pageTree(rd *pdf.Reader, b *budget) ([]pdf.Page, error) {
	var out []pdf.Page
	root := rd.Trailer().Key("Root").Key("Pages")
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if err := b.check(); err != nil {
			return err
		}
		if depth > 64 || len(out) > 100000 {
			return errors.New("malformed PDF: page tree too deep or too large")
		}
		kids := v.Key("Kids")
		if kids.Kind() != pdf.Array {
			if v.Key("Type").Name() == "Page" || v.Key("Contents").Kind() != pdf.Null {
				out = append(out, pdf.Page{V: v})
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// pageLines interprets one page's content and lays its text out in lines.
// A panic in the library on this page becomes an error for this page.
func pageLines(p pdf.Page, b *budget) (lines []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			lines = nil
			err = panicError(r)
		}
	}()
	in := newInterp(b)
	in.run(p.V.Key("Contents"), p.Resources(), 0)
	return layoutPage(in.glyphs, in.rules), nil
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

// glyph is one decoded character (or ligature) placed on the page.
type glyph struct {
	x, y, w, size float64
	s             string
	bold          bool
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
	res    pdf.Value
	ops    int
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
	must(checkHexStrings(contentReader(content), in.b.check)) // see errOpenHexString
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		in.ops++
		if in.ops&255 == 0 {
			must(in.b.check())
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
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
	case "Do":
		if depth >= 4 || len(args) == 0 {
			return
		}
		x := in.res.Key("XObject").Key(args[0].Name())
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
		f = &fontInfo{enc: nil}
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
		if s != "" && math.Abs(trm[1]) <= 0.1*math.Abs(trm[0]) && trm[0] > 0 && size > 0.5 {
			if len(in.glyphs) >= maxPageGlyphs {
				must(&limitError{"too many glyphs on one page (possible decompression bomb)"})
			}
			in.glyphs = append(in.glyphs, glyph{x: trm[4], y: trm[5], w: w0 / 1000 * hscale, size: size, s: s, bold: f.bold})
		}
		tx := w0/1000*st.tfs + st.tc
		if step == 1 && c == 32 {
			tx += st.tw
		}
		st.tm = matrix{1, 0, 0, 1, tx * st.th, 0}.mul(st.tm)
	}
}

// fontInfo is what the interpreter needs of a font: how to split a string
// into codes, each code's advance width and its text.
type fontInfo struct {
	enc     pdf.TextEncoding
	twoByte bool
	first   int
	widths  []float64
	cidW    map[int]float64
	dw      float64
	bold    bool
	cache   map[string]string
}

func (in *interp) font(name string) *fontInfo {
	if f, ok := in.fonts[name]; ok {
		return f
	}
	v := in.res.Key("Font").Key(name)
	pf := &pdf.Font{V: v}
	// The library reads a ToUnicode CMap with the same lexer as content
	// streams (see errOpenHexString).
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		must(checkHexStrings(tu.Reader(), in.b.check))
	}
	fi := &fontInfo{enc: pf.Encoder(), dw: 1000, cache: map[string]string{}}
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
	if s, ok := f.cache[code]; ok {
		return s
	}
	s := f.enc.Decode(code)
	if len(f.cache) < 65536 {
		f.cache[code] = s
	}
	return s
}
