package analysis

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// TestSegmentCap: text without a sentence end (a layout failure) is cut
// into segments of at most MaxSegmentBytes at word boundaries, and the
// analysis says so in its warnings.
func TestSegmentCap(t *testing.T) {
	text := strings.Repeat("ord ", 250000) // 1 MB, no period, no newline
	segs := Segment(text, nil)
	if len(segs) < len(text)/MaxSegmentBytes {
		t.Fatalf("%d segments for %d bytes", len(segs), len(text))
	}
	for _, s := range segs {
		if s.End-s.Start > MaxSegmentBytes {
			t.Fatalf("segment %d is %d bytes", s.Index, s.End-s.Start)
		}
		if strings.HasSuffix(text[:s.End], "or") || strings.HasPrefix(text[s.Start:], "rd") {
			t.Fatalf("segment %d cut inside a word: %q...%q", s.Index, text[s.Start:s.Start+5], text[s.End-5:s.End])
		}
	}
	if CutSegments(segs) != len(segs)-1 {
		t.Errorf("%d segments marked cut, want %d", CutSegments(segs), len(segs)-1)
	}
	// A word longer than the cap is cut at a character boundary.
	long := strings.Repeat("å", MaxSegmentBytes)
	for _, s := range Segment(long, nil) {
		if !strings.HasPrefix(long[s.Start:], "å") || s.End-s.Start > MaxSegmentBytes {
			t.Errorf("cut inside a character or past the cap: %d..%d", s.Start, s.End)
		}
	}
	a := testAnalyzer(t)
	d := a.Analyze(&ingest.Document{Path: "one-line.txt", Text: text, Pages: []ingest.Page{{Number: 1, Start: 0, End: len(text)}}})
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "cut at 4096 bytes") {
		t.Errorf("warnings %q, want one about cut segments", d.Warnings)
	}
	// Ordinary prose is not cut.
	if n := CutSegments(Segment("Kommunen ska erbjuda SFI. Alla ska ha ett boende.\n", nil)); n != 0 {
		t.Errorf("prose: %d segments cut", n)
	}
}

// TestAnalyzeContext: analysis stops with ctx's error once ctx is done.
func TestAnalyzeContext(t *testing.T) {
	a := testAnalyzer(t)
	text := strings.Repeat("Kommunen ska erbjuda SFI och bostäder till nyanlända. ", 20000)
	doc := &ingest.Document{Path: "x.txt", Text: text, Pages: []ingest.Page{{Number: 1, Start: 0, End: len(text)}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if d, err := a.AnalyzeContext(ctx, doc); !errors.Is(err, context.Canceled) || d != nil {
		t.Errorf("cancelled: %v, %v; want context.Canceled and no analysis", d != nil, err)
	}
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := a.AnalyzeContext(ctx, doc); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past deadline: %v", err)
	}
	if d, err := a.AnalyzeContext(context.Background(), doc); err != nil || d.Sentences == 0 {
		t.Errorf("not cancelled: %v", err)
	}
}
