package corpus

import (
	"path/filepath"
	"reflect"
	"testing"
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
