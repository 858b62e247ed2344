package analysis

import "strings"

// A coalition whose parties stand in its own sentence (issue 14, round
// 20). Töreboda's page on how the municipality is governed says "För
// mandatperioden 2023-2026 har överenskommelse om valteknisk samverkan
// slutits mellan Moderaterna, Liberalerna och Sverigedemokraterna." (dev
// m948): the same electoral coalition as a list after a colon
// (listsParties), written as one sentence. The parties are the council's
// members; without this reading the six of them counted as rival
// speakers against the page's one "I Töreboda kommun".

// sentenceListsParties reports whether the sentence of the coalition word
// at token i names at least two parties after it ("samverkan slutits
// mellan Moderaterna, Liberalerna och Sverigedemokraterna"). The guards
// of councilCoalition still hold: a council body named in the body and no
// first-person word in the sentence ("vi har ingått valteknisk samverkan
// med Moderaterna och Liberalerna" is a party's own page).
func (a *MunicipalityAttributor) sentenceListsParties(text string, words []word, zones []uint8, i int) bool {
	parties := 0
	var lower [64]byte
	for j := i + 1; j < len(words); j++ {
		if strings.ContainsAny(text[words[j-1].end:words[j].start], ".!?\n:") {
			return false // the sentence ended
		}
		w := words[j]
		if zones[j] != zBody || !w.upper {
			continue
		}
		n, _ := a.lists.rivalAt(text, words, j, string(w.appendLower(lower[:0], text)))
		if n == 0 {
			continue
		}
		if a.lists.rivalIsParty(text, words, j, n) {
			if parties++; parties >= 2 {
				return true
			}
		}
		j += n - 1
	}
	return false
}
