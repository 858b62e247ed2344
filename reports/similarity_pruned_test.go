package reports

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestSweepRows: sweepRows gives each row's pairs with a positive
// figure, each once, with prunedDot's figure to the bit, for any number
// of workers and block size (one row a block, fewer rows than workers,
// blocks of several rows).
func TestSweepRows(t *testing.T) {
	m := runVecs(genreCorpus(200, 9))
	sv := pruneVectors(m, defaultSearch())
	n := m.len()
	type pair struct{ a, j int }
	for _, rows := range [][]int{{7}, {3, 150, 199}, {0, 1, 2, 3, 4, 5, 6, 8, 40, 41, 42}} {
		want := map[pair]float32{}
		for _, a := range rows {
			for j := range n {
				if s := prunedDot64(sv, a, j); j != a && s > 0 {
					want[pair{a, j}] = float32(s)
				}
			}
		}
		if len(want) < len(rows) {
			t.Fatalf("rows %v: %d pairs: the case tests nothing", rows, len(want))
		}
		for _, workers := range []int{1, 2, 5} {
			for _, block := range []int{1, 4, sweepBlock} {
				var mu sync.Mutex
				got := map[pair]float32{}
				sweepRowsIn(sv, rows, workers, block, func(a, j int, s float32) {
					mu.Lock()
					defer mu.Unlock()
					if _, twice := got[pair{a, j}]; twice {
						t.Errorf("rows %v, %d workers, blocks of %d: pair %d, %d given twice", rows, workers, block, a, j)
					}
					got[pair{a, j}] = s
				})
				if len(got) != len(want) {
					t.Fatalf("rows %v, %d workers, blocks of %d: %d pairs, want %d", rows, workers, block, len(got), len(want))
				}
				for k, s := range want {
					if got[k] != s {
						t.Fatalf("rows %v, %d workers, blocks of %d: pair %v: %v, prunedDot %v", rows, workers, block, k, got[k], s)
					}
				}
			}
		}
	}
}

// TestSweepRowsMemory: the rows of a re-run that affects a fifth of the
// documents (a common term's document frequency moved) are computed
// without the pruned index of the corpus, which with its packed terms
// was made for more than 16 rows and was the peak of such a re-run
// (100 MB at 50,000 documents; docs/benchmarks.md, session 17): sweepRows
// allocates less than half of what the index takes to make, and the
// incremental search gives the cold search's result. Allocation is
// measured (runtime.MemStats), not time.
func TestSweepRowsMemory(t *testing.T) {
	const n = 1000
	bags := genreCorpus(n, 7)
	p := defaultSearch()
	old := &simState{hashes: bagHashes(bags), df: termDF(runVecs(bags))}
	searchState(searchCold(runVecs(bags), 2, p), old, p)
	changed := slices.Clone(bags)
	changed[7] = addTerm(addTerm(bags[7], "zzz-ny", 1), stemOutside(bags, 0.2, 7), 2)
	m := runVecs(changed)
	aff, affected, err := affectedDocs(old, bagHashes(changed), termDF(m), func(i int) (analysis.TermBag, error) { return changed[i], nil })
	if err != nil {
		t.Fatal(err)
	}
	if affected < 100 || float64(affected) > maxAffected*n {
		t.Fatalf("%d of %d documents affected: the test needs many rows and the incremental path", affected, n)
	}
	var rows []int
	for i, a := range aff {
		if a {
			rows = append(rows, i)
		}
	}
	sv := pruneVectors(m, p)
	alloc := func(fn func()) uint64 {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	var pairs atomic.Int64 // emit is called on each worker's goroutine
	sweep := alloc(func() { sweepRows(sv, rows, 2, func(int, int, float32) { pairs.Add(1) }) })
	index := alloc(func() { newPrunedIndexRows(packRows(sv), sv.terms, sv) })
	if pairs.Load() == 0 || sweep > index/2 {
		t.Errorf("%d rows (%d pairs) allocate %d bytes; the index and its packed terms %d", len(rows), pairs.Load(), sweep, index)
	}
	t.Logf("%d rows of %d documents: %d pairs, %d bytes allocated; the index %d", len(rows), n, pairs.Load(), sweep, index)

	got, _, _ := searchIncremental(runVecs(changed), old, aff, 2, p)
	cold := searchCold(runVecs(changed), 2, p)
	cold.extra, got.extra = nil, nil
	if !slices.Equal(got.pairs, cold.pairs) || !slices.Equal(got.sims, cold.sims) {
		t.Fatal("the incremental search's pairs differ from the cold search's")
	}
}
