package analysis

// A company in its own voice (docs/validity.md, "Attribution, round 15").
// A housing company or another firm named after its town ("AB Bostäder i
// Borås", "Halmstads Fastighets AB") names the town and its kommun as
// often as the municipality's own page does; what gives it away is the
// legal form in its name together with nouns it calls its own ("våra
// lägenheter", organisation-voice.txt). The legal form stands in for the
// rival speakers' list (other-speakers.txt), which can never list every
// company; it counts only toward speaksAsOrganisation, not as rival
// evidence against the municipality, since municipal pages name the
// municipality's own companies ("Uddevalla Energi AB") all the time.

// companyForms are the legal forms written as a word of a company's name
// (aktiebolagslagen 2005:551, 2 kap. 2 §; handelsbolag, ekonomisk förening).
var companyForms = map[string]bool{"AB": true, "HB": true, "KB": true}

// namesCompany reports whether the non-noise words of a text name a
// company by its legal form: "AB" (or "HB", "KB") written in capitals next
// to a capitalised word on the same line, before it ("AB Bostäder") or
// after it ("Halmstads Fastighets AB").
func namesCompany(text string, words []word, zones []uint8) bool {
	for i, w := range words {
		if zones[i] == zNoise || !companyForms[text[w.start:w.end]] {
			continue
		}
		if i+1 < len(words) && words[i+1].upper && sameLine(text, w, words[i+1]) {
			return true
		}
		if i > 0 && words[i-1].upper && sameLine(text, words[i-1], w) {
			return true
		}
	}
	return false
}
