package analysis

import (
	"strings"
	"testing"
)

// Session 20 (docs/validity.md, "Attribution, round 20: texts that name
// their municipality (session 20 ...)"): an error class fixed on a real
// dev text of batch 16, with the dev party pages that must stay
// unanswered. Copies and sources in testdata/attribution/real.

// TestCoalitionInOneSentence: a council page that names the electoral
// coalition's parties in the coalition's own sentence ("har överenskommelse
// om valteknisk samverkan slutits mellan Moderaterna, Liberalerna och
// Sverigedemokraterna", Töreboda, m948) names them as the council's
// members, as a list after a colon does; a party's page on its own
// coalition stays unanswered.
func TestCoalitionInOneSentence(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m948.txt", "1473", 0.6}, // Töreboda's "Så styrs kommunen": "I Töreboda kommun" once, six parties in two coalition sentences
		{"m891.txt", "1446", 0.6}, // the colon list of round 19 still holds
		{"m712.txt", "", 0},       // Ödeshögspartiet: "VALTEKNISK SAMVERKAN", "så har vi också"
		{"m899.txt", "", 0},       // Skövdemoderaterna's news list
	})
	if got := a.Attribute(readRealAttribution(t, "m948.txt")); !strings.Contains(got.Reason, "electoral coalitions") {
		t.Errorf("m948.txt: Reason = %q, want the coalition note", got.Reason)
	}
	for sentence, want := range map[string]bool{
		"För mandatperioden 2023-2026 har överenskommelse om valteknisk samverkan slutits mellan Moderaterna, Liberalerna och Sverigedemokraterna.": true,  // m948
		"Överenskommelse om valteknisk samverkan har också slutits mellan Socialdemokraterna, Centerpartiet och Vänsterpartiet.":                    true,  // m948
		"Partierna har valteknisk samverkan. Moderaterna och Liberalerna styr.":                                                                     false, // the parties in the next sentence
		"Valteknisk samverkan med Moderaterna.": false, // one party: no list
	} {
		words := tokenizeWordsInto(nil, sentence)
		zones := make([]uint8, len(words))
		for i := range zones {
			zones[i] = zBody
		}
		got := false
		for i := range words {
			if a.lists.coalitionWords[words[i].lower(sentence)] {
				got = a.sentenceListsParties(sentence, words, zones, i)
				break
			}
		}
		if got != want {
			t.Errorf("sentenceListsParties in %q = %v, want %v", sentence, got, want)
		}
	}
}
