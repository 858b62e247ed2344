package reports

import (
	"reflect"
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
	c := commonTermChange(t, n, 100)
	p, old, changed, m, aff := c.p, c.old, c.changed, c.whole, c.aff
	var rows []int
	for i, a := range aff {
		if a {
			rows = append(rows, i)
		}
	}
	sv := pruneVectors(m, p)
	var pairs atomic.Int64 // emit is called on each worker's goroutine
	sweep := allocated(func() { sweepRows(sv, rows, 2, func(int, int, float32) { pairs.Add(1) }) })
	index := allocated(func() { newPrunedIndexRows(packRows(sv), sv.terms, sv) })
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

// TestSearchIncrementalHeadLetGo: in a re-run affecting many documents
// (a common term's document frequency moved), the search vectors' head
// is let go once the rows are computed, before the candidate pairs are
// made. The head (8 bytes a term: 89 MB at 50,000 documents) was held
// beside the lists, the state's lists, the pairs being made (twice their
// size for a moment), their figures and the pairs to score: the largest
// live heap of such a re-run, whose peak RSS passed its 400 MB bound
// (docs/benchmarks.md, session 18). The live heap (runtime.MemStats
// after a collection) when the head is let go is measured, not time: it
// may hold, over the heap before the search, the lists and little else
// (the search vectors' bounds), not the pairs and their figures (on main
// 772 KB where the branch holds 591 and the bound is 654). The result is the one of vectors kept
// whole, and the cold search's.
func TestSearchIncrementalHeadLetGo(t *testing.T) {
	const n = 1000
	c := commonTermChange(t, n, 100)
	p, old, changed, whole, aff := c.p, c.old, c.changed, c.whole, c.aff
	want, _, _ := searchIncremental(whole, old, aff, 2, p)

	bag := func(i int) analysis.TermBag { return changed[i] }
	m := weighedVecs(n, documentFrequencies(n, bag), bag, true)
	m.weighHead() // as searchFrom does before searchIncremental: the head kept as counts (vecSet.hcnt) is the cold search's
	headBytes := 8 * len(m.idx)
	var before, atRelease runtime.MemStats
	released := false
	reweigh := m.reweigh
	m.reweigh = func(want func(d int) bool) *vecSet[float32] {
		if !released { // the first call lets the head go (want: none)
			released = true
			runtime.GC()
			runtime.ReadMemStats(&atRelease)
		}
		return reweigh(want)
	}
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, _, _ := searchIncremental(m, old, aff, 2, p)
	if !released {
		t.Fatal("the head was not let go (no reweigh)")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the incremental search on vectors let go differs from the one on whole vectors")
	}
	cold := searchCold(runVecs(changed), 2, p)
	if !slices.Equal(got.pairs, cold.pairs) || !slices.Equal(got.sims, cold.sims) {
		t.Fatal("the incremental search's pairs differ from the cold search's")
	}
	listBytes := int64(n * p.depth * 8) // the lists being made (prunedEntry: 8 bytes)
	pairBytes := int64(8 * len(got.pairs))
	over := int64(atRelease.HeapAlloc) - int64(before.HeapAlloc)
	if over > listBytes+pairBytes/4 { // main: the pairs, their figures, the lists' documents and the pairs to score, the lists gone
		t.Errorf("when the head (%d bytes) is let go the live heap is %d bytes over the search's start: more than the lists (%d) and a quarter of the pairs (%d bytes)", headBytes, over, listBytes, pairBytes)
	}
	t.Logf("head %d bytes; live heap at its release %d bytes over the start; lists %d, pairs %d", headBytes, over, listBytes, pairBytes)
}

// commonTermChange is the setup of the many-rows tests: n generated
// plans searched cold into a state, then one document gains a new stem
// and one found in a fifth of the documents, so that term's document
// frequency moves and about a fifth of the documents are affected. It
// fails the test unless at least minAffected documents (and no more than
// the incremental path takes) are affected.
type commonTermCase struct {
	p             searchParams
	bags, changed []analysis.TermBag
	old           *simState
	whole         *vecSet[float32]
	aff           []bool
	affected      int
}

func commonTermChange(t *testing.T, n, minAffected int) commonTermCase {
	t.Helper()
	c := commonTermCase{p: defaultSearch(), bags: genreCorpus(n, 7)}
	m := runVecs(c.bags)
	c.old = &simState{hashes: bagHashes(c.bags), df: termDF(m)}
	searchState(searchCold(m, 2, c.p), c.old, c.p)
	c.changed = slices.Clone(c.bags)
	c.changed[7] = addTerm(addTerm(c.bags[7], "zzz-ny", 1), stemOutside(c.bags, 0.2, 7), 2)
	c.whole = runVecs(c.changed)
	var err error
	c.aff, c.affected, err = affectedDocs(c.old, bagHashes(c.changed), termDF(c.whole), func(i int) (analysis.TermBag, error) { return c.changed[i], nil })
	if err != nil {
		t.Fatal(err)
	}
	if c.affected < minAffected || float64(c.affected) > maxAffected*float64(n) {
		t.Fatalf("%d of %d documents affected: the test needs %d or more rows and the incremental path", c.affected, n, minAffected)
	}
	return c
}
