package analysis

import (
	"io/fs"
	"strings"
)

// A municipality's steering document named by the municipality's
// genitive (issue 14, session 29): "Huddinges kulturpolitiska program är
// ett långsiktigt strategiskt dokument" (dev n083), "Leksands
// översiktsplan", "Värmdös budget". A careful reader takes the genitive
// there for the organisation that adopts the document, as in "Huddinge
// kommuns program", not for a place the text passes through: only a
// municipality adopts a budget, a vision or an översiktsplan under its
// own name. data/attribution/steering-document-heads.txt lists the
// documents' heads. The genitive must open its phrase: after a
// capitalised word on the same line ("Mediacenter Jönköpings läns
// budget", "Vänsterpartiet Eskilstunas budget") it belongs to another
// organisation's name, and a county's "läns" is no adjective.

const steeringDocumentHeadsFile = "steering-document-heads.txt"

// steeringHeads holds the heads and the words excluded although they end
// in one.
type steeringHeads struct {
	heads   []string
	exclude map[string]bool
}

var embeddedSteeringHeads = parsedOnce(func(fsys fs.FS) (steeringHeads, error) {
	lines, err := readLowerWords(fsys, steeringDocumentHeadsFile)
	if err != nil {
		return steeringHeads{}, err
	}
	out := steeringHeads{exclude: map[string]bool{}}
	for _, l := range lines {
		if w, ok := strings.CutPrefix(l, "-"); ok {
			out.exclude[w] = true
		} else {
			out.heads = append(out.heads, l)
		}
	}
	return out, nil
})

// isSteeringDocument reports whether lower-case w names a steering
// document by its head.
func isSteeringDocument(w string) bool {
	h := embeddedSteeringHeads()
	if h.exclude[w] {
		return false
	}
	for _, head := range h.heads {
		if strings.HasSuffix(w, head) {
			return true
		}
	}
	return false
}

// steeringDocumentAfter reports whether the name occupying tokens i..i+n-1,
// in the genitive, names a steering document on its line: the next word is
// one, or a lower-case adjective ("kulturpolitiska", "nya", "gällande")
// then one. The name must not follow a capitalised word on its line.
func steeringDocumentAfter(text string, words []word, i, n int) bool {
	last := words[i+n-1].lower(text)
	if !strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "x") && !strings.HasSuffix(last, "z") {
		return false // no genitive
	}
	if i > 0 && words[i-1].upper && sameLine(text, words[i-1], words[i]) {
		return false // "Vänsterpartiet Eskilstunas budget"
	}
	j := i + n
	if j >= len(words) || words[j].upper || !sameLine(text, words[j-1], words[j]) {
		return false
	}
	next := words[j].lower(text)
	if isSteeringDocument(next) {
		return true
	}
	if !strings.HasSuffix(next, "a") && !strings.HasSuffix(next, "e") {
		return false // an adjective's weak form: "kulturpolitiska", "gällande"
	}
	j++
	return j < len(words) && !words[j].upper && sameLine(text, words[j-1], words[j]) && isSteeringDocument(words[j].lower(text))
}
