package reports

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestIncrementalSimilarity: a run with the previous run's state gives
// the similarities all pairs gives on the changed corpus, to the last
// bit, whether one bag changed (incremental), several in a row
// (incremental from an incremental state), a document was added or
// removed (all pairs: every weight moved) or the state is damaged (all
// pairs); and the lists the state keeps are each the start of the exact
// ranking.
func TestIncrementalSimilarity(t *testing.T) {
	bags := genreCorpus(400, 4)
	path := filepath.Join(t.TempDir(), "styrdok.db.simstate")
	files := func(n int) []*analysis.DocumentAnalysis {
		docs := make([]*analysis.DocumentAnalysis, n)
		for i := range docs {
			docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%04d.txt", i)}
		}
		return docs
	}
	var warned string // the last step's SimilarityWarning
	step := func(name string, bags []analysis.TermBag, wantHow string) {
		t.Helper()
		docs := files(len(bags))
		src := &readBags{bags: bags, reads: make([]int, len(bags)), bad: -1}
		got, how, warn, err := newSimilarityOf(docs, src, path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		warned = warn
		t.Logf("%s: %s", name, how)
		if !strings.HasPrefix(how, wantHow) {
			t.Errorf("%s: computed by %q, want %q", name, how, wantHow)
		}
		want := newSimilarity(docs, runVecs(bags))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s (%s): the similarities differ from all pairs' on the changed corpus", name, how)
		}
		if len(want.Pairs) == 0 {
			t.Fatalf("%s: no pairs: the step tests nothing", name)
		}
		st, err := readState(path)
		if err != nil {
			t.Fatalf("%s: the state written: %v", name, err)
		}
		exact, _ := allPairsTop(runVecs(bags), 2, false, stateDepth)
		for i, l := range st.lists {
			e := exact[i].c
			if len(l) > len(e) || !reflect.DeepEqual(l, e[:len(l)]) {
				t.Fatalf("%s: document %d's kept list is not the start of its ranking:\n%v\n%v", name, i, l, e)
			}
			if !st.cuts[i] && len(l) != len(e) {
				t.Fatalf("%s: document %d's list is marked whole but has %d of %d", name, i, len(l), len(e))
			}
		}
	}
	step("cold", bags, "all pairs: no similarity state")
	if warned != "" {
		t.Errorf("no state yet is no problem, but the user is warned: %q", warned)
	}

	// one sentence more in one document: a new stem and one of moderate
	// document frequency
	changed := slices.Clone(bags)
	changed[7] = bagOf(map[string]int{"zzz-ny": 1, stemOf(bags, 0.2): 2})
	for k, s := range bags[7].Stems {
		changed[7] = addTerm(changed[7], s, int(bags[7].Counts[k]))
	}
	step("one document changed", changed, "incremental")
	// again, from the incremental run's state: a stem in a third of the documents
	again := slices.Clone(changed)
	again[300] = addTerm(again[300], stemOf(bags, 0.3), 3)
	step("another changed", again, "incremental")
	unchanged := again
	step("nothing changed", unchanged, "reused: no bag of")

	step("one added", append(slices.Clone(again), bags[11]), "all pairs: the state does not apply")
	step("one removed", again[:len(again)-2], "all pairs: the state does not apply")

	// a damaged state: all pairs, and a new state
	step("state again", again, "all pairs: the state does not apply")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x40
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	step("damaged state", again, "all pairs: "+path+": checksum does not match")
	if !strings.Contains(warned, path) || !strings.Contains(warned, "checksum does not match") {
		t.Errorf("a damaged state gives the warning %q; want one naming %s and the reason", warned, path)
	}
	step("after the damage", again, "reused: no bag of")
	if warned != "" {
		t.Errorf("a good state gives the warning %q", warned)
	}
}

// stemOf returns a stem in about share of bags.
func stemOf(bags []analysis.TermBag, share float64) string {
	df := map[string]int{}
	for _, b := range bags {
		for _, s := range b.Stems {
			df[s]++
		}
	}
	best, bestGap := "", 2.0
	for s, n := range df {
		if gap := math.Abs(float64(n)/float64(len(bags)) - share); gap < bestGap || (gap == bestGap && s < best) {
			best, bestGap = s, gap
		}
	}
	return best
}

// addTerm is b with count more of stem, sorted.
func addTerm(b analysis.TermBag, stem string, count int) analysis.TermBag {
	c := map[string]int{}
	for k, s := range b.Stems {
		c[s] = int(b.Counts[k])
	}
	c[stem] += count
	return bagOf(c)
}

// TestStateRoundTrip: a state reads back as written, and a state cut
// short, of another version or with a count out of range is an error
// naming the file.
func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s")
	st := &simState{kind: stateKind(true), files: []string{"a.txt", "b.txt"}, hashes: []uint64{1, 1 << 60}, df: map[string]int32{"x": 2, "y": 1},
		lists: [][]candidate{{{doc: 1, sim: 0.5}}, {{doc: 0, sim: 0.5}}}, cuts: []bool{false, true},
		dups: []Pair{{A: 0, B: 1, Similarity: 0.9123}}}
	if err := writeState(path, st); err != nil {
		t.Fatal(err)
	}
	got, err := readState(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, st) {
		t.Errorf("read back %+v, want %+v", got, st)
	}
	data, _ := os.ReadFile(path)
	for name, bad := range map[string][]byte{
		"cut short":     data[:len(data)-9],
		"other version": append([]byte("styrdok-similarity-state-0\n"), data[len(stateMagic):]...),
		"empty":         nil,
	} {
		os.WriteFile(path, bad, 0o644)
		if _, err := readState(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v, want an error naming the file", name, err)
		}
	}
	// a state over the bound is not written (and none is left half-way)
	big := &simState{files: []string{strings.Repeat("x", maxStateBytes)}, hashes: []uint64{1}, lists: [][]candidate{nil}, cuts: []bool{false}}
	os.Remove(path)
	if err := writeState(path, big); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a state of %d bytes and more: %v, want an error naming the file", maxStateBytes, err)
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("the refused state left %s.tmp: %v", path, err)
	}
	if _, err := readState(path); err != errNoState {
		t.Errorf("no file: %v, want errNoState", err)
	}
}

// TestSearchState: above the all-pairs bound (forced low here) the state
// keeps the search's result and serves a run in which no bag changed,
// with each bag read once and the result a cold search's to the last
// bit; a changed bag, or a state of all pairs or of other search
// parameters, makes the run search again.
func TestSearchState(t *testing.T) {
	bags := genreCorpus(400, 5)
	path := filepath.Join(t.TempDir(), "styrdok.db.simstate")
	const upTo = 100 // 400 documents: the search
	cold := map[string]*Similarity{}
	step := func(name string, bags []analysis.TermBag, upTo int, wantHow string, wantReads int) {
		t.Helper()
		docs := make([]*analysis.DocumentAnalysis, len(bags))
		for i := range docs {
			docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%04d.txt", i)}
		}
		src := &readBags{bags: bags, reads: make([]int, len(bags)), bad: -1}
		got, how, warn, err := similarityOf(docs, src, path, upTo)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %s", name, how)
		if !strings.HasPrefix(how, wantHow) {
			t.Errorf("%s: computed by %q, want %q", name, how, wantHow)
		}
		if warn != "" {
			t.Errorf("%s: warning %q", name, warn)
		}
		key := fmt.Sprintf("%p %d", &bags[0], upTo) // a corpus, computed cold
		want := cold[key]
		if want == nil {
			if len(bags) <= upTo {
				want = newSimilarity(docs, runVecs(bags))
			} else {
				want = similarityWith(docs, runVecs(bags), 2, defaultSearch())
			}
			cold[key] = want
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s (%s): the similarities differ from a cold run's", name, how)
		}
		if len(want.Pairs) == 0 {
			t.Fatalf("%s: no pairs: the step tests nothing", name)
		}
		for i, r := range src.reads {
			if r != wantReads {
				t.Fatalf("%s: bag %d read %d times, want %d", name, i, r, wantReads)
			}
		}
	}
	step("cold", bags, upTo, "search: no similarity state", 2)
	st, err := readState(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.kind != stateKind(false) || len(st.df) != 0 {
		t.Errorf("the search's state is of kind %q with %d terms; want %q and none", st.kind, len(st.df), stateKind(false))
	}
	step("nothing changed", bags, upTo, "reused: no bag of 400 changed", 1)

	changed := slices.Clone(bags)
	changed[7] = addTerm(changed[7], stemOf(bags, 0.2), 2)
	step("one bag changed", changed, upTo, "search: the state does not apply", 2)
	step("nothing changed since", changed, upTo, "reused", 1)

	// the other kind: all pairs, then the search again
	step("all pairs on the search's state", changed, len(changed), "all pairs: the state is of another kind", 2)
	step("all pairs, nothing changed", changed, len(changed), "reused", 1)
	step("the search on all pairs' state", changed, upTo, "search: the state is of another kind", 2)

	// a state of other search parameters (or an older search) is not used
	st, err = readState(path)
	if err != nil {
		t.Fatal(err)
	}
	st.kind = strings.Replace(st.kind, fmt.Sprintf("search %d;", searchVersion), fmt.Sprintf("search %d;", searchVersion-1), 1)
	if st.kind == stateKind(false) {
		t.Fatalf("the kind %q does not name the search's version", st.kind)
	}
	if err := writeState(path, st); err != nil {
		t.Fatal(err)
	}
	step("an older search's state", changed, upTo, "search: the state is of another kind", 2)
}
