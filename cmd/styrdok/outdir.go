package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/styrdok/styrdok/corpus"
)

// lockName is the lock file of an output folder: a run holds an
// exclusive flock on it while it writes the folder, so two runs writing
// one folder (with different inputs, the last silently winning) become
// an error naming the process that holds it. The kernel releases the
// lock when the process ends, however it ends: a killed run leaves no
// stale lock behind.
const lockName = ".lock"

// outLock is a held lock on an output folder.
type outLock struct{ f *os.File }

// lockOut creates dir and takes its lock without waiting. When another
// process holds it, the error says which (the pid it wrote there).
func lockOut(dir string) (*outLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if held, err := tryLock(f); err != nil || held {
		data, _ := os.ReadFile(path)
		f.Close()
		if held {
			holder := "another process"
			if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
				holder = fmt.Sprintf("process %d", pid)
			}
			return nil, fmt.Errorf("output folder %s is being written by another styrdok run (%s, lock %s); wait for it to finish or give another --out", dir, holder, path)
		}
		return nil, fmt.Errorf("output folder %s: lock %s: %w", dir, path, err)
	}
	// Who holds it, for the message above; the lock, not this content,
	// is what excludes.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &outLock{f: f}, nil
}

// release gives the lock up (closing the file releases the flock).
func (l *outLock) release() {
	if l != nil && l.f != nil {
		l.f.Truncate(0)
		l.f.Close()
	}
}

// stagingPrefix starts the name of the hidden folder a run writes its
// reports into before moving them into the output folder.
const stagingPrefix = ".styrdok-staging-"

// staleTemp matches what a killed run leaves in an output folder: its
// staging folder and the writers' temporary files (.report.html.tmp3k9x).
var staleTemp = regexp.MustCompile(`^(\.styrdok-staging-.*|\..+\.tmp[0-9a-z]+)$`)

// cleanStale removes what killed runs left in dir. The caller holds
// dir's lock, so nothing it removes is in use.
func cleanStale(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	for _, e := range entries {
		if staleTemp.MatchString(e.Name()) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("output folder %s: removing %s left by a stopped run: %w", dir, e.Name(), err)
			}
		}
	}
	return nil
}

// reportName matches every report file a run may write; those in the
// output folder that this run did not write are stale (an earlier run's
// county-03.csv after `--county 14`, or documents.json, which is
// documents.jsonl since issue 15) and are removed.
var reportName = regexp.MustCompile(`^(documents|coverage|coverage_long|evidence|actions|failures|similarity)\.csv$|^(summary\.md|run\.json|documents\.jsonl?|report\.html|coverage\.xlsx)$|^(documents|coverage_long|evidence)\.parquet$|^county-[0-9]{2}\.csv$|^part-[0-9]{4}-of-[0-9]{4}\.parquet$`)

// publish moves the reports written into staging into out, then removes
// the reports in out that this run did not write. Each move is a rename
// within one file system: a report is replaced whole or not at all. A
// report of written that is not in staging is one the writers kept: out
// holds it with this run's bytes (reports.Report.Previous), and it stays
// as it is. It returns the stale reports removed.
func publish(staging, out string, written []corpus.OutputFile) ([]string, error) {
	names := make([]string, 0, len(written))
	for _, w := range written {
		names = append(names, w.Name)
	}
	// Check every target first, so that a report that cannot be replaced
	// (a folder of that name) fails the run before any report is moved:
	// OUT then holds the earlier run's reports, all of them.
	for _, n := range names {
		if fi, err := os.Lstat(filepath.Join(out, n)); err == nil && !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("output folder %s: %s is not a regular file (%s); cannot replace it", out, n, fi.Mode().Type())
		}
	}
	for _, n := range names {
		err := os.Rename(filepath.Join(staging, n), filepath.Join(out, n))
		if errors.Is(err, fs.ErrNotExist) {
			// Not in staging: the writers kept out's report, which holds
			// this run's bytes (reports.Report.Previous), when it is there.
			if _, serr := os.Lstat(filepath.Join(staging, n)); errors.Is(serr, fs.ErrNotExist) {
				if fi, oerr := os.Lstat(filepath.Join(out, n)); oerr == nil && fi.Mode().IsRegular() {
					continue
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("output folder %s: %w", out, err)
		}
	}
	removed, err := removeStale(out, names)
	if err == nil {
		os.Remove(staging)
	}
	return removed, err
}

// removeStale removes the reports in out that are not among names (the
// reports of this run) and returns them.
func removeStale(out string, names []string) ([]string, error) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	var removed []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && reportName.MatchString(n) && !slices.Contains(names, n) {
			if err := os.Remove(filepath.Join(out, n)); err != nil {
				return removed, fmt.Errorf("output folder %s: removing the stale %s: %w", out, n, err)
			}
			removed = append(removed, n)
		}
	}
	return removed, nil
}

// quoteName quotes a file name for a message line when it would break
// the line or read ambiguously: a newline in a name split the one error
// line in two. Plain names (letters of any script, spaces inside) stay
// as they are.
func quoteName(p string) string {
	if p == "" || p != strings.TrimSpace(p) || strings.ContainsAny(p, "\"\\") {
		return strconv.Quote(p)
	}
	for _, r := range p {
		if !strconv.IsPrint(r) {
			return strconv.Quote(p)
		}
	}
	return p
}
