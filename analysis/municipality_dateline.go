package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Datelines (issue 14, round 17). A news item opens with the place it
// reports from, before its first sentence: "HUDIKSVALL I Hudiksvall
// föreslår …", "Säffle: Beslut av landstingsstyrelsen.", "ÖDESHÖG. …".
// A careful reader takes that place for what the item is about, as a
// title's place: the dateline counts as a title mention, not a body one.
// Only the text's very first word can be one: a place name in capitals
// further down is a section heading of a longer piece ("ORSA" in an
// article on three municipalities, dev o515) or an item of a news list.

// datelineAt reports whether the name at token i, n tokens long, is the
// text's dateline: the first word of the text, either in capitals and
// followed on the same line by the item's text (after a space, ". ",
// ": " or a news agency's mark "(TT) "), or followed by ": " and text on
// the same line.
func datelineAt(text string, words []word, i, n int) bool {
	if i != 0 || n > len(words) || strings.TrimLeft(text[:words[0].start], " \t\r\n\ufeff") != "" {
		return false
	}
	name := text[words[0].start:words[n-1].end]
	return datelineFollows(text[words[n-1].end:], strings.ToUpper(name) == name)
}

// datelineFollows reports whether rest, what follows a place name on its
// line, makes the name a dateline: the item's text after a space, ". ",
// ": " or a news agency's mark "(TT) " when the name is in capitals, after
// ": " when it is not.
func datelineFollows(rest string, caps bool) bool {
	switch {
	case strings.HasPrefix(rest, ": "):
		rest = rest[2:]
	case !caps:
		return false
	case strings.HasPrefix(rest, ". "):
		rest = rest[2:]
	case strings.HasPrefix(rest, " ("):
		j := strings.Index(rest, ") ")
		if j < 0 || j > 6 {
			return false
		}
		rest = rest[j+2:]
	case strings.HasPrefix(rest, " "):
		rest = rest[1:]
	default:
		return false
	}
	// The item's text follows on the same line and starts a sentence.
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '”' || r == '–'
}
