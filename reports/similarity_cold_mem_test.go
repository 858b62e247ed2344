package reports

import (
	"math/rand/v2"
	"reflect"
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

	want := searchCold(whole, 2, p)
	got := searchColdBlocks(m, 2, p)
	if !m.packed {
		t.Fatal("searchColdBlocks did not let go of the search's vectors (no reweigh)")
	}
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
