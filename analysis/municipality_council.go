package analysis

import "strings"

// A council's seats by party (issue 14, round 17). A municipality's page
// on its council lists the parties with their seats ("Socialdemokraterna:
// 9 platser", "Moderata samlingspartiet (M): 19", "Centerpartiet, 5
// mandat"): the parties are the council's members, the page is the
// municipality's, and a careful reader does not take them for rival
// speakers, as a report on what the parties of the council do is not
// theirs either (reportsOnParties). Only the parties stop counting
// against the municipality; a region or an agency still does.

// councilSeats reports whether the body tallies seats by party: at least
// two party names, each followed by its number of seats.
func (a *MunicipalityAttributor) councilSeats(text string, words []word, zones []uint8) bool {
	tallied := 0
	var lower [64]byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		if zones[i] != zBody || !w.upper {
			continue
		}
		n, _ := a.lists.rivalAt(text, words, i, string(w.appendLower(lower[:0], text)))
		if n == 0 {
			continue
		}
		if a.lists.rivalIsParty(text, words, i, n) && seatCountAfter(text[words[i+n-1].end:], a.lists.seatWords) {
			if tallied++; tallied >= 2 {
				return true
			}
		}
		i += n - 1
	}
	return false
}

// seatCountAfter reports whether rest, the text right after a party's
// name, starts with its seat count: an optional abbreviation in
// brackets ("(M)"), an optional colon or comma, the number (up to three
// digits, on the same line or in the next cell of a table, a blank line
// further), then a seat word (seatWords, from
// data/attribution/seat-words.txt) or the end of the item (line end,
// comma, semicolon). A number followed by anything else
// ("Socialdemokraterna har med 20", "2. Hej Jill", a year) is no seat
// count.
func seatCountAfter(rest string, seatWords map[string]bool) bool {
	s := strings.TrimLeft(rest, " \t\u00a0")
	if strings.HasPrefix(s, "(") {
		j := strings.IndexByte(s, ')')
		if j < 0 || j > 8 {
			return false
		}
		s = strings.TrimLeft(s[j+1:], " \t\u00a0")
	}
	if strings.HasPrefix(s, ":") || strings.HasPrefix(s, ",") {
		s = s[1:]
	}
	newlines := 0
	for s != "" && strings.IndexByte(" \t\u00a0\r\n", s[0]) >= 0 {
		if s[0] == '\n' {
			if newlines++; newlines > 2 {
				return false
			}
		}
		s = s[1:]
	}
	d := 0
	for d < len(s) && d < 4 && '0' <= s[d] && s[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	s = strings.TrimLeft(s[d:], " \t\u00a0")
	if s == "" || strings.IndexByte("\r\n,;", s[0]) >= 0 {
		return true
	}
	end := strings.IndexAny(s, " \t\u00a0\r\n,.;()")
	if end < 0 {
		end = len(s)
	}
	return seatWords[s[:end]]
}
