package analysis

import (
	"io/fs"
)

// An organisation's own voice (organisation-voice.txt; docs/validity.md,
// "Attribution, round 12"). A church, an association, a Red Cross circuit
// or a housing company names its home municipality in its title and body
// as the municipality's own page does; what gives it away is that it
// calls members, circuits, parishes or tenants its own ("våra
// medlemmar", "våra olika kretsar", "vår församling"). The cue counts as
// the party voice does (partyAt): the text speaks as an organisation,
// written about the municipality, not for it.

// parseOrganisationVoice reads organisation-voice.txt into v.orgOwned.
func (v *voiceLists) parseOrganisationVoice(fsys fs.FS) error {
	ws, err := readLowerWords(fsys, "organisation-voice.txt")
	if err != nil {
		return err
	}
	v.orgOwned = make(map[string]bool, len(ws))
	for _, w := range ws {
		v.orgOwned[w] = true
	}
	return nil
}

// orgOwnedAt reports whether token i (lower case lw) is an organisation's
// own noun after "vår", "vårt" or "våra" on the same line, directly or
// across one word ("våra olika kretsar").
func (l *attributionLists) orgOwnedAt(text string, words []word, i int, lw string) bool {
	if !l.on(text, words[i], lw, onOrgOwned) {
		return false
	}
	for back := 1; back <= 2 && i-back >= 0; back++ {
		if !sameLine(text, words[i-back], words[i-back+1]) {
			return false
		}
		switch words[i-back].lower(text) {
		case "vår", "vårt", "våra":
			return true
		}
	}
	return false
}

// speaksAsOrganisation reports whether the text calls an organisation's
// members or units its own and names an organisation that speaks for no
// municipality (other-speakers.txt: "Röda Korset", "Svenska kyrkan"):
// "Du kan läsa mer om våra olika kretsar" on a page that names Röda
// Korset is the Red Cross's page, however often it names Kalmar kommun
// and whatever service words it uses ("klicka", "läs mer"), which a
// party's page lacks but an association's has.
func (tv *textVoice) speaksAsOrganisation() bool {
	return tv.orgOwned >= 1 && (tv.rivals > 0 || tv.company)
}
