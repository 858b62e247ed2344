package analysis

import "testing"

// Session 13 (docs/validity.md, "Attribution, round 13: texts that name
// their municipality (session 13 ...)"): the error classes of the dev
// texts that were fixed and kept. Real dev text, copies and sources in
// testdata/attribution/real.

// TestActorOverPlace: the municipality that acts ("erbjuder Härjedalens
// kommun förtidsröstning") is the page's, not the one that is the place
// of someone else's event ("valet till kommunfullmäktige i Falu kommun");
// a municipality fronted as a place ("I Sigtuna, Täby och Södertälje
// kommun har polisen …") is no actor (municipality_actor.go).
func TestActorOverPlace(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m107.txt", "2361", 0}, // Härjedalen's page on the re-election in Falun
		{"o485.txt", "", 0},     // the police's events in Sigtuna, Täby and Södertälje
	})
	words := func(s string) []word { return tokenizeWordsInto(nil, s) }
	for _, tc := range []struct {
		text string
		i, n int
		want bool
	}{
		{"Med anledning av omvalet erbjuder Härjedalens kommun förtidsröstning.", 5, 1, true}, // inverted order
		{"Härjedalens kommun erbjuder förtidsröstning.", 0, 1, true},
		{"Omval. Falu kommun har beslutat om omval.", 1, 1, true},                             // starts its clause
		{"I Täby och Södertälje kommun har polisen patrullerat.", 3, 1, false},                // fronted place
		{"Valet till kommunfullmäktige i Falu kommun upphävs.", 4, 1, false},                  // a place
		{"Härjedalens kommun, som erbjuder förtidsröstning, ligger i Jämtland.", 0, 1, false}, // comma between
		{"Lerums kommun ansvarar för SFI och Alingsås kommun för SO.", 0, 1, false},           // two organisations share the work
	} {
		if got := actorAt(tc.text, words(tc.text), tc.i, tc.n, a.lists.institutionAfter); got != tc.want {
			t.Errorf("%q: actorAt(%d, %d) = %v, want %v", tc.text, tc.i, tc.n, got, tc.want)
		}
	}
}

// TestLowerCaseLaterWords: the later words of a name of several may be
// written in lower case ("Upplands väsby" in a police-event tag list,
// dev o486); the first must be a capital, and a lone later word is no
// name.
func TestLowerCaseLaterWords(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{{"o486.txt", "0114", 0}})
	const filler = " Här finns information om öppettider, kontaktuppgifter och hur du hittar hit, och du kan lämna synpunkter på webbplatsen."
	for _, tc := range []struct{ text, want string }{
		{"Lilla edet kommun bygger en ny skola. Lilla edet kommun anställer lärare.", "1462"},
		{"upplands väsby kommun bygger en ny skola. väsby är en ort.", ""}, // no capital anywhere
	} {
		if got := a.Attribute(tc.text + filler); got.Code != tc.want {
			t.Errorf("%q: Attribute = %q %.2f (%s), want %q", tc.text, got.Code, got.Confidence, got.Reason, tc.want)
		}
	}
}
