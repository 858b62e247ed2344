package analysis

// formCache is a small direct-mapped cache of word forms in front of the
// Matcher's form memo, one per worker (in analyzeScratch): the memo's
// map, shared by every worker and holding the whole corpus's vocabulary,
// is too big for the processor's cache, and looking a word up in it was
// most of tokenising's CPU (0.29 of 0.61 s on 2,000 documents), while a
// document repeats a few hundred words ("och", "att", "kommunen") most of
// the time. A slot holds the last word that hashed to it; a miss asks the
// memo. The form of a word is the memo's for that word whichever way it
// is found, so the tokens are the same.
//
// A slot of a word written in lower case (most words) holds the form's
// own copy of it, and so outlives the document: the next document finds
// its common words at once. Any other word's slot points into the
// document's text and is cleared between documents (reset), so that the
// cache keeps no text alive.
type formCache struct {
	slots [formCacheSlots]formSlot
}

// formCacheSlots is the number of slots (a power of two): 4,096 slots of
// 32 bytes fit a core's L2 cache with room to spare.
const formCacheSlots = 4096

type formSlot struct {
	text string // the word as written: f.lower, or a part of the document's text (doc)
	f    *wordForm
	doc  bool
}

// get returns m.form(text), from the cache when text is in it.
func (c *formCache) get(m *Matcher, text string) *wordForm {
	// FNV-1a over the word's bytes: words are short, and this is cheaper
	// than the runtime's string hash plus a map's probing.
	h := uint32(2166136261)
	for i := 0; i < len(text); i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	s := &c.slots[(h^h>>16)&(formCacheSlots-1)]
	if s.f != nil && s.text == text {
		return s.f
	}
	f := m.form(text)
	if f.lower == text {
		*s = formSlot{text: f.lower, f: f}
	} else {
		*s = formSlot{text: text, f: f, doc: true}
	}
	return f
}

// reset empties the slots that point into the document's text.
func (c *formCache) reset() {
	for i := range c.slots {
		if c.slots[i].doc {
			c.slots[i] = formSlot{}
		}
	}
}

// tokenizeCached is Matcher.tokenizeInto taking the word forms through c.
func (m *Matcher) tokenizeCached(toks []Token, s string, base int, c *formCache) []Token {
	return tokenizeForms(toks, s, base, m.stem, func(text string) *wordForm { return c.get(m, text) })
}
