package analysis

import "testing"

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
