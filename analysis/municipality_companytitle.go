package analysis

import (
	"slices"
	"strings"
	"unicode"
)

// A company's page titled with its own name (docs/validity.md,
// "Attribution, session 29"). A municipal housing company or another firm
// named after its town ("AB Bollnäs Bostäder") names the town, and often
// "Bollnäs kommun", as often as the municipality's own page does. A page
// whose first line is nothing but the company's name (a year or a date
// aside: "BOLLNÄS BOSTÄDER 1947-2017") is headed the way an organisation
// heads its own pages, as a municipality heads its pages with its own
// name; if it then says "we" ("Vi kommer fira våra 70 år som
// bostadsföretag") the company speaks, and it writes about the
// municipality, not for it. The company must be named somewhere in the
// text with its legal form (company-forms.txt: "AB", "HB", "KB"), which
// is how the reader knows the title is a firm's name and not a place or a
// service ("Bollnäs" alone, "Avfall och återvinning"). A municipal page
// that names its company in a title among other words ("Kundservice
// avfall flyttas till Västblekinge Miljö AB") is not headed by it.

// companyNameWords bounds the capitalised words a company's name takes
// next to its legal form ("Kommunassurans Syd Försäkrings AB": three).
const companyNameWords = 4

// companyTitled reports whether the first non-empty line of text consists
// of the words of a company's name, as the text names it with its legal
// form, and nothing else but digits and punctuation.
func companyTitled(text string, words []word, zones []uint8) bool {
	title := firstLineWords(text)
	if len(title) == 0 || len(title) > companyNameWords {
		return false
	}
	forms := embeddedCompanyForms()
	for i, w := range words {
		if zones[i] == zNoise || !forms[text[w.start:w.end]] {
			continue
		}
		// The capitalised words after the form on its line ("AB Bollnäs
		// Bostäder"), or else before it ("Habo Bostäder AB").
		var name []string
		for j := i + 1; j < len(words) && j <= i+companyNameWords && words[j].upper && sameLine(text, words[j-1], words[j]); j++ {
			name = append(name, strings.ToLower(text[words[j].start:words[j].end]))
		}
		if len(name) == 0 {
			for j := i - 1; j >= 0 && j >= i-companyNameWords && words[j].upper && sameLine(text, words[j], words[j+1]); j-- {
				name = append([]string{strings.ToLower(text[words[j].start:words[j].end])}, name...)
			}
		}
		if len(name) > 0 && slices.Equal(name, title) {
			return true
		}
	}
	return false
}

// firstLineWords returns the lower-case letter words of the first
// non-empty line of text; digits and punctuation are no words.
func firstLineWords(text string) []string {
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		return strings.FieldsFunc(strings.ToLower(line), func(r rune) bool { return !unicode.IsLetter(r) })
	}
	return nil
}
