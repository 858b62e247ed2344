package analysis

import "strings"

// Session 26 (issue 14, task attr28): a news list's items. A local
// paper's news list opens each item's first sentence with the section's
// name ("Nyheter Biblioteket i Degerfors har tecknat ett avtal …",
// "Nyheter Personalen på vaccinationsmottagningen i Lindesberg …"),
// after the item's headline. A list whose items report from many
// places is about several: the municipality named in a few of its items
// is one of them, not what the list is about. A list on one municipality
// names no other (dev o280: Kumla in two of its five items, no other
// municipality in any).

// minNewsItems is how many items a news list needs to be read item by
// item.
const minNewsItems = 4

// listItems splits text into the items of a news list: an item starts
// on the line before a line that opens with a section label
// (section-labels.txt) capitalised, a space and a capitalised word (the
// item's headline precedes it). It returns the items' start offsets, or
// nil when there are fewer than minNewsItems.
func (a *MunicipalityAttributor) listItems(text string) []int {
	var starts []int
	prev := 0 // start of the previous line
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		if label, rest, ok := strings.Cut(line, " "); ok && label != "" && label[0] >= 'A' && label[0] <= 'Z' &&
			a.lists.sectionLabels[strings.ToLower(label)] && rest != "" && startsUpper(rest) {
			starts = append(starts, prev)
		}
		if strings.TrimSpace(line) != "" {
			prev = off
		}
		off = end + 1
	}
	if len(starts) < minNewsItems {
		return nil
	}
	return starts
}

// itemsNaming counts, per municipality, the items of a news list
// (starts, from listItems) that name it (nameAt, outside noise lines;
// names that are also ordinary words are left out).
func (a *MunicipalityAttributor) itemsNaming(text string, words []word, zones []uint8, starts []int) map[int]int {
	out := map[int]int{}
	seen := map[int]int{} // municipality -> 1 + the last item counted
	item := -1
	for i := 0; i < len(words); i++ {
		for item+1 < len(starts) && words[i].start >= starts[item+1] {
			item++
		}
		if item < 0 || zones[i] == zNoise {
			continue
		}
		m, n := a.nameAt(text, words, i)
		if n == 0 {
			continue
		}
		if a.ambiguous[m] {
			i += n - 1
			continue
		}
		if seen[m] != item+1 {
			seen[m] = item + 1
			out[m]++
		}
		i += n - 1
	}
	return out
}

// listOnSeveral reports whether a news list of items (itemsNaming's
// counts over n items) is about several places for muni: it names muni
// in at most half its items and two other municipalities or more in
// its items.
func listOnSeveral(naming map[int]int, n, muni int) bool {
	if n == 0 || 2*naming[muni] > n {
		return false
	}
	return len(naming)-min(naming[muni], 1) >= 2
}
