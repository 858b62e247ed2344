package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// TestRunOneChangedFile is issue 17 item 3b's invariant: after a cold
// run, a sentence appended to one file and a re-run into the same output
// folder and store (only that file parsed again), every report is
// byte-identical to a cold run over the changed corpus with a fresh
// store, on the bundled corpus and on the tree of good and bad inputs
// (whose failures the re-run takes from the store).
func TestRunOneChangedFile(t *testing.T) {
	for _, tc := range []struct{ name, changed string }{
		{"corpus", "tierp-handlingsplan-integration-2017.txt"},
		{"mixed", "good-tierp-utf8.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			tree := filepath.Join(tmp, tc.name)
			copyTree(t, filepath.Join("..", "..", "testdata", tc.name), tree)
			out := filepath.Join(tmp, "out")
			// A far time limit: the mixed tree's decompression bomb must
			// fail for the same reason in every run, however slow the
			// machine.
			args := func(out string) []string {
				return []string{"run", "--as-of", "2026-01-01", "--timeout", "30m", "--format", "csv,parquet", "--out", out, tree}
			}
			code, stderr := runStyrdok(t, args(out)...)
			if code != exitOK && code != exitFailure {
				t.Fatalf("cold run: exit %d\n%s", code, stderr)
			}
			n := counts(t, stderr)[0]

			f, err := os.OpenFile(filepath.Join(tree, tc.changed), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\nKommunen ska erbjuda samhällsorientering på modersmål och språkkafé för alla nyanlända.\n")
			f.Close()
			again, stderr := runStyrdok(t, args(out)...)
			if c := counts(t, stderr); again != code || c != [4]int{n, 1, 0, n - 1} {
				t.Fatalf("re-run: exit %d counts %v, want exit %d and only the changed file parsed (%d re-used)\n%s", again, c, code, n-1, stderr)
			}

			fresh := filepath.Join(tmp, "fresh")
			if c, stderr := runStyrdok(t, args(fresh)...); c != code {
				t.Fatalf("cold run of the changed corpus: exit %d, want %d\n%s", c, code, stderr)
			}
			sameOutputs(t, fresh, out)
		})
	}
}

// TestRunChangeSequence: one output folder and store through a sequence
// of changes to a generated corpus of 60 documents in many counties (a
// sentence appended to one file, to the same file again, to another, a
// file deleted, a file added, a file whose text moves it to another
// county; one stem counted 300 times), each followed by a re-run; after
// each, every report in the folder is byte-identical to a cold run's over
// the corpus as it is then, and the folder holds no report the cold run
// does not make. The county tables of counties where nothing changed are
// kept as they are (the same file, not written again:
// reports.Report.Previous), and so is failures.csv.
func TestRunChangeSequence(t *testing.T) {
	tmp := t.TempDir()
	tree := filepath.Join(tmp, "plans")
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "..", "testdata", "corpus"), Out: tree, Texts: 60, Seed: 28}); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(tree, "*.txt"))
	if err != nil || len(files) != 60 {
		t.Fatalf("generated corpus: %d files, %v", len(files), err)
	}
	out := filepath.Join(tmp, "out")
	run := func(out string) {
		t.Helper()
		if code, stderr := runStyrdok(t, "run", "--as-of", "2026-01-01", "--out", out, tree); code != exitOK {
			t.Fatalf("run into %s: exit %d\n%s", out, code, stderr)
		}
	}
	run(out)
	appendTo := func(path, line string) {
		t.Helper()
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("\n" + line + "\n"); err != nil {
			t.Fatal(err)
		}
	}
	// municipality codes of the documents in out's documents.csv, by file
	codes := func(dir string) map[string]string {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, "documents.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("documents.csv: %d rows, %v", len(rows), err)
		}
		col := slices.Index(rows[0], "municipality_code")
		if col < 0 {
			t.Fatalf("documents.csv: no municipality_code in %v", rows[0])
		}
		m := map[string]string{}
		for _, r := range rows[1:] {
			m[filepath.Base(r[0])] = r[col]
		}
		return m
	}
	inodes := func() map[string]uint64 {
		m := map[string]uint64{}
		names, _ := filepath.Glob(filepath.Join(out, "*"))
		for _, p := range names {
			if fi, err := os.Stat(p); err == nil {
				if sig, ok := fileSigOf(fi); ok {
					m[filepath.Base(p)] = sig.Ino
				}
			}
		}
		return m
	}
	check := func(step string, changedCounties ...string) {
		t.Helper()
		before := inodes()
		run(out)
		fresh := filepath.Join(tmp, "fresh-"+strings.ReplaceAll(step, " ", "-"))
		run(fresh)
		sameOutputs(t, fresh, out)
		reportsIn := func(dir string) []string {
			var names []string
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if reportName.MatchString(e.Name()) {
					names = append(names, e.Name())
				}
			}
			return names
		}
		if a, b := reportsIn(fresh), reportsIn(out); !slices.Equal(a, b) {
			t.Errorf("%s: reports %v, a cold run's %v", step, b, a)
		}
		after, kept := inodes(), 0
		for name, ino := range before {
			code, isCounty := strings.CutSuffix(strings.TrimPrefix(name, "county-"), ".csv")
			if !isCounty || code == "summary" || !strings.HasPrefix(name, "county-") || after[name] == 0 {
				continue
			}
			if after[name] == ino {
				kept++
			} else if !slices.Contains(changedCounties, code) {
				t.Errorf("%s: %s written again, though its county holds no changed document (changed: %v)", step, name, changedCounties)
			}
		}
		t.Logf("%s: %d county tables kept, changed counties %v", step, kept, changedCounties)
		if kept == 0 && len(before) > 0 {
			t.Errorf("%s: no county table kept as it was", step)
		}
		if before["failures.csv"] != after["failures.csv"] {
			t.Errorf("%s: failures.csv written again with no failure changed", step)
		}
	}
	county := func(file string, m map[string]string) string {
		if c := m[filepath.Base(file)]; len(c) == 4 {
			return c[:2]
		}
		return ""
	}

	codes0 := codes(out)
	line := "Kommunen ska erbjuda samhällsorientering på modersmål och språkkafé för alla nyanlända."
	appendTo(files[0], line)
	check("first change", county(files[0], codes0))
	// its stems in the file already but one: the file's row alone is
	// computed again (1 of 60 documents affected: reports' rowSimsDirect,
	// the affected documents marked as the vectors are built)
	appendTo(files[0], "Tillägg: "+line)
	check("second change", county(files[0], codes0))
	appendTo(files[5], line)
	check("third change", county(files[5], codes0))
	// a stem counted 300 times in one file: a count over a byte, whose
	// weight is 1+ln(count) computed, not read from the counts' table
	// (reports' buildVecsSome), and the unaffected documents' lists cut
	// from one array (reports' incremental)
	appendTo(files[5], strings.TrimSpace(strings.Repeat("Språkkafé ", 300)))
	check("a count over a byte", county(files[5], codes0))

	if err := os.Remove(files[7]); err != nil {
		t.Fatal(err)
	}
	check("deleted file", county(files[7], codes0))

	added := filepath.Join(tree, "9999-tillagd-plan.txt")
	data, err := os.ReadFile(files[9])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, added, append(data, "\nKommunen ska följa upp planen varje år.\n"...))
	codes1 := codes(out)
	run(filepath.Join(tmp, "probe")) // where the added file lands
	check("added file", county(added, codes(filepath.Join(tmp, "probe"))), county(files[9], codes1))

	// A file whose text is replaced by another county's document's: it
	// moves from its county to that one.
	codes2 := codes(out)
	var from, to string
	for _, a := range files[10:] {
		for _, b := range files[10:] {
			if ca, cb := county(a, codes2), county(b, codes2); ca != "" && cb != "" && ca != cb {
				from, to = a, b
				break
			}
		}
		if from != "" {
			break
		}
	}
	if from == "" {
		t.Fatal("no two documents of different counties")
	}
	text, err := os.ReadFile(to)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, from, text)
	t.Logf("moved file: %s from county %s to %s", filepath.Base(from), county(from, codes2), county(to, codes2))
	check("moved file", county(from, codes2), county(to, codes2))
	if a, b := county(from, codes2), county(from, codes(out)); a == b {
		t.Errorf("moved file: %s still in county %s", filepath.Base(from), b)
	}
}
