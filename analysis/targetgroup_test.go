package analysis

import (
	"strings"
	"testing"
)

// TestContextTermLists: the two lists parse, and hold the entries the
// rule is documented with (targetgroup.go, docs/validity-themes.md).
func TestContextTermLists(t *testing.T) {
	terms, err := contextTermList()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"etablering", "etableringen"} {
		if !terms.has("reception", f) {
			t.Errorf("context-terms.tsv lacks reception %q", f)
		}
	}
	if terms.has("reception", "etableringsprogrammet") {
		t.Error("context-terms.tsv lists a compound that names the newcomers' programme")
	}
	words, err := listLines("target-group.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if w != strings.ToLower(w) {
			t.Errorf("target-group.txt: %q is not lower case", w)
		}
		for term := range terms.forms {
			if strings.HasPrefix(term.form, w) {
				t.Errorf("context-terms.tsv: %q begins with the target-group word %q and would vouch for itself", term.form, w)
			}
		}
	}
}

// TestNamesTargetGroup: a target-group word counts where a word begins
// with it, not inside another word.
func TestNamesTargetGroup(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
		why  string
	}{
		{"Arbetsförmedlingen har ansvaret för nyanländas etablering.", true, "nyanländas"},
		{"Målet är en snabbare etablering i samhället.", true, "a two-word entry"},
		{"SFI och samhällsorientering", true, "upper-case SFI"},
		{"I och med etableringen av Galleria Boulevard har handelsytorna dubblerats.", false, "a shopping centre"},
		{"Ämnena förflyktigas.", false, "flykt inside a word"},
	} {
		if got := namesTargetGroup(c.text); got != c.want {
			t.Errorf("%s: namesTargetGroup(%q) = %v, want %v", c.why, c.text, got, c.want)
		}
	}
}

// TestContextTermDamped: "etablering" in a document that never names the
// newcomers is damped to role weight and its segment is no reception
// evidence; in one that names them anywhere (in its sentence, or in the
// paragraph under its heading) it keeps its weight. Real sentences: m465 (a retail park), m005 and o239 of
// testdata/realtexts.
func TestContextTermDamped(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct {
		text string
		want bool // reception evidence on the etablering segment
	}{
		{"Gullspångs kommun arbetar vidare med etablering på det som kallas Handelsplats E20.\n", false},
		{"Den som kommer till landet som flykting söker asyl hos Migrationsverket. När personen beviljats uppehållstillstånd ansvarar Arbetsförmedlingen för etableringen i Sverige.\n", true},
		{"Bättre förutsättningar för etablering\n\nLagen syftar till en jämnare fördelning av nyanlända mellan landets kommuner.\n", true},
	} {
		res := a.Analyze(docFromText(c.text))
		cov, err := res.Theme("reception")
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, h := range cov.Evidence {
			if strings.Contains(strings.ToLower(h.Text), "etablering") && !h.Inherited {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: reception evidence on the etablering segment %v, want %v", c.text, got, c.want)
		}
	}
}
