package main

import (
	"bytes"
	"flag"
	goldenfile "github.com/styrdok/styrdok/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run runs styrdok in-process and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"nosuchcommand"}, exitUsage},
		{[]string{"--help"}, exitOK},
		{[]string{"run", "--help"}, exitOK},
		{[]string{"analyze", "--help"}, exitOK},
		{[]string{"tag", "--help"}, exitOK},
		{[]string{"themes", "--help"}, exitOK},
		{[]string{"text", "--help"}, exitOK},
		{[]string{"run"}, exitUsage},
		{[]string{"run", "--no-such-flag", "x"}, exitUsage},
		{[]string{"analyze"}, exitUsage},
		{[]string{"analyze", "--format", "xml", "x"}, exitUsage},
		{[]string{"analyze", "does-not-exist.txt"}, exitFailure},
		{[]string{"run", "--codebook", "does-not-exist.yaml", "../../testdata/corpus"}, exitUsage},
	}
	for _, c := range cases {
		if code, _, stderr := run(t, "", c.args...); code != c.code {
			t.Errorf("styrdok %v: exit %d, want %d (stderr %q)", c.args, code, c.code, stderr)
		}
	}
	_, _, stderr := run(t, "", "analyze", "does-not-exist.txt")
	if !strings.Contains(stderr, "does-not-exist.txt") {
		t.Errorf("error does not name the file: %q", stderr)
	}
}

// TestRunGolden runs the main job on the bundled corpus and compares every
// report with its golden copy; a second run must give identical bytes.
func TestRunGolden(t *testing.T) {
	corpusDir := filepath.Join("..", "..", "testdata", "corpus")
	out1, out2 := t.TempDir(), t.TempDir()
	for _, out := range []string{out1, out2} {
		if code, _, stderr := run(t, "", "run", "--quiet", "--as-of", "2026-11-23", "--out", out, corpusDir); code != exitOK {
			t.Fatalf("run: exit %d: %s", code, stderr)
		}
	}
	names, err := os.ReadDir(out1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range names {
		if e.IsDir() || e.Name() == "run.json" || strings.HasSuffix(e.Name(), ".db") || strings.HasPrefix(e.Name(), "styrdok.db") {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(out1, e.Name()))
		b, err := os.ReadFile(filepath.Join(out2, e.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs over the same input", e.Name())
		}
	}
	for _, name := range []string{"documents.csv", "coverage.csv", "coverage_long.csv", "evidence.csv", "actions.csv", "summary.md", "failures.csv"} {
		got, err := os.ReadFile(filepath.Join(out1, name))
		if err != nil {
			t.Fatalf("%s not written: %v", name, err)
		}
		compareGolden(t, name, got)
	}
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got, *update, "./cmd/styrdok")
}

// TestTagCommand feeds Tierp's action rows to `styrdok tag` and checks the
// output shape and the agreement with the authors' labels.
func TestTagCommand(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold", "tierp-action-rows.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var in strings.Builder
	var labels []string
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		labels = append(labels, f[0])
		in.WriteString(f[2] + "\n")
	}
	code, out, stderr := run(t, in.String(), "tag")
	if code != exitOK {
		t.Fatalf("tag: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(labels) {
		t.Fatalf("tag printed %d lines for %d segments", len(lines), len(labels))
	}
	top := 0
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			t.Fatalf("line %d: %q is not TOP<TAB>ALL", i+1, l)
		}
		if f[1] != "" && !strings.HasPrefix(f[1], f[0]) {
			t.Errorf("line %d: TOP %q is not first of ALL %q", i+1, f[0], f[1])
		}
		if f[0] == labels[i] {
			top++
		}
	}
	if pct := 100 * float64(top) / float64(len(labels)); pct < 80 {
		t.Errorf("tag command: top agreement %.1f%% < 80%%", pct)
	}
}

func TestThemesYAMLRoundTrip(t *testing.T) {
	code, out, _ := run(t, "", "themes", "--yaml")
	if code != exitOK || !strings.Contains(out, "id: work") {
		t.Fatalf("themes --yaml: exit %d", code)
	}
	path := filepath.Join(t.TempDir(), "cb.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(out, "id: work", "id: employment", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "Fler ska komma i arbete.\n", "tag", "--codebook", path)
	if code != exitOK || !strings.HasPrefix(out, "employment\t") {
		t.Errorf("tag with edited codebook: exit %d, out %q, err %q", code, out, stderr)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, stderr := run(t, "", "analyze", filepath.Join("..", "..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"))
	if code != exitOK {
		t.Fatalf("analyze: %d %s", code, stderr)
	}
	for _, key := range []string{`"file"`, `"sha256"`, `"municipality"`, `"county"`, `"kind"`, `"title"`, `"words"`, `"sentences"`, `"themes"`, `"evidence"`, `"matched"`, `"level"`, `"share"`} {
		if !strings.Contains(out, key) {
			t.Errorf("analyze JSON lacks %s", key)
		}
	}
	code, out, _ = run(t, "Boende\n\nAlla ska ha en bostad. Fler bostäder byggs.\n", "analyze", "--format", "text", "-")
	if code != exitOK || !strings.Contains(out, "housing          level 2") {
		t.Errorf("analyze text from stdin: %d\n%s", code, out)
	}
}
