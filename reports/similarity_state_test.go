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
			if len(l) > len(e) || !reflect.DeepEqual(candidates(l), e[:len(l)]) {
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
	again[200] = addTerm(again[200], stemOf(bags, 0.3), 3)
	step("another changed", again, "incremental")
	// one more of a stem the document has: its own vector only, one
	// row computed without the inverted index (rowSimsDirect)
	own := slices.Clone(again)
	own[300] = addTerm(own[300], own[300].Stems[0], 1)
	step("one document's counts", own, "incremental: 1 of 400")
	step("back again", again, "incremental: 1 of 400")
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
	st := &simState{kind: stateKind(true), hashes: []uint64{1, 1 << 60}, df: map[string]int32{"x": 2, "y": 1},
		lists: [][]stateEntry{{newStateEntry(1, 5000)}, {newStateEntry(0, 5000)}}, cuts: []bool{false, true}, last: []float32{0, 0.123456789},
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
	big := &simState{kind: strings.Repeat("x", maxStateBytes), hashes: []uint64{1}, lists: [][]stateEntry{nil}, cuts: []bool{false}}
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
// keeps the search's lists and serves a run in which no bag changed,
// with each bag read once and the result a cold search's to the last
// bit; a changed bag re-derives the lists it touches (searchIncremental,
// TestSearchIncremental), a state of all pairs or of other search
// parameters makes the run search again.
func TestSearchState(t *testing.T) {
	bags := genreCorpus(400, 5)
	path := filepath.Join(t.TempDir(), "styrdok.db.simstate")
	const upTo = 100 // 400 documents: the search
	cold := map[string]*Similarity{}
	step := func(name string, bags []analysis.TermBag, upTo int, wantHow string, wantReads int) {
		t.Helper()
		docs, src, got := stateStep(t, name, path, bags, upTo, wantHow)
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
			t.Fatalf("%s: the similarities differ from a cold run's", name)
		}
		if len(want.Pairs) == 0 {
			t.Fatalf("%s: no pairs: the step tests nothing", name)
		}
		again := 0 // wantReads < 0: read twice, and a third time for the pairs scored
		for i, r := range src.reads {
			switch {
			case wantReads < 0 && r == 3:
				again++
			case wantReads < 0 && r == 2:
			case r != wantReads:
				t.Fatalf("%s: bag %d read %d times, want %d", name, i, r, wantReads)
			}
		}
		if wantReads < 0 && (again == 0 || again > len(bags)/4) {
			t.Fatalf("%s: %d of %d bags read again: want those of the pairs scored, a few rows' partners", name, again, len(bags))
		}
	}
	step("cold", bags, upTo, "search: no similarity state", 3) // the weights read again (searchCold)
	st, err := readState(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.kind != stateKind(false) {
		t.Errorf("the search's state is of kind %q; want %q", st.kind, stateKind(false))
	}
	step("nothing changed", bags, upTo, "reused: no bag of 400 changed", 1)

	changed := slices.Clone(bags)
	changed[7] = addTerm(changed[7], stemOf(bags, 0.2), 2)
	step("one bag changed", changed, upTo, "search incremental: 1 of 400 documents affected", -1) // the weights of the pairs scored read again (scoreOn)
	step("nothing changed since", changed, upTo, "reused", 1)

	// the other kind: all pairs, then the search again
	step("all pairs on the search's state", changed, len(changed), "all pairs: the state is of another kind", 2)
	step("all pairs, nothing changed", changed, len(changed), "reused", 1)
	step("the search on all pairs' state", changed, upTo, "search: the state is of another kind", 3)

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
	step("an older search's state", changed, upTo, "search: the state is of another kind", 3)
}

// TestSearchIncremental: above the all-pairs bound (forced low here) a
// run with the previous run's state gives a cold search's result to the
// last bit, when one bag changed and moved document frequencies (many
// documents affected), from an incremental run's state, when a term
// left a document, and when the state's lists are shallow (so
// that rows are computed again); the lists the state keeps are each the
// start of the exact pruned ranking (prunedTop on the changed corpus),
// whole when not cut.
func TestSearchIncremental(t *testing.T) {
	bags := genreCorpus(300, 6)
	path := filepath.Join(t.TempDir(), "styrdok.db.simstate")
	const upTo = 100
	p := defaultSearch()
	step := func(name string, bags []analysis.TermBag, wantHow string) {
		t.Helper()
		docs, _, got := stateStep(t, name, path, bags, upTo, wantHow)
		m := runVecs(bags)
		want := similarityWith(docs, m, 2, p)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the similarities differ from a cold search's", name)
		}
		if len(want.Pairs) == 0 {
			t.Fatalf("%s: no pairs: the step tests nothing", name)
		}
		st, err := readState(path)
		if err != nil {
			t.Fatalf("%s: the state written: %v", name, err)
		}
		sv := pruneVectors(m, p)
		exact := prunedTop(sv, newPrunedIndex(sv), 2, p.depth)
		for i, l := range st.lists {
			e := exact[i]
			if len(l) > len(e) || (st.cuts[i] && len(l) < min(p.candidates, len(e))) || (!st.cuts[i] && len(l) != len(e)) {
				t.Fatalf("%s: document %d keeps %d entries (cut %v) of %d", name, i, len(l), st.cuts[i], len(e))
			}
			for k, c := range l {
				if c.doc() != e[k].doc {
					t.Fatalf("%s: document %d's kept list is not the start of its ranking: entry %d is %d, want %d", name, i, k, c.doc(), e[k].doc)
				}
			}
			if len(l) > 0 && st.cuts[i] && st.last[i] != e[len(l)-1].sim {
				t.Fatalf("%s: document %d's last figure %v, want %v", name, i, st.last[i], e[len(l)-1].sim)
			}
		}
	}
	step("cold", bags, "search: no similarity state")

	// one sentence more in one document: a new stem and one in a fifth
	// of the documents (its document frequency moves: their vectors too)
	changed := slices.Clone(bags)
	changed[7] = bagOf(map[string]int{"zzz-ny": 1, stemOutside(bags, 0.2, 7): 2})
	for k, s := range bags[7].Stems {
		changed[7] = addTerm(changed[7], s, int(bags[7].Counts[k]))
	}
	step("one document changed", changed, "search incremental")
	if st, err := readState(path); err == nil && !strings.Contains(st.kind, "search") {
		t.Fatalf("state of kind %q", st.kind)
	}
	again := slices.Clone(changed)
	again[200] = addTerm(again[200], stemOf(bags, 0.1), 3)
	step("another changed, from the incremental state", again, "search incremental")

	// a term leaves a document
	fewer := slices.Clone(again)
	fewer[42] = analysis.TermBag{Stems: slices.Clone(again[42].Stems[1:]), Counts: slices.Clone(again[42].Counts[1:])}
	step("a term left a document", fewer, "search incremental")

	copies := fewer // genreCorpus has near duplicates: the incremental steps keep them
	step("nothing changed", copies, "reused: no bag of 300 changed")

	// shallow lists: each kept list cut to its first p.candidates entries,
	// so that an affected document leaving one leaves too few certain
	st, err := readState(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range st.lists {
		if len(l) > p.candidates {
			st.lists[i], st.cuts[i], st.last[i] = l[:p.candidates], true, prunedDot(pruneVectors(runVecs(copies), p), i, int(l[p.candidates-1].doc()))
		}
	}
	if err := writeState(path, st); err != nil {
		t.Fatal(err)
	}
	moved := slices.Clone(copies)
	moved[9] = addTerm(moved[9], stemOf(bags, 0.3), 1)
	step("shallow lists", moved, "search incremental")

	// too many affected: the search from nothing
	many := slices.Clone(moved)
	for i := range many {
		if i%2 == 0 {
			many[i] = addTerm(many[i], "zzz-half", 1)
		}
	}
	step("half the documents changed", many, "search: the state does not apply (150 of 300")
}

// stemOutside returns a stem in about share of bags that bag d lacks.
func stemOutside(bags []analysis.TermBag, share float64, d int) string {
	df := map[string]int{}
	for _, b := range bags {
		for _, s := range b.Stems {
			df[s]++
		}
	}
	for _, s := range bags[d].Stems {
		delete(df, s)
	}
	best, bestGap := "", 2.0
	for s, n := range df {
		if gap := math.Abs(float64(n)/float64(len(bags)) - share); gap < bestGap || (gap == bestGap && s < best) {
			best, bestGap = s, gap
		}
	}
	return best
}

// stateStep is a run of similarityOf with the state at path on bags
// (all pairs up to upTo documents), which must say it computed them
// wantHow and warn of nothing: the documents, the source (its reads) and
// the result.
func stateStep(t *testing.T, name, path string, bags []analysis.TermBag, upTo int, wantHow string) ([]*analysis.DocumentAnalysis, *readBags, *Similarity) {
	t.Helper()
	return stateStepUnder(t, name, path, "", bags, upTo, wantHow)
}

// stateStepUnder is stateStep with the documents' files under dir (the
// corpus given by another path).
func stateStepUnder(t *testing.T, name, path, dir string, bags []analysis.TermBag, upTo int, wantHow string) ([]*analysis.DocumentAnalysis, *readBags, *Similarity) {
	t.Helper()
	docs := make([]*analysis.DocumentAnalysis, len(bags))
	for i := range docs {
		docs[i] = &analysis.DocumentAnalysis{File: filepath.Join(dir, fmt.Sprintf("d%04d.txt", i))}
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
	return docs, src, got
}

// TestStateUnderAnotherPath: the state knows a document by its place
// and its bag, not its file, so a corpus given by another path (moved,
// copied, another working directory) re-uses it, for all pairs and for
// the search: nothing changed, the previous result without a vector
// (each bag read once); one bag changed, the incremental path; two
// documents swapped places (a rename that moves a file in the order),
// both affected and the result still a cold run's. Each result is a
// cold run's on the documents as named, to the last bit, and the names
// are the run's.
func TestStateUnderAnotherPath(t *testing.T) {
	bags := genreCorpus(300, 7)
	for _, c := range []struct {
		name       string
		upTo       int
		changedHow string
	}{
		{"all pairs", len(bags), "incremental: "},
		{"search", 100, "search incremental: "},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "styrdok.db.simstate")
			step := func(name, dir string, bags []analysis.TermBag, wantHow string, wantReads int) {
				t.Helper()
				docs, src, got := stateStepUnder(t, name, path, dir, bags, c.upTo, wantHow)
				var want *Similarity
				if len(bags) <= c.upTo {
					want = newSimilarity(docs, runVecs(bags))
				} else {
					want = similarityWith(docs, runVecs(bags), 2, defaultSearch())
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: the similarities differ from a cold run's", name)
				}
				if len(want.Pairs) == 0 || !strings.HasPrefix(got.Docs[got.Pairs[0].A].File, dir) {
					t.Fatalf("%s: no pairs, or not of the files under %s: the step tests nothing", name, dir)
				}
				for i, r := range src.reads {
					if wantReads > 0 && r != wantReads {
						t.Fatalf("%s: bag %d read %d times, want %d", name, i, r, wantReads)
					}
				}
			}
			step("cold", "c", bags, "", 0)
			step("the same corpus by an absolute path", "/mnt/archive/c", bags, "reused: no bag of 300 changed", 1)
			step("copied, another working directory", "../copy/c", bags, "reused: no bag of 300 changed", 1)

			changed := slices.Clone(bags)
			changed[12] = addTerm(changed[12], stemOf(bags, 0.2), 2)
			step("copied, one bag changed", "/elsewhere/c", changed, c.changedHow+"1", 0) // "1 of 300 documents affected"

			swapped := slices.Clone(changed)
			swapped[40], swapped[41] = swapped[41], swapped[40]
			if bagHash(swapped[40]) == bagHash(swapped[41]) {
				t.Fatal("documents 40 and 41 have the same bag: the swap tests nothing")
			}
			step("two documents swapped places", "c", swapped, c.changedHow+"2", 0) // "2 of 300 documents affected"
			step("then from yet another path", "/tmp/x/c", swapped, "reused: no bag of 300 changed", 1)
		})
	}
}

// TestStateVersion3: a state written by version 3 (which kept each
// document's file before its hash; testdata/simstate-v3 was written by
// writeState of main at 0c1379c, the session-16 merges) reads as this
// version's with no file names: a store's state from before serves the
// next re-run, not a cold one.
func TestStateVersion3(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "simstate")
	data, err := os.ReadFile(filepath.Join("testdata", "simstate-v3"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readState(tmp)
	if err != nil {
		t.Fatalf("a version-3 state: %v", err)
	}
	want := &simState{kind: got.kind, hashes: []uint64{1, 1 << 60, 77}, df: map[string]int32{"x": 2, "y": 1, "åtgärd": 3},
		lists: [][]stateEntry{{newStateEntry(1, 5000), newStateEntry(2, 10)}, {newStateEntry(0, 5000)}, {}}, cuts: []bool{false, true, false}, last: []float32{0, 0.123456789, 0},
		dups: []Pair{{A: 0, B: 1, Similarity: 0.9123}}}
	if !strings.HasPrefix(got.kind, "search ") {
		t.Errorf("kind %q, want the search's", got.kind)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read %+v\nwant %+v", got, want)
	}
	// written again, it is this version's, and reads back the same
	if err := writeState(tmp, got); err != nil {
		t.Fatal(err)
	}
	again, err := readState(tmp)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("written again and read: %+v, %v; want %+v", again, err, want)
	}
	if data, _ := os.ReadFile(tmp); !strings.HasPrefix(string(data), stateMagic) || strings.Contains(string(data), "c/a.txt") {
		t.Errorf("written again: not a version-4 state without file names:\n%q", data)
	}
}
