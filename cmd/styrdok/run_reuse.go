package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/reports"
)

// Reports that did not change. A re-run whose documents are, analysis
// for analysis, the last run's (a codebook change that touches no
// document: every analysis kept as stored, corpus's CodebookChange)
// would write every report byte for byte as it is in OUT; only run.json,
// with its times and codebook hash, differs. Rendering them again was
// half of such a re-run (report.html's page, the workbook's deflate,
// copying ~50 MB of fragments at 1,000 documents).
//
// The reports key (reportsKeyOf) is a digest of everything the reports
// but run.json are made of: styrdok's version and the program's own
// SHA-256 (its writers and registry), --as-of, the options that shape the reports, the codebook
// as the writers read it (its themes and labels: its terms act on the
// analyses only), per document, in order, its file, the digest of its
// full analysis as spilled (corpus.Documents.Digest) and what the run
// decides after it (the answer at this run's threshold, the status), and
// the failures (file, status, reason). A completed run writes the key
// beside the store (`<store>.reports`) with the name, size and SHA-256
// of every report it wrote. A later run with the same key whose OUT
// holds those very bytes (every report hashed: a file edited, missing or
// left by a run stopped while publishing does not match) writes
// run.json only, and removes a report that is not among them.
//
// Crash safety without ordering: the file says that reports with these
// hashes are the reports of this key, which stays true whatever happens
// to OUT later; OUT is trusted only where its bytes are those. A file
// that cannot be read or parsed, or of another format, is not used (the
// reports are written, and the file anew).

// reportsKeySuffix is the suffix of the reports key file beside the store.
const reportsKeySuffix = ".reports"

// reportsKeyFormat is the key file's (and the key's) format.
const reportsKeyFormat = 1

// reportsKeyFile is the key file's content.
type reportsKeyFile struct {
	Format  int                 `json:"format"`
	Key     string              `json:"key"`
	Outputs []corpus.OutputFile `json:"outputs"` // every report but run.json
}

// reportsKeyOf is the key of the reports of res and fails (see above);
// false when a document's analysis has no digest (no spill), so its
// reports cannot be matched.
func (j *runJob) reportsKeyOf(res *corpus.BatchResult, fails []analysis.Failure) (string, bool) {
	if res.Full == nil || res.Full.Len() != len(res.Documents) {
		return "", false
	}
	cb := *j.a.Codebook
	cb.Themes = slices.Clone(cb.Themes)
	for i := range cb.Themes {
		cb.Themes[i].Terms, cb.Themes[i].HeadingTerms = nil, nil
	}
	cbJSON, err := json.Marshal(&cb)
	if err != nil {
		return "", false
	}
	exe, err := executableDigest()
	if err != nil {
		return "", false
	}
	h := sha256.New()
	fmt.Fprintf(h, "styrdok reports %d\x00%s\x00%x\x00%s\x00%s\x00%s\n", reportsKeyFormat, Version, exe, j.asOf, j.reportOptions, cbJSON)
	var zero [sha256.Size]byte
	for i, d := range res.Documents {
		sum := res.Full.Digest(i)
		if sum == zero {
			return "", false
		}
		fmt.Fprintf(h, "%q\x00%x\x00%#v\x00%q\n", d.File, sum, d.Municipality, d.Meta.Status)
	}
	for _, f := range fails { // what the writers show of a failure (its kind only as its status)
		fmt.Fprintf(h, "fail\x00%q\x00%s\x00%q\n", f.File, f.Status(), f.Reason)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// executableDigest is the SHA-256 of the running program: a writer or
// the registry changed without a new Version (a build between releases)
// makes another key, so reports are never kept across code changes
// (~0.03 s for the 35 MB binary, once a run).
func executableDigest() ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	p, err := os.Executable()
	if err != nil {
		return sum, err
	}
	f, err := os.Open(p)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
}

// reportsKeyPath is the key file of the run's store.
func (j *runJob) reportsKeyPath() string { return j.st.Path() + reportsKeySuffix }

// keptReports returns, when the key file says the reports of key are
// the ones in out and they are, the outputs as they are (run.json left
// out). A run writes run.json only then (writeRunJSONOnly).
func (j *runJob) keptReports(out, key string) ([]corpus.OutputFile, bool) {
	if key == "" {
		return nil, false
	}
	b, err := os.ReadFile(j.reportsKeyPath())
	if err != nil {
		return nil, false
	}
	var kf reportsKeyFile
	if json.Unmarshal(b, &kf) != nil || kf.Format != reportsKeyFormat || kf.Key != key || len(kf.Outputs) == 0 {
		return nil, false
	}
	for _, o := range kf.Outputs {
		if o.Name == "run.json" || o.Name != filepath.Base(o.Name) || strings.HasPrefix(o.Name, ".") {
			return nil, false
		}
		f, err := hashFile(filepath.Join(out, o.Name))
		if err != nil || f != o {
			return nil, false
		}
	}
	return kf.Outputs, true
}

// saveReportsKey writes the key file of a completed run whose reports
// are outputs, as a temporary file renamed over the old; a failure is a
// warning (the next run writes its reports).
func (j *runJob) saveReportsKey(key string, outputs []corpus.OutputFile) {
	kf := reportsKeyFile{Format: reportsKeyFormat, Key: key}
	for _, o := range outputs {
		if o.Name != "run.json" {
			kf.Outputs = append(kf.Outputs, o)
		}
	}
	b, err := json.Marshal(kf)
	path := j.reportsKeyPath()
	if err == nil {
		tmp := path + ".tmp"
		if err = os.WriteFile(tmp, b, 0o644); err == nil {
			err = os.Rename(tmp, path)
		}
		if err != nil {
			os.Remove(tmp)
		}
	}
	if err != nil {
		fmt.Fprintf(j.e.stderr, "styrdok: %s: warning: %v (the next run writes every report)\n", quoteName(path), err)
	}
}

// forgetReportsKey removes the key file (a run whose reports have no
// key: the file would name reports that are no longer in OUT).
func (j *runJob) forgetReportsKey() {
	if err := os.Remove(j.reportsKeyPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(j.e.stderr, "styrdok: %s: warning: %v\n", quoteName(j.reportsKeyPath()), err)
	}
}

// writeRunJSONOnly writes run.json of rep into out (through a staging
// folder, as every report) and removes the reports that are not kept
// (a stale one a stopped run left); it returns kept with run.json's
// entry, sorted by name as writeReports returns them, and what it
// removed.
func writeRunJSONOnly(out string, rep *reports.Report, kept []corpus.OutputFile) ([]corpus.OutputFile, []string, error) {
	staging, err := os.MkdirTemp(out, stagingPrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	defer os.RemoveAll(staging)
	path := filepath.Join(staging, "run.json")
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	h := sha256.New()
	w := &countingWriter{w: io.MultiWriter(f, h)}
	bw := bufio.NewWriter(w)
	err = reports.WriteRunJSON(bw, rep)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", filepath.Join(out, "run.json"), err)
	}
	outputs := append(slices.Clone(kept), corpus.OutputFile{Name: "run.json", Size: w.n, SHA256: hex.EncodeToString(h.Sum(nil))})
	slices.SortFunc(outputs, func(a, b corpus.OutputFile) int { return strings.Compare(a.Name, b.Name) })
	names := make([]string, len(outputs))
	for i, o := range outputs {
		names[i] = o.Name
	}
	if err := os.Rename(path, filepath.Join(out, "run.json")); err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	removed, err := removeStale(out, names)
	if err != nil {
		return nil, nil, err
	}
	return outputs, removed, nil
}

// countingWriter counts what it writes to w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
