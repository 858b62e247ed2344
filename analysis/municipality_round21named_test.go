package analysis

import (
	"strings"
	"testing"
)

// Session 21 (h-named23): error classes of the dev `named` misses.

// TestSentenceInitialPlacePreposition: a place preposition that opens a
// sentence is capitalised ("I Skara är Carl-Johan Kling anställd", o541,
// Skara's sports item), and the name after it is a place as in "i Skara"
// mid-sentence; before, the capital made the name that is also an
// ordinary word ("skara", a crowd) uncounted. A capitalised word that
// is not a preposition, a preposition that does not open a sentence or
// an all-caps heading stays no place context.
func TestSentenceInitialPlacePreposition(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"Sports for you har startats av Riksidrottsförbundet med hjälp av pengar från regeringen. I Skara är Carl-Johan Kling anställd på heltid sedan i november i fjol.", "skara", true}, // o541
		{"I Skara är Carl-Johan Kling anställd på heltid.", "skara", true},           // the text's first word
		{"Arrangemang för alla!\nFrån Boden går bussen klockan sju.", "boden", true}, // a line's first word
		{"Föreningarna hjälps i Skara.", "skara", true},                              // mid-sentence, as before
		{"Hon mötte en stor Skara människor.", "skara", false},                       // no preposition
		{"Kapitel I Skara och Vara.", "skara", false},                                // "I" mid-sentence (a numeral)
		{"PROGRAMMET. I SKARA BOR VI.", "skara", false},                              // all caps: the preposition's capital is not a sentence's
		{"Sammanfattning. Om Skara finns mycket att säga.", "skara", true},           // "Om" opens the sentence
		{"Sammanfattning. Vara Skara stolt.", "skara", false},                        // "Vara" is no preposition
	} {
		words := tokenizeWordsInto(nil, c.text)
		got, found := false, false
		for i := range words {
			if words[i].lower(c.text) == c.name {
				got, found = a.placeContext(c.text, words, i), true
				break
			}
		}
		if !found {
			t.Fatalf("%q: no %q", c.text, c.name)
		}
		if got != c.want {
			t.Errorf("placeContext(%q) in %q = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// TestOrdinaryWordNameCapitalInSentence: a name that is an ordinary word
// only (data/attribution/lowercase-word-names.txt: "boden" the shed,
// "skara" a crowd) written with a capital in the middle of a sentence is
// the name ("Till folkmängden är Boden den tredje största kommunen i
// Norrbotten", m653, Boden's own "Information om Boden"; "ytan på Boden
// Industrial Park", m297, Boden's news). Before, only a place preposition
// made it count, and both texts were "unknown". A sentence's first word,
// a capital after a capital (a title-case heading, a person's name), all
// caps and the names that are also persons' (Mora, Lund) stay uncounted.
func TestOrdinaryWordNameCapitalInSentence(t *testing.T) {
	a, _ := newTestAttributor(t)
	byName := map[string]int{}
	for i, m := range a.munis {
		byName[strings.ToLower(m.Name)] = i
	}
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"Till folkmängden är Boden den tredje största kommunen i Norrbotten.", "boden", true},                                       // m653
		{"Bodens fästning kom till år 1901 och Boden fick på så sätt en garnison.", "boden", true},                                   // m653: the second
		{"Redan förra sommaren startade H2 Green Steel markarbeten ute på den enorma ytan på Boden Industrial Park.", "boden", true}, // m297
		{"Bodens fästning kom till år 1901.", "bodens", false},                                                                       // a sentence's first word
		{"Information Om Boden Och Kommunen", "boden", false},                                                                        // title case
		{"DEN TREDJE STÖRSTA ÄR BODEN", "boden", false},                                                                              // all caps
		{"Föreläsningen hölls av Anna Skara i går.", "skara", false},                                                                 // after a capital: a person
		{"Boken skrevs av professor Mora i år.", "mora", false},                                                                      // a surname too: not in the list
	} {
		words := tokenizeWordsInto(nil, c.text)
		muni, ok := byName[strings.TrimSuffix(c.name, "s")]
		if !ok {
			t.Fatalf("no municipality %q", c.name)
		}
		got, found := false, false
		for i := range words {
			if c.name == "bodens" && words[i].lower(c.text) == "bodens" || words[i].lower(c.text) == c.name {
				if c.name == "boden" && strings.Contains(c.text, "och Boden") && words[i].start < strings.Index(c.text, "och Boden") {
					continue // the second Boden of the sentence
				}
				got, found = a.capitalInSentence(c.text, words, i, muni), true
				break
			}
		}
		if !found {
			t.Fatalf("%q: no %q", c.text, c.name)
		}
		if got != c.want {
			t.Errorf("capitalInSentence(%q) in %q = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}
