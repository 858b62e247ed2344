package analysis

import (
	"slices"
	"strings"
	"testing"
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

func TestGlobTerm(t *testing.T) {
	cases := map[string][]Position{
		"bostad":   {AsWord},
		"arbet*":   {AsWord, AsModifier},
		"*bostad":  {AsWord, AsHead},
		"*bostad*": {AsWord, AsHead, AsModifier},
	}
	for p, want := range cases {
		tm, err := GlobTerm(p)
		if err != nil || !slices.Equal(tm.As, want) || tm.Term != strings.Trim(p, "*") {
			t.Errorf("GlobTerm(%q) = %+v, %v; want as %v", p, tm, err, want)
		}
		globs, lost := TermGlobs(tm, true)
		if len(globs) != 1 || globs[0] != p || len(lost) != 0 {
			t.Errorf("TermGlobs(%q) = %v, %v", p, globs, lost)
		}
	}
	for _, bad := range []string{"a*b", "bo?tad", "^bostad$", "(a|b)", "**"} {
		if _, err := GlobTerm(bad); err == nil {
			t.Errorf("GlobTerm(%q): no error", bad)
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
	m, _ = NewPatternMatcher("bostad", []Position{AsWord})
	if got := m.MatchTokens(Tokenize("Fler bostadsområden och en ny bostad.", 0)); len(got) != 1 {
		t.Errorf("bostad --as word: %+v", got)
	}
}

func TestImportLIWCAndWordStat(t *testing.T) {
	liwc := "%\n1\twork\n2\thousing\n%\narbetsmarknad*\t1\nbostad*\t2\nhyres*bostad\t2\nsöka arbete\t1\nbostad\t2\n"
	res, err := ImportDictionary(FormatLIWC, []byte(liwc), "x.dic")
	if err != nil {
		t.Fatal(err)
	}
	h, _ := res.Codebook.Theme("housing")
	if len(h.Terms) != 1 || !slices.Equal(h.Terms[0].As, []Position{AsWord, AsModifier}) {
		t.Errorf("housing: %+v", h.Terms)
	}
	if w, _ := res.Codebook.Theme("work"); len(w.Phrases) != 1 || w.Phrases[0].Phrase != "söka arbete" {
		t.Errorf("work phrases: %+v", w.Phrases)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "hyres*bostad") || !strings.Contains(string(res.YAML), "hyres*bostad") {
		t.Errorf("notes do not report the multi-glob pattern: %v", res.Notes)
	}
	ws := "INTEGRATION\n\tARBETE\n\t\tARBETSMARKNAD* (1)\n\t\tKOMMA_I_ARBETE (2)\n\tBOENDE\n\t\t*BOSTAD* (1)\n"
	res, err = ImportDictionary(FormatWordStat, []byte(ws), "x.cat")
	if err != nil {
		t.Fatal(err)
	}
	if ids := res.Codebook.ThemeIDs(); !slices.Equal(ids, []string{"integration_arbete", "integration_boende"}) {
		t.Errorf("wordstat themes %v", ids)
	}
	w, _ := res.Codebook.Theme("integration_arbete")
	if len(w.Phrases) != 1 || w.Phrases[0].Phrase != "komma i arbete" || w.Phrases[0].Weight != 2 {
		t.Errorf("wordstat phrase: %+v", w.Phrases)
	}
	out, err := ExportDictionary(res.Codebook, FormatWordStat)
	if err != nil || string(out.Data) != ws {
		t.Errorf("wordstat round trip:\n%s\nwant\n%s", out.Data, ws)
	}
}
