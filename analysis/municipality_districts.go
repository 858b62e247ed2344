package analysis

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// A city's own pages and the local press often name the city only by its
// districts: Stockholm's page "Platssamverkan i Tensta" never writes
// "Stockholm", a housing blog on Stockholm's companies names Hässelby,
// Högdalen and Rågsved, a Göteborg press release names "SDF Norra
// Hisingen" four times and Göteborg once. A careful reader knows which
// city these districts are in; the registry knows only municipality
// names, so the text read "no municipality is named" (issue 14, rounds 11
// and 12: dev m548, m566, m330).
//
// data/attribution/districts.txt lists districts that name nothing else.
// Their mentions count as bare mentions of their city, but only when they
// name one city at least minDistrictMentions times and the text names no
// other municipality: beside another municipality a district is a place in
// passing (a Solna page on a bus line to Kista). A text that never names
// the city needs two districts or more: one district named again and
// again is the place the text is about, a library or a square, as a
// village would be, and a city's page on it is one that never names its
// municipality (silver s039, Göteborg's "Torslanda bibliotek": unnamed).
// A city named only by its districts is never near certain
// (districtOnly).

const districtsFile = "districts.txt"

const (
	// minDistrictMentions is how many mentions of one city's districts
	// the text needs: one district named once is a place, not a city.
	minDistrictMentions = 2
	// districtOnly caps the confidence in a city the text names only by
	// its districts: above DefaultMinConfidence, far from near certain.
	districtOnly = 0.75
)

// embeddedDistricts is the embedded list (lower-case district -> SCB
// code), parsed once.
var embeddedDistricts = parsedOnce(parseDistricts)

// parseDistricts reads the list: one capitalised one-word district a
// line, a tab, the four-digit SCB code of its municipality.
func parseDistricts(fsys fs.FS) (map[string]string, error) {
	return parseNameCodes(fsys, districtsFile)
}

// parseNameCodes reads a list of one capitalised one-word name a line, a
// tab, the four-digit SCB code of its municipality (districts.txt,
// institution-forms.txt), as lower-case name -> code.
func parseNameCodes(fsys fs.FS, file string) (map[string]string, error) {
	lines, err := readList(fsys, file)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range lines {
		name, code, ok := strings.Cut(l, "\t")
		if !ok || name == "" || len(splitWords(name)) != 1 || strings.ToLower(name) == name || len(code) != 4 || strings.Trim(code, "0123456789") != "" {
			return nil, fmt.Errorf("attribution list %s: %q: want Capitalised-name<TAB>four-digit SCB code", file, l)
		}
		low := strings.ToLower(name)
		if prev, dup := out[low]; dup && prev != code {
			return nil, fmt.Errorf("attribution list %s: %q: listed for %s and %s", file, name, prev, code)
		}
		out[low] = code
	}
	return out, nil
}

// districtMentions counts the capitalised mentions of listed districts
// outside noise lines, in the header and in the body, and how many
// different districts they name. It answers the index of their city when
// all of them are districts of one city of the registry and there are at
// least minDistrictMentions.
func (a *MunicipalityAttributor) districtMentions(text string, words []word, zones []uint8) (muni int, counts [2]int, distinct int, ok bool) {
	districts := embeddedDistricts()
	var lower [64]byte
	code := ""
	var seen []string // the districts named, few
	for i, w := range words {
		if !w.upper || zones[i] == zNoise || w.end-w.start > len(lower) {
			continue
		}
		name := w.appendLower(lower[:0], text)
		c, found := districts[string(name)] // no allocation for the lookup: most capitalised words are no district
		if !found {
			continue
		}
		if code != "" && c != code {
			return 0, counts, 0, false // districts of two cities: the text is about neither alone
		}
		code = c
		if !slices.Contains(seen, string(name)) {
			seen = append(seen, string(name))
		}
		if zones[i] == zHeader {
			counts[0]++
		} else {
			counts[1]++
		}
	}
	if code == "" || counts[0]+counts[1] < minDistrictMentions {
		return 0, counts, 0, false
	}
	if m, ok := a.muniOfCode(code); ok {
		return m, counts, len(seen), true
	}
	return 0, counts, 0, false // a code this registry does not have
}

// addDistrictEvidence adds the district mentions of text to their city's
// evidence as bare mentions, when the text names no other municipality
// and names the city itself at most once and never as an institution
// (once it does, the districts add nothing a reader needs).
func (a *MunicipalityAttributor) addDistrictEvidence(text string, words []word, zones []uint8, ev map[int]*muniEvidence) {
	m, counts, distinct, ok := a.districtMentions(text, words, zones)
	if !ok {
		return
	}
	for k, e := range ev {
		if k != m && e.score() > 0 {
			return // another municipality is named: the districts are places in passing
		}
	}
	e := evidenceOf(ev, m)
	named := e.headerBare + e.bodyBare + e.partner
	if e.strong() > 0 || named > 1 || (named == 0 && distinct < 2) {
		return
	}
	e.headerBare += counts[0]
	e.bodyBare += counts[1]
	e.districts = counts
}

// districtsOnly reports whether the municipality is named only by its
// districts.
func (e *muniEvidence) districtsOnly() bool { return e.namedOnlyBy(e.districts) }

// namedOnlyBy reports whether the bare-name counts of e are all places
// inside the municipality (counts: header and body), with no
// institutional mention and no partner: districts and seats are then
// the only evidence, and their cap applies.
func (e *muniEvidence) namedOnlyBy(counts [2]int) bool {
	n := counts[0] + counts[1]
	return n > 0 && e.strong() == 0 && e.partner == 0 && e.headerBare+e.bodyBare == n
}
