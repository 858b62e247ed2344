package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// OCRMode says when scanned PDF pages are read with OCR (tesseract with
// its Swedish model, pages rendered by poppler's pdftoppm).
type OCRMode string

// The OCR modes. The zero value means OCRAuto.
const (
	// OCRAuto reads the pages without a text layer that show images,
	// when tesseract and pdftoppm are installed; without them such a
	// file fails as before, with how to install them.
	OCRAuto OCRMode = "auto"
	// OCRNever never runs OCR.
	OCRNever OCRMode = "never"
	// OCRAlways reads every page with OCR, text layer or not (for PDFs
	// whose text layer is garbage); it fails when the tools are missing.
	OCRAlways OCRMode = "always"
)

// String and Set make *OCRMode a flag.Value.
func (m *OCRMode) String() string {
	if m == nil || *m == "" {
		return string(OCRAuto)
	}
	return string(*m)
}

// Set accepts auto, never or always.
func (m *OCRMode) Set(s string) error {
	switch OCRMode(s) {
	case OCRAuto, OCRNever, OCRAlways:
		*m = OCRMode(s)
		return nil
	}
	return fmt.Errorf("want auto, never or always, not %q", s)
}

func (o Options) ocr() OCRMode {
	if o.OCR == "" {
		return OCRAuto
	}
	return o.OCR
}

// ocrInstall says how to get the OCR tools.
const ocrInstall = "install tesseract-ocr, tesseract-ocr-swe and poppler-utils (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils)"

// ocrTools finds tesseract (with the Swedish model) and pdftoppm; the
// error says what is missing and how to install it.
func ocrTools(ctx context.Context) (tesseract, pdftoppm string, err error) {
	tesseract, err1 := exec.LookPath("tesseract")
	pdftoppm, err2 := exec.LookPath("pdftoppm")
	switch {
	case err1 != nil:
		return "", "", errors.New("OCR needs tesseract, which is not installed: " + ocrInstall)
	case err2 != nil:
		return "", "", errors.New("OCR needs pdftoppm, which is not installed: " + ocrInstall)
	}
	out, err := exec.CommandContext(ctx, tesseract, "--list-langs").CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("\nswe")) {
		return "", "", errors.New("OCR needs tesseract's Swedish model (swe), which is not installed: " + ocrInstall)
	}
	return tesseract, pdftoppm, nil
}

// ocrPages renders the given pages (numbered from 1) of the PDF at 300 dpi
// and reads them with tesseract, one page at a time. OCR costs about 6 s
// of CPU a page, more than a whole text PDF's parse, so each page gets the
// time limit (--timeout) of its own instead of sharing the file's; the
// text of each page is charged to the text budget.
func ocrPages(data []byte, pages []int, b *budget) (map[int][]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	tesseract, pdftoppm, err := ocrTools(ctx)
	cancel()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "styrdok-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	pdfPath := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(pdfPath, data, 0o600); err != nil {
		return nil, err
	}
	out := map[int][]string{}
	for _, p := range pages {
		text, err := ocrPage(pdfPath, dir, p, tesseract, pdftoppm, b)
		if err != nil {
			return nil, err
		}
		if err := b.addText(int64(len(text))); err != nil {
			return nil, err
		}
		out[p] = ocrLines(text)
	}
	return out, nil
}

// ocrPage renders and reads one page within its own time limit.
func ocrPage(pdfPath, dir string, p int, tesseract, pdftoppm string, b *budget) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	n := strconv.Itoa(p)
	img := filepath.Join(dir, "page")
	render := exec.CommandContext(ctx, pdftoppm, "-r", "300", "-gray", "-singlefile", "-f", n, "-l", n, pdfPath, img)
	if msg, err := render.CombinedOutput(); err != nil {
		return "", ocrError(ctx, b, fmt.Errorf("pdftoppm page %d: %v: %s", p, err, bytes.TrimSpace(msg)))
	}
	cmd := exec.CommandContext(ctx, tesseract, img+".pgm", "stdout", "-l", "swe")
	// one thread: a batch already runs a worker per core
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	text, err := cmd.Output()
	if err != nil {
		return "", ocrError(ctx, b, fmt.Errorf("tesseract page %d: %v: %s", p, err, bytes.TrimSpace(stderr.Bytes())))
	}
	return string(text), nil
}

// ocrError reports the deadline as the time limit, anything else as is.
func ocrError(ctx context.Context, b *budget, err error) error {
	if ctx.Err() != nil {
		return &limitError{fmt.Sprintf("OCR of one page took longer than the time limit (%s)", b.timeout)}
	}
	return err
}

// ocrLines turns tesseract's output into page lines: paragraphs apart by a
// blank line, no form feed.
func ocrLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\f", ""), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			out = appendBlank(out)
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
