package corpus

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/ingest"
)

// TestStoreKilledMidBatch is a process killed during a cold build: the
// store's files are copied as they are on disk while the writer's
// transaction holds more uncommitted records than its page cache
// (writerCacheKB), so that SQLite has spilled uncommitted pages into the
// WAL. Opened again, the copy must hold exactly the committed records and
// pass SQLite's integrity check: a later run trusts it (re-uses those
// records) and analyses the rest.
func TestStoreKilledMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("writes about 30 MB")
	}
	a := testAnalyzer(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus texts: %v", err)
	}
	type doc struct {
		text     *ingest.Document
		rec      *AnalysisRecord
		prepared []byte
	}
	var docs []doc
	for _, f := range files {
		d, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec := storeRecord(a.Analyze(d), &recordScratch{})
		rec.Data = append([]byte(nil), rec.Data...)
		docs = append(docs, doc{d, rec, s2.Encode(nil, rec.Data[:len(rec.Data)/3])})
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "styrdok.db")
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := AnalysisKey{PipelineVersion: "v", CodebookHash: "cb"}
	id, err := st.BeginRun(key, 2, "test")
	if err != nil {
		t.Fatal(err)
	}
	w := st.Writer(id, key)
	w.BatchSize, w.MaxDelay = 1<<30, time.Hour
	add := func(from, to int) {
		for i := from; i < to; i++ {
			d := docs[i%len(docs)]
			r := *d.rec
			rec := &Record{Path: fmt.Sprintf("/c/%d.txt", i), Size: int64(d.text.Size), SHA256: fmt.Sprintf("%064x", i),
				Text: d.text, Prepared: d.prepared, Analysis: &r}
			if err := w.Add(rec); err != nil {
				t.Fatal(err)
			}
		}
	}
	const committed = 150
	add(0, committed)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	walBefore := walSize(t, path+"-wal")
	// Uncommitted: enough bytes (texts, analyses) to overflow the cache.
	var pending int
	for pending = committed; walSize(t, path+"-wal") <= walBefore || pending < committed+100; pending += 50 {
		if pending > committed+5000 {
			t.Fatalf("the WAL did not grow during a transaction of %d records: no spill to test", pending-committed)
		}
		add(pending, pending+50)
	}
	t.Logf("%d committed, %d pending; WAL %d bytes after the commit, %d with pages spilled", committed, pending-committed, walBefore, walSize(t, path+"-wal"))
	crash := filepath.Join(dir, "crash")
	if err := os.Mkdir(crash, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} { // -shm is rebuilt from the WAL
		copyFile(t, path+suffix, filepath.Join(crash, "styrdok.db"+suffix))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}

	got, err := OpenStore(filepath.Join(crash, "styrdok.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	var check string
	if err := got.DB().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for _, table := range []string{"files", "texts", "prepared", "analyses", "analysis_data"} {
		var n int
		if err := got.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != committed {
			t.Errorf("%s: %d rows after a kill with %d committed and %d pending", table, n, committed, pending-committed)
		}
	}
	states, err := got.FileStates()
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != committed {
		t.Errorf("FileStates: %d files, want %d", len(states), committed)
	}
	hashes, err := got.AnalysedHashes(key)
	if err != nil {
		t.Fatal(err)
	}
	for i := range committed {
		if !hashes[fmt.Sprintf("%064x", i)] {
			t.Fatalf("committed record %d not analysed in the copy", i)
		}
		if _, err := got.LoadAnalysis(fmt.Sprintf("%064x", i), key); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
	if len(hashes) != committed {
		t.Errorf("%d analysed hashes, want %d", len(hashes), committed)
	}
}

func walSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
