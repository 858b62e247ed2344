package analysis

import "strings"

// A theme named as one item of a list of other things is a passing
// mention, not a treatment: "Bland de viktigaste uppgifterna är förskola,
// skola, socialtjänst och äldreomsorg" names school as one of a
// municipality's tasks and says nothing of it; "våra förskolor, skolor och
// äldreboenden" names it among the buildings a budget keeps running. The
// labelling rule reads such a sentence as a passing mention (README of
// testdata/realtexts: "a passing mention or a bullet-only mention" is
// level 0; a sentence counts when it treats the theme as its topic), and
// the matcher's dampLists leaves it whole when the list names fewer than
// three themes. So a segment whose every level-counting word for a theme
// stands in such a list (listAt: three items or more, an item at most
// three words) counts half toward the theme's level, as a segment about
// another theme does (Passing). A list every item of which names the
// theme ("Förskoleklass, grundskola, gymnasieskola och särskola") is an
// enumeration inside the theme and counts whole.

// listItemMention reports whether each of lm (a segment's level-counting
// matches for one theme) stands in a list of the segment in which at
// least one item names nothing of the theme. Only segments with a comma
// are tokenised again.
func (a *Analyzer) listItemMention(text string, s *Sentence, lm []Match) bool {
	if len(lm) == 0 || s.Start < 0 || s.End > len(text) || s.Start > s.End || !strings.Contains(text[s.Start:s.End], ",") {
		return false
	}
	toks := a.matcher.Tokenize(text[s.Start:s.End], s.Start)
	inList := make([]bool, len(lm))
	for i := 0; i < len(toks); {
		start, end, items := listAt(toks, i)
		if items < minListItems {
			i++
			continue
		}
		themed, all := 0, 0
		for _, it := range listItems(toks[start:end]) {
			all++
			for _, m := range lm {
				if m.Start >= it.start && m.End <= it.end {
					themed++
					break
				}
			}
		}
		if themed > 0 && themed < all {
			lo, hi := toks[start].Start, toks[end-1].End
			for k, m := range lm {
				if m.Start >= lo && m.End <= hi {
					inList[k] = true
				}
			}
		}
		i = end
	}
	for _, in := range inList {
		if !in {
			return false
		}
	}
	return true
}

// listItems splits the tokens of a list (listAt's span) into its items'
// byte spans: an item ends at a comma or at a list conjunction (och, samt,
// eller), which belongs to no item.
func listItems(toks []Token) []byteSpan {
	var items []byteSpan
	open := -1
	for k := range toks {
		tk := &toks[k]
		if isListConjunction(tk.Lower) {
			if open >= 0 {
				items = append(items, byteSpan{toks[open].Start, toks[k-1].End})
			}
			open = -1
			continue
		}
		if tk.Sep == ',' && open >= 0 {
			items = append(items, byteSpan{toks[open].Start, toks[k-1].End})
			open = -1
		}
		if open < 0 {
			open = k
		}
	}
	if open >= 0 {
		items = append(items, byteSpan{toks[open].Start, toks[len(toks)-1].End})
	}
	return items
}
