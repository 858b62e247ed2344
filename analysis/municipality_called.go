package analysis

// A name that is also an ordinary word ("Mark", "Boden",
// ambiguous-names.txt) counts bare only in a place context or once the text
// has named the municipality as an organisation. A text that says in so many
// words that the name is a municipality ("Mark är en av Sveriges 290
// kommuner", "Till folkmängden är Boden den tredje största kommunen i
// Norrbotten", dev m653) has named it as unambiguously as "Mark kommun"
// (issue 14, session 14).

// calledWindow bounds the words between "är" and the municipality noun:
// "en av Sveriges 290 kommuner" is five.
const calledWindow = 6

// municipalityNouns are the forms of "kommun" a predicate names a
// municipality with.
var municipalityNouns = map[string]bool{"kommun": true, "kommunen": true, "kommuner": true, "kommunerna": true}

// calledMunicipality reports whether the name at tokens i..i+n-1 is the
// subject of "är" ("Mark är", or inverted "är Boden") whose predicate, on
// the same line and within calledWindow words, is "kommun".
func calledMunicipality(text string, words []word, i, n int) bool {
	j := i + n
	switch {
	case j < len(words) && sameLine(text, words[j-1], words[j]) && words[j].lower(text) == "är":
		j++
	case i > 0 && sameLine(text, words[i-1], words[i]) && words[i-1].lower(text) == "är":
	default:
		return false
	}
	for k := j; k < len(words) && k < j+calledWindow; k++ {
		if !sameLine(text, words[k-1], words[k]) {
			return false
		}
		if municipalityNouns[words[k].lower(text)] {
			return true
		}
	}
	return false
}
