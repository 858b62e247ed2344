package analysis

// formCache is a small direct-mapped cache of word forms in front of the
// Matcher's form memo, one per worker (in analyzeScratch): the memo's
// map, shared by every worker and holding the whole corpus's vocabulary,
// is too big for the processor's cache, and looking a word up in it was
// most of tokenising's CPU (0.29 of 0.61 s on 2,000 documents), while a
// document repeats a few hundred words ("och", "att", "kommunen") most of
// the time. A slot holds the form of the last word that hashed to it; a
// miss asks the memo. The form of a word is the memo's for that word
// whichever way it is found, so the tokens are the same.
//
// A slot is the form alone, compared by the word it was worked out for
// (wordForm.written, the form's own copy), so every slot outlives the
// document and the cache keeps no text alive. Until session 31 a slot
// held the word beside the form (32 bytes, 4,096 slots), a word not in
// lower case pointed into the document's text and its slot was cleared
// after each document: on the 2,000 generated documents of the bench,
// whose vocabulary is 4,888 forms, 15.6% of 3.09 million lookups missed
// (conflicts between words hashing to one slot, and the capitalised
// words of every new document). With 16,384 slots of 8 bytes, the same
// 128 KB, and nothing cleared, 3.0% miss (4,096 such slots: 9.1%;
// 8,192: 4.8%).
type formCache struct {
	slots [formCacheSlots]*wordForm
}

// formCacheSlots is the number of slots (a power of two): 16,384 slots of
// 8 bytes, 128 KB, fit a core's L2 cache with room to spare.
const formCacheSlots = 16384

// get returns m.form(text), from the cache when text is in it.
func (c *formCache) get(m *Matcher, text string) *wordForm {
	if len(text) > maxMemoKey {
		// no word (glued or encoded text): the memo keeps none, nor
		// does the cache (its form has no copy of it to compare)
		return m.form(text)
	}
	// FNV-1a over the word's bytes: words are short, and this is cheaper
	// than the runtime's string hash plus a map's probing.
	h := uint32(2166136261)
	for i := 0; i < len(text); i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	s := &c.slots[(h^h>>16)&(formCacheSlots-1)]
	if f := *s; f != nil && f.written == text {
		return f
	}
	f := m.form(text)
	*s = f
	return f
}

// tokenizeCached is Matcher.tokenizeInto taking the word forms through c.
func (m *Matcher) tokenizeCached(toks []Token, s string, base int, c *formCache) []Token {
	return tokenizeForms(toks, s, base, m.stem, func(text string) *wordForm { return c.get(m, text) })
}
