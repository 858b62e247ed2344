package analysis

import "testing"

// Session 25: texts that speak for no municipality. A party thanks those
// who voted for it and lists the council decisions its members reserved
// themselves against; a municipality is neither voted for nor a member of
// its own council (party-voice.txt, said). Real dev texts, copies and
// sources in testdata/attribution/real.

// TestPartySaidIsPartyVoice: on real dev sentences, "röstat på oss" and
// "reserverade oss" are the party's first person; the municipality's
// "röstade" on a proposal and a quoted politician are not.
func TestPartySaidIsPartyVoice(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, tc := range []struct {
		text string
		want int
	}{
		// o893, SD Hörby's news list
		{"SD Hörby önskar rikta ett stort tack till alla de Hörbybor som röstat på oss i kommunfullmäktigevalet 2022.", 1},
		// o897, Älska Svedala's page, two bullets of its list
		{"• reserverade oss mot beslutet att riva Småskolan\n• reserverade oss mot att köpa mark av PEAB för 28 miljoner skattekronor", 2},
		// the council votes; no one says "us"
		{"Kommunfullmäktige röstade på onsdagen ja till förslaget.", 0},
		// "oss" on the next line is not the same phrase
		{"Tack till alla som röstat på\noss", 0},
	} {
		words := tokenizeWordsInto(nil, tc.text)
		n := 0
		for i := range words {
			if a.partyAt(tc.text, words, i, words[i].lower(tc.text)) == partyFirst {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%q: %d party first-person cues, want %d", tc.text, n, tc.want)
		}
	}
}

// TestPartySaidSpeaksForNone: before this round o893 (SD Hörby) and o897
// (Älska Svedala, a local party) answered their municipality at 0.85;
// both speak for none, as o816 did already.
func TestPartySaidSpeaksForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"o893.txt", "", 0},
		{"o897.txt", "", 0},
		{"o816.txt", "", 0},
	})
}
