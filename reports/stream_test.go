package reports

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
)

// roundTripSource gives each document's full analysis one at a time,
// decoded afresh from its stored encoding each time (as corpus.Documents
// reads a spill), with what a run decides after the analysis (file,
// attribution, status) from the summary. It counts the passes and the
// documents given, and fails at document failAt (-1: never).
type roundTripSource struct {
	sums    []*analysis.DocumentAnalysis
	encoded [][]byte
	failAt  int
	passes  atomic.Int32
	given   atomic.Int32
}

func newRoundTripSource(t testing.TB, full []*analysis.DocumentAnalysis) *roundTripSource {
	s := &roundTripSource{failAt: -1}
	for _, d := range full {
		analysis.NormalizeEmpty(d)
		s.encoded = append(s.encoded, analysis.EncodeAnalysis(d))
		sum := analysis.Summary(d)
		if !analysis.IsSummary(sum) {
			t.Fatalf("%s: Summary keeps per-sentence data", d.File)
		}
		s.sums = append(s.sums, sum)
	}
	return s
}

var errSourceBroken = errors.New("source broken")

func (s *roundTripSource) Each(fn func(int, *analysis.DocumentAnalysis) error) error {
	s.passes.Add(1)
	for i, data := range s.encoded {
		if i == s.failAt {
			return errSourceBroken
		}
		d, err := analysis.DecodeAnalysis(data)
		if err != nil {
			return err
		}
		sum := s.sums[i]
		d.File, d.Municipality, d.Meta.Status = sum.File, sum.Municipality, sum.Meta.Status
		s.given.Add(1)
		if err := fn(i, d); err != nil {
			return err
		}
	}
	return nil
}

// writeEverything writes every report (WriteAll, then the Parquet
// files, as `styrdok run --format csv,parquet` does) into a new folder
// and returns the files' contents by name.
func writeEverything(t *testing.T, r *Report) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteParquet(dir, r); err != nil {
		t.Fatal(err)
	}
	return filesIn(t, dir)
}

// filesIn returns the contents of the files in dir by name.
func filesIn(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// TestWriteAllFromSource: every report written from summaries plus a
// source giving the full analyses one at a time is byte for byte the
// report written from the full analyses in memory, and the writers that
// need the full analyses share passes (one for the CSV, JSON Lines,
// HTML and coverage.xlsx writers, evidence.parquet's).
func TestWriteAllFromSource(t *testing.T) {
	full := bundledReport(t)
	want := writeEverything(t, full)

	src := newRoundTripSource(t, full.Documents)
	streamed := &Report{Documents: src.sums, Source: src, Codebook: full.Codebook, Registry: full.Registry}
	got := writeEverything(t, streamed)
	if len(got) != len(want) || len(want) < 15 {
		t.Fatalf("wrote %d files from the source, %d from memory", len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: written from the source (%d bytes) differs from the in-memory report (%d bytes)", name, len(got[name]), len(w))
		}
	}
	// The fanout's pass (coverage.xlsx's evidence and actions sheets
	// among its readers) and evidence.parquet's: not one pass per writer.
	if p := src.passes.Load(); p != 2 {
		t.Errorf("%d passes over the source, want 2", p)
	}
	for _, d := range streamed.Documents {
		if !analysis.IsSummary(d) {
			t.Fatalf("%s: the report's documents hold full analyses after writing", d.File)
		}
	}
}

// TestWriteAllSourceFails: a source that fails half-way fails WriteAll
// with its error, and no writer is left waiting for a pass.
func TestWriteAllSourceFails(t *testing.T) {
	full := bundledReport(t)
	src := newRoundTripSource(t, full.Documents)
	src.failAt = 2
	r := &Report{Documents: src.sums, Source: src, Codebook: full.Codebook, Registry: full.Registry}
	done := make(chan error, 1)
	go func() { _, err := WriteAll(t.TempDir(), r); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, errSourceBroken) {
			t.Fatalf("WriteAll: %v, want the source's error", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("WriteAll did not return after its source failed")
	}
}

// TestFanout: every subscriber gets every document in order from one
// pass; one that stops early and a ticket never used (its writer failed
// before reading) leave the others going.
func TestFanout(t *testing.T) {
	full := bundledReport(t)
	src := newRoundTripSource(t, full.Documents)
	f := newFanout(src)
	readers := []*ticket{f.ticket(), f.ticket(), f.ticket()}
	unused := f.ticket()
	errStopHere := errors.New("stop here")
	results := make(chan string, 3)
	for k, tk := range readers {
		go func() {
			defer tk.done()
			var files []string
			err := tk.each(func(i int, d *analysis.DocumentAnalysis) error {
				if k == 2 && i == 1 {
					return errStopHere
				}
				if d.File != src.sums[i].File || len(d.Themes) == 0 {
					t.Errorf("reader %d: document %d is %s", k, i, d.File)
				}
				files = append(files, d.File)
				return nil
			})
			switch {
			case k == 2 && !errors.Is(err, errStopHere):
				t.Errorf("reader 2: %v, want its own error", err)
			case k < 2 && (err != nil || len(files) != len(src.sums)):
				t.Errorf("reader %d: %v after %d of %d documents", k, err, len(files), len(src.sums))
			}
			results <- strings.Join(files, ",")
		}()
	}
	unused.done()
	for range readers {
		select {
		case <-results:
		case <-time.After(time.Minute):
			t.Fatal("a reader is still waiting")
		}
	}
	if p, g := src.passes.Load(), src.given.Load(); p != 1 || int(g) != len(src.sums) {
		t.Errorf("%d passes, %d documents decoded; want 1 pass of %d", p, g, len(src.sums))
	}
}
