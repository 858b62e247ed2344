package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/codebook"
)

// TestVowelFormsTable: every data line of the embedded table parses (a
// generator change that broke the format would otherwise drop lines
// silently), and each form is the lemma's plural, not another word: it
// keeps the lemma's first letters and has ä or ö.
func TestVowelFormsTable(t *testing.T) {
	lines := 0
	for _, line := range strings.Split(vowelformsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lines++
		lemma, forms, ok := strings.Cut(line, "\t")
		if !ok || lemma != strings.ToLower(lemma) || len(strings.Fields(forms)) == 0 {
			t.Errorf("malformed line %q", line)
			continue
		}
		for _, f := range strings.Fields(forms) {
			if !strings.ContainsAny(f, "äö") || f[0] != lemma[0] {
				t.Errorf("%s: form %q is not a vowel-changed plural", lemma, f)
			}
		}
	}
	if lines != len(vowels().forms) || lines < 30 {
		t.Errorf("%d data lines, %d parsed", lines, len(vowels().forms))
	}
	for term, want := range map[string]string{
		"bostad":      "bostäderna",
		"stad":        "städer",
		"man":         "män",
		"tjänsteman":  "tjänstemännen",
		"hyresbostad": "hyresbostäder",
		"handbok":     "handböcker",
	} {
		if got := vowelForms(term); !slices.Contains(got, want) {
			t.Errorf("vowelForms(%q) = %v, want %q among them", term, got, want)
		}
	}
	// no forms for words without a vowel-changing plural, nor for a head
	// whose first part is too short to be a word
	for _, term := range []string{"arbete", "språk", "ostad", "band"} {
		if got := vowelForms(term); got != nil {
			t.Errorf("vowelForms(%q) = %v, want none", term, got)
		}
	}
}

// TestInflectionWhereUsersType: a KWIC pattern, a --codebook term without
// forms and an imported dictionary's glob all find the vowel-changed
// plurals, which "bostad" alone did not.
func TestInflectionWhereUsersType(t *testing.T) {
	// "människor" and "allmänna" begin and end with "män" but are not its
	// forms: the plural is neither a first part nor given endings.
	text := "Kommunen bygger fler bostäder. Städerna växer, bostäderna räcker inte och två män flyttar till hyresbostäder. Allmänna människor."
	count := func(m *Matcher) []string {
		var out []string
		for _, mt := range m.MatchTokens(Tokenize(text, 0)) {
			out = append(out, mt.Text)
		}
		return out
	}
	for pattern, want := range map[string][]string{
		"bostad": {"bostäder", "bostäderna", "hyresbostäder"},
		"stad":   {"bostäder", "Städerna", "bostäderna", "hyresbostäder"}, // bo+städer: a compound of stad
		"man":    {"män"},
	} {
		m, err := NewPatternMatcher(pattern, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := count(m); !slices.Equal(got, want) {
			t.Errorf("kwic %s: %v, want %v", pattern, got, want)
		}
	}
	cb, err := ParseCodebook([]byte("version: 1\nthemes:\n  - id: housing\n    terms: [{term: bostad}]\n"), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := count(NewMatcher(cb)); len(got) != 3 {
		t.Errorf("--codebook term bostad: %v", got)
	}
	res, err := codebook.ImportDictionary(codebook.FormatLIWC, []byte("%\n1\thousing\n%\nbostad*\t1\n"), "x.dic")
	if err != nil {
		t.Fatal(err)
	}
	// bostad* is the word and its compounds' first part, not their head
	if got := count(NewMatcher(res.Codebook)); !slices.Equal(got, []string{"bostäder", "bostäderna"}) {
		t.Errorf("imported bostad*: %v", got)
	}
}
