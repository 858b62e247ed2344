package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"time"

	"github.com/styrdok/styrdok/analysis"
)

// RunInfo is what run.json records about a run beyond its results: the
// program version, the options it was run with and when. The time fields
// are the only ones that differ between two runs over the same input, and
// run.json is the only file that has them.
type RunInfo struct {
	Version    string            // styrdok version
	Args       []string          // the paths given on the command line
	Options    map[string]string // every option, defaults resolved (as_of as a date)
	StartedAt  time.Time
	FinishedAt time.Time
}

// runJSON is run.json's layout.
type runJSON struct {
	Version    string            `json:"styrdok_version"`
	Codebook   string            `json:"codebook_sha256"`
	Args       []string          `json:"args"`
	Options    map[string]string `json:"options"`
	Counts     runCounts         `json:"counts"`
	Inputs     []runInput        `json:"inputs"`
	Failures   []runInput        `json:"failures"`
	StartedAt  string            `json:"started_at,omitempty"`
	FinishedAt string            `json:"finished_at,omitempty"`
}

type runCounts struct {
	Files     int `json:"files"`
	Documents int `json:"documents"`
	Failed    int `json:"failed"`
	// Unsupported files (images, archives) are skipped, not failed: the
	// same split as the summary line and the store's runs row.
	Unsupported int `json:"unsupported"`
	Themes      int `json:"themes"`
}

type runInput struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// WriteRunJSON writes run.json: version, codebook hash, options, every
// input file with its SHA-256 (failed files too, when they can be read),
// counts and failures. Inputs are sorted by file, as everywhere.
func WriteRunJSON(w io.Writer, r *Report) error {
	out := runJSON{Options: map[string]string{}, Args: []string{}, Inputs: []runInput{}, Failures: []runInput{}}
	if r.Codebook != nil {
		out.Codebook = r.Codebook.Hash()
		out.Counts.Themes = len(r.Codebook.Themes)
	}
	if r.Run != nil {
		out.Version = r.Run.Version
		if r.Run.Args != nil {
			out.Args = r.Run.Args
		}
		for k, v := range r.Run.Options {
			out.Options[k] = v
		}
		if !r.Run.StartedAt.IsZero() {
			out.StartedAt = r.Run.StartedAt.UTC().Format(time.RFC3339Nano)
		}
		if !r.Run.FinishedAt.IsZero() {
			out.FinishedAt = r.Run.FinishedAt.UTC().Format(time.RFC3339Nano)
		}
	}
	for _, d := range r.Documents {
		out.Inputs = append(out.Inputs, runInput{File: d.File, SHA256: d.SHA256})
	}
	for _, f := range r.Failures {
		out.Failures = append(out.Failures, runInput{File: f.File, SHA256: hashFile(f.File), Reason: f.Reason})
	}
	out.Counts.Documents, out.Counts.Failed = len(r.Documents), analysis.CountFailed(r.Failures)
	out.Counts.Unsupported = len(r.Failures) - out.Counts.Failed
	out.Counts.Files = out.Counts.Documents + len(r.Failures)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// maxHashedFailure is the largest failed file run.json hashes.
const maxHashedFailure = 1 << 30

// hashFile hashes a failed input so a re-run can tell whether it changed;
// "" when it cannot be read (which may be why it failed).
func hashFile(path string) string {
	// Stat before opening: opening a named pipe blocks until a writer comes.
	// Huge files are not worth hashing for a failure record.
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() || st.Size() > maxHashedFailure {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return ""
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
