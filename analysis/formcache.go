package analysis

// formCache is one worker's small direct-mapped cache in front of the
// Matcher's shared form memo, keyed by the word as written. The memo is a
// map of every word form of the corpus (up to maxCache); a lookup in it
// misses the processor's caches three times (the map's control word, its
// slot, the key's bytes), and those misses were most of the form
// lookup's samples, the largest single cost of tokenising. Running text
// repeats a few thousand forms ("och", "att", "för", "kommunen"), so a
// table of a few thousand slots, each holding its key's bytes beside the
// form, answers most words from one cache line.
//
// A slot holds the *wordForm the memo returned for its key, so the token
// gets the same form either way and no result depends on the cache. Words
// longer than formCacheKey bytes go to the memo. The cache belongs to one
// analyzeScratch (so to one goroutine at a time and one Analyzer's
// Matcher); it keeps no text alive (keys are copied into the slots) and
// its size is fixed.
type formCache struct {
	matcher *Matcher
	slots   [formCacheSlots]formSlot
}

// newFormCache returns an empty cache in front of m's form memo.
func newFormCache(m *Matcher) *formCache { return &formCache{matcher: m} }

// tokenizeInto is m.tokenizeInto with the words' forms looked up through
// the cache.
func (c *formCache) tokenizeInto(toks []Token, s string, base int) []Token {
	return tokenizeForms(toks, s, base, c.matcher.stem, c.form)
}

// formCacheSlots is the cache's size in slots (a power of two): 4,096
// slots of 32 bytes, 128 KiB, about a processor's second-level cache.
const formCacheSlots = 1 << 12

// formCacheKey is the longest word (in bytes) a slot holds; with the
// length byte and the form's pointer a slot is 32 bytes.
const formCacheKey = 23

// formSlot is one cached word form: key[:n] is the word as written.
type formSlot struct {
	form *wordForm
	n    uint8
	key  [formCacheKey]byte
}

// form returns the matcher's form of text, from the cache when text is
// in it.
func (c *formCache) form(text string) *wordForm {
	if len(text) > formCacheKey {
		return c.matcher.form(text)
	}
	s := &c.slots[formHash(text)&(formCacheSlots-1)]
	if s.form != nil && int(s.n) == len(text) && string(s.key[:s.n]) == text {
		return s.form
	}
	f := c.matcher.form(text)
	s.form, s.n = f, uint8(copy(s.key[:], text))
	return f
}

// formHash is FNV-1a over the word's bytes: words are a few bytes long,
// and the word was just read, so this costs less than a lookup.
func formHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h ^ h>>16 // the slot is the low bits: fold the high ones in
}
