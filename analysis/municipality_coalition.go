package analysis

import "strings"

// A council's electoral coalitions (issue 14, round 19). A municipality's
// page on its council says which parties cooperate in it: "För
// mandatperioden 2015-2018 har olika partier enats om samarbete genom
// valteknisk samverkan på följande sätt: Socialdemokraterna och
// moderaterna, vilket ger dessa två partier majoritet i
// kommunfullmäktige" (Karlsborg's politics page, m891). The parties are
// the council's members, as in a tally of their seats (councilSeats) or
// their stances in its proceedings (councilStances), not rival speakers.
// Only the parties stop counting against the municipality.

// councilCoalition reports whether the body names a council body (the
// "@council" words of council-stance-words.txt) and, in a sentence
// without a first-person word, an electoral coalition (the "@coalition"
// words: "valteknisk samverkan") whose parties it lists (listsParties).
// A party's own page says "vi har ingått valteknisk samverkan med
// Moderaterna", heads a paragraph "VALTEKNISK SAMVERKAN" (Ödeshögspartiet,
// m712) or reports that "allianspartierna i Skövde beslutat sig för
// fortsatt valteknisk och politisk samverkan" (Skövdemoderaterna, m899):
// the first person, or no list of the parties, keeps it the party's.
func (a *MunicipalityAttributor) councilCoalition(text string, words []word, zones []uint8) bool {
	council, coalition := false, false
	var lower [64]byte
	for i, w := range words {
		if zones[i] != zBody {
			continue
		}
		lw := w.appendLower(lower[:0], text)
		if a.lists.councilBodies[string(lw)] {
			council = true
		}
		if !coalition && a.lists.coalitionWords[string(lw)] && !firstPersonSentence(text, words, i) && (a.listsParties(text, words, i) || a.sentenceListsParties(text, words, zones, i)) {
			coalition = true
		}
		if council && coalition {
			return true
		}
	}
	return false
}

// firstPersonSentence reports whether the sentence of token i (on its
// line, between sentence ends) holds "vi", "vår", "vårt", "våra" or
// "oss".
func firstPersonSentence(text string, words []word, i int) bool {
	within := func(a, b int) bool { return !strings.ContainsAny(text[words[a].end:words[b].start], ".!?\n") }
	lo, hi := i, i
	for lo > 0 && within(lo-1, lo) {
		lo--
	}
	for hi+1 < len(words) && within(hi, hi+1) {
		hi++
	}
	for j := lo; j <= hi; j++ {
		switch words[j].lower(text) {
		case "vi", "vår", "vårt", "våra", "oss":
			return true
		}
	}
	return false
}

// listsParties reports whether the coalition word at token i opens a list
// of the coalition's parties: its sentence ends in a colon and the next
// line that is not blank names a party ("sker valteknisk samverkan enligt
// följande:" and the item "Centerpartiet (C), Moderaterna (M) ...").
func (a *MunicipalityAttributor) listsParties(text string, words []word, i int) bool {
	end := words[i].end
	for end < len(text) && !strings.ContainsRune(".!?\n:", rune(text[end])) {
		end++
	}
	if end >= len(text) || text[end] != ':' {
		return false
	}
	for line := range strings.Lines(text[end+1:]) {
		if line = strings.TrimSpace(line); line != "" {
			return a.lists.partyRe.MatchString(line)
		}
	}
	return false
}
