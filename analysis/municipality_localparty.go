package analysis

import "strings"

// Session 27 (issue 14, task attrnone29): a local party named after its
// municipality. Local parties that stand only in one municipality's
// election take its name: "Ronnebypartiet", "Ödeshögspartiet",
// "Strömstadspartiet", "Hoforspartiet". Such a name is a party's, as
// "Centerpartiet i Herrljunga" is a branch's (municipality_partybranch.go):
// a page that names it and says "we", with no one reported speaking and
// no address or logo of the municipality, is the party's page
// (speaksAsParty).

// localPartySuffix ends a party's name.
const localPartySuffix = "partiet"

// localPartyAt reports whether capitalised lower-case lw is a party named
// after a municipality: a one-word municipality name, or its genitive,
// before "partiet" ("ronnebypartiet", "ödeshögspartiet").
func (a *MunicipalityAttributor) localPartyAt(lw string) bool {
	stem, ok := strings.CutSuffix(lw, localPartySuffix)
	if !ok || stem == "" {
		return false
	}
	if _, ok := a.oneWordMunicipality(stem); ok {
		return true
	}
	if g, ok := strings.CutSuffix(stem, "s"); ok && g != "" {
		_, ok := a.oneWordMunicipality(g)
		return ok
	}
	return false
}

// oneWordMunicipality returns the municipality whose name is lower-case
// w, one word ("ronneby"), and
// whether there is one.
func (a *MunicipalityAttributor) oneWordMunicipality(w string) (int, bool) {
	for _, v := range a.byFirst[w] {
		if len(v.words) == 1 {
			return v.muni, true
		}
	}
	return 0, false
}
