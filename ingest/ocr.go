package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// OCRMode says when a PDF page's text is read with OCR (Tesseract) instead
// of from its text layer. The zero value is OCRNever, so that a library
// caller (and every test and fuzzer) gets the same text whether or not
// Tesseract happens to be installed; the command line defaults to OCRAuto.
type OCRMode string

// The OCR modes.
const (
	// OCRAuto reads pages that draw images and no text (scans) and
	// documents whose whole text layer cannot be decoded,
	// when Tesseract is installed; without it such a file fails, or such
	// a page is left empty with a warning, and the reason says how to
	// install it.
	OCRAuto OCRMode = "auto"
	// OCRNever never runs OCR: such files fail as they always did.
	OCRNever OCRMode = "never"
	// OCRAlways reads every page with OCR, ignoring the text layer (for a
	// text layer that decodes but is wrong, such as a scanner's poor OCR).
	OCRAlways OCRMode = "always"
)

// String returns the mode's name ("never" for the zero value).
func (m OCRMode) String() string {
	if m == "" {
		return string(OCRNever)
	}
	return string(m)
}

// Set parses a mode name, so *OCRMode is a flag.Value.
func (m *OCRMode) Set(s string) error {
	switch v := OCRMode(strings.ToLower(strings.TrimSpace(s))); v {
	case OCRAuto, OCRNever, OCRAlways:
		*m = v
		return nil
	}
	return fmt.Errorf("unknown OCR mode %q (want auto, never or always)", s)
}

// OCRInstallHint is what a user runs to let styrdok read scanned pages.
const OCRInstallHint = "apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils"

// ocrLang is Tesseract's Swedish model: the documents are Swedish, and the
// English model misreads å, ä and ö.
const ocrLang = "swe"

// Limits of the OCR stage. Time is the file's own deadline (Options.Timeout).
const (
	// ocrDPI is the resolution pages are rendered at: Tesseract's
	// documented sweet spot for body text; 200 dpi loses small print.
	ocrDPI = 300
	// ocrMinDPI is the least resolution a huge page is scaled down to.
	ocrMinDPI = 50
	// ocrMaxPixels bounds one rendered page (an A4 page at 300 dpi has
	// 8.7 million, A2 35 million); larger pages are rendered at a lower
	// resolution, so a poster-sized page cannot take gigabytes.
	ocrMaxPixels = 40 << 20
	// ocrMaxPages bounds the pages OCRed in one file; a scan of more is
	// no steering document, and its OCR would take hours.
	ocrMaxPages = 1000
	// ocrMaxPageText bounds the text Tesseract may print for one page (a
	// dense A4 page has about 6 kB); the file's text budget holds too.
	ocrMaxPageText = 1 << 20
	// ocrMaxInfo bounds pdfinfo's output (about 60 bytes a page).
	ocrMaxInfo = 1 << 20
	// ocrMaxStderr is the stderr tail kept for an error message.
	ocrMaxStderr = 2 << 10
	// ocrMemLimit is the address space a child process may take (ulimit
	// -v): Tesseract with the Swedish model needs under 200 MiB resident,
	// pdftoppm about twice the rendered page; a hostile PDF whose image
	// declares gigapixel dimensions fails instead of exhausting memory.
	ocrMemLimit = 2 << 30
	// ocrWaitDelay is how long a killed child's pipes may stay open.
	ocrWaitDelay = 2 * time.Second
)

// ocrTools are the programs OCR runs, found on PATH.
type ocrTools struct {
	sh, pdfinfo, pdftoppm, tesseract string
	version                          string // "tesseract 5.3.0", for the note
}

// errNoOCR says why OCR cannot run here: a tool or the Swedish model is
// missing. Its text ends with how to install them.
type errNoOCR struct{ missing string }

func (e *errNoOCR) Error() string {
	return e.missing + " not installed: " + OCRInstallHint + " lets styrdok read such pages itself (--ocr auto)"
}

// findOCRTools looks the tools up on PATH each time: a run must notice a
// Tesseract installed after it started, and no global holds the answer.
func findOCRTools(ctx context.Context) (*ocrTools, error) {
	var t ocrTools
	var missing []string
	for _, p := range []struct {
		name string
		dst  *string
	}{{"tesseract", &t.tesseract}, {"pdftoppm", &t.pdftoppm}, {"pdfinfo", &t.pdfinfo}, {"sh", &t.sh}} {
		path, err := exec.LookPath(p.name)
		if err != nil && p.name == "sh" {
			path, err = exec.LookPath("/bin/sh") // a PATH without it, as in a bare service
		}
		if err != nil {
			missing = append(missing, p.name)
		}
		*p.dst = path
	}
	if len(missing) > 0 {
		return nil, &errNoOCR{strings.Join(missing, ", ")}
	}
	out, err := t.run(ctx, nil, 64<<10, t.tesseract, "--list-langs")
	if err != nil {
		return nil, fmt.Errorf("tesseract --list-langs: %w", err)
	}
	if !slices.Contains(strings.Fields(string(out)), ocrLang) {
		return nil, &errNoOCR{"Tesseract's Swedish model (tesseract-ocr-swe)"}
	}
	if v, err := t.run(ctx, nil, 64<<10, t.tesseract, "--version"); err == nil {
		t.version, _, _ = strings.Cut(strings.TrimSpace(string(v)), "\n")
	}
	return &t, nil
}

// OCRKey names what OCR a file's text depends on: the mode and, unless
// it is never, the Tesseract that would run ("auto tesseract 5.3.0") or
// that none can ("auto no-tesseract"). A store keys failures by it, so a
// scan that failed before Tesseract was installed is read again once it
// is. It runs Tesseract once (--list-langs, --version): call it once a
// run, not once a file.
func OCRKey(ctx context.Context, mode OCRMode) string {
	m := mode.String()
	if OCRMode(m) == OCRNever {
		return m
	}
	t, err := findOCRTools(ctx)
	if err != nil {
		return m + " no-tesseract"
	}
	if t.version == "" {
		return m + " tesseract"
	}
	return m + " " + t.version
}

// cappedBuffer keeps at most max bytes and cancels its command when more
// arrive: an endless or oversized output kills the child instead of
// growing without bound (a writer that merely stopped would leave the
// child blocked on a full pipe until the deadline).
type cappedBuffer struct {
	buf    bytes.Buffer
	max    int
	full   bool
	cancel context.CancelFunc
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.max {
		c.full = true
		c.cancel()
		return 0, errors.New("output limit reached")
	}
	return c.buf.Write(p)
}

// tailBuffer keeps the last max bytes written (a tool's last words on
// stderr say why it failed).
type tailBuffer struct {
	b   []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

// errOutputLimit is a child's output beyond its cap.
var errOutputLimit = errors.New("output beyond its limit")

// run runs one tool with stdin, under ctx's deadline and the memory
// limit, and returns its stdout (at most max bytes). The child is killed
// when ctx ends or its output passes max. It runs through sh only to set
// ulimit -v; exec keeps one process, so the kill reaches the tool itself.
func (t *ocrTools) run(ctx context.Context, stdin []byte, max int, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// "ulimit -v" is in KiB; where the shell cannot set it (not Linux)
	// the tool runs unlimited rather than not at all.
	script := `ulimit -v ` + strconv.Itoa(ocrMemLimit>>10) + ` 2>/dev/null; exec "$0" "$@"`
	cmd := exec.CommandContext(ctx, t.sh, append([]string{"-c", script, name}, args...)...)
	// One OpenMP thread: styrdok already runs a worker per core, and
	// Tesseract's threads would only fight them.
	cmd.Env = append(cmd.Environ(), "OMP_THREAD_LIMIT=1", "LC_ALL=C")
	cmd.WaitDelay = ocrWaitDelay
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	out := &cappedBuffer{max: max, cancel: cancel}
	errOut := &tailBuffer{max: ocrMaxStderr}
	cmd.Stdout, cmd.Stderr = out, errOut
	err := cmd.Run()
	switch {
	case out.full:
		return nil, errOutputLimit
	case err != nil:
		msg := strings.Join(strings.Fields(string(errOut.b)), " ")
		if len(msg) > 300 {
			msg = msg[len(msg)-300:]
		}
		if msg != "" {
			return nil, fmt.Errorf("%w: %s", err, msg)
		}
		return nil, err
	}
	return out.buf.Bytes(), nil
}

// ocrWanted picks the pages OCR reads, numbered from 1, and says why the
// file would fail without it. OCRAlways: every page. OCRAuto: the pages
// that draw images and no text (scans; a blank page or one of drawings
// alone is left as it is), or every page when the text layer as a whole
// cannot be decoded (fonts without a Unicode mapping).
func ocrWanted(lines [][]string, st []pageStats, mode OCRMode) (want []int, why string) {
	var total pageStats
	for _, s := range st {
		total.add(s)
	}
	all := func() []int {
		ps := make([]int, len(lines))
		for i := range ps {
			ps[i] = i + 1
		}
		return ps
	}
	switch {
	case mode == OCRAlways:
		return all(), "--ocr always"
	case mode != OCRAuto:
		return nil, ""
	case total.codes > 0 && (total.undecoded*2 >= total.codes || !linesReadable(lines)):
		return all(), "text layer cannot be decoded (fonts without Unicode mapping; run OCR first)"
	}
	for i, ls := range lines {
		if empty([][]string{ls}) && st[i].codes == 0 && st[i].images > 0 {
			want = append(want, i+1)
		}
	}
	if len(want) > 0 && empty(lines) {
		var re *reasonError
		if errors.As(noTextError(len(lines), total), &re) {
			why = re.reason
		}
	}
	return want, why
}

// ocrPDF reads with OCR the pages of a parsed PDF that need it (see
// OCRMode and ocrWanted); lines are the text layer's pages, st their
// statistics. It returns the pages read, numbered from 1, with their
// lines, and the warnings: which pages were read, which could not be. The
// file fails when it has no page of text to fall back on, or on a limit:
// the file's deadline, which covers OCR too, and its text budget.
func ocrPDF(data []byte, lines [][]string, st []pageStats, b *budget, opts Options) (ocred []int, ocrText [][]string, warnings []string, err error) {
	mode := OCRMode(opts.OCR.String())
	want, why := ocrWanted(lines, st, mode)
	if len(want) == 0 {
		return nil, nil, nil, nil
	}
	// No fallback: every page is wanted, or the others hold no text.
	all := len(want) == len(lines) || empty(lines)
	if why == "" {
		why = "no text layer (scanned? run OCR first, e.g. ocrmypdf)"
	}
	ctx, cancel := context.WithDeadline(context.Background(), b.deadline)
	defer cancel()
	tools, terr := findOCRTools(ctx)
	if terr != nil {
		var no *errNoOCR
		if !errors.As(terr, &no) {
			terr = fmt.Errorf("OCR unavailable: %w", terr)
		}
		if all {
			return nil, nil, nil, &reasonError{why + "; " + terr.Error(), nil}
		}
		// Some pages have text: keep them, and say which pages are missing.
		return nil, nil, []string{fmt.Sprintf("%s without a text layer, not read: %v", pageList(want), terr)}, nil
	}
	got, err := runOCR(ctx, tools, data, want, why, b)
	if err != nil {
		var le *limitError
		if all || errors.As(err, &le) {
			return nil, nil, nil, err
		}
		return nil, nil, []string{fmt.Sprintf("%s without a text layer, not read: %v", pageList(want), err)}, nil
	}
	var read, blank []int
	for i, n := range want {
		if empty(got[i : i+1]) {
			blank = append(blank, n)
			continue
		}
		read = append(read, n)
		ocrText = append(ocrText, got[i])
	}
	if all && len(read) == 0 {
		return nil, nil, nil, &reasonError{fmt.Sprintf("%s; OCR found no text either (%s)", why, pageList(want)), nil}
	}
	if len(read) > 0 {
		version := tools.version
		if version == "" {
			version = "tesseract"
		}
		warnings = append(warnings, fmt.Sprintf("%s: text read by OCR (%s, %s model); names and figures may be misread", pageList(read), version, ocrLang))
	}
	if len(blank) > 0 {
		warnings = append(warnings, fmt.Sprintf("%s: no text layer, and OCR found no text (blank, or a picture)", pageList(blank)))
	}
	return read, ocrText, warnings, nil
}

// runOCR reads pages want and returns their lines. why is the reason the
// file would fail without OCR.
func runOCR(ctx context.Context, tools *ocrTools, data []byte, want []int, why string, b *budget) ([][]string, error) {
	if len(want) > ocrMaxPages {
		return nil, &reasonError{fmt.Sprintf("%s; %d pages would need OCR, more than the %d it reads in one file", why, len(want), ocrMaxPages), nil}
	}
	info, err := pdfPageInfo(ctx, tools, data, b)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	ocred := make([][]string, len(want))
	for i, n := range want {
		text, err := ocrPage(ctx, tools, data, n, info[n], b)
		if err != nil {
			if ctx.Err() != nil {
				return nil, &limitError{fmt.Sprintf("OCR took longer than the time limit (%s) at page %d (%d of %d pages done in %s; OCR takes seconds a page: raise --timeout)",
					b.timeout, n, i, len(want), time.Since(start).Round(time.Second)), LimitTime}
			}
			var le *limitError
			if errors.As(err, &le) {
				return nil, err
			}
			return nil, &reasonError{fmt.Sprintf("OCR of page %d failed", n), err}
		}
		ocred[i] = strings.Split(strings.TrimRight(text, "\n"), "\n")
	}
	return ocred, nil
}

// pageInfo is a page's size in points, as pdftoppm renders it.
type pageInfo struct{ w, h float64 }

// pagesRE and pageSizeRE read pdfinfo's answer; compiled on first use,
// as only OCR runs pdfinfo.
var (
	pagesRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^Pages:\s+(\d+)`) })
	pageSizeRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^Page\s+(\d+)\s+size:\s+([0-9.]+)\s+x\s+([0-9.]+)`)
	})
)

// pdfPageInfo asks pdfinfo for the page count and every page's size, so
// that each page is rendered at a resolution that fits ocrMaxPixels.
// It returns a map from page number to size with an entry for every page.
func pdfPageInfo(ctx context.Context, t *ocrTools, data []byte, b *budget) (map[int]pageInfo, error) {
	out, err := t.run(ctx, data, ocrMaxInfo, t.pdfinfo, "-f", "1", "-l", strconv.Itoa(ocrMaxPages+1), "-")
	if err != nil {
		if ctx.Err() != nil {
			return nil, &limitError{fmt.Sprintf("parsing took longer than the time limit (%s)", b.timeout), LimitTime}
		}
		return nil, &reasonError{"OCR: pdfinfo cannot read the PDF", err}
	}
	m := pagesRE().FindSubmatch(out)
	if m == nil {
		return nil, &reasonError{"OCR: pdfinfo gives no page count", nil}
	}
	n, _ := strconv.Atoi(string(m[1]))
	info := make(map[int]pageInfo, min(n, ocrMaxPages+1))
	for _, m := range pageSizeRE().FindAllSubmatch(out, -1) {
		p, _ := strconv.Atoi(string(m[1]))
		w, _ := strconv.ParseFloat(string(m[2]), 64)
		h, _ := strconv.ParseFloat(string(m[3]), 64)
		info[p] = pageInfo{w, h}
	}
	for p := 1; p <= min(n, ocrMaxPages+1); p++ {
		if _, ok := info[p]; !ok {
			info[p] = pageInfo{595, 842} // not stated: A4, and the pixel cap still holds
		}
	}
	return info, nil
}

// renderDPI is ocrDPI, or less for a page so large that ocrDPI would pass
// ocrMaxPixels.
func renderDPI(p pageInfo) int {
	area := p.w / 72 * p.h / 72 // square inches
	if area <= 0 || math.IsNaN(area) || math.IsInf(area, 0) {
		return ocrDPI
	}
	dpi := int(math.Sqrt(ocrMaxPixels / area))
	return max(ocrMinDPI, min(ocrDPI, dpi))
}

// ocrPage renders page n to a grey-scale image and reads it with
// Tesseract.
func ocrPage(ctx context.Context, t *ocrTools, data []byte, n int, p pageInfo, b *budget) (string, error) {
	dpi := strconv.Itoa(renderDPI(p))
	pg := strconv.Itoa(n)
	// -W/-H crop the rendering at twice the pixel cap in case pdfinfo's
	// size was wrong: poppler then renders only that slice.
	side := strconv.Itoa(int(math.Sqrt(2 * ocrMaxPixels)))
	img, err := t.run(ctx, data, ocrMaxPixels*2+64, t.pdftoppm, "-f", pg, "-l", pg, "-r", dpi, "-gray", "-W", side, "-H", side, "-")
	if err != nil {
		return "", fmt.Errorf("pdftoppm: %w", err)
	}
	if len(img) == 0 {
		return "", errors.New("pdftoppm rendered nothing")
	}
	out, err := t.run(ctx, img, ocrMaxPageText, t.tesseract, "-", "-", "-l", ocrLang, "--dpi", dpi)
	if err != nil {
		return "", fmt.Errorf("tesseract: %w", err)
	}
	// Tesseract ends each page with a form feed, which is styrdok's page
	// separator.
	text := strings.ReplaceAll(string(out), PageBreak, "\n")
	if err := b.addText(int64(len(text))); err != nil {
		return "", err
	}
	return text, nil
}

// pageList writes page numbers compactly: "page 3", "pages 1-4, 7".
func pageList(ps []int) string {
	if len(ps) == 1 {
		return "page " + PageRanges(ps)
	}
	return "pages " + PageRanges(ps)
}

// PageRanges writes ascending page numbers as ranges: "1-5", "1-2, 4, 7";
// "" for none (documents.csv's ocr_pages).
func PageRanges(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(ps[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", ps[i], ps[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
