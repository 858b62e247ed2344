package analysis

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/codebook"
)

// Match is one codebook term or phrase found in a segment.
type Match struct {
	Theme  string  `json:"theme"`
	Term   string  `json:"term"`         // the codebook term or phrase
	Text   string  `json:"text"`         // the words as written
	Start  int     `json:"start"`        // byte offsets in the document text
	End    int     `json:"end"`          //
	Weight float64 `json:"weight"`       // after role-cell damping
	As     string  `json:"as,omitempty"` // word, head, modifier or phrase
	// claimsOnly says the match comes from a claims_only term or phrase
	// (evidence no level counts). It is the match's own mark, not looked
	// up by the term's name: a codebook may list the same word twice, as
	// a counted term and as a claims_only one ("nyanländ" at 0.5 and at
	// 1), and a lookup by name made the counted matches claims_only too
	// (session 19's leak into levels). Only the analysis reads it; the
	// matches a hit keeps are cleared of it (appendThemeMatches), so an
	// analysis read back from JSON or the store equals the one made.
	claimsOnly bool
}

// inflections are the Swedish endings a base form may carry: plural,
// definite, genitive and verb forms. Together with the Snowball stem they
// decide whether a word (or a compound's tail) is a form of a term.
var inflections = []string{
	"", "n", "en", "et", "t", "a", "e", "r", "er", "ar", "or", "na", "erna", "arna", "orna",
	"s", "ns", "ens", "ets", "ts", "as", "es", "ers", "ars", "ors", "nas", "ernas", "arnas", "ornas",
	"ade", "at", "ad", "ande", "ende", "de", "te", "ats", "ades", "andet", "andes",
}

// maxCompoundRunes bounds compound analysis: longer "words" (URLs, glued
// text from a broken PDF) are matched whole only.
const maxCompoundRunes = 60

type termRef struct {
	theme  string
	term   *codebook.Term
	weight float64
}

type phraseRef struct {
	theme   string
	text    string
	words   []string // stems, prefixes ending in "*", or exact forms after "="
	weight  float64
	notNext []string
	// claimsOnly: the phrase is marked claims_only (Match.claimsOnly)
	claimsOnly bool
}

// Matcher finds codebook terms in tokens. It is built once per codebook and
// safe for concurrent use; compound analysis results are memoised per word
// form, since a corpus repeats its vocabulary.
type Matcher struct {
	cb       *codebook.Codebook
	whole    map[string][]termRef // inflected form -> terms (word or head)
	modifier map[string][]termRef // compound first part ("arbetsmarknads") -> terms
	stems    map[string][]termRef // stem of base form -> terms (whole word)
	phrases  map[string][]phraseRef
	roles    []string
	headings map[string][]string // heading term form -> themes
	// orgs are the organisation names (organisations.txt and the
	// codebook's), as words, by their first word
	orgs map[string][][]string
	// anyClaimsOnly says the codebook marks some term or phrase
	// claims_only: their matches (Match.claimsOnly) are evidence that no
	// level counts (levelScores in analyze.go).
	anyClaimsOnly bool

	matchMemo memo[[]wordMatch] // lower-case word -> the terms it contains
	stemMemo  memo[string]      // lower-case word -> Stem(word)
	formMemo  memo[*wordForm]   // word as written -> what the analysis knows of it
}

// wordForm is what the analysis needs to know of one word as written,
// worked out once per form (Matcher.form) and carried by its tokens: the
// lower-case form and stem, the terms the word contains, the phrases that
// may start at it, whether it counts in the document's bag of words and
// names a responsible role, and the word lists modality reads. Looking
// each of these up per token took about ten map lookups a token, a
// tenth of a run's CPU.
type wordForm struct {
	lower, stem string
	// written is the word as written that the form was worked out for
	// (the memo's key; lower itself when the word is in lower case): the
	// worker's formCache compares it with the token (formcache.go). Beside
	// lower and stem, which the tokeniser reads next. Empty for a word
	// longer than maxMemoKey, which neither the memo nor the cache keeps.
	written  string
	matches  []wordMatch // matchWord(lower)
	phrases  []phraseRef // phrases[stem]
	termable bool        // counted by addTerms
	role     bool        // isRoleWord(lower)
	class    wordClass   // modality's word lists (classOf(lower))
	// orgs are the organisation names that may start at the word
	// (m.orgs[lower]), orgsGenitive those whose one word it is with a
	// genitive s (m.orgs[lower without the s], when lower ends in s):
	// orgAt looked both up for every token.
	orgs, orgsGenitive [][]string
	// word says the form is one of the attributor's words (no hyphen
	// inside or after it), upper that it starts with a capital
	// (makeWord): documentWords reads both for every token.
	word, upper bool
	// voice is the attribution's voice class of lower, worked out on
	// first use (voiceclass.go).
	voice voiceCache
}

// form is what the analysis knows of a word (wordForm), memoised by the
// word as written (the forms hold copies: see memo).
func (m *Matcher) form(text string) *wordForm {
	return m.formMemo.get(text, func(text string) *wordForm {
		lower := strings.Clone(strings.ToLower(text))
		f := &wordForm{lower: lower, stem: m.stem(strings.TrimSuffix(lower, "-"))}
		f.matches, f.phrases = m.matchWord(lower), m.phrases[f.stem]
		f.termable, f.role, f.class = termable(f.stem), m.isRoleWord(lower), classOf(lower)
		f.orgs = m.orgs[lower]
		if len(text) <= maxMemoKey { // a longer word is neither memoised nor cached: no copy
			f.written = lower
			if text != lower {
				f.written = strings.Clone(text)
			}
		}
		if text != "" {
			f.word = strings.IndexByte(text, '-') < 0 && !strings.Contains(text, "\u2011")
			f.upper = makeWord(text, 0, len(text)).upper
		}
		if strings.HasSuffix(lower, "s") {
			f.orgsGenitive = m.orgs[strings.TrimSuffix(lower, "s")]
		}
		return f
	})
}

// stem is Stem memoised: the Snowball stemmer converts every word to
// runes and back.
func (m *Matcher) stem(w string) string { return m.stemMemo.get(w, Stem) }

// Tokenize is the package's Tokenize with the matcher's memoised stemmer.
func (m *Matcher) Tokenize(s string, base int) []Token {
	return m.tokenizeInto(make([]Token, 0, len(s)/6+1), s, base)
}

// tokenizeInto is Tokenize reusing toks (see the package's tokenizeInto).
func (m *Matcher) tokenizeInto(toks []Token, s string, base int) []Token {
	return tokenizeForms(toks, s, base, m.stem, m.form)
}

// wordMatch is a term found in one word form.
type wordMatch struct {
	ref termRef
	as  codebook.Position
}

// isClaimsOnly reports whether mt comes from a claims_only term or
// phrase.
func (mt Match) isClaimsOnly() bool { return mt.claimsOnly }

// hasClaimsOnly reports whether any of ms comes from a claims_only term.
func (m *Matcher) hasClaimsOnly(ms []Match) bool {
	if !m.anyClaimsOnly {
		return false
	}
	return slices.ContainsFunc(ms, Match.isClaimsOnly)
}

// NewMatcher indexes a codebook for matching.
func NewMatcher(cb *codebook.Codebook) *Matcher {
	m := &Matcher{cb: cb, whole: map[string][]termRef{}, modifier: map[string][]termRef{},
		stems: map[string][]termRef{}, phrases: map[string][]phraseRef{}, roles: cb.Roles,
		headings: map[string][]string{}, orgs: map[string][][]string{}}
	for _, name := range append(slices.Clone(defaultOrganisations), cb.Organisations...) {
		ws := strings.Fields(name)
		m.orgs[ws[0]] = append(m.orgs[ws[0]], ws)
	}
	for _, th := range cb.Themes {
		m.anyClaimsOnly = m.anyClaimsOnly || slices.ContainsFunc(th.Terms, func(t codebook.Term) bool { return t.ClaimsOnly }) ||
			slices.ContainsFunc(th.Phrases, func(p codebook.Phrase) bool { return p.ClaimsOnly })
	}
	for _, th := range cb.Themes {
		for _, h := range th.HeadingTerms {
			// the word as written and its genitive only: "Pågående
			// arbeten" and "Arbetet med ..." are the work of doing
			// something, "Arbete" as a heading is the theme
			for _, form := range []string{h, h + "s"} {
				m.headings[form] = append(m.headings[form], th.ID)
			}
		}
		for i := range th.Terms {
			t := &th.Terms[i]
			ref := termRef{theme: th.ID, term: t, weight: t.Weight}
			// Plurals that change the vowel (bostad -> bostäder), from the
			// embedded lexicon table, so that a user's term, a KWIC pattern
			// or an imported dictionary finds them without listing forms.
			// The table holds every written form, so they are indexed as
			// they are: no endings added ("män" + "na" would find
			// "allmänna"), and never as a compound's first part (that is
			// the singular's: "mans-", "bostads-").
			for _, f := range vowelForms(t.Term) {
				m.whole[f] = appendRef(m.whole[f], ref)
			}
			forms := append([]string{t.Term}, t.Forms...)
			for _, f := range forms {
				f = strings.ToLower(f)
				m.stems[Stem(f)] = appendRef(m.stems[Stem(f)], ref)
				for _, form := range inflectedForms(f) {
					m.whole[form] = appendRef(m.whole[form], ref)
				}
				if has(t.As, codebook.AsModifier) {
					for _, mod := range modifierForms(f) {
						m.modifier[mod] = appendRef(m.modifier[mod], ref)
					}
				}
			}
		}
		for _, p := range th.Phrases {
			words := strings.Fields(p.Phrase)
			pr := phraseRef{theme: th.ID, text: p.Phrase, weight: p.Weight, notNext: p.NotNext, claimsOnly: p.ClaimsOnly}
			for _, w := range words {
				if strings.HasSuffix(w, "*") || w == "~" || exactForm(w) {
					pr.words = append(pr.words, w)
				} else {
					pr.words = append(pr.words, Stem(w))
				}
			}
			key := pr.words[0]
			if strings.HasSuffix(key, "*") {
				key = "*"
			} else if exactForm(key) {
				// found by its stem, as every token is, and then held to
				// its form by phraseWordAt
				key = Stem(key[1:])
			}
			m.phrases[key] = append(m.phrases[key], pr)
		}
	}
	return m
}

func appendRef(refs []termRef, r termRef) []termRef {
	for _, x := range refs {
		if x.term == r.term {
			return refs
		}
	}
	return append(refs, r)
}

func has(ps []codebook.Position, p codebook.Position) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

// inflectedForms returns the written forms of a base form: the form with
// every ending of inflections, and, where Swedish drops a final vowel
// before the ending, only the endings that do so: -a nouns take -or
// ("skola" -> skolor, skolorna), -e agent nouns -na ("arbetsgivare" ->
// arbetsgivarna). Any ending after a dropped vowel would make "yrke"
// match "Botkyrka" (yrk+a) and "yrkar".
func inflectedForms(f string) []string {
	out := make([]string, 0, len(inflections)+4)
	for _, e := range inflections {
		out = append(out, f+e)
	}
	r, w := utf8.DecodeLastRuneInString(f)
	if len(f)-w < 3 {
		return out
	}
	stem := f[:len(f)-w]
	switch r {
	case 'a':
		for _, e := range []string{"or", "orna", "ornas", "ors"} {
			out = append(out, stem+e)
		}
	case 'e':
		for _, e := range []string{"na", "nas"} {
			out = append(out, stem+e)
		}
	}
	return out
}

// modifierForms are the ways a word begins a compound: as it is, with a
// linking s ("arbetsmarknads-"), and for words ending in -a or -e without
// the vowel or with -o ("skol-", "hälso-", "arbetsgivar-").
func modifierForms(f string) []string {
	out := []string{f, f + "s"}
	if r, w := utf8.DecodeLastRuneInString(f); (r == 'a' || r == 'e') && len(f)-w >= 3 {
		stem := f[:len(f)-w]
		out = append(out, stem)
		if r == 'a' {
			out = append(out, stem+"o")
		}
	}
	return out
}

// matchWord returns the terms a lower-case word form contains, memoised.
func (m *Matcher) matchWord(w string) []wordMatch { return m.matchMemo.get(w, m.analyseWord) }

// analyseWord does the compound analysis of one word: whole word first,
// then every split point (bounded by the word's length) for a known head
// or a known first part. A split needs a plausible other part (two letters
// or more, with a vowel). The other part is not looked up in a lexicon, so
// a first part shortened by the three-consonant rule ("tullokal" = tull +
// lokal) needs no restoring to find the head "lokal"; what keeps "arbete"
// out of "integrationsarbetet" is that the codebook does not allow it as a
// head.
func (m *Matcher) analyseWord(w string) []wordMatch {
	var out []wordMatch
	seen := map[*codebook.Term]bool{}
	add := func(r termRef, as codebook.Position) {
		if seen[r.term] || excluded(r.term, w) {
			return
		}
		seen[r.term] = true
		out = append(out, wordMatch{ref: r, as: as})
	}
	for _, r := range m.whole[w] {
		if has(r.term.As, codebook.AsWord) {
			add(r, codebook.AsWord)
		}
	}
	// Same Snowball stem: catches inflections the ending list misses.
	// Short stems are left out: "mötas" and "möte" share the stem "möt".
	if st := m.stem(w); utf8.RuneCountInString(st) >= 5 {
		for _, r := range m.stems[st] {
			if has(r.term.As, codebook.AsWord) {
				add(r, codebook.AsWord)
			}
		}
	}
	if utf8.RuneCountInString(w) > maxCompoundRunes {
		return out
	}
	// split points at rune boundaries
	for i := range w {
		if i == 0 {
			continue
		}
		head, mod := w[i:], w[:i]
		if plausiblePart(mod) {
			for _, r := range m.whole[head] {
				if has(r.term.As, codebook.AsHead) && plausibleHead(head, r.term) {
					add(r, codebook.AsHead)
				}
			}
		}
		if plausiblePart(head) && len(head) >= 3 {
			for _, r := range m.modifier[mod] {
				add(r, codebook.AsModifier)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ref.theme < out[j].ref.theme })
	return out
}

// plausibleHead keeps very short heads ("tolk", "lön") from matching the
// tail of unrelated words: the tail must be the base form itself or a
// form of at least four letters.
func plausibleHead(head string, _ *codebook.Term) bool {
	return utf8.RuneCountInString(head) >= 4
}

// plausiblePart reports whether s can be the other part of a compound:
// two letters or more, with a vowel.
func plausiblePart(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	return strings.ContainsAny(s, "aeiouyåäö")
}

// excluded reports whether a word is listed under the term's `not`: the
// word begins with an entry. An entry that begins the term itself
// ("välkomna" under "välkomnande") excludes the other words it begins
// (the verb "välkomna", "välkomnar", "välkomnas") but never the term's
// own forms, which begin with the term ("välkomnande", "välkomnandet").
//
// An entry written with a hyphen ("sfi-undervisning") also excludes the
// word without it ("sfiundervisning"): a compound broken at a line end
// ("sfi-\nundervisning", token.go's brokenWordRest) is joined without its
// hyphen, and the codebook's exclusion names the compound, not its
// spelling.
func excluded(t *codebook.Term, w string) bool {
	for _, n := range t.Not {
		if excludedBy(t, w, n, strings.HasPrefix) || (strings.Contains(n, "-") && excludedBy(t, w, n, hasPrefixSansHyphens)) {
			return true
		}
	}
	return false
}

// excludedBy is excluded for one entry n, hasPrefix telling whether a
// string begins with it.
func excludedBy(t *codebook.Term, w, n string, hasPrefix func(s, prefix string) bool) bool {
	return hasPrefix(w, n) && !(hasPrefix(t.Term, n) && strings.HasPrefix(w, t.Term))
}

// hasPrefixSansHyphens is strings.HasPrefix(s, prefix with its hyphens
// left out), without building that string: excluded runs on every
// candidate match.
func hasPrefixSansHyphens(s, prefix string) bool {
	j := 0
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == '-' {
			continue
		}
		if j >= len(s) || s[j] != prefix[i] {
			return false
		}
		j++
	}
	return true
}

// MatchTokens returns every term and phrase match in a segment's tokens.
// Matches in cells that name a responsible role are damped to a quarter.
func (m *Matcher) MatchTokens(toks []Token) []Match {
	return m.appendMatches(nil, toks)
}

// appendMatches is MatchTokens appending to out: a batch run matches every
// segment of a document into one recycled slice instead of growing a new
// one per segment (that was 50 MB of garbage on 2,000 documents).
func (m *Matcher) appendMatches(out []Match, toks []Token) []Match {
	return m.appendSegmentMatches(out, toks, KindSentence)
}

// appendSegmentMatches is appendMatches for a segment of the given kind:
// a heading or title that lists themes ("Strategi för bostad,
// utbildning, sysselsättning och social sammanhållning") names the
// document's focus areas, so its lists are not damped.
func (m *Matcher) appendSegmentMatches(out []Match, toks []Token, kind SentenceKind) []Match {
	first := len(out)
	roleCell := m.roleCells(toks)
	orgEnd := -1 // tokens before it are part of an organisation's name
	damp := func(i int, as codebook.Position) float64 {
		switch {
		case roleCell[toks[i].Cell] || i < orgEnd:
			// an action table's responsible cell, an agency's name: an
			// actor, not a topic
			return m.cb.RoleWeight
		case as != "" && properName(toks, i, as):
			// a school, an association, a venue by its name ("nya
			// Lyckeskolan", "Stora Åby skola"): a place, not a topic
			return m.cb.RoleWeight
		case as == codebook.AsModifier && m.isRoleToken(&toks[i]) && (i == 0 || toks[i-1].Lower != "av" || toks[i].Sep != 0):
			// a unit or role named by its field ("Arbetsmarknadsenheten",
			// "utbildningsförvaltningen") acts; after "av" ("utveckling
			// av Arbetsmarknadsenheten") it is what is done
			return m.cb.UnitWeight
		}
		return 1
	}
	wild := m.phrases["*"]
	for i, tk := range toks {
		if end := m.orgAt(toks, i); end > orgEnd {
			orgEnd = end
		}
		wms, phrases := m.wordMatches(&toks[i])
		for _, wm := range wms {
			if wm.ref.weight == 0 || followedBy(toks, i+1, wm.ref.term.NotNext) {
				continue
			}
			out = append(out, Match{Theme: wm.ref.theme, Term: wm.ref.term.Term, Text: tk.Text, Start: tk.Start, End: tk.End,
				Weight: wm.ref.weight * damp(i, wm.as), As: string(wm.as), claimsOnly: wm.ref.term.ClaimsOnly})
		}
		// Two loops, not append(phrases[stem], phrases["*"]...): that
		// append could write into the shared index's spare capacity.
		for _, cands := range [2][]phraseRef{phrases, wild} {
			for _, p := range cands {
				if end, ok := phraseAt(toks, i, p); ok && !followedBy(toks, end, p.notNext) {
					out = append(out, Match{Theme: p.theme, Term: p.text, Text: joinTokens(toks[i:end]), Start: tk.Start, End: toks[end-1].End,
						Weight: p.weight * damp(i, ""), As: "phrase", claimsOnly: p.claimsOnly})
				}
			}
		}
	}
	if kind != KindHeading {
		lo, hi, named := m.focusAreas(toks, out[first:])
		if named {
			// the areas' names: as in a heading ("Arbete"), and not a
			// bare list of services
			out = m.appendHeadingTerms(out, toks[lo:hi])
		} else {
			lo, hi = 0, 0
		}
		m.dampLists(out[first:], toks, lo, hi)
	}
	return m.dedupeFrom(out, first)
}

// focusAreas finds an enumeration of the document's own focus areas in a
// segment of running text (toks, with its matches ms): a lead-in holding
// a word for areas ("områdena", "fokusområden") that counts them or says
// they were chosen (data/lists/focus-area-leads.txt: "De fem områdena är
// ...", "sex områden prioriterats ...:"), then, after a colon or after
// "är", items of at most maxListItemWords words to the end of the
// sentence, most of which name a theme (a match, or a heading term:
// "Arbete"). It returns the enumeration's tokens [lo, hi). The labelling
// rules make a named focus area level 2 wherever it is named; a
// planning document's "nio tematiska ämnesområden: befolkningsutveckling
// och bostadsförsörjning, social hållbarhet, arkitektur ..." names areas
// most of which are no theme, and is not such an enumeration.
func (m *Matcher) focusAreas(toks []Token, ms []Match) (lo, hi int, ok bool) {
	area := -1
	for k := range toks {
		if strings.Contains(toks[k].Lower, "områd") {
			area = k
			break
		}
	}
	if area < 0 {
		return 0, 0, false
	}
	// the enumeration starts after a colon within a few words, or after "är"
	lo = -1
	for k := area + 1; k < len(toks) && k <= area+maxHeadingWords; k++ {
		if toks[k].Sep == ':' {
			lo = k
			break
		}
		if toks[k].Sep != 0 {
			break
		}
	}
	if lo < 0 && area+2 < len(toks) && toks[area+1].Sep == 0 && (toks[area+1].Lower == "är" || toks[area+1].Lower == "blir") {
		lo = area + 2
	}
	if lo < 0 || !slices.ContainsFunc(toks[:lo], isFocusLead) {
		return 0, 0, false
	}
	hi = lo
	for hi < len(toks) && (hi == lo || !sentenceSep(toks[hi].Sep)) && toks[hi].Cell == toks[lo].Cell {
		hi++
	}
	items, themed, words, hasTheme := 0, 0, 0, false
	endItem := func() bool {
		if words == 0 {
			return true
		}
		if words > maxListItemWords {
			return false
		}
		items++
		if hasTheme {
			themed++
		}
		words, hasTheme = 0, false
		return true
	}
	for k := lo; k < hi; k++ {
		if (k > lo && toks[k].Sep == ',') || isListConjunction(toks[k].Lower) {
			if !endItem() {
				return 0, 0, false
			}
		}
		if isListConjunction(toks[k].Lower) {
			continue
		}
		words++
		if len(m.headings[toks[k].Lower]) > 0 || slices.ContainsFunc(ms, func(mt Match) bool { return mt.Start < toks[k].End && mt.End > toks[k].Start }) {
			hasTheme = true
		}
	}
	if !endItem() || items < minListItems || 2*themed <= items {
		return 0, 0, false
	}
	return lo, hi, true
}

// focusLeads are the words of data/lists/focus-area-leads.txt; those
// ending in * are prefixes.
var focusLeads = lazyList(func() ([]string, error) { return listLines("focus-area-leads.txt") })

// isFocusLead reports a word of a lead-in that counts focus areas or
// says they were chosen: a number, or a word of focusLeads.
func isFocusLead(tk Token) bool {
	if tk.Lower != "" && strings.IndexFunc(tk.Lower, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		return true
	}
	for _, w := range focusLeads() {
		if p, ok := strings.CutSuffix(w, "*"); ok && strings.HasPrefix(tk.Lower, p) || w == tk.Lower {
			return true
		}
	}
	return false
}

// sentenceSep reports punctuation that ends a sentence or clause.
func sentenceSep(b byte) bool { return b == '.' || b == ';' || b == '!' || b == '?' }

// properName reports a theme word that is part of a proper name: a
// compound written with a capital in mid-sentence whose head is the theme
// word ("den nedlagda Lugnetskolan", "Hållbarhetsgruppen på Torskolan"),
// or the word right after a capitalised name word ("i Stora Åby skola",
// "Gullabo förskola"). Swedish capitalises only names, so the word names
// one school or association, which the text mentions as a place; a
// genitive before the word ("Markgatans förskola", "Sveriges skolor") is
// left alone, since it also makes ordinary phrases.
func properName(toks []Token, i int, as codebook.Position) bool {
	if titleCase(toks[i].Text) {
		return as == codebook.AsHead && midSentence(toks, i)
	}
	if i == 0 || toks[i].Sep != 0 || verbLike(toks[i].Lower) {
		return false // "GGVV-kommunerna samarbetar": a name as the subject
	}
	prev := toks[i-1].Text
	return midSentence(toks, i-1) && titleCase(prev) && !strings.HasSuffix(prev, "s")
}

// verbLike reports a word with the ending of a Swedish verb in the
// present or past tense (samarbetar, samverkade): after a name it is what
// the name does, not the rest of the name.
func verbLike(w string) bool {
	for _, e := range []string{"ar", "er", "ir", "de", "te"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// midSentence reports whether toks[i] stands inside a sentence: not its
// first word, nor the first after a colon or a sentence end, and only a
// space away from the word before (after a tag, a quotation mark or a
// dash a capital may start the text: "<script>…</script> Ordna praktik").
func midSentence(toks []Token, i int) bool {
	if i == 0 || toks[i].Cell != toks[i-1].Cell || toks[i].Start-toks[i-1].End != 1 {
		return false
	}
	switch toks[i].Sep {
	case '.', '!', '?', ':':
		return false
	}
	return true
}

// titleCase reports a word written with a capital and then lower case
// ("Lyckeskolan"), not an abbreviation ("SFI").
func titleCase(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[n:] {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// followedBy reports whether one of the two words from toks[i] on (in the
// same sentence and cell) is in words: "jobbar med", "jobbar vi med".
func followedBy(toks []Token, i int, words []string) bool {
	if len(words) == 0 || i == 0 {
		return false
	}
	for j := i; j < len(toks) && j < i+2; j++ {
		if toks[j].Cell != toks[i-1].Cell || (toks[j].Sep != 0 && toks[j].Sep != ',') {
			return false
		}
		if slices.Contains(words, toks[j].Lower) {
			return true
		}
	}
	return false
}

// orgAt returns the end (exclusive) of the organisation name that starts
// at toks[i], or -1. The name's last word may carry the genitive s.
func (m *Matcher) orgAt(toks []Token, i int) int {
	// The names come from the token's form when it has one (its Lower is
	// then the form's): two map lookups a token saved.
	var names, genitive [][]string
	if f := toks[i].form; f != nil {
		names, genitive = f.orgs, f.orgsGenitive
	} else {
		names = m.orgs[toks[i].Lower]
		if strings.HasSuffix(toks[i].Lower, "s") {
			genitive = m.orgs[strings.TrimSuffix(toks[i].Lower, "s")]
		}
	}
	best := -1
	for _, name := range names {
		if j := nameEnd(toks, i, name); j > best {
			best = j
		}
	}
	if best < 0 { // "Migrationsverkets"
		for _, name := range genitive {
			if len(name) == 1 {
				best = i + 1
			}
		}
	}
	return best
}

// nameEnd matches the words of a name from toks[i] and returns where it
// ends, or -1.
func nameEnd(toks []Token, i int, name []string) int {
	if i+len(name) > len(toks) {
		return -1
	}
	for k, w := range name {
		tk := toks[i+k]
		if tk.Cell != toks[i].Cell || (k > 0 && tk.Sep != 0) {
			return -1
		}
		if tk.Lower != w && !(k == len(name)-1 && tk.Lower == w+"s") {
			return -1
		}
	}
	return i + len(name)
}

// Lists of services. A sentence that enumerates three or more short items
// naming three or more themes ("ordna bostad, svenskundervisning, skola
// och ekonomiskt stöd"; "inom områdena utbildning, arbetsmarknad, hälsa,
// socialtjänst, bostad och civilsamhälle") names the themes without
// treating any of them: its matches inside the list weigh role_weight.
const (
	maxListItemWords = 3 // an item of a list: "ekonomiskt stöd", "kontakt med arbetslivet"
	minListItems     = 3
	minListThemes    = 3
	// a longer list needs two themes: "frågor som rör bostad, förskola,
	// skola och ekonomiskt stöd"
	minLongList = 4
	// a list naming two actors (organisations, kinds of actors) lists
	// who takes part: "kommuner, statliga myndigheter, företag,
	// organisationer och föreningar"
	minListActors = 2
)

// isActorWord reports whether toks[k] begins an organisation's name or is
// a word for a kind of actor (organisations.txt).
func (m *Matcher) isActorWord(toks []Token, k int) bool {
	if m.orgAt(toks, k) > k {
		return true
	}
	for _, a := range defaultActorWords {
		if strings.HasPrefix(toks[k].Lower, a) {
			return true
		}
	}
	return false
}

// dampLists finds the lists of toks (items separated by commas, the last
// by och, samt or eller) and damps the matches in lists of minListThemes
// themes or more, of minLongList items naming two themes, or of actors;
// lists within toks[areasLo:areasHi], an enumeration of focus areas
// (focusAreas), are left alone.
func (m *Matcher) dampLists(ms []Match, toks []Token, areasLo, areasHi int) {
	if len(ms) == 0 {
		return
	}
	for i := 0; i < len(toks); {
		start, end, items := listAt(toks, i)
		if items < minListItems {
			i++
			continue
		}
		if start < areasHi && end > areasLo {
			i = end // an enumeration of focus areas (focusAreas)
			continue
		}
		lo, hi := toks[start].Start, toks[end-1].End
		if namedAreas(toks[start:end]) {
			i = end // "De fem områdena är Arbete, Boende, Hälsa och sjukvård, ...": focus areas by name
			continue
		}
		actors := 0
		for k := start; k < end; k++ {
			if m.isActorWord(toks, k) {
				actors++
			}
		}
		if actors >= minListActors {
			for k := range ms {
				if ms[k].Start >= lo && ms[k].End <= hi {
					ms[k].Weight *= m.cb.RoleWeight
				}
			}
			i = end
			continue
		}
		var buf [minListThemes + 1]string // the count stops mattering past minListThemes: no allocation
		themes := buf[:0]
		for _, mt := range ms {
			// a claims_only word does not make a list bare: it must not
			// move a level (Match.isClaimsOnly)
			if mt.Start >= lo && mt.End <= hi && len(themes) < len(buf) && !slices.Contains(themes, mt.Theme) && !mt.isClaimsOnly() {
				themes = append(themes, mt.Theme)
			}
		}
		if len(themes) >= minListThemes || (len(themes) >= 2 && (items >= minLongList || bareNouns(toks[start:end], items)) && !examples(toks[max(0, start-3):end])) {
			for k := range ms {
				if ms[k].Start >= lo && ms[k].End <= hi {
					ms[k].Weight *= m.cb.RoleWeight
				}
			}
		}
		i = end
	}
}

// listAt reads a list whose first item ends at the first comma after
// toks[i] ("ordna bostad, ..."): it returns the tokens it spans and the
// number of items, counting only items of at most maxListItemWords words.
// The first item is at most its last two words ("kommunen ansvarar för
// bostad, skola och hälsa": "för bostad").
func listAt(toks []Token, i int) (start, end, items int) {
	// the first comma within maxListItemWords words
	c := -1
	for j := i + 1; j < len(toks) && j <= i+maxListItemWords; j++ {
		if toks[j].Cell != toks[i].Cell || (toks[j].Sep != 0 && toks[j].Sep != ',') {
			return i, i, 0
		}
		if toks[j].Sep == ',' {
			c = j
			break
		}
	}
	if c < 0 {
		return i, i, 0
	}
	start, items = max(i, c-2), 1
	j := c // the start of the current item
	for j < len(toks) {
		k := j + 1 // the item runs to the next comma or conjunction
		for k < len(toks) && toks[k].Sep == 0 && toks[k].Cell == toks[j].Cell && !isListConjunction(toks[k].Lower) && k-j < maxListItemWords+1 {
			k++
		}
		if k-j > maxListItemWords {
			return start, j, items
		}
		items++
		if k < len(toks) && toks[k].Sep == ',' && toks[k].Cell == toks[j].Cell {
			j = k
			continue
		}
		if k+1 < len(toks) && toks[k].Sep == 0 && isListConjunction(toks[k].Lower) && toks[k+1].Sep == 0 && toks[k+1].Cell == toks[j].Cell {
			// the last item: up to maxListItemWords words, to the end of
			// the sentence or the next punctuation
			e := k + 1
			for e < len(toks) && e-k <= maxListItemWords && toks[e].Cell == toks[j].Cell && (e == k+1 || toks[e].Sep == 0) && !isListConjunction(toks[e].Lower) {
				e++
			}
			return start, e, items + 1
		}
		return start, k, items
	}
	return start, j, items
}

// bareNouns reports a list of one word an item ("kärnverksamheter: skola,
// vård och omsorg"; "barnomsorg, skola, äldre- och
// funktionshinderomsorg"): an enumeration of services, which names its
// themes without saying anything of them.
func bareNouns(toks []Token, items int) bool {
	words := 0
	for _, tk := range toks {
		if !isListConjunction(tk.Lower) {
			words++
		}
	}
	return words == items
}

// examples reports a list that gives examples ("miljöer, t ex hälsans
// stig, utegym, kolonilotter och mötesplatser"; the caller includes the
// words just before the list): the sentence makes its point concrete, and
// a two-theme list of examples is not a bare list.
func examples(toks []Token) bool {
	for k, tk := range toks {
		switch tk.Lower {
		case "exempelvis", "såsom", "exempel":
			return true
		case "ex":
			if k > 0 && toks[k-1].Lower == "t" {
				return true
			}
		}
	}
	return false
}

// namedAreas reports a list whose items after the first mostly start
// with a capital in mid-sentence: names of focus areas, not services
// ("Arbete, Boende, Hälsa och sjukvård, ...": an area's name may hold
// "och", which reads as the list's end).
func namedAreas(toks []Token) bool {
	caps, items := 0, 0
	for k := 1; k < len(toks); k++ {
		if toks[k].Sep == ',' || (k > 0 && isListConjunction(toks[k-1].Lower)) {
			items++
			if startsUpper(toks[k].Text) {
				caps++
			}
		}
	}
	return caps >= 2 && 2*caps > items
}

func isListConjunction(w string) bool { return w == "och" || w == "samt" || w == "eller" }

// wordMatches returns the terms in tk's word and the phrases that may
// start at it: its form's when tk has one, looked up otherwise.
func (m *Matcher) wordMatches(tk *Token) ([]wordMatch, []phraseRef) {
	if tk.form != nil {
		return tk.form.matches, tk.form.phrases
	}
	return m.matchWord(tk.Lower), m.phrases[tk.Stem]
}

// isRoleToken is isRoleWord of tk's word, from its form when it has one.
func (m *Matcher) isRoleToken(tk *Token) bool {
	if tk.form != nil {
		return tk.form.role
	}
	return m.isRoleWord(tk.Lower)
}

// dedupeFrom dedupes out[first:] in place and returns out cut to the result.
func (m *Matcher) dedupeFrom(out []Match, first int) []Match {
	return out[:first+len(m.dedupe(out[first:]))]
}

// dedupe keeps, for each theme, only the strongest of matches that overlap
// ("samverkan" is both the term samverkan and a form of samverka; the
// phrase "svenska språket" contains the term "språk"), so one word is
// counted once per theme.
//
// A claims_only match never displaces a counted one, so that adding a
// claims_only term can move no level (session 18: the claims_only
// "anvisas" took the word from the counted "anvisad" and lowered a
// reception level 1 → 0): the counted matches are deduped among
// themselves, exactly as if the codebook had no claims_only terms, and a
// claims_only match is kept where it overlaps no counted match of its
// theme or outweighs every one it overlaps (then the segment's claim
// score holds both).
func (m *Matcher) dedupe(ms []Match) []Match {
	if !m.hasClaimsOnly(ms) {
		return dedupeStrongest(ms)
	}
	counted := dedupeStrongest(slices.DeleteFunc(slices.Clone(ms), Match.isClaimsOnly))
	claims := dedupeStrongest(slices.DeleteFunc(slices.Clone(ms), func(mt Match) bool { return !mt.isClaimsOnly() }))
	out := append(ms[:0], counted...)
	for _, q := range claims {
		if !slices.ContainsFunc(counted, func(c Match) bool {
			return c.Theme == q.Theme && c.Start < q.End && q.Start < c.End && c.Weight >= q.Weight
		}) {
			out = append(out, q)
		}
	}
	sortByPosition(out)
	return out
}

// dedupeStrongest is dedupe for matches of one kind (all counted, or all
// claims_only): of overlapping matches of a theme the heaviest, of equal
// weights the longer, else the first, in order of position.
func dedupeStrongest(ms []Match) []Match {
	if len(ms) < 2 { // most segments: nothing to sort (sort.SliceStable's reflection was 2% of a run)
		return ms
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if c := strings.Compare(a.Theme, b.Theme); c != 0 {
			return c
		}
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.Weight, a.Weight) // heavier first
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Theme == m.Theme && m.Start < out[n-1].End {
			if m.Weight > out[n-1].Weight || (m.Weight == out[n-1].Weight && m.End > out[n-1].End) {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	sortByPosition(out)
	return out
}

// sortByPosition orders matches by start, then theme.
func sortByPosition(ms []Match) {
	slices.SortStableFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return strings.Compare(a.Theme, b.Theme)
	})
}

// maxHeadingWords bounds what counts as a short heading for heading terms.
const maxHeadingWords = 8

// MatchHeading returns the heading-only terms in a heading's tokens (the
// first cell of a table header row counts as the heading).
func (m *Matcher) MatchHeading(toks []Token) []Match {
	return m.appendHeading(nil, toks)
}

// appendHeading is MatchHeading appending to out.
func (m *Matcher) appendHeading(out []Match, toks []Token) []Match {
	n := 0
	for _, tk := range toks {
		if tk.Cell == 0 {
			n++
		}
	}
	if n > maxHeadingWords {
		return out
	}
	return m.appendHeadingTerms(out, toks)
}

// appendHeadingTerms appends the matches of the codebook's heading terms
// in toks, which name a theme as a heading or a focus area does.
func (m *Matcher) appendHeadingTerms(out []Match, toks []Token) []Match {
	for k, tk := range toks {
		if tk.Cell != 0 || (k > 0 && isParticiple(toks[k-1].Lower)) || followedBy(toks, k+1, headingNotNext) {
			// "förebyggande arbete": the work of preventing, not
			// employment; "Kommunens arbete med flyktingmottagandet":
			// the work of doing something
			continue
		}
		for _, th := range m.headings[tk.Lower] {
			out = append(out, Match{Theme: th, Term: tk.Lower, Text: tk.Text, Start: tk.Start, End: tk.End, Weight: 2, As: "heading"})
		}
	}
	return out
}

// headingNotNext are the words after a heading term that make it the
// work of doing something: "Om Lessebo kommuns arbete med Ukraina".
var headingNotNext = []string{"med", "kring"}

// isParticiple reports a present participle ("förebyggande",
// "pågående"), which makes the noun after it an activity.
func isParticiple(w string) bool {
	return utf8.RuneCountInString(w) > 5 && (strings.HasSuffix(w, "ande") || strings.HasSuffix(w, "ende"))
}

// phraseAt matches phrase p at token i and returns the end of the match.
// A "~" in a phrase lets one word stand there or none ("knyta ~ kontakter"
// matches "knyta kontakter" and "knyta nya kontakter"); a run of n "~"
// lets up to n words stand ("oavsett ~ ~ ~ ~ bakgrund" finds "oavsett
// social, ekonomisk eller etnisk bakgrund"), the fewest that let the next
// phrase word match.
func phraseAt(toks []Token, i int, p phraseRef) (int, bool) {
	j := i
	for k := 0; k < len(p.words); k++ {
		w := p.words[k]
		if w == "~" {
			n := 1
			for k+n < len(p.words) && p.words[k+n] == "~" {
				n++
			}
			k += n - 1
			if k+1 < len(p.words) {
				for s := 0; s <= n && j+s < len(toks) && toks[j+s].Cell == toks[i].Cell; s++ {
					if phraseWordAt(toks[j+s], p.words[k+1]) {
						j += s
						break
					}
				}
			}
			continue
		}
		if j >= len(toks) || toks[j].Cell != toks[i].Cell || !phraseWordAt(toks[j], w) {
			return 0, false
		}
		j++
	}
	return j, true
}

// phraseWordAt tests one phrase word (a stem, or a prefix ending in "*")
// against a token. (Matcher.wordMatches, a different thing, finds the
// codebook terms a token is a form of.)
func phraseWordAt(tk Token, w string) bool {
	if strings.HasSuffix(w, "*") {
		return strings.HasPrefix(tk.Lower, strings.TrimSuffix(w, "*"))
	}
	if exactForm(w) {
		return tk.Lower == w[1:]
	}
	return tk.Stem == w
}

// exactForm reports a phrase word written "=form": it matches that form
// only, not every word of its stem. Snowball gives the supine of "fly"
// ("de som har flytt") and the verb "flytta" ("de som flyttar hit") the
// one stem "flytt", so "har flytt" can only be written "har =flytt".
func exactForm(w string) bool { return len(w) > 1 && w[0] == '=' }

func joinTokens(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// roleCells marks the table cells of a segment that name who is
// responsible (or when) rather than what: short cells whose content words
// are role words or years.
func (m *Matcher) roleCells(toks []Token) map[int]bool {
	if len(toks) == 0 || toks[len(toks)-1].Cell == 0 || len(m.roles) == 0 {
		return nil
	}
	// A cell's tokens stand together (tokenisation numbers the cells as
	// it goes), so each cell is counted as one run: no map of counts per
	// table row, and a map for the answer only when a cell qualifies.
	var out map[int]bool
	for k := 0; k < len(toks); {
		c, n, role := toks[k].Cell, 0, 0
		for ; k < len(toks) && toks[k].Cell == c; k++ {
			n++
			if m.isRoleToken(&toks[k]) {
				role++
			}
		}
		if c > 0 && role > 0 && n <= 14 {
			if out == nil {
				out = map[int]bool{}
			}
			out[c] = true
		}
	}
	return out
}

func (m *Matcher) isRoleWord(w string) bool {
	w = strings.TrimSuffix(w, "-")
	for _, r := range m.roles {
		if idx := strings.Index(w, r); idx >= 0 {
			rest := w[idx+len(r):]
			if len(rest) <= 4 { // chef, chefer, chefen, gruppen
				return true
			}
		}
	}
	return false
}
