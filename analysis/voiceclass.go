package analysis

import "sync/atomic"

// voiceClass is the voice lists a lower-case word is on, as bits: the
// attribution's word loops asked up to four string-keyed maps for every
// capitalised or listed-letter word (ownVoice, otherVoice, serviceVoice,
// reporterVoice) and two more for every word (the voice lists' we and
// press), nearly always to find it on none; one lookup in voiceClasses
// answers them all. The lists stay what users edit
// (data/attribution/*.txt); the classes are made from them once, when
// they are parsed.
type voiceClass uint8

const (
	voiceOwn      voiceClass = 1 << iota // attributionLists.ownVoice
	voiceOther                           // attributionLists.otherVoice
	voiceService                         // attributionLists.serviceVoice
	voiceReporter                        // attributionLists.reporterVoice
	voiceWe                              // voiceLists.we
	voicePress                           // voiceLists.press (lower case; not pressExact)
)

// voiceClassesOf makes the word -> class map of l's voice lists; l.voice
// may be nil (its bits are then never set).
func voiceClassesOf(l *attributionLists) map[string]voiceClass {
	m := map[string]voiceClass{}
	add := func(words map[string]bool, c voiceClass) {
		for w, on := range words {
			if on {
				m[w] |= c
			}
		}
	}
	add(l.ownVoice, voiceOwn)
	add(l.otherVoice, voiceOther)
	add(l.serviceVoice, voiceService)
	add(l.reporterVoice, voiceReporter)
	if l.voice != nil {
		add(l.voice.we, voiceWe)
		add(l.voice.press, voicePress)
	}
	return m
}

// voiceCache holds a word form's voiceClass against the embedded lists,
// worked out on the form's first use by the attribution: a run asks for
// the class of the same few thousand forms millions of times, and a form
// is shared by the workers (the matcher's memo), hence atomic. 0: not yet
// known; else the class with voiceKnown set.
type voiceCache struct{ v atomic.Uint32 }

// voiceKnown marks a cached class (any class, none included).
const voiceKnown = 1 << 8

// classOf returns the voice class of word w, lw being w in lower case:
// from w's form when the matcher lent it one and these are the embedded
// lists (any other lists, which tests make, are asked each time), else
// from voiceClasses.
func (l *attributionLists) classOf(w word, lw []byte) voiceClass {
	f := w.form
	if f == nil || !l.embedded {
		return l.voiceClasses[string(lw)]
	}
	if v := f.voice.v.Load(); v != 0 {
		return voiceClass(v)
	}
	c := l.voiceClasses[string(lw)]
	f.voice.v.Store(uint32(c) | voiceKnown)
	return c
}

// has reports whether c includes every bit of bits.
func (c voiceClass) has(bits voiceClass) bool { return c&bits == bits }

// onlySpaces reports whether gap holds nothing but spaces and no-break
// spaces (U+00A0), as strings.Trim(gap, " \u00a0") == "" does: sameLine
// asks it between every two neighbouring words of the party voice, and
// Trim with a non-ASCII cutset decodes each rune and searches the cutset
// for it. A 0xC2 byte not followed by 0xA0, and any other byte, is
// something else (Trim keeps an invalid byte: it is U+FFFD).
func onlySpaces(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ':
		case 0xC2:
			if i+1 >= len(gap) || gap[i+1] != 0xA0 {
				return false
			}
			i++
		default:
			return false
		}
	}
	return true
}
