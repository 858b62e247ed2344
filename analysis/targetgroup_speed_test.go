package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// namesTargetGroupLowered is namesTargetGroup as it was written first:
// the whole text lower-cased, then searched. The shortcut that searches
// the text as written first must answer the same.
func namesTargetGroupLowered(s string) bool {
	return beginsWordOf(strings.ToLower(s), targetGroupWords())
}

// TestLowerKeepsLetters: lower-casing a rune never turns a letter into a
// non-letter or back, so the rune before a target-group word is a letter
// in the text as written exactly when it is one lower-cased (what
// namesTargetGroup's first search relies on).
func TestLowerKeepsLetters(t *testing.T) {
	changed := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if l != r {
			changed++
		}
		if unicode.IsLetter(r) != unicode.IsLetter(l) {
			t.Fatalf("unicode.ToLower(%U) = %U: IsLetter %v, then %v", r, l, unicode.IsLetter(r), unicode.IsLetter(l))
		}
	}
	if changed < 1000 {
		t.Fatalf("only %d runes change when lower-cased: the loop tests nothing", changed)
	}
}

// TestNamesTargetGroupShortcut: namesTargetGroup answers as the search
// of the lower-cased text does, on the bundled corpus's lines and
// paragraphs, its whole texts, and random strings of target-group words
// in any case with letters, marks, capitals that lower-case to other
// lengths (İ, Ⱥ) and invalid bytes before and after them. Both answers
// occur, and some true answers come from the lower-cased search alone.
func TestNamesTargetGroupShortcut(t *testing.T) {
	cases := append(probeCases(t), corpusTexts(t)...)
	pieces := []string{" ", "", "a", "Ä", "ö", "İ", "Ⱥ", "ẞ", "\u0130", "\xc3", "\xa4", "-", "(", "\u00a0", "\u0301", "K", "\u212a",
		"förflykt", "etablering", "Etableringen", "i", "I", "samhället", "Samhället", "SAMHÄLLET"}
	for _, w := range targetGroupWords() {
		pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	yes, no, loweredOnly := 0, 0, 0
	for _, s := range cases {
		want := namesTargetGroupLowered(s)
		if got := namesTargetGroup(s); got != want {
			t.Fatalf("namesTargetGroup(%q) = %v, the lower-cased text's search %v", s, got, want)
		}
		switch {
		case !want:
			no++
		case beginsWordOf(s, targetGroupWords()):
			yes++
		default:
			yes++
			loweredOnly++
		}
	}
	if no == 0 || yes == 0 || loweredOnly == 0 {
		t.Fatalf("%d true (%d from the lower-cased text alone), %d false: a side untested", yes, loweredOnly, no)
	}
}

// TestContextTermSetHas: has is the lookup of the lower-cased text among
// the forms, for every theme of the codebook and the list's forms in
// three cases.
func TestContextTermSetHas(t *testing.T) {
	terms := contextTerms()
	a := testAnalyzer(t)
	hits := 0
	for _, th := range a.Codebook.Themes {
		for f := range terms.forms {
			for _, text := range []string{f.form, strings.ToUpper(f.form), strings.ToUpper(f.form[:1]) + f.form[1:], f.form + "s", "x"} {
				want := terms.forms[contextTerm{th.ID, strings.ToLower(text)}]
				if got := terms.has(th.ID, text); got != want {
					t.Fatalf("has(%q, %q) = %v, want %v", th.ID, text, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		t.Fatal("no theme and form found: the comparison tests one side only")
	}
}

// BenchmarkDampContextTerms: the target-group damping's lookups on the
// generated corpus's matches (BenchmarkAnalyzeGenerated's documents),
// the matches' own texts each against the context terms and each
// document's text against the target-group words.
func BenchmarkDampContextTerms(b *testing.B) {
	docs := generatedDocs(b, 200)
	a := testAnalyzer(b)
	type doc struct {
		text    string
		matches []Match
	}
	var set []doc
	for _, d := range docs {
		res, _ := a.AnalyzeContext(b.Context(), d)
		var ms []Match
		for _, c := range res.Themes {
			for _, h := range c.Evidence {
				ms = append(ms, h.Matched...)
			}
		}
		set = append(set, doc{d.Text, ms})
	}
	terms := contextTerms()
	for _, v := range []struct {
		name  string
		has   func(theme, text string) bool
		names func(string) bool
	}{
		{"lowered", func(theme, text string) bool { return terms.forms[contextTerm{theme, strings.ToLower(text)}] }, namesTargetGroupLowered},
		{"as-written-first", terms.has, namesTargetGroup},
	} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for range b.N {
				for _, d := range set {
					for _, m := range d.matches {
						if v.has(m.Theme, m.Text) {
							n++
						}
					}
					if v.names(d.text) {
						n++
					}
				}
			}
			if n == 0 {
				b.Fatal("no context term and no target group found")
			}
		})
	}
}
