package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestLevelSenses: the forms of data/lists/level-senses.tsv in their
// other sense (the words beside them) are found, and the same forms in the
// theme's sense are not. Real dev sentences of testdata/realtexts.
func TestLevelSenses(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct {
		text, theme, form string
		off               bool
	}{
		{"Grönområden och platsens många parker bidrar också till tryggheten och är uppskattade av de boende.", "housing", "boende", true},             // m566
		{"Vi söker och ordnar boende till de som blivit anvisade till kommunen.", "housing", "boende", false},                                          // m198: a dwelling
		{"Bakgrund Mellan Föreningen Sveriges Skogsindustrier och Skogs- och Träfacket gäller kollektivavtal.", "culture_leisure", "Föreningen", true}, // o522
		{"Föreningen hjälper integrationsenheten med att möblera upp boenden till nyanlända bland annat.", "culture_leisure", "Föreningen", false},     // o103: the association acts, named by a common noun
		{"Högskolan i Gävle ska genomföra tre delstudier fördelat över tre års tid.", "education", "Högskolan", true},                                  // o393
		{"Högskolan Väst erbjuder kurser i svenska.", "education", "Högskolan", true},
		{"Hon läser nu vidare på högskolan i höst.", "education", "högskolan", false},
		// data/lists/level-senses-politics.tsv: parties' electoral pact, not
		// the cooperation of integration work
		{"En del medlemmar och invånare har hört av sig med frågor om vad en valteknisk samverkan innebär.", "cooperation", "samverkan", true},                                                                  // m717
		{"Detta gör vi i minoritet utan politiskt samarbete med något annat parti.", "cooperation", "samarbete", true},                                                                                          // m717
		{"I Töreboda kommun har partierna slutit överenskommelser om valteknisk samverkan.", "cooperation", "överenskommelser", true},                                                                           // m948 toreboda.se
		{"I går (11/2) undertecknade polisen och Svalövs kommun en ny överenskommelse om samverkan för ökad trygghet.", "cooperation", "överenskommelse", false},                                                // m403
		{"Region Gotland har ett nära samarbete med Migrationsverkets Visbykontor och får information när det är bestämt vad som kommer hända med asylboendena på Gotland.", "cooperation", "samarbete", false}, // m024
	} {
		doc := docFromText(c.text + "\n")
		res := a.Analyze(doc)
		cov, err := res.Theme(c.theme)
		if err != nil {
			t.Fatal(err)
		}
		var ms []Match
		for _, h := range cov.Evidence {
			ms = append(ms, h.Matched...)
		}
		at := strings.Index(doc.Text, c.form)
		found := false
		for _, m := range ms {
			if m.Start == at && m.Text == c.form {
				found = true
			}
		}
		if !found {
			t.Fatalf("%q: no %s match %q in the evidence %v", c.text, c.theme, c.form, ms)
		}
		off := offSenseMatches(doc.Text, [][]Match{ms})
		if got := off[senseKey{c.theme, at}]; got != c.off {
			t.Errorf("%q: %q in its other sense: %v, want %v", c.text, c.form, got, c.off)
		}
	}
}

// TestLevelSenseList: every line of level-senses.tsv reads, and a bad
// line is refused with the list's name.
func TestLevelSenseList(t *testing.T) {
	senses := levelSenses()
	if len(senses) < 4 {
		t.Fatalf("%d senses", len(senses))
	}
	// every list of levelSenseFiles is read, not only the first
	for _, name := range levelSenseFiles {
		lines, err := listLines(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) == 0 {
			t.Errorf("%s: no lines", name)
		}
		for _, l := range lines {
			f := strings.Split(l, "\t")
			if !slices.ContainsFunc(senses, func(s levelSense) bool { return s.theme == f[0] && s.form == f[1] }) {
				t.Errorf("%s: %q not among the senses read", name, l)
			}
		}
	}
	for _, s := range senses {
		if s.form == "" || len(s.words) == 0 {
			t.Errorf("%+v", s)
		}
	}
	for _, bad := range []string{
		"housing\tboende",            // no context
		"housing\tBoende\tafter de",  // form not lower case
		"housing\tboende\tbeside de", // neither after nor before
		"housing\tboende\tafter",     // no context words
		"housing\tboende\tafter De",  // a context word neither lower case nor Name
	} {
		_, err := parseLevelSenses("level-senses.tsv", []string{bad})
		if err == nil || !strings.Contains(err.Error(), "level-senses.tsv") {
			t.Errorf("%q: error %v, want one naming the list", bad, err)
		}
	}
}
