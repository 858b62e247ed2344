package analysis

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// FailureKind says why a file is not among a run's documents. It is
// decided where the failure happens (ingest's error, the batch's limits,
// the run's end) and travels with the failure, so nothing downstream has
// to read it back out of the reason's words.
type FailureKind uint8

const (
	// FailUnreadable: ingest could not read or parse the file (the
	// reason says how: cannot open, not a valid PDF, no text layer, ...).
	FailUnreadable FailureKind = iota
	// FailUnsupported: not a document styrdok reads (an image, an
	// archive): skipped and listed, not failed.
	FailUnsupported
	// FailTooLarge: a size limit: the file (--max-bytes), the extracted
	// text (--max-text) or its decompressed content.
	FailTooLarge
	// FailTimeout: reading (a parser, OCR) or analysing took longer
	// than --timeout.
	FailTimeout
	// FailInterrupted: the run stopped (Ctrl-C) before the file was done.
	FailInterrupted
	// FailInternal: analysing the file panicked.
	FailInternal
	// FailOverBound: the content's shape went past a bound that keeps a
	// hostile file from exhausting memory (element nesting, HTML nodes,
	// glyphs on one page).
	FailOverBound
)

var failureKindNames = [...]string{
	FailUnreadable:  "unreadable",
	FailUnsupported: "unsupported",
	FailTooLarge:    "too large",
	FailTimeout:     "timeout",
	FailInterrupted: "interrupted",
	FailInternal:    "internal error",
	FailOverBound:   "over a structural bound",
}

func (k FailureKind) String() string {
	if int(k) < len(failureKindNames) {
		return failureKindNames[k]
	}
	return fmt.Sprintf("FailureKind(%d)", k)
}

// Failure is a file that could not be analysed: its kind, and the reason
// in words as the outputs print it.
type Failure struct {
	File   string      `json:"file"`
	Reason string      `json:"reason"`
	Kind   FailureKind `json:"-"` // not in any output: Status is
}

// Unsupported reports a file that is not a document styrdok reads (an
// image, an archive): it is skipped and listed, not failed.
func (f Failure) Unsupported() bool { return f.Kind == FailUnsupported }

// Status is "unsupported" for skipped non-documents, "failed" otherwise:
// the status column of failures.csv and the other outputs.
func (f Failure) Status() string {
	if f.Unsupported() {
		return "unsupported"
	}
	return "failed"
}

// CountFailed counts the failures that are not unsupported files: these
// make `styrdok run` exit 1.
func CountFailed(fs []Failure) int {
	n := 0
	for _, f := range fs {
		if !f.Unsupported() {
			n++
		}
	}
	return n
}

// The reasons of the failures the batch decides itself, spelled here
// only.
const (
	reasonInterrupted = "not analysed: run interrupted"
	reasonTooLarge    = "extracted text exceeds the text limit (%d bytes; --max-text)"
	reasonTimeout     = "reading and analysing took longer than the time limit (%s; --timeout)"
	reasonInternal    = "internal error while analysing: %v"
)

// FailureOf is the failure of a file that ingest could not read: err is
// what ingest.Load (or ingest.Walk) returned for it.
func FailureOf(file string, err error) Failure {
	k := FailUnreadable
	switch {
	case errors.Is(err, ingest.ErrUnsupported):
		k = FailUnsupported
	case ingest.LimitOf(err) == ingest.LimitTime:
		k = FailTimeout
	case ingest.LimitOf(err) == ingest.LimitSize:
		k = FailTooLarge
	case ingest.LimitOf(err) == ingest.LimitStructure:
		k = FailOverBound
	}
	return Failure{File: file, Reason: ReasonOf(err), Kind: k}
}

// Interrupted is the failure of a file the run did not finish because it
// was stopped.
func Interrupted(file string) Failure {
	return Failure{File: file, Reason: reasonInterrupted, Kind: FailInterrupted}
}

// TooLarge is the failure of a file whose extracted text exceeds
// maxText bytes.
func TooLarge(file string, maxText int64) Failure {
	return Failure{File: file, Reason: fmt.Sprintf(reasonTooLarge, maxText), Kind: FailTooLarge}
}

// TimedOut is the failure of a file whose reading and analysis took
// longer than timeout.
func TimedOut(file string, timeout time.Duration) Failure {
	return Failure{File: file, Reason: fmt.Sprintf(reasonTimeout, timeout), Kind: FailTimeout}
}

// Internal is the failure of a file whose analysis panicked with p.
func Internal(file string, p any) Failure {
	return Failure{File: file, Reason: fmt.Sprintf(reasonInternal, p), Kind: FailInternal}
}

// StoredFailure is a failure read back from where only its reason was
// kept: the store's failures table, a run's input digest, a shard's part
// file. Their formats hold the reason's words and no kind (a column more
// would change styrdok.db and the part files), so this is the one place
// that tells the kind from the words, by the phrasings above and
// ingest.ErrUnsupported's text, which ingest puts first in the reason of
// an unsupported file. A failure at one of ingest's own bounds (FailureOf
// types it from ingest.LimitOf) reads back as FailUnreadable: no output
// shows the kind (only Status, the same for both) and only the kinds
// the batch acts on (unsupported, interrupted) must survive.
func StoredFailure(file, reason string) Failure {
	k := FailUnreadable
	switch {
	case strings.HasPrefix(reason, ingest.ErrUnsupported.Error()):
		k = FailUnsupported
	case reason == reasonInterrupted:
		k = FailInterrupted
	case hasFormatPrefix(reason, reasonTooLarge):
		k = FailTooLarge
	case hasFormatPrefix(reason, reasonTimeout):
		k = FailTimeout
	case hasFormatPrefix(reason, reasonInternal):
		k = FailInternal
	}
	return Failure{File: file, Reason: reason, Kind: k}
}

// hasFormatPrefix reports whether s starts with format's words before its
// first verb.
func hasFormatPrefix(s, format string) bool {
	head, _, _ := strings.Cut(format, "%")
	return strings.HasPrefix(s, head)
}

// ReasonOf gives the short reason of an ingest error, without the file
// name (failures.csv has it in its own column).
func ReasonOf(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return fe.Detail()
	}
	return err.Error()
}

// WalkFailures turns the problems ingest.Walk met (symlink loops,
// unreadable folders) into failures, so they are listed with the rest.
func WalkFailures(problems []*ingest.FileError) []Failure {
	out := make([]Failure, 0, len(problems))
	for _, p := range problems {
		out = append(out, FailureOf(p.Path, p))
	}
	return out
}
