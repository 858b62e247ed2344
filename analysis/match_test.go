package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/styrdok/styrdok/registry"
)

func themesOf(t *testing.T, a *Analyzer, s string) []string {
	t.Helper()
	var out []string
	for _, ts := range a.Tag(s) {
		out = append(out, ts.Theme)
	}
	sort.Strings(out)
	return out
}

// TestCompoundMatching checks the compound rules of docs/domain.md
// ("Compounds", under "Themes") on words the
// bundled documents do not contain.
func TestCompoundMatching(t *testing.T) {
	a := testAnalyzer(t)
	cases := []struct {
		text string
		want string // sorted theme ids, comma-separated
	}{
		{"Vi bygger fler hyresbostäder.", "housing"},                     // head, vowel-changing plural
		{"Bostäderna i området är nya.", "housing"},                      // inflected plural
		{"Arbetsmarknadsutbildningen startar i höst.", "education,work"}, // modifier with linking s; head
		{"Integrationsarbetet fortsätter under året.", ""},               // arbete as head is not employment
		{"Ett förebyggande arbete pågår.", ""},                           // nor standing alone
		{"Målet är att fler ska komma i arbete.", "work"},                // the employment phrase
		{"Språkcaféerna är välbesökta.", "language,meeting_places"},      // modifier, plural; a meeting place too (claims_only, session 13)
		{"Nya mötesplatser öppnar.", "meeting_places"},                   // linking s inside the term
		{"Vi erbjuder asyl- och flyktingmottagande.", "reception"},       // coordinated compound
		{"Kultur-, idrotts- och föreningslivet är rikt.", "culture_leisure"},
		{"Han har praktiska kunskaper.", ""}, // praktisk is not praktik
		{"Mark för bostäder ska planeras.", "housing"},
		{"Föreningar hjälper nyanlända att knyta kontakter.", "culture_leisure,meeting_places"},   // phrase
		{"Idrotten hjälper nyanlända att knyta nya kontakter.", "culture_leisure,meeting_places"}, // ~: one word between
	}
	for _, c := range cases {
		if got := strings.Join(themesOf(t, a, c.text), ","); got != c.want {
			t.Errorf("%q: themes %q, want %q", c.text, got, c.want)
		}
	}
}

func TestCoordinatedCompoundExpansion(t *testing.T) {
	toks := Tokenize("asyl- och flyktingmottagandet", 10)
	if toks[0].Lower != "asylflyktingmottagandet" || toks[0].Text != "asyl-" || toks[0].Start != 10 || toks[0].End != 15 {
		t.Errorf("first part: %+v", toks[0])
	}
}

func TestTokenOffsets(t *testing.T) {
	s := "Språkcaféer i Tierps kommun\tChef"
	for _, tk := range Tokenize(s, 0) {
		if s[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q at %d:%d reads %q", tk.Text, tk.Start, tk.End, s[tk.Start:tk.End])
		}
	}
	if toks := Tokenize(s, 0); toks[len(toks)-1].Cell != 1 {
		t.Errorf("tab should start cell 1: %+v", toks[len(toks)-1])
	}
}

func TestCodebookValidation(t *testing.T) {
	bad := map[string]string{
		"no themes":     "version: 1\nthemes: []\n",
		"bad id":        "themes:\n  - id: Work\n    terms: [{term: jobb}]\n",
		"duplicate":     "themes:\n  - id: a\n    terms: [{term: x}]\n  - id: a\n    terms: [{term: y}]\n",
		"two words":     "themes:\n  - id: a\n    terms: [{term: två ord}]\n",
		"bad position":  "themes:\n  - id: a\n    terms: [{term: x, as: [middle]}]\n",
		"unknown field": "themes:\n  - id: a\n    termz: [{term: x}]\n",
	}
	for name, y := range bad {
		if _, err := ParseCodebook([]byte(y), "test.yaml"); err == nil || !strings.Contains(err.Error(), "test.yaml") {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"work", "housing", "language", "attitude", "meeting_places", "cooperation", "education", "gender_equality", "culture_leisure", "health", "reception"} {
		th, ok := cb.Theme(id)
		if !ok || th.LabelSV == "" || th.LabelEN == "" || th.Definition == "" {
			t.Errorf("theme %s missing or without labels/definition", id)
		}
	}
}

// A user's codebook replaces the default entirely.
func TestCustomCodebook(t *testing.T) {
	cb, err := ParseCodebook([]byte("themes:\n  - id: bikes\n    label_sv: Cyklar\n    label_en: Bikes\n    definition: Cycling.\n    terms: [{term: cykel, forms: [cyklar]}]\n"), "bikes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalyzer(cb, nil, testAnalyzer(t).asOf)
	got := a.Tag("Fler lånecyklar och cykelbanor behövs.")
	if len(got) != 1 || got[0].Theme != "bikes" {
		t.Errorf("got %v", got)
	}
}

func ExampleAnalyzer_Tag() {
	cb, _ := DefaultCodebook()
	a := NewAnalyzer(cb, nil, testDate)
	for _, ts := range a.Tag("Kommunen ska erbjuda fler praktikplatser och språkcaféer.") {
		fmt.Printf("%s %.1f\n", ts.Theme, ts.Score)
	}
	// Output:
	// work 2.0
	// language 2.0
	// meeting_places 1.5
}

// TestMunicipalityNamesAreNotThemes: no name of the 290 municipalities,
// alone or in the genitive with "kommun", signals a theme (a head match
// once made "Botkyrka" a form of "yrke").
func TestMunicipalityNamesAreNotThemes(t *testing.T) {
	a := testAnalyzer(t)
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range reg.Municipalities() {
		for _, s := range []string{m.Name, m.Name + "s kommun", m.Name + " stad"} {
			if got := a.Tag(s); len(got) > 0 {
				t.Errorf("%q is tagged %v", s, got)
			}
		}
	}
}

// TestExactFormPhraseWords: a phrase word written "=form" matches that
// form only. Snowball stems the supine of "fly" and the verb "flytta" to
// one stem ("flytt"), so "har =flytt" must find "som har flytt" and not
// "som har flyttat", while a stem word ("har flytt") finds both.
func TestExactFormPhraseWords(t *testing.T) {
	for _, c := range []struct {
		phrase, text string
		want         bool
	}{
		{"har =flytt", "De som har flytt från kriget.", true},
		{"har =flytt", "De som har flyttat till kommunen.", false},
		{"har flytt", "De som har flyttat till kommunen.", true},
		{"=flytt från", "Familjer som flytt från Syrien.", true},
		{"=flytt från", "Familjer som flyttar från Syrien.", false},
	} {
		checkPhraseMatch(t, c.phrase, c.text, c.want)
	}
}

// A run of n "~" lets up to n words stand between two phrase words, and
// no more; one "~" keeps its meaning (one word or none). The sentence is
// o338's (testdata/realtexts, a housing company's page), whose grounds
// listed before "bakgrund" a single "~" could not span.
func TestPhraseTildeRun(t *testing.T) {
	const o338 = "En grundläggande tanke är att bolagets bostäder ska vara tillgängliga för alla – oavsett social, ekonomisk, etnisk eller annan bakgrund."
	for _, c := range []struct {
		phrase, text string
		want         bool
	}{
		{"oavsett ~ ~ ~ ~ ~ bakgrund", o338, true},
		{"oavsett ~ ~ ~ ~ bakgrund", o338, false},
		{"oavsett ~ bakgrund", o338, false},
		{"oavsett ~ ~ ~ ~ ~ bakgrund", "Alla ska bemötas lika oavsett bakgrund.", true},
		{"oavsett ~ bakgrund", "Alla ska bemötas lika oavsett kulturell bakgrund.", true},
		{"knyta ~ kontakter", "Målet är att knyta nya kontakter.", true},
		{"knyta ~ kontakter", "Målet är att knyta många nya kontakter.", false},
	} {
		checkPhraseMatch(t, c.phrase, c.text, c.want)
	}
}

// checkPhraseMatch tags text with a one-theme codebook holding only
// phrase and fails unless the phrase matches exactly when want says.
func checkPhraseMatch(t *testing.T, phrase, text string, want bool) {
	t.Helper()
	y := "themes:\n  - id: probe\n    label_sv: Prov\n    label_en: Probe\n    definition: One phrase.\n" +
		"    phrases:\n      - {phrase: \"" + phrase + "\", weight: 1}\n"
	cb, err := ParseCodebook([]byte(y), "probe.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := NewAnalyzer(cb, nil, testAnalyzer(t).asOf).Tag(text)
	if (len(got) == 1) != want {
		t.Errorf("%q in %q: got %v, want a match: %v", phrase, text, got, want)
	}
}

// Phrases that start with a wildcard are tried at every token beside the
// phrases of the token's stem; many workers share one matcher, so neither
// list may be written to while matching (the race detector watches this
// test in CI: an append of one list to the other once could).
func TestWildcardPhrasesConcurrently(t *testing.T) {
	y := "themes:\n  - id: bikes\n    label_sv: Cyklar\n    label_en: Bikes\n    definition: Cycling.\n" +
		"    terms: [{term: sadel}]\n" +
		"    phrases:\n" +
		"      - {phrase: \"cykel bana\", weight: 1}\n      - {phrase: \"cykel ställ\", weight: 1}\n      - {phrase: \"cykel hjälm\", weight: 1}\n" +
		"      - {phrase: \"lån* cykel\", weight: 2}\n"
	cb, err := ParseCodebook([]byte(y), "bikes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalyzer(cb, nil, testAnalyzer(t).asOf)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				got := a.Tag("Vi lånar cykel och sätter den i cykel ställ.")
				if len(got) != 1 || got[0].Theme != "bikes" || got[0].Score != 3 {
					t.Errorf("got %v, want bikes 3 (lån* cykel 2 + cykel ställ 1)", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestMemoBounds: a memo works every word out once, but stores no word
// longer than maxMemoKey (a broken file's glued text must not fill it),
// and starts afresh when full.
func TestMemoBounds(t *testing.T) {
	var m memo[int]
	calls := 0
	f := func(s string) int { calls++; return len(s) }
	short, long := "arbetsmarknadsutbildningsverksamheten", strings.Repeat("x", maxMemoKey+1)
	for range 3 {
		if m.get(short, f) != len(short) || m.get(long, f) != len(long) {
			t.Fatal("wrong value")
		}
	}
	if calls != 1+3 {
		t.Errorf("%d calls, want 1 for the short word and 3 for the long one", calls)
	}
	if n := m.len(); n != 1 {
		t.Errorf("memo holds %d words, want the short one only", n)
	}
	for i := range maxCache {
		m.get(strconv.Itoa(i), f)
	}
	if n := m.len(); n > maxCache {
		t.Errorf("memo grew to %d words, bound %d", n, maxCache)
	}
}
