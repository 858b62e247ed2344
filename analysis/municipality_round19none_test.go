package analysis

import "testing"

// Session 19 (docs/validity.md, "Attribution, round 19: texts that speak
// for no municipality (session 19 ...)"): a link to a page on a
// municipality's site is not the municipality's own contact
// (municipality_links.go), so it does not keep a text that speaks as a
// party or an association from being read as written about the
// municipality. Real dev texts, copies and sources in
// testdata/attribution/real.

// TestLinkedPageIsNotAContact: on real sentences, an e-mail address or a
// bare site at a municipality's domain is a contact; a link to one of its
// pages is not.
func TestLinkedPageIsNotAContact(t *testing.T) {
	a, _ := newTestAttributor(t)
	gnesta, ok := a.domains["gnesta"]
	if !ok {
		t.Fatal("no domain gnesta")
	}
	for _, tc := range []struct {
		text    string
		contact bool
	}{
		// m875, MP Gnesta's blog (partibloggar.sn.se/gnestamp/2013/07/)
		{"Här kan du läsa mer: http://www.gnesta.se/kommunen/hotadtagtrafik.4.3c85961f13dabad7ab23088.html", false},
		{"Kontakta oss på info@gnesta.se eller besök www.gnesta.se.", true},
		{"Mer på https://gnesta.se/ om kommunen.", true},
	} {
		got := a.contactAddressed(layoutDocument(tc.text))
		if got[gnesta] != tc.contact {
			t.Errorf("%q: contact = %v, want %v", tc.text, got[gnesta], tc.contact)
		}
	}
}

// TestLinkingVoicesSpeakForNone: m875 (MP Gnesta's blog: "vi i
// majoriteten", "Här kan du läsa mer: http://www.gnesta.se/…") and m807
// (Köpingebro's village association: "Vi i byalaget har varit på möte med
// representanter från kommunen", "Var med och tyck till du också",
// "http://www.ystad.se/kommun–politik/…") answered Gnesta and Ystad at 1.00
// before this round, the link counted as the municipality's own address
// and the reader addressed ("du") as its service. Municipal pages that
// end with "Läs mer på www.uppsala.se/lunsen" (m308) or "Läs mer på
// www.mellerud.se/referenssystem" (m477), or link to their own news
// (m678, Kramfors), keep their answer: they speak as no party.
func TestLinkingVoicesSpeakForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"m875.txt", "", 0}, // partibloggar.sn.se/gnestamp
		{"m807.txt", "", 0}, // kopingebro.se, a village association on Ystad
		{"m308.txt", "0380", 0.9},
		{"m477.txt", "1461", 0.9},
		{"m678.txt", "2282", 0.6},
	})
}
