package analysis

import (
	"bytes"
	"strings"

	"github.com/styrdok/styrdok/registry"
)

// Coordination ellipsis: Swedish writes the shared head noun of a list
// once, after the last conjunct ("Uppsala, Västmanlands, Västernorrlands
// och Norrbottens läns landsting", "Stockholms och Uppsala län", "Lunds
// och Uppsala universitet"). Every name in such a list is what the head
// makes it, a county, a county council or a university, not the
// municipality, just as "Uppsala län" is (not-municipality-after.txt);
// only the last name stands next to the head, so the rule that reads the
// word after a name misses the others (docs/validity.md, "Attribution,
// round 10").
//
// A name opens such a list only when it is written as the list's first
// conjunct is: in the genitive ("Lunds och Uppsala universitet") or as a
// county's own name ("Uppsala, …"). "i Tierp och Uppsala län" names the
// municipality Tierp and the county: Tierp is not a genitive nor a county
// name, so it stays. A list that ends in "kommuner" ("Nacka och Värmdö
// kommuner") names municipalities and is left alone.

// maxConjuncts bounds the list walked after a name; longer lists of
// counties are written out ("län" after each) or tabulated.
const maxConjuncts = 8

// countyForms returns the lower-case names counties go by before "län"
// ("uppsala", "stockholms", "västra götalands"), from the registry.
func countyForms(munis []registry.Municipality) map[string]bool {
	forms := map[string]bool{}
	for _, m := range munis {
		if f, ok := strings.CutSuffix(m.CountyName, " län"); ok {
			forms[strings.ToLower(f)] = true
		}
	}
	return forms
}

// coordinatedHead reports whether the name at tokens i..i+n-1 is the
// first conjunct of a list whose shared head makes it something other
// than the municipality: a comma or "och", "samt", "eller" after it, on
// the same line, then up to maxConjuncts capitalised names (one or two
// words each) joined the same way, the last conjunction a word, and a
// not-municipality-after noun (not a "kommun…" plural) right after the
// last name.
func (a *MunicipalityAttributor) coordinatedHead(text string, words []word, i, n int) bool {
	var buf [64]byte // no allocation for a name of up to 64 bytes in lower case
	written := appendLower(buf[:0], text[words[i].start:words[i+n-1].end])
	if !bytes.HasSuffix(written, []byte("s")) && !a.countyForms[string(written)] {
		return false
	}
	j := i + n // the token after the current conjunct
	conjunction := false
	for range maxConjuncts {
		if j >= len(words) || !sameLine(text, words[j-1], words[j]) && !commaBetween(text, words[j-1], words[j]) {
			return false
		}
		switch {
		case commaBetween(text, words[j-1], words[j]):
			conjunction = false
		case !words[j].upper && isConjunction(words[j].lower(text)):
			conjunction = true
			j++
		default:
			return false
		}
		// The next conjunct: one or two capitalised words ("Västra Götalands").
		if j >= len(words) || !words[j].upper || !sameLine(text, words[j-1], words[j]) && !commaBetween(text, words[j-1], words[j]) {
			return false
		}
		j++
		if j < len(words) && words[j].upper && joined(text, words[j-1], words[j]) {
			j++
		}
		if j >= len(words) || !joined(text, words[j-1], words[j]) {
			continue
		}
		next := words[j].lower(text)
		if conjunction && a.lists.notAfter[next] && !strings.HasPrefix(next, "kommun") {
			return true
		}
		if !words[j].upper && !isConjunction(next) {
			return false // "Uppsala och Knivsta satsar": a clause, not a list
		}
	}
	return false
}

// commaBetween reports whether only a comma and spaces stand between two
// adjacent tokens.
func commaBetween(text string, a, b word) bool {
	return strings.Trim(text[a.end:b.start], " \u00a0") == ","
}

// isConjunction reports whether lower-case w joins the conjuncts of a list.
func isConjunction(w string) bool {
	return w == "och" || w == "samt" || w == "eller"
}

// A title that joins two municipalities ("Så många nyanlända ska Nacka
// och Värmdö ta emot", "Kommunerna Borlänge, Falun och Gagnef") says the
// text is about each of them, not for one: news about several
// municipalities, which speaks for none (the owner's rule,
// testdata/realtexts/README.md). "X eller Y" (a choice, a confusion:
// "Habo eller Håbo?") is not such a title.

// nameAt returns the municipality whose name (any written form) starts
// at token i and how many tokens it spans; n is 0 when none does.
func (a *MunicipalityAttributor) nameAt(text string, words []word, i int) (muni, n int) {
	if i >= len(words) || !words[i].upper {
		return 0, 0
	}
	for _, v := range a.byFirst[words[i].lower(text)] {
		if a.matchAt(text, words, i, v) {
			return v.muni, len(v.words)
		}
	}
	return 0, 0
}

// titleCoordinated returns the municipalities a title or front-matter
// line names as conjuncts of one list with another municipality: a name,
// optionally "kommun" or "stad", then a comma, "och", "samt" or "&" on
// the same line, then another municipality's name.
func (a *MunicipalityAttributor) titleCoordinated(text string, words []word, zones []uint8) map[int]bool {
	var out map[int]bool
	for i := 0; i < len(words); i++ {
		if zones[i] != zHeader {
			continue
		}
		m, n := a.nameAt(text, words, i)
		if n == 0 || a.classify(text, words, i, n, m) == mentionNone {
			continue
		}
		j := i + n
		if j < len(words) && joined(text, words[j-1], words[j]) && a.lists.institutionAfter[words[j].lower(text)] {
			j++ // "Nacka kommun och Värmdö kommun"
		}
		if j >= len(words) || zones[j] != zHeader {
			continue
		}
		switch {
		case commaBetween(text, words[j-1], words[j]) || strings.Trim(text[words[j-1].end:words[j].start], " \u00a0") == "&":
		case !words[j].upper && joined(text, words[j-1], words[j]) && (words[j].lower(text) == "och" || words[j].lower(text) == "samt"):
			j++
		default:
			continue
		}
		if j >= len(words) || zones[j] != zHeader || !joined(text, words[j-1], words[j]) && !commaBetween(text, words[j-1], words[j]) {
			continue
		}
		m2, n2 := a.nameAt(text, words, j)
		if n2 == 0 || m2 == m || a.classify(text, words, j, n2, m2) == mentionNone {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		out[m], out[m2] = true, true
	}
	return out
}
