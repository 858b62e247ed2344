package ingest

import (
	"errors"
	"fmt"
	"time"
)

// Options bound the work done on one file. The zero value means the
// defaults (see DefaultOptions); a negative limit is treated as zero.
type Options struct {
	// MaxBytes is the largest file read; larger files fail with a clear
	// reason instead of exhausting memory. 0 means DefaultMaxBytes.
	MaxBytes int64

	// MaxDecompressedBytes bounds the bytes a file may expand to: the
	// inflated streams of a PDF, the uncompressed XML of a DOCX or ODT.
	// Files that expand further fail as a possible decompression bomb.
	// 0 means DefaultMaxDecompressedBytes.
	MaxDecompressedBytes int64

	// Timeout bounds the time spent parsing one file. Parsing runs in the
	// caller's goroutine and checks the deadline as it reads, so nothing
	// is left running when it fails. 0 means DefaultTimeout.
	Timeout time.Duration

	// MaxTextBytes bounds the clean text one file may yield, whatever
	// its size on disk: a small PDF whose one content stream is shared
	// by every page, or a DOCX of nested runs, can amplify to far more
	// text than any steering document holds. Beyond it the file fails
	// with a clear reason. 0 means DefaultMaxTextBytes.
	MaxTextBytes int64

	// KeepHeaders keeps running headers, footers and page numbers that
	// repeat on most pages of a PDF instead of removing them.
	KeepHeaders bool

	// OCR says when PDF pages without a text layer are read with
	// Tesseract (ocr.go); the zero value is OCRNever.
	OCR OCRMode
}

// Defaults used when an Options field is zero.
const (
	// DefaultMaxBytes is the default file size limit (200 MiB).
	DefaultMaxBytes = 200 << 20
	// DefaultMaxDecompressedBytes is the default expansion limit (256 MiB).
	DefaultMaxDecompressedBytes = 256 << 20
	// DefaultTimeout is the default time limit for parsing one file.
	DefaultTimeout = 60 * time.Second
	// DefaultMaxTextBytes is the default limit on one file's extracted
	// text: 4 MiB, about 600,000 words, forty times the longest municipal
	// document in testdata (a 37-page annual report, 100 KB of text). It
	// also bounds analysis and the store: text made only of theme words
	// costs about 130 bytes of memory per byte when stored (a 4 MB text
	// peaked at 560 MB, 16 MB at 2.1 GB; docs/ingest.md "Limits").
	DefaultMaxTextBytes = 4 << 20

	// MaxHTMLNodes bounds the elements and text runs of one HTML page
	// that reach the tree builder. A tree node costs about 150 bytes, so
	// the tree stays under about 200 MB; the largest real page we have
	// seen has about 20,000. It is not an option: no real page comes
	// near it, and past it memory, not the document, is the problem.
	MaxHTMLNodes = 1 << 20

	// MaxNestingDepth bounds how deeply the elements of an Office XML
	// part may nest (HTML has x/net/html's own bound, 512). Real
	// documents nest a few dozen deep (a table in a table in a DOCX adds
	// four); the XML decoder keeps a stack entry per open element, so an
	// unbounded depth is unbounded memory (a 204 KB DOCX of 67 million
	// nested elements took 5.7 GB).
	MaxNestingDepth = 1024
)

// DefaultOptions returns the options Load uses when given a zero Options,
// spelled out, for a CLI to show in --help or to adjust.
func DefaultOptions() Options {
	return Options{
		MaxBytes:             DefaultMaxBytes,
		MaxDecompressedBytes: DefaultMaxDecompressedBytes,
		Timeout:              DefaultTimeout,
		MaxTextBytes:         DefaultMaxTextBytes,
	}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) maxDecompressed() int64 {
	if o.MaxDecompressedBytes <= 0 {
		return DefaultMaxDecompressedBytes
	}
	return o.MaxDecompressedBytes
}

func (o Options) maxText() int64 {
	if o.MaxTextBytes <= 0 {
		return DefaultMaxTextBytes
	}
	return o.MaxTextBytes
}

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

// budget tracks one file's limits while it is parsed. It is owned by a
// single parse and never shared.
type budget struct {
	deadline time.Time
	timeout  time.Duration
	maxOut   int64 // decompressed bytes allowed
	out      int64 // decompressed bytes seen
	maxText  int64 // extracted text bytes allowed
	text     int64 // extracted text bytes seen
	maxNodes int   // HTML nodes allowed (MaxHTMLNodes; smaller in tests)
	maxDepth int   // XML element nesting allowed (MaxNestingDepth)
	ticks    int
}

func newBudget(o Options) *budget {
	return &budget{deadline: time.Now().Add(o.timeout()), timeout: o.timeout(), maxOut: o.maxDecompressed(), maxText: o.maxText(),
		maxNodes: MaxHTMLNodes, maxDepth: MaxNestingDepth}
}

// limitError is a limit exceeded during parsing; it is returned, or
// raised with panic inside the PDF library and recovered at the top.
// kind says which sort of bound it was, for the batch's typed failures.
type limitError struct {
	reason string
	kind   LimitKind
}

// LimitKind says which sort of per-file bound a file went past, so the
// batch can type its failure without reading the reason's words.
type LimitKind uint8

const (
	// NoLimit: the error is not a bound exceeded.
	NoLimit LimitKind = iota
	// LimitTime: the time limit (--timeout), in a parser or in OCR.
	LimitTime
	// LimitSize: a size limit: the file's bytes (--max-bytes), the
	// extracted text (--max-text), decompressed content.
	LimitSize
	// LimitStructure: a bound on the shape of the content: element
	// nesting, HTML nodes, glyphs on one page.
	LimitStructure
)

// LimitOf says which bound err reports exceeded (NoLimit when it is
// not such an error); err is what Load, Parse or Walk returned.
func LimitOf(err error) LimitKind {
	var fe *FileError
	if errors.As(err, &fe) && fe.Limit != NoLimit {
		return fe.Limit
	}
	var le *limitError
	if errors.As(err, &le) {
		return le.kind
	}
	return NoLimit
}

func (e *limitError) Error() string { return e.reason }

// check returns a *limitError once the deadline has passed. It reads the
// clock only every 64 calls, so it is cheap enough for inner loops, and
// on the first, so a loop that checks once per large chunk still stops.
func (b *budget) check() error {
	b.ticks++
	if b.ticks&63 != 1 {
		return nil
	}
	if time.Now().After(b.deadline) {
		return &limitError{fmt.Sprintf("parsing took longer than the time limit (%s)", b.timeout), LimitTime}
	}
	return nil
}

// add counts n more decompressed bytes.
func (b *budget) add(n int64) error {
	b.out += n
	if b.out > b.maxOut {
		return &limitError{fmt.Sprintf("content expands beyond the decompression limit (%d bytes; possible decompression bomb)", b.maxOut), LimitSize}
	}
	return nil
}

// addText counts n more bytes of extracted text.
func (b *budget) addText(n int64) error {
	b.text += n
	if b.text > b.maxText {
		return &limitError{fmt.Sprintf("extracted text exceeds the text limit (%d bytes; --max-text)", b.maxText), LimitSize}
	}
	return nil
}

// tooDeep is the failure for elements nested past maxDepth.
func (b *budget) tooDeep(what string) error {
	return &limitError{fmt.Sprintf("%s elements nested more than %d deep", what, b.maxDepth), LimitStructure}
}
