package analysis

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A few words name an integration theme in one sense and something else
// in another: "etablering" is a newcomer's establishment in working life
// and society (reception) and a firm's or shop's setting up in a place
// ("I och med etableringen av Galleria Boulevard har handelsytorna nästan
// dubblerats"). Which sense is meant, a reader tells from what the text
// is about: the newcomers, or not. So such a word
// (data/lists/context-terms.tsv) counts for its theme only in a document
// that names the target group somewhere (data/lists/target-group.txt:
// nyanlända, flyktingar, SFI, mottagande, "i samhället", ...); elsewhere
// it weighs role_weight, as an organisation's name does, and explain
// shows the match damped. This is the target-group condition applied to
// the words that need it, not to whole themes: on the dev part of
// testdata/realtexts a condition on every word of a theme cost more right
// level cells than wrong ones it removed, for every theme
// (docs/validity-themes.md, session 12), since the labels give ordinary
// pages on schools, housing or firms their levels. The document, not the
// sentence or paragraph, is the context: on dev the four wrong reception
// levels it removes are on pages that never name the newcomers, and an
// integration plan's "Målet är en snabbare etablering." needs no
// newcomers in its own paragraph to mean theirs.

// contextTerm is one written form of data/lists/context-terms.tsv.
type contextTerm struct{ theme, form string }

// contextTermSet is context-terms.tsv read: its forms, and the themes
// they belong to, so that a match of any other theme (most of them) is
// passed over without lower-casing its text.
type contextTermSet struct {
	forms  map[contextTerm]bool
	themes []string
}

// has reports whether text, lower-cased, is a context term of theme.
func (s contextTermSet) has(theme, text string) bool {
	return slices.Contains(s.themes, theme) && s.forms[contextTerm{theme, strings.ToLower(text)}]
}

// contextTermList reads context-terms.tsv: theme, written form.
func contextTermList() (contextTermSet, error) {
	const name = "context-terms.tsv"
	s := contextTermSet{forms: map[contextTerm]bool{}}
	err := listPairs(name, func(l, theme, form string) error {
		if theme == "" || form == "" || form != strings.ToLower(form) {
			return fmt.Errorf("word list %s: %q: want a theme and a lower-case form", name, l)
		}
		s.forms[contextTerm{theme, form}] = true
		if !slices.Contains(s.themes, theme) {
			s.themes = append(s.themes, theme)
		}
		return nil
	})
	if err != nil {
		return contextTermSet{}, err
	}
	return s, nil
}

var contextTerms = lazyList(contextTermList)

// targetGroupWords are the entries of data/lists/target-group.txt, each
// lower case (namesTargetGroup looks for them in the text as written
// first).
var targetGroupWords = lazyList(func() ([]string, error) {
	const name = "target-group.txt"
	words, err := listLines(name)
	for _, w := range words {
		if w != strings.ToLower(w) {
			return nil, fmt.Errorf("word list %s: %q: want a lower-case entry", name, w)
		}
	}
	return words, err
})

// namesTargetGroup reports whether a word of target-group.txt begins a
// word of s, lower-cased. The context terms never begin with one
// (TestContextTermLists), so a form never vouches for itself.
//
// The text as written is searched first, without lower-casing it (a
// copy of the document, rune by rune): a lower-case entry found there at
// a word's start is found in the lower-cased text too, since lower-casing
// maps each rune on its own, keeps a lower-case entry as it is and never
// turns a letter into a non-letter or back (TestLowerKeepsLetters). Only
// a document that names the target group in capitals alone, or not at
// all, is lower-cased.
func namesTargetGroup(s string) bool {
	words := targetGroupWords()
	if beginsWordOf(s, words) {
		return true
	}
	return beginsWordOf(strings.ToLower(s), words)
}

// beginsWordOf reports whether one of words stands in s where no letter
// comes before it.
func beginsWordOf(s string, words []string) bool {
	for _, w := range words {
		for from := 0; from < len(s); {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			k += from
			from = k + len(w)
			if r, _ := utf8.DecodeLastRuneInString(s[:k]); k > 0 && unicode.IsLetter(r) {
				continue // inside a word: "förflyktigas" is no flykting
			}
			return true
		}
	}
	return false
}

// dampContextTerms damps the context terms (data/lists/context-terms.tsv)
// among the segments' matches to role weight (the codebook's role_weight
// times their weight) when the document names no target group, and sums
// those segments' scores again. It runs before the structure and the
// themes' coverage are built from the scores; the document's text is
// read only when a context term matched.
func (a *Analyzer) dampContextTerms(text string, segs []Sentence, sc *analyzeScratch) {
	terms := contextTerms()
	checked, about := false, false
	for i := range segs {
		ms := sc.segMatches[i]
		damped := false
		for j := range ms {
			m := &ms[j]
			if !terms.has(m.Theme, m.Text) {
				continue
			}
			if !checked {
				checked, about = true, namesTargetGroup(text)
			}
			if about {
				return
			}
			m.Weight *= a.Codebook.RoleWeight
			damped = true
		}
		if damped {
			clear(sc.scores[i])
			addScores(sc.scores[i], ms)
		}
	}
}
