package analysis

// stopStems are Swedish function words (as Snowball stems) that carry no
// topic. Similarity leaves them out so two plans do not look alike merely
// because both are written in Swedish.
var stopStems = func() map[string]bool {
	words := []string{"och", "att", "i", "på", "för", "som", "med", "till", "av", "en", "ett", "det", "den", "de",
		"är", "om", "har", "ska", "skall", "kan", "bör", "vi", "man", "sig", "sin", "sina", "sitt", "så", "eller",
		"samt", "från", "under", "vid", "efter", "genom", "inom", "mellan", "mot", "utan", "över", "också", "även",
		"inte", "alla", "andra", "annat", "detta", "dessa", "denna", "vara", "varit", "blir", "bli", "där", "när",
		"hur", "vad", "vilka", "vilket", "vilken", "får", "kommer", "skapa", "samtliga", "olika", "både", "ha",
		"var", "was", "the", "of", "and", "nr", "s", "sid"}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[Stem(w)] = true
	}
	return m
}()

// TermCounts counts the stems of a document's content segments (navigation
// segments left out, as in theme counts), without stop words, numbers and
// one-letter words. It is the bag of words document similarity compares.
// It needs d.Segments, so it works on a fresh analysis, not on one read
// back from JSON; or d.Terms, which batch runs keep in their place.
func TermCounts(d *DocumentAnalysis) map[string]int {
	if d.Segments == nil && d.Terms != nil {
		return d.Terms
	}
	return termCounts(d, Tokenize)
}

// termCounts is TermCounts with the tokenizer given (the matcher's, with
// memoised stems, in batch runs).
func termCounts(d *DocumentAnalysis, tokenize func(string, int) []Token) map[string]int {
	counts := map[string]int{}
	for _, s := range d.Segments {
		if s.Kind == KindNavigation {
			continue
		}
		for _, t := range tokenize(s.Text, 0) {
			st := t.Stem
			if len([]rune(st)) < 2 || stopStems[st] || !hasLetter(st) {
				continue
			}
			counts[st]++
		}
	}
	return counts
}
