package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// Load reads and parses one file. Every error is a *FileError naming path;
// files that are not documents fail with an error wrapping ErrUnsupported.
func Load(path string, opts Options) (*Document, error) { return LoadInto(path, opts, nil) }

// maxKeptBuffer is the largest read buffer LoadInto keeps: one large PDF
// should not hold its size in memory for the rest of a run.
const maxKeptBuffer = 8 << 20

// LoadInto is Load reading the file into *buf (grown when short, and kept
// for the next call) instead of a new buffer: a batch worker reads file
// after file into one buffer (a new one per file was a twentieth of a
// run's garbage). Nothing in the returned Document refers to the buffer:
// every parser copies what it keeps. A nil buf is Load.
func LoadInto(path string, opts Options, buf *[]byte) (*Document, error) {
	// Stat first: opening a FIFO or device could block or never end.
	if st, err := os.Stat(path); err != nil {
		return nil, &FileError{Path: path, Reason: "cannot open file", Err: osCause(err)}
	} else if st.IsDir() {
		return nil, &FileError{Path: path, Reason: "is a directory"}
	} else if !st.Mode().IsRegular() {
		return nil, &FileError{Path: path, Reason: "not a regular file (" + st.Mode().Type().String() + ")"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot open file", Err: osCause(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot stat file", Err: osCause(err)}
	}
	if st.IsDir() {
		return nil, &FileError{Path: path, Reason: "is a directory"}
	}
	if !st.Mode().IsRegular() {
		return nil, &FileError{Path: path, Reason: "not a regular file"}
	}
	if st.Size() > opts.maxBytes() {
		return nil, tooLarge(path, st.Size(), opts)
	}
	// One file in a process of its own (no buffer to re-use): mapped, not
	// read, when large enough for the fresh pages a read touches to cost
	// more than the mapping (mapFile says why).
	if buf == nil && st.Size() >= minMappedSize {
		if data, unmap, ok := mapFile(f, st.Size()); ok {
			defer unmap()
			return parseMapped(path, f, st, data, opts)
		}
	}
	// Read into a buffer of the file's size, plus one byte to notice a
	// file that grew since Stat (io.ReadAll grows its buffer by doubling).
	var data []byte
	if buf != nil && int64(cap(*buf)) > st.Size() {
		data = (*buf)[:st.Size()+1]
	} else {
		data = make([]byte, st.Size()+1)
		if buf != nil && len(data) <= maxKeptBuffer {
			*buf = data
		}
	}
	n, err := io.ReadFull(f, data)
	switch err {
	case io.EOF, io.ErrUnexpectedEOF: // the whole file: the usual case
		data, err = data[:n], nil
	case nil: // it grew: the rest, within the limit
		var rest []byte
		rest, err = io.ReadAll(io.LimitReader(f, opts.maxBytes()+1-int64(n)))
		data = append(data, rest...)
	}
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot read file", Err: osCause(err)}
	}
	return Parse(path, data, opts)
}

// minMappedSize is the smallest file Load maps instead of reading: below
// it the few pages a read touches cost less than mapping the file.
const minMappedSize = 64 << 10

// parseMapped is Parse on a file's mapped bytes (mapFile). A file cut
// short while it is mapped makes reading its lost pages fault (SIGBUS),
// which debug.SetPanicOnFault turns into a panic of this goroutine, where
// Parse runs, instead of a crash; and a file whose size or modification
// time changed while it was parsed fails with a reason saying so rather
// than yield text of neither version.
func parseMapped(path string, f *os.File, before fs.FileInfo, data []byte, opts Options) (doc *Document, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		after, serr := f.Stat()
		switch {
		case serr != nil || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()):
			doc, err = nil, &FileError{Path: path, Reason: "file changed while it was read; read it again"}
		case r != nil:
			doc, err = nil, &FileError{Path: path, Reason: "cannot read file", Err: panicError(r)}
		}
	}()
	return Parse(path, data, opts)
}

// osCause strips the *fs.PathError around an error of the os package: it
// repeats the path, unquoted, which FileError already names (and a
// newline in the name would split the error line). errors.Is still
// finds fs.ErrNotExist and fs.ErrPermission in the cause.
func osCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooLarge(name string, size int64, opts Options) *FileError {
	return &FileError{Path: name, Reason: fmt.Sprintf("file too large (%d bytes, limit %d; see --max-bytes)", size, opts.maxBytes()), Limit: LimitSize}
}

// Parse parses a file's bytes; name is used for errors and as a format
// hint. It never panics: a panic inside a parser library becomes a
// *FileError whose reason says so. Work is bounded by opts (size, time,
// decompressed bytes) and done in the calling goroutine.
func Parse(name string, data []byte, opts Options) (doc *Document, err error) {
	format, mime := sniff(name, data)
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = fileError(name, format, panicError(r))
		}
	}()
	if int64(len(data)) > opts.maxBytes() {
		return nil, tooLarge(name, int64(len(data)), opts)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Path: name, Reason: "empty file"}
	}
	if format == "" {
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".pdf" || ext == ".docx" || ext == ".odt" {
			// a broken download, not a file of another kind: a failure
			return nil, &FileError{Path: name, Reason: "not a valid " + strings.ToUpper(ext[1:]) + " file (content is " + mime + ")"}
		}
		return nil, &FileError{Path: name, Reason: ErrUnsupported.Error() + ": " + mime, Err: ErrUnsupported}
	}
	sum := sha256.Sum256(data)
	doc = &Document{Path: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), Format: format}
	b := newBudget(opts)
	var pages []string
	switch format {
	case FormatText:
		var s string
		s, err = decodeText(data, b)
		pages = strings.Split(s, PageBreak)
	case FormatMarkdown:
		var s string
		if s, err = decodeText(data, b); err == nil {
			s, err = markdownText(s, b)
			pages = strings.Split(s, PageBreak)
		}
	case FormatHTML:
		var s string
		s, err = parseHTML(data, b)
		pages = []string{s}
	case FormatDOCX:
		pages, err = parseDOCX(data, b)
	case FormatODT:
		if bytes.HasPrefix(data, []byte("PK")) {
			pages, err = parseODT(data, b)
		} else {
			pages, err = parseFlatODT(data, b)
		}
	case FormatPDF:
		pages, doc.Warnings, doc.OCRPages, err = parsePDF(data, b, opts)
	}
	if err != nil {
		return nil, fileError(name, format, err)
	}
	doc.setPages(pages)
	if strings.TrimSpace(strings.ReplaceAll(doc.Text, PageBreak, "")) == "" {
		if format == FormatPDF {
			return nil, &FileError{Path: name, Reason: "no text layer (scanned? run OCR first, e.g. ocrmypdf)"}
		}
		return nil, &FileError{Path: name, Reason: "no text found"}
	}
	if format == FormatPDF && !readable(doc.Text) {
		return nil, &FileError{Path: name, Reason: "text layer cannot be decoded (fonts without Unicode mapping; run OCR first)"}
	}
	return doc, nil
}

// fileError wraps a parser's error with the file's name and a short reason.
func fileError(name string, format Format, err error) *FileError {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	var le *limitError
	if errors.As(err, &le) {
		return &FileError{Path: name, Reason: le.reason, Limit: le.kind}
	}
	var re *reasonError
	if errors.As(err, &re) {
		return &FileError{Path: name, Reason: re.reason, Err: re.err}
	}
	var pp *parserPanic
	if errors.As(err, &pp) {
		return &FileError{Path: name, Reason: strings.ToUpper(string(format)) + " parser panicked: " + pp.msg}
	}
	return &FileError{Path: name, Reason: "cannot parse " + strings.ToUpper(string(format)), Err: err}
}

// readable reports text that is mostly letters, digits, punctuation and
// spaces, not the private-use or control codes of fonts without a
// Unicode mapping.
func readable(s string) bool {
	good, bad := runeKinds(s)
	return bad*4 < good
}

// linesReadable is readable of the pages' lines each ended by a newline,
// without joining them (OCR's check of a whole text layer, ocrWanted);
// no lines at all are readable.
func linesReadable(pages [][]string) bool {
	good, bad, lines := 0, 0, 0
	for _, ls := range pages {
		for _, l := range ls {
			g, b := runeKinds(l)
			good += g + 1 // the newline
			bad += b
			lines++
		}
	}
	return lines == 0 || bad*4 < good
}

// runeKinds counts s's runes that readable counts good and bad.
func runeKinds(s string) (good, bad int) {
	for _, r := range s {
		switch {
		case r == '\uFFFD' || (r >= 0xE000 && r <= 0xF8FF) || (r < 0x20 && r != '\n' && r != '\t' && r != '\f'):
			bad++
		default:
			good++
		}
	}
	return good, bad
}

// setPages cleans each page and joins them with PageBreak, recording offsets.
func (d *Document) setPages(pages []string) {
	d.Pages = d.Pages[:0]
	if len(pages) == 1 { // text, HTML, DOCX: the clean page is the text, no copy
		d.Text = CleanText(pages[0])
		d.Pages = append(d.Pages, Page{Number: 1, Start: 0, End: len(d.Text)})
		return
	}
	clean := make([]string, len(pages))
	size := 0
	for i, p := range pages {
		clean[i] = CleanText(p)
		size += len(clean[i]) + len(PageBreak)
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range clean {
		if i > 0 {
			b.WriteString(PageBreak)
		}
		start := b.Len()
		b.WriteString(p)
		d.Pages = append(d.Pages, Page{Number: i + 1, Start: start, End: b.Len()})
	}
	d.Text = b.String()
}

// Detect guesses the format from content first and the extension second.
// It returns "" for files that are not documents ingest reads.
func Detect(name string, data []byte) Format {
	f, _ := sniff(name, data)
	return f
}

// sniff returns the format, or "" and the MIME type to report.
func sniff(name string, data []byte) (Format, string) {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) || bytes.Contains(head, []byte("%PDF-1.")) || bytes.Contains(head, []byte("%PDF-2.")):
		return FormatPDF, ""
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipKind(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "", "application/msword (old binary .doc/.xls; convert to .docx or PDF)"
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "", "application/rtf"
	}
	ext := strings.ToLower(filepath.Ext(name))
	if looksBinary(data) {
		mime := detectContentType(data)
		if i := strings.IndexByte(mime, ';'); i >= 0 {
			mime = mime[:i]
		}
		return "", mime
	}
	text, _ := DecodeText(head)
	lower := strings.ToLower(strings.TrimSpace(text))
	switch {
	case strings.Contains(lower, "<office:document") && strings.Contains(lower, "opendocument"):
		return FormatODT, ""
	case strings.HasPrefix(lower, "<!doctype html") || strings.Contains(lower, "<html") ||
		(strings.HasPrefix(lower, "<") && (strings.Contains(lower, "<body") || strings.Contains(lower, "<head") || strings.Contains(lower, "<p>") || strings.Contains(lower, "<div"))):
		return FormatHTML, ""
	}
	switch ext {
	case ".md", ".markdown":
		return FormatMarkdown, ""
	case ".html", ".htm", ".xhtml":
		return FormatHTML, ""
	case ".pdf", ".docx", ".odt":
		return "", "text/plain"
	}
	return FormatText, ""
}

// looksBinary reports bytes no text file has (NUL, most control
// characters) in the head, unless it is UTF-16 text.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	if _, ok := sniffUTF16(data); ok {
		return false
	}
	head := data[:min(len(data), 8000)]
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*50 > len(head)
}
