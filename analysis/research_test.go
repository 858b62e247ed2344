package analysis

import (
	"testing"

	"github.com/styrdok/styrdok/codebook"
)

// TestGradeRuleMatchesGrade keeps explain's reading of the grading rule
// in step with grade, over every theme of the bundled corpus.
func TestGradeRuleMatchesGrade(t *testing.T) {
	a := testAnalyzer(t)
	for _, name := range goldFiles {
		res := analyseCorpusFile(t, a, name)
		for _, c := range res.Themes {
			if lvl, rule := GradeRule(c, res.Sentences); lvl != c.Level {
				t.Errorf("%s %s: GradeRule %d (%s), level %d", name, c.ID, lvl, rule, c.Level)
			}
		}
	}
}

// TestKWICCompounds: the pattern finds compounds as the tagger does, and
// --as restricts the positions.
func TestKWICCompounds(t *testing.T) {
	m, err := NewPatternMatcher("bostad", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := m.MatchTokens(Tokenize("Fler bostadsområden och en ny bostad.", 0))
	if len(got) != 2 || got[0].As != "modifier" || got[1].As != "word" {
		t.Errorf("bostad: %+v", got)
	}
	m, _ = NewPatternMatcher("bostad", []codebook.Position{codebook.AsWord})
	if got := m.MatchTokens(Tokenize("Fler bostadsområden och en ny bostad.", 0)); len(got) != 1 {
		t.Errorf("bostad --as word: %+v", got)
	}
}
