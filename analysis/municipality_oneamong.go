package analysis

// Session 26 (issue 14, task attr28): one municipality among many. A
// county board's or an agency's text speaks of the municipalities it
// deals with as a class, again and again ("fördelningen av mottagandet
// mellan länets kommuner", "12 kommuner får nu dela på drygt 7,6
// miljoner kronor", other-voice-words.txt), while the board or agency
// acts in it ("Länsstyrelsen i Västra Götaland delar ut",
// other-speakers.txt); one municipality named once among them ("Ale
// kommun får det största bidraget") is an instance of the class, not
// the text's speaker. A municipality's own page speaks of itself
// ("kommunen", own-voice-words.txt) more than of municipalities in the
// plural, or names itself more than once.

// oneAmongMany reports whether e, a municipality named once in all (one
// institutional mention or one address), stands in a text that speaks
// of municipalities in the plural more than fewMentions times and more
// often than in its own voice, with a rival speaker named in its body.
func (a *MunicipalityAttributor) oneAmongMany(e *muniEvidence, otherVoice, ownVoice int, rivals float64) bool {
	if e.headerStrong+e.headerBare+e.bodyBare+e.partner != 0 || e.bodyStrong+e.address != 1 {
		return false
	}
	return rivals > 0 && otherVoice > fewMentions && otherVoice > ownVoice
}
