package analysis

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/corpus"
)

// Attribution says which municipality a document speaks for, and why.
type Attribution struct {
	Code, Name, CountyCode, CountyName string  // empty Code = unknown
	Confidence                         float64 // 0..1
	Reason                             string  // short human explanation: which mentions decided, or why unknown
}

// MunicipalityAttributor decides which of the 290 municipalities a
// document speaks for. It is built once from the registry, holds no
// mutable state and is safe for concurrent use.
//
// It counts mentions of each municipality by name, on word boundaries and
// capitalised, and weighs them by form and place:
//   - institutional mentions ("Tierps kommun", "Alingsås Kommuns",
//     "Västerås stad", "Göteborgs Stads", "Region Gotland") weigh more than
//     bare ones ("i Gislaved");
//   - mentions in the title and front-matter fields (the first lines,
//     before the first paragraph, that do not end like a sentence) weigh
//     more than those in the body;
//   - a scraped page's list of other documents' titles counts for nothing;
//   - names that are ordinary words or first names (Mark, Vara, Ale, Åre,
//     Lund, ...) count bare only once the document has named the same
//     municipality institutionally ("Marks kommun");
//   - county, region and university uses ("Uppsala län", "Region
//     Stockholm", "Lunds universitet") are not the municipality.
//
// A document attributed to a winner must have enough evidence and a clear
// lead over the runner-up; a document whose front matter is written by a
// county board, a region or a national agency speaks for no municipality.
// Otherwise the answer is unknown: a confident wrong municipality is worse
// than none.
type MunicipalityAttributor struct {
	munis     []corpus.Municipality
	ambiguous []bool                   // per municipality index
	byFirst   map[string][]nameVariant // lower-case first word -> variants, longest first
	gotland   int                      // index of Gotland (Region Gotland), -1 if absent
	// wordBufs recycles the word slices of attribute: one per document,
	// they were the largest allocation of analysis after the token slices
	// (158 MB for 2,000 documents), and allocation drives the collector.
	wordBufs sync.Pool
}

// nameVariant is one written form of a municipality name as a word
// sequence: the base form or the genitive ("Upplands Väsbys").
type nameVariant struct {
	muni  int
	words []string // lower case, including the first
}

// ambiguousNames are municipality names that are also ordinary Swedish
// words, first names, surnames or landscape names, so a bare capitalised
// occurrence (sentence-initial "Vara", "Mark Andersson", "Berg och dal",
// the province Härjedalen) is no evidence on its own.
var ambiguousNames = map[string]bool{
	"mark": true, "vara": true, "kil": true, "säter": true, "ale": true, "bjuv": true,
	"hjo": true, "sala": true, "ydre": true, "åre": true, "mora": true, "nora": true,
	"eda": true, "tanum": true, "bräcke": true, "habo": true, "lund": true, "berg": true,
	"boden": true, "salem": true, "dorotea": true, "vilhelmina": true, "orsa": true,
	"kinda": true, "trosa": true, "älvdalen": true, "härjedalen": true, "malå": true,
	"vindeln": true, "skara": true, "flen": true, "heby": true, "gnesta": true, "laxå": true,
	"ånge": true, "kumla": true, "norberg": true, "tibro": true,
}

// Words after a name that make it something other than the municipality.
var notMunicipalityNext = map[string]bool{
	"län": true, "läns": true, "universitet": true, "universitets": true, "högskola": true,
	"stift": true, "stifts": true, "tingsrätt": true, "tingsrätts": true, "landsting": true,
	"lasarett": true, "kommuner": true, "kommunerna": true, "kommunernas": true, "hamn": true,
	"domkyrka": true, "förvaltningsrätt": true, "hovrätt": true,
}

// Words before a name that make it a region or county board.
var notMunicipalityPrev = map[string]bool{
	"region": true, "regionen": true, "länsstyrelsen": true, "länsstyrelsens": true,
	"landstinget": true, "landstingets": true,
}

// Words after a name that make it the municipality as an organisation.
var institutionNext = map[string]bool{
	"kommun": true, "kommuns": true, "stad": true, "stads": true,
}

// institutionPrefixes are compounds after a name that also name the
// municipality's organs ("Tierps kommunfullmäktige").
var institutionPrefixes = []string{"kommunfullmäktige", "kommunstyrelse", "kommunkoncern", "kommunledning"}

// issuerRe recognises a non-municipal author at the start of a front-matter
// line ("Länsstyrelsen i Jönköpings län", "Migrationsverket", "Region
// Stockholm", "Västra Götalandsregionen") or after "från"/"av".
var issuerRe = regexp.MustCompile(`(?:^|(?i:från|av|utgiven av|utgivare:?)\s+)(Länsstyrelsen|Länsstyrelserna|Migrationsverket|Arbetsförmedlingen|Polismyndigheten|Polisen|Försäkringskassan|Socialstyrelsen|Skolverket|Folkhälsomyndigheten|Boverket|Tillväxtverket|Skatteverket|Kriminalvården|Statskontoret|Regeringen|Regeringskansliet|Riksdagen|Sveriges Kommuner och (?:Regioner|Landsting)|SKL|SKR|Landstinget(?:\s+\p{Lu}\p{L}+)?|Region\s+\p{Lu}\p{L}+|(?:\p{Lu}\p{L}+\s)?\p{Lu}\p{L}*regionen|\p{Lu}\p{L}*myndigheten|Myndigheten för)s?(?:[^\p{L}]|$)`)

// Mention weights. A title names its municipality once; the body names it
// many times; the sums are comparable.
const (
	wHeaderStrong = 10.0
	wBodyStrong   = 3.0
	wHeaderBare   = 3.0
	wBodyBare     = 1.0
	// minScore is the evidence needed for any answer: a title mention, two
	// institutional mentions in the body, or four bare ones.
	minScore = 4.0
	// minLead is how many times the runner-up's score the winner needs.
	minLead = 2.5
)

// NewMunicipalityAttributor builds an attributor over the registry's
// municipalities.
func NewMunicipalityAttributor(reg *corpus.Registry) *MunicipalityAttributor {
	a := &MunicipalityAttributor{munis: reg.Municipalities(), byFirst: map[string][]nameVariant{}, gotland: -1}
	a.ambiguous = make([]bool, len(a.munis))
	for i, m := range a.munis {
		if m.Code == "0980" {
			a.gotland = i
		}
		words := splitWords(strings.ToLower(m.Name))
		a.ambiguous[i] = ambiguousNames[strings.ToLower(m.Name)]
		forms := [][]string{words}
		// Genitive: -s, except after s, x, z ("Alingsås kommun").
		// Names ending in a vowel are written without -s before kommun
		// ("Ale kommun") but take it as true genitives ("Uppsalas"), so
		// both forms are kept for them.
		last := words[len(words)-1]
		if !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "x") && !strings.HasSuffix(last, "z") {
			gen := append(append([]string(nil), words[:len(words)-1]...), last+"s")
			forms = append(forms, gen)
		}
		for _, f := range forms {
			a.byFirst[f[0]] = append(a.byFirst[f[0]], nameVariant{muni: i, words: f})
		}
	}
	for k, vs := range a.byFirst {
		sort.SliceStable(vs, func(i, j int) bool { return len(vs[i].words) > len(vs[j].words) })
		a.byFirst[k] = vs
	}
	return a
}

// splitWords splits on anything that is not a letter or digit, the way the
// attributor tokenises text, so "Upplands-Bro" and "Upplands Bro" match.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// word is one token of the text.
type word struct {
	start, end int
	upper      bool // first letter is a capital
}

// lower is the word in lower case. It is made when asked for, not for
// every word of the text: only capitalised words and their neighbours are
// ever compared, and lower-casing every word was most of tokenising.
func (w word) lower(text string) string { return strings.ToLower(text[w.start:w.end]) }

// appendLower appends the word in lower case to buf, as lower would give
// it (appendLower): looking every capitalised word up among the
// municipalities' names made a string each.
func (w word) appendLower(buf []byte, text string) []byte {
	return appendLower(buf, text[w.start:w.end])
}

// tokenizeWordsInto splits text into letter/digit runs with byte offsets,
// appending to words[:0].
func tokenizeWordsInto(words []word, text string) []word {
	words = words[:0]
	start := -1
	for i, r := range text {
		isW := isWordRune(r)
		if isW && start < 0 {
			start = i
		} else if !isW && start >= 0 {
			words = append(words, makeWord(text, start, i))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, makeWord(text, start, len(text)))
	}
	return words
}

func makeWord(text string, start, end int) word {
	r, _ := utf8.DecodeRuneInString(text[start:])
	return word{start: start, end: end, upper: unicode.IsUpper(r)}
}

// joined reports whether two adjacent tokens belong to one phrase: only
// spaces, a hyphen or a single line break (PDF text wraps titles:
// "Upplands\nVäsby kommun") between them; no punctuation, no blank line.
func joined(text string, a, b word) bool {
	newlines := 0
	for _, c := range text[a.end:b.start] {
		switch c {
		case ' ', '-', '\u00a0', '\t', '\r':
		case '\n':
			if newlines++; newlines > 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// muniEvidence accumulates one municipality's mentions.
type muniEvidence struct {
	headerStrong, bodyStrong, headerBare, bodyBare int
	ambiguousBare                                  [2]int // header, body bare mentions held back until a strong one is seen
}

func (e *muniEvidence) strong() int { return e.headerStrong + e.bodyStrong }

func (e *muniEvidence) score() float64 {
	return wHeaderStrong*float64(e.headerStrong) + wBodyStrong*float64(e.bodyStrong) +
		wHeaderBare*float64(e.headerBare) + wBodyBare*float64(e.bodyBare)
}

// Attribute decides which municipality text speaks for. See
// MunicipalityAttributor for the rules.
func (a *MunicipalityAttributor) Attribute(text string) Attribution {
	return a.attribute(text, layoutDocument(text))
}

// attribute is Attribute on a layout already made.
func (a *MunicipalityAttributor) attribute(text string, lay docLayout) Attribution {
	var buf []word
	if p, ok := a.wordBufs.Get().(*[]word); ok {
		buf = *p
	}
	words := tokenizeWordsInto(buf, text)
	defer func() {
		clear(words) // drop the strings, so a pooled slice keeps no text alive
		words = words[:0]
		a.wordBufs.Put(&words)
	}()

	// Zone of each token: 0 noise, 1 title/front matter, 2 body.
	const (
		zNoise = iota
		zHeader
		zBody
	)
	title := titleZone(lay)
	zones := make([]uint8, len(words))
	li := 0
	for i, w := range words {
		for li < len(lay.lines) && lay.lines[li].start+len(lay.lines[li].text) <= w.start {
			li++
		}
		switch {
		case li >= len(lay.lines) || lay.lines[li].noise:
			zones[i] = zNoise
		case li < len(title) && title[li]:
			zones[i] = zHeader
		default:
			zones[i] = zBody
		}
	}

	ev := map[int]*muniEvidence{}
	var lower [64]byte
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !w.upper || zones[i] == zNoise {
			continue
		}
		vs, ok := a.byFirst[string(w.appendLower(lower[:0], text))] // no allocation for the lookup
		if !ok {
			continue
		}
		for _, v := range vs {
			n := len(v.words)
			if !a.matchAt(text, words, i, v) {
				continue
			}
			kind := a.classify(text, words, i, n, v.muni)
			if kind == mentionNone {
				break
			}
			e := ev[v.muni]
			if e == nil {
				e = &muniEvidence{}
				ev[v.muni] = e
			}
			header := zones[i] == zHeader
			switch {
			case kind == mentionStrong && header:
				e.headerStrong++
			case kind == mentionStrong:
				e.bodyStrong++
			case a.ambiguous[v.muni] && header:
				e.ambiguousBare[0]++
			case a.ambiguous[v.muni]:
				e.ambiguousBare[1]++
			case header:
				e.headerBare++
			default:
				e.bodyBare++
			}
			i += n - 1
			break
		}
	}
	// Bare mentions of ambiguous names count once the document has named
	// the municipality unambiguously.
	for _, e := range ev {
		if e.strong() > 0 {
			e.headerBare += e.ambiguousBare[0]
			e.bodyBare += e.ambiguousBare[1]
		}
	}

	type cand struct {
		muni  int
		score float64
		e     *muniEvidence
	}
	var cands []cand
	total := 0.0
	for m, e := range ev {
		if s := e.score(); s > 0 {
			cands = append(cands, cand{m, s, e})
			total += s
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return a.munis[cands[i].muni].Code < a.munis[cands[j].muni].Code
	})

	if issuer := a.issuer(lay, title); issuer != "" && (len(cands) == 0 || cands[0].e.headerStrong == 0) {
		return Attribution{Reason: fmt.Sprintf("front matter is issued by %s, not a municipality", issuer)}
	}
	if len(cands) == 0 {
		return Attribution{Reason: "no municipality is named"}
	}
	top := cands[0]
	name := a.munis[top.muni].Name
	if top.score < minScore {
		return Attribution{Reason: fmt.Sprintf("too little evidence: %s is named only %s", name, describe(top.e))}
	}
	runner := 0.0
	if len(cands) > 1 {
		runner = cands[1].score
		if top.score < minLead*runner {
			return Attribution{Reason: fmt.Sprintf("no clear winner: %s (score %.0f) vs %s (score %.0f)",
				name, top.score, a.munis[cands[1].muni].Name, runner)}
		}
	}

	m := a.munis[top.muni]
	share := top.score / total
	evidence := top.score / 20
	if evidence > 1 {
		evidence = 1
	}
	conf := share * (0.6 + 0.4*evidence)
	if top.e.headerStrong > 0 && conf < 0.95 {
		conf = 0.5*conf + 0.5*share // the title names it: trust the share more
	}
	reason := fmt.Sprintf("%s: %s", m.Name, describe(top.e))
	if len(cands) > 1 {
		reason += fmt.Sprintf("; runner-up %s (score %.0f vs %.0f)", a.munis[cands[1].muni].Name, runner, top.score)
	}
	return Attribution{Code: m.Code, Name: m.Name, CountyCode: m.CountyCode, CountyName: m.CountyName,
		Confidence: float64(int(conf*100+0.5)) / 100, Reason: reason}
}

// maxTitleLines is how many front-matter lines can carry title weight.
const maxTitleLines = 8

// titleZone marks the lines that are title or front-matter fields: among
// the first maxTitleLines non-noise lines of the front matter, those that
// do not end like a sentence. A short document's first sentences are body,
// not title, even though no long paragraph precedes them.
func titleZone(lay docLayout) []bool {
	out := make([]bool, len(lay.lines))
	n := 0
	for i := 0; i < lay.bodyStart && n < maxTitleLines; i++ {
		l := lay.lines[i]
		if l.noise {
			continue
		}
		n++
		if !strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "!") && !strings.HasSuffix(l.text, "?") {
			out[i] = true
		}
	}
	return out
}

// describe summarises evidence for a Reason.
func describe(e *muniEvidence) string {
	var parts []string
	if e.headerStrong > 0 {
		parts = append(parts, fmt.Sprintf("%d× as \"… kommun/stad\" in title/front matter", e.headerStrong))
	}
	if e.bodyStrong > 0 {
		parts = append(parts, fmt.Sprintf("%d× as \"… kommun/stad\" in body", e.bodyStrong))
	}
	if n := e.headerBare + e.bodyBare; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by bare name", n))
	}
	if n := e.ambiguousBare[0] + e.ambiguousBare[1]; n > 0 && e.strong() == 0 {
		parts = append(parts, fmt.Sprintf("%d× by a name that is also an ordinary word (not counted)", n))
	}
	if len(parts) == 0 {
		return "no countable mentions"
	}
	return strings.Join(parts, ", ")
}

// matchAt reports whether variant v occurs at token i, every word
// capitalised and joined by spaces or hyphens only.
func (a *MunicipalityAttributor) matchAt(text string, words []word, i int, v nameVariant) bool {
	if i+len(v.words) > len(words) {
		return false
	}
	for k := 1; k < len(v.words); k++ {
		w := words[i+k]
		if !w.upper || w.lower(text) != v.words[k] || !joined(text, words[i+k-1], w) {
			return false
		}
	}
	return true
}

type mentionKind int

const (
	mentionNone   mentionKind = iota // not the municipality (a county, region, university)
	mentionBare                      // the name alone
	mentionStrong                    // the municipality as an organisation
)

// classify looks at the words around a name occupying tokens i..i+n-1.
func (a *MunicipalityAttributor) classify(text string, words []word, i, n, muni int) mentionKind {
	if i > 0 && joined(text, words[i-1], words[i]) && notMunicipalityPrev[words[i-1].lower(text)] {
		if muni == a.gotland && words[i-1].lower(text) == "region" {
			return mentionStrong
		}
		return mentionNone
	}
	j := i + n
	if j < len(words) && joined(text, words[j-1], words[j]) {
		next := words[j].lower(text)
		if notMunicipalityNext[next] {
			return mentionNone
		}
		if institutionNext[next] {
			return mentionStrong
		}
		for _, p := range institutionPrefixes {
			if strings.HasPrefix(next, p) {
				return mentionStrong
			}
		}
	}
	return mentionBare
}

// issuer returns a non-municipal author named at the start of a title or
// front-matter line, or "". Body sentences that start with an agency
// ("Migrationsverket anvisar ...") are not authorship.
func (a *MunicipalityAttributor) issuer(lay docLayout, title []bool) string {
	for i, isTitle := range title {
		if !isTitle {
			continue
		}
		if m := issuerRe.FindStringSubmatch(lay.lines[i].text); m != nil {
			if strings.HasPrefix(m[1], "Region ") && strings.Contains(m[1], "Gotland") {
				continue
			}
			return m[1]
		}
	}
	return ""
}
