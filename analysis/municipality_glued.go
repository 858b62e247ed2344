package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names glued to another word (issue 14, session 27). Two shapes a
// careful reader still reads as the municipality's name:
//
//   - a scraped page joins a teaser's heading to its first sentence with
//     no space between, "SCB:s medborgarundersökningNordmalings kommun
//     vill kvalitetssäkra arbetet" (dev n011, Nordmaling's columns page):
//     a word in lower case that runs into a capital starting a
//     municipality's name is two words, the name at the capital;
//   - a social-media or web handle writes the name and "kommun" as one
//     word, "live på Facebook (Tranemokommun)" (dev m774, Tranemo's
//     council page): the municipality's own account, named as an
//     organisation as "Tranemo kommun" would be.

// minGluedHead is the shortest lower-case head a glued name may follow:
// "iPhone", "eTjänst" are brands, not two words run together.
const minGluedHead = 3

// splitGluedNames returns words with every lower-case word that runs
// into a capitalised municipality name split in two at the capital. It
// returns words itself when there is none (the usual case), a copy
// otherwise: the slice may be the matcher's, lent.
func (a *MunicipalityAttributor) splitGluedNames(text string, words []word) []word {
	var out []word
	for i, w := range words {
		at := -1
		if !w.upper {
			at = a.gluedNameStart(text, w)
		}
		if at < 0 {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]word, 0, len(words)+1), words[:i]...)
		}
		out = append(out, word{start: w.start, end: at}, word{start: at, end: w.end, upper: true})
	}
	if out == nil {
		return words
	}
	return out
}

// gluedNameStart is the offset in text at which a capital inside the
// lower-case word w starts a municipality's name (its first word, in the
// base form or the genitive), or -1: "medborgarundersökningNordmalings".
// The letters before it must all be lower case, at least minGluedHead.
func (a *MunicipalityAttributor) gluedNameStart(text string, w word) int {
	head := 0
	for k := w.start; k < w.end; {
		if c := text[k]; 'a' <= c && c <= 'z' { // most letters: no rune to decode
			head++
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[k:])
		switch {
		case unicode.IsLower(r):
			head++
		case unicode.IsUpper(r) && head >= minGluedHead:
			if _, ok := a.byFirst[strings.ToLower(text[k:w.end])]; ok {
				return k
			}
			return -1
		default:
			return -1 // a digit or a second capital: a code or a brand, not glued words
		}
		k += size
	}
	return -1
}

// handleAt returns the municipality a capitalised word names when it is
// a one-word name (or its genitive) with "kommun" written onto it,
// "Tranemokommun" (lw: the word in lower case), and whether it is.
func (a *MunicipalityAttributor) handleAt(lw string) (int, bool) {
	stem, ok := strings.CutSuffix(lw, "kommun")
	if !ok || stem == "" {
		return 0, false
	}
	return a.oneWordMunicipality(stem)
}

// addHandle counts a handle found by handleAt at token i as an
// institutional mention of municipality m.
func addHandle(zones []uint8, i, m int, ev map[int]*muniEvidence) {
	evidenceOf(ev, m).addStrong(zones[i])
}
