package analysis

import "strings"

// Session 21 (issue 14, task none23): a local party branch speaking for
// itself. A party's page, its local news list or its members' blog names
// the branch by the party and its place, "Centerpartiet i Herrljunga",
// "Kristdemokraterna i Köping", and speaks in the first person ("vi",
// "vår"); a municipality's own page does not name a party's branch and
// say "we" in the same breath, and a paper reporting on the branch quotes
// it ("säger", reporter-voice-words.txt) instead of saying "we".

// partyBranchAt reports whether token i (lower case lw) opens a party's
// local branch: a party (other-speakers.txt '+', a word ending in
// -partiet) followed on the same line by "i" or "på" and a capitalised
// name ("Centerpartiet i Herrljunga", "Vänsterpartiet i Bjuv").
func (a *MunicipalityAttributor) partyBranchAt(text string, words []word, i int, lw string) bool {
	if !words[i].upper {
		return false
	}
	n := 1
	if !a.lists.on(text, words[i], lw, onPartyGroup) { // voice.partyGroups[lw]
		n, _ = a.lists.rivalAt(text, words, i, lw)
		if n == 0 || !a.lists.rivalIsParty(text, words, i, n) {
			return false
		}
	}
	if i+n+1 >= len(words) {
		return false
	}
	p, name := words[i+n], words[i+n+1]
	if !joined(text, words[i+n-1], p) || !joined(text, p, name) || !name.upper {
		return false
	}
	switch p.lower(text) {
	case "i", "på":
		return true
	}
	return false
}

// memberBodySelfAt reports whether token i is a body of municipal
// cooperation named by its own name and legal form, the head word in
// lower case after a capitalised name on the same line ("VafabMiljö
// kommunalförbund", "Sjuhärads kommunalförbund"; member-bodies.txt, in
// the indefinite or the definite form), as a company names itself "X AB".
func (a *MunicipalityAttributor) memberBodySelfAt(text string, words []word, i int, lw string) bool {
	if i == 0 || words[i].upper || !words[i-1].upper {
		return false
	}
	// lw is no "förbund(et)" and memberBodies holds lw or lw+"et"
	if !a.lists.on(text, words[i], lw, onMemberBodySelf) || !joined(text, words[i-1], words[i]) {
		return false
	}
	if p := words[i-1].lower(text); p == "ett" || p == "en" || p == "om" || p == "vissa" {
		return false
	}
	// The body is the text's subject, named again and again
	// ("VafabMiljö" nine times on its own news page), not a partner a
	// municipality's page names in passing ("Lapplands kommunalförbund"
	// twice on Jokkmokk's page, m198).
	name := text[words[i-1].start:words[i-1].end]
	return strings.Count(text, name) >= memberBodyRepeats
}

// memberBodyRepeats is how often a body's name must stand in a text for
// the body to be its subject.
const memberBodyRepeats = 3

// congregationRepeats is how often churches must be named by their own
// names for a church to be the text's speaker.
const congregationRepeats = 2

// congregationAt reports whether capitalised lower-case lw is a church's
// own name: longer than, and ending in, a listed ending
// (congregation-suffixes.txt: "Bifrostkyrkan", "Tomaskyrkan").
func (v *voiceLists) congregationAt(lw string) bool {
	for _, s := range v.congregations {
		if len(lw) > len(s)+2 && strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}
