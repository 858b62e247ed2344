package reports

import (
	"math"
	"testing"
)

// TestDenseRowDot: a row's figures read through its spread weights
// (keepUnaffected) are prunedDot64's to the bit, for every pair of a
// generated corpus, rows loaded one after another into one denseRow (so
// a term left by the row before must not count).
func TestDenseRowDot(t *testing.T) {
	bags := genreCorpus(120, 6)
	m := runVecs(bags)
	m.weighHead()
	sv := pruneVectors(m, defaultSearch())
	d := newDenseRow(sv.terms)
	shared := 0
	for a := range m.len() {
		d.load(sv, a)
		for b := range m.len() {
			got, want := d.dot(sv, b), prunedDot64(sv, a, b)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("documents %d and %d: %v, prunedDot64 %v", a, b, got, want)
			}
			if want > 0 && a != b {
				shared++
			}
		}
	}
	if shared == 0 {
		t.Fatal("no pair shares a term: the test compares nothing")
	}
}
