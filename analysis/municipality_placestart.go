package analysis

import (
	"io/fs"
	"strings"
)

// sentenceOpensPlace reports whether token p (the word before a name) is
// a place preposition that opens a sentence or a line: "I Skara är Carl-
// Johan Kling anställd", "Från Boden går ...". The preposition is then
// capitalised like any first word, so the lower-case test of placeContext
// misses it, yet it marks a place as surely as "i Skara" mid-sentence: an
// ordinary word after it ("skara", "vara") would stay in lower case.
// Only a preposition and a name whose capital is their only one count
// ("I Skara", not "I SKARA" or "FRÅN BODEN" in an all-caps heading), and
// only after a sentence's end ('.', '!', '?', ':') or at the start of the
// text or a line. i is the name's token, i-1 the preposition's.
func (a *MunicipalityAttributor) sentenceOpensPlace(text string, words []word, i int) bool {
	p := i - 1
	w := words[p]
	if s := text[w.start:w.end]; len(s) > 1 && strings.ToUpper(s) == s {
		return false // an all-caps heading word
	}
	if s := text[words[i].start:words[i].end]; strings.ToUpper(s) == s {
		return false
	}
	if !a.lists.place[w.lower(text)] {
		return false
	}
	gap := text[:w.start]
	if p > 0 {
		gap = text[words[p-1].end:w.start]
	}
	if strings.IndexByte(gap, '\n') >= 0 {
		return true
	}
	gap = strings.TrimRight(gap, " \t\u00a0")
	if p == 0 {
		return gap == ""
	}
	return strings.HasSuffix(gap, ".") || strings.HasSuffix(gap, "!") || strings.HasSuffix(gap, "?") || strings.HasSuffix(gap, ":")
}

// wordNamesFile lists the ambiguous names that are ordinary words only.
const wordNamesFile = "lowercase-word-names.txt"

// embeddedWordNames is the embedded list, parsed once.
var embeddedWordNames = parsedOnce(func(fsys fs.FS) (map[string]bool, error) {
	lines, err := readList(fsys, wordNamesFile)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(lines))
	for _, l := range lines {
		out[l] = true
	}
	return out, nil
})

// capitalInSentence reports whether the name at token i, one of the
// names that are ordinary words only (data/attribution/
// lowercase-word-names.txt), is capitalised in the middle of a sentence:
// after a lower-case word on the same line, itself not all in capitals
// ("är Boden den tredje största kommunen", "och Boden fick"). The
// ordinary word would be written in lower case there.
func (a *MunicipalityAttributor) capitalInSentence(text string, words []word, i, muni int) bool {
	if i == 0 || !embeddedWordNames()[strings.ToLower(a.munis[muni].Name)] {
		return false
	}
	p, w := words[i-1], words[i]
	if p.upper || !w.upper || !sameLine(text, p, w) {
		return false
	}
	s := text[w.start:w.end]
	return strings.ToUpper(s) != s
}
