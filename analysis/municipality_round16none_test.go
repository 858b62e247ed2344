package analysis

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Session 16 (docs/validity.md, "Attribution, round 16: texts that speak
// for no municipality (session 16 ...)"): the class batch 12 aimed at and
// found already handled, and the company forms moved to a list. Real dev
// texts, copies and sources in testdata/attribution/real.

// TestLocalPartyBranchesOnTheirOwnMunicipality: batch 12 aimed at local
// party branches' pages that name their municipality, often and as an
// organisation ("Socialdemokraterna i Alvesta kommun", "Lerums kommun är
// en fantastisk plats", "Vår politik i Lund", "Ett rättvist
// Trollhättan", "Låt hela Lunds kommun leva"). Today's rules already
// answered every new dev one "unknown" (the party speaks as itself:
// party names, "vår politik", "valplattform"); kept so that a named-class
// rule cannot take them back.
func TestLocalPartyBranchesOnTheirOwnMunicipality(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"o660.txt", "", 0}, // S Alvesta, "Vår politik"
		{"o662.txt", "", 0}, // M Lerum, working groups
		{"o665.txt", "", 0}, // SD Lund, motions
		{"o680.txt", "", 0}, // V Trollhättan, 2022 posts
		{"o685.txt", "", 0}, // C Lund, election platform
	})
}

// TestCompanyFormsList: the legal forms are a data list (company-forms.txt),
// read once; a form not in capitals is an error naming the file.
func TestCompanyFormsList(t *testing.T) {
	forms := embeddedCompanyForms()
	for _, f := range []string{"AB", "HB", "KB"} {
		if !forms[f] {
			t.Errorf("company-forms.txt lacks %q: %v", f, forms)
		}
	}
	for _, data := range []string{"# forms\nab\n", "AB HB\n", "Ab\n"} {
		fsys := fstest.MapFS{"data/attribution/company-forms.txt": &fstest.MapFile{Data: []byte(data)}}
		if _, err := parseCompanyForms(fsys); err == nil || !strings.Contains(err.Error(), "company-forms.txt") {
			t.Errorf("company-forms.txt %q: err = %v, want an error naming the file", data, err)
		}
	}
}
