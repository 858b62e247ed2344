package analysis

// A municipality's own page often names no municipality at all but its
// seat, the town whose name is not the municipality's: Mark's page
// "Välkommen på informationsmöte om Målbild Kinna centrum 2030" says
// "kommunen bjuder nu in", "kommunens hemsida", "kommunstyrelsen" and
// names only Kinna, Mark's seat, three times. A careful reader knows whose
// voice that is: the municipality speaking of its own seat. Alone, a seat
// named once or in someone else's voice stays a place like any village
// (municipal-seats.txt, municipality_premises.go): a news list on
// Fjugesta, an agency's notice on Visby.
//
// The seat's mentions count as bare mentions of its municipality only when
// the text names no municipality at all, names the seats of one
// municipality only, at least minSeatMentions times, and speaks in a
// municipality's own voice (own-voice-words.txt: "kommunen",
// "kommunstyrelsen") at least minSeatOwnVoice times, more than in the
// words of other speakers, with no reporter's word. A municipality named
// only by its seat is capped like one named only by its districts
// (districtOnly): above the default threshold, never near certain.

const (
	// minSeatMentions is how many mentions of the seat the text needs: a
	// seat named once is a place in passing.
	minSeatMentions = 2
	// minSeatOwnVoice is how often the text must speak as "kommunen".
	minSeatOwnVoice = 2
)

// addSeatEvidence adds the mentions of one municipality's seat to its
// evidence as bare mentions, under the conditions above.
func (a *MunicipalityAttributor) addSeatEvidence(text string, words []word, zones []uint8, ev map[int]*muniEvidence, ownVoice, otherVoice, reporterVoice int) {
	if ownVoice < minSeatOwnVoice || ownVoice <= otherVoice || reporterVoice > 0 {
		return
	}
	for _, e := range ev {
		if e.score() > 0 {
			return // a municipality is named: the seat is not needed, or a place beside it
		}
	}
	seats := embeddedMunicipalSeats()
	var lower [64]byte
	code := ""
	var counts [2]int
	for i, w := range words {
		if !w.upper || zones[i] == zNoise || w.end-w.start > len(lower) {
			continue
		}
		c, found := seats[string(w.appendLower(lower[:0], text))]
		if !found {
			continue
		}
		if code != "" && c != code {
			return // the seats of two municipalities: about neither alone
		}
		code = c
		if zones[i] == zHeader {
			counts[0]++
		} else {
			counts[1]++
		}
	}
	if code == "" || counts[0]+counts[1] < minSeatMentions {
		return
	}
	m, ok := a.muniOfCode(code)
	if !ok {
		return
	}
	e := evidenceOf(ev, m)
	e.headerBare += counts[0]
	e.bodyBare += counts[1]
	e.seats = counts
}

// seatsOnly reports whether the municipality is named only by its seat.
func (e *muniEvidence) seatsOnly() bool { return e.namedOnlyBy(e.seats) }
