package reports

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
)

// longHit is one segment of n repetitions of "praktik " (a work term),
// every one matched, the shape of a text without a sentence end
// (hostile/README: 1 MB of it took 38 s in report.html). fold puts
// that many extra spaces after the first word of the original, which the
// segment's text has folded, so that later matches sit fold bytes before
// their document offsets. distinct numbers the words ("p00001 "), so that
// each match has one place only.
func longHit(n, fold int, distinct bool) analysis.ThemeHit {
	h := analysis.ThemeHit{Theme: "work", Start: 1000, Kind: analysis.KindSentence, Page: 1}
	var text strings.Builder
	for i := range n {
		w := "praktik"
		if distinct {
			w = fmt.Sprintf("p%06d", i)
		}
		at := h.Start + text.Len()
		if i > 0 {
			at += fold
		}
		h.Matched = append(h.Matched, analysis.Match{Theme: "work", Text: w, Start: at, End: at + len(w)})
		text.WriteString(w + " ")
	}
	h.Text = strings.TrimSpace(text.String())
	return h
}

// TestMatchSpansLongSegment: every match of a long segment is found, in
// place, also after a stretch of folded whitespace longer than the
// search window.
func TestMatchSpansLongSegment(t *testing.T) {
	for _, c := range []struct {
		fold     int
		distinct bool
	}{{0, false}, {3, false}, {spanSlack * 4, true}, {-spanSlack * 4, true}} {
		h := longHit(30000, c.fold, c.distinct)
		spans := matchSpans(h, nil)
		if len(spans) != 30000 {
			t.Fatalf("%+v: %d spans, want 30000", c, len(spans))
		}
		for i, s := range spans {
			if w := h.Matched[i].Text; s.a != i*(len(w)+1) || h.Text[s.a:s.b] != w {
				t.Fatalf("%+v: span %d is %v", c, i, s)
			}
		}
	}
	// A word that is not in the text at all costs a bounded search, and
	// marks nothing.
	h := longHit(1000, 0, false)
	for i := range h.Matched {
		h.Matched[i].Text = "bostad"
	}
	if got := matchSpans(h, nil); len(got) != 0 {
		t.Errorf("absent words marked: %v", got[:min(3, len(got))])
	}
}

// TestClipSentence: a long sentence is shown around its matches, every
// shown match still marks its word, and the page says how long the
// sentence was.
func TestClipSentence(t *testing.T) {
	h := longHit(130000, 0, false) // 1 MB
	h.Text = "Inledning om " + h.Text[:500000] + " och slutet"
	for i := range h.Matched {
		h.Matched[i].Start += len("Inledning om ")
	}
	h.Matched = append(h.Matched[:3], h.Matched[60000:60002]...)
	d := &analysis.DocumentAnalysis{File: "long.txt", Themes: []analysis.ThemeCoverage{{ID: "work", Level: 1, Evidence: []analysis.ThemeHit{h}}}}
	hd := newHTMLDoc(d, nil)
	s := hd.Sentences[0]
	if len(s.Text) > htmlSentenceMax+2*htmlClipContext+16 || !strings.HasSuffix(s.Text, " …") || !strings.Contains(s.Text, clipGap) {
		t.Fatalf("clipped sentence of %d bytes: %q…", len(s.Text), s.Text[:min(80, len(s.Text))])
	}
	if s.Full != utf8.RuneCountInString(h.Text) {
		t.Errorf("full length %d, want %d", s.Full, utf8.RuneCountInString(h.Text))
	}
	u := utf16.Encode([]rune(s.Text))
	hit := hd.Themes[0].Hits[0]
	if len(hit) != 2+2*5 {
		t.Fatalf("hit %v: want all 5 matches shown", hit)
	}
	for k := 2; k+1 < len(hit); k += 2 {
		if w := string(utf16.Decode(u[hit[k]:hit[k+1]])); w != "praktik" {
			t.Errorf("span %d marks %q", k/2, w)
		}
	}
	// A short sentence is not touched.
	short := analysis.ThemeHit{Text: "Kommunen erbjuder praktik.", Start: 0, Matched: []analysis.Match{{Text: "praktik", Start: 18, End: 25}}}
	if c := clipSentence(short.Text, matchSpans(short, nil)); c.text != short.Text || c.windows != nil {
		t.Errorf("short sentence clipped: %+v", c)
	}
	// Without matches (a hit through its heading), the start is shown.
	if c := clipSentence(h.Text, nil); !strings.HasPrefix(c.text, "Inledning om praktik") || len(c.text) > htmlSentenceMax+8 {
		t.Errorf("clip without matches: %q", c.text[:min(60, len(c.text))])
	}
}

// BenchmarkHTMLLongSegment: one document of one 1 MB segment with 130,000
// matched words (report.html took 38 s for it before matchSpans searched
// near each match and the sentence was clipped).
func BenchmarkHTMLLongSegment(b *testing.B) {
	d := &analysis.DocumentAnalysis{File: "long.txt", Themes: []analysis.ThemeCoverage{{ID: "work", Level: 1, Evidence: []analysis.ThemeHit{longHit(130000, 2, false)}}}}
	for b.Loop() {
		newHTMLDoc(d, nil)
	}
}
