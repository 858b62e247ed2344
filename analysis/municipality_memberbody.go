package analysis

import "io/fs"

// Bodies of municipal cooperation in their own voice (docs/validity.md,
// "Attribution, round 17"). A samordningsförbund or a kommunalförbund is
// named after its members or its area ("Samordningsförbundet Västerås",
// "Samordningsförbundet Sollentuna-Upplands Väsby-Sigtuna"), and its
// pages name that place as often as the member's own page does; but the
// body is a legal person of its own that speaks for no municipality. Its
// name (member-bodies.txt) counts as a rival speaker's, with the weight
// of a region's (partnerRival), and the place after its head word is part
// of the name, not a mention of the municipality (the head words join
// not-municipality-before.txt's: "Om Samordningsförbundet Västerås" in a
// title names the body).

const memberBodiesFile = "member-bodies.txt"

// readMemberBodies reads member-bodies.txt (one lower-case word a line)
// into l.memberBodies and adds its words to l.notBefore.
func (l *attributionLists) readMemberBodies(fsys fs.FS) error {
	ws, err := readLowerWords(fsys, memberBodiesFile)
	if err != nil {
		return err
	}
	l.memberBodies = make(map[string]bool, len(ws))
	for _, w := range ws {
		l.memberBodies[w] = true
		l.notBefore[w] = true
	}
	return nil
}

// memberBodyAt returns how many tokens a body of municipal cooperation
// named at token i spans: its head word alone ("Samordningsförbundet
// beslutar", 1) or with the capitalised place it is named after, joined
// to it ("Samordningsförbundet Västerås", 2); 0 when token i is no such
// head. base is token i in lower case without a genitive -s.
func (l *attributionLists) memberBodyAt(text string, words []word, i int, base string) int {
	if !l.memberBodies[base] {
		return 0
	}
	if i+1 < len(words) && words[i+1].upper && joined(text, words[i], words[i+1]) {
		return 2
	}
	return 1
}
