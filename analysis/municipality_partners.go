package analysis

import "strings"

// A municipality named inside a list of the parties to a project or an
// agreement ("ett samverkansprojekt mellan Trafikverket, Falu kommun och
// Dalatrafik") is one of the partners, as one named right after "med"
// is (partner-words.txt): the text is the project's, a partner's or a
// contractor's, not that municipality's. Only a later item of the list
// counts: the first ("mellan Falu kommun och …") is as often the speaker
// itself (docs/validity.md, round 16).

// partnerListReach bounds how many words back from the mention the
// list's opening word ("mellan") is looked for: a list of a few
// organisations' names, each of a word or three.
const partnerListReach = 10

// partnerInList reports whether the mention at words[i] is a later item
// of a list opened by a word of partner-list-words.txt in the same
// sentence: the mention follows a comma or "och"/"samt", and walking back
// over the list, without crossing a sentence end or a line break, reaches
// the opening word with at least one item between.
func (l *attributionLists) partnerInList(text string, words []word, i int) bool {
	if i == 0 || len(l.partnerList) == 0 {
		return false
	}
	j := i - 1
	gap := strings.Trim(text[words[j].end:words[i].start], " \u00a0")
	switch lw := words[j].lower(text); {
	case gap == ",":
	case gap == "" && (lw == "och" || lw == "samt"):
		j-- // the connective: the previous item ends before it
	default:
		return false
	}
	for k := j; k >= 0 && k >= i-partnerListReach; k-- {
		if strings.ContainsAny(text[words[k].end:words[k+1].start], ".!?:;\n") {
			return false
		}
		if !words[k].upper && l.partnerList[words[k].lower(text)] {
			return k < j // at least one item between the opening word and the mention
		}
	}
	return false
}
