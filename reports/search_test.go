package reports

import (
	"reflect"
	"slices"
	"testing"
)

// TestCandidatePairsOnce: candidatePairs gives every pair of the
// NN-descent lists and the MinHash buckets once, as (a, b) with a < b,
// sorted, however many times the lists name it (two documents in each
// other's list are one pair, counted once when the array is sized), and
// nothing else.
func TestCandidatePairsOnce(t *testing.T) {
	m := runVecs(genreCorpus(600, 3))
	p := defaultSearch()
	got := candidatePairs(m, 2, p)

	// the same pairs made the plain way: every list entry and every
	// bucket pair, sorted, repeats dropped
	sv := pruneVectors(m, p)
	var want [][2]int32
	mutual := 0
	lists := nnDescent(sv, 2, p)
	for v, l := range lists {
		for _, e := range l {
			want = append(want, [2]int32{int32(min(v, int(e.id))), int32(max(v, int(e.id)))})
			if known(lists[e.id], int32(v)) {
				mutual++
			}
		}
	}
	want = append(want, minhashPairs(sv, p)...)
	slices.SortFunc(want, comparePairs)
	want = slices.Compact(want)
	t.Logf("%d list entries (%d in both lists), %d pairs", entries(lists), mutual, len(got))
	if mutual == 0 {
		t.Fatal("no two documents in each other's list: the test checks no repeat")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%d pairs, want %d (the lists' entries and the buckets' pairs, each once)", len(got), len(want))
	}
	for k, pr := range got {
		if pr[0] >= pr[1] || (k > 0 && comparePairs(got[k-1], pr) >= 0) {
			t.Fatalf("pair %d %v: not a < b, or not after %v", k, pr, got[max(k-1, 0)])
		}
	}
	if cap(got) > len(got)+len(got)/8 {
		t.Errorf("%d pairs in an array of %d: sized for the repeats", len(got), cap(got))
	}
}

func entries(lists [][]entry) int {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return n
}
