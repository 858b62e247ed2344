package analysis

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Session 17 (docs/validity.md, "Attribution, round 17: texts that speak
// for no municipality (session 17 ...)"): bodies of municipal cooperation
// named after a member (member-bodies.txt, municipality_memberbody.go).
// Real dev texts, copies and sources in testdata/attribution/real.

// TestMemberBodiesSpeakForNone: a samordningsförbund named after its
// members speaks for none of them. o748 (Samordningsförbundet Västerås's
// annual report page: "Om Samordningsförbundet Västerås", "Förbundet har
// under året bedrivit verksamhet", "i Västerås") answered Västerås at
// 0.85 and o747 (Samordningsförbundet Sollentuna-Upplands Väsby-Sigtuna,
// "Anna Östman från Sollentuna Kommun") Sollentuna at 0.84 before the
// list; o746 and o633 (a samordningsförbund and a kommunalförbund naming
// their members) stay unknown. Municipal pages that name a kommunalförbund
// they belong to (m196 Bollebygd, m198 Jokkmokk, m301 Ljusnarsberg) keep
// their answer.
func TestMemberBodiesSpeakForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"o748.txt", "", 0}, // Samordningsförbundet Västerås
		{"o747.txt", "", 0}, // Samordningsförbundet Sollentuna-Upplands Väsby-Sigtuna
		{"o746.txt", "", 0}, // Samordningsförbundet Västra Mälardalen: Köping, Arboga, Kungsör
		{"o633.txt", "", 0}, // a kommunalförbund's page, "Förbundet"
		{"m196.txt", "1443", 0.6},
		{"m198.txt", "2510", 0.6},
		{"m301.txt", "1864", 0.6},
	})
}

// TestMemberBodyPhrase: in o748's sentences the place after a body's head
// word is part of the body's name, not a mention of the municipality, and
// the head word, alone or with the place, is a rival speaker of a region's
// weight.
func TestMemberBodyPhrase(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, tc := range []struct {
		text, at string // the sentence and the word looked at
		n        int    // the tokens the rival spans, 0 for none
	}{
		{"Påbörjade samtal inom Samordningsförbundet Västerås inom psykiatrin i Västerås.", "Samordningsförbundet", 2},
		{"Förbundet har under året bedrivit verksamhet för 12,1 Mkr.", "Förbundet", 1},
		{"Förbundets största finansiering, Samordningsteam Västerås fick ett förvaltningsår.", "Förbundets", 1},
		{"Förbundets största finansiering, Samordningsteam Västerås fick ett förvaltningsår.", "Samordningsteam", 0},
	} {
		words := tokenizeWordsInto(nil, tc.text)
		i := slices.IndexFunc(words, func(w word) bool { return tc.text[w.start:w.end] == tc.at })
		if i < 0 {
			t.Fatalf("%q: no word %q", tc.text, tc.at)
		}
		n, w := a.lists.rivalAt(tc.text, words, i, words[i].lower(tc.text))
		if n != tc.n || (n > 0 && w != partnerRival) {
			t.Errorf("%q at %q: rivalAt = %d, %.2f; want %d, %.2f", tc.text, tc.at, n, w, tc.n, partnerRival)
		}
	}
}

// TestMemberBodiesList: the list parses, its words join
// not-municipality-before.txt's, and a word not in lower case or two on
// a line is an error naming member-bodies.txt.
func TestMemberBodiesList(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, w := range []string{"samordningsförbundet", "kommunalförbundet", "förbundet"} {
		if !a.lists.memberBodies[w] || !a.lists.notBefore[w] {
			t.Errorf("%q: in member-bodies %v, in notBefore %v; want both", w, a.lists.memberBodies[w], a.lists.notBefore[w])
		}
	}
	for _, data := range []string{"Samordningsförbundet\n", "samordningsförbundet kommunalförbundet\n"} {
		l := &attributionLists{notBefore: map[string]bool{}}
		fsys := fstest.MapFS{"data/attribution/member-bodies.txt": &fstest.MapFile{Data: []byte(data)}}
		if err := l.readMemberBodies(fsys); err == nil || !strings.Contains(err.Error(), "member-bodies.txt") {
			t.Errorf("member-bodies.txt %q: err = %v, want an error naming the file", data, err)
		}
	}
}
