package analysis

import "strings"

// Session 26 (issue 14, task attr28): a member's council act as the
// heading of a post. A motion, an interpellation or an initiative
// (Kommunallag 2017:725, 4 kap. 19-22 §§, 5 kap. 22 §) is brought by a
// member of the council and the member's party, never by the
// municipality. A party's page publishes its members' acts as posts of
// their own, headed by the act and its subject ("Motion: Storgatans
// inglasning", "Motion – En bygglovshantering som uppfyller lagens
// krav!", "Initiativärende: Satsa på friluftsbadet i Huaröd"), the text
// of the act following. A municipality's minutes head the item the same
// way but say at once who brought it, by name and party tag ("Gunnar
// Andersson (S) har 2018-02-12 lämnat in rubricerad motion"): the
// municipality reports the act, it does not bring it.

// actHeadingAt reports whether token i, a council act
// (party-voice.txt, heading), opens a heading: it stands first on its
// line, capitalised, followed on the same line by a colon or a dash
// and the act's subject, and neither that line nor the next non-empty
// one names a member by a party tag ("(S)", press-words.txt).
func (v *voiceLists) actHeadingAt(text string, words []word, i int) bool {
	w := words[i]
	if !w.upper || !lineStart(text, w.start) {
		return false
	}
	rest := text[w.end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	after := strings.TrimLeft(rest, " \t\u00a0")
	var ok bool
	for _, sep := range [...]string{":", "–", "—", "-"} {
		if subject, found := strings.CutPrefix(after, sep); found && strings.TrimSpace(subject) != "" {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	// The heading line and the next non-empty one.
	end := w.end + len(rest)
	next := text[end:]
	next = strings.TrimLeft(next, " \t\u00a0\r\n")
	if nl := strings.IndexByte(next, '\n'); nl >= 0 {
		next = next[:nl]
	}
	return !v.namesPartyTag(rest) && !v.namesPartyTag(next)
}

// namesPartyTag reports whether s holds a party's tag in brackets,
// "(S)", "(KD)" (press-words.txt): a member named with their party.
func (v *voiceLists) namesPartyTag(s string) bool {
	for {
		o := strings.IndexByte(s, '(')
		if o < 0 {
			return false
		}
		s = s[o+1:]
		c := strings.IndexByte(s, ')')
		if c < 0 {
			return false
		}
		if v.partyTags[s[:c]] {
			return true
		}
	}
}
