package reports

import (
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestColdTop: the cold search's index in blocks (coldIndex: a
// document as its offset in its block) gives prunedTop's lists to the
// bit, with one block or several (the rows then read the later blocks'
// postings whole), for any number of workers.
func TestColdTop(t *testing.T) {
	m := runVecs(genreCorpus(400, 5))
	p := defaultSearch()
	sv := pruneVectors(m, p)
	want := prunedTop(sv, newPrunedIndex(sv), 2, p.depth)
	rows := packRows(sv)
	for _, per := range []int{blockDocs, 400, 150, 97} {
		ix := newColdWeights(rows, sv.terms, sv, per)
		ix.fillDocs(rows)
		if blocks := (400 + per - 1) / per; len(ix.start) != blocks {
			t.Fatalf("%d documents a block: %d blocks, want %d", per, len(ix.start), blocks)
		}
		for _, w := range []int{1, 3} {
			if got := coldTop(rows, sv.terms, ix, w, p.depth); !reflect.DeepEqual(got, want) {
				t.Fatalf("%d documents a block, %d workers: other lists than prunedTop's", per, w)
			}
		}
	}
}

// TestColdSearchMemory: the cold search (searchColdBlocks) holds less
// than searchCold did for the same result, in its two largest steps at
// 50,000 documents (docs/benchmarks.md, session 17):
//
//   - its index names a document in 2 bytes where prunedIndex took 4
//     (the weights, 4 bytes, are the same);
//   - the vectors weighed again for the scoring are packed (vecSet.packed:
//     about 2.4 bytes a term) where they were a head of 8 bytes a term
//     and a tail of 3.
//
// Allocation is measured (runtime.MemStats), not time; the results are
// those of searchCold on vectors kept whole, to the bit.
func TestColdSearchMemory(t *testing.T) {
	const n = 1000
	bags := genreCorpus(n, 11)
	p := defaultSearch()
	bag := func(i int) analysis.TermBag { return bags[i] }

	whole := runVecs(bags)
	sv := pruneVectors(whole, p)
	rows := packRows(sv)
	entries := len(sv.idx)
	var ix *coldIndex
	var pix *prunedIndex
	coldBytes := allocated(func() { ix = newColdWeights(rows, sv.terms, sv, blockDocs); ix.fillDocs(rows) })
	prunedBytes := allocated(func() { pix = newPrunedIndexRows(rows, sv.terms, sv) })
	if len(ix.doc[0]) != entries || len(pix.doc) != entries {
		t.Fatalf("%d and %d postings, the vectors have %d terms", len(ix.doc[0]), len(pix.doc), entries)
	}
	if coldBytes+uint64(entries)*3/2 > prunedBytes {
		t.Errorf("the index in blocks allocates %d bytes, prunedIndex %d, for %d postings: want 2 bytes a posting less", coldBytes, prunedBytes, entries)
	}

	// the vectors for the scoring, weighed again: packed
	m := weighedVecs(n, documentFrequencies(n, bag), bag, true)
	var again, full *vecSet[float32]
	againBytes := allocated(func() { again = m.reweigh(nil) })
	fullBytes := allocated(func() { full = buildVecs[float32](n, bag, vectorTerms, p.maxDFShare) })
	if !again.packed {
		t.Fatal("the vectors weighed again for the scoring are not packed")
	}
	if againBytes+3*uint64(len(full.idx)) > fullBytes {
		t.Errorf("weighed again, the vectors allocate %d bytes, whole %d (%d head and %d tail terms): want at least 3 bytes a head term less",
			againBytes, fullBytes, len(full.idx), len(full.tidx))
	}
	for d := range n {
		gi, gv := again.full(d, nil, nil)
		wi, wv := full.full(d, nil, nil)
		if !reflect.DeepEqual(gi, wi) || !reflect.DeepEqual(gv, wv) {
			t.Fatalf("document %d: the packed vector differs from the whole one", d)
		}
	}

	// the scoring step: the packed vectors are let go (reweigh, none
	// weighed) before the figures are made float64s, and while they are
	// held the figures are 2 bytes a pair (scoreTenThousandths): the live
	// heap when they go is at most the packed vectors and 3 bytes a pair
	// over what it was before they were weighed (main: they were never
	// let go; holding float64 figures beside them is 8 bytes a pair)
	var calls []func(d int) bool
	var heaps []uint64
	reweigh := m.reweigh
	m.reweigh = func(want func(d int) bool) *vecSet[float32] {
		if len(calls) < 2 {
			heaps = append(heaps, liveHeap())
		}
		calls = append(calls, want)
		return reweigh(want)
	}
	want := searchCold(whole, 2, p)
	got := searchColdBlocks(m, 2, p)
	if !m.packed {
		t.Fatal("searchColdBlocks did not let go of the search's vectors (no reweigh)")
	}
	if len(calls) != 2 || calls[0] != nil || calls[1] == nil || !m.partial || len(m.rows) != n || m.rows[0] != nil {
		t.Fatalf("reweigh called %d times: want twice, for all then none (the packed vectors let go after the scoring)", len(calls))
	}
	pairs := uint64(len(got.pairs))
	if over := int64(heaps[1]) - int64(heaps[0]); over > int64(againBytes+3*pairs) {
		t.Errorf("when the packed vectors (%d bytes) are let go the live heap is %d bytes over its size before they were weighed: more than they and 3 bytes a pair (%d pairs)", againBytes, over, pairs)
	} else {
		t.Logf("scoring: live heap at the vectors' release %d bytes over, packed %d, %d pairs", over, againBytes, pairs)
	}
	m.reweigh = reweigh
	if !reflect.DeepEqual(got, want) {
		t.Fatal("searchColdBlocks differs from searchCold on whole vectors")
	}
	wt, wd := settle(whole, want, 2)
	gt, gd := settle(m, got, 2)
	if !reflect.DeepEqual(gt, wt) || !reflect.DeepEqual(gd, wd) {
		t.Fatal("the peers and near duplicates differ on packed vectors")
	}
	t.Logf("index: %d bytes in blocks, %d prunedIndex (%d postings); vectors weighed again: %d bytes packed, %d whole (%d head, %d tail terms)",
		coldBytes, prunedBytes, entries, againBytes, fullBytes, len(full.idx), len(full.tidx))
}

// TestVecPacked: the packed vectors (vecPacked, the scoring's) read back
// the terms and weights of the whole ones, to the last bit, for counts
// under and over a byte's range, gaps of one byte and more, vectors cut
// to their heaviest terms and a document with no head term; and pairs
// score the same on either.
func TestVecPacked(t *testing.T) {
	bags := commonAndRareBags(rand.New(rand.NewPCG(9, 10)), 150, "w%05d", 600)
	bags = append(bags, bagOf(map[string]int{"c1": 3, "c2": 1})) // only common terms: no head
	n := len(bags)
	bag := func(i int) analysis.TermBag { return bags[i] }
	var pairs [][2]int32
	for a := range n {
		for b := a + 1; b < n; b++ {
			pairs = append(pairs, [2]int32{int32(a), int32(b)})
		}
	}
	for _, maxTerms := range []int{0, 12} {
		whole := buildVecsSome[float32](n, documentFrequencies(n, bag), bag, maxTerms, 0.5, nil, vecWhole)
		packed := buildVecsSome[float32](n, documentFrequencies(n, bag), bag, maxTerms, 0.5, nil, vecPacked)
		if !packed.packed || len(packed.pover) == 0 || len(whole.tidx) == 0 {
			t.Fatalf("maxTerms %d: packed %v, %d counts over a byte, %d tail entries: the test tests nothing", maxTerms, packed.packed, len(packed.pover), len(whole.tidx))
		}
		multi := false
		for d := range n {
			gi, gv := packed.full(d, nil, nil)
			wi, wv := whole.full(d, nil, nil)
			if !reflect.DeepEqual(gi, wi) || !reflect.DeepEqual(gv, wv) {
				t.Fatalf("maxTerms %d doc %d: packed %v %v, whole %v %v", maxTerms, d, gi, gv, wi, wv)
			}
			for k := 1; k < len(gi); k++ {
				multi = multi || gi[k]-gi[k-1] >= 0x80
			}
		}
		if !multi {
			t.Fatalf("maxTerms %d: no gap of two bytes", maxTerms)
		}
		if got, want := scorePairs(packed, pairs, 3), scorePairs(whole, pairs, 2); !reflect.DeepEqual(got, want) {
			t.Fatalf("maxTerms %d: the pairs score otherwise on packed vectors", maxTerms)
		}
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestColdHeadCounts: the cold search's vectors (weighedVecs for the
// search, form vecHead) keep the head's counts, a byte a term, not its
// weights, 4 bytes (vecSet.hcnt): they allocate at least 3 bytes a head
// term less than the whole vectors' head (8 bytes a term) and tail, and every weight read back (headVals, the search's
// newColdWeights) is the whole vectors' to the bit, counts over a byte
// included; and the search's lists and figures are those of the whole
// vectors.
func TestColdHeadCounts(t *testing.T) {
	bags := commonAndRareBags(rand.New(rand.NewPCG(23, 1)), 600, "h%04d", 900)
	n := len(bags)
	bag := func(i int) analysis.TermBag { return bags[i] }
	var m, whole *vecSet[float32]
	headBytes := allocated(func() { m = weighedVecs(n, documentFrequencies(n, bag), bag, true) })
	wholeBytes := allocated(func() {
		whole = buildVecsSome[float32](n, documentFrequencies(n, bag), bag, vectorTerms, defaultSearch().maxDFShare, nil, vecWhole)
	})
	if cap(m.val) != 0 || len(m.hcnt) != len(m.idx) || len(m.hover) == 0 {
		t.Fatalf("the head: %d weights kept, %d counts for %d terms, %d over a byte: want counts only, some over a byte", len(m.val), len(m.hcnt), len(m.idx), len(m.hover))
	}
	if !reflect.DeepEqual(m.idx, whole.idx) || !reflect.DeepEqual(m.start, whole.start) {
		t.Fatal("the head's terms differ from the whole vectors'")
	}
	if headBytes+3*uint64(len(m.idx)) > wholeBytes { // and the tail's 3 bytes a term, less the counts over a byte's maps
		t.Errorf("the search's vectors allocate %d bytes, the whole ones %d (%d head, %d tail terms): want 3 bytes a head term less", headBytes, wholeBytes, len(m.idx), len(whole.tidx))
	}
	t.Logf("%d head terms (%d over a byte): %d bytes as counts, %d whole", len(m.idx), len(m.hover), headBytes, wholeBytes)
	for d := range n {
		if got := m.headVals(d, nil); !reflect.DeepEqual(got, whole.val[whole.start[d]:whole.start[d+1]]) {
			t.Fatalf("document %d: the head's weights read from its counts differ from the kept ones", d)
		}
	}
	p := defaultSearch()
	sw, sm := pruneVectors(whole, p), pruneVectors(m, p)
	if sm.val != nil || sm.weight == nil {
		t.Fatal("the search vectors of counts hold weights")
	}
	rows := packRows(sw)
	iw, im := newColdWeights(rows, sw.terms, sw, blockDocs), newColdWeights(rows, sm.terms, sm, blockDocs)
	if !reflect.DeepEqual(iw.w, im.w) || !reflect.DeepEqual(sw.scale, sm.scale) {
		t.Fatal("the index's weights made from the counts differ from those made from the weights")
	}
	if got, want := searchColdBlocks(m, 2, p), searchCold(whole, 2, p); !reflect.DeepEqual(got, want) {
		t.Fatal("the cold search on counts differs from the one on whole vectors")
	}
}
