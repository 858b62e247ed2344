package analysis

import (
	"io/fs"
	"strings"
)

// A page of one municipality often names another as the place of someone
// else's event: Härjedalen's page "Omval i Falun 2019 - rösta i
// Härjedalen" names Falun in its title and "kommunfullmäktige i Falu
// kommun" twice, and itself twice, as the one that acts: "erbjuder
// Härjedalens kommun förtidsröstning". A careful reader answers the
// municipality that is the grammatical subject, the actor, not the place
// (issue 14, session 13; the "actor rule" left by the session-12 rounds).
//
// A mention of a municipality as an organisation ("X kommun", "X stad")
// is an actor mention when a finite verb of data/attribution/
// actor-verbs.txt follows it ("X kommun erbjuder") or, in the inverted
// order after a fronted phrase, precedes it ("… erbjuder X kommun"), on
// the same line with nothing but spaces between; a verb after it counts
// only where the name starts its clause. Each actor mention adds
// wActor to the municipality's evidence: with a body mention's wBodyStrong
// it weighs as much as a mention in the title.

const actorVerbsFile = "actor-verbs.txt"

// wActor is the extra weight of an actor mention in the body.
const wActor = wHeaderStrong - wBodyStrong

// embeddedActorVerbs is the embedded verb list, parsed once.
var embeddedActorVerbs = parsedOnce(parseActorVerbs)

func parseActorVerbs(fsys fs.FS) (map[string]bool, error) {
	verbs, err := readLowerWords(fsys, actorVerbsFile)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, v := range verbs {
		out[v] = true
	}
	return out, nil
}

// actorAt reports whether the strong mention at tokens i..i+n-1 (the name)
// followed by its institution word at i+n is the subject of an actor verb,
// the only municipality its sentence names as an organisation (inst: the
// words of institution-after.txt). Two in one sentence ("Lerums kommun
// ansvarar för SFI och Alingsås kommun för samhällsorientering") share
// the work: neither is singled out as the actor.
func actorAt(text string, words []word, i, n int, inst map[string]bool) bool {
	if !aloneInSentence(text, words, i, n, inst) {
		return false
	}
	verbs := embeddedActorVerbs()
	spaced := func(a, b word) bool { return strings.Trim(text[a.end:b.start], " \u00a0") == "" }
	// "X kommun har …" makes X the subject only where X starts its
	// clause: after "I Sigtuna, Täby och Södertälje kommun har polisen"
	// the subject is the police, the municipalities are the fronted place.
	clauseStart := i == 0 || strings.ContainsAny(text[words[i-1].end:words[i].start], ".!?:;\n\"”«»")
	if j := i + n; clauseStart && j+1 < len(words) && spaced(words[j-1], words[j]) && spaced(words[j], words[j+1]) {
		if v := words[j+1]; !v.upper && verbs[v.lower(text)] {
			return true
		}
	}
	if i > 0 && spaced(words[i-1], words[i]) {
		if v := words[i-1]; !v.upper && verbs[v.lower(text)] {
			return true
		}
	}
	return false
}

// aloneInSentence reports whether the sentence of the mention at tokens
// i..i+n names no other organisation by a capitalised word before an
// institution word ("Alingsås kommun", "Borås stad").
func aloneInSentence(text string, words []word, i, n int, inst map[string]bool) bool {
	ends := func(k int) bool { return strings.ContainsAny(text[words[k].end:words[k+1].start], ".!?\n") } // between k and k+1
	for k := i + n; k < len(words) && k > 0 && !ends(k-1); k++ {
		if k > i+n && inst[words[k].lower(text)] && words[k-1].upper && !ends(k-1) {
			return false
		}
	}
	for k := i - 1; k > 0 && !ends(k); k-- {
		if inst[words[k].lower(text)] && words[k-1].upper && !ends(k-1) {
			return false
		}
	}
	return true
}
