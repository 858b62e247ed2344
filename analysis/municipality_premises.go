package analysis

import (
	"io/fs"
	"strings"
)

// The municipality's premises (issue 14, session 27): minutes' front
// pages and council pages name their municipality only where they keep
// the record or meet, "Förvaringsplats för protokollet Kommunkansliet Nya
// Rådhuset i Ystad", "Kommunkontoret, Tranemo". The name there is the
// municipality as an organisation, housed in its own building, not a
// place the text passes through; read bare, a lone mention was capped
// below the threshold (dev m810). data/attribution/municipal-premises.txt
// lists the buildings, in the definite form only.

const municipalPremisesFile = "municipal-premises.txt"

// embeddedMunicipalPremises is the embedded list, parsed once.
var embeddedMunicipalPremises = parsedOnce(parseMunicipalPremises)

func parseMunicipalPremises(fsys fs.FS) (map[string]bool, error) {
	ws, err := readLowerWords(fsys, municipalPremisesFile)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(ws))
	for _, w := range ws {
		out[w] = true
	}
	return out, nil
}

// premisesBefore reports whether the name at token i follows one of the
// municipality's buildings on the same line, with "i" or a comma between:
// "kommunhuset i Hultsfred", "Kommunkansliet Nya Rådhuset i Ystad",
// "Kommunhuset, Storuman".
func premisesBefore(text string, words []word, i int) bool {
	if i < 2 {
		return false
	}
	j := i - 1
	switch {
	case words[j].lower(text) == "i" && sameLine(text, words[j], words[i]):
		j--
		if !sameLine(text, words[j], words[j+1]) {
			return false
		}
	case strings.Trim(text[words[j].end:words[i].start], " \u00a0") == ",":
		// "Kommunkontoret, Tranemo": the building, then its place.
	default:
		return premisesNamedBefore(text, words, i) // "Kommunhus Nödinge" (municipality_premisesname.go)
	}
	return embeddedMunicipalPremises()[words[j].lower(text)]
}

// municipalSeatsFile lists the seats whose name is not their
// municipality's ("Henån", Orust).
const municipalSeatsFile = "municipal-seats.txt"

// embeddedMunicipalSeats maps a lower-case seat to its SCB code, parsed
// once.
var embeddedMunicipalSeats = parsedOnce(func(fsys fs.FS) (map[string]string, error) {
	return parseNameCodes(fsys, municipalSeatsFile)
})

// seatAfterPremises returns the municipality whose seat the capitalised
// token i names (lw: in lower case) after the municipality's own building,
// "Kommunhuset, Henån", and whether it does.
func (a *MunicipalityAttributor) seatAfterPremises(text string, words []word, i int, lw string) (int, bool) {
	code, ok := embeddedMunicipalSeats()[lw]
	if !ok || !premisesBefore(text, words, i) {
		return 0, false
	}
	return a.muniOfCode(code) // false for a code not in this registry
}

// addPremisesSeat counts a seat found by seatAfterPremises at token i as
// a mention of municipality m at its own premises: institutional, like
// "Kommunhuset i Ystad".
func addPremisesSeat(zones []uint8, i, m int, ev map[int]*muniEvidence) {
	e := evidenceOf(ev, m)
	e.premises++
	e.addStrong(zones[i])
}
