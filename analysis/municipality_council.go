package analysis

import (
	"io/fs"
	"strings"
)

// A council's page or a paper's report on the council names its parties
// as the council's parts: "Svenljunga kommun styrs av Socialdemokraterna
// och Liberalerna … Mandatfördelning: Socialdemokraterna (S) 7 mandat",
// "Fullmäktigeledamoten Gunnar Björkman (MP)", "kommunalråd i Ödeshög".
// Such a text speaks of the parties, not as one of them: counted as
// rival speakers they would outweigh the municipality whose council they
// sit in (issue 14, session 15; dev m727, Svenljunga's council page at
// 0.01). A seat or member word (data/attribution/council-seat-words.txt)
// is, like a reporter's word, a sign the text reports on the parties
// (reportsOnParties) when the text never speaks in the first person; a
// party's own voice is held apart there first.

const councilSeatFile = "council-seat-words.txt"

// councilSeatWords are the words of council-seat-words.txt: whole words,
// and endings ("-ledamoten") of longer words.
type councilSeatWords struct {
	whole    map[string]bool
	suffixes []string
}

// embeddedCouncilSeats is the embedded list, parsed once.
var embeddedCouncilSeats = parsedOnce(parseCouncilSeats)

func parseCouncilSeats(fsys fs.FS) (councilSeatWords, error) {
	words, err := readLowerWords(fsys, councilSeatFile)
	if err != nil {
		return councilSeatWords{}, err
	}
	out := councilSeatWords{whole: map[string]bool{}}
	for _, w := range words {
		if s, ok := strings.CutPrefix(w, "-"); ok {
			out.suffixes = append(out.suffixes, s)
			continue
		}
		out.whole[w] = true
	}
	return out, nil
}

// has reports whether the lower-case word w names a council's seats or
// members.
func (c councilSeatWords) has(w string) bool {
	if c.whole[w] {
		return true
	}
	for _, s := range c.suffixes {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// reportsOnCouncil reports whether the text, outside noise lines, names a
// council's seats or members and never speaks in the first person outside
// quoted speech: a council page or a report on the council is written in
// the third person, while a party's or a councillor's own page about its
// seats says "vi", "vår kommun", "jag" (dev m712, Ödeshögs Partiet's "vi
// ÖDESHÖGS PARTISTER"; o365, a councillor's blog) and stays a rival's.
func (a *MunicipalityAttributor) reportsOnCouncil(text string, words []word, zones []uint8) bool {
	seats := embeddedCouncilSeats()
	named := false
	var small [64]byte
	for i, w := range words {
		if zones[i] == zNoise || w.end-w.start > 40 {
			continue
		}
		lw := string(w.appendLower(small[:0], text))
		if (a.lists.voice.we[lw] || lw == "jag") && !quoted(text, w.start) {
			return false
		}
		if !named && seats.has(lw) {
			named = true
		}
	}
	return named
}
