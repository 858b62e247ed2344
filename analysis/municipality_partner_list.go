package analysis

import "strings"

// partnerListMaxWords bounds how far back partnerListBefore looks: a list
// of parties is a handful of names.
const partnerListMaxWords = 12

// partnerListBefore reports whether the name at token i stands in a list of
// organisations after "mellan" ("ett samverkansprojekt mellan Trafikverket,
// Falu kommun och Dalatrafik", dev m648): the municipality is one party to
// the work the text reports, as after "med" (partner-words.txt), not the
// text's speaker (issue 14, session 14). Between "mellan" and the name
// stand only capitalised words (the earlier parties' names, with their
// "kommun" or "län") joined by spaces, commas, "och" or "samt", all on
// one line.
func partnerListBefore(text string, words []word, i int) bool {
	for k := i - 1; k >= 0 && i-k <= partnerListMaxWords; k-- {
		gap := text[words[k].end:words[k+1].start]
		if strings.ContainsAny(gap, "\n.;:!?()") {
			return false
		}
		w := words[k].lower(text)
		if w == "mellan" && !words[k].upper {
			return k < i-1 // at least one party before the name
		}
		if w == "och" || w == "samt" || words[k].upper || w == "kommun" || w == "kommuns" || w == "län" || w == "stad" {
			continue
		}
		return false
	}
	return false
}
