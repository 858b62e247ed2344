package analysis

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A few theme words name their theme in one use and something else in
// another, and the words beside them tell which: "de boende" are the
// residents, where housing is "ett boende", "boendet" (a dwelling; the
// plural article de before the participle noun can only mean people);
// "Föreningen Sveriges Skogsindustrier" and "Högskolan i Gävle" are an
// organisation's name, which the labelling rule reads as an actor, not a
// topic (README of testdata/realtexts: "An organisation's name is not a
// topic"), where "föreningen har 40 medlemmar" is an association of the
// culture and leisure theme; "valteknisk samverkan" is parties' pact on
// votes and seats, not the cooperation of integration work.
// data/lists/level-senses.tsv (and level-senses-politics.tsv) list such a
// written form with the words that mark its other sense, before or after
// it. A match in that sense stays evidence (a claim: the word is there,
// and explain shows it) but counts toward no level, as a claims_only
// term's does (codebook.Term.ClaimsOnly); the codebook's own term is
// unchanged everywhere else.

// levelSense is one line of level-senses.tsv: the written form of a
// theme's word and the words that stand before it (after) or after it
// (before) in its other sense, in text order; nameWord stands for any
// word that begins with a capital letter (a name).
type levelSense struct {
	theme, form string
	after       bool
	words       []string
}

// nameWord in a context stands for a word written with a capital first
// letter.
const nameWord = "Name"

// levelSenseFiles are the lists of level senses, in the order read:
// level-senses.tsv (word senses, organisations' names) and
// level-senses-politics.tsv (cooperation between political parties).
var levelSenseFiles = []string{"level-senses.tsv", "level-senses-politics.tsv"}

// levelSenseList reads the level-senses lists (levelSenseFiles): theme,
// form, context ("after WORDS" or "before WORDS").
func levelSenseList() ([]levelSense, error) {
	var out []levelSense
	for _, name := range levelSenseFiles {
		lines, err := listLines(name)
		if err != nil {
			return nil, err
		}
		senses, err := parseLevelSenses(name, lines)
		if err != nil {
			return nil, err
		}
		out = append(out, senses...)
	}
	return out, nil
}

// parseLevelSenses reads the lines of a level-senses list; name names it
// in errors.
func parseLevelSenses(name string, lines []string) ([]levelSense, error) {
	var out []levelSense
	for _, l := range lines {
		f, err := fields(name, l, 3)
		if err != nil {
			return nil, err
		}
		ctx := strings.Fields(f[2])
		if f[0] == "" || f[1] != strings.ToLower(f[1]) || len(ctx) < 2 || (ctx[0] != "after" && ctx[0] != "before") {
			return nil, fmt.Errorf("word list %s: %q: want a theme, a lower-case form and \"after WORDS\" or \"before WORDS\"", name, l)
		}
		for _, w := range ctx[1:] {
			if w != nameWord && w != strings.ToLower(w) {
				return nil, fmt.Errorf("word list %s: %q: context word %q: want lower case or %s", name, l, w, nameWord)
			}
		}
		out = append(out, levelSense{theme: f[0], form: f[1], after: ctx[0] == "after", words: ctx[1:]})
	}
	return out, nil
}

var levelSenses = lazyList(levelSenseList)

// senseKey names one match: its theme and where it starts.
type senseKey struct {
	theme string
	start int
}

// offSenseMatches returns the matches of the segments that stand in the
// other sense of a level-senses.tsv form, by theme and start; nil when
// none does (most documents).
func offSenseMatches(text string, matches [][]Match) map[senseKey]bool {
	senses := levelSenses()
	var off map[senseKey]bool
	for _, ms := range matches {
		for _, m := range ms {
			if actorCompound(m) {
				if off == nil {
					off = map[senseKey]bool{}
				}
				off[senseKey{m.Theme, m.Start}] = true
				continue
			}
			for _, s := range senses {
				if s.theme != m.Theme || len(m.Text) != len(s.form) || !strings.EqualFold(m.Text, s.form) || !s.stands(text, m) {
					continue
				}
				if off == nil {
					off = map[senseKey]bool{}
				}
				off[senseKey{m.Theme, m.Start}] = true
			}
		}
	}
	return off
}

// stands reports whether the context words of s stand next to m in text,
// separated from it and from each other by spaces only.
func (s levelSense) stands(text string, m Match) bool {
	if m.Start < 0 || m.End > len(text) || m.Start > m.End {
		return false
	}
	if s.after {
		at := m.Start
		for _, want := range slices.Backward(s.words) {
			w, start := wordBefore(text, at)
			if !wordIs(w, want) {
				return false
			}
			at = start
		}
		return true
	}
	at := m.End
	for _, want := range s.words {
		w, end := wordAfter(text, at)
		if !wordIs(w, want) {
			return false
		}
		at = end
	}
	return true
}

// wordIs reports whether w is the context word want: a capitalised word
// for nameWord, else the same word in any case.
func wordIs(w, want string) bool {
	if w == "" {
		return false
	}
	if want == nameWord {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return strings.EqualFold(w, want)
}

// wordBefore returns the word that ends where only spaces stand between
// it and text[at:], and its start; "" when a sign or nothing stands there.
func wordBefore(text string, at int) (string, int) {
	end := skipBack(text, at, unicode.IsSpace)
	if end == at {
		return "", at
	}
	start := skipBack(text, end, unicode.IsLetter)
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); !unicode.IsSpace(r) {
			return "", at // a sign before the word ("-de"): no word of its own
		}
	}
	return text[start:end], start
}

// wordAfter returns the word that starts where only spaces stand between
// text[:at] and it, and its end; "" when a sign or nothing stands there.
func wordAfter(text string, at int) (string, int) {
	start := skipOn(text, at, unicode.IsSpace)
	if start == at {
		return "", at
	}
	end := skipOn(text, start, unicode.IsLetter)
	return text[start:end], end
}

// skipBack returns where the runes before text[at:] that are all is
// begin.
func skipBack(text string, at int, is func(rune) bool) int {
	for at > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:at])
		if !is(r) {
			break
		}
		at -= n
	}
	return at
}

// skipOn returns where the runes from text[at:] that are all is end.
func skipOn(text string, at int, is func(rune) bool) int {
	for at < len(text) {
		r, n := utf8.DecodeRuneInString(text[at:])
		if !is(r) {
			break
		}
		at += n
	}
	return at
}

// actorHead is one line of level-actor-heads.tsv: a theme and the head
// of the compounds in which the theme's word names an actor.
type actorHead struct{ theme, head string }

func actorHeadList() ([]actorHead, error) {
	const name = "level-actor-heads.tsv"
	lines, err := listLines(name)
	if err != nil {
		return nil, err
	}
	var out []actorHead
	for _, l := range lines {
		f, err := fields(name, l, 2)
		if err != nil {
			return nil, err
		}
		if f[0] == "" || f[1] == "" || f[1] != strings.ToLower(f[1]) {
			return nil, fmt.Errorf("word list %s: %q: want a theme and a lower-case head", name, l)
		}
		out = append(out, actorHead{f[0], f[1]})
	}
	return out, nil
}

var actorHeads = lazyList(actorHeadList)

// nounEndings are the endings a Swedish noun's base form takes: definite,
// plural, genitive.
var nounEndings = map[string]bool{"": true, "s": true, "n": true, "ns": true, "t": true, "ts": true, "en": true, "ens": true,
	"et": true, "ets": true, "er": true, "ers": true, "erna": true, "ernas": true, "na": true, "nas": true,
	"ar": true, "arna": true, "arnas": true, "or": true, "orna": true, "ornas": true}

// actorCompound reports a modifier match (the theme's word as the first
// part of a compound) whose compound ends in a head of
// level-actor-heads.tsv: "samverkanspartierna" is parties, not
// cooperation.
func actorCompound(m Match) bool {
	if m.As != "modifier" {
		return false
	}
	var w string
	for _, h := range actorHeads() {
		if h.theme != m.Theme {
			continue
		}
		if w == "" {
			w = strings.ToLower(m.Text)
		}
		if i := strings.LastIndex(w, h.head); i > 0 && nounEndings[w[i+len(h.head):]] {
			return true
		}
	}
	return false
}
