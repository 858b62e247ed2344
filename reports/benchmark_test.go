package reports

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMedian checks Median against hand values. Tolerance 1e-12: the
// inputs are small integers and halves, exact in binary, so only the
// final division could round.
func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{1, 2}, 1.5},
		{[]float64{0, 1, 2}, 1},
		{[]float64{0, 1, 1, 2}, 1},
		{[]float64{0, 0, 2, 2}, 1},
		{[]float64{0.0408, 0.1, 0.25, 0.5}, 0.175},
	} {
		if got := Median(c.in); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if !math.IsNaN(Median(nil)) {
		t.Error("Median(nil) must be NaN")
	}
}

func TestBenchmarkAle(t *testing.T) {
	r := bundledReport(t)
	b, err := NewBenchmark(r, "Ale")
	if err != nil {
		t.Fatal(err)
	}
	// peers: Alingsås in the county (unknown validity counts), Alingsås
	// and Tierp in the corpus; Gislaved's expired plan does not count.
	if l := b.Lines[0]; l.NCounty != 1 || l.NCorpus != 2 {
		t.Errorf("peers: county %d, corpus %d; want 1 and 2", l.NCounty, l.NCorpus)
	}
	if len(b.Peers) != 3 {
		t.Errorf("%d similar plans, want 3", len(b.Peers))
	}
	for _, p := range b.Peers {
		if p.Doc.Municipality.Code == "1440" {
			t.Error("a municipality's own plan is not its peer")
		}
	}
	for _, l := range b.Lines {
		if l.Name == "health_level" && (l.Value != 0 || l.County != 0 || l.Corpus != 0 || l.Below) {
			t.Errorf("health: %+v", l)
		}
	}
	dir := t.TempDir()
	if err := WriteBenchmark(dir, b); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"benchmark-1440.csv", "benchmark-1440-peers.csv", "benchmark-1440.md"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name, data)
	}
	if _, err := NewBenchmark(r, "Härryda"); err == nil || !strings.Contains(err.Error(), "no document") {
		t.Errorf("a municipality without documents: %v", err)
	}
	if _, err := NewBenchmark(r, "Atlantis"); err == nil {
		t.Error("unknown municipality: no error")
	}
	var buf bytes.Buffer
	if err := WriteBenchmarkMarkdown(&buf, b); err != nil || !strings.Contains(buf.String(), "Most similar plans") {
		t.Errorf("markdown: %v", err)
	}
}
