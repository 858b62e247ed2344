package analysis

import "testing"

// Session 16 (docs/validity.md, "Attribution, round 16: texts that name
// their municipality (session 16 ...)"): the error classes of the dev
// texts that were fixed. Real dev text, copies and sources in
// testdata/attribution/real.

// TestInstitutionAlias: Falun calls itself "Falu kommun" (aliases.txt,
// marked institution): that names the municipality as an organisation,
// while "Falu" alone only starts the names of things in the town ("Falu
// resecentrum") and counts for nothing (municipality_institution_alias.go).
func TestInstitutionAlias(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m542.txt", "2080", 0.6}, // the council's decisions: "nämndstrukturen i Falu kommun", "Falu kommuns årsredovisning"
		{"m544.txt", "2080", 0.6}, // the council's agenda: "landsbygden i Falu kommun"
		{"m551.txt", "2080", 0.6}, // "en ny parkeringsnorm för Falu kommun"
		{"m107.txt", "2361", 0},   // Härjedalen's page on the re-election "i Falu kommun" stays Härjedalen's
	})
	const filler = " Här finns information om öppettider, kontaktuppgifter och hur du hittar hit, och du kan lämna synpunkter på webbplatsen."
	for _, tc := range []struct{ text, want string }{
		{"Falu kommun bygger en ny skola. Falu kommuns förvaltning anställer lärare.", "2080"},
		{"Falu rödfärg och Falu korv säljs i butiken. Falu resecentrum byggs om.", ""}, // "Falu" alone names no municipality
	} {
		if got := a.Attribute(tc.text + filler); got.Code != tc.want {
			t.Errorf("%q: Attribute = %q %.2f (%s), want %q", tc.text, got.Code, got.Confidence, got.Reason, tc.want)
		}
	}
	lists := map[string]string{}
	if _, err := parseAliases([]string{"Falu\t2080\tinstitutionen"}, lists); err == nil {
		t.Error("parseAliases accepted an unknown third field")
	}
	inst, err := parseAliases([]string{"Väsby\t0114", "Falu\t2080\tinstitution"}, lists)
	if err != nil || !inst["falu"] || inst["väsby"] || lists["Falu"] != "2080" || lists["Väsby"] != "0114" {
		t.Errorf("parseAliases = %v, %v, %v", inst, lists, err)
	}
}

// TestPartnerInList: a municipality named as an organisation among the
// parties to a project after "mellan" ("ett samverkansprojekt mellan
// Trafikverket, Falu kommun och Dalatrafik", dev m648: a consultancy's
// reference page) is a partner, not the speaker
// (municipality_partners.go); the list's first item and a list after
// "med" are left alone.
func TestPartnerInList(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{{"m648.txt", "", 0}})
	words := func(s string) []word { return tokenizeWordsInto(nil, s) }
	for _, tc := range []struct {
		text string
		i    int
		want bool
	}{
		{"ett samverkansprojekt mellan Trafikverket, Falu kommun och Dalatrafik", 4, true},
		{"ett samarbete mellan Region Dalarna och Borlänge kommun", 6, true},
		{"ett avtal mellan Falu kommun och Borlänge kommun", 3, false},       // the first item
		{"polisbil för hela Perstorp, Klippan, Åstorp och Bjuv", 4, false},   // no opening word
		{"samarbete mellan Trafikverket. Falu kommun bygger", 4, false},      // a sentence end between
		{"mellan klockan åtta och tio, Falu kommun informerar", 5, true},     // a list in form: the caller asks only of "… kommun"
		{"samverkan med Trafikverket, Falu kommun och Dalatrafik", 4, false}, // "med" opens lists of places too
	} {
		if got := a.lists.partnerInList(tc.text, words(tc.text), tc.i); got != tc.want {
			t.Errorf("%q: partnerInList(%d) = %v, want %v", tc.text, tc.i, got, tc.want)
		}
	}
}
