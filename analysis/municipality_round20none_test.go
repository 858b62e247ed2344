package analysis

import "testing"

// Session 20 (docs/validity.md, "Attribution, round 20: texts that speak
// for no municipality (session 20 ...)"): a party calls its election
// promises its own ("vårt vallöfte"), which a municipality never does;
// party-voice.txt counts the word after "vår/vårt/våra" as the party's
// first person. Real dev texts, copies and sources in
// testdata/attribution/real.

// TestOwnElectionPromiseIsPartyVoice: on real sentences, "vårt vallöfte"
// is the party's own word; the same noun without the possessive (a
// reader's letter on a party's promise) is not.
func TestOwnElectionPromiseIsPartyVoice(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, tc := range []struct {
		text string
		want int
	}{
		// m601, Danderydsmoderaterna's report from the executive committee
		{"Vi har idag en lång kö till Kevinge och vill nu infria vårt vallöfte att bygga ett trygghetsboende i Enebyberg.", partyFirst},
		{"Partiet bröt sitt vallöfte om sänkt skatt.", partyNone},
	} {
		words := tokenizeWordsInto(nil, tc.text)
		got := partyNone
		for i := range words {
			if k := a.partyAt(tc.text, words, i, words[i].lower(tc.text)); k != partyNone {
				got = k
			}
		}
		if got != tc.want {
			t.Errorf("%q: partyAt = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestPartyPromiseSpeaksForNone: m601 (Danderydsmoderaterna's "Senaste
// nytt från Kommunstyrelsen": "vill nu infria vårt vallöfte", Danderyd
// named three times) answered Danderyd at 0.85 before this round; o105 (a
// reader's letter in Jönköpings-Posten on one municipality, "vallöfte"
// without the possessive) keeps its answer.
func TestPartyPromiseSpeaksForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m601.txt", "", 0}, // danderydsmoderaterna.se
		{"o105.txt", "0643", 0.6},
	})
}
