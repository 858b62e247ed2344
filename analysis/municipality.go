package analysis

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/registry"
)

// Attribution says which municipality a document speaks for, and why.
type Attribution struct {
	Code, Name, CountyCode, CountyName string  // empty Code = unknown
	Confidence                         float64 // 0..1: how often an answer this sure is right (docs/validity.md); 0 when unknown
	Reason                             string  // short human explanation: which mentions decided, or why unknown
	// RunnerUp is the best-supported municipality that is not the answer:
	// the second best when there is an answer, the best when the answer
	// is unknown (a close call the user may override). Empty Code: none.
	RunnerUp Candidate
	// What the answer was decided from, kept so that Decide can apply
	// another threshold to a stored analysis: the two best-supported
	// municipalities, a reason no municipality may be the answer (the
	// text is an agency's, a county board's, a region's or a party's),
	// and the threshold used.
	Candidates    [2]Candidate
	Veto          string
	MinConfidence float64
}

// Candidate is one municipality the text names, with how sure the
// attributor is that the text speaks for it and the mentions behind that.
type Candidate struct {
	Code, Name, CountyCode, CountyName string
	Confidence                         float64
	Evidence                           string
}

// DefaultMinConfidence is the confidence an answer needs unless the user
// says otherwise (--min-confidence); below it the answer is unknown and
// the candidate is shown as the runner-up. Chosen on the development part
// of the labelled real texts (docs/validity.md).
const DefaultMinConfidence = 0.60

// Decide makes the answer from the candidates with threshold min: the
// best candidate when nothing vetoes an answer and its confidence is at
// least min, else unknown. It depends on nothing but at's candidates,
// veto and min, so a stored attribution can be decided again.
func (at Attribution) Decide(min float64) Attribution {
	best, second := at.Candidates[0], at.Candidates[1]
	out := Attribution{Candidates: at.Candidates, Veto: at.Veto, MinConfidence: min}
	switch {
	case at.Veto != "":
		out.Reason = at.Veto
		out.RunnerUp = best
		if best.Code != "" {
			out.Reason += fmt.Sprintf("; names %s %s", best.Name, best.Evidence)
		}
	case best.Code == "":
		out.Reason = "no municipality is named"
	case best.Confidence < min || best.Confidence == 0: // zero: only names held back as ordinary words
		out.RunnerUp = best
		out.Reason = fmt.Sprintf("not sure enough: %s (confidence %.2f < %.2f) is named %s", best.Name, best.Confidence, min, best.Evidence)
		if second.Code != "" {
			out.Reason += fmt.Sprintf("; next %s (confidence %.2f)", second.Name, second.Confidence)
		}
	default:
		out.Code, out.Name, out.CountyCode, out.CountyName = best.Code, best.Name, best.CountyCode, best.CountyName
		out.Confidence = best.Confidence
		out.RunnerUp = second
		out.Reason = fmt.Sprintf("%s: %s", best.Name, best.Evidence)
		if second.Code != "" {
			out.Reason += fmt.Sprintf("; runner-up %s (confidence %.2f): %s", second.Name, second.Confidence, second.Evidence)
		}
	}
	return out
}

// MunicipalityAttributor decides which of the 290 municipalities a
// document speaks for. It is built once from the registry, holds no
// mutable state and is safe for concurrent use.
//
// It reads the text the way a careful reader does:
//   - it counts mentions of each municipality by name, on word boundaries
//     and capitalised; institutional mentions ("Tierps kommun", "Västerås
//     stad", "Region Gotland") weigh more than bare ones ("i Gislaved"),
//     and mentions in the title and front matter more than those in the
//     body;
//   - an e-mail or web address at a municipality's own domain
//     ("x@kil.se", "www.kil.se") says whose site or staff the text is,
//     like an institutional mention in the body, once per text;
//   - a name that is also an ordinary word or a person's name (Mark,
//     Vara, Ale, Åre, Lund; data/attribution/ambiguous-names.txt) counts
//     bare only in a place context ("i Mora", "Kulturplan för Vara") or
//     once the text has named the municipality as an organisation;
//   - county, region, university and student-nation uses ("Uppsala län",
//     "Region Stockholm", "Lunds universitet", "Kalmar nation") are not
//     the municipality, also as the first conjunct of a list whose head
//     follows the last ("Stockholms och Uppsala län"); a scraped page's
//     list of other documents' titles counts for nothing;
//   - a title that joins two municipalities ("Nacka och Värmdö") is about
//     several, not for one (municipality_coordination.go);
//   - a title or front matter written by an agency, a county board, a
//     region or a party vetoes any answer; the government, county boards,
//     SKR, regions and parties named in the body are rival speakers, but
//     the parties of a news report ("säger Kith Mårtensson, gruppledare
//     för Moderaterna") are its actors (municipality_named.go).
//
// Each municipality's confidence grows with its evidence (relative to the
// text's length: one "Ljusdals kommun" settles a short page, not a
// 40-page report) and with its lead over the runner-up and the rival
// speakers (news about several municipalities names each about equally).
// The answer is the best municipality if its confidence reaches the
// threshold (Decide); otherwise unknown, with the candidate kept as the
// runner-up: a confident wrong municipality is worse than none.
type MunicipalityAttributor struct {
	munis     []registry.Municipality
	ambiguous []bool                   // per municipality index
	distinct  []bool                   // per municipality index: the name means nothing else (municipality_distinct.go)
	byFirst   map[string][]nameVariant // lower-case first word -> variants, longest first
	gotland   int                      // index of Gotland (Region Gotland), -1 if absent
	// domains maps the name part of a municipality's web and e-mail
	// domain ("vasteras" of vasteras.se, "habokommun") to the municipality.
	domains map[string]int
	lists   *attributionLists
	// wordBufs recycles the word slices of attribute: one per document,
	// they were the largest allocation of analysis after the token slices
	// (158 MB for 2,000 documents), and allocation drives the collector.
	wordBufs sync.Pool
	// countyForms are the names counties go by before "län", lower case
	// (municipality_coordination.go).
	countyForms map[string]bool
}

// nameVariant is one written form of a municipality name as a word
// sequence: the base form or the genitive ("Upplands Väsbys").
type nameVariant struct {
	muni  int
	words []string // lower case, including the first
}

// Mention weights. A title names its municipality once; the body names it
// many times; the sums are comparable.
const (
	wHeaderStrong = 10.0
	wBodyStrong   = 4.0
	wHeaderBare   = 4.0
	wBodyBare     = 1.5
	// wPartner is a body mention after "med" ("samverkan med Tierps
	// kommun"): the speaker works with that municipality, so it is
	// rarely the speaker itself.
	wPartner = 0.5
	// wRival is one body mention of a rival speaker (the government, a
	// county board, a region, a party).
	wRival = 1.5
	// evidenceScale is the evidence (in the weights above) that makes a
	// municipality near certain in a text of up to wordsPerScale words;
	// longer texts need proportionally more: a municipality's own report
	// names it again and again, an agency's names a place in passing.
	evidenceScale = 1.0
	wordsPerScale = 600.0
	// restShare is how much of the third and later candidates' evidence
	// counts against the best (the second counts whole).
	restShare = 0.5
	// loneMention caps the strength of a single institutional body
	// mention, loneBare of a single bare one, in texts longer than
	// titleWords words (a bare title is all there is to read).
	loneMention = 0.85
	loneBare    = 0.55
	loneVoiced  = 0.8
	// loneDistinct caps a single bare mention of a distinctive name in a
	// text of at most shortWords words that names no other municipality
	// and no rival speaker: above DefaultMinConfidence, far from near
	// certain (docs/validity.md, round 9).
	loneDistinct = 0.65
	shortWords   = 100
	// bareOnly caps the strength of a municipality named only by bare
	// names in a text longer than a title.
	bareOnly = 0.85
	// unvoiced caps the confidence in a text that neither serves its
	// readers nor gives the municipality's address. A lower cap for one
	// that also reports what others say (0.7 until round 8) lost its
	// reason with the owner's rule that news about one municipality is
	// that municipality's: such answers were right 16 of 33 times under
	// the old labels, 90% under the new (docs/validity.md, round 8).
	unvoiced = 0.85
	// voiceWords bounds the texts the voice ceilings apply to: web pages
	// and news items. A plan or report is longer, never speaks to "du" and
	// may quote; its voice says nothing about its author.
	voiceWords = 600
	// otherVoiceDamp weighs a municipality named only bare, and at most
	// fewMentions times, in a text
	// that speaks of municipalities in the plural or of the region.
	otherVoiceDamp = 0.6
	// reportedMentions is how often a municipality must be named, any
	// other only in passing, for the organisations a news report quotes
	// to be its sources rather than rival speakers (session 23: dev named
	// +2, none unchanged; with no floor on mentions none lost 5).
	reportedMentions = 3
	fewMentions      = 3
	titleWords       = 30
)

// NewMunicipalityAttributor builds an attributor over the registry's
// municipalities, with the word lists embedded in the binary.
func NewMunicipalityAttributor(reg *registry.Registry) *MunicipalityAttributor {
	a := &MunicipalityAttributor{munis: reg.Municipalities(), byFirst: map[string][]nameVariant{}, gotland: -1, lists: embeddedLists()}
	a.ambiguous = make([]bool, len(a.munis))
	a.domains = municipalDomains(a.munis)
	type name struct {
		muni int
		name string
	}
	var names []name
	byCode := map[string]int{}
	for i, m := range a.munis {
		names = append(names, name{i, m.Name})
		byCode[m.Code] = i
	}
	for _, alias := range slices.Sorted(maps.Keys(a.lists.aliases)) {
		if i, ok := byCode[a.lists.aliases[alias]]; ok { // an alias of a code not in this registry is left out
			names = append(names, name{i, alias})
		}
	}
	for _, nm := range names {
		i, m := nm.muni, a.munis[nm.muni]
		if m.Code == "0980" {
			a.gotland = i
		}
		words := splitWords(strings.ToLower(nm.name))
		a.ambiguous[i] = a.ambiguous[i] || a.lists.ambiguous[strings.ToLower(m.Name)]
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
	a.distinct = distinctNames(a.munis, a.ambiguous, embeddedOrdinaryWordNames())
	a.countyForms = countyForms(a.munis)
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
	// low is the word in lower case when the matcher's token lent it
	// (documentWords), "" when it is to be made.
	low string
	// form is the token's form when it lent low, nil otherwise: its
	// voice class is worked out once per form (voiceclass.go).
	form *wordForm
}

// lower is the word in lower case. It is made when asked for, not for
// every word of the text: only capitalised words and their neighbours are
// ever compared, and lower-casing every word was most of tokenising.
func (w word) lower(text string) string {
	if w.low != "" {
		return w.low
	}
	return strings.ToLower(text[w.start:w.end])
}

// appendLower appends the word in lower case to buf, as lower would give
// it (appendLower): looking every capitalised word up among the
// municipalities' names made a string each.
func (w word) appendLower(buf []byte, text string) []byte {
	if w.low != "" {
		return append(buf, w.low...)
	}
	return appendLower(buf, text[w.start:w.end])
}

// tokenizeWordsInto splits text into letter/digit runs with byte offsets,
// appending to words[:0].
func tokenizeWordsInto(words []word, text string) []word {
	return appendWordsIn(words[:0], text, 0, len(text))
}

// appendWordsIn appends the words of text[from:to] (offsets into text)
// to words; from and to must start runes and not fall inside a word
// (documentWords.wordBoundary).
func appendWordsIn(words []word, text string, from, to int) []word {
	start := -1
	// Byte by byte, decoding a rune only at a non-ASCII byte: most of a
	// Swedish text is ASCII, and ranging over the string decoded every
	// byte. An invalid byte decodes to utf8.RuneError of width 1, as
	// ranging gives it.
	for i := from; i < to; {
		var isW bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			isW = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			isW = isWordRune(r)
		}
		if isW && start < 0 {
			start = i
		} else if !isW && start >= 0 {
			words = append(words, makeWord(text, start, i))
			start = -1
		}
		i += size
	}
	if start >= 0 {
		words = append(words, makeWord(text, start, to))
	}
	return words
}

func makeWord(text string, start, end int) word {
	if c := text[start]; c < utf8.RuneSelf {
		return word{start: start, end: end, upper: 'A' <= c && c <= 'Z'} // unicode.IsUpper on ASCII
	}
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
	partner                                        int    // "med X kommun": the text's speaker works with X
	address                                        int    // 1 if the text gives an e-mail or web address at X's domain
	linkOnly                                       bool   // every such address is a link to a page on X's site, none a contact (municipality_links.go)
	ambiguousBare                                  [2]int // header, body bare mentions held back until a strong one is seen
	attributed                                     int    // mentions after or before an attributing word: "kommunalråd i X", "enligt X kommun", "Xs kommunalråd"
	described                                      int    // mentions described from outside: "X är en kommun i …", "X kommun är en av …"
	logo                                           int    // 1 if the text carries X's logo ("X logotyp", "Logotype för X kommun"): X's own site
	catalogued                                     int    // 1 if a catalogue entry names X in its organisation field ("Organisation: Borås stad"): someone else describes X's work
	districts                                      [2]int // header, body mentions of X's districts counted as bare mentions (municipality_districts.go)
	seats                                          [2]int // header, body mentions of X's seat counted as bare mentions (municipality_seatvoice.go)
	actor                                          int    // body mentions as the subject of an actor verb: "X kommun erbjuder" (municipality_actor.go)
	forms                                          int    // bare mentions by an institution form: "Falu kommun" (municipality_forms.go)
	dateline                                       int    // 1 if the text opens with X as a news item's dateline (municipality_dateline.go)
	premises                                       int    // strong mentions after X's own building, "kommunhuset i X" (municipality_premises.go)
}

func (e *muniEvidence) strong() int { return e.headerStrong + e.bodyStrong + e.address }

// addStrong counts one institutional mention in the zone it stands in.
func (e *muniEvidence) addStrong(zone uint8) {
	if zone == zHeader {
		e.headerStrong++
	} else {
		e.bodyStrong++
	}
}

// evidenceOf returns municipality m's evidence in ev, added empty when
// the text has none for it yet.
func evidenceOf(ev map[int]*muniEvidence, m int) *muniEvidence {
	e := ev[m]
	if e == nil {
		e = &muniEvidence{}
		ev[m] = e
	}
	return e
}

// muniOfCode returns the index in a.munis of the municipality with SCB
// code code, and whether this registry has it.
func (a *MunicipalityAttributor) muniOfCode(code string) (int, bool) {
	for m, mu := range a.munis {
		if mu.Code == code {
			return m, true
		}
	}
	return 0, false
}

func (e *muniEvidence) score() float64 {
	return wHeaderStrong*float64(e.headerStrong) + wBodyStrong*float64(e.bodyStrong+e.address) +
		wHeaderBare*float64(e.headerBare) + wBodyBare*float64(e.bodyBare) + wPartner*float64(e.partner) +
		wActor*float64(e.actor)
}

// Attribute decides which municipality text speaks for, at
// DefaultMinConfidence. See MunicipalityAttributor for the rules.
func (a *MunicipalityAttributor) Attribute(text string) Attribution {
	return a.attribute(text, layoutDocument(text)).Decide(DefaultMinConfidence)
}

// Zone of each token.
const (
	zNoise  = iota // a scraped list of other documents
	zHeader        // title or front matter
	zBody
)

// attribute weighs the evidence of text with its layout already made and
// returns the candidates and any veto; the caller decides the answer.
func (a *MunicipalityAttributor) attribute(text string, lay docLayout) Attribution {
	at, _, _ := a.attributeVoice(text, lay)
	return at
}

// attributeVoice is attribute that also returns the voice features of
// the best candidate, and whether the voice model judged them (a
// page-sized text with a candidate): the voice model is fitted on them
// (municipality_voice_test.go).
func (a *MunicipalityAttributor) attributeVoice(text string, lay docLayout) (Attribution, voiceVector, bool) {
	words := lay.words // the matcher's tokens, when the analysis lent them (documentWords)
	if words == nil {
		var buf []word
		if p, ok := a.wordBufs.Get().(*[]word); ok {
			buf = *p
		}
		words = tokenizeWordsInto(buf, text)
		defer func() {
			clear(words) // drop the strings, so a pooled slice keeps no text alive
			words = words[:0]
			a.wordBufs.Put(&words)
		}()
	}
	words = a.splitGluedNames(text, words) // "medborgarundersökningNordmalings kommun" (municipality_glued.go)

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
	rivals := 0.0      // weighted mentions of rival speakers
	partyRivals := 0.0 // the part of rivals that names parties (municipality_named.go)
	var lower [64]byte
	ownVoice, otherVoice := 0, 0
	// serviceVoice counts words of a site that serves its readers ("du",
	// "kontakta", "telefon"), reporterVoice words of one that reports
	// what others say ("säger", "Foto:"); data/attribution/*-voice-words.txt.
	serviceVoice, reporterVoice := 0, 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if zones[i] == zNoise {
			continue
		}
		if n := w.end - w.start; n <= 20 && a.lists.mayBeVoice(text[w.start]) { // "Kommunen", "Kommunfullmäktige", "Du" start sentences
			lw := w.appendLower(lower[:0], text)
			switch c := a.lists.classOf(w, lw); { // the four lists in one lookup
			case (!w.upper || n >= 6) && c.has(voiceOwn):
				ownVoice++
			case (!w.upper || n >= 6) && c.has(voiceOther):
				otherVoice++
			case c.has(voiceService):
				serviceVoice++
			case c.has(voiceReporter) && (!strings.HasPrefix(string(lw), "foto") || strings.HasPrefix(text[w.end:], ":")):
				reporterVoice++
			}
		}
		if !w.upper {
			continue
		}
		first := string(w.appendLower(lower[:0], text)) // no allocation for the lookups
		if a.municipalRegion(first) {
			continue // "Umeåregionen": a cooperation of municipalities, none of them alone
		}
		if zones[i] == zBody {
			if n, w := a.lists.rivalAt(text, words, i, first); n > 0 {
				rivals += w
				if a.lists.rivalIsParty(text, words, i, n) {
					partyRivals += w
				}
				i += n - 1
				continue
			}
		}
		vs, ok := a.byFirst[first]
		if !ok {
			if m, ok := a.institutionFormAt(text, words, i, first); ok {
				// "Falu kommun": a form of the name used only before
				// "kommun" (municipality_forms.go).
				a.addInstitutionForm(text, words, zones, i, m, ev)
				i++
				continue
			}
			if m, ok := a.seatAfterPremises(text, words, i, first); ok {
				addPremisesSeat(zones, i, m, ev) // "Kommunhuset, Henån" (municipality_premises.go)
				continue
			}
			if m, ok := a.handleAt(first); ok {
				addHandle(zones, i, m, ev) // "Facebook (Tranemokommun)" (municipality_glued.go)
				continue
			}
			if m, ok := a.inhabitants(first); ok && zones[i] == zBody {
				// "våra nya Vännäsbor": a municipality speaks of its own
				// inhabitants.
				evidenceOf(ev, m).bodyBare++
			}
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
			e := evidenceOf(ev, v.muni)
			header := zones[i] == zHeader
			if datelineAt(text, words, i, n) {
				header, e.dateline = true, 1 // a news item's dateline (municipality_dateline.go)
			}
			if !header && (a.attributedBefore(text, words, i) || a.attributedAfter(text, words, i+n)) {
				e.attributed++
			}
			if a.describedAfter(text, words, i+n) {
				e.described++
			}
			if logoAt(text, words, i, n) {
				e.logo = 1
			}
			if catalogueAt(text, words, i) {
				e.catalogued = 1
			}
			if kind == mentionStrong && premisesBefore(text, words, i) {
				e.premises++
			}
			switch {
			case !header && a.lists.partnerBefore(text, words, i):
				e.partner++
			case kind == mentionStrong && header:
				e.headerStrong++
			case kind == mentionStrong:
				e.bodyStrong++
				if actorAt(text, words, i, n, a.lists.institutionAfter) {
					e.actor++
				}
			case a.ambiguous[v.muni] && !a.placeContext(text, words, i) && !a.capitalInSentence(text, words, i, v.muni):
				if header {
					e.ambiguousBare[0]++
				} else {
					e.ambiguousBare[1]++
				}
			case header:
				e.headerBare++
			default:
				e.bodyBare++
			}
			i += n - 1
			break
		}
	}
	// An address at a municipality's own domain ("anna.berg@boxholm.se",
	// "www.kil.se") is its staff's or its site's: as telling as "Boxholms
	// kommun" in the body, once per text however many contacts a page
	// lists. Noise lines (a scraped list of other documents) are skipped
	// like their names.
	contact := a.contactAddressed(lay)
	for _, m := range a.addressedMunicipalities(text, lay) {
		e := evidenceOf(ev, m)
		e.address = 1
		e.linkOnly = !contact[m]
	}
	// Bare mentions of ambiguous names count once the document has named
	// the municipality unambiguously.
	for _, e := range ev {
		if e.strong() > 0 {
			e.headerBare += e.ambiguousBare[0]
			e.bodyBare += e.ambiguousBare[1]
			e.ambiguousBare = [2]int{}
		}
	}
	// A city named only by its districts ("Tensta", "Rinkeby"), or once
	// beside them (municipality_districts.go).
	a.addDistrictEvidence(text, words, zones, ev)
	a.addSeatEvidence(text, words, zones, ev, ownVoice, otherVoice, reporterVoice) // its seat in its own voice (municipality_seatvoice.go)

	type cand struct {
		muni  int
		score float64
		e     *muniEvidence
	}
	var cands []cand
	for m, e := range ev {
		if s := e.score(); s > 0 {
			cands = append(cands, cand{m, s, e})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return a.munis[cands[i].muni].Code < a.munis[cands[j].muni].Code
	})

	// Confidence of candidate k: its evidence for the text's length,
	// times its share against the strongest other candidate, the rest and
	// the rival speakers.
	nWords := 0
	for _, z := range zones {
		if z != zNoise {
			nWords++
		}
	}
	scale := evidenceScale * (1 + float64(nWords)/wordsPerScale)
	judged := len(cands) > 0 && nWords > titleWords && nWords <= aboutWords
	tv := textVoice{service: serviceVoice, own: ownVoice, reporter: reporterVoice, rivals: rivals, words: nWords}
	if judged {
		a.countVoice(text, words, zones, &tv)
		tv.company = namesCompany(text, words, zones)
		tv.companyTitled = tv.company && companyTitled(text, words, zones) // municipality_companytitle.go
		tv.parties = a.countParties(text, words, zones)
	}
	// aboutProb[k] is the voice model's probability that someone else
	// writes about candidate k, when it caps its confidence.
	var aboutProb [2]float64 // confidence is asked of the best two only
	// uncertainProb[k] is the probability when an uncertain voice keeps
	// candidate k from near certainty.
	var uncertainProb [2]float64
	partyVoice := false // the text speaks as a party (round 9b)
	// distinctNote[k] says why a round-9 rule (a distinctive name) let
	// candidate k through, for its evidence; "" when none did.
	var distinctNote [2]string
	rivalScore := wRival * rivals
	coordinated := a.titleCoordinated(text, words, zones)
	datelines := a.listDatelines(text, words, zones) // a news list's datelines (municipality_listdatelines.go)
	aboutSeveral := func(k int) bool {
		// Not on the municipality's own site: a page that gives the
		// candidate's address or carries its logo may well be titled
		// "Kil och Forshaga samverkar". (Service words are no guard: a
		// paper's chrome says "Kontakta" too.)
		e := cands[k].e
		return coordinated[cands[k].muni] && nWords > titleWords && e.address == 0 && e.logo == 0
	}
	// The text reports what others say (read once for both uses below).
	reports := judged && rivals > 0 && a.reportsOnParties(text, words, zones, &tv)
	reportsOnParties := reports && partyRivals > 0
	// A report quoting organisations other than the council's parties
	// (an agency, SKR, a region): see reportedMentions.
	reportsOnRivals := reports && rivals > partyRivals
	var reportedNote [2]bool // candidate k's rivals were taken as a report's sources
	// A tally of the council's seats by party: its members, not rival
	// speakers (municipality_council.go).
	partiesSeated := partyRivals > 0 && !reportsOnParties && a.councilSeats(text, words, zones)
	// Parties' stances in the council's proceedings: its members
	// (municipality_stances.go).
	partiesInCouncil := partyRivals > 0 && !reportsOnParties && !partiesSeated && tv.partyFirst+tv.partyOrgan == 0 && a.councilStances(text, words, zones)
	// The council's electoral coalitions: its members too
	// (municipality_coalition.go).
	partiesAllied := partyRivals > 0 && !reportsOnParties && !partiesSeated && !partiesInCouncil && tv.partyFirst+tv.partyOrgan == 0 && a.councilCoalition(text, words, zones)
	confidence := func(k int) float64 {
		s := cands[k].score
		other, rest := 0.0, 0.0
		for j, c := range cands {
			switch {
			case j == k:
			case other == 0:
				other = c.score
			default:
				rest += c.score
			}
		}
		strength := 1 - math.Exp(-s/scale)
		ceiling := 1.0
		if e := cands[k].e; e.headerStrong == 0 && e.bodyStrong+e.address+e.headerBare+e.bodyBare+e.partner == 1 && nWords > titleWords {
			// One mention in a text longer than a title: an institutional
			// one names the municipality of a short page, but a place
			// named once in passing is too common for the answer to be
			// near certain, and a bare name once is as often a place the
			// text speaks of as the speaker (docs/validity.md).
			switch {
			case e.bodyStrong+e.address == 1:
				strength = min(strength, loneMention)
			case ownVoice > otherVoice:
				strength = min(strength, loneVoiced) // "Kommunen ..." speaks: the name is its own
			case a.distinct[cands[k].muni] && nWords <= shortWords && len(cands) == 1 && rivals == 0 && otherVoice == 0 && e.forms == 0:
				// A distinctive name, the only municipality a short text
				// names, with no rival speaker and no talk of other
				// municipalities: what the text is about (issue 14,
				// round 9).
				strength = min(strength, loneDistinct)
				if k < len(distinctNote) {
					distinctNote[k] = "a distinctive name, the only municipality a short text names"
				}
			default:
				strength = min(strength, loneBare)
			}
		}
		if e := cands[k].e; e.strong() == e.premises && (nWords > titleWords || e.dateline > 0) { // a dateline makes no bare title; a building names no organisation's voice
			// Bare names only, however many: the text never names the
			// municipality as an organisation, gives no address at its
			// domain, so it may be news or another speaker's page about the
			// place. Right often enough for an answer, not for near
			// certainty (docs/validity.md, round 3: 6 of 8 such answers
			// at 0.9 or more were right on dev and silver).
			strength = min(strength, bareOnly)
		}
		if e := cands[k].e; serviceVoice == 0 && e.address == 0 && (nWords > titleWords || reporterVoice > 0) && nWords <= voiceWords {
			// A text of a title's length that reports what someone
			// says ("Det berättar Kommunstyrelsens ordförande …") is a
			// news item, not a title: the same ceiling (round 6, dev
			// o230).
			// The text never addresses its reader nor gives a contact or
			// an address at the municipality's domain: news, a report or
			// another speaker's page about the municipality as often as
			// the municipality's own (docs/validity.md, round 3: 37 of 50
			// such answers right on dev). Since round 8 (news about one
			// municipality is that municipality's) such a text is right
			// about 90% of the time, but a party's or an association's
			// page about the place still reads the same.
			// The cap applies to the confidence, not the evidence: such
			// a text still answers, but never near certainly.
			ceiling = unvoiced
		}
		uncertain := 0.0 // the voice model's probability when the voice is uncertain
		if judged {
			// Someone else writing about the municipality: the voice
			// model (municipality_voice.go) caps the answer below the
			// default threshold.
			m := a.lists.voiceModel
			switch p := m.prob(tv.vector(cands[k].e)); {
			case p >= m.threshold:
				ceiling = min(ceiling, aboutCeiling)
				if k < len(aboutProb) {
					aboutProb[k] = p
				}
			case p >= m.uncertain && nWords <= voiceWords:
				// Like the other voice ceilings, only on page-sized texts:
				// a plan or report never serves its reader with "du" and
				// may quote, so its voice is less sure to begin with
				// (Gislaved's project plan, 1,173 words, 0.28).
				uncertain = p
			}
		}
		if cands[k].e.districtsOnly() || cands[k].e.seatsOnly() {
			ceiling = min(ceiling, districtOnly) // named only by its districts
		}
		if cands[k].e.catalogued > 0 && nWords <= voiceWords {
			// A catalogue entry on the municipality's work (SKR's idea
			// bank): an answer, never near certain (round 9b). Session
			// 26 capped it below the threshold for o216 (SKR on Borås's
			// programme, labelled none) and reverted it: by the owner's
			// rule a text written about one municipality by someone
			// else carries that municipality, so the label is in doubt,
			// and one text does not make a rule.
			ceiling = min(ceiling, unvoiced)
		}
		if aboutSeveral(k) {
			// The title joins it with another municipality: news about
			// several (municipality_coordination.go).
			ceiling = min(ceiling, aboutCeiling)
		}
		if datelinesOnSeveral(datelines, cands[k].muni) {
			// A news list whose items come from several municipalities
			// (municipality_listdatelines.go).
			ceiling = min(ceiling, aboutCeiling)
		}
		if judged && tv.speaksAsParty(cands[k].e) {
			// A party speaking as itself (municipality_voice.go): it
			// writes about the municipality, not for it.
			ceiling = min(ceiling, aboutCeiling)
			partyVoice = true
		}
		if e := cands[k].e; e.strong() == 0 && e.headerBare+e.bodyBare <= fewMentions && otherVoice > ownVoice &&
			!(e.headerBare > 0 && a.distinct[cands[k].muni] && onlyInPassing(cands, k, func(c cand) *muniEvidence { return c.e })) {
			// Talk of municipalities in the plural damps a place named in
			// passing; a title that names a distinctive municipality, the
			// only one the text names but in passing, is not in passing
			// ("Valdemarsvik öppnar upp för ukrainare på flykt", round 9;
			// "Ny filminspelning till Älvsbyn", session 10).
			strength *= otherVoiceDamp
		} else if e.strong() == 0 && e.headerBare+e.bodyBare <= fewMentions && otherVoice > ownVoice && k < len(distinctNote) {
			distinctNote[k] = "a distinctive name in the title, the only municipality named"
			if len(cands) > 1 {
				distinctNote[k] += " but in passing"
			}
		}
		rivalScore := rivalScore
		if e := cands[k].e; reportsOnRivals && e.strong()+e.headerBare+e.bodyBare >= reportedMentions && mostlyAbout(cands, k, func(c cand) *muniEvidence { return c.e }) {
			// A news report on one municipality (named three times or
			// more, any other only in passing) quoting an agency, a
			// region or a party: the organisations are the story's
			// sources and actors, not rival speakers (the owner's rule:
			// news about one municipality is that municipality's).
			rivalScore = 0
			if k < len(reportedNote) {
				reportedNote[k] = true
			}
		} else if reportsOnParties || partiesSeated || partiesInCouncil || partiesAllied {
			rivalScore = wRival * (rivals - partyRivals) // the council's parties are the story's actors, or its members
		}
		if judged && passingPlaces(cands[k].e, ownVoice, otherVoice, tv.we) && onlyInPassing(cands, k, func(c cand) *muniEvidence { return c.e }) {
			other, rest = 0, 0 // places in passing beside the one "kommunen" is (municipality_passing.go)
		}
		against := other + restShare*rest + rivalScore
		lead := s * s / (s*s + against*against)
		if cands[k].e.strong() == 0 && rivalScore > 0 {
			lead *= 0.9 // bare names only, and someone else speaks
		}
		if uncertain > 0 && min(strength*lead, ceiling) > uncertainCeiling {
			// The voice is uncertain: the text may be someone else's (a
			// news site that "tog kontakt med" the municipality, a post
			// quoting its address), so the answer stands but is not near
			// certain (docs/validity.md, round 6: the level is the
			// lowest at which, cross-validated on dev and silver, no
			// text below it that speaks for none answered at 0.9 or more).
			ceiling = uncertainCeiling
			if k < len(uncertainProb) {
				uncertainProb[k] = uncertain
			}
		}
		return float64(int(min(strength*lead, ceiling)*100+0.5)) / 100
	}

	var out Attribution
	for k := 0; k < len(cands) && k < 2; k++ {
		m := a.munis[cands[k].muni]
		out.Candidates[k] = Candidate{Code: m.Code, Name: m.Name, CountyCode: m.CountyCode, CountyName: m.CountyName,
			Confidence: confidence(k), Evidence: describe(cands[k].e)}
		if n := distinctNote[k]; n != "" {
			out.Candidates[k].Evidence += "; " + n
		}
		if p := uncertainProb[k]; p > 0 {
			out.Candidates[k].Evidence += fmt.Sprintf("; may be written about it by someone else (voice %.2f): not near certain", p)
		}
		if p := aboutProb[k]; p > 0 {
			out.Candidates[k].Evidence += fmt.Sprintf("; reads as written about it by someone else (voice %.2f)", p)
		}
		if aboutSeveral(k) {
			out.Candidates[k].Evidence += "; the title joins it with another municipality: about several, not for one"
		}
		if datelinesOnSeveral(datelines, cands[k].muni) {
			out.Candidates[k].Evidence += "; a news list with datelines of several municipalities: about several, not for one"
		}
		if reportsOnParties && !partyVoice {
			out.Candidates[k].Evidence += "; reports what the parties named do and say: actors of the story, not rival speakers"
		}
		if reportedNote[k] {
			out.Candidates[k].Evidence += "; reports what the organisations named say about it: sources of the story, not rival speakers"
		}
		if partiesSeated {
			out.Candidates[k].Evidence += "; lists the council's seats by party: its members, not rival speakers"
		}
		if partiesAllied {
			out.Candidates[k].Evidence += "; names the council's electoral coalitions: the parties are its members, not rival speakers"
		}
		if partiesInCouncil {
			out.Candidates[k].Evidence += "; reports the parties' stances in the council: its members, not rival speakers"
		}
		if partyVoice {
			out.Candidates[k].Evidence += "; speaks as a party or an organisation (\"vi socialdemokrater\", \"vårt valprogram\", \"vi på LRF\"): written about it, not for it"
		}
	}
	if out.Candidates[1].Confidence > out.Candidates[0].Confidence {
		out.Candidates[1].Confidence = out.Candidates[0].Confidence // same score ties, rounding
	}
	if issuer := a.issuer(lay, title); issuer != "" && (len(cands) == 0 || cands[0].e.headerStrong == 0 || a.lists.isParty(issuer)) {
		out.Veto = fmt.Sprintf("issued by %s, not a municipality", issuer)
	}
	var x voiceVector
	if judged {
		x = tv.vector(cands[0].e)
	}
	if len(cands) == 0 {
		// Ambiguous names held back are worth showing when nothing else is.
		for m, e := range ev {
			if n := e.ambiguousBare[0] + e.ambiguousBare[1]; n > 0 && (out.Candidates[0].Code == "" || a.munis[m].Code < out.Candidates[0].Code) {
				mu := a.munis[m]
				out.Candidates[0] = Candidate{Code: mu.Code, Name: mu.Name, CountyCode: mu.CountyCode, CountyName: mu.CountyName, Evidence: describe(e)}
			}
		}
	}
	return out, x, judged && out.Veto == ""
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
	if e.address > 0 {
		parts = append(parts, "an e-mail or web address at its domain")
	}
	if n := e.headerBare - e.districts[0] - e.seats[0]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by bare name in title/front matter", n))
	}
	if n := e.bodyBare - e.districts[1] - e.seats[1]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by bare name in body", n))
	}
	if n := e.districts[0] + e.districts[1]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by its districts (\"Tensta\", \"Hisingen\"; data/attribution/districts.txt)", n))
	}
	if n := e.seats[0] + e.seats[1]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by its seat in its own voice (\"Kinna\"; data/attribution/municipal-seats.txt)", n))
	}
	if n := e.partner; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× as a partner (\"med …\")", n))
	}
	if e.catalogued > 0 {
		parts = append(parts, "as the organisation of a catalogue entry (\"Organisation: …\")")
	}
	if n := e.ambiguousBare[0] + e.ambiguousBare[1]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d× by a name that is also an ordinary word (not counted)", n))
	}
	if len(parts) == 0 {
		return "no countable mentions"
	}
	return strings.Join(parts, ", ")
}

// matchAt reports whether variant v occurs at token i, joined by spaces
// or hyphens only. The first word is capitalised (the caller looks only
// at those); the later words of a name of several may be written in lower
// case, as tag lists and hurried pages do ("Upplands väsby", "Lilla
// edet": issue 14, session 13, dev o486): no such pair means anything
// else.
func (a *MunicipalityAttributor) matchAt(text string, words []word, i int, v nameVariant) bool {
	if i+len(v.words) > len(words) {
		return false
	}
	for k := 1; k < len(v.words); k++ {
		w := words[i+k]
		if w.lower(text) != v.words[k] || !joined(text, words[i+k-1], w) {
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
	if i > 0 && joined(text, words[i-1], words[i]) && a.lists.notBefore[words[i-1].lower(text)] {
		if muni == a.gotland && words[i-1].lower(text) == "region" {
			return mentionStrong
		}
		return mentionNone
	}
	if i > 1 && joined(text, words[i-2], words[i-1]) && joined(text, words[i-1], words[i]) {
		// "kammarrätten i Göteborg", "Högskolan i Gävle": the town a
		// state body sits in (data/attribution/seat-before.txt).
		if p := words[i-1].lower(text); (p == "i" || p == "för") && a.lists.seatBefore[words[i-2].lower(text)] {
			return mentionNone
		}
	}
	if a.coordinatedHead(text, words, i, n) {
		return mentionNone // "Uppsala, Västmanlands och Norrbottens läns landsting"
	}
	j := i + n
	if j < len(words) && joined(text, words[j-1], words[j]) {
		next := words[j].lower(text)
		if a.lists.notAfter[next] || compoundOrganisation(a.lists.notAfterHeads, next) {
			return mentionNone
		}
		if a.lists.institutionAfter[next] {
			return mentionStrong
		}
		for _, p := range a.lists.institutionPrefixes {
			if strings.HasPrefix(next, p) {
				return mentionStrong
			}
		}
	}
	if premisesBefore(text, words, i) {
		return mentionStrong // "Kommunkansliet Nya Rådhuset i Ystad" (municipality_premises.go)
	}
	if steeringDocumentAfter(text, words, i, n) {
		return mentionStrong // "Huddinges kulturpolitiska program" (municipality_docgenitive.go)
	}
	return mentionBare
}

// placeContext reports whether the name at token i stands where a place
// name stands: right after a place word ("i", "från", "för") in the same
// line, that is, not at the start of a sentence and not after another
// capitalised word (a person's first name: "Anna Lund").
func (a *MunicipalityAttributor) placeContext(text string, words []word, i int) bool {
	if i == 0 {
		return false
	}
	p := words[i-1]
	if i >= 3 && !p.upper && p.lower(text) == "och" && words[i-2].upper && !words[i-3].upper &&
		sameLine(text, words[i-3], words[i-2]) && sameLine(text, p, words[i]) && sameLine(text, words[i-2], p) {
		// The second of two places in one place phrase ("till Sverige
		// och Dorotea", "i Lund och Mora") is a place like the first;
		// a genitive before a noun is not ("om Lund och Lunds
		// studentliv": the student life, not a place).
		if n := words[i]; strings.HasSuffix(text[n.start:n.end], "s") && i+1 < len(words) && !words[i+1].upper && sameLine(text, n, words[i+1]) {
			return false
		}
		p = words[i-3]
		return a.lists.place[p.lower(text)]
	}
	if p.upper {
		// A preposition that opens a sentence ("I Skara är ...").
		return a.sentenceOpensPlace(text, words, i) && sameLine(text, p, words[i])
	}
	if !a.lists.place[p.lower(text)] {
		return false
	}
	return sameLine(text, p, words[i])
}

// sameLine reports whether only spaces stand between two adjacent words.
func sameLine(text string, a, b word) bool {
	return onlySpaces(text[a.end:b.start]) // strings.Trim(gap, " \u00a0") == "", without decoding runes
}

// issuer returns a non-municipal author named at the start of a title or
// front-matter line (or after "från", "av"), or a party named anywhere in
// one, or "". Body sentences that start with an agency
// ("Migrationsverket anvisar ...") are not authorship.
func (a *MunicipalityAttributor) issuer(lay docLayout, title []bool) string {
	for i, isTitle := range title {
		if !isTitle {
			if i < lay.bodyStart && !lay.lines[i].noise {
				// The first line that ends like a sentence ends the front
				// matter: a heading further down ("Arbetsförmedlingens
				// etableringsprogram") is a topic, not the author.
				break
			}
			continue
		}
		line := lay.lines[i].text
		// issuerRe finds an author at the line's start or after "från",
		// "av", "utgiven av", "utgivare" (any case). A line without "fr",
		// "av" or "utg" in any case (none of these letters has a case
		// partner outside ASCII) can hold a match only at its start:
		// the anchored issuerStartRe gives the same match without trying
		// every byte of the line, most of the issuer's cost.
		re := a.lists.issuerStartRe
		if hasIssuerPrefix(line) {
			re = a.lists.issuerRe
		}
		if m := a.lists.findIssuer(re, line); m != nil {
			if strings.HasPrefix(m[1], "Region ") && strings.Contains(m[1], "Gotland") || a.municipalRegion(strings.ToLower(m[1])) {
				continue
			}
			if a.headlineSubject(line, m) || relayedMessage(line, m) {
				continue // a headline's subject; a message relayed to its addressees (municipality_relayed.go)
			}
			return m[1]
		}
		if a.mayNameParty(line) {
			if m := a.lists.partyRe.FindStringSubmatch(line); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// headlineSubject reports whether issuer match m opens line as the
// subject of a clause: the name, then a finite modal verb
// (issuer-clause-verbs.txt): "Riksdagen kan ta över Hebyfrågan" is a
// headline about what the Riksdag may do, not a line naming the author,
// as "Länsstyrelsen i Uppsala län" or "Migrationsverket" alone does.
func (a *MunicipalityAttributor) headlineSubject(line string, m []string) bool {
	if !strings.HasPrefix(line, m[0]) || !strings.HasPrefix(m[0], m[1]) {
		return false // "Rapport från Länsstyrelsen": the author after "från"
	}
	next, _, _ := strings.Cut(strings.TrimSpace(line[len(m[0]):]), " ")
	return a.lists.issuerClauseVerbs[strings.ToLower(next)]
}

// hasIssuerPrefix reports whether line may hold one of issuerRe's words
// before a name followed by a space, `(?i:från|av|utgiven av|utgivare:?)\s+`:
// "av" and "från" in any case with a space (\s: tab, line break, form
// feed, carriage return, space) after them, or "utg" in any case. Of
// their letters only å has case partners outside ASCII (Å, U+212B
// ANGSTROM SIGN; unicode.SimpleFold), accepted here too to be safe; a
// line this rejects has no such word.
func hasIssuerPrefix(line string) bool {
	space := func(k int) bool {
		if k >= len(line) {
			return false
		}
		switch line[k] {
		case ' ', '\t', '\n', '\f', '\r':
			return true
		}
		return false
	}
	for i := 0; i+1 < len(line); i++ {
		switch line[i] | 0x20 {
		case 'a':
			if line[i+1]|0x20 == 'v' && space(i+2) {
				return true
			}
		case 'f':
			if line[i+1]|0x20 != 'r' {
				continue
			}
			k := i + 2
			switch rest := line[k:]; {
			case strings.HasPrefix(rest, "å"), strings.HasPrefix(rest, "Å"):
				k += len("å")
			case strings.HasPrefix(rest, "\u212b"):
				k += len("\u212b")
			default:
				continue
			}
			if k < len(line) && line[k]|0x20 == 'n' && space(k+1) {
				return true
			}
		case 'u':
			if i+2 < len(line) && line[i+1]|0x20 == 't' && line[i+2]|0x20 == 'g' {
				return true
			}
		}
	}
	return false
}

// mayNameParty reports whether line may hold a match of partyRe: a party
// of the list is written in it as listed, or "partiet" closes a word. Both
// survive lower-casing (rune by rune), so the lower-cased line holds a
// listed party's lower-case name or "partiet"; a line that holds neither
// is not given to the expression, which tried every byte of it.
func (a *MunicipalityAttributor) mayNameParty(line string) bool {
	var small [256]byte
	lower := appendLower(small[:0], line)
	if bytes.Contains(lower, []byte("partiet")) {
		return true
	}
	var name [64]byte // []byte(p) allocated for a name over 32 bytes, on every line
	for p := range a.lists.parties {
		if bytes.Contains(lower, append(name[:0], p...)) {
			return true
		}
	}
	return false
}

// inhabitantSuffixes turn a name into its inhabitants ("Vännäsbor",
// "Bjurholmsborna").
var inhabitantSuffixes = []string{"borna", "bornas", "bor", "bo", "bygden", "bygdens"}

// inhabitants reports which municipality an inhabitant word (lower case)
// is made from: a one-word name that is not an ordinary word, with or
// without the genitive s, and a suffix.
func (a *MunicipalityAttributor) inhabitants(w string) (int, bool) {
	for _, suf := range inhabitantSuffixes {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		for _, v := range a.byFirst[stem] {
			if len(v.words) == 1 && !a.ambiguous[v.muni] {
				return v.muni, true
			}
		}
	}
	return 0, false
}

// municipalRegion reports whether a lower-case word is a municipality's
// name with -regionen ("umeåregionen", "göteborgsregionens"): a
// cooperation of several municipalities, named on each member's pages,
// not a region that speaks for no municipality ("västra
// götalandsregionen").
func (a *MunicipalityAttributor) municipalRegion(w string) bool {
	w = strings.TrimSuffix(w, "s")
	stem, ok := strings.CutSuffix(w, "regionen")
	if !ok || stem == "" {
		return false
	}
	for _, v := range a.byFirst[stem] {
		if len(v.words) == 1 {
			return true
		}
	}
	return false
}

// municipalDomains maps the name part of each municipality's likely
// domain to it: the name folded to ASCII (å, ä → a, ö → o, é → e) with
// spaces dropped or hyphenated, alone and with "kommun" ("vasteras.se",
// "upplandsvasby.se", "upplands-bro.se", "habokommun.se"). Names whose
// folded forms collide are left out: an address cannot tell them apart.
func municipalDomains(munis []registry.Municipality) map[string]int {
	fold := strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "ü", "u")
	out := map[string]int{}
	clash := map[string]bool{}
	for i, m := range munis {
		words := splitWords(fold.Replace(strings.ToLower(m.Name)))
		if len(words) == 0 {
			continue
		}
		for _, base := range []string{strings.Join(words, ""), strings.Join(words, "-")} {
			for _, d := range []string{base, base + "kommun"} {
				if j, ok := out[d]; ok && j != i {
					clash[d] = true
				}
				out[d] = i
			}
		}
	}
	for d := range clash {
		delete(out, d)
	}
	return out
}

// addressedMunicipalities returns, in order of first appearance, the
// municipalities at whose domain the text gives an e-mail address
// ("x@kil.se") or a web address ("www.kil.se", "https://kil.se/..."),
// outside noise lines.
func (a *MunicipalityAttributor) addressedMunicipalities(text string, lay docLayout) []int {
	var out []int
	seen := map[int]bool{}
	for _, l := range lay.lines {
		if l.noise || !strings.Contains(l.text, ".se") {
			continue
		}
		for i := 0; i < len(l.text); i++ {
			var host string
			switch {
			case l.text[i] == '@':
				host = hostAt(l.text[i+1:])
			case strings.HasPrefix(l.text[i:], "www.") && (i == 0 || !isHostByte(l.text[i-1])):
				host = hostAt(l.text[i+4:])
			case strings.HasPrefix(l.text[i:], "://"):
				host = strings.TrimPrefix(hostAt(l.text[i+3:]), "www.")
			default:
				continue
			}
			name, ok := strings.CutSuffix(strings.ToLower(host), ".se")
			if !ok || strings.Contains(name, ".") {
				continue // not a Swedish second-level domain: "x.kil.se" is a subsite, left out too
			}
			if m, ok := a.domains[name]; ok && !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// hostAt returns the host name at the start of s, without a final dot
// ("kil.se." at the end of a sentence).
func hostAt(s string) string {
	n := 0
	for n < len(s) && isHostByte(s[n]) {
		n++
	}
	return strings.TrimRight(s[:n], ".")
}

func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}
