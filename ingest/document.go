package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Format names the container a document came in, detected from content.
type Format string

// The formats ingest understands.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatPDF      Format = "pdf"
	FormatDOCX     Format = "docx"
	FormatODT      Format = "odt"
)

// PageBreak separates pages in Document.Text (a form feed, as pdftotext
// writes it), so that `styrdok text` output can be split the same way.
const PageBreak = "\f"

// Page is one page of a document: Text[Start:End] of its Document.
// Number counts from 1. Formats without pages have one page.
type Page struct {
	Number int `json:"number"`
	Start  int `json:"start"`
	End    int `json:"end"`
}

// Document is one ingested file.
type Document struct {
	Path   string // as given on the command line or found in a walk
	SHA256 string // hex digest of the file's bytes
	Size   int64  // bytes on disk
	Format Format
	Text   string // clean UTF-8 (NFC) text; pages separated by PageBreak
	Pages  []Page // in order; cover Text except the page breaks

	// Warnings lists problems that did not stop the file, such as a PDF
	// page the parser could not read ("page 3: parser panicked: ...").
	Warnings []string

	// OCRPages lists the pages (numbers as in Pages) whose text was read
	// by OCR, not from a text layer; empty when none was (see OCRMode).
	OCRPages []int
}

// PageAt returns the page number holding byte offset off of Text, or 0 when
// off is outside every page.
func (d *Document) PageAt(off int) int {
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].End > off })
	if i < len(d.Pages) && d.Pages[i].Start <= off {
		return d.Pages[i].Number
	}
	if i < len(d.Pages) { // off sits on a page break: count it to the next page
		return d.Pages[i].Number
	}
	return 0
}

// FileError is a failure to ingest one file. Reason is a short phrase for
// failures.csv ("no text layer (scanned? run OCR first)"); Err the cause.
type FileError struct {
	Path   string
	Reason string
	Err    error
	Limit  LimitKind // the bound the file went past, if that is the reason (LimitOf)
}

// Error returns "path": reason: cause, on one line: the path is quoted
// (Go syntax) because a file name may hold a newline, which would split
// the one error line a batch prints per file in two.
func (e *FileError) Error() string { return strconv.Quote(e.Path) + ": " + e.Detail() }

// Detail is the error without the file name: the reason, and the cause
// when the reason does not already say it, on one line (line breaks
// escaped as \n, since a cause can quote a name or a parser's message).
// failures.csv has the file in a column of its own.
func (e *FileError) Detail() string {
	d := e.Reason
	if e.Err != nil && !strings.HasPrefix(e.Reason, e.Err.Error()) {
		d = fmt.Sprintf("%s: %v", e.Reason, e.Err)
	}
	if strings.ContainsAny(d, "\r\n\u2028\u2029") {
		d = lineBreaks.Replace(d)
	}
	return d
}

var lineBreaks = strings.NewReplacer("\r", `\r`, "\n", `\n`, "\u2028", `\u2028`, "\u2029", `\u2029`)

// Unwrap returns the underlying cause, so errors.Is(err, ErrUnsupported) works.
func (e *FileError) Unwrap() error { return e.Err }

// ErrUnsupported marks a file that is not a document styrdok reads (an
// image, an archive). Walks list such files as skipped, not failed.
var ErrUnsupported = errors.New("unsupported file type")
