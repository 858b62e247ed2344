package reports

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestVecsVocabularyMemory: weighing the vectors (buildVecsSome) holds
// one map of the vocabulary, the document frequencies it is given, made
// the vocabulary's index in place, not a second map beside it. Real
// plans' vocabulary grows with the corpus (22,393 stems in the 1,781
// texts of testdata/realtexts; docs/benchmarks.md, session 19), and both
// the cold search's first step and its scoring (vecSet.reweigh) weighed
// the vectors with the two maps held at once.
//
// The corpus here has a vocabulary of about 20,000 terms, most in one
// document, beside a few hundred shared ones. Allocation is measured
// (runtime.MemStats), not time: what buildVecsSome allocates over its
// arrays (per term, per document, per head and tail entry) must stay
// under a quarter of what a map of the vocabulary takes. The vectors are
// the same as those of a copy of the frequencies given to newTFIDFOf's
// way of numbering: every form, head and packed, compared term by term.
func TestVecsVocabularyMemory(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 21))
	const n = 400
	bags := make([]analysis.TermBag, n)
	for d := range bags {
		c := map[string]int{}
		for k := range 8 {
			if rng.IntN(10) < 7 {
				c[fmt.Sprintf("common%d", k)] = 1 + rng.IntN(4)
			}
		}
		for range 20 {
			c[fmt.Sprintf("shared%03d", rng.IntN(300))] += 1 + rng.IntN(3)
		}
		for k := range 50 { // in this document only
			c[fmt.Sprintf("own%03d-%02d", d, k)] = 1 + rng.IntN(2)
		}
		bags[d] = bagOf(c)
	}
	bag := func(i int) analysis.TermBag { return bags[i] }
	vocab := len(documentFrequencies(n, bag))
	if vocab < 20000 {
		t.Fatalf("a vocabulary of %d terms: the test needs about 20,000", vocab)
	}

	// what a map of the vocabulary to int32 allocates, made as buildVecsSome made its index
	df := documentFrequencies(n, bag)
	var index map[string]int32
	mapBytes := allocated(func() {
		index = make(map[string]int32, len(df))
		for t := range df {
			index[t] = 0
		}
	})
	runtime.KeepAlive(index)

	for _, form := range []vecForm{vecHead, vecWhole, vecPacked} {
		df := documentFrequencies(n, bag)
		var m *vecSet[float32]
		got := allocated(func() { m = buildVecsSome[float32](n, df, bag, vectorTerms, 0.5, nil, form) })
		arrays := uint64(vocab)*(16+8+4) + uint64(n+1)*(8+8) + uint64(n)*(8+8) + uint64(cap(m.idx))*8 + uint64(cap(m.tidx))*3 + 8*256
		if form == vecPacked { // rows cut from blocks of packedChunk bytes
			total := 0
			for _, r := range m.rows {
				total += len(r)
			}
			arrays += uint64(n)*24 + uint64(packedChunk)*uint64(1+total/packedChunk)
		}
		if got > arrays+mapBytes/4 {
			t.Errorf("form %d: buildVecsSome allocates %d bytes, %d over its arrays (%d); a map of the %d terms takes %d",
				form, got, got-arrays, arrays, vocab, mapBytes)
		}
		if len(df) != 0 {
			t.Errorf("form %d: the document frequencies are not emptied (%d left)", form, len(df))
		}
		t.Logf("form %d: %d bytes allocated, arrays %d, a vocabulary map %d (%d terms)", form, got, arrays, mapBytes, vocab)
	}

	// the vectors are the vocabulary's: whole and packed the same, and
	// every weight the one newTFIDFOf (its own index of the vocabulary)
	// gives the same term, to the bit
	whole := buildVecsSome[float32](n, documentFrequencies(n, bag), bag, vectorTerms, 0.5, nil, vecWhole)
	packed := buildVecsSome[float32](n, documentFrequencies(n, bag), bag, vectorTerms, 0.5, nil, vecPacked)
	exact := buildVecs[float64](n, bag, 0, 1)
	oracle := newTFIDFOf(n, bag)
	shared := 0
	for d := range n {
		wi, wv := whole.full(d, nil, nil)
		pi, pv := packed.full(d, nil, nil)
		if !reflect.DeepEqual(wi, pi) || !reflect.DeepEqual(wv, pv) {
			t.Fatalf("document %d: the packed vector differs from the whole one", d)
		}
		want := map[string]float64{}
		v := oracle.Vectors[d]
		for k, ti := range v.Index {
			want[oracle.Terms[ti]] = v.Value[k]
		}
		ei, ev := exact.full(d, nil, nil)
		for k, ti := range ei {
			if w, ok := want[exact.terms[ti]]; !ok || w != ev[k] {
				t.Fatalf("document %d, term %q: weight %v, newTFIDFOf's %v (%v)", d, exact.terms[ti], ev[k], w, ok)
			}
		}
		shared += len(ei)
	}
	if shared < 20*n {
		t.Fatalf("%d weights compared: the test compares too few", shared)
	}
}

// allocated is how many bytes fn allocates.
func allocated(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
