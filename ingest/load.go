package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Options bound the work done on one file.
type Options struct {
	// MaxBytes is the largest file read; larger files fail with a clear
	// reason instead of exhausting memory. 0 means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the default file size limit (200 MiB).
const DefaultMaxBytes = 200 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Load reads and parses one file. Every error is a *FileError naming path.
func Load(path string, opts Options) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot open file", Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot stat file", Err: err}
	}
	if st.IsDir() {
		return nil, &FileError{Path: path, Reason: "is a directory"}
	}
	if st.Size() > opts.maxBytes() {
		return nil, &FileError{Path: path, Reason: fmt.Sprintf("file too large (%d bytes, limit %d; see --max-bytes)", st.Size(), opts.maxBytes())}
	}
	data, err := io.ReadAll(io.LimitReader(f, opts.maxBytes()+1))
	if err != nil {
		return nil, &FileError{Path: path, Reason: "cannot read file", Err: err}
	}
	return Parse(path, data, opts)
}

// Parse parses a file's bytes; name is used for errors and as a format hint.
func Parse(name string, data []byte, opts Options) (*Document, error) {
	sum := sha256.Sum256(data)
	doc := &Document{Path: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Path: name, Reason: "empty file"}
	}
	format := Detect(name, data)
	var pages []string
	var err error
	switch format {
	case FormatText, FormatMarkdown:
		var s string
		s, err = DecodeText(data)
		pages = strings.Split(s, PageBreak)
	default:
		return nil, &FileError{Path: name, Reason: ErrUnsupported.Error(), Err: ErrUnsupported}
	}
	if err != nil {
		return nil, &FileError{Path: name, Reason: "cannot decode text", Err: err}
	}
	doc.Format = format
	doc.setPages(pages)
	if strings.TrimSpace(strings.ReplaceAll(doc.Text, PageBreak, "")) == "" {
		return nil, &FileError{Path: name, Reason: "no text found"}
	}
	return doc, nil
}

// setPages cleans each page and joins them with PageBreak, recording offsets.
func (d *Document) setPages(pages []string) {
	var b strings.Builder
	d.Pages = d.Pages[:0]
	for i, p := range pages {
		if i > 0 {
			b.WriteString(PageBreak)
		}
		p = CleanText(p)
		start := b.Len()
		b.WriteString(p)
		d.Pages = append(d.Pages, Page{Number: i + 1, Start: start, End: b.Len()})
	}
	d.Text = b.String()
}

// Detect guesses the format from content first and the extension second.
func Detect(name string, data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "" // zip container; format-specific detection in docx.go when present
	}
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	if strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") {
		return FormatHTML
	}
	if looksBinary(data) {
		return ""
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return FormatMarkdown
	}
	return FormatText
}

// looksBinary reports NUL bytes in the head that are not UTF-16 text.
func looksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	return bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0
}

// DecodeText decodes plain text: UTF-8 (with or without BOM), otherwise
// Windows-1252, the superset of ISO-8859-1 Swedish files come in.
func DecodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// CleanText normalises one page of text: NFC, CRLF to LF, ligatures and
// soft hyphens resolved.
func CleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = ligatures.Replace(s)
	return norm.NFC.String(s)
}

var ligatures = strings.NewReplacer("\u00ad", "", "ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl", "\u00a0", " ")
