package analysis

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
	if !a.lists.voice.partyGroups[lw] {
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
