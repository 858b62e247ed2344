package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// TestRunIncrementalSimilarity: a re-run after a codebook change (the
// similarities re-used from the state), one file changed, one was
// added and one removed (each into the same OUT and store, so the
// similarity starts from the previous run's state beside the store)
// writes every output as a cold run of the changed corpus does, and
// keeps the state for the next run.
func TestRunIncrementalSimilarity(t *testing.T) {
	tmp := t.TempDir()
	tree := filepath.Join(tmp, "c")
	files := generatedTree(t, tree, 60, 3)
	out := filepath.Join(tmp, "out")
	var codebook []string // --codebook FILE from the step that changes it on
	args := func(out string) []string {
		return append(append([]string{"run", "--quiet", "--as-of", "2026-01-01", "--timeout", "30m"}, codebook...), "--out", out, tree)
	}
	state := filepath.Join(out, corpus.DefaultStoreName+".simstate")
	var stateTime time.Time // the state's modification time after the cold run
	steps := []struct {
		name   string
		change func()
	}{
		{"cold", func() {}},
		{"codebook changed", func() {
			// a term more: every document re-tagged, no term bag changed,
			// so the similarities are the state's, not computed again
			_, yaml, _ := run(t, "", "themes", "--yaml")
			changed := strings.Replace(yaml, "\n    terms:\n", "\n    terms:\n      - {term: jobbcoach, weight: 2}\n", 1)
			if changed == yaml {
				t.Fatal("could not change the codebook")
			}
			cb := filepath.Join(tmp, "codebook.yaml")
			writeFile(t, cb, []byte(changed))
			codebook = []string{"--codebook", cb}
		}},
		{"one changed", func() {
			f, err := os.OpenFile(files[5], os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\nKommunen ska erbjuda samhällsorientering på modersmål och språkkafé för alla nyanlända.\n")
			f.Close()
		}},
		{"one added", func() {
			data, err := os.ReadFile(files[9])
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(tree, "9999-ny-kommun-plan.txt"), append(data, "\nEn ny plan för bostäder och arbete.\n"...), 0o644)
		}},
		{"one removed", func() { os.Remove(files[20]) }},
	}
	for k, s := range steps {
		s.change()
		if code, stderr := runStyrdok(t, args(out)...); code != exitOK {
			t.Fatalf("%s: exit %d\n%s", s.name, code, stderr)
		}
		if _, err := os.Stat(state); err != nil {
			t.Errorf("%s: no similarity state beside the store: %v", s.name, err)
		}
		if k == 0 {
			if fi, err := os.Stat(state); err == nil {
				stateTime = fi.ModTime()
			}
			continue
		}
		if s.name == "codebook changed" {
			if fi, err := os.Stat(state); err != nil || !fi.ModTime().Equal(stateTime) {
				t.Errorf("codebook changed: the similarity state was written again (%v): the similarities were computed, not re-used", err)
			}
		}
		fresh := filepath.Join(tmp, "fresh-"+s.name)
		if code, stderr := runStyrdok(t, args(fresh)...); code != exitOK {
			t.Fatalf("%s: cold run: exit %d\n%s", s.name, code, stderr)
		}
		sameOutputs(t, fresh, out)
	}
}

// generatedTree generates a corpus of texts from the bundled documents
// into tree (tools/gencorpus) and returns its files.
func generatedTree(t *testing.T, tree string, texts int, seed uint64) []string {
	t.Helper()
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "..", "testdata", "corpus"), Out: tree, Texts: texts, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(tree, "*.txt"))
	if err != nil || len(files) < 10 {
		t.Fatalf("%d generated files: %v", len(files), err)
	}
	return files
}

// TestRunSimilarityStateUnderAnotherPath: a re-run of the same corpus
// copied to another path, and given by a relative path from another
// working directory, into the same OUT and store, re-uses the
// similarity state beside the store (the state knows documents by their
// place and bag, not their file): the state is not written again (a
// run that computes the similarities writes it anew, through a new
// file renamed over it, so the file is another), and every output is a
// cold run's on the copy, its file names included.
func TestRunSimilarityStateUnderAnotherPath(t *testing.T) {
	tmp := t.TempDir()
	tree := filepath.Join(tmp, "a", "c")
	generatedTree(t, tree, 60, 5)
	out := filepath.Join(tmp, "out")
	args := func(out, tree string) []string {
		return []string{"run", "--quiet", "--as-of", "2026-01-01", "--timeout", "30m", "--out", out, tree}
	}
	if code, stderr := runStyrdok(t, args(out, tree)...); code != exitOK {
		t.Fatalf("cold: exit %d\n%s", code, stderr)
	}
	state := filepath.Join(out, corpus.DefaultStoreName+".simstate")
	before, err := os.Stat(state)
	if err != nil {
		t.Fatalf("no similarity state beside the store: %v", err)
	}
	copied := filepath.Join(tmp, "b", "c")
	copyTree(t, tree, copied)
	t.Chdir(filepath.Join(tmp, "b"))
	for _, path := range []string{copied, "c"} {
		if code, stderr := runStyrdok(t, args(out, path)...); code != exitOK {
			t.Fatalf("%s: exit %d\n%s", path, code, stderr)
		}
		after, err := os.Stat(state)
		if err != nil {
			t.Fatalf("%s: the similarity state: %v", path, err)
		}
		if !os.SameFile(before, after) {
			t.Errorf("%s: the similarity state was written again: the similarities were computed, not re-used", path)
		}
		fresh := filepath.Join(tmp, "fresh-"+filepath.Base(path)+"-"+map[bool]string{true: "absolute", false: "relative"}[filepath.IsAbs(path)])
		if code, stderr := runStyrdok(t, args(fresh, path)...); code != exitOK {
			t.Fatalf("%s: cold run: exit %d\n%s", path, code, stderr)
		}
		sameOutputs(t, fresh, out)
		csv, err := os.ReadFile(filepath.Join(out, "similarity.csv"))
		if err != nil || !strings.Contains(string(csv), path+string(filepath.Separator)) {
			t.Fatalf("%s: similarity.csv does not name the files by the path given (%v): the step tests nothing", path, err)
		}
	}
}
