package analysis

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Organisations named after a place, as compounds (docs/validity.md,
// "Attribution, round 13"). not-municipality-after.txt lists the head
// nouns that make "Sollentuna församling" or "Borås Tidning" an
// organisation rather than the municipality. Swedish also writes the
// organisation's kind as a compound whose head is that noun: "Malmö
// Pingstförsamling", "Skara missionsförsamling", "Linköpings
// domkyrkoförsamling", "Uppsala Simsällskap". The compound names the same
// kind of organisation, so the name before it is no mention of the
// municipality either.

// minCompoundHead is the shortest head (in letters) looked for at a
// compound's end: the short ones end ordinary words ("Tierps politik"
// and "Mora musik" end in the club abbreviation "ik").
const minCompoundHead = 7

// minCompoundModifier is the fewest letters before the head: a compound
// names a kind ("pingst-", "domkyrko-"), not an inflection.
const minCompoundModifier = 3

// compoundHeads returns the heads of notAfter long enough to be looked
// for at a compound's end, longest first, so that the result does not
// depend on map order.
func compoundHeads(notAfter map[string]bool) []string {
	var hs []string
	for w := range notAfter {
		if utf8.RuneCountInString(w) >= minCompoundHead {
			hs = append(hs, w)
		}
	}
	slices.SortFunc(hs, func(p, q string) int {
		if d := len(q) - len(p); d != 0 {
			return d
		}
		return strings.Compare(p, q)
	})
	return hs
}

// compoundOrganisation reports whether next (lower case) is a compound
// whose head is one of heads ("pingstförsamling": församling).
func compoundOrganisation(heads []string, next string) bool {
	for _, h := range heads {
		if strings.HasSuffix(next, h) && utf8.RuneCountInString(next[:len(next)-len(h)]) >= minCompoundModifier {
			return true
		}
	}
	return false
}
