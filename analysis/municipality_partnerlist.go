package analysis

import "strings"

// A project page names the parties to a joint project in one list:
// "ett samverkansprojekt mellan Trafikverket, Falu kommun och Dalatrafik",
// "i samarbete med Region Dalarna, Borlänge kommun och Länsstyrelsen". A
// municipality in such a list is one party among several, a partner of
// whoever writes, as after a bare "med" (partner-words.txt). partnerBefore
// sees only the word right before the name; partnerListBefore walks back
// over the list's earlier members to the partner word (issue 14, session
// 13: a consultancy's page on "Falu resecentrum", dev m648).

// maxListWords bounds the walk back: a list of three or four parties,
// each of a few words.
const maxListWords = 12

// listPartnerWords are the words that open a list of parties. "med" is
// partner-words.txt's; "mellan" opens only lists ("mellan X och Y"), so
// it counts here and not before a lone name.
var listPartnerWords = map[string]bool{"med": true, "mellan": true}

// partnerListBefore reports whether the name at token i is a later member
// of a list of parties opened by "med" or "mellan": the words before it,
// back to the partner word, are capitalised names joined by commas and
// "och", all on one line.
func partnerListBefore(text string, words []word, i int) bool {
	sep := false // a comma or "och" was crossed: the name is not the list's first
	for k := i - 1; k >= 0 && k >= i-maxListWords; k-- {
		gap := text[words[k].end:words[k+1].start]
		if strings.ContainsAny(gap, "\n.;:!?()") {
			return false
		}
		if strings.Contains(gap, ",") {
			sep = true
		}
		w := words[k]
		low := w.lower(text)
		switch {
		case low == "och" && !w.upper:
			sep = true
		case listPartnerWords[low] && !w.upper:
			return sep
		case !w.upper && low != "kommun" && low != "stad" && low != "region":
			return false // a sentence, not a list of names
		}
	}
	return false
}
