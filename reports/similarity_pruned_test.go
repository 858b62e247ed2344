package reports

import (
	"reflect"
	"sync"
	"testing"
)

// TestDirectRowsAsPrunedRows: directRows (a few rows on the search
// vectors) gives each row's pairs with the figures prunedRows gives
// through the index, to the bit, for any number of workers and rows
// (fewer rows than workers too), and each row once (shareRows).
func TestDirectRowsAsPrunedRows(t *testing.T) {
	m := runVecs(genreCorpus(200, 9))
	sv := pruneVectors(m, defaultSearch())
	ix, terms := newPrunedIndex(sv), packRows(sv)
	type pair struct{ a, j int }
	for _, rows := range [][]int{{7}, {3, 150, 199}, {0, 1, 2, 3, 4, 5, 6, 8, 40, 41, 42}} {
		for _, workers := range []int{1, 2, 5} {
			var mu sync.Mutex
			direct, viaIndex := map[pair]float32{}, map[pair]float32{}
			put := func(into map[pair]float32, a, j int, s float32) {
				mu.Lock()
				defer mu.Unlock()
				if _, twice := into[pair{a, j}]; twice {
					t.Errorf("rows %v, %d workers: pair %d, %d given twice", rows, workers, a, j)
				}
				into[pair{a, j}] = s
			}
			directRows(sv, rows, workers, func(a, j int, s float32) { put(direct, a, j, s) })
			prunedRows(terms, ix, rows, workers, func(_, a, j int, s float32) { put(viaIndex, a, j, s) })
			if len(direct) < len(rows) || !reflect.DeepEqual(direct, viaIndex) {
				t.Fatalf("rows %v, %d workers: directRows gave %d pairs, prunedRows %d, not the same", rows, workers, len(direct), len(viaIndex))
			}
		}
	}
}
