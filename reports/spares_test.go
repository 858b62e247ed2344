package reports

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/styrdok/styrdok/corpus"
)

func writeTestFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameInode(t *testing.T, a, b string) bool {
	t.Helper()
	fa, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(fa, fb)
}

// TestSpares: a large report replaced by a run is kept as a spare, the
// next writer of that report writes over it (the same file, cut to what
// was written), small reports and files with another link are never
// spares, and spares of reports no longer written go.
func TestSpares(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("spares need the link count (linux)")
	}
	base := t.TempDir()
	out, spares, staging := filepath.Join(base, "out"), filepath.Join(base, "out", SparesFolder), filepath.Join(base, "out", ".staging")
	for _, d := range []string{out, spares, staging} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	big := bytes.Repeat([]byte("x"), spareMinSize+1)
	writeTestFile(t, filepath.Join(out, "big.csv"), big)
	writeTestFile(t, filepath.Join(out, "small.csv"), []byte("a\n"))
	writeTestFile(t, filepath.Join(out, "linked.csv"), big)
	if err := os.Link(filepath.Join(out, "linked.csv"), filepath.Join(base, "backup-linked.csv")); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(spares, "gone.csv"), big)
	KeepSpares(out, spares, []corpus.OutputFile{{Name: "big.csv", Size: int64(len(big))}, {Name: "small.csv", Size: 2},
		{Name: "linked.csv", Size: int64(len(big))}})
	entries, err := os.ReadDir(spares)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "big.csv" {
		t.Fatalf("spares %v, want big.csv alone", entries)
	}
	if !sameInode(t, filepath.Join(spares, "big.csv"), filepath.Join(out, "big.csv")) {
		t.Fatal("the spare is not the replaced report's file")
	}
	oldBig, _ := os.Stat(filepath.Join(out, "big.csv"))
	// The run's report replaces the kept one in out (publish): the spare
	// is then the old file's only name.
	writeTestFile(t, filepath.Join(base, "new-big.csv"), []byte("new\n"))
	if err := os.Rename(filepath.Join(base, "new-big.csv"), filepath.Join(out, "big.csv")); err != nil {
		t.Fatal(err)
	}

	content := "a,b\n1,2\n"
	written, err := writeFileOver(filepath.Join(staging, "big.csv"), spares, func(w io.Writer) error { _, err := io.WriteString(w, content); return err })
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, staging, []corpus.OutputFile{written}, "big.csv")
	if got, _ := os.ReadFile(filepath.Join(staging, "big.csv")); string(got) != content {
		t.Fatalf("written over the spare: %d bytes, want %q", len(got), content)
	}
	if now, _ := os.Stat(filepath.Join(staging, "big.csv")); !os.SameFile(now, oldBig) {
		t.Error("the writer made a new file instead of writing over the spare")
	}
	if _, err := os.Lstat(filepath.Join(spares, "big.csv")); err == nil {
		t.Error("the spare taken is still in the spares folder")
	}
	if left, _ := filepath.Glob(filepath.Join(staging, ".*.tmp*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}

	// A spare given another name since it was kept is not written over.
	writeTestFile(t, filepath.Join(spares, "other.csv"), big)
	if err := os.Link(filepath.Join(spares, "other.csv"), filepath.Join(base, "backup-other.csv")); err != nil {
		t.Fatal(err)
	}
	if _, err := writeFileOver(filepath.Join(staging, "other.csv"), spares, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(base, "backup-other.csv")); !bytes.Equal(got, big) {
		t.Error("a file with another link was written over")
	}
	if got, _ := os.ReadFile(filepath.Join(staging, "other.csv")); string(got) != content {
		t.Errorf("other.csv: %d bytes, want %q", len(got), content)
	}
}

// TestSparesReRuns: reports written over the spares of earlier runs are
// byte for byte the reports written into new files, run after run, also
// when a report shrinks (the spare is longer) or grows.
func TestSparesReRuns(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("spares need the link count (linux)")
	}
	base, docs := bundledFull(t, 3)
	out := t.TempDir()
	spares := filepath.Join(out, SparesFolder)
	frags := filepath.Join(t.TempDir(), "fragments")
	reused := 0
	// Fewer documents, then more: every report shrinks, then grows.
	for run, n := range []int{len(docs), len(docs) / 2, len(docs), len(docs)} {
		r, _ := fragmentsReport(t, base, docs[:n], frags, "2026-11-30")
		want := outputsOf(t, r)
		r.Spares = spares
		staging, err := os.MkdirTemp(out, ".staging")
		if err != nil {
			t.Fatal(err)
		}
		before := map[string]os.FileInfo{}
		if entries, err := os.ReadDir(spares); err == nil {
			for _, e := range entries {
				fi, _ := os.Stat(filepath.Join(spares, e.Name()))
				before[e.Name()] = fi
			}
		}
		written, err := WriteAll(staging, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range written {
			if fi, ok := before[w.Name]; ok {
				now, _ := os.Stat(filepath.Join(staging, w.Name))
				if !os.SameFile(fi, now) {
					t.Errorf("run %d: %s was not written over its spare", run, w.Name)
				}
				reused++
			}
		}
		keepSpares(out, spares, written, 0)
		for _, w := range written {
			if err := os.Rename(filepath.Join(staging, w.Name), filepath.Join(out, w.Name)); err != nil {
				t.Fatal(err)
			}
		}
		os.Remove(staging)
		got := map[string][]byte{}
		for _, w := range written {
			if got[w.Name], err = os.ReadFile(filepath.Join(out, w.Name)); err != nil {
				t.Fatal(err)
			}
		}
		sameFiles(t, "run over spares", got, want)
	}
	if reused == 0 {
		t.Fatal("no report was written over a spare")
	}
}

// TestSparesFolderUnusable: a spares path that is not a folder keeps no
// spares and stops no writer.
func TestSparesFolderUnusable(t *testing.T) {
	out := t.TempDir()
	spares := filepath.Join(out, SparesFolder)
	writeTestFile(t, spares, []byte("a file, not a folder"))
	big := bytes.Repeat([]byte("y"), spareMinSize)
	writeTestFile(t, filepath.Join(out, "big.csv"), big)
	KeepSpares(out, spares, []corpus.OutputFile{{Name: "big.csv", Size: int64(len(big))}})
	if got, _ := os.ReadFile(spares); string(got) != "a file, not a folder" {
		t.Fatal("the file in the spares folder's place was changed")
	}
	staging := t.TempDir()
	written, err := writeFileOver(filepath.Join(staging, "big.csv"), spares, func(w io.Writer) error { _, err := w.Write(big[:10]); return err })
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, staging, []corpus.OutputFile{written}, "big.csv")
}
