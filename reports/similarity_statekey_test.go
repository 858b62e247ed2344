package reports

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

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
		lists: [][]stateEntry{{{doc: 1, q: 5000}, {doc: 2, q: 10}}, {{doc: 0, q: 5000}}, {}}, cuts: []bool{false, true, false}, last: []float32{0, 0.123456789, 0},
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
