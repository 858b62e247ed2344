package analysis

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/ingest"
)

// kwicTheme is the theme id of a KWIC pattern's one-term codebook.
const kwicTheme = "kwic"

// NewPatternMatcher builds a Matcher for one search pattern, so keyword
// in context finds what the tagger would: "bostad" finds "hyresbostäder"
// as a head and "bostadsförsörjning" as a modifier. A pattern of several
// words is a phrase (matched on stems, "word*" a prefix). A one-word
// pattern may use the glob forms of imported dictionaries ("arbet*",
// "*bostad*", see codebook.GlobTerm); as, when not empty, overrides
// where the term may stand.
func NewPatternMatcher(pattern string, as []codebook.Position) (*Matcher, error) {
	pattern = strings.ToLower(strings.Join(strings.Fields(pattern), " "))
	if pattern == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	th := codebook.Theme{ID: kwicTheme, LabelSV: pattern, LabelEN: pattern}
	if strings.Contains(pattern, " ") {
		if len(as) > 0 {
			return nil, fmt.Errorf("pattern %q: --as applies to one-word patterns only (several words are a phrase)", pattern)
		}
		th.Phrases = []codebook.Phrase{{Phrase: pattern}}
	} else {
		t, err := codebook.GlobTerm(pattern)
		if err != nil {
			return nil, err
		}
		if !strings.ContainsRune(pattern, '*') {
			t.As = nil // a plain word: every position, as the tagger's default
		}
		if len(as) > 0 {
			t.As = as
		}
		th.Terms = []codebook.Term{t}
	}
	cb := &codebook.Codebook{Version: 1, Themes: []codebook.Theme{th}}
	data, err := codebook.Marshal(cb)
	if err != nil {
		return nil, err
	}
	// Parse validates and applies defaults exactly as for a codebook file.
	parsed, err := ParseCodebook(data, "pattern "+pattern)
	if err != nil {
		return nil, err
	}
	return NewMatcher(parsed), nil
}

// ParsePositions parses a comma-separated list such as "word,head".
func ParsePositions(s string) ([]codebook.Position, error) {
	var out []codebook.Position
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		switch codebook.Position(p) {
		case codebook.AsWord, codebook.AsHead, codebook.AsModifier:
			out = append(out, codebook.Position(p))
		case "":
		default:
			return nil, fmt.Errorf("position %q: want word, head or modifier", p)
		}
	}
	return out, nil
}

// KWICUnit says whether a KWIC window counts characters or words.
type KWICUnit string

// Window units.
const (
	KWICChars KWICUnit = "chars"
	KWICWords KWICUnit = "words"
)

// KWICHit is one occurrence of a pattern with its context. Left and Right
// have their whitespace folded to single spaces; Start and End are the
// match's byte offsets in the document text.
type KWICHit struct {
	File     string       `json:"file"`
	Page     int          `json:"page"`
	Sentence int          `json:"sentence"`
	Kind     SentenceKind `json:"kind"`
	Start    int          `json:"start"`
	End      int          `json:"end"`
	As       string       `json:"as"` // word, head, modifier or phrase
	Left     string       `json:"left"`
	Match    string       `json:"match"`
	Right    string       `json:"right"`
}

// KWIC finds the pattern's matches in a document, segment by segment (as
// the tagger reads it; navigation segments included, since a researcher
// looks for every occurrence), with window units of context each side.
func KWIC(doc *ingest.Document, m *Matcher, window int, unit KWICUnit) []KWICHit {
	segs := Segment(doc.Text, doc.PageAt)
	var words []Token
	if unit == KWICWords {
		words = Tokenize(doc.Text, 0)
	}
	var out []KWICHit
	for i, s := range segs {
		for _, mt := range m.MatchTokens(Tokenize(doc.Text[s.Start:s.End], s.Start)) {
			h := KWICHit{File: doc.Path, Page: s.Page, Sentence: i, Kind: s.Kind, Start: mt.Start, End: mt.End, As: mt.As,
				Match: foldSpace(doc.Text[mt.Start:mt.End])}
			ls, re := contextBounds(doc.Text, words, mt.Start, mt.End, window, unit)
			h.Left, h.Right = foldSpace(doc.Text[ls:mt.Start]), foldSpace(doc.Text[mt.End:re])
			out = append(out, h)
		}
	}
	return out
}

// contextBounds returns where the left context starts and the right one
// ends: window runes, or window words, each side of [start, end).
func contextBounds(text string, words []Token, start, end, window int, unit KWICUnit) (int, int) {
	if unit == KWICWords {
		first := sort.Search(len(words), func(i int) bool { return words[i].End > start })
		after := sort.Search(len(words), func(i int) bool { return words[i].Start >= end })
		ls, re := start, end
		if window > 0 && first-window >= 0 && first-window < len(words) {
			ls = words[first-window].Start
		} else if window > 0 && len(words) > 0 {
			ls = min(words[0].Start, start)
		}
		if window > 0 && after+window-1 < len(words) {
			re = words[after+window-1].End
		} else if window > 0 && len(words) > 0 {
			re = max(words[len(words)-1].End, end)
		}
		return ls, re
	}
	ls := start
	for n := 0; n < window && ls > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:ls])
		ls -= w
	}
	re := end
	for n := 0; n < window && re < len(text); n++ {
		_, w := utf8.DecodeRuneInString(text[re:])
		re += w
	}
	return ls, re
}
