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
//
// Not hashing what is known unchanged: hashing every report (54 MB at
// 1,000 documents) was an eighth of a re-run after a change of terms,
// and the program's own 35 MB another part. The file also keeps, for
// each report as published and for the program, its signature (device,
// inode, size, modification and change times: fileSig); a file whose
// signature is the one recorded with a hash is taken to have that hash
// without reading it. Writing to a file, truncating it or renaming
// another over it sets its change time, which no program can set back,
// so a report edited, replaced or half published since is hashed as
// before. (Only a change that bypasses the file system, bit rot, goes
// unseen, as with `make`.)

// reportsKeySuffix is the suffix of the reports key file beside the store.
const reportsKeySuffix = ".reports"

// reportsKeyFormat is the key file's (and the key's) format (2: the
// signatures).
const reportsKeyFormat = 2

// reportsKeyFile is the key file's content.
type reportsKeyFile struct {
	Format  int                 `json:"format"`
	Key     string              `json:"key"`
	Outputs []corpus.OutputFile `json:"outputs"` // every report but run.json
	// Sigs are the signatures of the reports (run.json too) as the run
	// left them, Program the program's.
	Sigs    []outputSig `json:"sigs,omitempty"`
	Program *outputSig  `json:"program,omitempty"`
}

// fileSig is what the file system says of a file that changes whenever
// its bytes do (fileSigOf).
type fileSig struct {
	Dev     uint64 `json:"dev"`
	Ino     uint64 `json:"ino"`
	Size    int64  `json:"size"`
	MtimeNS int64  `json:"mtime_ns"`
	CtimeNS int64  `json:"ctime_ns"`
}

// outputSig is a file's name and SHA-256 with its signature when it was
// hashed or written.
type outputSig struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	fileSig
}

// fileSigs are the signatures a key file holds, by name.
type fileSigs map[string]outputSig

// sameOutput reports whether the file of o in out holds o's bytes: by
// its signature when sigs has it, else hashed.
func (sigs fileSigs) sameOutput(out string, o corpus.OutputFile) bool {
	path := filepath.Join(out, o.Name)
	if s, ok := sigs[o.Name]; ok && s.SHA256 == o.SHA256 && s.Size == o.Size {
		if fi, err := os.Stat(path); err == nil {
			if sig, ok := fileSigOf(fi); ok && sig == s.fileSig {
				return true
			}
		}
	}
	f, err := hashFile(path)
	return err == nil && f == o
}

// readReportsKey reads the key file of the run's store; false when it
// cannot be used.
func (j *runJob) readReportsKey() (reportsKeyFile, bool) {
	var kf reportsKeyFile
	b, err := os.ReadFile(j.reportsKeyPath())
	if err != nil || json.Unmarshal(b, &kf) != nil || kf.Format != reportsKeyFormat {
		return reportsKeyFile{}, false
	}
	return kf, true
}

// outputSigs are the signatures of the key file of the run's store (nil
// without one).
func (j *runJob) outputSigs() fileSigs {
	kf, ok := j.readReportsKey()
	if !ok {
		return nil
	}
	return kf.sigs()
}

// sigs are the key file's signatures by output name.
func (kf reportsKeyFile) sigs() fileSigs {
	sigs := fileSigs{}
	for _, s := range kf.Sigs {
		sigs[s.Name] = s
	}
	return sigs
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
	exe, err := j.executableDigest()
	if err != nil {
		return "", false
	}
	h := sha256.New()
	fmt.Fprintf(h, "styrdok reports %d\x00%s\x00%x\x00%s\x00%s\x00%s\n", reportsKeyFormat, Version, exe, j.asOf, j.reportOptions, cbJSON)
	var zero [sha256.Size]byte
	fmt.Fprintf(h, "%d documents\n", len(res.Documents))
	var b []byte
	for i, d := range res.Documents {
		sum := res.Full.Digest(i)
		if sum == zero {
			return "", false
		}
		b = append(b[:0], sum[:]...)
		b = reports.AppendDecided(b, d) // one-to-one, and length-prefixed: no separator needed
		h.Write(b)
	}
	for _, f := range fails { // what the writers show of a failure (its kind only as its status)
		fmt.Fprintf(h, "fail\x00%q\x00%s\x00%q\n", f.File, f.Status(), f.Reason)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// executableDigest is the SHA-256 of the running program: a writer or
// the registry changed without a new Version (a build between releases)
// makes another key, so reports are never kept across code changes
// (~0.03 s for the 35 MB binary; taken from the key file when the
// program's signature is the one recorded there, and kept in
// j.program for the key file this run writes).
func (j *runJob) executableDigest() ([sha256.Size]byte, error) {
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
	fi, err := f.Stat()
	if err != nil {
		return sum, err
	}
	sig, sigOK := fileSigOf(fi)
	if kf, ok := j.readReportsKey(); ok && sigOK && kf.Program != nil && kf.Program.Name == p && kf.Program.fileSig == sig {
		if b, err := hex.DecodeString(kf.Program.SHA256); err == nil && len(b) == len(sum) {
			copy(sum[:], b)
			j.program = kf.Program
			return sum, nil
		}
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	if sigOK {
		j.program = &outputSig{Name: p, SHA256: hex.EncodeToString(sum[:]), fileSig: sig}
	}
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
	kf, ok := j.readReportsKey()
	if !ok || kf.Key != key || len(kf.Outputs) == 0 {
		return nil, false
	}
	sigs := j.outputSigs()
	for _, o := range kf.Outputs {
		if o.Name == "run.json" || o.Name != filepath.Base(o.Name) || strings.HasPrefix(o.Name, ".") {
			return nil, false
		}
		if !sigs.sameOutput(out, o) {
			return nil, false
		}
	}
	return kf.Outputs, true
}

// previousOutputs are the reports in out that hold the bytes the last
// completed run wrote there (the key file's outputs, checked as
// keptReports checks them; one hashed only when its signature is not
// the recorded one and it is small enough to be kept: reports.KeepLimit),
// for Report.Previous: a writer whose bytes come out the same leaves the
// file as it is. Whatever this run's key, the bytes are compared.
func (j *runJob) previousOutputs(out string) map[string]corpus.OutputFile {
	kf, ok := j.readReportsKey()
	if !ok {
		return nil
	}
	sigs := kf.sigs()
	prev := map[string]corpus.OutputFile{}
	for _, o := range kf.Outputs {
		if o.Name == "run.json" || o.Name != filepath.Base(o.Name) || strings.HasPrefix(o.Name, ".") || !reportName.MatchString(o.Name) || o.Size > reports.KeepLimit {
			continue
		}
		if sigs.sameOutput(out, o) {
			prev[o.Name] = o
		}
	}
	return prev
}

// saveReportsKey writes the key file of a completed run whose reports
// are outputs, now in out, as a temporary file renamed over the old; a
// failure is a warning (the next run writes its reports).
func (j *runJob) saveReportsKey(key, out string, outputs []corpus.OutputFile) {
	kf := reportsKeyFile{Format: reportsKeyFormat, Key: key, Program: j.program}
	for _, o := range outputs {
		if o.Name != "run.json" {
			kf.Outputs = append(kf.Outputs, o)
		}
		if fi, err := os.Stat(filepath.Join(out, o.Name)); err == nil {
			if sig, ok := fileSigOf(fi); ok && sig.Size == o.Size {
				kf.Sigs = append(kf.Sigs, outputSig{Name: o.Name, SHA256: o.SHA256, fileSig: sig})
			}
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
