package analysis

import "unicode/utf8"

// documentWords is a document's words as the attributor reads them
// (letter and digit runs with byte offsets and capitalisation,
// tokenizeWordsInto), made from the matcher's tokens of its segments, so
// that a document is tokenised once: the attributor's own pass over the
// whole text, and its lower-casing of every capitalised word, were a
// fifth of the attribution's time. A token that is one word lends the
// word its lower-case form (Token.Lower of a token with a word form);
// the text between segments, which has no tokens, is scanned here.
//
// When a segment boundary falls inside a word or a rune (a segment cut
// at MaxSegmentBytes), the words made from the tokens would not be the
// attributor's: the documentWords is then given up (ok false) and the
// attributor tokenises the text itself.
type documentWords struct {
	text    string
	words   []word
	covered int  // the text before this offset is in words
	ok      bool // false once a segment boundary splits a word
}

// reset starts the words of text, reusing the slice.
func (dw *documentWords) reset(text string) {
	clear(dw.words) // the lower-case forms are the memo's, but drop them anyway
	dw.text, dw.words, dw.covered, dw.ok = text, dw.words[:0], 0, true
}

// addSegment appends the words of the gap before text[start:end] and of
// toks, the matcher's tokens of that segment (tokenised from
// text[start:end] with base start). Segments must come in text order.
func (dw *documentWords) addSegment(start, end int, toks []Token) {
	if !dw.ok {
		return
	}
	if start < dw.covered || !dw.wordBoundary(start) || !dw.wordBoundary(end) {
		dw.ok = false
		return
	}
	dw.words = appendWordsIn(dw.words, dw.text, dw.covered, start)
	for k := range toks {
		t := &toks[k]
		if f := t.form; f != nil && f.word {
			// strings.ToLower(t.Text): the token is this one word
			dw.words = append(dw.words, word{start: t.Start, end: t.End, upper: f.upper, low: f.lower, form: f})
			continue
		}
		// "SFI-undervisning", "Kultur-": the attributor splits at the
		// hyphen; its parts are lower-cased when asked for.
		dw.words = appendWordsIn(dw.words, dw.text, t.Start, t.End)
	}
	dw.covered = end
}

// finish appends the words after the last segment and returns them, or
// nil when a boundary split a word.
func (dw *documentWords) finish() []word {
	if !dw.ok {
		return nil
	}
	dw.words = appendWordsIn(dw.words, dw.text, dw.covered, len(dw.text))
	dw.covered = len(dw.text)
	return dw.words
}

// wordBoundary reports whether offset i of the text starts a rune and
// does not fall between two word runes, so that a word scan of the
// text on either side of it finds the words of the whole text.
func (dw *documentWords) wordBoundary(i int) bool {
	t := dw.text
	if i <= 0 || i >= len(t) {
		return i >= 0 && i <= len(t)
	}
	if !utf8.RuneStart(t[i]) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(t[i:])
	return !isWordRune(before) || !isWordRune(after)
}
