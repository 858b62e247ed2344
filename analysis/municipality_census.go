package analysis

import (
	"io/fs"
)

// A count of municipalities (docs/validity.md, "Attribution, round 16").
// A text that counts municipalities ("I 129 kommuner har partiet inte
// gjort någon egen budget", "alla 285 kommuner", "var femte kommun")
// surveys many of them: national news, SKR, an agency or an association
// writes so, and a municipality it then names by its bare name ("I Växjö
// fick Sverigedemokraterna fyra mandat") is an example, not the speaker
// nor the one place the text is about. A municipality's own page counts
// municipalities too ("en av landets 290 kommuner"), but it then names
// itself as an organisation ("Umeå kommun") or gives an address at its
// domain: the cap below holds only a candidate the text names by bare
// name alone.

const countWordsFile = "count-words.txt"

// embeddedCountWords are the words that count municipalities
// (count-words.txt), parsed once.
var embeddedCountWords = parsedOnce(parseCountWords)

func parseCountWords(fsys fs.FS) (map[string]bool, error) {
	ws, err := readLowerWords(fsys, countWordsFile)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(ws))
	for _, w := range ws {
		out[w] = true
	}
	return out, nil
}

// countsMunicipalities reports whether the non-noise words of a text give
// a count of municipalities: a number (in digits or a word of
// count-words.txt) right before "kommuner" or "kommunerna" on the same
// line, or "var" and a count word before "kommun" ("var femte kommun").
func countsMunicipalities(text string, words []word, zones []uint8) bool {
	counts := embeddedCountWords()
	isCount := func(w word) bool {
		s := text[w.start:w.end]
		if allDigits(s) {
			return true
		}
		return counts[w.lower(text)]
	}
	for i := 1; i < len(words); i++ {
		if zones[i] == zNoise || zones[i-1] == zNoise || !sameLine(text, words[i-1], words[i]) {
			continue
		}
		switch words[i].lower(text) {
		case "kommuner", "kommunerna":
			if isCount(words[i-1]) && !rankDenominator(text, words, i-1, isCount) {
				return true
			}
		case "kommun":
			if i >= 2 && isCount(words[i-1]) && words[i-2].lower(text) == "var" && sameLine(text, words[i-2], words[i-1]) {
				return true
			}
		}
	}
	return false
}

// rankDenominator reports whether the count at word j is the whole a
// rank or a share is taken of ("på fjärde plats av Sveriges 300
// kommuner", "87 av landets 290 kommuner"): "av" before it, directly or
// across "de", "alla", "landets", "länets", "Sveriges", after a number or
// "plats". A text about one municipality places it so among all of them
// (m440, m631); "en genomgång av alla 285 kommuner" still counts them.
func rankDenominator(text string, words []word, j int, isCount func(word) bool) bool {
	k := j - 1
	for k >= 0 && k >= j-3 {
		switch words[k].lower(text) {
		case "de", "alla", "landets", "länets", "sveriges":
			k--
			continue
		case "av":
			if k == 0 {
				return false
			}
			before := words[k-1]
			switch before.lower(text) {
			case "plats", "platsen":
				return true
			}
			return isCount(before)
		}
		return false
	}
	return false
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// censusExample reports whether candidate evidence e is a municipality
// named as an example in a text that counts municipalities: the text
// counts them (census) and names e's municipality by bare name in the
// body only, never in the title, as an organisation, at its domain or
// in its logo. A title that names it makes the text about it ("Dals-Ed,
// trivsam mötesplats").
func censusExample(census bool, e *muniEvidence) bool {
	return census && e.strong() == 0 && e.headerBare == 0 && e.logo == 0
}
