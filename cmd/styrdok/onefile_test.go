package main

import (
	"os"
	"path/filepath"
	"testing"
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
