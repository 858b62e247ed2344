package analysis

import (
	"strings"
)

// Modality says how binding a sentence is (docs/domain.md, "Modality").
type Modality string

// Modalities, from most to least binding. The order is the precedence
// when a sentence holds several: a sentence that binds someone anywhere
// in its main clauses is a commitment even if it also recommends or
// strives.
const (
	// ModCommitment: ska, skall, måste ("Kommunen ska erbjuda ...").
	ModCommitment Modality = "commitment"
	// ModRecommendation: bör, borde, behöver ("Nämnderna bör mäta ...").
	ModRecommendation Modality = "recommendation"
	// ModIntent: verka för, sträva efter, arbeta för, medverka till,
	// eftersträva, ha som mål, vill, avser — also when a modal governs
	// them: "ska verka för" promises only to strive, so it stays soft.
	ModIntent Modality = "intent"
	// ModPossibility: kan, kunna ("Detta kan göras genom ...").
	ModPossibility Modality = "possibility"
	// ModDescription: no modal marker in a main clause.
	ModDescription Modality = "description"
)

// Modalities lists the classes in precedence order.
var Modalities = []Modality{ModCommitment, ModRecommendation, ModIntent, ModPossibility, ModDescription}

func (m Modality) rank() int {
	switch m {
	case ModCommitment:
		return 4
	case ModRecommendation:
		return 3
	case ModIntent:
		return 2
	case ModPossibility:
		return 1
	}
	return 0
}

// modalVerbs maps the finite and infinitive forms of the Swedish modal
// verbs to what they signal. Past and conditional forms (skulle, kunde)
// report or hypothesise rather than bind, and are left out. The list is
// data/lists/modal-verbs.tsv.
var modalVerbs = lazyList(modalVerbList)

// subordinators open a subordinate clause whose modal verb belongs to a
// purpose, a condition or a complement, not to what the document
// commits to: "för att integrationen ska lyckas", "verka för att alla
// ska bemötas", "sådant som kommunen kan göra".
var subordinators = map[string]bool{
	"att": true, "som": true, "om": true, "när": true, "där": true, "eftersom": true, "medan": true,
	"innan": true, "tills": true, "ifall": true, "huruvida": true, "vilket": true, "vilka": true,
	"vad": true, "hur": true, "såvida": true, "fast": true, "emedan": true,
}

// invertedSubjects follow a modal that opens a main clause after a
// fronted clause (V2 order: "För att X ska fungera ska en plan tas
// fram", "Som nyanländ ska ett boende erbjudas"); in a subordinate
// clause the subject comes before the modal instead.
var invertedSubjects = map[string]bool{
	"det": true, "den": true, "de": true, "dessa": true, "denna": true, "detta": true, "en": true, "ett": true,
	"vi": true, "man": true, "han": true, "hon": true, "jag": true, "ni": true, "alla": true, "varje": true,
	"kommunen": true, "nämnden": true, "nämnderna": true,
}

// finiteVerbs are common present and past forms that end a subordinate
// clause's verb slot, so a later modal belongs to the main clause again
// ("Nämnder som arbetar med utbildningsfrågor skall bredda ...").
var finiteVerbs = map[string]bool{
	"är": true, "var": true, "har": true, "hade": true, "finns": true, "fanns": true, "blir": true, "blev": true,
	"får": true, "fick": true, "gör": true, "gjorde": true, "går": true, "ger": true, "gav": true, "sker": true,
	"skedde": true, "kommer": true, "behövs": true, "gäller": true, "står": true, "ligger": true, "innebär": true,
	"handlar": true, "bor": true, "lever": true, "möter": true, "saknas": true, "trivs": true, "leder": true,
	"bidrar": true, "fungerar": true, "ingår": true, "arbetar": true, "verkar": true, "tar": true, "ser": true,
}

// pronounSubjects are subjects after which a word in -ar/-er is the
// clause's finite verb ("som arbetar", "att de bor").
var pronounSubjects = map[string]bool{
	"som": true, "jag": true, "du": true, "han": true, "hon": true, "vi": true, "ni": true, "de": true,
	"den": true, "det": true, "man": true,
}

// softAdverbs may stand between a modal and its verb, or inside an intent
// phrase ("ska aktivt verka för", "arbeta aktivt för").
var softAdverbs = map[string]bool{
	"aktivt": true, "även": true, "också": true, "inte": true, "därför": true, "alltid": true, "särskilt": true,
	"självfallet": true, "dock": true, "primärt": true, "tydligt": true, "proaktivt": true, "fortsatt": true,
	"vidare": true, "gemensamt": true, "kontinuerligt": true, "systematiskt": true, "snarast": true,
	"tillsammans": true, "ytterligare": true, "främst": true,
	"fortsättningsvis": true, "långsiktigt": true, "medvetet": true, "målmedvetet": true, "alltså": true,
}

// prepositions open an adverbial between a modal and its verb ("skall
// genom sina åtaganden verka för", "bör i samverkan med X analysera").
var prepositions = map[string]bool{
	"i": true, "genom": true, "utan": true, "med": true, "inom": true, "för": true, "på": true, "under": true,
	"enligt": true, "efter": true, "vid": true, "av": true, "från": true, "mellan": true, "bland": true,
	"hos": true, "utifrån": true, "tillsammans": true, "inför": true, "mot": true, "till": true,
}

// intentVerbs are the verbs of soft intent with the particle each needs
// ("" for none): verka för, sträva efter/mot/till, arbeta för, medverka
// till, eftersträva, sikta mot/på (data/lists/intent-verbs.tsv).
var intentVerbs = lazyList(intentVerbList)

// wordClass is what modality reads of one lower-case word: the modal it
// is (modalVerbs), the particles it needs as an intent verb (intentVerbs)
// and the other word lists it is on. Analyze takes it from the word's
// form (worked out once per form) instead of looking the word up in every
// list at every token.
type wordClass struct {
	modal  Modality // "" for none
	intent []string // the particles it needs ("" for none), when it is an intent verb (isIntentVerb)
	bits   uint8
}

const (
	isSubordinator uint8 = 1 << iota
	isInvertedSubject
	isFiniteVerb
	isPronounSubject
	isSoftAdverb
	isPreposition
	isIntentVerb
)

// classOf looks w up in modality's word lists.
func classOf(w string) wordClass {
	c := wordClass{modal: modalVerbs()[w]}
	for _, l := range [...]struct {
		set map[string]bool
		bit uint8
	}{{subordinators, isSubordinator}, {invertedSubjects, isInvertedSubject}, {finiteVerbs, isFiniteVerb},
		{pronounSubjects, isPronounSubject}, {softAdverbs, isSoftAdverb}, {prepositions, isPreposition}} {
		if l.set[w] {
			c.bits |= l.bit
		}
	}
	if parts, ok := intentVerbs()[w]; ok {
		c.intent, c.bits = parts, c.bits|isIntentVerb
	}
	return c
}

func (c wordClass) is(bit uint8) bool { return c.bits&bit != 0 }

// clause is a segment's words for modality: lower-case forms, their
// classes and whether a clause boundary (a comma, a cell) comes before
// each.
type clause struct {
	words    []string
	class    []wordClass
	boundary []bool
}

// intentAt reports whether an intent phrase starts at word i, and the
// index just after it. "ha som mål/målsättning/ambition" counts too.
func (c clause) intentAt(i int) (int, bool) {
	words := c.words
	w := words[i]
	if c.class[i].is(isIntentVerb) {
		parts := c.class[i].intent
		for k := i + 1; k < len(words) && k <= i+3; k++ {
			for _, p := range parts {
				if p == "" {
					return i + 1, true
				}
				if words[k] == p {
					return k + 1, true
				}
			}
			if !c.class[k].is(isSoftAdverb) {
				break
			}
		}
		for _, p := range parts {
			if p == "" {
				return i + 1, true
			}
		}
		return 0, false
	}
	if (w == "ha" || w == "har") && i+2 < len(words) && words[i+1] == "som" {
		switch words[i+2] {
		case "mål", "målsättning", "ambition", "ambitionen", "avsikt", "syfte", "utgångspunkt":
			return i + 3, true
		}
	}
	return 0, false
}

// ClassifyModality returns how binding a sentence (or a table row, whose
// cells are read as separate clauses) is. Only main-clause markers count:
// a modal right after a subordinator belongs to a purpose or complement
// clause ("för att integrationen ska lyckas"). A modal that governs an
// intent verb is an intent ("ska verka för"); one that coordinates an
// ordinary verb with an intent verb ("ska arbeta rättssäkert och verka
// för") is still a commitment, since it binds to the first. A question
// binds nobody and is a description.
func ClassifyModality(text string) Modality {
	text = strings.TrimSpace(text)
	return classifyTokens(text, 0, tokenize(text, 0, nil)) // no stems needed
}

// classifyTokens is ClassifyModality on a segment's tokens, made once by
// Analyze for matching too; text starts at byte offset base.
func classifyTokens(text string, base int, toks []Token) Modality {
	return classifyTokensWith(text, base, toks, &modalityScratch{})
}

// modalityScratch is classifyTokens' working space, reused from segment
// to segment by Analyze (two slices per segment were 50 MB of garbage on
// 2,000 documents).
type modalityScratch struct {
	words    []string
	class    []wordClass
	boundary []bool
}

// classifyTokensWith is classifyTokens using sc's space.
func classifyTokensWith(text string, base int, toks []Token, sc *modalityScratch) Modality {
	if strings.HasSuffix(strings.TrimSpace(text), "?") {
		return ModDescription
	}
	if cap(sc.words) < len(toks) {
		sc.words, sc.class, sc.boundary = make([]string, len(toks)), make([]wordClass, len(toks)), make([]bool, len(toks))
	}
	words, class, boundary := sc.words[:len(toks)], sc.class[:len(toks)], sc.boundary[:len(toks)]
	defer clear(words) // no document's text stays alive through the scratch
	for i, t := range toks {
		// the written form: Lower carries a coordinated compound's head
		switch {
		case strings.HasSuffix(t.Text, "-"):
			words[i] = strings.ToLower(strings.TrimSuffix(t.Text, "-"))
			class[i] = classOf(words[i])
		case t.form != nil:
			words[i], class[i] = t.Lower, t.form.class
		default:
			words[i] = t.Lower
			class[i] = classOf(words[i])
		}
		gapStart := base
		if i > 0 {
			gapStart = toks[i-1].End
		}
		boundary[i] = i == 0 || hasClauseMark(text[gapStart-base:t.Start-base])
		if i > 0 && t.Cell != toks[i-1].Cell {
			boundary[i] = true
		}
	}
	best := ModDescription
	note := func(m Modality) {
		if m.rank() > best.rank() {
			best = m
		}
	}
	c := clause{words: words, class: class, boundary: boundary}
	pending := 0 // words left in which a subordinate clause's modal may come
	for i := 0; i < len(words); i++ {
		w := words[i]
		if boundary[i] {
			pending = 0
		}
		if class[i].is(isSubordinator) {
			pending = 12
			continue
		}
		if m := class[i].modal; m != "" {
			inverted := i+1 < len(words) && class[i+1].is(isInvertedSubject)
			if pending > 0 && !inverted {
				pending = 0 // the subordinate clause's own modal
				continue
			}
			pending = 0
			note(c.governed(i, m))
			continue
		}
		if pending > 0 {
			if class[i].is(isFiniteVerb) || (i > 0 && class[i-1].is(isPronounSubject) && (strings.HasSuffix(w, "ar") || strings.HasSuffix(w, "er"))) {
				pending = 0
			} else {
				pending--
			}
			continue
		}
		if end, ok := c.intentAt(i); ok {
			note(ModIntent)
			i = end - 1
		}
	}
	return best
}

// hasClauseMark is strings.ContainsAny(gap, ",;:|()\t") as a byte loop:
// the marks are ASCII, which no byte of a multi-byte rune is, and the
// gap between two words is mostly one space, for which ContainsAny's
// general path (a rune search of the set per rune) cost more than the
// loop (TestClauseMark).
func hasClauseMark(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ',', ';', ':', '|', '(', ')', '\t':
			return true
		}
	}
	return false
}

// governed returns what the modal at i signals together with the verb it
// governs: an intent phrase in its verb slot (after adverbs and
// adverbials, before any subordinator) makes it an intent, unless the
// intent phrase is coordinated after an ordinary verb.
func (c clause) governed(i int, m Modality) Modality {
	words := c.words
	if m == ModPossibility && i+1 < len(words) && (words[i+1] == "kunna") {
		return m
	}
	first := -1
	for j := i + 1; j < len(words) && j <= i+10; j++ {
		if j > i+1 && c.boundary[j] {
			break
		}
		w := words[j]
		if c.class[j].is(isSubordinator) && w != "som" || c.class[j].modal != "" {
			break
		}
		if first < 0 && !c.class[j].is(isSoftAdverb) {
			first = j
		}
		if _, ok := c.intentAt(j); ok {
			if j != first && (words[j-1] == "och" || words[j-1] == "samt") && !c.class[first].is(isPreposition) {
				return m // "ska arbeta rättssäkert och verka för"
			}
			return ModIntent
		}
	}
	return m
}

// classifySegments gives every segment its modality and counts the
// content segments (navigation left out) of each class.
func classifySegments(segs []Sentence, classify func(i int) Modality) ([]Modality, map[Modality]int) {
	out := make([]Modality, len(segs))
	counts := map[Modality]int{}
	for _, m := range Modalities {
		counts[m] = 0
	}
	for i, s := range segs {
		out[i] = classify(i)
		if s.Kind.counted() {
			counts[out[i]]++
		}
	}
	return out, counts
}
