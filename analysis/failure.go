package analysis

import (
	"errors"
	"strings"

	"github.com/styrdok/styrdok/ingest"
)

// Failure is a file that could not be analysed, with the reason.
type Failure struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Unsupported reports a file that is not a document styrdok reads (an
// image, an archive): it is skipped and listed, not failed. The reason
// says so (ingest.ErrUnsupported's text), so cached failures keep it.
func (f Failure) Unsupported() bool {
	return strings.HasPrefix(f.Reason, ingest.ErrUnsupported.Error())
}

// Status is "unsupported" for skipped non-documents, "failed" otherwise.
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

// ReasonInterrupted is the failure reason of the files a cancelled Run
// did not finish.
const ReasonInterrupted = "not analysed: run interrupted"

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
		out = append(out, Failure{File: p.Path, Reason: p.Detail()})
	}
	return out
}
