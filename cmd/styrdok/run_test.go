package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// genCorpus writes a synthetic corpus of n text documents and pdfs PDFs.
func genCorpus(t *testing.T, n, pdfs int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := gen.Generate(gen.Options{Source: "../../testdata/corpus", Out: dir, Texts: n, PDFs: pdfs, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runStyrdok runs styrdok in-process and returns its exit code and stderr.
func runStyrdok(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return code, errb.String()
}

var summaryLine = regexp.MustCompile(`(\d+) documents analysed \((\d+) parsed, (\d+) re-tagged from stored text, (\d+) re-used\)`)

// counts parses the final summary line: analysed, parsed, re-tagged, re-used.
func counts(t *testing.T, stderr string) [4]int {
	t.Helper()
	m := summaryLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line in stderr:\n%s", stderr)
	}
	var c [4]int
	for i := range c {
		fmt.Sscan(m[i+1], &c[i])
	}
	return c
}

// sameOutputs fails unless every report file in a and b is byte-identical
// (the store is not a report and is left out).
func sameOutputs(t *testing.T, a, b string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	n := 0
	for _, fa := range files {
		name := filepath.Base(fa)
		if strings.HasPrefix(name, "styrdok.db") {
			continue
		}
		n++
		da, err := os.ReadFile(fa)
		if err != nil {
			t.Fatal(err)
		}
		db, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatalf("%s: missing from %s: %v", name, b, err)
		}
		if name == "run.json" {
			da, db = runJSONWithoutRunDetails(t, da), runJSONWithoutRunDetails(t, db)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between %s and %s", name, a, b)
		}
	}
	if n < 6 {
		t.Fatalf("only %d report files in %s", n, a)
	}
}

// runJSONWithoutRunDetails drops what run.json records about the run
// rather than its results: the times and the options that name the output
// folder, store and workers.
func runJSONWithoutRunDetails(t *testing.T, data []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("run.json: %v", err)
	}
	delete(m, "started_at")
	delete(m, "finished_at")
	if opts, ok := m["options"].(map[string]any); ok {
		for _, k := range []string{"out", "store", "no-store", "workers"} {
			delete(opts, k)
		}
	}
	out, _ := json.Marshal(m)
	return out
}

func TestRunIncremental(t *testing.T) {
	corpusDir := genCorpus(t, 120, 2) // the PDFs fail until PDF ingest lands, or parse after: either way the same in every run
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	base := []string{"run", "--as-of", "2026-01-01", "--workers", "2", "--format", "csv,parquet", "--out", out, corpusDir}

	code, stderr := runStyrdok(t, base...)
	want := code
	c := counts(t, stderr)
	if code != exitOK && code != exitFailure || c[1] != c[0] || c[0] < 120 {
		t.Fatalf("first run: exit %d, counts %v, want all parsed\n%s", code, c, stderr)
	}
	n := c[0] // 120, or 122 once PDFs are read
	first := filepath.Join(tmp, "first")
	copyDir(t, out, first)

	// Unchanged corpus: reports up to date, nothing loaded or written.
	code, stderr = runStyrdok(t, base...)
	if c := counts(t, stderr); code != want || c != [4]int{n, 0, 0, n} || !strings.Contains(stderr, "up to date") {
		t.Fatalf("second run: exit %d counts %v, want all re-used and reports up to date\n%s", code, c, stderr)
	}
	sameOutputs(t, first, out)

	// A report removed: every analysis re-used from the store, reports
	// written again, identical.
	os.Remove(filepath.Join(out, "summary.md"))
	code, stderr = runStyrdok(t, base...)
	if c := counts(t, stderr); code != want || c != [4]int{n, 0, 0, n} || strings.Contains(stderr, "up to date") {
		t.Fatalf("run after removing a report: exit %d counts %v, want all re-used\n%s", code, c, stderr)
	}
	sameOutputs(t, first, out)

	// One file changed, one added, one copied under a new name: only the
	// changed and new files are read; the copy's content is known.
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	f, _ := os.OpenFile(files[3], os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nKommunen ska erbjuda språkkafé och mötesplatser för nyanlända.\n")
	f.Close()
	data, _ := os.ReadFile(files[5])
	os.WriteFile(filepath.Join(corpusDir, "zz-copy.txt"), data, 0o644)
	os.WriteFile(filepath.Join(corpusDir, "zz-new.txt"), []byte("Integrationsplan\n\nArbete och bostad för nyanlända är kommunens mål.\n"), 0o644)
	code, stderr = runStyrdok(t, base...)
	if c := counts(t, stderr); code != want || c != [4]int{n + 2, 3, 0, n - 1} {
		t.Fatalf("third run: exit %d counts %v, want 3 read (1 changed, 2 new), 119 re-used\n%s", code, c, stderr)
	}
	fresh := filepath.Join(tmp, "fresh")
	if code, stderr := runStyrdok(t, "run", "--as-of", "2026-01-01", "--no-store", "--format", "csv,parquet", "--out", fresh, corpusDir); code != want {
		t.Fatalf("fresh run: exit %d\n%s", code, stderr)
	}
	sameOutputs(t, fresh, out)

	// A codebook change re-tags stored text without reading any file.
	code, yaml := 0, new(bytes.Buffer)
	code = Main([]string{"themes", "--yaml"}, &env{stdin: strings.NewReader(""), stdout: yaml, stderr: new(bytes.Buffer)})
	if code != exitOK {
		t.Fatal("themes --yaml failed")
	}
	cbFile := filepath.Join(tmp, "codebook.yaml")
	edited := strings.Replace(yaml.String(), "\nmin_score: 1\n", "\nmin_score: 1.5\n", 1)
	if edited == yaml.String() {
		t.Fatal("codebook has no 'min_score: 1' line to edit")
	}
	os.WriteFile(cbFile, []byte(edited), 0o644)
	withCB := append([]string{"run", "--codebook", cbFile}, base[1:]...)
	code, stderr = runStyrdok(t, withCB...)
	if c := counts(t, stderr); code != want || c != [4]int{n + 2, 0, n + 2, 0} {
		t.Fatalf("codebook run: exit %d counts %v, want all re-tagged from stored text\n%s", code, c, stderr)
	}
	fresh2 := filepath.Join(tmp, "fresh2")
	if code, stderr := runStyrdok(t, "run", "--codebook", cbFile, "--as-of", "2026-01-01", "--no-store", "--format", "csv,parquet", "--out", fresh2, corpusDir); code != want {
		t.Fatalf("fresh codebook run: exit %d\n%s", code, stderr)
	}
	sameOutputs(t, fresh2, out)
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	// Recursive: OUT holds folders too (the fragments beside the store).
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRunKilled kills a real `styrdok run` with SIGKILL once part of its
// work is committed to the store, runs it again, and checks that the
// reports are byte-identical to an uninterrupted run's.
func TestRunKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it three times")
	}
	bin := filepath.Join(t.TempDir(), "styrdok")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpusDir := genCorpus(t, 600, 10)
	tmp := t.TempDir()
	args := func(out string, workers int) []string {
		return []string{"run", "--as-of", "2026-01-01", "--workers", fmt.Sprint(workers), "--format", "csv,parquet", "--out", out, corpusDir}
	}

	clean := filepath.Join(tmp, "clean")
	cleanCode := exitCode(exec.Command(bin, args(clean, 2)...).Run())

	killed := filepath.Join(tmp, "killed")
	cmd := exec.Command(bin, args(killed, 1)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	dbPath := filepath.Join(killed, "styrdok.db")
	deadline := time.Now().Add(30 * time.Second)
	stored := 0
	for stored == 0 {
		select {
		case err := <-exited:
			t.Fatalf("run finished (%v) before any progress was seen in the store; stderr:\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no progress in the store after 30 s")
		}
		stored = countRows(dbPath, "analyses")
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := <-exited
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Logf("note: the run ended before SIGKILL arrived (%v)", err)
	}
	t.Logf("killed after %d analyses were committed", stored)

	db, dberr := sql.Open("sqlite", "file:"+dbPath)
	if dberr != nil {
		t.Fatal(dberr)
	}
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("store after SIGKILL: integrity_check %q %v", check, err)
	}
	db.Close()

	cmd = exec.Command(bin, args(killed, 2)...)
	stderr.Reset()
	cmd.Stderr = &stderr
	if code := exitCode(cmd.Run()); code != cleanCode {
		t.Fatalf("resumed run exit %d, clean run %d\n%s", code, cleanCode, stderr.String())
	}
	c := counts(t, stderr.String())
	if c[3] == 0 || c[1] == c[0] {
		t.Errorf("resumed run re-used nothing: counts %v", c)
	}
	t.Logf("resumed run: %d analysed, %d parsed, %d re-used", c[0], c[1], c[3])
	sameOutputs(t, clean, killed)

	db, _ = sql.Open("sqlite", "file:"+dbPath)
	defer db.Close()
	var interrupted, completed int
	db.QueryRow(`SELECT count(*) FILTER (WHERE status = 'interrupted'), count(*) FILTER (WHERE status = 'completed') FROM runs`).Scan(&interrupted, &completed)
	if interrupted != 1 || completed != 1 {
		t.Errorf("runs table: %d interrupted, %d completed; want 1 and 1", interrupted, completed)
	}
}

// countRows counts a table's committed rows, 0 while it does not exist.
func countRows(dbPath, table string) int {
	if _, err := os.Stat(dbPath); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	n := 0
	db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
	return n
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

// TestRunSkip: --skip refuses a name that is not an output file, listing
// the output files there are (the county tables and the Parquet files
// among them), and writes nothing; the names it takes are left out,
// county-*.csv every county table and a Parquet name its file.
func TestRunSkip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stderr := runStyrdok(t, "run", "--quiet", "--skip", "report.html,summary.mdx", "-o", out, "../../testdata/corpus")
	if code != exitUsage {
		t.Errorf("unknown --skip name: exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{`--skip "summary.mdx"`, "summary.md,", "county-summary.csv", "county-*.csv", "documents.parquet", "coverage_long.parquet", "evidence.parquet"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused --skip wrote %s (%v)", out, err)
	}

	code, stderr = runStyrdok(t, "run", "--quiet", "--no-store", "--format", "csv,parquet", "--skip", "county-*.csv,evidence.parquet,report.html", "-o", out, "../../testdata/corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"evidence.parquet", "report.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); !os.IsNotExist(err) {
			t.Errorf("%s written though skipped (%v)", name, err)
		}
	}
	if counties, _ := filepath.Glob(filepath.Join(out, "county-[0-9]*.csv")); len(counties) != 0 {
		t.Errorf("county tables written though skipped: %v", counties)
	}
	for _, name := range []string{"documents.csv", "county-summary.csv", "documents.parquet", "coverage_long.parquet"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
}
