package reports

import (
	"bytes"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// packedSource is a roundTripSource whose summaries keep their themes
// packed in an analysis.SummaryArena, as a batch run's (corpus.Documents):
// the summaries' Themes are nil, and SummaryThemes gives them back.
type packedSource struct {
	*roundTripSource
	arena *analysis.SummaryArena
}

func (s packedSource) SummaryThemes(d *analysis.DocumentAnalysis, buf []analysis.ThemeCoverage) []analysis.ThemeCoverage {
	return s.arena.Themes(d, buf)
}

// TestWriteAllPackedThemes: every report written from summaries whose
// themes are packed (Report.themes reads them through the source) is
// byte for byte the report written from the full analyses in memory;
// the summaries hold no themes of their own, so a writer that read
// d.Themes of a summary would write an empty cell and fail this.
func TestWriteAllPackedThemes(t *testing.T) {
	full := bundledReport(t)
	want := writeEverything(t, full)

	src := packedSource{newRoundTripSource(t, full.Documents), new(analysis.SummaryArena)}
	for i, s := range src.sums {
		src.sums[i] = src.arena.Keep(s)
		if src.sums[i].Themes != nil {
			t.Fatalf("%s: kept with its themes unpacked", s.File)
		}
	}
	got := writeEverything(t, &Report{Documents: src.sums, Source: src, Codebook: full.Codebook, Registry: full.Registry})
	if len(got) != len(want) || len(want) < 15 {
		t.Fatalf("wrote %d files from packed summaries, %d from memory", len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: written from packed summaries (%d bytes) differs from the in-memory report (%d bytes)", name, len(got[name]), len(w))
		}
	}
}
