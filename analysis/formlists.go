package analysis

import "strings"

// listBits are the attribution's word lists, other than the voice lists
// (voiceClass), that a word is on, as bits above the voice class and
// voiceKnown in a word form's voiceCache. The party voice, the
// organisation voice, the rival speakers and the company forms asked
// small string-keyed maps, or looped over a list of prefixes, for every
// word of a page-sized text (partyAt, orgOwnedAt, rivalAt, countVoice,
// namesCompany: about 5% of the analysis's instructions), nearly always
// to find the word on none; a form's bits are worked out once (learnForm)
// and read after with one atomic load. The lists stay what users edit
// (data/attribution/*.txt); onList is the one place that says what each
// bit means, and a word without a form, or lists other than the embedded
// ones, ask it each time.
type listBits uint32

const (
	onPartyMember    listBits = 1 << (9 + iota) // voice.partyMember[lower]
	onPartyOwned                                // voice.partyOwned[lower]
	onPartyHeading                              // voice.partyHeading[lower]
	onPartySaid                                 // lower opens one of voice.partySaid
	onPartyOrgan                                // lower starts with one of voice.partyOrgan
	onOrgOwned                                  // voice.orgOwned[lower]
	onPartyGroup                                // voice.partyGroups[lower]
	onCongregation                              // voice.congregationAt(lower)
	onRival                                     // rivals[lower] names some
	onRivalBase                                 // rivals[lower without a final s] names some
	onMemberBody                                // memberBodies[lower without a final s] (memberBodyAt)
	onMemberBodySelf                            // memberBodySelfAt's noun: memberBodies[lower] or [lower+"et"], not "förbund(et)"
	onPressExact                                // voice.pressExact[as written]
	onPartyTag                                  // voice.partyTags[as written]
	onCompanyForm                               // embeddedCompanyForms()[as written]

	// listBitsAll are every bit above; the last must stay below bit 32.
	listBitsAll = onPartyMember | onPartyOwned | onPartyHeading | onPartySaid | onPartyOrgan | onOrgOwned |
		onPartyGroup | onCongregation | onRival | onRivalBase | onMemberBody | onMemberBodySelf |
		onPressExact | onPartyTag | onCompanyForm
)

// onList reports whether a word, raw as written and lw in lower case, is
// on the list of bit (one bit of listBits): what the lists themselves say.
func (l *attributionLists) onList(raw, lw string, bit listBits) bool {
	v := l.voice
	switch bit {
	case onPartyMember:
		return v.partyMember[lw]
	case onPartyOwned:
		return v.partyOwned[lw]
	case onPartyHeading:
		return v.partyHeading[lw]
	case onPartySaid:
		for _, seq := range v.partySaid {
			if lw == seq[0] {
				return true
			}
		}
		return false
	case onPartyOrgan:
		for _, o := range v.partyOrgan {
			if strings.HasPrefix(lw, o) {
				return true
			}
		}
		return false
	case onOrgOwned:
		return v.orgOwned[lw]
	case onPartyGroup:
		return v.partyGroups[lw]
	case onCongregation:
		return v.congregationAt(lw)
	case onRival:
		return len(l.rivals[lw]) > 0
	case onRivalBase:
		return len(l.rivals[strings.TrimSuffix(lw, "s")]) > 0
	case onMemberBody:
		return l.memberBodies[strings.TrimSuffix(lw, "s")]
	case onMemberBodySelf:
		return lw != "förbund" && lw != "förbundet" && (l.memberBodies[lw] || l.memberBodies[lw+"et"])
	case onPressExact:
		return v.pressExact[raw]
	case onPartyTag:
		return v.partyTags[raw]
	case onCompanyForm:
		return embeddedCompanyForms()[raw]
	}
	panic("analysis: onList: not one list bit")
}

// on reports whether word w of text, lw in lower case, is on any of the
// lists of bits: from w's form when the matcher lent it one and these are
// the embedded lists, else from the lists.
func (l *attributionLists) on(text string, w word, lw string, bits listBits) bool {
	if f := w.form; f != nil && l.embedded {
		return l.formBits(f)&bits != 0
	}
	return l.onAny(text[w.start:w.end], lw, bits)
}

// onAny is on asking the lists.
func (l *attributionLists) onAny(raw, lw string, bits listBits) bool {
	for b := bits; b != 0; b &= b - 1 {
		if l.onList(raw, lw, b&-b) {
			return true
		}
	}
	return false
}

// formBits returns form f's voice class and list bits, with voiceKnown
// set, against l, which must be the embedded lists: cached in the form.
func (l *attributionLists) formBits(f *wordForm) listBits {
	if v := f.voice.v.Load(); v != 0 {
		return listBits(v)
	}
	return l.learnForm(f)
}

// learnForm works out f's voice class and list bits against the embedded
// lists l and keeps them in the form. The word as written is the form's
// own copy (wordForm.written: the token's text, which the attributor's
// word spans): a word longer than maxMemoKey has none, and none of the
// lists read as written holds so long a word (TestListBitsForms).
func (l *attributionLists) learnForm(f *wordForm) listBits {
	b := listBits(l.voiceClasses[f.lower]) | voiceKnown
	for bit := listBits(onPartyMember); bit&listBitsAll != 0; bit <<= 1 {
		if l.onList(f.written, f.lower, bit) {
			b |= bit
		}
	}
	f.voice.v.Store(uint32(b))
	return b
}
