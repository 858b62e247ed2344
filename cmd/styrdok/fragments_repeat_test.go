package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/styrdok/styrdok/corpus"
)

// TestRunFragmentsKeptRunAfterRun: one-file re-runs, one after another,
// each with another file changed and another number of workers, keep
// the last run's fragment of every other document in every part: a
// fragment's key must not depend on the order in which the workers
// finish, on the run before, or on anything but the document and the
// run's context. Session 18 saw ~4 in 40 one-file re-runs render nearly
// every document again; the only cause found (session 19) is the
// corpus given by another spelling of its path (relative, then
// absolute), which changes every document's file name, and with it
// every row: rendering them again is then right, and the last step
// shows it (a run under the other spelling renders every document, the
// one after it none).
//
// The count is read off the fragments files: a re-run appends the
// fragments it rendered after the last run's and indexes the kept ones
// where they are, so the index entries at or past the last run's end
// are the rendered ones.
func TestRunFragmentsKeptRunAfterRun(t *testing.T) {
	tmp := t.TempDir()
	tree := filepath.Join(tmp, "c")
	files := generatedTree(t, tree, 40, 7)
	out := filepath.Join(tmp, "out")
	frags := filepath.Join(out, corpus.DefaultStoreName+".fragments")
	parts := []string{"evidence.csv.frag", "actions.csv.frag", "documents.jsonl.frag", "report.html.frag", "evidence-sheet.frag", "actions-sheet.frag"}
	run := func(name, tree string, workers int) {
		t.Helper()
		code, stderr := runStyrdok(t, "run", "--quiet", "--timeout", "30m", "--as-of", "2026-01-01",
			"--workers", strconv.Itoa(workers), "--out", out, tree)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr)
		}
	}
	// ends[p]: where part p's fragments ended after the last run.
	ends := make([]int64, len(parts))
	rendered := func(name string) []int {
		t.Helper()
		n := make([]int, len(parts))
		for p, part := range parts {
			entries, end := fragIndexOf(t, filepath.Join(frags, part))
			for _, off := range entries {
				if off >= ends[p] {
					n[p]++
				}
			}
			if len(entries) != len(files) {
				t.Errorf("%s: %s indexes %d documents, want %d", name, part, len(entries), len(files))
			}
			ends[p] = end
		}
		return n
	}
	run("cold", tree, 2)
	rendered("cold")
	for k, workers := range []int{1, 4, 2, 3, 1, 4} {
		appendLine(t, files[(k*11+3)%len(files)], fmt.Sprintf("Kommunen ska erbjuda samhällsorientering på modersmål, steg %d.", k))
		name := fmt.Sprintf("re-run %d (%d workers)", k+1, workers)
		run(name, tree, workers)
		for p, n := range rendered(name) {
			if n != 1 {
				t.Errorf("%s: %s: %d documents rendered again, want the changed one", name, parts[p], n)
			}
		}
	}
	fresh := filepath.Join(tmp, "fresh")
	if code, stderr := runStyrdok(t, "run", "--quiet", "--timeout", "30m", "--as-of", "2026-01-01", "--out", fresh, tree); code != exitOK {
		t.Fatalf("cold run: exit %d\n%s", code, stderr)
	}
	sameOutputs(t, fresh, out)

	// The same corpus by a relative path: every file name, so every
	// row, changes; then the same again renders nothing.
	t.Chdir(tmp)
	appendLine(t, files[0], "En mening till.")
	run("relative path", "c", 2)
	for p, n := range rendered("relative path") {
		if n != len(files) {
			t.Errorf("relative path: %s: %d documents rendered, want all %d (their file names changed)", parts[p], n, len(files))
		}
	}
	appendLine(t, files[1], "En mening till.")
	run("relative path again", "c", 3)
	for p, n := range rendered("relative path again") {
		if n != 1 {
			t.Errorf("relative path again: %s: %d documents rendered again, want the changed one", parts[p], n)
		}
	}
}

// fragIndexOf is the offsets of the fragments a fragments file indexes
// and where its fragments end (reports/fragments.go's layout: the
// fragments, the index of 56-byte entries, key first then the offset,
// and a 64-byte trailer whose count and index offset follow the magic
// and format).
func fragIndexOf(t *testing.T, path string) (offs []int64, end int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const entrySize, trailerSize = 56, 64
	if len(b) < trailerSize || string(b[len(b)-trailerSize:][:8]) != "STYRFRAG" {
		t.Fatalf("%s: not a fragments file", path)
	}
	tr := b[len(b)-trailerSize:]
	le := binary.LittleEndian
	count, indexOff := int(le.Uint32(tr[12:])), int64(le.Uint64(tr[16:]))
	if indexOff+int64(count*entrySize) != int64(len(b)-trailerSize) {
		t.Fatalf("%s: the index does not fit the file", path)
	}
	for k := range count {
		offs = append(offs, int64(le.Uint64(b[indexOff+int64(k*entrySize)+32:])))
	}
	return offs, indexOff
}

// appendLine appends line as a paragraph of its own to the file at path.
func appendLine(t *testing.T, path, line string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n" + line + "\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
