package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyCorpus copies the bundled corpus into a temporary folder.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	copyDir(t, filepath.Join("..", "..", "testdata", "corpus"), dir)
	return dir
}

// TestRunAsOfNotInKey: a new --as-of re-uses every stored analysis (the
// date is applied when the reports are made) and the statuses follow the
// date; run.json states the date.
func TestRunAsOfNotInKey(t *testing.T) {
	dir := copyCorpus(t)
	out := t.TempDir()
	status := func() map[string]string {
		m := map[string]string{}
		for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
			m[filepath.Base(r["document"])] = r["status"]
		}
		return m
	}
	if code, _, stderr := run(t, "", "run", "--as-of", "2010-01-01", "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	early := status()
	code, _, stderr := run(t, "", "run", "--as-of", "2040-01-01", "--out", out, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if c := counts(t, stderr); c[1] != 0 || c[2] != 0 || c[3] != c[0] {
		t.Errorf("another date re-analysed documents: counts %v (analysed, parsed, re-tagged, re-used)", c)
	}
	late := status()
	changed := 0
	for f, s := range late {
		if s != early[f] {
			changed++
			if early[f] != "current" || s != "expired" {
				t.Errorf("%s: %s in 2010, %s in 2040", f, early[f], s)
			}
		}
	}
	if changed == 0 {
		t.Errorf("no status follows the date: 2010 %v, 2040 %v", early, late)
	}
	runJSON, _ := os.ReadFile(filepath.Join(out, "run.json"))
	if !strings.Contains(string(runJSON), `"2040-01-01"`) {
		t.Errorf("run.json does not state the date:\n%s", runJSON)
	}
}

// TestStoreDocQueries runs every SQL example of docs/store.md on a store
// that has seen a codebook change: each must run, and no SELECT may
// return a row twice (the plain views hold a file once per analysis).
func TestStoreDocQueries(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "store.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 4 {
		t.Fatalf("%d SQL examples in docs/store.md", len(blocks))
	}
	dir := copyCorpus(t)
	out := t.TempDir()
	if code, _, stderr := run(t, "", "run", "--as-of", "2026-01-01", "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, cbYAML, _ := run(t, "", "themes", "--yaml")
	cb := filepath.Join(t.TempDir(), "codebook.yaml")
	// Another codebook: the same with another min_score.
	changed := regexp.MustCompile(`(?m)^min_score: .*$`).ReplaceAllString(cbYAML, "min_score: 1.5")
	if changed == cbYAML {
		t.Fatal("could not change the codebook")
	}
	writeFile(t, cb, []byte(changed))
	if code, _, stderr := run(t, "", "run", "--as-of", "2026-01-01", "--codebook", cb, "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(out, "styrdok.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var analyses int
	db.QueryRow(`SELECT count(*) FROM analyses`).Scan(&analyses)
	if analyses != 8 {
		t.Fatalf("%d analyses, want 8 (4 documents, 2 codebooks)", analyses)
	}
	for i, b := range blocks {
		q := strings.TrimSpace(b[1])
		if !strings.HasPrefix(strings.ToUpper(q), "SELECT") && !strings.HasPrefix(strings.ToUpper(q), "WITH") {
			if _, err := db.Exec(q); err != nil {
				t.Errorf("example %d: %v\n%s", i+1, err, q)
			}
			continue
		}
		rows, err := db.Query(q)
		if err != nil {
			t.Errorf("example %d: %v\n%s", i+1, err, q)
			continue
		}
		cols, _ := rows.Columns()
		seen := map[string]bool{}
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for k := range vals {
				ptrs[k] = &vals[k]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			key := fmt.Sprint(vals...)
			if seen[key] {
				t.Errorf("example %d returns a row twice: %v\n%s", i+1, vals, q)
			}
			seen[key] = true
			n++
		}
		rows.Close()
		if n == 0 {
			t.Errorf("example %d returns no row\n%s", i+1, q)
		}
	}
	// The current_* views judge the status as the reports do.
	want := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		want[r["document"]] = r["status"]
	}
	rows, err := db.Query(`SELECT path, status FROM current_documents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var p, s string
		rows.Scan(&p, &s)
		if want[p] != s {
			t.Errorf("%s: current_documents status %q, documents.csv %q", p, s, want[p])
		}
		n++
	}
	if n != len(want) {
		t.Errorf("current_documents has %d rows, documents.csv %d", n, len(want))
	}
}

// TestCLIHabits: -o, --version in --help, `help run`, `run -`, one line
// for an unknown flag, each command's own flags only.
func TestCLIHabits(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	writeFile(t, filepath.Join(dir, "other.txt"), goodText(t))
	out := t.TempDir()
	if code, _, stderr := run(t, filepath.Join(dir, "tierp.txt")+"\n", "run", "--no-store", "-o", out, "-"); code != exitOK {
		t.Fatalf("run -o OUT -: exit %d: %s", code, stderr)
	}
	if got := documentFiles(t, out); len(got) != 1 || got[0] != "tierp.txt" {
		t.Errorf("run - read %v, want tierp.txt from stdin", got)
	}
	if _, stdout, _ := run(t, "", "--help"); !strings.Contains(stdout, "--version") || !strings.Contains(stdout, "help COMMAND") {
		t.Errorf("--help does not mention --version and help COMMAND:\n%s", stdout)
	}
	_, help, _ := run(t, "", "help", "run")
	_, flagHelp, _ := run(t, "", "run", "--help")
	if help != flagHelp || !strings.Contains(help, "Usage: styrdok run") {
		t.Errorf("help run differs from run --help:\n%s", help)
	}
	code, stdout, stderr := run(t, "", "run", "--no-such-flag", dir)
	if code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "styrdok run --help") {
		t.Errorf("unknown flag: exit %d, stderr %q; want 2 and one line with the hint", code, stderr)
	}
	for cmd, not := range map[string][]string{"themes": {"-timeout", "-max-bytes", "-as-of"}, "tag": {"-timeout", "-max-bytes"}} {
		_, h, _ := run(t, "", cmd, "--help")
		for _, f := range not {
			if strings.Contains(h, f) {
				t.Errorf("%s --help lists %s, which it does not use", cmd, f)
			}
		}
	}
	for _, w := range []int{20, 40, 60, 80, 200} {
		if l := progressLine(500, 2000, 12, 130, 1e10, w); len(l) > w-1 {
			t.Errorf("width %d: progress line of %d columns: %q", w, len(l), l)
		}
	}
	if l := progressLine(500, 2000, 12, 130, 1e10, 120); !strings.HasPrefix(l, "[") {
		t.Errorf("a wide terminal has no bar: %q", l)
	}
}
