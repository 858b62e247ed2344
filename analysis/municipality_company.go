package analysis

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
)

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

const companyFormsFile = "company-forms.txt"

// embeddedCompanyForms are the legal forms written as a word of a
// company's name (company-forms.txt: "AB", "HB", "KB"), parsed once.
var embeddedCompanyForms = parsedOnce(parseCompanyForms)

// parseCompanyForms reads the list: one form a line, upper-case letters
// only, since a form counts only written in capitals ("ab" is no form).
func parseCompanyForms(fsys fs.FS) (map[string]bool, error) {
	forms, err := readList(fsys, companyFormsFile)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, f := range forms {
		if f == "" || strings.TrimFunc(f, unicode.IsUpper) != "" {
			return nil, fmt.Errorf("attribution list %s: %q: want one upper-case form a line", companyFormsFile, f)
		}
		out[f] = true
	}
	return out, nil
}

// isCompanyForm reports whether word w of text is one of forms, the
// embedded company forms: from its form's list bits when the attribution
// has worked them out (formlists.go: the embedded lists', whose company
// forms these are), else from forms.
func isCompanyForm(text string, w word, forms map[string]bool) bool {
	if f := w.form; f != nil {
		if v := f.voice.v.Load(); v != 0 {
			return listBits(v)&onCompanyForm != 0
		}
	}
	return forms[text[w.start:w.end]]
}

// namesCompany reports whether the non-noise words of a text name a
// company by its legal form: "AB" (or "HB", "KB") written in capitals next
// to a capitalised word on the same line, before it ("AB Bostäder") or
// after it ("Halmstads Fastighets AB").
func namesCompany(text string, words []word, zones []uint8) bool {
	companyForms := embeddedCompanyForms()
	for i, w := range words {
		if zones[i] == zNoise || !isCompanyForm(text, w, companyForms) {
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
