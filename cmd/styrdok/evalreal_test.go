package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const realDir = "../../testdata/realtexts"

// TestEvalRealCommand: `eval --real` scores the labelled real set, in
// JSON and text; held-out output lists no text; bad usage exits 2.
func TestEvalRealCommand(t *testing.T) {
	code, out, stderr := run(t, "", "eval", "--real", realDir, "--split", "dev", "--format", "json")
	if code != exitOK {
		t.Fatalf("eval --real: exit %d: %s", code, stderr)
	}
	var ev struct {
		Split        string `json:"split"`
		Documents    int    `json:"documents"`
		Municipality []struct {
			Category string `json:"category"`
			N, Right int
			CI95     [2]float64 `json:"ci95"`
		} `json:"municipality"`
		Reliability []struct{ N int } `json:"reliability"`
		Misses      []struct{ File string }
		Sentences   int `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if ev.Split != "dev" || ev.Documents < 20 || ev.Sentences == 0 {
		t.Errorf("split %q, %d documents, %d sentences", ev.Split, ev.Documents, ev.Sentences)
	}
	cats := map[string]int{}
	for _, m := range ev.Municipality {
		cats[m.Category] = m.N
		if m.Right > m.N {
			t.Errorf("%s: %d right of %d", m.Category, m.Right, m.N)
		}
		// The Wilson interval holds the share and stays in [0, 1].
		if p := float64(m.Right) / float64(m.N); m.N > 0 && !(m.CI95[0] >= 0 && m.CI95[0] <= p && p <= m.CI95[1] && m.CI95[1] <= 1 && m.CI95[0] < m.CI95[1]) {
			t.Errorf("%s: %d of %d right, 95%% interval %v", m.Category, m.Right, m.N, m.CI95)
		}
	}
	if cats["all"] != ev.Documents || cats["named"]+cats["none"]+cats["unnamed"]+cats["title"] != ev.Documents {
		t.Errorf("categories %v do not add up to %d", cats, ev.Documents)
	}
	n := 0
	for _, b := range ev.Reliability {
		n += b.N
	}
	if n == 0 || n > ev.Documents {
		t.Errorf("reliability table holds %d texts", n)
	}

	code, out, stderr = run(t, "", "eval", "--real", realDir, "--split", "heldout", "--show", "-1")
	if code != exitOK {
		t.Fatalf("eval --real heldout: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "split heldout") || !strings.Contains(out, "confident wrong") || !strings.Contains(out, "95% interval") ||
		!strings.Contains(out, "at 0.90 or more: ") || strings.Contains(out, "attribution misses") {
		t.Errorf("held-out text output:\n%s", out)
	}

	for _, args := range [][]string{
		{"eval", "--real", realDir, "--split", "test"},
		{"eval", "--real", realDir, "--gold", "x.tsv"},
		{"eval", "--real", realDir, "--min-confidence", "2"},
		{"run", "--min-confidence", "-1", "../../testdata/corpus"},
	} {
		if code, _, _ := run(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, stderr := run(t, "", "eval", "--real", "no-such-dir"); code != exitFailure || !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("missing dir: exit %d, %s", code, stderr)
	}
}

// TestRunMinConfidence: --min-confidence decides the answer, also for
// analyses re-used from the store (their candidates are stored), and a
// changed threshold rewrites the reports of an otherwise unchanged run.
func TestRunMinConfidence(t *testing.T) {
	out := t.TempDir()
	gislaved := func() string {
		data, err := os.ReadFile(filepath.Join(out, "documents.csv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "gislaved") {
				return l
			}
		}
		t.Fatal("no Gislaved row in documents.csv")
		return ""
	}
	if code, _, stderr := run(t, "", "run", "--quiet", "--out", out, "--as-of", "2026-11-23", "../../testdata/corpus"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	if row := gislaved(); !strings.Contains(row, ",0662,Gislaved,") {
		t.Fatalf("default threshold: %s", row)
	}
	// Gislaved's confidence is below 1 (it names Jönköping once too).
	if code, _, stderr := run(t, "", "run", "--quiet", "--out", out, "--as-of", "2026-11-23", "--min-confidence", "1", "../../testdata/corpus"); code != exitOK {
		t.Fatalf("run --min-confidence 1: exit %d: %s", code, stderr)
	}
	row := gislaved()
	if strings.Contains(row, ",0662,Gislaved,14,") || !strings.Contains(row, "not sure enough") || !strings.Contains(row, ",0662,Gislaved,0.") {
		t.Errorf("--min-confidence 1 on stored analyses: %s", row)
	}
}
