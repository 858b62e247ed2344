package analysis

import "testing"

// Session 14 (docs/validity.md, "Attribution, round 14: texts that name
// their municipality (session 14 ...)"): the error classes of the dev
// texts that were fixed. Real dev text, copies and sources in
// testdata/attribution/real.

// TestInstitutionAlias: Falun calls itself "Falu kommun"; its council news
// that name it only so are Falun's (dev m542, m544, m551). "Falu" alone
// names other things ("Falu resecentrum", "Falu gruva") and is no mention
// of the municipality (institution-aliases.txt).
func TestInstitutionAlias(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m542.txt", "2080", 0.6}, // "nämndstrukturen i Falu kommun", "Falu kommuns årsredovisning"
		{"m544.txt", "2080", 0.6},
		{"m551.txt", "2080", 0.6},
		{"m107.txt", "2361", 0}, // Härjedalen's page on the re-election "i Falu kommun" stays Härjedalen's
	})
	const filler = " Här finns information om öppettider, kontaktuppgifter och hur du hittar hit, och du kan lämna synpunkter på webbplatsen."
	for _, tc := range []struct{ text, want string }{
		{"Falu kommun bygger en ny skola. Falu kommun anställer lärare.", "2080"},
		{"Besök Falu gruva och Falu resecentrum. Falu gruva är ett världsarv.", ""}, // the bare form names no municipality
	} {
		if got := a.Attribute(tc.text + filler); got.Code != tc.want {
			t.Errorf("%q: Attribute = %q %.2f (%s), want %q", tc.text, got.Code, got.Confidence, got.Reason, tc.want)
		}
	}
}

// TestPartnerList: a municipality listed among a project's parties after
// "mellan" is a partner of the text's speaker, not the speaker (dev m648,
// a consultancy's page on "ett samverkansprojekt mellan Trafikverket, Falu
// kommun och Dalatrafik"), as after "med".
func TestPartnerList(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{{"m648.txt", "", 0}})
	words := func(s string) []word { return tokenizeWordsInto(nil, s) }
	for _, tc := range []struct {
		text string
		i    int
		want bool
	}{
		{"ett samverkansprojekt mellan Trafikverket, Falu kommun och Dalatrafik", 4, true},
		{"ett avtal mellan Trafikverket och Ale kommun", 5, true},
		{"ett avtal mellan Ale kommun och Trafikverket", 3, false},    // the first of the list: nothing before it but "mellan"
		{"Trafikverket. Falu kommun bygger om", 1, false},             // a sentence between
		{"mellan åren 2019 och 2021 har Falu kommun byggt", 6, false}, // lower-case words between
	} {
		if got := partnerListBefore(tc.text, words(tc.text), tc.i); got != tc.want {
			t.Errorf("%q: partnerListBefore(%d) = %v, want %v", tc.text, tc.i, got, tc.want)
		}
	}
}

// TestCalledMunicipality: a name that is also an ordinary word counts once
// the text says it is a municipality ("Till folkmängden är Boden den
// tredje största kommunen i Norrbotten", dev m653), as once it has named
// "Boden kommun"; "är" with no municipality noun after it does not.
func TestCalledMunicipality(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{{"m653.txt", "2582", 0.6}})
	words := func(s string) []word { return tokenizeWordsInto(nil, s) }
	for _, tc := range []struct {
		text string
		i    int
		want bool
	}{
		{"Till folkmängden är Boden den tredje största kommunen i Norrbotten.", 3, true}, // inverted
		{"Mark är en av Sveriges 290 kommuner.", 0, true},
		{"Mark är en attraktiv kommun med många orter.", 0, true},
		{"Mark är viktig för odlingen av potatis och morötter i hela kommunen.", 0, false}, // beyond the window
		{"Boden är stängd.", 0, false},
		{"Mark är en kommun\ni Västra Götaland.", 0, true},
		{"Mark är en\nkommun i Västra Götaland.", 0, false}, // not on one line
	} {
		if got := calledMunicipality(tc.text, words(tc.text), tc.i, 1); got != tc.want {
			t.Errorf("%q: calledMunicipality(%d) = %v, want %v", tc.text, tc.i, got, tc.want)
		}
	}
}
