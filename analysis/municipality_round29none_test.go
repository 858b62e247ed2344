package analysis

import "testing"

// Session 29 (task attrnone31, issue 14): texts that speak for no
// municipality. Dev texts are quoted with their file names
// (testdata/realtexts).

// TestCompanyTitled: a page whose first line is nothing but a company's
// name, as the text names it with its legal form, is headed by the
// company (municipality_companytitle.go); a municipality's page headed by
// its own name, or by a title in which the company is one phrase among
// others, is not.
func TestCompanyTitled(t *testing.T) {
	for _, tc := range []struct {
		src, text string
		want      bool
	}{
		{"o912", "BOLLNÄS BOSTÄDER 1947-2017\n\nBollnäs Bostäder grundades 1947.\n\nSamtidigt gjordes namnbyte och nuvarande AB Bollnäs Bostäder kom till.", true},
		{"o912, the name after the form or before it", "Bollnäs Bostäder\n\nBollnäs Bostäder AB grundades 1947.", true},
		{"m243", "Habo\n\nSenast uppdaterad: 26/8-2021\n\nKommunens bostadsbolag, Habo Bostäder AB, äger och förvaltar de flesta hyreslägenheter som finns i Habo kommun.", false},
		{"m468", "Kundservice avfall flyttas till Västblekinge Miljö AB (VMAB)\nMåndagen den 1 juli flyttas Kundservice avfall till Västblekinge Miljö AB (VMAB). Bromölla kommun fördjupar samarbetet ytterligare med VMAB.", false},
		{"o912 without the legal form", "BOLLNÄS BOSTÄDER 1947-2017\n\nBollnäs Bostäder grundades 1947.", false},
	} {
		words := tokenizeWordsInto(nil, tc.text)
		zones := make([]uint8, len(words))
		for i := range zones {
			zones[i] = zBody
		}
		if got := companyTitled(tc.text, words, zones); got != tc.want {
			t.Errorf("%s: companyTitled = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestCompanyTitledSpeaksForNone: Bollnäs Bostäder's history page (o912,
// dev, labelled none) answered Bollnäs at 0.96, a confident wrong; headed
// by the company's name and saying "we", it is the company's own page.
// Bromölla's news list (m468), which names VMAB in its first line, keeps
// Bromölla.
func TestCompanyTitledSpeaksForNone(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, tc := range []struct {
		src, text, want string
		min             float64
	}{
		{"o912", `BOLLNÄS BOSTÄDER 1947-2017

Bollnäs Bostäder grundades 1947. Vi kommer fira våra 70 år som bostadsföretag med tårta och underhållning på Brotorget den 26 augusti. Här får du en historisk tillbakablick av Bollnäs Bostäder från begynnelsen till och med dagens datum.

1947

Stiftelsen Bollnäs Bostäder bildades i april 1947 och den första fastigheten var huset på Edelsbergsvägen 17. 1960 hade företaget 830 lägenheter i Bollnäs. På hösten samma år började byggandet av ytterligare drygt 100 lägenheter på Bäckvägen.

1974

Vid kommunsammanslagningen 1974 slogs Stiftelsen samman med de kommunala bostadsföretagen i Kilafors, Arbrå och Alfta. Samtidigt gjordes namnbyte och nuvarande AB Bollnäs Bostäder kom till. I slutet på 70-talet övergick Alfta till Ovanåkers kommun.

1994-2000

1994-2000 hade Bollnäs Bostäder ett förvaltningsuppdrag åt Bollnäs Kommun. Det innebar att delar av kommunens fastighetspersonal flyttades till Bollnäs Bostäder.`, "", 0},
		{"m468", `Kundservice avfall flyttas till Västblekinge Miljö AB (VMAB)
Måndagen den 1 juli flyttas Kundservice avfall till Västblekinge Miljö AB (VMAB). Bromölla kommun fördjupar samarbetet ytterligare med VMAB.
Onsdagen den 8 februari presenterar Polisen och Bromölla kommun sitt gemensamma medborgarlöfte för 2024. Ett medborgarlöfte som handlar om att lyssna på vad de som bor och verkar i Bromölla kommun upplever som viktigt för att de ska känna sig trygga och säkra.
Den 10 till 12 november har kulturhelgen i Bromölla kommun premiär. Under tre dagar bjuder föreningar, kulturaktörer och kommunen in till en mängd olika kulturaktiviteter och arrangemang runtom i bygden, från Nymölla i söder till Näsum i norr. Vi kan med stolthet presentera ett brett program med minst 36 programpunkter och 20 olika aktörer!`, "1272", 0.6},
	} {
		got := a.Attribute(tc.text)
		if got.Code != tc.want || (tc.want != "" && got.Confidence < tc.min) {
			t.Errorf("%s: Attribute = %q %.2f (%s), want %q (at least %.2f)", tc.src, got.Code, got.Confidence, got.Reason, tc.want, tc.min)
		}
	}
}
