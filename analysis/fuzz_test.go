package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// FuzzAnalyze runs the whole analysis on arbitrary text, as the text
// parser delivers it (clean UTF-8, pages split at form feeds). The
// property: no panic; every offset (segments, hits, matched words,
// actions, sections) within the text and consistent with its segment;
// and output bounded by the input: segments no longer than
// MaxSegmentBytes, no more hits than segments times themes, no more
// actions than segments and lines.
func FuzzAnalyze(f *testing.F) {
	for _, pat := range []string{"corpus/*.txt", "mixed/*.md", "mixed/good-tierp-utf8.txt"} {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", pat))
		for i, p := range m {
			if i == 3 {
				break // a few real documents; the fuzzer mutates from there
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(string(data))
			}
		}
	}
	f.Add("Innehåll\n1. Inledning 3\n2.1 Boende 4\n")
	f.Add("Mål\tAktivitet\tAnsvar\tTid\nBoende\tBygga fler bostäder\tKommunstyrelsen\t2025\n")
	f.Add("Ansvar: Socialnämnden\nTidplan: 2026\n\f- punkt ett\n- punkt två\n")
	f.Add(strings.Repeat("ord ", 3000))
	f.Add("t.ex. bl.a. 2.2.3 I Alingsås finns det: 3.1 Arbete\n")
	cb, err := DefaultCodebook()
	if err != nil {
		f.Fatal(err)
	}
	a := NewAnalyzer(cb, nil, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	opts := ingest.Options{MaxBytes: 1 << 20, Timeout: 5 * time.Second}
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := ingest.Parse("fuzz.txt", []byte(in), opts)
		if err != nil {
			return // not text the parser delivers (empty, binary)
		}
		text := doc.Text
		d := a.Analyze(doc)
		segs := d.Segments
		within := func(what string, start, end int) {
			if start < 0 || start > end || end > len(text) {
				t.Fatalf("%s: offsets %d..%d outside the text (%d bytes)", what, start, end, len(text))
			}
		}
		for i, s := range segs {
			within("segment", s.Start, s.End)
			if s.Index != i || s.End-s.Start > MaxSegmentBytes || s.Text == "" || len(s.Text) > 3*MaxSegmentBytes {
				t.Fatalf("segment %d: index %d, %d bytes, text %d bytes", i, s.Index, s.End-s.Start, len(s.Text))
			}
			if s.Page < 0 || s.Page > len(doc.Pages) || s.Section >= i {
				t.Fatalf("segment %d: page %d of %d, section %d", i, s.Page, len(doc.Pages), s.Section)
			}
		}
		if d.Sentences > len(segs) || d.Words < 0 {
			t.Fatalf("%d content segments of %d, %d words", d.Sentences, len(segs), d.Words)
		}
		if len(d.Themes) != len(cb.Themes) {
			t.Fatalf("%d themes, codebook has %d", len(d.Themes), len(cb.Themes))
		}
		for _, th := range d.Themes {
			if th.Share < 0 || th.Share > 1 || th.Level < 0 || th.Level > 2 || len(th.Evidence) > len(segs) {
				t.Fatalf("%s: share %v, level %d, %d hits for %d segments", th.ID, th.Share, th.Level, len(th.Evidence), len(segs))
			}
			for _, h := range th.Evidence {
				if h.Sentence < 0 || h.Sentence >= len(segs) {
					t.Fatalf("%s: hit on segment %d of %d", th.ID, h.Sentence, len(segs))
				}
				s := segs[h.Sentence]
				if h.Start != s.Start || h.End != s.End || h.Text != s.Text {
					t.Fatalf("%s: hit %d..%d differs from its segment %d..%d", th.ID, h.Start, h.End, s.Start, s.End)
				}
				for _, m := range h.Matched {
					within(th.ID+" matched word", m.Start, m.End)
					if m.Start < s.Start || m.End > s.End {
						t.Fatalf("%s: matched %q at %d..%d outside its segment %d..%d", th.ID, m.Text, m.Start, m.End, s.Start, s.End)
					}
				}
				if h.Inherited && (h.Heading < 0 || h.Heading >= len(segs)) {
					t.Fatalf("%s: inherited from heading %d of %d", th.ID, h.Heading, len(segs))
				}
			}
		}
		if max := len(segs) + strings.Count(text, "\n") + 1; len(d.Actions) > max {
			t.Fatalf("%d actions from %d segments and lines", len(d.Actions), max)
		}
		for _, act := range d.Actions {
			if act.Sentence < 0 || act.Sentence >= len(segs) {
				t.Fatalf("action on segment %d of %d", act.Sentence, len(segs))
			}
		}
		for _, sec := range d.Sections {
			within("section", sec.Start, sec.End)
		}
	})
}
