package analysis

import (
	"io/fs"
	"sync/atomic"
	"unicode/utf8"
)

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
	voiceOwn      voiceClass = 1 << iota // own-voice-words.txt
	voiceOther                           // other-voice-words.txt
	voiceService                         // service-voice-words.txt
	voiceReporter                        // reporter-voice-words.txt
	voiceWe                              // we-words.txt
	voicePress                           // press-words.txt, its lower-case words (not pressExact nor party tags)
)

// attributionVoiceFiles are the attribution's own voice lists, one
// lower-case word a line, and the class bit each gives its words; the
// voice model's we and press lists set theirs in parseVoiceLists.
var attributionVoiceFiles = [...]struct {
	file string
	bit  voiceClass
}{
	{"own-voice-words.txt", voiceOwn}, {"other-voice-words.txt", voiceOther},
	{"service-voice-words.txt", voiceService}, {"reporter-voice-words.txt", voiceReporter},
}

// readVoiceClasses reads the four attribution voice lists straight into
// l.voiceClasses (made here) and marks the ASCII bytes their words start
// with (l.voiceFirst): the lists are the one place these words live, no
// set of each list is kept beside the classes.
func (l *attributionLists) readVoiceClasses(fsys fs.FS) error {
	l.voiceClasses = map[string]voiceClass{}
	for _, f := range attributionVoiceFiles {
		words, err := readLowerWords(fsys, f.file)
		if err != nil {
			return err
		}
		for _, w := range words {
			l.voiceClasses[w] |= f.bit
			if w[0] < utf8.RuneSelf {
				l.voiceFirst[w[0]] = true
			}
		}
	}
	return nil
}

// voiceCache holds what the attribution's lists say of a word form (its
// voiceClass and its listBits, formlists.go) against the embedded lists,
// worked out on the form's first use by the attribution: a run asks for
// the class of the same few thousand forms millions of times, and a form
// is shared by the workers (the matcher's memo), hence atomic. 0: not yet
// known; else the class (the low 8 bits) with voiceKnown set, and the
// listBits above it.
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
	return voiceClass(l.formBits(f))
}

// classOfLower is classOf with w in lower case as a string.
func (l *attributionLists) classOfLower(w word, lw string) voiceClass {
	if f := w.form; f != nil && l.embedded {
		return voiceClass(l.formBits(f))
	}
	return l.voiceClasses[lw]
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
