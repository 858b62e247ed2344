package analysis

import "strings"

// Parties' stances in a council's proceedings (issue 14, round 18). A
// municipality's page on its council's decisions ("Beslutat av
// kommunfullmäktige 12 maj") says which parties wanted what:
// "Socialdemokraterna och Miljöpartiet ville att de delarna skulle finnas
// kvar under socialnämnden". A careful reader takes such parties for the
// council's members, whose stances the page reports, not for rival
// speakers: the page is the municipality's, as a news report on what the
// parties of the council say is about the municipality
// (reportsOnParties) and a tally of their seats is its council's
// (councilSeats). Only the parties stop counting against the
// municipality; a region or an agency still does.

// councilStances reports whether the body names a council body
// (kommunfullmäktige, kommunstyrelsen: the "@council" words of
// council-stance-words.txt) and a party taking a stance in it: a party
// name followed by a stance word (yrkade, reserverade, ville), directly
// or after "och" and another party's name. A stance taken in the first
// person ("Vi yrkade", "vi röstade") is a council group's own report:
// no such text counts.
func (a *MunicipalityAttributor) councilStances(text string, words []word, zones []uint8) bool {
	council, stance := false, false
	var lower [64]byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		if zones[i] != zBody {
			continue
		}
		lw := string(w.appendLower(lower[:0], text))
		if a.lists.councilBodies[lw] {
			council = true
		}
		if lw == "vi" && i+1 < len(words) && a.lists.stanceWords[words[i+1].lower(text)] {
			return false // "Vi yrkade tillsammans med Kristdemokraterna": a council group writes
		}
		if stance || !w.upper {
			continue
		}
		n, _ := a.lists.rivalAt(text, words, i, lw)
		if n == 0 || !a.lists.rivalIsParty(text, words, i, n) {
			continue
		}
		stance = a.stanceAfter(text, words, i+n) || a.stanceBefore(text, words, i)
		i += n - 1
	}
	return council && stance
}

// stanceBefore reports whether the word right before the party's name at
// token i, in the same sentence, is a stance word: the verb before its
// subject after an opening adverbial, as Swedish word order has it ("Här
// föreslog Sverigedemokraterna Göran Segerstedt som motkandidat", a news
// report on Skövde's council, m898; round 19).
func (a *MunicipalityAttributor) stanceBefore(text string, words []word, i int) bool {
	if i == 0 || strings.ContainsAny(text[words[i-1].end:words[i].start], ".!?:;\n") {
		return false
	}
	return a.lists.stanceWords[words[i-1].lower(text)]
}

// stanceAfter reports whether the words from j on, in the same sentence,
// start with a stance word, or with "och" and another party's name
// followed by one ("Socialdemokraterna och Miljöpartiet ville").
func (a *MunicipalityAttributor) stanceAfter(text string, words []word, j int) bool {
	for hops := 0; j < len(words) && hops < 3; hops++ {
		if strings.ContainsAny(text[words[j-1].end:words[j].start], ".!?:;\n") {
			return false
		}
		lw := words[j].lower(text)
		if len(lw) <= 3 && strings.Contains(text[words[j-1].end:words[j].start], "(") {
			j++ // the party's letter in brackets: "Socialdemokraterna (S) yrkade"
			continue
		}
		if a.lists.stanceWords[lw] {
			return true
		}
		if lw != "och" || j+1 >= len(words) {
			return false
		}
		n, _ := a.lists.rivalAt(text, words, j+1, words[j+1].lower(text))
		if n == 0 || !a.lists.rivalIsParty(text, words, j+1, n) {
			return false
		}
		j += 1 + n
	}
	return false
}
