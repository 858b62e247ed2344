package analysis

import "testing"

// TestRecall23Settlement: "bosättning" (the settling of the newly arrived
// in a municipality, the settlement law "bosättningslagen", a
// "bosättningsbehov") is reception as well as housing. Real dev sentences
// (testdata/realtexts) a labeller marked reception that no reception word
// reached before the term was added to the reception theme (session 21,
// h-recall23: dev reception sentence recall 0.708 -> 0.721, precision
// 0.901 -> 0.903).
func TestRecall23Settlement(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct{ src, sentence string }{
		{"https://www.vargarda.se/medborgare/arbete/arbete-studier-etablering/ny-i-sverige/flyktingmottagning.html (m017)", "Efter bosättning får de nyanlända hjälp med att anmäla sig till Svenska För Invandrare (SFI) och barnen anmäls till skola eller barnomsorg."},
		{"http://morakommun.se/Kommun--politik/Invandring-och-integration/ (m020)", "En bosättning i kommunen kan även ske på den nyanländes eget initiativ."},
		{"http://www.morbylanga.se/stod-omsorg/invandring-integration/ (m056)", "Vi ansvarar också för bostadsförsörjningen och ger praktisk hjälp i samband med bosättning."},
	} {
		checkThemeEvidence(t, a, c.src, "reception", c.sentence)
	}
}

// TestRecall23MissingTerms: real dev sentences labelled with a theme that no
// codebook word reached, each class a missing term: suicide prevention
// ("självmord", "självmordsförebyggande") is health; the volunteer
// programmes "flyktingguider och familjekontakter" are meeting places
// (session 21, h-recall23: dev health sentence R 0.634 -> 0.657, meeting
// places 0.605 -> 0.637, precision up in both).
func TestRecall23MissingTerms(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct{ src, theme, sentence string }{
		{"https://gotland.se/105419 (m140)", "health", "Med utgångspunkt i Region Gotlands program för självmordsförebyggande arbete (2015-2018) bedrivs ett brett arbete för att minska självmorden"},
		{"https://www.umea.se/arkiv/nyhetsarkiv.4.6fa619ad16f3087d4d517c83.html (m327)", "health", "Det sker mycket gemensamt arbete i Västerbotten för att förhindra självmord."},
		{"http://jkpgnews.se/kommun/46022/ (m639)", "meeting_places", "I år kommer länsstyrelserna att dela ut omkring 50 miljoner kronor till kommunerna för deras arbete med flyktingguider och familjekontakter."},
	} {
		checkThemeEvidence(t, a, c.src, c.theme, c.sentence)
	}
}

// checkThemeEvidence fails t when sentence, analysed alone, has no
// evidence for theme; src names where the sentence comes from.
func checkThemeEvidence(t *testing.T, a *Analyzer, src, theme, sentence string) {
	t.Helper()
	res := a.Analyze(docFromText(sentence + "\n"))
	for _, th := range res.Themes {
		if th.ID == theme && len(th.Evidence) > 0 {
			return
		}
	}
	t.Errorf("%s: %q: no evidence for %s", src, sentence, theme)
}
