package reports

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/styrdok/styrdok/corpus"
)

// Spares: the disk blocks of the previous run's large reports, kept for
// the next run's writers to write over (issue 17 item 3).
//
// A run writes every report it changes through a new file renamed over
// the old one (writeFile), so that no reader sees half a report. On
// ext4 that costs the kernel a new file's blocks and pages for every
// byte (the ~100 MB of a 2,000-document run) and the old file's blocks
// freed when the rename drops it: measured here, writing 96 MB into a
// new file and renaming it over the old took 0.11–0.35 s of system
// time, writing the same bytes over an existing file of that size
// 0.03–0.05 s. A re-run after one changed file rewrites nearly every
// byte of the large reports (each document's rows move when one before
// it changes), so that difference was a fifth of its CPU.
//
// So a run keeps the reports it replaces: before the new reports are
// moved into the output folder, each large one there is hard-linked
// into the spares folder (KeepSpares); the next run's writer of that
// report takes the spare (a rename into its staging folder, so no two
// runs' files are ever one) and writes over it from the start,
// truncating it to what it wrote, instead of creating a file. What a
// spare holds is never read: it is only blocks to write over, so a
// spare damaged or half overwritten by a killed run costs nothing (the
// staging file it became is removed by the next run, and its report is
// then written into a new file). Crash safety is unchanged: a report is
// still made whole beside the output folder and renamed into it.
//
// The price is disk space: the output folder holds each large report
// twice (the spares folder about doubles it). A file linked from
// elsewhere too (a hard-linked backup of the folder, `cp -al`) is never
// made a spare nor written over: only a file with one link is
// (spareLinks), so no other name's bytes change.

// SparesFolder is the spares folder's name in an output folder.
const SparesFolder = ".styrdok-spares"

// spareMinSize is the smallest report kept as a spare: below it a new
// file costs little.
const spareMinSize = 1 << 20

// claimSpare takes the spare for path's report from spares and opens
// it for writing over under a temporary name beside path; false when
// there is none to take (the caller creates a file).
func claimSpare(spares, path string) (*os.File, bool) {
	if spares == "" {
		return nil, false
	}
	spare := filepath.Join(spares, filepath.Base(path))
	fi, err := os.Lstat(spare)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	tmp, err := createTemp(path)
	if err != nil {
		return nil, false
	}
	name := tmp.Name()
	tmp.Close()
	// Renamed over the empty temporary file just made, so the name is
	// this writer's alone.
	if err := os.Rename(spare, name); err != nil {
		os.Remove(name)
		return nil, false
	}
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		os.Remove(name)
		return nil, false
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || spareLinks(st) != 1 {
		// Linked elsewhere since it was kept: not ours to write over.
		f.Close()
		os.Remove(name)
		return nil, false
	}
	return f, true
}

// KeepSpares hard-links each large report of written that out holds now
// (the previous run's, about to be replaced) into spares, for the next
// run's writers, and removes the spares of reports this run did not
// write. Call it after the reports are written and before they are
// moved into out. A spare that cannot be kept is only a new file on the
// next run: failures are not errors.
func KeepSpares(out, spares string, written []corpus.OutputFile) {
	keep := make(map[string]bool, len(written))
	for _, w := range written {
		if w.Size >= spareMinSize {
			keep[w.Name] = true
		}
	}
	if entries, err := os.ReadDir(spares); err == nil {
		for _, e := range entries {
			if !keep[e.Name()] {
				os.Remove(filepath.Join(spares, e.Name()))
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return
	}
	if len(keep) == 0 {
		os.Remove(spares)
		return
	}
	if err := os.MkdirAll(spares, 0o755); err != nil {
		return
	}
	for name := range keep {
		cur, spare := filepath.Join(out, name), filepath.Join(spares, name)
		fi, err := os.Lstat(cur)
		if err != nil || !fi.Mode().IsRegular() || spareLinks(fi) != 1 {
			continue
		}
		// A spare left unclaimed (its writer found it after another
		// had been made, or this run skipped the report) goes first.
		os.Remove(spare)
		os.Link(cur, spare)
	}
}
