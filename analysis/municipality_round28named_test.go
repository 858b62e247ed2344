package analysis

import "testing"

// TestSeatInOwnVoice: a municipality's own page that names no
// municipality but its seat, at least twice, in the municipality's own
// voice ("kommunen bjuder nu in", "kommunens hemsida") names the
// municipality (municipality_seatvoice.go). Probe page (session 28, not
// in testdata): https://www.mark.se/nyheter/nyhetssidan/valkommen-pa-informationsmote-om-malbild-kinna-centrum-2030/
// ("no municipality is named" before). A seat named in a news list or
// once, or beside another municipality, stays a place (dev m782, a news
// list on Fjugesta and Hallsberg: none).
func TestSeatInOwnVoice(t *testing.T) {
	a, _ := newTestAttributor(t)
	mark := "Välkommen på informationsmöte 30/3 om Målbild Kinna centrum 2030\n\n" +
		"Nu fortsätter arbetet med att utarbeta en målbild för Kinna centrum 2030. Tisdagen den 30 mars klockan 18:00 har du chansen att uppdatera dig kring det pågående arbetet.\n\n" +
		"Arbetet med att utarbeta en målbild för Kinna centrum 2030 inleddes i oktober efter ett beslut i kommunstyrelsen.\n\n" +
		"Nu har perspektivinsamlingen avslutats och sammanställts i en rapport som kommer att publiceras på kommunens hemsida under vecka 11.\n\n" +
		"För att informera om var i arbetet vi befinner oss just nu bjuder kommunen nu in till ett kortare, digitalt informationsmöte.\n"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"Mark's page on Kinna centrum", mark, "1463"},
		{"the seat once", "Välkommen på informationsmöte 30/3 om Målbild Kinna centrum 2030\n\n" +
			"Nu har perspektivinsamlingen avslutats och sammanställts i en rapport som kommer att publiceras på kommunens hemsida under vecka 11.\n\n" +
			"För att informera om var i arbetet vi befinner oss just nu bjuder kommunen nu in till ett kortare, digitalt informationsmöte.\n", ""},
		{"no own voice", "Välkommen på informationsmöte 30/3 om Målbild Kinna centrum 2030\n\n" +
			"Nu fortsätter arbetet med att utarbeta en målbild för Kinna centrum 2030. Tisdagen den 30 mars klockan 18:00 har du chansen att uppdatera dig kring det pågående arbetet.\n", ""},
		{"another municipality named", mark + "\nMötet hålls tillsammans med Borås.\n", "1490"},
	} {
		at := a.Attribute(tc.text)
		got := at.Code
		if tc.want == "1490" && got == "" {
			got = at.RunnerUp.Code // the named municipality leads; the seat adds nothing
		}
		if got != tc.want || (got == "1463" && at.Confidence > districtOnly) {
			t.Errorf("%s: %q (%.2f, %s), want %q", tc.name, got, at.Confidence, at.Reason, tc.want)
		}
	}
	// dev m782 (Fjugesta named three times in a local news list: none).
	list := "Knallesvängen och Lerbäcksmarken kan bli verklighet\n\nNyheter Knallesvängen, som även i år fick ersätta Lerbäcksmarken, blev ett uppskattat arrangemang.\n\n" +
		"”Vi kan bara vänta och se”\n\nNyheter Personalen på Coop i Fjugesta storstädar och gör snyggt i butiken.\n\n" +
		"Nyheter Anncharlotte Hoyle har länge drömt om att ha en egen butik på gården utanför Fjugesta.\n\n" +
		"Nyheter Under veckan kommer fyra nya fartkameror mellan Fjugesta och Lanna att sättas upp. Totalt ska sträckan ha fem kameror.\n"
	if got := a.Attribute(list); got.Code != "" {
		t.Errorf("news list on Fjugesta: %q %.2f (%s), want unknown", got.Code, got.Confidence, got.Reason)
	}
}
