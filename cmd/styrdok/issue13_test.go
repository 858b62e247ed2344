package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/reports"
)

// goodText is a small document styrdok analyses (Tierp, from testdata/mixed).
func goodText(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "mixed", "good-tierp-utf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// documentFiles is the file column of OUT/documents.csv, base names.
func documentFiles(t *testing.T, out string) []string {
	t.Helper()
	var names []string
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		names = append(names, filepath.Base(r["document"]))
	}
	return names
}

// TestRunFailureKeyedByLimits: a file that failed on --max-bytes is read
// again once the limit is raised, not answered from the store.
func TestRunFailureKeyedByLimits(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	out := t.TempDir()
	code, _, stderr := run(t, "", "run", "--max-bytes", "100", "--out", out, dir)
	if code != exitFailure || !strings.Contains(stderr, "too large") {
		t.Fatalf("--max-bytes 100: exit %d, want 1 with 'too large':\n%s", code, stderr)
	}
	code, _, stderr = run(t, "", "run", "--out", out, dir)
	if code != exitOK {
		t.Fatalf("default --max-bytes: exit %d, want 0 (the stored failure came back?):\n%s", code, stderr)
	}
	if got := documentFiles(t, out); len(got) != 1 || got[0] != "tierp.txt" {
		t.Errorf("documents.csv files %v, want tierp.txt", got)
	}
}

// TestRunUpToDateCounts: an up-to-date run counts and prints like a full
// run (unsupported files apart from failed ones), and with --quiet a run
// that exits 1 says why.
func TestRunUpToDateCounts(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	png, err := os.ReadFile(filepath.Join("..", "..", "testdata", "mixed", "bad-image.png"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "image.png"), png)
	out := t.TempDir()
	tail := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		last := lines[len(lines)-1]
		return last[:strings.Index(last, ";")]
	}
	code1, _, full := run(t, "", "run", "--out", out, dir)
	code2, _, again := run(t, "", "run", "--out", out, dir)
	if !strings.Contains(again, "up to date") {
		t.Fatalf("second run not up to date:\n%s", again)
	}
	if code1 != exitOK || code2 != exitOK {
		t.Errorf("exit %d then %d, want 0 and 0 (an unsupported file alone does not fail a run)", code1, code2)
	}
	if !strings.Contains(full, "0 failed, 1 unsupported") || !strings.Contains(again, "0 failed, 1 unsupported") {
		t.Errorf("counts differ between a full and an up-to-date run:\n%s\n%s", tail(full), tail(again))
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(out, "styrdok.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT failed, unsupported FROM runs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var f, u int
		rows.Scan(&f, &u)
		if f != 0 || u != 1 {
			t.Errorf("store's runs: %d failed, %d unsupported; want 0 and 1 as the summary says", f, u)
		}
	}
	rows.Close()
	db.Close()

	// A failing file, --quiet, up to date: exit 1 and a reason.
	writeFile(t, filepath.Join(dir, "empty.txt"), []byte("  \n"))
	run(t, "", "run", "--quiet", "--out", out, dir)
	code, _, stderr := run(t, "", "run", "--quiet", "--out", out, dir)
	if code != exitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "1 of 3 files failed") {
		t.Errorf("--quiet up-to-date run exits 1 without saying why:\n%q", stderr)
	}
}

// TestRunSymlinkOutOfTree: a link from the corpus to a file outside it
// is listed, not read; --follow-symlinks reads it.
func TestRunSymlinkOutOfTree(t *testing.T) {
	base := t.TempDir()
	writeFile(t, filepath.Join(base, "secret", "passwd.txt"), []byte("Hemligt: Sundsvalls kommun integration av nyanlända.\n"))
	dir := filepath.Join(base, "corpus")
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	if err := os.Symlink(filepath.Join(base, "secret", "passwd.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, _, stderr := run(t, "", "run", "--no-store", "--out", out, dir)
	if got := documentFiles(t, out); len(got) != 1 || got[0] != "tierp.txt" {
		t.Errorf("documents.csv files %v, want tierp.txt only (the link leads out of the corpus)", got)
	}
	fails := readCSV(t, filepath.Join(out, "failures.csv"))
	if len(fails) != 1 || filepath.Base(fails[0]["document"]) != "link.txt" || !strings.Contains(fails[0]["reason"], "outside") {
		t.Errorf("failures.csv %v, want link.txt leading outside", fails)
	}
	if code != exitFailure || !strings.Contains(stderr, "--follow-symlinks") {
		t.Errorf("exit %d, want 1 and a hint at --follow-symlinks:\n%s", code, stderr)
	}
	run(t, "", "run", "--no-store", "--follow-symlinks", "--out", out, dir)
	if got := documentFiles(t, out); len(got) != 2 {
		t.Errorf("--follow-symlinks: documents %v, want 2", got)
	}
}

// TestRunCleansStaleTemp: what a killed run left (temporary report files,
// a staging folder) is removed by the next run.
func TestRunCleansStaleTemp(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	out := t.TempDir()
	writeFile(t, filepath.Join(out, ".report.html.tmp3k9xq"), []byte("half a report"))
	writeFile(t, filepath.Join(out, stagingPrefix+"123", "evidence.csv"), []byte("half"))
	writeFile(t, filepath.Join(out, "notes.txt"), []byte("the user's own file"))
	if code, _, stderr := run(t, "", "run", "--no-store", "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), stagingPrefix) {
			t.Errorf("%s left in the output folder", e.Name())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "notes.txt")); err != nil {
		t.Errorf("a file that is not styrdok's was removed: %v", err)
	}
}

// TestRunReportFailureRecorded: when a report cannot be written the run
// exits 1, the store records the run as failed (not completed, not left
// running) and the output folder keeps the earlier reports, all of them.
func TestRunReportFailureRecorded(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	out := t.TempDir()
	if code, _, stderr := run(t, "", "run", "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "run.json"))
	os.Remove(filepath.Join(out, "report.html"))
	if err := os.Mkdir(filepath.Join(out, "report.html"), 0o755); err != nil { // cannot be replaced by a file
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "tierp2.txt"), append(goodText(t), "\nEtt tillägg.\n"...))
	code, _, stderr := run(t, "", "run", "--out", out, dir)
	if code != exitFailure || !strings.Contains(stderr, "report.html") {
		t.Fatalf("exit %d, want 1 naming report.html:\n%s", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "run.json"))
	if string(before) != string(after) {
		t.Errorf("run.json was replaced by a run whose reports failed")
	}
	if got := documentFiles(t, out); len(got) != 1 {
		t.Errorf("documents.csv replaced: %v", got)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(out, "styrdok.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var status string
	if err := db.QueryRow(`SELECT status FROM runs ORDER BY id DESC LIMIT 1`).Scan(&status); err != nil || status != "failed" {
		t.Errorf("store's run status %q (%v), want failed", status, err)
	}
}

// TestRunOutputLocked: a second run writing the same output folder while
// the first holds it fails at once, naming the process that holds it.
func TestRunOutputLocked(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	out := t.TempDir()
	lock, err := lockOut(out)
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to the open file: a second open in this process
	// conflicts with it as another process's would.
	code, _, stderr := run(t, "", "run", "--no-store", "--out", out, dir)
	lock.release()
	if code != exitFailure || !strings.Contains(stderr, "another styrdok run") || !strings.Contains(stderr, "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("exit %d, want 1 naming the holder:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "documents.csv")); err == nil {
		t.Errorf("reports written into a locked folder")
	}
	if code, _, stderr := run(t, "", "run", "--no-store", "--out", out, dir); code != exitOK {
		t.Errorf("after release: exit %d: %s", code, stderr)
	}
}

// TestRunNewlineInName: a file name with a newline keeps its error on
// one line (quoted).
func TestRunNewlineInName(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	writeFile(t, filepath.Join(dir, "bad\nname.txt"), []byte(" "))
	code, _, stderr := run(t, "", "run", "--no-store", "--out", t.TempDir(), dir)
	if code != exitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, "styrdok") {
			t.Errorf("a message line split by a file name: %q", l)
		}
	}
	if !strings.Contains(stderr, `bad\nname.txt": empty file`) {
		t.Errorf("the name is not quoted:\n%s", stderr)
	}
}

// TestWriteReportsInterrupted: reports being written when Ctrl-C comes
// are dropped whole: the output folder keeps what it had, and no staging
// folder stays.
func TestWriteReportsInterrupted(t *testing.T) {
	out := t.TempDir()
	writeFile(t, filepath.Join(out, "documents.csv"), []byte("earlier\n"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cb, err := analysis.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = writeReports(ctx, out, &reports.Report{Codebook: cb}, false)
	if err == nil {
		t.Fatal("no error from an interrupted write")
	}
	if data, _ := os.ReadFile(filepath.Join(out, "documents.csv")); string(data) != "earlier\n" {
		t.Errorf("documents.csv replaced by an interrupted write: %q", data)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries (%v), want documents.csv only", len(entries), entries)
	}
}

// TestRunMissingPath: a path that does not exist is a usage error and
// nothing is written; an empty folder warns.
func TestRunMissingPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	out := t.TempDir()
	if code, _, stderr := run(t, "", "run", "--out", out, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "documents.csv"))
	code, _, stderr := run(t, "", "run", "--out", out, dir+"-typo")
	if code != exitUsage || !strings.Contains(stderr, "-typo") {
		t.Errorf("missing path: exit %d, want 2 naming it:\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "documents.csv")); string(after) != string(before) {
		t.Errorf("a missing path replaced the reports")
	}
	fresh := filepath.Join(t.TempDir(), "never")
	run(t, "", "run", "--out", fresh, dir+"-typo")
	if _, err := os.Stat(fresh); err == nil {
		t.Errorf("a missing path created the output folder")
	}
	empty := t.TempDir()
	if code, _, stderr := run(t, "", "run", "--no-store", "--out", t.TempDir(), empty); code != exitOK || !strings.Contains(stderr, "warning: no files found") {
		t.Errorf("empty folder: exit %d, want 0 and a warning:\n%s", code, stderr)
	}
}

// TestRunStaleCountyReport: a county table from an earlier run that this
// run does not make is removed, and the run says so.
func TestRunStaleCountyReport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t)) // Tierp: county 03
	out := t.TempDir()
	run(t, "", "run", "--no-store", "--out", out, dir)
	if _, err := os.Stat(filepath.Join(out, "county-03.csv")); err != nil {
		t.Fatalf("first run: %v", err)
	}
	code, _, stderr := run(t, "", "run", "--no-store", "--county", "14", "--out", out, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "county-03.csv")); err == nil {
		t.Errorf("county-03.csv from the earlier run is still there")
	}
	if !strings.Contains(stderr, "county-03.csv") {
		t.Errorf("the removal is not reported:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "county-14.csv")); err != nil {
		t.Errorf("county-14.csv: %v", err)
	}
}

// TestAnalyzeTimeout: `styrdok analyze --timeout` bounds the analysis as
// well as the parse.
func TestAnalyzeTimeout(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tierp.txt"), goodText(t))
	code, _, stderr := run(t, "", "analyze", "--timeout", "1ns", filepath.Join(dir, "tierp.txt"))
	if code != exitFailure || !strings.Contains(stderr, "time limit") || !strings.Contains(stderr, "tierp.txt") {
		t.Errorf("exit %d, want 1 naming the file and the time limit: %q", code, stderr)
	}
}
