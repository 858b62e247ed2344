package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A relayed message (issue 14, session 27): a headline that names a
// message by its sender and its addressees, "Information från
// Länsstyrelsen till företagare om den tillfälliga covid-19-lagen", is
// how a third party headlines a notice it passes on to its readers (dev
// m838, Säter's news list: the county board's notice to business owners
// first, then Säter's own news). The sender is the message's author, not
// the page's, so it vetoes no answer. Only an addressee in lower case
// counts (a group of readers: "företagare", "dig som …", "alla
// vårdnadshavare"): "till Säters kommun" or "till kommunerna i Dalarna"
// may be the sender's own letter.

// relayedMessage reports whether the issuer match m (m[0] the whole
// match, as issuer finds it) in line is followed by "till" and an
// addressee in lower case.
func relayedMessage(line string, m []string) bool {
	at := strings.Index(line, m[0])
	if at < 0 {
		return false
	}
	rest, ok := strings.CutPrefix(strings.TrimLeft(line[at+len(m[0]):], " "), "till ")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return unicode.IsLower(r)
}
