package analysis

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// The attributor's word lists are data (data/attribution/*.txt, each file
// says what it holds), embedded in the binary: changing which names are
// ordinary words or which organisations speak for no municipality is an
// edit of a text file, not of code.
//
//go:embed data/attribution/*.txt
var attributionData embed.FS

// attributionLists are the parsed word lists.
type attributionLists struct {
	ambiguous           map[string]bool // lower-case municipality names that are also ordinary words
	place               map[string]bool // words that make the next capitalised name a place
	partner             map[string]bool // words that make the next name a partner of the speaker
	notAfter, notBefore map[string]bool // words that make a name something other than the municipality
	notAfterHeads       []string        // the notAfter words also looked for as a compound's head (municipality_orgunits.go)
	memberBodies        map[string]bool // "samordningsförbundet" (Västerås): a body of municipal cooperation (municipality_memberbody.go)
	seatBefore          map[string]bool // "kammarrätten" (i Göteborg): a state body the name is the seat of
	seatWords           map[string]bool // "platser", "mandat": the nouns of a council seat count (municipality_council.go)
	stanceWords         map[string]bool // "yrkade", "ville": a party's stance in a council's proceedings (municipality_stances.go)
	councilBodies       map[string]bool // "kommunfullmäktige": the bodies whose proceedings those stances are taken in
	coalitionWords      map[string]bool // "valteknisk": a council's electoral coalition (municipality_coalition.go)
	institutionAfter    map[string]bool // "kommun", "stad"
	institutionPrefixes []string        // "kommunfullmäktige", ...
	// rivals: lower-case first word -> rival speakers' names as lower-case
	// word sequences, longest first.
	rivals   map[string][]rivalName
	parties  map[string]bool   // lower-case party names from the list
	aliases  map[string]string // other name -> SCB code
	issuerRe *regexp.Regexp    // a non-municipal author at a line's start or after "från"/"av"
	partyRe  *regexp.Regexp    // a party anywhere in a line
	// signedRe is a signature line naming a party in any case
	// ("Jonathan Lilja, civilpolitisk talesperson Liberala
	// Ungdomsförbundet."): the text is signed as a party's (round 9b).
	signedRe *regexp.Regexp
	// issuerStartRe is issuerRe held to the line's start (issuer).
	issuerStartRe *regexp.Regexp
	// issuerClauseVerbs are the verbs after which an issuer's name at a
	// line's start is the subject of a headline, not its author
	// (issuer-clause-verbs.txt).
	issuerClauseVerbs map[string]bool
	// voice and voiceModel judge who is writing (municipality_voice.go).
	voice      *voiceLists
	voiceModel *voiceModel
	// voiceFirst marks the ASCII bytes the four voice lists' words
	// start with: a word that starts with any other ASCII byte is in
	// neither, and is not lowered to be looked up (every word of a text
	// was, a third of attribution's time).
	voiceFirst [utf8.RuneSelf]bool
	// voiceClasses: the voice lists a lower-case word is on (voiceclass.go).
	voiceClasses map[string]voiceClass
	// embedded: these are the embedded lists (embeddedLists), whose
	// classes word forms cache (classOf).
	embedded bool
	// issuerNames are other-speakers.txt's names as written, which
	// mayNameIssuer looks for before issuerRe is run (issuerfilter.go).
	issuerNames []string
}

// embeddedLists are the embedded lists, parsed once on first use and
// never changed: every attributor shares them read-only. Not parsed at
// start-up: a process that attributes nothing (styrdok text, version)
// should not pay the ~4 ms their expressions take to compile.
var embeddedLists = sync.OnceValue(mustParseAttributionLists)

func mustParseAttributionLists() *attributionLists {
	l, err := parseAttributionLists(attributionData)
	if err != nil {
		// The embedded lists are checked by a test; failing here means a
		// broken build, not bad input.
		panic(err)
	}
	l.embedded = true
	return l
}

// parsedOnce returns the embedded list parse reads, parsed on first use
// and shared read-only after. The embedded lists are checked by tests:
// failing here means a broken build, not bad input.
func parsedOnce[T any](parse func(fs.FS) (T, error)) func() T {
	return sync.OnceValue(func() T {
		v, err := parse(attributionData)
		if err != nil {
			panic(err)
		}
		return v
	})
}

// readList returns the non-comment lines of one list file, trimmed
// (dataLines, shared with the word lists of data/lists).
func readList(fsys fs.FS, name string) ([]string, error) {
	return dataLines(fsys, "data/attribution/"+name, "attribution list "+name)
}

func parseAttributionLists(fsys fs.FS) (*attributionLists, error) {
	l := &attributionLists{rivals: map[string][]rivalName{}, parties: map[string]bool{}, aliases: map[string]string{}}
	sets := []struct {
		file string
		dst  *map[string]bool
	}{
		{"ambiguous-names.txt", &l.ambiguous}, {"place-words.txt", &l.place}, {"partner-words.txt", &l.partner},
		{"not-municipality-after.txt", &l.notAfter}, {"not-municipality-before.txt", &l.notBefore},
		{"institution-after.txt", &l.institutionAfter}, {"seat-before.txt", &l.seatBefore},
		{"seat-words.txt", &l.seatWords}, {"issuer-clause-verbs.txt", &l.issuerClauseVerbs},
	}
	for _, s := range sets {
		words, err := readList(fsys, s.file)
		if err != nil {
			return nil, err
		}
		m := map[string]bool{}
		for _, w := range words {
			if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
				return nil, fmt.Errorf("attribution list %s: %q: want one lower-case word a line", s.file, w)
			}
			m[w] = true
		}
		*s.dst = m
	}
	l.notAfterHeads = compoundHeads(l.notAfter)
	if err := l.readStanceWords(fsys); err != nil {
		return nil, err
	}
	if err := l.readMemberBodies(fsys); err != nil {
		return nil, err
	}
	err := l.readVoiceClasses(fsys)
	if err != nil {
		return nil, err
	}
	if l.institutionPrefixes, err = readList(fsys, "institution-prefixes.txt"); err != nil {
		return nil, err
	}
	aliases, err := readList(fsys, "aliases.txt")
	if err != nil {
		return nil, err
	}
	for _, a := range aliases {
		name, code, ok := strings.Cut(a, "\t")
		if !ok || len(strings.TrimSpace(code)) != 4 {
			return nil, fmt.Errorf("attribution list aliases.txt: %q: want NAME<TAB>4-digit code", a)
		}
		l.aliases[strings.TrimSpace(name)] = strings.TrimSpace(code)
	}
	speakers, err := readList(fsys, "other-speakers.txt")
	if err != nil {
		return nil, err
	}
	var names, parties []string
	for _, s := range speakers {
		rival, party, partnerLike := false, false, false
		switch s[0] {
		case '*':
			rival, s = true, strings.TrimSpace(s[1:])
		case '~':
			rival, partnerLike, s = true, true, strings.TrimSpace(s[1:])
		case '+':
			rival, party, s = true, true, strings.TrimSpace(s[1:])
		}
		if s == "" {
			return nil, fmt.Errorf("attribution list other-speakers.txt: a marker without a name")
		}
		names, l.issuerNames = append(names, regexp.QuoteMeta(s)), append(l.issuerNames, s)
		if party {
			parties = append(parties, regexp.QuoteMeta(s))
			l.parties[strings.ToLower(s)] = true
		}
		if rival {
			ws := splitWords(strings.ToLower(s))
			w := 1.0
			if partnerLike {
				w = partnerRival
			}
			l.rivals[ws[0]] = append(l.rivals[ws[0]], rivalName{ws, w})
		}
	}
	for k, vs := range l.rivals {
		for i := 1; i < len(vs); i++ { // longest first
			for j := i; j > 0 && len(vs[j].words) > len(vs[j-1].words); j-- {
				vs[j], vs[j-1] = vs[j-1], vs[j]
			}
		}
		l.rivals[k] = vs
	}
	// generic's literal words are issuerGenericWords (issuerfilter.go).
	generic := `Landstinget(?:\s+\p{Lu}\p{L}+)?|Region\s+\p{Lu}\p{L}+|(?:\p{Lu}\p{L}+\s)?\p{Lu}\p{L}*regionen|\p{Lu}\p{L}*myndigheten|\p{Lu}\p{L}*partiet`
	l.issuerRe = regexp.MustCompile(`(?:^|(?i:från|av|utgiven av|utgivare:?)\s+)(` + strings.Join(names, "|") + `|` + generic + `)s?(?:[^\p{L}]|$)`)
	// The same expression with the match held to the line's start: what
	// issuerRe can find in a line without "från", "av", "utgivare".
	l.issuerStartRe = regexp.MustCompile(`^(` + strings.Join(names, "|") + `|` + generic + `)s?(?:[^\p{L}]|$)`)
	l.signedRe = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+, .*(?:^|[^\p{L}])(?i:` + strings.Join(append(parties, `\p{L}*partiet`), "|") + `)s?(?:[^\p{L}]|$)`)
	l.partyRe = regexp.MustCompile(`(?:^|[^\p{L}])(` + strings.Join(append(parties, `\p{Lu}\p{L}*partiet`), "|") + `)s?(?:[^\p{L}]|$)`)
	if l.voice, err = parseVoiceLists(fsys, l.voiceClasses); err != nil {
		return nil, err
	}
	if l.voiceModel, err = parseVoiceModel(fsys); err != nil {
		return nil, err
	}
	return l, nil
}

// isParty reports whether an issuer found by issuerRe or partyRe is a
// party: a party writes about a municipality's policy without speaking
// for it, even when its front matter names the municipality.
func (l *attributionLists) isParty(name string) bool {
	name = strings.TrimSuffix(name, "s")
	return l.parties[strings.ToLower(name)] || strings.HasSuffix(name, "partiet")
}

// mayBeVoice reports whether a word whose first byte is c may be one of
// the ownVoice, otherVoice, serviceVoice or reporterVoice words: false only when c is an ASCII byte
// that lower-cased starts none of them (a non-ASCII first byte may).
func (l *attributionLists) mayBeVoice(c byte) bool {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c >= utf8.RuneSelf || l.voiceFirst[c]
}

// rivalName is a rival speaker's name as lower-case words, with the
// weight of one mention.
type rivalName struct {
	words  []string
	weight float64
}

// partnerRival is the weight (against 1 for the government, a party or
// an association) of a county board or region named in the body: they
// work with every municipality, whose pages name them as partners.
const partnerRival = 0.5

// rivalAt returns how many tokens a rival speaker named at token i spans
// (0: none) and the mention's weight: a listed name ("Regeringen",
// "Länsstyrelsen i ..." counts its first word), "Region X" other than
// Gotland, a word ending in -regionen or -partiet, a student nation.
// first is token i in lower case.
func (l *attributionLists) rivalAt(text string, words []word, i int, first string) (int, float64) {
	base := strings.TrimSuffix(first, "s")
	if strings.HasSuffix(base, "partiet") {
		return 1, 1
	}
	if strings.HasSuffix(base, "regionen") {
		return 1, partnerRival // "Umeåregionen" too: the caller has left out municipal cooperations (municipalRegion)
	}
	if i+1 < len(words) && joined(text, words[i], words[i+1]) {
		if next := words[i+1].lower(text); next == "nation" || next == "nations" || next == "nationen" {
			return 2, 1 // a student nation ("Kalmar nation") is an association
		}
	}
	if first == "region" && i+1 < len(words) && words[i+1].upper && joined(text, words[i], words[i+1]) {
		if words[i+1].lower(text) == "gotland" || words[i+1].lower(text) == "gotlands" {
			return 0, 0
		}
		return 2, partnerRival
	}
	if l.on(text, words[i], first, onMemberBody) { // memberBodies[base]
		if n := l.memberBodyAt(text, words, i, base); n > 0 {
			return n, partnerRival // "Samordningsförbundet Västerås": a body of its members (municipality_memberbody.go)
		}
	}
	for k, key := range [...]string{first, base} {
		if !l.on(text, words[i], first, [...]listBits{onRival, onRivalBase}[k]) {
			continue // rivals[key] names none
		}
		for _, r := range l.rivals[key] {
			ws := r.words
			if i+len(ws) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(ws) && ok; k++ {
				w := words[i+k].lower(text)
				ok = (w == ws[k] || (k == len(ws)-1 && w == ws[k]+"s")) && joined(text, words[i+k-1], words[i+k])
			}
			if ok {
				return len(ws), r.weight
			}
		}
	}
	return 0, 0
}

// partnerBefore reports whether the name at token i follows a partner
// word ("med", "tillsammans med") on the same line.
func (l *attributionLists) partnerBefore(text string, words []word, i int) bool {
	if i == 0 {
		return false
	}
	p := words[i-1]
	return !p.upper && l.partner[p.lower(text)] && strings.Trim(text[p.end:words[i].start], " \u00a0") == ""
}

// readStanceWords reads council-stance-words.txt: the stance words, then,
// after the line "@council", the council bodies (municipality_stances.go),
// and after "@coalition" the words of a council's electoral coalitions
// (municipality_coalition.go).
func (l *attributionLists) readStanceWords(fsys fs.FS) error {
	const file = "council-stance-words.txt"
	lines, err := readList(fsys, file)
	if err != nil {
		return err
	}
	l.stanceWords, l.councilBodies, l.coalitionWords = map[string]bool{}, map[string]bool{}, map[string]bool{}
	dst := l.stanceWords
	for _, w := range lines {
		switch w {
		case "@council":
			dst = l.councilBodies
			continue
		case "@coalition":
			dst = l.coalitionWords
			continue
		}
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			return fmt.Errorf("attribution list %s: %q: want one lower-case word a line", file, w)
		}
		dst[w] = true
	}
	if len(l.stanceWords) == 0 || len(l.councilBodies) == 0 {
		return fmt.Errorf("attribution list %s: want stance words, then \"@council\" and council bodies", file)
	}
	return nil
}
