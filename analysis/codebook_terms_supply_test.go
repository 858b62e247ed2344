package analysis

import "testing"

// themeMatchTexts returns the words of sentence that match theme.
func themeMatchTexts(t *testing.T, a *Analyzer, sentence, theme string) []string {
	t.Helper()
	res := a.Analyze(docFromText(sentence + "\n"))
	cov, err := res.Theme(theme)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range cov.Evidence {
		for _, m := range h.Matched {
			out = append(out, m.Text)
		}
	}
	return out
}

// TestCodebookFalseFriendsSession28: words that hold a theme's term in
// another sense, read on real dev sentences (testdata/realtexts, files and
// addresses beside them). Session 28 (h-themes28): dev level>=1 P 0.810 ->
// 0.818 (fp 185 -> 175, no right cell lost), claims in labelled sentences
// P 0.777 -> 0.779, sentences P 0.762 -> 0.764, recalls unchanged.
//
//   - försörjning as a head is self-support ("egen försörjning",
//     kompetensförsörjning), not the supply of electricity, water, energy,
//     food or premises (elkraftsförsörjning, energiförsörjningen);
//   - företag is enterprise, but a bostadsföretag or fastighetsföretag is
//     the housing sector's company (bostad- reads it as housing);
//   - boende is a dwelling, not the residents (närboende) nor parking for
//     them (boendeparkering); "inneboende hos någon" (a lodger) stays;
//   - opera is the art, not operativ, operatör, operation;
//   - mottagande is not mottagare (a recipient, the same stem), hälsa not
//     hälsning (a greeting), öppenhet not the school law's öppenhetskrav.
func TestCodebookFalseFriendsSession28(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct {
		src, theme, sentence, word string
		want                       bool
	}{
		{"m977 jokkmokk.se/Nyheter-och-Event/Nyheter/kommun-och-samhalle/beslut-om-miljoninvesteringar-och-vision-2030/", "work",
			"Bland besluten under kommunfullmäktige fanns en satsning på 2,4 miljoner kronor för en förbättrad elkraftsförsörjning till industrihuset i Porjus.", "elkraftsförsörjning", false},
		{"m429 lund.se/nyheter-och-nyhetsarkiv/", "work",
			"Samtidigt ska energiförsörjningen i Lunds kommun vara långsiktigt hållbar och robust.", "energiförsörjningen", false},
		{"o322", "work", "Regionstyrelsen beslutade bland annat att godkänna strategi för kompetensförsörjning 2022-2024.", "kompetensförsörjning", true},
		{"m002 eda.se/vard/invandring-och-integration__285", "work",
			"Det är viktigt för kommunen att människor som kommer hit får möjlighet att lära sig svenska och att nå egen försörjning.", "egen försörjning", true},
		{"o773 sverigesradio.se/artikel/5069", "work",
			"Förhandlingarna om årets hyror är nu klara för omkring 90 procent av lägenheterna i de kommunala bostadsföretagen.", "bostadsföretagen", false},
		{"o773 sverigesradio.se/artikel/5069", "housing",
			"Förhandlingarna om årets hyror är nu klara för omkring 90 procent av lägenheterna i de kommunala bostadsföretagen.", "bostadsföretagen", true},
		{"o353 industrinyheter.se (Nobia)", "work", "Nobia är ett av de största köksföretagen i Europa.", "köksföretagen", true},
		{"m894 sla.se/karlsborg/2015/02/25/medborgarforslag-till-beredning", "housing",
			"Där närboende vill se fartsänkande åtgärder och belysning.", "närboende", false},
		{"m898 skovdenyheter.se/article/fullmaktige-pa-rekordtid/", "housing",
			"Att de blir boendeparkeringar är beslutat i byggnadsnämnden tidigare, men det är fullmäktige som har det sista ordet om nivån på avgifterna.", "boendeparkeringar", false},
		{"m043 sater.se/stod-omsorg/integration/", "housing",
			"Nyanlända kan även välja att vara inneboende hos någon kontakt som de redan hade här i Sverige.", "inneboende", true},
		{"o570 vgregion.se (regionstyrelsen 3 juni 2025)", "culture_leisure",
			"Andelen patienter som får ett första besök inom rimlig tid har ökat med tre procentenheter, och tillgången till operationer och åtgärder har ökat med 17 procentenheter.", "operationer", false},
		{"r019 kalmar-nation-stadgar-ht25.pdf", "culture_leisure",
			"Kuratelet är nationens verkställande organ som utgör dess operativa ledning.", "operativa", false},
		{"m301 ljusnarsberg.se (årskrönika)", "culture_leisure",
			"Sommaren innebar också att Opera på Skäret och Non Existens center vid Ställbergs gruva höll sina arrangemang under den varmaste tiden.", "Opera", true},
		// "mottagare" (a recipient) shares mottagande's stem; a greeting is not health;
		// the school law's öppenhetskrav is not openness as an attitude
		{"m720 hbwebben4.rssing.com/chan-67528963/index-page25.html", "reception",
			"Matvarukedjan uppmanar mottagare av meddelandet att inte följa dess...", "mottagare", false},
		{"o029", "reception",
			"Detta för att möjliggöra ett bra mottagande av nyanlända och hjälpa dem att så snabbt som möjligt ta del av olika insatser.", "mottagande", true},
		{"m996 bollnas.se/index.php/88-aktuellt/3288-kommunledningens-julhaelsning", "health", "hälsning kommunledning", "hälsning", false},
		{"m587", "health",
			"Trångboddhet behöver inte vara ett problem men kan ha negativa effekter på barns hälsa, skolresultat och sociala kontakter.", "hälsa", true},
		{"o869 friskola.se/starta-driva/oppenhetskrav-och-ko-i-fristaende-skolor/", "attitude",
			"Öppenhetskravet innebär att även elever i behov av särskilt stöd kan välja den friskola de önskar.", "Öppenhetskravet", false},
		{"m975", "attitude", "Kommunens arbete ska präglas av ansvar, öppenhet och delaktighet.", "öppenhet", true},
	} {
		got := false
		for _, w := range themeMatchTexts(t, a, c.sentence, c.theme) {
			if w == c.word {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s: %q: %s match of %q = %v, want %v", c.src, c.sentence, c.theme, c.word, got, c.want)
		}
	}
}

// TestCodebookWordsSession28: more words of another sense, and three
// missing words, read on real dev sentences (testdata/realtexts).
// Session 28 (h-themes28):
//
//   - vård is health care, not the care of nature, water, fish, buildings,
//     heritage or clothes, nor cleaning (lokalvård); lägenhet is a flat,
//     not angelägenhet (a matter) or belägenhet. Dev claims fp 2040 -> 2031,
//     claims in labelled sentences fp 243 -> 242, sentences fp 820 -> 818,
//     no level moved.
//   - smitta (infection: health in all 7 labelled dev sentences holding
//     it), hjärtstartare (public defibrillators: health), klassrum
//     (education). Dev claims in labelled sentences P/R 0.779/0.923 ->
//     0.780/0.927, sentences P/R 0.764/0.724 -> 0.765/0.727, level>=1
//     right cells 789 -> 793 (o279, o817, m297, m990), wrong 175 -> 176
//     (m209: "den smittade zonen med Afrikansk svinpest", an animal
//     disease, labelled 0).
//   - skola is not the leisure schools (kulturskola, musikskola,
//     idrottsskola, simskola ...: culture and leisure in the 4 labelled dev
//     sentences naming them). Claims in labelled sentences fp 242 -> 241,
//     sentences fp 818 -> 814, no level moved.
func TestCodebookWordsSession28(t *testing.T) {
	a := testAnalyzer(t)
	for _, c := range []struct {
		src, theme, sentence, word string
		want                       bool
	}{
		{"m053 gnosjo.se/nyhetsarkiv/nyhetsarkiv/2023-03-17-tvatteriet-ger-nya-jobb", "health",
			"Här i Gnosjö har kommunen ordnat praktik och arbeten inom lokalvård, skolkök och nu även inom tvätteri.", "lokalvård", false},
		{"o378", "health", "Syftet är att stärka det lokala engagemanget inom naturvård och att bidra till att miljömålen uppfylls.", "naturvård", false},
		{"o446", "health",
			"För att få fullt genomslag för vår politik, där vi tror att Sverige kan vara ett Möjligheternas land för alla medborgare, måste också vår ideologi få styra över sjuk- och hälsovård och regionala utvecklingsfrågor som landstinget har ansvar för.", "hälsovård", true},
		{"o207 partiprogram.se/fp/2014/integration-i-ett-oppet-samhalle", "housing",
			"Det handlar också om att se samhällsförhållandena som en gemensam angelägenhet där vi har att delta i formandet av den gemensamma framtiden.", "angelägenhet", false},
		{"m469 bromolla.se (nyhetsarkiv covid-19)", "health",
			"En personal på Näsums skola och en personal på förskolan i Gualöv har bekräftad smitta av covid-19.", "smitta", true},
		{"o279", "health", "Nyheter Lekebergs kommun har satsat på flera nya hjärtstartare som placerats utomhus.", "hjärtstartare", true},
		// the leisure schools: culture and leisure, not education
		{"m180", "education", "Idrottskul är en idrottsskola för alla barn som går i årskurs 1-4 i Högsby kommun.", "idrottsskola", false},
		{"m338", "education", "• Kulturskolan stänger.", "Kulturskolan", false},
		{"m338", "culture_leisure", "• Kulturskolan stänger.", "Kulturskolan", true},
		{"o062", "education", "Det känns verkligen att det är en kommun som medvetet satsar på skola och utbildning, säger skolchefen Lena Hannu.", "skola", true},
		{"o893", "education",
			"Kommunfullmäktige beslutade igår om en investeringsbudget på 40 miljoner för att bygga 8 nya klassrum på Älvdalsskolan.", "klassrum", true},
	} {
		got := false
		for _, w := range themeMatchTexts(t, a, c.sentence, c.theme) {
			if w == c.word {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s: %q: %s match of %q = %v, want %v", c.src, c.sentence, c.theme, c.word, got, c.want)
		}
	}
}
