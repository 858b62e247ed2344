package analysis

import "strings"

// Session 26 (issue 14, task attr28): a news list's datelines. A local
// paper's news list or a regional news feed opens each item with the
// place it reports from, in capitals ("MALMÖ De så kallade
// rymdduscharna …", "LUND Under förra året …", "TOMELILLA Sju fall av
// skadegörelser …", "ÖVERTORNEÅ/LULEÅ: Övertorneå kommuns tidigare barn-
// och utbildningschef …"). When the items come from several
// municipalities, each from one item or two, the list is about several
// places and speaks for none of them; a list on one municipality gives
// it most of its datelines (round 17 counts only the text's first word
// as its own dateline, municipality_dateline.go).

// listDatelines counts, per municipality, the lines that open with its
// name in capitals as a dateline (datelineFollows), names joined by "/"
// ("ÖVERTORNEÅ/LULEÅ:") each counted; noise lines and names that are
// also ordinary words are skipped.
func (a *MunicipalityAttributor) listDatelines(text string, words []word, zones []uint8) map[int]int {
	var out map[int]int
	var ms []int
	for i := 0; i < len(words); i++ {
		if zones[i] == zNoise || !lineStart(text, words[i].start) {
			continue
		}
		ms = ms[:0]
		j := i
		for {
			m, n := a.nameAt(text, words, j)
			if n == 0 {
				break
			}
			if name := text[words[j].start:words[j+n-1].end]; strings.ToUpper(name) != name || a.ambiguous[m] {
				ms = ms[:0]
				break
			}
			ms = append(ms, m)
			j += n
			if j < len(words) && text[words[j-1].end:words[j].start] == "/" {
				continue
			}
			break
		}
		if len(ms) == 0 || !datelineFollows(text[words[j-1].end:], true) {
			continue
		}
		if out == nil {
			out = map[int]int{}
		}
		for _, m := range ms {
			out[m]++
		}
		i = j - 1
	}
	return out
}

// datelinesOnSeveral reports whether datelines (listDatelines) name two
// municipalities or more, muni in at most one of them: an item of a list
// on several places.
func datelinesOnSeveral(datelines map[int]int, muni int) bool {
	return len(datelines) >= 2 && datelines[muni] <= 1
}
