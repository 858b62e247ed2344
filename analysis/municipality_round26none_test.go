package analysis

import "testing"

// Session 26 (task attr28): texts that speak for no municipality. A
// member's council act heading a post of its own ("Motion: Storgatans
// inglasning") is a party's page (municipality_partyacts.go,
// party-voice.txt, heading). Real dev texts, copies and sources in
// testdata/attribution/real.

// TestActHeadingAt: on real dev lines, a motion, an interpellation or an
// initiative opening a line before a colon or a dash and its subject
// heads a party's post; the same heading in minutes that name the mover
// with a party tag does not, nor the word in running text.
func TestActHeadingAt(t *testing.T) {
	a, _ := newTestAttributor(t)
	heading := func(text string, words []word, i int, lw string) bool {
		return a.lists.voice.partyHeading[lw] && a.lists.voice.actHeadingAt(text, words, i)
	}
	for _, tc := range []struct {
		file, text string
		want       bool
	}{
		{"m739", "Motion: Storgatans inglasning\n\nBakgrund: Piteå är en sommarstad, en turiststad och en handelsstad.", true},
		{"o369", "Motion – En bygglovshantering som uppfyller lagens krav!\n\nBakgrund Kristianstads kommun har sedan flertalet år problem med att leva upp till lagens krav om att bygglov ska hanteras inom 10 veckor.", true},
		{"m500", "Initiativärende: Satsa på friluftsbadet i Huaröd\n\nInitiativärende, Kommunstyrelsen, 2020-11-18 Kristianstad är som vi alla väl känner till en vidsträckt kommun.", true},
		// m157, Storuman's minutes: the mover named with a party tag
		{"m157", "KS § 80 KS/2018:298 - 001\n\nMotion - decentralisering av offentliga myndigheter\n\nGunnar Andersson (S) har 2018-02-12 lämnat in rubricerad motion.", false},
		// the word in running text, not a heading
		{"m157", "Gunnar Andersson (S) har 2018-02-12 lämnat in rubricerad motion.", false},
		// a heading with no subject after the colon
		{"", "Motion:\n", false},
	} {
		if got := firesInText(tc.text, heading); got != tc.want {
			t.Errorf("%s %q: act heading = %v, want %v", tc.file, tc.text, got, tc.want)
		}
	}
}

// TestActHeadingSpeaksForNone: before this round m739 (a local party's
// motions in Piteå), o369 and m500 (a local party's posts in
// Kristianstad) answered their municipality at 0.85; all three speak for
// none. m157 (Storuman's minutes heading a member's motion) keeps its
// answer.
func TestActHeadingSpeaksForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m739.txt", "", 0}, // slp.nu, motioner, Piteå
		{"o369.txt", "", 0}, // akommun.se
		{"m500.txt", "", 0}, // akommun.se
		{"m157.txt", "2421", 0.6},
	})
}

// TestListDatelines: on real dev lines, capitals opening a news item
// are its dateline, names joined by "/" each; a name that is also an
// ordinary word ("LUND", a grove) and a place heading alone on its
// line are not counted.
func TestListDatelines(t *testing.T) {
	a, _ := newTestAttributor(t)
	code := func(m int) string { return a.munis[m].Code }
	for _, tc := range []struct {
		file, text string
		want       map[string]int
	}{
		// m744, a local paper's news list
		{"m744", "LOKALT\n\nRymdduschar bort från badhus\n\nMALMÖ De så kallade rymdduscharna på Ribersborgs kallbadhus plockas nu bort.\n\n" +
			"Fimpfritt Lund går vidare\n\nLUND Under förra året delade föreningen Fimpfritt Lund ut 4 300 fimpdosor.\n\n" +
			"Våg av skadegörelse har drabbat Tomelilla\n\nTOMELILLA Sju fall av skadegörelser anmäldes mellan tisdag och onsdag till polisen i Tomelilla.\n\n" +
			"HÄSSLEHOLM Det är guldläge för landets socionomer.", map[string]int{"1280": 1, "1270": 1, "1293": 1}},
		// m720, a regional news feed
		{"m720", "Maarit Enbuske ny skolchef i Luleå\nÖVERTORNEÅ/LULEÅ: Övertorneå kommuns tidigare barn- och utbildningschef, Maarit Enbuske, tillträder tjänsten som skolchef vid Luleå kommun.\n" +
			"View ArticleFärre arbetslösa i länet\nTORNEDALEN: Arbetslösheten i Norrbottens län fortsätter att minska.", map[string]int{"2518": 1, "2580": 1}},
		// m349, Solna's minutes: the city's name heading its pages
		{"m349", "SOLNA STAD\n\nProtokoll\n\nSOLNA STAD Protokoll 2021-10-11", map[string]int{"0184": 2}},
		// a place heading a section, alone on its line
		{"", "FALUN\n\nKommunen bygger nytt.", map[string]int{}},
	} {
		words := tokenizeWordsInto(nil, tc.text)
		zones := make([]uint8, len(words))
		for i := range zones {
			zones[i] = zBody
		}
		got := map[string]int{}
		for m, n := range a.listDatelines(tc.text, words, zones) {
			got[code(m)] = n
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: listDatelines = %v, want %v", tc.file, got, tc.want)
			continue
		}
		for c, n := range tc.want {
			if got[c] != n {
				t.Errorf("%s: listDatelines = %v, want %v", tc.file, got, tc.want)
				break
			}
		}
	}
}

// TestListDatelinesSpeakForNone: before this round m744 (a local paper's
// news list from Malmö, Lund, Tomelilla and Hässleholm) answered
// Tomelilla at 0.77 and m720 (a regional feed, "ÖVERTORNEÅ/LULEÅ:",
// "TORNEDALEN:", "NORRBOTTEN:") Luleå at 0.65; both speak for none.
// Solna's minutes (m349), headed "SOLNA STAD" on each page, keep their
// answer.
func TestListDatelinesSpeakForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m744.txt", "", 0},
		{"m720.txt", "", 0},
		{"m349.txt", "0184", 0.6},
	})
}
