package analysis

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/styrdok/styrdok/codebook"
)

// TestMarkThemes: a candidate's mark for theme t is what themeCoverage
// asked the segment's map (m[themes[t].ID] >= minScore, a missing theme
// 0), for the default codebook's themes and minimum and for 20,000
// random maps and lists of themes: scores about the minimum, exactly it,
// 0, negative and NaN, keys of no theme, a theme listed twice, more than
// 64 themes, minimums at and below 0, nil and empty maps.
func TestMarkThemes(t *testing.T) {
	cb := testAnalyzer(t).Codebook
	rng := rand.New(rand.NewPCG(35, 1))
	ids := []string{"x", "y", "arbete", "other", ""}
	for _, th := range cb.Themes {
		ids = append(ids, th.ID)
	}
	marked, unmarked := 0, 0
	for round := range 20000 {
		themes, minScore := cb.Themes, cb.MinScore
		if round%2 == 1 {
			themes = nil
			for range rng.IntN(80) {
				themes = append(themes, codebook.Theme{ID: ids[rng.IntN(len(ids))]})
			}
			minScore = []float64{cb.MinScore, 0, -1, 0.5, 1, 2.5}[rng.IntN(6)]
		}
		maps := make([]map[string]float64, 1+rng.IntN(6))
		for i := range maps {
			if rng.IntN(8) == 0 {
				continue // nil
			}
			maps[i] = map[string]float64{}
			for range rng.IntN(5) {
				v := []float64{minScore, 0, -0.5, math.NaN(), minScore + 0.001, minScore - 0.001, rng.Float64() * 3}[rng.IntN(7)]
				maps[i][ids[rng.IntN(len(ids))]] = v
			}
		}
		cands := []int{}
		for i := range maps {
			if rng.IntN(3) > 0 {
				cands = append(cands, i)
			}
		}
		tm := markThemes(cands, themes, minScore, func(i int) map[string]float64 { return maps[i] })
		for k, i := range cands {
			for th := range themes {
				want := maps[i][themes[th].ID] >= minScore
				if got := tm.has(k, th); got != want {
					t.Fatalf("round %d: %v, theme %d %q, minimum %v: marked %v, the map says %v", round, maps[i], th, themes[th].ID, minScore, got, want)
				}
				if want {
					marked++
				} else {
					unmarked++
				}
			}
		}
	}
	if marked < 1000 || unmarked < 1000 {
		t.Fatalf("%d marked, %d not: want many of both", marked, unmarked)
	}
}
