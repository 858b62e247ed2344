package analysis

import (
	"testing"
	"time"
)

// TestKindAtTheHead: a kind word names the document's kind only at the
// head of its title, a front-matter line or the body's opening; further in,
// it names some other document that a news item, a press release or a web
// page talks about. The openings are real dev texts of testdata/realtexts,
// each labelled kind `other` (a web page, news) or the kind its title
// states (bare document titles).
func TestKindAtTheHead(t *testing.T) {
	tests := []struct {
		source, text, want string
	}{
		// m321, http://www.mynewsdesk.com/se/halmstadskommun (a press release)
		{"m321", "Halmstads Kommun deltar i utvecklingsprogram för att stärka företagsklimatet\n\nPressmeddelanden   •   Jan 18, 2019 10:46 CET\n\nNu har startskottet gått för Halmstads kommuns medverkan i Svenskt Näringslivs utvecklingsprogram för ett bättre företagsklimat. Sex kommuner deltar och för att få vara med krävs att näringslivsfrågorna är högt prioriterade.\n", KindOther},
		// m516, https://trelleborg.dev.w8e.se/nyheter/kommunen-lagger-strategisk-plan-for-lokalbehov
		{"m516", "Kommunen lägger strategisk plan för lokalbehov\nHur ser kommunens samlade lokalbehov ut de närmaste åren? En sådan helhetsbild tas fram i lokalförsörjningsplanen som presenterades och godkändes på kommunstyrelsens sammanträde i mitten av maj. Planen visar var det finns behov av att se över kommunens lokalbestånd på kort och lång sikt.\n", KindOther},
		// m918, https://www.alingsastidning.se/nyheter/herrljunga/darfor-overgav-herrljunga-raddningstjanstplanerna...
		{"m918", "Därför övergav Herrljunga räddningstjänstplanerna\n\nRäddningstjänsten i Herrljunga kostar flera hundra kronor mer per invånare och år än i grannkommunerna. Alingsås och Vårgårdas ultimativa krav på snabb bantning av kostnaderna är ett av skälen till att Herrljunga hoppat av planerna, säger nu Mats Palm (S).\n", KindOther},
		// o405, https://www.unt.se/val2018/mp-vill-bygga-vardcentrum-i-gottsunda-5067235.aspx
		{"o405", "– Det är i linje med programmet för effektiv och nära vård som regionen antagit. Tanken är att samla flera kompetenser för att få en mer nära vård, säger Malena Ranch, regionråd.\n\nDet handlar dock inte om att omedelbart flytta de nuvarande närvårdsplatserna från Kronparken till Gottsunda.\n", KindOther},
		// o642, https://kyrkpressen.fi/lokalt/58614-en-harlig-salig-blandning.html
		{"o642", "Språkcaféet bjuder både på program och samtal.\nSpråkcaféet bjuder både på program och samtal.\n\nEn härlig, salig blandning!\n", KindOther},
		// o782, https://sverigesradio.se/sida/artikel.aspx?programid=78&artikel=560628:
		// "Planerna på att …" points at plans named before (definite).
		{"o782", "Landstingsstyrelsen beslutar om Hedehälsocentral\n\nPlanerna på att byborna i Hede själva ska ta över hälsocentralen går framåt.\n\nLandstingsdirektören föreslår nu att landstingsstyrelsen ska fatta beslut om en alternativ driftform på sitt möte om en vecka.\n", KindOther},
		// m825, https://nyheter.infon.se/2013/04/24/page/17: a headline in the definite.
		{"m825", "Arkiv för april 24, 2013\n\n\nVA-planen försenad\n\nPå tisdagskvällens kommunfullmäktige i Mörbylånga låg tyngdpunkten på investeringar, både att det byggs för mer än vad kommunen har råd med och att det saknas en plan för investeringar i vatten och avlopp.\n", KindOther},
		// m099, https://www.boxholm.se/politikorganisation/kommunfullmaktige...: a bulleted list of the council's matters.
		{"m099", "Kommunfullmäktige\n\nKommunfullmäktige är kommunens högsta beslutande organ. Fullmäktige beslutar angående ärenden av större vikt för kommunen, exempelvis:\n\n  • Mål och riktlinjer för verksamheten\n  • Budget, skattesats och andra viktiga ekonomiska frågor\n  • Kommunens organisation och verksamhetsfrågor\n", KindOther},
		// m941, https://insynsverige.se/ljungby-ks/protokoll?date=2012-01-10: a numbered agenda.
		{"m941", "Din position: Hem > Ljungby kommun > Kommunstyrelsen > Sammanträde 2012-01-10\n\nSammanträde 2012-01-10\n\n1 Förslag till justerare Stefan Fredriksson.\n\nBeslutsärenden\n\n2 Revidering av bilaga till Ljungby kommuns arvodesreglemente. - Anna Hesselstedt\n\n4 Upprätta en cykelstrategi. Svar på motion. - Sonja Edén\n", KindOther},
		// Bare document titles (t-texts), kind as the title states it.
		{"t032", "Integrationsstrategi. Krokoms kommun", KindStrategy},
		{"t004", "Integrationsplan. Stenungsunds kommun", KindPlan},
		{"t005", "Program för ett integrerat samhälle", KindProgram},
		{"t038", "Dokumentbeteckning. Folkhälsostrategi för Trollhättans Stad Handläggare/Förvaltning Folkhälsostrateg/KSF", KindStrategy},
		{"t040", "Internationell policy för Tranemo kommun", KindPolicy},
		{"t072", "Linköpings personalpolitiska program", KindProgram},
		// A suspended compound and its conjunction share the next
		// conjunct's head and do not push the kind word past the head.
		{"t141", "Integrations- och flyktingpolitiskt program. Interkulturella möten", KindProgram},
		// n015, https://www.lillaedet.se/...: an agenda line in a news item
		// is a long phrase, named only by its first word as written.
		{"n015", "Kommunfullmäktiges extra sammanträde onsdag kväll\n\nI kommunfullmäktige fattas beslut som du som kommuninvånare garanterat märker av i ditt dagliga liv. Onsdag 4 november 2020 har kommunfullmäktige extra sammanträde kl. 18.00.\n\nKommunfullmäktige behandlar bland annat följande ärenden:\n\n16:Mål- och resursplan för Lilla Edets kommun 2021 samt flerårsplan för 2022-2023, reglementen för nämnder och styrelser, motion om oppositionsrådets vara eller icke vara samt motion om att sänka politikerarvodet i Lilla Edet.\n", KindOther},
	}
	for _, tc := range tests {
		// The title lines of the t-texts stand alone; a body makes them
		// the document's title as a plan's first page does.
		text := tc.text
		if tc.source[0] == 't' {
			text += "\n\nKommunen tar emot nyanlända och arbetar med integration.\n"
		}
		if got := ExtractMetadata(text, muniAsOf).Kind; got != tc.want {
			t.Errorf("%s: kind %q, want %q", tc.source, got, tc.want)
		}
	}
}

// TestKindOfHead pins the phrase rule: the kind word, in the indefinite,
// within the first three words of a phrase, or the first word of a phrase
// longer than kindLineWords.
func TestKindOfHead(t *testing.T) {
	tests := []struct {
		s        string
		maxWords int
		want     string
	}{
		{"Tierps kommuns plan för mottagande", 0, KindPlan},
		{"Kommunen lägger strategisk plan för lokalbehov", 0, ""},
		{"Nyheter: Integrationsprogram för Västerås stad", 0, KindProgram},
		{"Riktlinjer för integration av nya svenskar Dokumentet har skapats i samverkan med förvaltningar och bolag i Alingsås kommun", kindLineWords, KindGuidelines},
		{"Beskrivningen om planerna visar på att kommunen vill satsa stort på området och bygga nya bostäder", kindLineWords, ""},
		{"Strategisk inriktning för integration", 0, KindStrategy},
		{"VA-planen försenad", 0, ""},
		{"Planen är att avveckla kontoren i Borlänge och Visby under det år som kommer", kindLineWords, ""},
		{"", 0, ""},
	}
	for _, tc := range tests {
		if got := kindOfHead(tc.s, tc.maxWords); got != tc.want {
			t.Errorf("kindOfHead(%q, %d) = %q, want %q", tc.s, tc.maxWords, got, tc.want)
		}
	}
}

// TestTitlePeriodWithTill: a title may write its period with "till"
// (the dev title t131 of testdata/realtexts); "från … till …" in a
// headline is a change over time and states no period.
func TestTitlePeriodWithTill(t *testing.T) {
	tests := []struct {
		source, text, from, to string
	}{
		{"t131", "LUP för Motala kommun 2015 till 2018", "2015", "2018"},
		{"a headline", "Befolkningen ökade från 2015 till 2018", "", ""},
	}
	for _, tc := range tests {
		md := ExtractMetadata(tc.text, time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC))
		if md.ValidFrom != tc.from || md.ValidTo != tc.to {
			t.Errorf("%s: valid %q-%q, want %q-%q", tc.source, md.ValidFrom, md.ValidTo, tc.from, tc.to)
		}
	}
}
