package corpus

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/s2"

	"github.com/styrdok/styrdok/ingest"
)

// BenchmarkStoreWrite writes a cold run's records into a fresh store, as
// Run's store goroutine does: the bundled corpus's texts with their
// prepared and full analyses (sealed first, as the workers do), under
// 400 distinct hashes a store, then closes it (the final checkpoint).
// One op is one store of 400 records. The sub-benchmarks are a store of
// SQLite's default 4 KB pages (as styrdok made them before session 12)
// and one of storePageSize pages (OpenStore's).
func BenchmarkStoreWrite(b *testing.B) {
	docs := storeBenchDocs(b)
	for _, pageSize := range []int{4096, storePageSize} {
		b.Run(fmt.Sprintf("page=%d", pageSize), func(b *testing.B) {
			benchmarkStoreWrite(b, pageSize, docs)
		})
	}
}

// storeBenchDocs are the bundled corpus's texts with their analysis
// records.
func storeBenchDocs(b *testing.B) []storeBenchDoc {
	a := testAnalyzer(b)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus texts: %v", err)
	}
	var docs []storeBenchDoc
	for _, f := range files {
		d, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		an := a.Analyze(d)
		rec := storeRecord(an, &recordScratch{})
		rec.Data = append([]byte(nil), rec.Data...)
		docs = append(docs, storeBenchDoc{text: d, rec: rec, prepared: s2.Encode(nil, rec.Data[:len(rec.Data)/3])})
	}
	return docs
}

// storeBenchDoc is one document BenchmarkStoreWrite stores: its text,
// its analysis record and, as its prepared analysis, a third of that
// S2-compressed (the store holds prepared analyses so).
type storeBenchDoc struct {
	text     *ingest.Document
	rec      *AnalysisRecord
	prepared []byte
}

func benchmarkStoreWrite(b *testing.B, pageSize int, docs []storeBenchDoc) {
	const records = 400
	dir := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		st, err := openStore(filepath.Join(dir, fmt.Sprintf("s%d.db", n)), pageSize)
		if err != nil {
			b.Fatal(err)
		}
		writeBenchRecords(b, st, docs, records)
	}
}

// BenchmarkStoreKeep writes what a run after a codebook change of terms
// writes for documents the change cannot touch (Record.KeptFrom): a
// store holds 400 analyses of codebook "cb"; one op keeps all 400 under
// a new codebook hash, in Run's batches. With schema 5 a kept row shares
// its base's bytes (analysis_data); before, each was a full copy.
func BenchmarkStoreKeep(b *testing.B) {
	a := testAnalyzer(b)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus texts: %v", err)
	}
	var recs []*AnalysisRecord
	for _, f := range files {
		d, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rec := storeRecord(a.Analyze(d), &recordScratch{})
		rec.Data = append([]byte(nil), rec.Data...)
		recs = append(recs, rec)
	}
	const records = 400
	st, err := OpenStore(filepath.Join(b.TempDir(), "s.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	write := func(cb string, rec func(i int) *Record) {
		key := AnalysisKey{PipelineVersion: "bench", CodebookHash: cb}
		id, err := st.BeginRun(key, 2, "bench")
		if err != nil {
			b.Fatal(err)
		}
		w := st.Writer(id, key)
		for i := range records {
			if err := w.Add(rec(i)); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	sha := func(i int) string { return fmt.Sprintf("%064x", i) }
	write("cb", func(i int) *Record {
		r := *recs[i%len(recs)]
		return &Record{Path: fmt.Sprintf("/c/%d.txt", i), SHA256: sha(i), Analysis: &r}
	})
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		write(fmt.Sprintf("cb%d", n), func(i int) *Record {
			return &Record{Path: fmt.Sprintf("/c/%d.txt", i), SHA256: sha(i), KeptFrom: "cb"}
		})
	}
}

// BenchmarkStoreRead reads what a run after a codebook change reads of
// each document (Store.LoadText and Store.LoadPrepared, batch.retagged):
// a store holds BenchmarkStoreWrite's 400 records; one op reads all of
// them back in an order unrelated to the one they were written in, as a
// run's files are to their content hashes. Sub-benchmarks as
// BenchmarkStoreWrite's: the page size weighs on reads too (a row is
// read a page at a time, through a 2 MB page cache).
func BenchmarkStoreRead(b *testing.B) {
	docs := storeBenchDocs(b)
	for _, pageSize := range []int{4096, 16384, 32768, storePageSize} {
		b.Run(fmt.Sprintf("page=%d", pageSize), func(b *testing.B) {
			const records = 400
			st, w := openRunWriter(b, filepath.Join(b.TempDir(), "s.db"), pageSize, "bench")
			defer st.Close()
			sha := func(i int) string { return fmt.Sprintf("%064x", i) }
			for i := range records {
				d := docs[i%len(docs)]
				r := *d.rec
				if err := w.Add(&Record{Path: fmt.Sprintf("/c/%d.txt", i), SHA256: sha(i), Text: d.text, Prepared: d.prepared, Analysis: &r}); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for k := range records {
					i := (k * 151) % records // 151 is prime to 400: every record once
					if _, err := st.LoadText(sha(i), "bench", "x.txt"); err != nil {
						b.Fatal(err)
					}
					if _, err := st.LoadPrepared(sha(i), "bench"); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// writeBenchRecords writes records analyses into st in one run (the
// bundled corpus's texts under distinct hashes), flushes and closes it.
func writeBenchRecords(b *testing.B, st *Store, docs []storeBenchDoc, records int) {
	b.Helper()
	key := AnalysisKey{PipelineVersion: "bench", CodebookHash: "cb"}
	id, err := st.BeginRun(key, 2, "bench")
	if err != nil {
		b.Fatal(err)
	}
	w := st.Writer(id, key)
	for i := range records {
		d := docs[i%len(docs)]
		r := *d.rec
		st.Seal(&r)
		sha := fmt.Sprintf("%064x", i)
		if err := w.Add(&Record{Path: fmt.Sprintf("/c/%d.txt", i), Size: int64(d.text.Size), SHA256: sha, Text: d.text, Prepared: d.prepared, Analysis: &r}); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
}
