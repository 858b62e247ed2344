package analysis

import "strings"

// Rules for texts about one municipality (issue 14, session 10): what a
// careful reader sees as the municipality a page or a news item is
// about, where the rules above it would abstain. Kept apart from
// municipality.go so that the rules on the texts that speak for none
// (municipality_voice.go) and these can change without each other.

// rivalIsParty reports whether the rival speaker rivalAt found at token
// i, spanning n tokens, is a party: a word ending in -partiet or a
// party of other-speakers.txt ('+').
func (l *attributionLists) rivalIsParty(text string, words []word, i, n int) bool {
	parts := make([]string, n)
	for k := range n {
		parts[k] = words[i+k].lower(text)
	}
	return l.isParty(strings.Join(parts, " "))
}

// reportsOnParties reports whether a page-sized text reports what parties
// do rather than speaking as one: it reports what people say ("säger
// Kith Mårtensson, gruppledare för Moderaterna", reporter-voice-words.txt
// without the photo credit) and has no cue of a party's own voice ("vi
// socialdemokrater", a party's signature). In local news the parties of
// the council are the actors of the story ("Kristdemokraterna föreslår",
// "Moderaternas integrationsgrupp"), not rival speakers: the story is
// about the municipality whose council they sit in.
func (a *MunicipalityAttributor) reportsOnParties(text string, words []word, zones []uint8, tv *textVoice) bool {
	if tv.partyFirst+tv.partyOrgan > 0 {
		return false
	}
	var small [64]byte
	for i, w := range words {
		if zones[i] == zNoise || w.upper || w.end-w.start > 20 {
			continue
		}
		lw := w.appendLower(small[:0], text)
		if a.lists.classOf(w, lw).has(voiceReporter) && !strings.HasPrefix(string(lw), "foto") {
			return true
		}
	}
	return false
}

// mostlyAbout reports whether candidate k is what a report is about:
// every other candidate is named only by bare names in the body, at most
// once, but for one that may recur at most a third as often as k
// ("Olofström" seven times, "Göteborg" twice: the fair held there and a
// list of big cities). Two places that recur beside it make a report on
// several ("tre svenska kommuner – Orsa, Uddevalla och Uppsala").
func mostlyAbout[C any](cands []C, k int, ev func(C) *muniEvidence) bool {
	ek := ev(cands[k])
	mentions := ek.strong() + ek.headerBare + ek.bodyBare
	recurring := 0
	for j, c := range cands {
		if j == k {
			continue
		}
		e := ev(c)
		if e.strong() > 0 || e.headerBare > 0 {
			return false
		}
		if n := e.bodyBare + e.partner; n > 1 {
			recurring++
			if recurring > 1 || 3*n > mentions {
				return false
			}
		}
	}
	return true
}

// onlyInPassing reports whether every candidate but k is named only in
// passing: at most once, by bare name, in the body (a firm's name, "Inbetween
// Entertainment Stockholm-Oslo"; a neighbour's town). A title that names
// a distinctive municipality is then what the text is about, as when no
// other municipality is named (round 9).
func onlyInPassing[C any](cands []C, k int, ev func(C) *muniEvidence) bool {
	for j, c := range cands {
		if j == k {
			continue
		}
		e := ev(c)
		if e.strong() > 0 || e.headerBare > 0 || e.bodyBare+e.partner > 1 {
			return false
		}
	}
	return true
}
