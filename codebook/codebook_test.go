package codebook

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestGlobTerm(t *testing.T) {
	cases := map[string][]Position{
		"bostad":   {AsWord},
		"arbet*":   {AsWord, AsModifier},
		"*bostad":  {AsWord, AsHead},
		"*bostad*": {AsWord, AsHead, AsModifier},
	}
	for p, want := range cases {
		tm, err := GlobTerm(p)
		if err != nil || !slices.Equal(tm.As, want) || tm.Term != strings.Trim(p, "*") {
			t.Errorf("GlobTerm(%q) = %+v, %v; want as %v", p, tm, err, want)
		}
		globs, lost := TermGlobs(tm, true)
		if len(globs) != 1 || globs[0] != p || len(lost) != 0 {
			t.Errorf("TermGlobs(%q) = %v, %v", p, globs, lost)
		}
	}
	for _, bad := range []string{"a*b", "bo?tad", "^bostad$", "(a|b)", "**"} {
		if _, err := GlobTerm(bad); err == nil {
			t.Errorf("GlobTerm(%q): no error", bad)
		}
	}
}

func TestImportLIWCAndWordStat(t *testing.T) {
	liwc := "%\n1\twork\n2\thousing\n%\narbetsmarknad*\t1\nbostad*\t2\nhyres*bostad\t2\nsöka arbete\t1\nbostad\t2\n"
	res, err := ImportDictionary(FormatLIWC, []byte(liwc), "x.dic")
	if err != nil {
		t.Fatal(err)
	}
	h, _ := res.Codebook.Theme("housing")
	if len(h.Terms) != 1 || !slices.Equal(h.Terms[0].As, []Position{AsWord, AsModifier}) {
		t.Errorf("housing: %+v", h.Terms)
	}
	if w, _ := res.Codebook.Theme("work"); len(w.Phrases) != 1 || w.Phrases[0].Phrase != "söka arbete" {
		t.Errorf("work phrases: %+v", w.Phrases)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "hyres*bostad") || !strings.Contains(string(res.YAML), "hyres*bostad") {
		t.Errorf("notes do not report the multi-glob pattern: %v", res.Notes)
	}
	ws := "INTEGRATION\n\tARBETE\n\t\tARBETSMARKNAD* (1)\n\t\tKOMMA_I_ARBETE (2)\n\tBOENDE\n\t\t*BOSTAD* (1)\n"
	res, err = ImportDictionary(FormatWordStat, []byte(ws), "x.cat")
	if err != nil {
		t.Fatal(err)
	}
	if ids := res.Codebook.ThemeIDs(); !slices.Equal(ids, []string{"integration_arbete", "integration_boende"}) {
		t.Errorf("wordstat themes %v", ids)
	}
	w, _ := res.Codebook.Theme("integration_arbete")
	if len(w.Phrases) != 1 || w.Phrases[0].Phrase != "komma i arbete" || w.Phrases[0].Weight != 2 {
		t.Errorf("wordstat phrase: %+v", w.Phrases)
	}
	out, err := ExportDictionary(res.Codebook, FormatWordStat)
	if err != nil || string(out.Data) != ws {
		t.Errorf("wordstat round trip:\n%s\nwant\n%s", out.Data, ws)
	}
}

// TestParseErrorsNameTheFile: every rejection says which file and why,
// since a user's edited codebook is the usual source of them.
func TestParseErrorsNameTheFile(t *testing.T) {
	for _, c := range []struct{ yaml, why string }{
		{"themes: []\n", "no themes"},
		{"themes:\n  - id: Bad-Id\n    terms: [{term: a}]\n", "lower-case letters"},
		{"themes:\n  - id: a\n    terms: [{term: x}]\n  - id: a\n    terms: [{term: y}]\n", "duplicate theme id"},
		{"themes:\n  - id: a\n", "no terms or phrases"},
		{"themes:\n  - id: a\n    terms: [{term: two words}]\n", "one word without wildcards"},
		{"themes:\n  - id: a\n    terms: [{term: x, weight: -1}]\n", "negative weight"},
		{"themes:\n  - id: a\n    terms: [{term: x, as: [middle]}]\n", "position \"middle\""},
		{"themes:\n  - id: a\n    terms: [{term: x}]\n    colour: red\n", "field colour not found"},
	} {
		_, err := Parse([]byte(c.yaml), "mine.yaml")
		if err == nil || !strings.Contains(err.Error(), "mine.yaml") || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%q: error %v, want one naming mine.yaml and %q", c.yaml, err, c.why)
		}
	}
	if _, err := Load("no-such-dir/mine.yaml"); err == nil || !strings.Contains(err.Error(), "no-such-dir/mine.yaml") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestParseDefaultsAndHash: defaults are applied before hashing, and the
// matcher's word lists given to Parse take part in the hash, in order.
func TestParseDefaultsAndHash(t *testing.T) {
	y := []byte("themes:\n  - id: housing\n    terms: [{term: Bostad}]\n    phrases: [{phrase: \"egen  bostad\"}]\n")
	cb, err := Parse(y, "h.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tm := cb.Themes[0].Terms[0]
	if tm.Term != "bostad" || tm.Weight != 1 || !slices.Equal(tm.As, []Position{AsWord, AsHead, AsModifier}) {
		t.Errorf("term defaults: %+v", tm)
	}
	if p := cb.Themes[0].Phrases[0]; p.Phrase != "egen bostad" || p.Weight != 1 {
		t.Errorf("phrase defaults: %+v", p)
	}
	if cb.MinScore != 1 || cb.RoleWeight != 0.1 || cb.UnitWeight != 0.4 {
		t.Errorf("codebook defaults: %v %v %v", cb.MinScore, cb.RoleWeight, cb.UnitWeight)
	}
	explicit, _ := Parse([]byte("min_score: 1\nthemes:\n  - id: housing\n    terms: [{term: bostad, weight: 1}]\n    phrases: [{phrase: egen bostad}]\n"), "e.yaml")
	if explicit.Hash() != cb.Hash() {
		t.Error("a codebook that spells out the defaults hashes differently")
	}
	with, _ := Parse(y, "h.yaml", []byte("a"), []byte("b"))
	swapped, _ := Parse(y, "h.yaml", []byte("b"), []byte("a"))
	if len(cb.Hash()) != 64 || with.Hash() == cb.Hash() || with.Hash() == swapped.Hash() {
		t.Errorf("hashes: alone %s, with a,b %s, with b,a %s", cb.Hash(), with.Hash(), swapped.Hash())
	}
}

// TestDefaultRoundTrip: the embedded codebook parses, and Marshal writes
// it back as a file that parses to the same themes.
func TestDefaultRoundTrip(t *testing.T) {
	cb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(cb.Themes) == 0 || len(DefaultYAML()) == 0 {
		t.Fatal("the embedded codebook is empty")
	}
	data, err := Marshal(cb)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(data, "marshalled")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.ThemeIDs(), cb.ThemeIDs()) {
		t.Fatalf("themes %v, want %v", again.ThemeIDs(), cb.ThemeIDs())
	}
	for i, th := range cb.Themes {
		got := again.Themes[i]
		if len(got.Terms) != len(th.Terms) || len(got.Phrases) != len(th.Phrases) {
			t.Errorf("%s: %d terms %d phrases, want %d and %d", th.ID, len(got.Terms), len(got.Phrases), len(th.Terms), len(th.Phrases))
			continue
		}
		for j, tm := range th.Terms {
			if g := got.Terms[j]; g.Term != tm.Term || g.Weight != tm.Weight || !slices.Equal(g.As, tm.As) || !slices.Equal(g.Forms, tm.Forms) {
				t.Errorf("%s term %d: %+v, want %+v", th.ID, j, g, tm)
			}
		}
	}
	if _, ok := cb.Theme(cb.Themes[0].ID); !ok {
		t.Error("Theme does not find the first theme")
	}
	if _, ok := cb.Theme("no_such_theme"); ok {
		t.Error("Theme finds a theme that is not there")
	}
}

// BenchmarkCanonical measures the canonical encodings the hash could be
// taken over (Parse uses JSON; see the comment there).
func BenchmarkCanonical(b *testing.B) {
	cb, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(cb); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := yaml.Marshal(cb); err != nil {
				b.Fatal(err)
			}
		}
	})
}
