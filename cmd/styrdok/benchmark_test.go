package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

// TestRunCounty14 is the acceptance case of issue 5: `--county 14` lists
// the 49 municipalities of Västra Götaland, Ale and Alingsås covered and
// the rest "no document".
func TestRunCounty14(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runMain(t, "run", "--quiet", "--as-of", "2019-06-01", "--county", "14", "--out", dir, "../../testdata/corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"county-14.csv", "county-summary.csv", "report.html", "coverage.xlsx", "similarity.csv", "documents.jsonl", "summary.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "county-03.csv")); err == nil {
		t.Error("--county 14 also wrote county-03.csv")
	}
	f, err := os.Open(filepath.Join(dir, "county-14.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+49 {
		t.Fatalf("%d records, want header + 49 municipalities (the county lines are in county-summary.csv)", len(recs))
	}
	for _, rec := range recs[1:50] {
		name, status, doc := rec[1], rec[2], rec[3]
		switch name {
		case "Ale", "Alingsås":
			if doc == "" || status == "no document" {
				t.Errorf("%s: %s %q, want covered", name, status, doc)
			}
		default:
			if status != "no document" || doc != "" {
				t.Errorf("%s: %s %q, want no document", name, status, doc)
			}
		}
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.md"))
	if !strings.Contains(string(summary), "Västra Götalands län (14)") {
		t.Error("summary.md lacks the county section")
	}
}

func TestRunCountyUnknown(t *testing.T) {
	code, _, stderr := runMain(t, "run", "--quiet", "--county", "Atlantis", "--out", t.TempDir(), "../../testdata/corpus")
	if code != exitUsage || !strings.Contains(stderr, "no such county") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestBenchmarkCommand(t *testing.T) {
	if code, _, _ := runMain(t, "benchmark", "Atlantis", "../../testdata/corpus"); code != exitUsage {
		t.Errorf("unknown municipality: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runMain(t, "benchmark", "Ale"); code != exitUsage {
		t.Errorf("no PATH: exit %d, want %d", code, exitUsage)
	}
	dir := t.TempDir()
	code, stdout, stderr := runMain(t, "benchmark", "--quiet", "--as-of", "2019-06-01", "--out", dir, "Ale", "../../testdata/corpus")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "# Benchmark: Ale (1440)") || !strings.Contains(stdout, "Most similar plans") {
		t.Errorf("stdout: %.400s", stdout)
	}
	for _, name := range []string{"benchmark-1440.csv", "benchmark-1440-peers.csv", "benchmark-1440.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
}
