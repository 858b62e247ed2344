package corpus

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestRecordFreeList: records and term bags given back are filled again
// by the next lookups and decodes (the same memory), a recycled bag's
// stems are cleared, records decoded into recycled memory equal ones
// decoded into fresh memory, and the list keeps no more than its bound.
func TestRecordFreeList(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	docs, _ := AnalyzeFiles(context.Background(), testAnalyzer(t), files, BatchOptions{Workers: 2})
	if len(docs) < 3 {
		t.Fatalf("%d documents", len(docs))
	}
	var recs [][]byte
	for i, d := range docs {
		recs = append(recs, encodeSummaryRecord(analysis.Summary(d), [32]byte{byte(i)}, nil))
	}
	var free recordFreeList
	for round := range 3 {
		for i, rec := range recs {
			buf := free.record(len(rec))
			if len(buf) != len(rec) {
				t.Fatalf("record(%d) has %d bytes", len(rec), len(buf))
			}
			copy(buf, rec)
			got, _, err := decodeSummaryRecord(buf, map[string]string{}, &free)
			if err != nil {
				t.Fatalf("round %d, record %d: %v", round, i, err)
			}
			want, _, err := decodeSummaryRecord(rec, map[string]string{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Terms, want.Terms) || got.Municipality != want.Municipality || len(got.Themes) != len(want.Themes) {
				t.Fatalf("round %d, record %d: decoded into recycled memory it differs", round, i)
			}
			stems := got.Terms.Stems
			free.put(buf, got.Terms)
			for k, st := range stems {
				if st != "" {
					t.Fatalf("round %d, record %d: stem %d (%q) not cleared when given back", round, i, k, st)
				}
			}
			// The buffer given back serves the next record that fits.
			if again := free.record(len(rec)); &again[0] != &buf[0] {
				t.Errorf("round %d, record %d: a buffer given back is not re-used", round, i)
			} else {
				free.put(again, analysis.TermBag{})
			}
		}
	}
	for range 2 * maxFreeRecords {
		free.put(make([]byte, 10), analysis.TermBag{Stems: make([]string, 1), Counts: make([]int32, 1)})
	}
	free.put(make([]byte, maxFreeRecordSize+1), analysis.TermBag{})
	if len(free.recs) > maxFreeRecords || len(free.stems) > maxFreeRecords {
		t.Errorf("%d records and %d bags kept; at most %d each", len(free.recs), len(free.stems), maxFreeRecords)
	}
	for _, b := range free.recs {
		if cap(b) > maxFreeRecordSize {
			t.Errorf("a record of %d bytes kept; at most %d", cap(b), maxFreeRecordSize)
		}
	}
	if b := free.record(maxFreeRecordSize + 1); len(b) != maxFreeRecordSize+1 {
		t.Errorf("a large record: %d bytes", len(b))
	}
}
