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
	bags := genreCorpus(n, 7)
	p := defaultSearch()
	hashesOf := func(bags []analysis.TermBag) []uint64 {
		h := make([]uint64, len(bags))
		for i, b := range bags {
			h[i] = bagHash(b)
		}
		return h
	}
	m := runVecs(bags)
	old := &simState{hashes: hashesOf(bags), df: termDF(m)}
	searchState(searchCold(m, 2, p), old, p)

	// one document gains a new stem and one in a fifth of the documents:
	// that term's document frequency moves, so a fifth are affected
	changed := slices.Clone(bags)
	changed[7] = addTerm(addTerm(bags[7], "zzz-ny", 1), stemOutside(bags, 0.2, 7), 2)
	m2 := runVecs(changed)
	aff, affected, err := affectedDocs(old, hashesOf(changed), termDF(m2), func(i int) (analysis.TermBag, error) { return changed[i], nil })
	if err != nil {
		t.Fatal(err)
	}
	if affected < 8 || float64(affected) > maxAffected*n {
		t.Fatalf("%d of %d documents affected: the test needs several rows and the incremental path", affected, n)
	}
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
