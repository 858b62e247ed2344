package analysis

import "testing"

// Session 27 (task attrnone29): texts that speak for no municipality.
// Real dev texts, copies and sources in testdata/attribution/real.

// TestLocalPartyAt: on real dev lines, a municipality's name (or its
// genitive) before "partiet" names a local party; a national party, a
// party named after no municipality and the municipality's own name do
// not.
func TestLocalPartyAt(t *testing.T) {
	a, _ := newTestAttributor(t)
	local := func(text string, words []word, i int, lw string) bool {
		return words[i].upper && a.localPartyAt(lw)
	}
	for _, tc := range []struct {
		file, text string
		want       bool
	}{
		{"o936", "Ronnebypartiet vill peka på några frågor som vi ser som särskilt viktiga.", true},
		{"o920", "Sedan Strömstadspartiet gjorde entré på den politiska scenen har makten centrerats till ett fåtal", true},
		{"n005", "På Lidingö bildar Moderaterna, Lidingöpartiet, Liberalerna och Kristdemokraterna majoritet", true},
		{"m713", "Ödeshögspartiet", true},
		// national parties and a party named after no municipality
		{"o920", "Miljöpartiet har länge pekat på riskerna med att sätta allt hopp till en ständigt växande gränshandel", false},
		{"m185", "Framtidspartiet", false},
		{"m727", "Landsbygdspartiet", false},
		// the municipality itself
		{"o936", "Ronneby kommun kan bli en bättre del av Sverige att bo och arbeta i.", false},
	} {
		if got := firesInText(tc.text, local); got != tc.want {
			t.Errorf("%s %q: local party = %v, want %v", tc.file, tc.text, got, tc.want)
		}
	}
}

// TestLocalPartySpeaksForNone: before this round o936 (Ronnebypartiet's
// programme, "vi ser") answered Ronneby at 0.85 and o920 (Miljöpartiet
// on Strömstad's budget, naming Strömstadspartiet) Strömstad at 0.71;
// both speak for none. Lidingö's own page (n005) and a paper's report on
// Falun (m836), which name a local party but say no "we" of a party or
// report its speech, keep their answers.
func TestLocalPartySpeaksForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	checkRealAnswers(t, a, []realAnswer{
		{"o936.txt", "", 0},
		{"o920.txt", "", 0},
		{"n005.txt", "0186", 0.9},
		{"m836.txt", "2080", 0.8},
	})
}
