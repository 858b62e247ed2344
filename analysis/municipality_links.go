package analysis

import "strings"

// Links to a page on a municipality's site (issue 14, round 19, the none
// class; docs/validity.md). An e-mail address at a municipality's domain
// ("anna.berg@gnesta.se") or its bare site ("www.gnesta.se") is a contact:
// the speaker's own, as telling as "Gnesta kommun". A link to one page on
// the site ("Här kan du läsa mer: http://www.gnesta.se/kommunen/hotadtagtrafik…",
// "http://www.ystad.se/kommun–politik/nyheter/aktuellt/kommunen2030/") is
// what anyone gives who points a reader to the municipality: a party's blog,
// a village association. It still counts as evidence of the municipality
// named, but it does not keep a text that speaks as a party or an
// association ("vi i majoriteten", "vi i byalaget") from being read as
// written about the municipality, even where the link says "du kan läsa
// mer" (municipality_voice.go, speaksAsParty).

// contactAddressed returns the municipalities at whose domain the text
// gives a contact, an e-mail address or a web address without a path,
// outside noise lines. Its complement among addressedMunicipalities is the
// municipalities the text only links to.
func (a *MunicipalityAttributor) contactAddressed(lay docLayout) map[int]bool {
	out := map[int]bool{}
	for _, l := range lay.lines {
		if l.noise || !strings.Contains(l.text, ".se") {
			continue
		}
		for i := 0; i < len(l.text); i++ {
			var rest string
			email := false
			switch {
			case l.text[i] == '@':
				rest, email = l.text[i+1:], true
			case strings.HasPrefix(l.text[i:], "www.") && (i == 0 || !isHostByte(l.text[i-1])):
				rest = l.text[i+4:]
			case strings.HasPrefix(l.text[i:], "://"):
				rest = strings.TrimPrefix(l.text[i+3:], "www.")
			default:
				continue
			}
			host := hostAt(rest)
			name, ok := strings.CutSuffix(strings.ToLower(host), ".se")
			if !ok || strings.Contains(name, ".") {
				continue
			}
			m, ok := a.domains[name]
			if !ok {
				continue
			}
			if email || !linksToPage(rest[len(host):]) {
				out[m] = true
			}
		}
	}
	return out
}

// linksToPage reports whether what follows a host name is a path to a
// page: a slash and at least one more character of the address
// ("/kommunen/hotadtagtrafik.html", "/lunsen"), not a bare trailing slash.
func linksToPage(after string) bool {
	if !strings.HasPrefix(after, "/") || len(after) < 2 {
		return false
	}
	c := after[1]
	return c != ' ' && c != '\t' && c != '\n' && c != '.' && c != ','
}
