package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// pageSize is the page size of the store's file.
func pageSize(t *testing.T, st *Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`PRAGMA page_size`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStorePageSize: a new store gets storePageSize pages; a store made
// with SQLite's default 4 KB pages, as styrdok made them before, keeps
// them when opened again, and a run over it re-uses every analysis with
// the same results as a run over a new store.
func TestStorePageSize(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no corpus texts")
	}
	dir := t.TempDir()
	fresh, err := OpenStore(filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want := runOnce(t, fresh, a, files)
	if n := pageSize(t, fresh); n != storePageSize {
		t.Fatalf("a new store has %d-byte pages, want %d", n, storePageSize)
	}

	oldPath := filepath.Join(dir, "old.db")
	old, err := openStore(oldPath, 4096)
	if err != nil {
		t.Fatal(err)
	}
	runOnce(t, old, a, files)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	old, err = OpenStore(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n := pageSize(t, old); n != 4096 {
		t.Fatalf("a store of 4096-byte pages has %d-byte pages once opened again", n)
	}
	got := runOnce(t, old, a, files)
	if got.Stats.Reused != len(files) {
		t.Fatalf("stats %+v over the 4 KB store, want every file re-used", got.Stats)
	}
	if len(got.Documents) != len(want.Documents) {
		t.Fatalf("%d documents over the 4 KB store, %d over a new one", len(got.Documents), len(want.Documents))
	}
	for i, d := range got.Documents {
		w := want.Documents[i]
		if d.File != w.File || d.Words != w.Words || !reflect.DeepEqual(d.Themes, w.Themes) {
			t.Errorf("%s: the analysis re-used from the 4 KB store differs from the new store's", d.File)
		}
	}
}

// TestStoreWALBounded: the writer checkpoints when the WAL holds about
// walCheckpointBytes, not SQLite's default 1,000 pages (64 MB with
// storePageSize): what a power cut can take back stays that small.
func TestStoreWALBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	st, w := openRunWriter(t, path, storePageSize, "test")
	defer st.Close()
	w.BatchSize = 1 // a commit per record: a checkpoint can follow any of them
	line := strings.Repeat("En mening om etablering och språk. ", 30) + "\n"
	const records, textBytes = 400, 32 << 10
	for i := range records {
		text := fmt.Sprintf("Dokument %d\n\n%s", i, strings.Repeat(line, textBytes/len(line)))
		doc, err := ingest.Parse(fmt.Sprintf("d%d.txt", i), []byte(text), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Add(&Record{Path: doc.Path, Size: int64(len(text)), SHA256: doc.SHA256, Text: doc}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	// The WAL is reused from its start after a checkpoint, not shrunk:
	// its size is the most it held, a checkpoint's worth and one commit.
	if written, bound := int64(records*textBytes), int64(walCheckpointBytes+4*storePageSize); written < 2*bound || fi.Size() > bound {
		t.Fatalf("WAL of %d bytes after writing %d, want at most %d", fi.Size(), written, bound)
	}
}

// openRunWriter opens a new store of pageSize pages at path and begins a
// run of pipeline version v, codebook "cb": the store and the run's
// writer. The caller closes the store.
func openRunWriter(tb testing.TB, path string, pageSize int, v string) (*Store, *StoreWriter) {
	tb.Helper()
	st, err := openStore(path, pageSize)
	if err != nil {
		tb.Fatal(err)
	}
	key := AnalysisKey{PipelineVersion: v, CodebookHash: "cb"}
	id, err := st.BeginRun(key, 1, v)
	if err != nil {
		st.Close()
		tb.Fatal(err)
	}
	return st, st.Writer(id, key)
}
