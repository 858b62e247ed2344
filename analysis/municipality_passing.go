package analysis

// Places in passing beside the municipality a report is about (issue 14,
// session 27). A local paper's report names its municipality two or
// three times by bare name and refers to it as "kommunen" ("Kommunen
// säljer fastigheten Mon 5 i Värnamo", "stöds Faik av grannklubbar i
// kommunen"), and names other places once each on the way: the route of a
// railway "från Jönköping och söderut", the visiting clubs of a cup
// (dev n025, o841). Each such place counted against the municipality as
// a rival candidate, and a text with four of them stayed below the
// threshold though a careful reader has no doubt which municipality
// "kommunen" is. When every other municipality is named only in passing
// (onlyInPassing: once, by bare name, in the body), the text speaks of
// "kommunen" more than of municipalities in the plural, and it has no
// first-person voice of its own, those places do not count against the
// one named again. Rival speakers (the government, a party, a region)
// still do, and the bare-names cap still keeps the answer from near
// certainty.
//
// An organisation speaking in its own voice about its municipality ("Vi
// har haft möten med det nya partiet i kommunen", an LRF group, dev o096,
// labelled none) says "vi" again and again; a paper's chrome says it once
// ("Så jobbar vi med nyheter"). A session-26 rule that ignored places in
// passing whenever one was named four times, without the "kommunen" and
// voice conditions, was dropped (docs/validity.md).

// passingWeWords is the most we-words (vi, vår, oss) a report may carry:
// one is a paper's chrome or a quote, more are a speaker's own voice.
const passingWeWords = 1

// passingPlaces reports whether the evidence e of a candidate and the
// text's voice let the candidate's places in passing go: named only by
// bare names and at least twice, "kommunen" more often than
// municipalities in the plural, and at most passingWeWords we-words.
func passingPlaces(e *muniEvidence, own, other, we int) bool {
	return e.strong() == 0 && e.headerBare+e.bodyBare >= 2 && own > other && we <= passingWeWords
}
