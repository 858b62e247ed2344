package analysis

import "testing"

// TestCodebookBefriendSportViolence: real dev sentences (testdata/realtexts)
// labelled with a theme that no codebook word reached, each a class of
// missing term: a "vänfamilj" (a family befriending a newcomer, as the
// familjekontakt programmes) is a meeting place; padel and tennis courts
// are culture and leisure, as the other sports; men's violence against
// women is gender equality (session 23: dev claims in labelled sentences R
// 0.920 -> 0.923, P 0.783 unchanged; sentences P/R 0.767/0.721 ->
// 0.768/0.722; level>=1 P 0.814, R 0.709 -> 0.710).
func TestCodebookBefriendSportViolence(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct{ src, theme, sentence string }{
		{"http://lomma.se/huvudmeny/socialtstodochomsorg/flyktingmottagningochintegration.4.7a48a90b12c665dedb480009465.html (m161)", "meeting_places", "Nästan alla ungdomar har en vänfamilj, som bor i Lomma eller Bjärred."},
		{"https://www.sundbyberg.se/kommun-politik/aktuellt-och-evenemang/nyhetsarkiv.html (m446)", "culture_leisure", "Staden bygger tillsammans med Sundbybergs Tennisklubb (STK) fyra padelbanor och två minitennisbanor."},
		{"https://www.trosa.se/nyheter/senaste-nyheter/ (m434)", "gender_equality", "Kampanjen är initierad av UN Women och uppmärksammar våld mot kvinnor och tjejer."},
		{"https://www.trosa.se/nyheter/senaste-nyheter/ (m434)", "gender_equality", "Stoppa våldet mot kvinnor och tjejer"},
	} {
		res := a.Analyze(docFromText(c.sentence + "\n"))
		found := false
		for _, th := range res.Themes {
			if th.ID == c.theme && len(th.Evidence) > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %q: no evidence for %s", c.src, c.sentence, c.theme)
		}
	}
}
