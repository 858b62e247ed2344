package analysis

import "strings"

// Session 28 (issue 14, task attrnone30): a party named by its name on a
// page that says "we". A party's own page names the party by its full
// name as the actor of its sentences ("Kristdemokraterna ställer upp i
// Älvkarleby kommun", "Vänsterpartiet Skövde vill …", "Kristdemokraterna
// föreslår:") and speaks in the first person plural ("Vi jobbar för …",
// "Våra viktigaste tre punkter", "Med vårt förslag"). A municipality's own
// page neither names a party in its body and says "we" in the same text
// without serving its reader, nor does a paper: a paper reports the
// party's speech ("säger", reporter-voice-words.txt) or quotes it on a
// line opening with a dash, and a municipal page serves its reader
// ("kontakta", "du kan") or gives an address at its domain or its logo.
// Found on a probe of 155 pages that speak for no municipality (party
// sites, papers, agencies, companies; docs/validity.md, session 28),
// where 6 party pages answered their municipality at 0.74 to 0.98.

// partyNamedSpeaks reports whether a page-sized text that names one
// party in its body, and no other, speaks as that party: "we" said, the
// municipality speaking of itself ("kommunen", own-voice-words.txt) at
// most once, no one reported speaking, no quoted speech, the reader
// served at most once (a blog's "läs mer"), no address at the
// candidate's domain and no logo. A municipality's page about its
// council names the governing party and says "kommunen erbjuder" (Nora,
// m305); a council's page lists several parties (Krokom, m417).
func (tv *textVoice) partyNamedSpeaks(e *muniEvidence) bool {
	return tv.parties == 1 && tv.own <= 1 && tv.we >= 1 && tv.reporter == 0 && tv.quotes == 0 &&
		tv.service <= 1 && e.address == 0 && e.logo == 0
}

// countParties returns how many distinct parties a text names in its
// body by their capitalised names ("Kristdemokraterna",
// "Kristdemokraternas" one party): a party's own page names itself, a
// council's page or a paper names the council's parties.
func (a *MunicipalityAttributor) countParties(text string, words []word, zones []uint8) int {
	seen := map[string]bool{}
	var small [64]byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		if zones[i] != zBody || !w.upper || w.end-w.start > 40 {
			continue
		}
		lw := string(w.appendLower(small[:0], text))
		n, _ := a.lists.rivalAt(text, words, i, lw)
		if n == 0 {
			continue
		}
		if lw != "partiet" && lw != "partiets" && a.lists.rivalIsParty(text, words, i, n) {
			seen[strings.TrimSuffix(text[w.start:words[i+n-1].end], "s")] = true
		}
		i += n - 1
	}
	return len(seen)
}
