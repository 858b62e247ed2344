package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/swedish"
)

// Token is one word of a sentence. Start and End are byte offsets into the
// document text, so a match can be highlighted where it stands.
type Token struct {
	Text  string // as written ("Arbetsmarknadsenheten", "Kultur-")
	Start int
	End   int
	Lower string // lower-cased; for a coordinated compound's first part
	// ("asyl-" in "asyl- och flyktingmottagandet") the shared head is
	// appended ("asylflyktingmottagandet") so the part matches as the
	// compound it stands for.
	Stem string // Snowball (Swedish) stem of Lower
	Cell int    // table cell index within its segment (0 outside tables)
	// Sep is the punctuation between the previous token and this one
	// (',', ';', ':', '.', '!', '?', the last one seen), 0 for none:
	// enough for matching to see a list of items ("bostad, skola och
	// hälsa") without the text.
	Sep byte

	// form is what the analysis knows of the word as written (lower case,
	// stem, terms, word classes), worked out once per word form by a
	// Matcher; nil when the token was made without one, or when Lower is
	// a coordinated compound's expansion and so not the form's.
	form *wordForm
}

// Tokenize splits s (which starts at byte offset base of the document) into
// word tokens. A word is a run of letters and digits; a hyphen inside a word
// ("SFI-undervisning") keeps it whole, a trailing hyphen marks the first
// part of a coordinated compound. Tabs and " | " separate table cells.
func Tokenize(s string, base int) []Token { return tokenize(s, base, Stem) }

// tokenize is Tokenize with the stemmer given (a memoised one in batch
// runs: stemming was the top CPU hotspot of `styrdok run`).
func tokenize(s string, base int, stem func(string) string) []Token {
	return tokenizeInto(make([]Token, 0, len(s)/6+1), s, base, stem) // about one word per six bytes of Swedish text
}

// tokenizeInto is tokenize appending to toks[:0], so that a caller that
// tokenises segment after segment reuses one slice: the token slices were
// the largest allocation of a batch run (284 MB for 2,000 documents), and
// allocation is what drives the collector under the run's memory limit.
func tokenizeInto(toks []Token, s string, base int, stem func(string) string) []Token {
	return tokenizeForms(toks, s, base, stem, nil)
}

// tokenizeForms is tokenizeInto taking each word's lower-case form and
// stem from form (a Matcher's memo, keyed by the word as written) when
// form is not nil: lower-casing every token was a tenth of tokenising.
// The tokens keep their form (Token.form).
func tokenizeForms(toks []Token, s string, base int, stem func(string) string, form func(string) *wordForm) []Token {
	toks = toks[:0]
	cell := 0
	i := 0
	var sep byte
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '\t' || (r == '|' && i > 0 && s[i-1] == ' ') {
			cell++
			i += w
			continue
		}
		if !isWordRune(r) {
			switch r {
			case ',', ';', ':', '.', '!', '?':
				sep = byte(r)
			}
			i += w
			continue
		}
		start := i
		gap, gapEnd := -1, -1 // a line-end hyphen joined over: s[gap:gapEnd] is left out of the word
		for i < len(s) {
			// ASCII letters and digits from the table here, in the loop:
			// isWordRune is too big to be inlined, and its calls, one per
			// byte of the corpus, were a sixth of tokenising's samples.
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					i++
					continue
				}
				r, w = rune(c), 1
			} else if r, w = utf8.DecodeRuneInString(s[i:]); isWordRune(r) {
				i += w
				continue
			}
			if r == '-' || r == '\u2011' {
				// inside a word: "SFI-undervisning"; at the end of one:
				// the first part of a coordinated compound ("Kultur-").
				nr, _ := utf8.DecodeRuneInString(s[i+w:])
				if isWordRune(nr) {
					i += w
					continue
				}
				if gap < 0 {
					if j := brokenWordRest(s, start, i, i+w); j > 0 {
						gap, gapEnd = i, j // "utbild-\nningsnivå": one word
						i = j
						continue
					}
				}
				if i+w >= len(s) || nr == ' ' || nr == ',' || nr == '\n' {
					i += w // keep the hyphen: it says "head follows later"
				}
			}
			break
		}
		text := s[start:i]
		if gap >= 0 {
			// the joined word is no word of the text as it stands: no
			// form of the memo (the attributor's words split it again)
			text = s[start:gap] + s[gapEnd:i]
			lower := strings.ToLower(text)
			st := ""
			if stem != nil {
				st = stem(lower)
			}
			toks = append(toks, Token{Text: text, Start: base + start, End: base + i, Lower: lower, Stem: st, Cell: cell, Sep: sep})
			sep = 0
			continue
		}
		if form != nil {
			f := form(text)
			toks = append(toks, Token{Text: text, Start: base + start, End: base + i, Lower: f.lower, Stem: f.stem, Cell: cell, Sep: sep, form: f})
			sep = 0
			continue
		}
		toks = append(toks, Token{Text: text, Start: base + start, End: base + i, Lower: strings.ToLower(text), Cell: cell, Sep: sep})
		sep = 0
	}
	expandCoordinated(toks)
	if form != nil {
		// Only a first part ("asyl-") can have been given a head by
		// expandCoordinated; every other stem is the memo's.
		for k := range toks {
			if strings.HasSuffix(toks[k].Text, "-") {
				toks[k].Stem = stem(strings.TrimSuffix(toks[k].Lower, "-"))
				toks[k].form = nil // Lower may now be the expansion's
			}
		}
	} else if stem != nil { // nil: the caller needs words, not stems
		for k := range toks {
			toks[k].Stem = stem(strings.TrimSuffix(toks[k].Lower, "-"))
		}
	}
	return toks
}

// brokenWordRest reads a word broken at a line end by a hyphen, as text
// taken from a PDF or a printed page breaks it: "utbild-\nningsnivå",
// "Kommunfull-\nmäktigedebatt", and the same with the line end folded
// to a space ("Etablerings- boendelagen", "regelförenklings- arbete").
// s[start:hy] is the word before the hyphen, the hyphen's rune ends at
// after. It returns where the rest of the word starts, or -1 when the
// hyphen is not such a break: the next word (after spaces and at most
// one line end; a blank line ends a paragraph) must start in lower case
// and end the compound (no hyphen of its own), and it must not be a
// conjunction or a word that goes on a coordinated compound ("barn- och
// utbildning", "för- eller nackdelar", "Kultur- samt fritidsnämnden").
// Hyphens inside a word ("EU-medel", "e-tjänst") never come here, nor
// a part before a comma ("kultur-, idrotts- och föreningsliv").
func brokenWordRest(s string, start, hy, after int) int {
	if hy-start < 2 {
		return -1
	}
	j, lines := after, 0
	for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r') {
		if s[j] == '\n' {
			lines++
		}
		j++
	}
	if j == after || lines > 1 || j >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsLower(r) {
		return -1
	}
	k := j
	for k < len(s) {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !isWordRune(r) {
			if r == '-' || r == '\u2011' {
				return -1 // "kultur- idrotts- och": another first part
			}
			break
		}
		k += w
	}
	if coordinators[s[j:k]] {
		return -1
	}
	return j
}

// coordinators are the words that can follow a compound's first part
// with its hyphen: a conjunction, or a word that goes on a list of parts.
var coordinators = map[string]bool{
	"och": true, "eller": true, "samt": true, "resp": true, "respektive": true,
	"men": true, "som": true, "till": true, "liksom": true, "o": true,
	"el": true, "alternativt": true, "plus": true, "utan": true, "eventuellt": true,
	"likaså": true, "mot": true,
}

// expandCoordinated gives "asyl-" in "asyl- och flyktingmottagandet" (and
// "kultur-, idrotts- och föreningsliv") the head of the last conjunct, so
// the part is matched as the compound it abbreviates. The whole last
// conjunct is appended: matching looks at a word's start (modifier) and
// end (head), and both are then right.
func expandCoordinated(toks []Token) {
	for i := range toks {
		if !strings.HasSuffix(toks[i].Lower, "-") {
			continue
		}
		// find the conjunction and the word after it within a few tokens
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			l := toks[j].Lower
			if strings.HasSuffix(l, "-") {
				continue // another first part: "kultur-, idrotts- och"
			}
			if (l == "och" || l == "eller" || l == "samt" || l == "resp") && j+1 < len(toks) && toks[j+1].Cell == toks[i].Cell {
				toks[i].Lower = strings.TrimSuffix(toks[i].Lower, "-") + toks[j+1].Lower
			}
			break
		}
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// isWordRune reports a letter or digit (ASCII from a table: most text).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Stem returns the Snowball Swedish stem of a lower-case word. Stop words
// are stemmed too, so that phrase patterns match inflected function words
// the same way as content words.
func Stem(word string) string {
	if word == "" {
		return ""
	}
	return swedish.Stem(word, true)
}
