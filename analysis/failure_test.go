package analysis

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// TestFailureKinds: every failure the batch makes keeps its kind when
// only its reason is kept (the store, the input digest, shard parts) and
// read back by StoredFailure; only an unsupported file has the status
// "unsupported"; each kind has a name of its own.
func TestFailureKinds(t *testing.T) {
	unsupported := &ingest.FileError{Path: "a.png", Reason: ingest.ErrUnsupported.Error() + ": image/png", Err: ingest.ErrUnsupported}
	broken := &ingest.FileError{Path: "b.pdf", Reason: "cannot parse PDF", Err: errors.New("malformed")}
	cases := []struct {
		f    Failure
		kind FailureKind
	}{
		{FailureOf("a.png", unsupported), FailUnsupported},
		{FailureOf("b.pdf", broken), FailUnreadable},
		{Interrupted("c.txt"), FailInterrupted},
		{TooLarge("d.txt", 1000), FailTooLarge},
		{TimedOut("e.txt", 2*time.Second), FailTimeout},
		{Internal("f.txt", "boom"), FailInternal},
	}
	names := map[string]bool{}
	for _, c := range cases {
		if c.f.Kind != c.kind {
			t.Errorf("%s: kind %v, want %v", c.f.File, c.f.Kind, c.kind)
		}
		if got := StoredFailure(c.f.File, c.f.Reason); got != c.f {
			t.Errorf("%s: read back from its reason %q as %+v, want %+v", c.f.File, c.f.Reason, got, c.f)
		}
		if want := c.kind == FailUnsupported; c.f.Unsupported() != want || (c.f.Status() == "unsupported") != want {
			t.Errorf("%s: Unsupported %v, Status %q", c.f.File, c.f.Unsupported(), c.f.Status())
		}
		names[c.kind.String()] = true
	}
	if len(names) != len(cases) {
		t.Errorf("kind names not distinct: %v", names)
	}
	if got := FailureOf("b.pdf", broken).Reason; got != "cannot parse PDF: malformed" {
		t.Errorf("reason %q: want ingest's detail without the file name", got)
	}
	if n := CountFailed([]Failure{cases[0].f, cases[1].f, cases[2].f}); n != 2 {
		t.Errorf("CountFailed: %d, want 2 (an unsupported file is not failed)", n)
	}
}

// TestFailureKindsOfIngestLimits: a file that goes past one of ingest's
// own bounds fails with the kind of that bound (LimitOf), decided from
// ingest's typed error, not from the reason's words.
func TestFailureKindsOfIngestLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("Integration och arbete. ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errBytes := ingest.Load(big, ingest.Options{MaxBytes: 100})
	_, errText := ingest.Parse("long.txt", []byte(strings.Repeat("Integration och arbete. ", 100)), ingest.Options{MaxTextBytes: 100})
	deep := strings.Repeat("<div>", 2000) + "text" + strings.Repeat("</div>", 2000)
	_, errDeep := ingest.Parse("deep.html", []byte("<html><body>"+deep+"</body></html>"), ingest.Options{})
	cases := []struct {
		name string
		err  error
		kind FailureKind
	}{
		{"over --max-bytes", errBytes, FailTooLarge},
		{"over --max-text", errText, FailTooLarge},
		{"nested too deep", errDeep, FailOverBound},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if f := FailureOf(c.name, c.err); f.Kind != c.kind || f.Status() != "failed" {
			t.Errorf("%s: kind %v, status %s (reason %q); want %v, failed", c.name, f.Kind, f.Status(), f.Reason, c.kind)
		}
	}
}
