package analysis

import "testing"

// TestListItemMention: a theme named as one item of a list of other
// things is a list mention; a list every item of which names the theme,
// a list of other things beside the theme's word, and a sentence with no
// list are not. Real dev sentences of testdata/realtexts.
func TestListItemMention(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct {
		text, theme string
		want        bool
	}{
		{"Bland de viktigaste uppgifterna är förskola, skola, socialtjänst och äldreomsorg.", "education", true},                // m380
		{"Det sker utifrån en fördelningsmodell som tittar på folkmängd, arbetsmarknad och tidigare mottagande.", "work", true}, // m043
		{"Förskoleklass, grundskola, gymnasieskola och särskola.", "education", false},                                          // m380: every item is school
		{"Förskola och skola finns i Jokkmokk, Porjus och Vuollerim.", "education", false},                                      // m198: the list is of places
		{"Vi kommer att fungera som ett stöd och en länk mellan den som söker arbete och arbetsgivarna.", "work", false},        // m453: no list
	} {
		doc := docFromText(c.text + "\n")
		res := a.Analyze(doc)
		cov, err := res.Theme(c.theme)
		if err != nil {
			t.Fatal(err)
		}
		if len(cov.Evidence) != 1 {
			t.Fatalf("%q: %d %s segments, want 1", c.text, len(cov.Evidence), c.theme)
		}
		h := cov.Evidence[0]
		if got := a.listItemMention(doc.Text, &Sentence{Start: h.Start, End: h.End}, a.levelMatches(h.Matched, nil)); got != c.want {
			t.Errorf("%q (%s): listItemMention %v, want %v", c.text, c.theme, got, c.want)
		}
	}
}
