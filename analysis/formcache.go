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
const formCacheSlots = 1 << formCacheBits

const formCacheBits = 14

// wordHash hashes a word for the cache's slot (its top formCacheBits
// bits): its first and last eight bytes (four, for a word of four to
// seven; the first, middle and last byte of a shorter one), overlapping
// in a short word, a longer word's middle eight and its length, mixed by
// multiplication. It reads a word a few loads at a time where FNV-1a,
// which it replaces, took a multiplication for every byte (a third of a
// lookup's instructions); a word it spreads less well only costs the
// cache a miss, never a wrong form (the slot's form is compared by its
// word).
func wordHash(s string) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n > 16:
		a, b = load8(s, 0)^load8(s, n/2-4)*0x9E3779B97F4A7C15, load8(s, n-8)
	case n >= 8:
		a, b = load8(s, 0), load8(s, n-8)
	case n >= 4:
		a, b = load4(s, 0), load4(s, n-4)
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	x := a*0xBF58476D1CE4E5B9 ^ b*0x94D049BB133111EB ^ uint64(n)
	x ^= x >> 31
	return x * 0x9E3779B97F4A7C15
}

// get returns m.form(text), from the cache when text is in it.
func (c *formCache) get(m *Matcher, text string) *wordForm {
	if len(text) > maxMemoKey {
		// no word (glued or encoded text): the memo keeps none, nor
		// does the cache (its form has no copy of it to compare)
		return m.form(text)
	}
	s := &c.slots[wordHash(text)>>(64-formCacheBits)]
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
