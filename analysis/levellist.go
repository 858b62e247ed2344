package analysis

import "strings"

// A theme named as one item of a list of other things is a passing
// mention, not a treatment: "Bland de viktigaste uppgifterna är förskola,
// skola, socialtjänst och äldreomsorg" names school as one of a
// municipality's tasks and says nothing of it; "våra förskolor, skolor och
// äldreboenden" names it among the buildings a budget keeps running. The
// labelling rule reads such a sentence as a passing mention (README of
// testdata/realtexts: "a passing mention or a bullet-only mention" is
// level 0; a sentence counts when it treats the theme as its topic), and
// the matcher's dampLists leaves it whole when the list names fewer than
// three themes. So a segment whose every level-counting word for a theme
// stands in such a list (listAt: three items or more, an item at most
// three words) counts half toward the theme's level, as a segment about
// another theme does (Passing). A list every item of which names the
// theme ("Förskoleklass, grundskola, gymnasieskola och särskola") is an
// enumeration inside the theme and counts whole.

// listItemMention reports whether each of lm (a segment's level-counting
// matches for one theme) stands in a list of the segment in which at
// least one item names nothing of the theme. Only segments with a comma
// are tokenised again.
func (a *Analyzer) listItemMention(text string, s *Sentence, lm []Match) bool {
	return mayBeListMention(text, s, lm) && listMention(a.matcher.Tokenize(text[s.Start:s.End], s.Start), lm)
}

// mayBeListMention is listItemMention's test before any tokenising: a
// segment without a comma holds no list of three items.
func mayBeListMention(text string, s *Sentence, lm []Match) bool {
	return len(lm) > 0 && s.Start >= 0 && s.End <= len(text) && s.Start <= s.End && strings.Contains(text[s.Start:s.End], ",")
}

// segmentTokens keeps the tokens of the segments themeCoverage reads again
// for list mentions, so that a segment with list mentions of several
// themes is tokenised once, not once per theme. It lives in the worker's
// scratch (analyzeScratch.segToks): every segment's tokens go one after
// the other into buf, whose array is kept from document to document (a
// new slice per segment was a sixth of the analysis's allocation), and
// toks maps a segment to its part of buf.
type segmentTokens struct {
	matcher *Matcher
	text    string
	toks    map[int][]Token
	buf     []Token
}

// start readies c for a document's text, read with m.
func (c *segmentTokens) start(m *Matcher, text string) {
	c.matcher, c.text = m, text
}

// reset empties c for the next document, keeping buf's array and the
// map's room but no document's text alive through them.
func (c *segmentTokens) reset() {
	clear(c.toks)
	c.buf = emptied(c.buf)
	c.matcher, c.text = nil, ""
}

// of gives segment i's tokens (s is segs[i]), tokenising it the first
// time. The slice's capacity is cut at its end: nothing appended to it
// runs into the next segment's tokens.
func (c *segmentTokens) of(i int, s *Sentence) []Token {
	if t, ok := c.toks[i]; ok {
		return t
	}
	if c.toks == nil {
		c.toks = make(map[int][]Token)
	}
	t := c.tokenize(s.Start, s.End)
	c.toks[i] = t
	return t
}

// tokenize tokenises text[start:end] into buf after the tokens already
// there and returns them, capacity cut. When buf's array has less room
// than Tokenize would give the segment, buf moves to a new array twice as
// large (the slices handed out before keep the old one); when the
// tokeniser's append outgrows it all the same, its new array becomes buf.
func (c *segmentTokens) tokenize(start, end int) []Token {
	if need := (end-start)/6 + 1; cap(c.buf)-len(c.buf) < need {
		c.buf = make([]Token, 0, max(2*cap(c.buf), 2*need, 256))
	}
	n := len(c.buf)
	room := c.buf[n:]
	t := c.matcher.tokenizeInto(room, c.text[start:end], start)
	if cap(t) == cap(room) {
		c.buf = c.buf[:n+len(t)]
	} else {
		c.buf = t
	}
	return t[:len(t):len(t)]
}

// listMention is listItemMention on a segment's tokens.
func listMention(toks []Token, lm []Match) bool {
	inList := make([]bool, len(lm))
	for i := 0; i < len(toks); {
		start, end, items := listAt(toks, i)
		if items < minListItems {
			i++
			continue
		}
		themed, all := 0, 0
		for _, it := range listItems(toks[start:end]) {
			all++
			for _, m := range lm {
				if m.Start >= it.start && m.End <= it.end {
					themed++
					break
				}
			}
		}
		if themed > 0 && themed < all {
			lo, hi := toks[start].Start, toks[end-1].End
			for k, m := range lm {
				if m.Start >= lo && m.End <= hi {
					inList[k] = true
				}
			}
		}
		i = end
	}
	for _, in := range inList {
		if !in {
			return false
		}
	}
	return true
}

// listItems splits the tokens of a list (listAt's span) into its items'
// byte spans: an item ends at a comma or at a list conjunction (och, samt,
// eller), which belongs to no item.
func listItems(toks []Token) []byteSpan {
	var items []byteSpan
	open := -1
	for k := range toks {
		tk := &toks[k]
		if isListConjunction(tk.Lower) {
			if open >= 0 {
				items = append(items, byteSpan{toks[open].Start, toks[k-1].End})
			}
			open = -1
			continue
		}
		if tk.Sep == ',' && open >= 0 {
			items = append(items, byteSpan{toks[open].Start, toks[k-1].End})
			open = -1
		}
		if open < 0 {
			open = k
		}
	}
	if open >= 0 {
		items = append(items, byteSpan{toks[open].Start, toks[len(toks)-1].End})
	}
	return items
}
