package analysis

import "testing"

// TestCodebookBefriendCultureViolence: real dev sentences (testdata/realtexts)
// labelled with a theme that no codebook word reached, each a class of
// missing term: a "vänfamilj" (a family befriending a newcomer, as the
// familjekontakt programmes) is a meeting place; padel and tennis courts
// are culture and leisure, as the other sports, and so are opera, seasonal
// markets and a film shot on location; men's violence against women is
// gender equality (session 23: dev claims in labelled sentences R 0.920 ->
// 0.927, P 0.783 -> 0.784; sentences P/R 0.767/0.721 -> 0.768/0.726;
// level>=1 P 0.814 -> 0.813, R 0.709 -> 0.712).
func TestCodebookBefriendCultureViolence(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct{ src, theme, sentence string }{
		{"http://lomma.se/huvudmeny/socialtstodochomsorg/flyktingmottagningochintegration.4.7a48a90b12c665dedb480009465.html (m161)", "meeting_places", "Nästan alla ungdomar har en vänfamilj, som bor i Lomma eller Bjärred."},
		{"https://www.sundbyberg.se/kommun-politik/aktuellt-och-evenemang/nyhetsarkiv.html (m446)", "culture_leisure", "Staden bygger tillsammans med Sundbybergs Tennisklubb (STK) fyra padelbanor och två minitennisbanor."},
		{"http://www.arjeplog.se/nyheter.html (m197)", "culture_leisure", "Arjeplogs Höstmarknad"},
		{"https://ljusnarsberg.se/nyheter/nyheter/arskronikaewaleenajohansson.5.4d11b6581679d0e55772bf28.html (m301)", "culture_leisure", "Sommaren innebar också att Opera på Skäret och Non Existens center vid Ställbergs gruva höll sina arrangemang under den varmaste tiden."},
		{"https://www.alvsbyn.se/nyheter/ny-filminspelning-till-alvsbyn/ (m490)", "culture_leisure", "Detaljerna kring filminspelningen är inte offentliga än, men företagarna på frukosten fick en hel del förhandsinformation."},
		{"https://www.trosa.se/nyheter/senaste-nyheter/ (m434)", "gender_equality", "Kampanjen är initierad av UN Women och uppmärksammar våld mot kvinnor och tjejer."},
		{"https://www.trosa.se/nyheter/senaste-nyheter/ (m434)", "gender_equality", "Stoppa våldet mot kvinnor och tjejer"},
	} {
		checkThemeEvidence(t, a, c.src, c.theme, c.sentence)
	}
}
