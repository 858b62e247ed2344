package analysis

// A municipal building named like a proper name (issue 14, session 29):
// minutes' front pages write the building and its place as one name,
// "Justeringens plats och tid Kommunhus Nödinge, Ale Torg 7" (dev m933,
// Ale's executive board), "Stadshus Nödinge". The capitalised building in
// the indefinite form, directly before a capitalised name on its line, is
// the name of the municipality's own building there, as "Kommunhuset,
// Nödinge" is (municipality_premises.go). The indefinite form alone, lower
// case or with an article ("ett kommunhus i Ystad") still speaks of a
// building anywhere: only the capitalised form directly before the name
// counts. The building words are municipal-premises.txt's definite forms
// without their "-et" (kommunhuset: Kommunhus).

// premisesNamedBefore reports whether the name at token i directly
// follows a capitalised municipal building in the indefinite form on the
// same line: "Kommunhus Nödinge".
func premisesNamedBefore(text string, words []word, i int) bool {
	if i < 1 {
		return false
	}
	b := words[i-1]
	if !b.upper || !sameLine(text, b, words[i]) {
		return false
	}
	if i > 1 && sameLine(text, words[i-2], b) && words[i-2].lower(text) == "ett" {
		return false // "Ett Kommunhus Nödinge": a building, not its name
	}
	return embeddedMunicipalPremises()[b.lower(text)+"et"]
}
