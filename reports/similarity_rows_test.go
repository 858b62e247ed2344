package reports

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestRowSimsDirect: a row computed without the inverted index
// (rowSimsDirect, forRows' way for a few rows) is rowSims' row: each
// sum the inverted index accumulates, to the bit, before the figures
// are rounded; and the same documents, in order, with the same figures,
// for every document of a generated corpus, whether the rows come one
// at a time or several to a worker.
func TestRowSimsDirect(t *testing.T) {
	bags := genreCorpus(150, 9)
	m := runVecs(bags)
	post := newPostings(m)
	n := m.len()
	d := newDirectRow(m)
	got, acc := make([]float64, n), make([]float64, n)
	var idx []int32
	var val []float32
	for a := range n {
		clear(acc)
		idx, val = m.full(a, idx[:0], val[:0])
		for k, ti := range idx { // rowSims' accumulation
			docs, ws := post.of(ti)
			for y, b := range docs {
				acc[b] += float64(val[k]) * float64(ws[y])
			}
		}
		d.sums(m, a, got)
		for b := range n {
			if math.Float64bits(got[b]) != math.Float64bits(acc[b]) {
				t.Fatalf("documents %d and %d: %v, through the inverted index %v", a, b, got[b], acc[b])
			}
		}
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	want := rowSims(m, post, all, 2)
	shared := 0
	for i := range all {
		got := rowSimsDirect(m, []int{i}, 1)
		if !reflect.DeepEqual(got[0], want[i]) {
			t.Fatalf("document %d: row %v, rowSims %v", i, got[0], want[i])
		}
		shared += len(want[i])
	}
	if shared == 0 {
		t.Fatal("no pair shares a term: the test compares nothing")
	}
	rows := []int{3, 140, 0, 77, 149}
	rs := rowSimsDirect(m, rows, 2)
	for x, i := range rows {
		if !reflect.DeepEqual(rs[x], want[i]) {
			t.Fatalf("rows %v: document %d differs from rowSims", rows, i)
		}
	}
}

// TestAffectedMarks: the documents marked affected as the vectors read
// the bags (affectedMarks) are affectedDocs' documents, when one
// document counts one of its stems once more (itself only), gains a new
// stem and a common one (every holder of the common one too) or loses a
// stem; and a reading that skipped a document gives no answer.
func TestAffectedMarks(t *testing.T) {
	bags := genreCorpus(200, 5)
	files := make([]string, len(bags))
	for i := range files {
		files[i] = fmt.Sprintf("d%03d.txt", i)
	}
	old := &simState{hashes: bagHashes(bags), df: termDF(runVecs(bags)), lists: make([][]stateEntry, len(bags)), cuts: make([]bool, len(bags))}
	own := slices.Clone(bags)
	own[7] = addTerm(bags[7], bags[7].Stems[0], 1)
	grown := slices.Clone(bags)
	grown[9] = addTerm(addTerm(bags[9], "zzz-ny", 1), stemOf(bags, 0.3), 2)
	lost := slices.Clone(bags)
	lost[11] = analysis.TermBag{Stems: bags[11].Stems[1:], Counts: bags[11].Counts[1:]}
	for _, c := range []struct {
		name    string
		changed []analysis.TermBag
		least   int
	}{{"own counts", own, 1}, {"new and common stems", grown, 20}, {"a stem lost", lost, 1}} {
		hashes := bagHashes(c.changed)
		want, wantN, err := affectedDocs(old, hashes, termDF(runVecs(c.changed)), func(i int) (analysis.TermBag, error) { return c.changed[i], nil })
		if err != nil {
			t.Fatal(err)
		}
		if wantN < c.least {
			t.Fatalf("%s: %d documents affected: the case tests too little", c.name, wantN)
		}
		df := documentFrequencies(len(c.changed), func(i int) analysis.TermBag { return c.changed[i] })
		marks := newAffectedMarks(old, files, hashes, df)
		for i, b := range c.changed {
			marks.mark(i, b)
		}
		got, gotN, ok := marks.result()
		if !ok || gotN != wantN || !slices.Equal(got, want) {
			t.Errorf("%s: marked %d documents (answer %v), affectedDocs %d", c.name, gotN, ok, wantN)
		}
		marks.marked[3] = false
		if _, _, ok := marks.result(); ok {
			t.Errorf("%s: a document not marked, and still an answer", c.name)
		}
	}
	if newAffectedMarks(old, files[1:], bagHashes(bags[1:]), map[string]int{}) != nil {
		t.Error("marks for a run of other documents than the state's")
	}
}
