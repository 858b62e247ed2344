package analysis

import "testing"

// Real dev sentences of testdata/realtexts for the level classes of
// session 21's level23 task (issue 14: false level cells on real text).

// TestLinkLine: a line that is one link, a page's name and the site's
// link marker, is navigation. m054 (dev; https://www.emmaboda.se/omsorg-stod--hjalp/invandring-och-integration.html)
// ends in two document links; the last, "1. SFI, Svenska för invandrare
// Öppnas i nytt fönster.", was read as a heading naming language and gave
// the page language 2, labelled 0 (the page treats language in one
// sentence). A sentence that ends in a link marker (m920, dev) is text.
func TestLinkLine(t *testing.T) {
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"  1. SFI, Svenska för invandrare Öppnas i nytt fönster.", true},
		{"Socialtjänstplan för Emmaboda kommun , 1014.3 kB, öppnas i nytt fönster.", true},
		{"Migrationsverket Länk till annan webbplats, öppnas i nytt fönster.", true},
		{"Kommunfullmäktiges sammanträden är öppna för alla och direktsänds via Youtube Länk till annan webbplats, öppnas i nytt fönster..", false},
		{"Få förutsättningar att lära sig det svenska språket i tal och skrift.", false},
		{"Ett nytt fönster öppnas i nytt fönster mot gården, sa han, och gick.", false},
	} {
		if got := isLinkLine(c.p); got != c.want {
			t.Errorf("isLinkLine(%q) = %v, want %v", c.p, got, c.want)
		}
	}
	a := testAnalyzer(t)
	text := "Invandring och integration\n\n" +
		"Vi vill att varje nyanländ invandrare ska få kunskaper om det svenska samhället och få möjligheter att delta i samhällslivet. Få förutsättningar att lära sig det svenska språket i tal och skrift.\n\n" +
		"Socialtjänstplan för Emmaboda kommun , 1014.3 kB, öppnas i nytt fönster.\n\n" +
		"  1. SFI, Svenska för invandrare Öppnas i nytt fönster.\n"
	res, cov := analyzedTheme(t, a, text, "language")
	if cov.Level != 0 || len(cov.Headings) != 0 {
		_, rule := GradeRule(cov, res.Sentences)
		t.Errorf("language: level %d, %d heading(s) (%s); want 0 and none: the SFI line is a link", cov.Level, len(cov.Headings), rule)
	}
}
