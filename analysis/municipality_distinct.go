package analysis

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/styrdok/styrdok/registry"
)

// A distinctive name is one a reader takes for the municipality and for
// nothing else: not an ordinary Swedish word ("Mark", "Boden", "Klippan"),
// not a person's name, a province or a town abroad
// (data/attribution/ambiguous-names.txt, kept by hand). "Kiruna",
// "Övertorneå", "Hudiksvall" are distinctive; named once in a short text
// they say which municipality the text is about as plainly as "Kiruna
// kommun" would (issue 14: "a distinctive name (Kramfors, Vallentuna,
// Oxelösund) in a short text is enough").
//
// The ordinary words come from a real lexicon, not from reading the
// texts: data/attribution/ordinary-word-names.txt lists the municipality
// names that are lower-case words of hunspell sv_SE or their suffix forms,
// made by tools/distinctnames/make.py (its source and licence are in its
// header). The file only takes names out of the distinctive set; it never
// holds a name back the way ambiguous-names.txt does (round 3: holding
// back "Trosa" or "Vindeln" lost texts that name them plainly).

const ordinaryWordNamesFile = "ordinary-word-names.txt"

// embeddedOrdinaryWordNames is the embedded list, parsed once.
var embeddedOrdinaryWordNames = parsedOnce(parseOrdinaryWordNames)

// parseOrdinaryWordNames reads the list: one lower-case name a line, a tab,
// the dictionary stem it was found from.
func parseOrdinaryWordNames(fsys fs.FS) (map[string]bool, error) {
	lines, err := readList(fsys, ordinaryWordNamesFile)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, l := range lines {
		name, stem, ok := strings.Cut(l, "\t")
		if !ok || name == "" || stem == "" || name != strings.ToLower(name) || strings.ContainsAny(name, " ") {
			return nil, fmt.Errorf("attribution list %s: %q: want lower-case NAME<TAB>stem", ordinaryWordNamesFile, l)
		}
		out[name] = true
	}
	return out, nil
}

// distinctNames reports, per municipality index, whether its registry
// name is distinctive: neither in the ambiguous list nor an ordinary word.
func distinctNames(munis []registry.Municipality, ambiguous []bool, ordinary map[string]bool) []bool {
	out := make([]bool, len(munis))
	for i, m := range munis {
		out[i] = !ambiguous[i] && !ordinary[strings.ToLower(m.Name)]
	}
	return out
}
