package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// copyTree copies a directory tree, recreating symlinks as symlinks.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case info.IsDir():
			return os.MkdirAll(target, 0o755)
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestRunMixedTree is issue 3's acceptance test: a tree mixing good
// documents of every format with one example of each bad input. The run
// must finish with exit 1, analyse every good document with the right
// municipality, list every bad one with its reason, and leak no goroutine.
func TestRunMixedTree(t *testing.T) {
	tree := filepath.Join(t.TempDir(), "mixed")
	copyTree(t, filepath.Join("..", "..", "testdata", "mixed"), tree)
	// What git cannot keep: a file over the size limit and an unreadable one.
	big := strings.Repeat("Tierps kommun ska erbjuda fler praktikplatser. ", 30000) // ~1.4 MB
	if err := os.WriteFile(filepath.Join(tree, "bad-too-large.txt"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	// Unreadable: a named pipe (opening it would block forever) and, when
	// not root (root reads anything), a file with mode 000.
	if err := syscall.Mkfifo(filepath.Join(tree, "bad-fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tree, "bad-noperm.txt"), []byte("Ale kommun"), 0o000); err != nil {
		t.Fatal(err)
	}

	// A first run starts os/signal's watcher, which lives as long as the
	// process; count goroutines only after it exists.
	run(t, "", "run", "--quiet", "--out", t.TempDir(), filepath.Join(tree, "good-tierp-utf8.txt"))
	before := runtime.NumGoroutine()
	out := t.TempDir()
	// A far time limit: under the race detector the bomb takes over a
	// minute to reach the decompression limit, and the reason asserted
	// must not depend on the machine's speed.
	code, _, stderr := run(t, "", "run", "--max-bytes", "1000000", "--timeout", "30m", "--out", out, tree)
	if code != exitFailure {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	want := map[string]string{
		"good-ale-cp1252.txt": "1440", "good-ale.html": "1440", "good-alingsas.md": "1489",
		"good-gislaved-utf16.txt": "0662", "good-gislaved.pdf": "0662", "good-simple.pdf": "0360",
		"good-tierp-utf8.txt": "0360", "good-tierp.docx": "0360", "good-tierp.odt": "0360",
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		got[filepath.Base(r["document"])] = r["municipality_code"]
		if r["words"] == "0" {
			t.Errorf("%s: no words analysed", r["document"])
		}
	}
	for f, code := range want {
		if got[f] != code {
			t.Errorf("%s: municipality %q, want %q", f, got[f], code)
		}
	}
	reasons := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "failures.csv")) {
		reasons[filepath.Base(r["document"])] = r["reason"]
	}
	wantReasons := map[string]string{
		"bad-empty.txt": "empty file", "bad-truncated.pdf": "truncated", "bad-random.pdf": "not a valid PDF",
		"bad-encrypted.pdf": "encrypted", "bad-scanned.pdf": "no text layer", "bad-bomb.pdf": "decompression",
		"bad-image.png": "unsupported file type", "bad-archive.zip": "unsupported file type", "loop": "symlink loop",
		"bad-too-large.txt": "too large", "bad-fifo.txt": "not a regular file",
	}
	for f, frag := range wantReasons {
		if !strings.Contains(reasons[f], frag) {
			t.Errorf("%s: reason %q, want it to mention %q", f, reasons[f], frag)
		}
		if !strings.Contains(stderr, f) {
			t.Errorf("stderr does not name %s", f)
		}
	}
	if _, ok := reasons["bad-noperm.txt"]; !ok && os.Geteuid() != 0 {
		t.Errorf("unreadable file not listed")
	}
	summary, _ := os.ReadFile(filepath.Join(out, "summary.md"))
	if !strings.Contains(string(summary), "bad-bomb.pdf") {
		t.Errorf("summary.md does not list the failures")
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Errorf("a panic reached the user:\n%s", stderr)
	}
	// Workers and parsers must all have stopped.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines: %d before the run, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

// TestRunLimitFlags: --timeout and --max-decompressed reach the parser.
func TestRunLimitFlags(t *testing.T) {
	bomb := filepath.Join("..", "..", "testdata", "mixed", "bad-bomb.pdf")
	reason := func(args ...string) string {
		out := t.TempDir()
		run(t, "", append(append([]string{"run", "--quiet", "--no-store", "--out", out}, args...), bomb)...)
		rows := readCSV(t, filepath.Join(out, "failures.csv"))
		if len(rows) != 1 {
			t.Fatalf("%v: %d failures, want 1", args, len(rows))
		}
		return rows[0]["reason"]
	}
	if r := reason("--max-decompressed", "1000000"); !strings.Contains(r, "decompression limit (1000000 bytes") {
		t.Errorf("--max-decompressed not applied: %s", r)
	}
	if r := reason("--max-decompressed", "100000000000", "--timeout", "30ms"); !strings.Contains(r, "time limit (30ms)") {
		t.Errorf("--timeout not applied: %s", r)
	}
}

// TestRunUnsupportedOnly: non-documents next to good documents are listed
// as unsupported, and the run still succeeds.
func TestRunUnsupportedOnly(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"good-tierp-utf8.txt", "bad-image.png", "bad-archive.zip"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "mixed", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, _, stderr := run(t, "", "run", "--no-store", "--out", out, dir)
	if code != exitOK {
		t.Fatalf("exit %d, want 0: %s", code, stderr)
	}
	rows := readCSV(t, filepath.Join(out, "failures.csv"))
	if len(rows) != 2 || rows[0]["status"] != "unsupported" || rows[1]["status"] != "unsupported" {
		t.Errorf("failures.csv: %v", rows)
	}
	if !strings.Contains(stderr, "bad-image.png") {
		t.Errorf("stderr does not name the skipped file: %s", stderr)
	}
}
