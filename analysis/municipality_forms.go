package analysis

import "io/fs"

// Institution forms (issue 14, round 17): a municipality whose name takes
// another form before "kommun" than alone ("Falu kommun", Falun) is named
// by that form only as an organisation, and the registry's name and its
// genitive never match it. The form counts as a bare mention: one sign of
// the municipality among others, never enough alone for a near-certain
// answer (the bare-names ceiling), since texts by others name it too
// (data/attribution/institution-forms.txt). Nor does it, alone in a short
// text, count as the distinctive name the text is about (loneDistinct):
// a short page by others names "Falu kommun" once as a project's partner
// (dev m648).

const institutionFormsFile = "institution-forms.txt"

// embeddedInstitutionForms maps a lower-case form to its SCB code, parsed
// once from institution-forms.txt.
var embeddedInstitutionForms = parsedOnce(parseInstitutionForms)

func parseInstitutionForms(fsys fs.FS) (map[string]string, error) {
	return parseNameCodes(fsys, institutionFormsFile)
}

// institutionFormAt returns the municipality a listed form at token i
// names (lw: the token in lower case) when "kommun" or "kommuns" follows
// it on the same line, and whether one does.
func (a *MunicipalityAttributor) institutionFormAt(text string, words []word, i int, lw string) (int, bool) {
	code, ok := embeddedInstitutionForms()[lw]
	if !ok || i+1 >= len(words) || !sameLine(text, words[i], words[i+1]) {
		return 0, false
	}
	if next := words[i+1].lower(text); next != "kommun" && next != "kommuns" {
		return 0, false
	}
	return a.muniOfCode(code) // false for a code not in this registry
}

// addInstitutionForm counts a form found by institutionFormAt at token i
// as a bare mention of municipality m, or as a partner after a partner
// word.
func (a *MunicipalityAttributor) addInstitutionForm(text string, words []word, zones []uint8, i, m int, ev map[int]*muniEvidence) {
	e := evidenceOf(ev, m)
	e.forms++ // not a distinctive name written out: no lone-name uplift (m648's project partner)
	switch {
	case zones[i] == zHeader:
		e.headerBare++
	case a.lists.partnerBefore(text, words, i):
		e.partner++
	default:
		e.bodyBare++
	}
}
