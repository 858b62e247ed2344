package main

import (
	"bytes"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// codebookVariants writes codebooks a user might switch between: "A" the
// embedded one as YAML, "B" with one term added (the change
// docs/benchmarks.md measures), "C" with a higher score threshold, a
// phrase and a role word, which changes levels, sections and actions;
// "D" A with a term removed, "E" A with a weight changed (B, D and E
// differ from A and from each other in terms only, so a run keeps the
// analyses the change cannot touch), "G" A with another threshold.
func codebookVariants(t *testing.T) map[string]string {
	t.Helper()
	yaml := new(bytes.Buffer)
	if code := Main([]string{"themes", "--yaml"}, &env{stdin: strings.NewReader(""), stdout: yaml, stderr: new(bytes.Buffer)}); code != exitOK {
		t.Fatal("themes --yaml failed")
	}
	edit := func(s, old, new string) string {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("codebook has no %q to edit", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	a := yaml.String()
	b := edit(a, "      - {term: arbetsmarknad, weight: 2}\n", "      - {term: arbetsmarknad, weight: 2}\n      - {term: lönearbete, weight: 2}\n")
	c := edit(b, "\nmin_score: 1\n", "\nmin_score: 1.5\n")
	c = edit(c, "\nroles: [", "\nroles: [samordnare, ")
	d := edit(a, "      - {term: arbetsträning, weight: 2}\n", "")
	e := edit(a, "      - {term: arbetsgivare, weight: 2}\n", "      - {term: arbetsgivare, weight: 3}\n")
	g := edit(a, "\nmin_score: 1\n", "\nmin_score: 2\n")
	dir := t.TempDir()
	out := map[string]string{}
	for name, y := range map[string]string{"A": a, "B": b, "C": c, "D": d, "E": e, "G": g} {
		out[name] = filepath.Join(dir, name+".yaml")
		writeFile(t, out[name], []byte(y))
	}
	return out
}

// TestRetagStoredPrepared: a codebook change re-tags every document from
// its stored prepared analysis and text (or keeps the stored analysis of
// a codebook that differs in terms the document cannot match), and every
// report is byte-identical to a cold run with the new codebook on a
// fresh store; switching on to a third codebook and back to the first
// does the same, and so do a term removed and a weight changed.
// The inputs are the bundled corpus and the mixed folder (every format,
// PDF pages, failures and unsupported files).
func TestRetagStoredPrepared(t *testing.T) {
	cbs := codebookVariants(t)
	inputs := []string{"../../testdata/corpus", "../../testdata/mixed"}
	base := []string{"run", "--as-of", "2026-01-01", "--timeout", "30m", "--format", "csv,parquet"}
	out := filepath.Join(t.TempDir(), "out")
	runWith := func(cb, dir string) (int, string) {
		t.Helper()
		return runStyrdok(t, append(append(append([]string{}, base...), "--codebook", cb, "--out", dir), inputs...)...)
	}
	want, stderr := runWith(cbs["A"], out)
	c := counts(t, stderr)
	if want != exitFailure || c[0] < 10 || c[1] != c[0] {
		t.Fatalf("cold run: exit %d, counts %v, want every document parsed and the bad files failed\n%s", want, c, stderr)
	}
	n := c[0]
	db, err := sql.Open("sqlite", "file:"+filepath.Join(out, "styrdok.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var prepared int
	db.QueryRow(`SELECT count(*) FROM prepared`).Scan(&prepared)
	if prepared == 0 || prepared > n {
		t.Fatalf("%d prepared analyses stored for %d documents", prepared, n)
	}
	for _, step := range []struct {
		cb    string
		retag bool // false: back at a codebook seen before, the stored analyses are re-used
	}{{"B", true}, {"C", true}, {"A", false}, {"B", false}, {"D", true}, {"E", true}} {
		code, stderr := runWith(cbs[step.cb], out)
		c := counts(t, stderr)
		wantC := [4]int{n, 0, n, 0}
		if !step.retag {
			wantC = [4]int{n, 0, 0, n}
		}
		if code != want || c != wantC || strings.Contains(stderr, "could not be used") {
			t.Fatalf("codebook %s: exit %d, counts %v, want %v\n%s", step.cb, code, c, wantC, stderr)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if code, stderr := runWith(cbs[step.cb], fresh); code != want {
			t.Fatalf("cold run with codebook %s: exit %d\n%s", step.cb, code, stderr)
		}
		sameOutputs(t, fresh, out)
	}
}

// TestRetagDamagedPrepared: a damaged prepared row is named on stderr
// with its file, the document is analysed again from its text, the
// reports are those of a cold run, and the row is replaced, so the next
// codebook change re-tags it without a word.
func TestRetagDamagedPrepared(t *testing.T) {
	cbs := codebookVariants(t)
	dir := copyCorpus(t)
	base := []string{"run", "--as-of", "2026-01-01", "--timeout", "30m"}
	out := filepath.Join(t.TempDir(), "out")
	runWith := func(cb, out string) (int, string) {
		t.Helper()
		return runStyrdok(t, append(append([]string{}, base...), "--codebook", cb, "--out", out, dir)...)
	}
	if code, stderr := runWith(cbs["A"], out); code != exitOK {
		t.Fatalf("cold run: exit %d\n%s", code, stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(out, "styrdok.db"))
	if err != nil {
		t.Fatal(err)
	}
	var path string
	// One row cut short, one with a byte changed (S2 still decodes it:
	// the prepared form's checksum finds it).
	if err := db.QueryRow(`SELECT f.path FROM files f JOIN prepared p ON p.sha256 = f.sha256 ORDER BY f.path LIMIT 1`).Scan(&path); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE prepared SET data = substr(data, 1, 20) WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?)`, path); err != nil {
		t.Fatal(err)
	}
	var path2 string
	if err := db.QueryRow(`SELECT f.path FROM files f JOIN prepared p ON p.sha256 = f.sha256 ORDER BY f.path DESC LIMIT 1`).Scan(&path2); err != nil {
		t.Fatal(err)
	}
	var data []byte
	db.QueryRow(`SELECT data FROM prepared WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?)`, path2).Scan(&data)
	data[len(data)-3] ^= 0x10 // within the literal bytes near the end: the warnings or the checksum
	if _, err := db.Exec(`UPDATE prepared SET data = ? WHERE sha256 = (SELECT sha256 FROM files WHERE path = ?)`, data, path2); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// C differs from A beyond terms: every document is re-tagged from its
	// prepared row (one that differs in terms only keeps the analyses
	// the change cannot touch, and would not read these rows).
	code, stderr := runWith(cbs["C"], out)
	if code != exitOK {
		t.Fatalf("run with damaged rows: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{path, path2} {
		if !strings.Contains(stderr, p+": warning: the stored prepared analysis could not be used") {
			t.Errorf("stderr does not name %s's damaged prepared analysis:\n%s", p, stderr)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	if code, stderr := runWith(cbs["C"], fresh); code != exitOK {
		t.Fatalf("cold run: exit %d\n%s", code, stderr)
	}
	sameOutputs(t, fresh, out)

	code, stderr = runWith(cbs["G"], out)
	if c := counts(t, stderr); code != exitOK || c[2] != c[0] || strings.Contains(stderr, "could not be used") {
		t.Fatalf("run after the damaged rows were replaced: exit %d, counts %v\n%s", code, c, stderr)
	}
}
