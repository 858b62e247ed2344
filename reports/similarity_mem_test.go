package reports

import (
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestSearchIncrementalMemory: the incremental search's memory does not
// grow with its workers by a set of lists each (n·depth entries: 28 MB a
// worker at 50,000 documents, where a one-file re-run peaked above its
// bound; docs/benchmarks.md, session 15), and its result does not depend
// on them. Allocation is measured (runtime.MemStats), not time.
func TestSearchIncrementalMemory(t *testing.T) {
	const n = 1000
	// one document gains a new stem and one in a fifth of the documents:
	// that term's document frequency moves, so a fifth are affected
	c := commonTermChange(t, n, 8)
	p, old, m2, aff := c.p, c.old, c.whole, c.aff
	run := func(workers int) (*searched, uint64) {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r, _, _ := searchIncremental(m2, old, aff, workers, p)
		runtime.ReadMemStats(&after)
		return r, after.TotalAlloc - before.TotalAlloc
	}
	one, allocOne := run(1)
	four, allocFour := run(4)
	if !reflect.DeepEqual(one, four) {
		t.Fatal("the incremental search's result depends on its workers")
	}
	set := uint64(n * p.depth * 8) // one set of lists (prunedEntry: 8 bytes)
	if allocFour > allocOne+set/2 {
		t.Fatalf("4 workers allocate %d bytes, 1 worker %d: %d more, a set of lists is %d", allocFour, allocOne, allocFour-allocOne, set)
	}
	t.Logf("1 worker %d bytes, 4 workers %d; a set of lists %d", allocOne, allocFour, set)
}

// TestSearchIncrementalOneFileMemory: when one file changed (one
// document affected), the incremental search neither makes the pruned
// index nor weighs every vector again for the scoring: its rows are
// computed on the search vectors (sweepRows) and only the documents of
// the pairs it scores are weighed (scoreOn). Both were held at once
// beside the summaries and were the peak of a one-file re-run at 50,000
// documents, above its 400 MB bound (docs/benchmarks.md, session 16).
// Allocation is measured (runtime.MemStats), not time; the result is
// the one of vectors kept whole.
func TestSearchIncrementalOneFileMemory(t *testing.T) {
	const n = 1000
	bags := genreCorpus(n, 7)
	p := defaultSearch()
	old := &simState{hashes: bagHashes(bags), df: termDF(runVecs(bags))}
	searchState(searchCold(runVecs(bags), 2, p), old, p)

	// document 7 counts one of its stems once more: no document
	// frequency moves, so it alone is affected
	changed := slices.Clone(bags)
	changed[7] = addTerm(bags[7], bags[7].Stems[0], 1)
	whole := runVecs(changed)
	aff, affected, err := affectedDocs(old, bagHashes(changed), termDF(whole), func(i int) (analysis.TermBag, error) { return changed[i], nil })
	if err != nil {
		t.Fatal(err)
	}
	if affected != 1 {
		t.Fatalf("%d documents affected, want 1", affected)
	}
	want, _, _ := searchIncremental(whole, old, aff, 2, p)

	// what the search let go of on main: the vectors weighed again whole,
	// and the pruned index of their head (8 bytes a posting)
	vecBytes := 8*len(whole.idx) + 3*len(whole.tidx)
	indexBytes := 8 * len(whole.idx)

	reads := 0
	bag := func(i int) analysis.TermBag { reads++; return changed[i] }
	search := func() (*searched, int, int, uint64) {
		m := weighedVecs(n, documentFrequencies(n, bag), bag, true)
		if !m.headOnly || len(m.tidx) != 0 {
			t.Fatal("the search's vectors keep their tail")
		}
		reads = 0
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r, _, scored := searchIncremental(m, old, aff, 2, p)
		runtime.ReadMemStats(&after)
		return r, scored, reads, after.TotalAlloc - before.TotalAlloc
	}
	got, scored, again, alloc := search()
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the incremental search on vectors let go differs from the one on whole vectors")
	}
	if again == 0 || again > 2*scored+2 || again >= n {
		t.Errorf("%d bags read again for %d pairs scored: want the documents of those pairs only", again, scored)
	}
	// the rows' own allocation against the index's: TestSweepRowsMemory
	t.Logf("allocated %d bytes; whole vectors %d, index %d; %d bags read again for %d pairs", alloc, vecBytes, indexBytes, again, scored)
}

// bagHashes are the bags' hashes, as a run's state keeps them.
func bagHashes(bags []analysis.TermBag) []uint64 {
	h := make([]uint64, len(bags))
	for i, b := range bags {
		h[i] = bagHash(b)
	}
	return h
}
