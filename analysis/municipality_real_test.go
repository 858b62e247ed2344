package analysis

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAttributeRealErrorClasses: one real text (development part of the
// labelled set, copied with its address into
// testdata/attribution/real/SOURCES.tsv) for each class of error the
// attributor made before (issue 14), and for each class of text it must
// keep answering "unknown". want "" = unknown.
func TestAttributeRealErrorClasses(t *testing.T) {
	a, _ := newTestAttributor(t)
	tests := []struct {
		file, want, why string
	}{
		// Named texts that were "unknown".
		{"m048.txt", "1983", "named three times by bare name (too little evidence before)"},
		{"m008.txt", "1484", "named twice by bare name"},
		{"r005.txt", "1270", "one \"Tomelilla kommuns\" in the body"},
		{"r004.txt", "0687", "title and body name Tranås kommun"},
		{"r009.txt", "1384", "a distinctive name once, in a text that speaks as \"kommunen\""},
		{"m058.txt", "1060", "a heading \"Arbetsförmedlingens etableringsprogram\" is a topic, not the author"},
		{"m037.txt", "2460", "\"Umeåregionens flyktingmottagning\" is a cooperation of municipalities, not a region"},
		{"m035.txt", "2403", "Bjurholm three times bare beside Umeåregionen"},
		{"r018.txt", "1291", "pdftotext of a 37-page report: no line is long, so the whole text was one 'list of titles'"},
		{"m041.txt", "1421", "named only by its logo's alt text, beside two mentions of Länsstyrelsen (a partner, not the speaker)"},
		{"r002.txt", "0114", "news on one municipality: \"Väsby\" once, and \"Kommunstyrelsen\" speaks (own voice)"},
		{"m324.txt", "2180", "minutes naming \"centrala Gävle\" once; \"kammarrätten i Göteborg\" is a court's seat, not a rival municipality"},
		// Ambiguous names, named as the municipality.
		{"m201.txt", "2425", "Dorotea (also a first name) once, coordinated in a place phrase: \"till Sverige och Dorotea\""},
		{"m091.txt", "1715", "Kil (also a word) named four times, the neighbour Forshaga twice (\"no clear winner\" before)"},
		{"m088.txt", "1981", "Sala, also a word, with Sala kommun"},
		// Bare titles.
		{"t003.txt", "0883", "title naming Västerviks kommun"},
		{"t004.txt", "1415", "title naming Stenungsunds kommun"},
		{"t001.txt", "", "title naming no municipality"},
		{"t009.txt", "2182", "title naming Söderhamn by bare name"},
		{"t011.txt", "0980", "title naming Gotland by bare name"},
		{"t020.txt", "1260", "title naming Bjuv kommun, ending with a full stop"},
		// Texts that speak for no municipality stay unknown.
		{"o002.txt", "", "Migrationsverket on offices in several municipalities"},
		{"r012.txt", "", "a party's motion on Sollentuna's policy"},
		{"r013.txt", "", "a county board on the quotas of 16 municipalities"},
		{"r014.txt", "", "radio news on six municipalities in Sörmland"},
		{"r015.txt", "", "Västra Götalandsregionen naming Götene and Karlsborg"},
		{"r016.txt", "", "news naming four municipalities once each"},
		{"r022.txt", "", "the government naming Göteborgs kommun in passing"},
		{"o053.txt", "", "radio news: Eskilstuna once among \"de sörmländska kommunerna\""},
		{"o040.txt", "", "Rädda Barnen naming Borås once"},
		{"o042.txt", "", "Rädda Barnen's title and body naming Eskilstuna"},
		{"r011.txt", "", "a municipality's own page that never names it"},
		{"o034.txt", "", "a student nation's guide: \"om Lund och Lunds studentliv\" is a genitive, not a second place"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got := a.Attribute(string(b))
			if got.Code != tc.want {
				t.Errorf("%s: Attribute = %q %s (%.2f: %s), want %q", tc.why, got.Code, got.Name, got.Confidence, got.Reason, tc.want)
			}
			if tc.want != "" && got.Confidence < DefaultMinConfidence {
				t.Errorf("confidence %.2f below the threshold for an answer", got.Confidence)
			}
			t.Logf("%s %.2f %s", got.Code, got.Confidence, got.Reason)
		})
	}
	// Every fixture has its source address.
	src, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", "SOURCES.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		if !strings.Contains(string(src), "\n"+tc.file+"\t") {
			t.Errorf("%s has no line in SOURCES.tsv", tc.file)
		}
	}
}

// TestAttributionDecide: the threshold decides; a veto always wins; the
// runner-up is the best candidate that is not the answer.
func TestAttributionDecide(t *testing.T) {
	at := Attribution{Candidates: [2]Candidate{
		{Code: "0360", Name: "Tierp", CountyCode: "03", Confidence: 0.7, Evidence: "x"},
		{Code: "0381", Name: "Enköping", CountyCode: "03", Confidence: 0.2, Evidence: "y"}}}
	if d := at.Decide(0.6); d.Code != "0360" || d.Confidence != 0.7 || d.RunnerUp.Code != "0381" {
		t.Errorf("at 0.6: %+v", d)
	}
	if d := at.Decide(0.8); d.Code != "" || d.Confidence != 0 || d.RunnerUp.Code != "0360" || !strings.Contains(d.Reason, "Tierp") {
		t.Errorf("at 0.8: %+v", d)
	}
	at.Veto = "issued by Migrationsverket, not a municipality"
	if d := at.Decide(0); d.Code != "" || d.RunnerUp.Code != "0360" || !strings.HasPrefix(d.Reason, at.Veto) {
		t.Errorf("vetoed: %+v", d)
	}
	if d := (Attribution{}).Decide(0.6); d.Code != "" || d.RunnerUp.Code != "" || d.Reason != "no municipality is named" {
		t.Errorf("empty: %+v", d)
	}
	// A name held back as an ordinary word is shown, never the answer,
	// even at --min-confidence 0.
	a, _ := newTestAttributor(t)
	d := a.attribute("Plan\n\nMark för bostäder saknas. Vara med i föreningslivet.", layoutDocument("Plan\n\nMark för bostäder saknas. Vara med i föreningslivet.")).Decide(0)
	if d.Code != "" {
		t.Errorf("ordinary words at threshold 0: %+v", d)
	}
}

// TestAttributionListsParse: the embedded lists parse, and a malformed
// list is an error naming the file.
func TestAttributionListsParse(t *testing.T) {
	l, err := parseAttributionLists(attributionData)
	if err != nil {
		t.Fatal(err)
	}
	if !l.ambiguous["mark"] || !l.place["i"] || !l.notAfter["län"] || l.aliases["Väsby"] != "0114" || !l.isParty("Centerpartiet") {
		t.Errorf("lists lack expected entries: %+v", l)
	}
	bad := fstest.MapFS{}
	entries, _ := fs.ReadDir(attributionData, "data/attribution")
	for _, e := range entries {
		b, _ := fs.ReadFile(attributionData, "data/attribution/"+e.Name())
		bad["data/attribution/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	bad["data/attribution/ambiguous-names.txt"] = &fstest.MapFile{Data: []byte("# comment\nMark\n")}
	if _, err := parseAttributionLists(bad); err == nil || !strings.Contains(err.Error(), "ambiguous-names.txt") {
		t.Errorf("capitalised entry: err = %v", err)
	}
	bad["data/attribution/ambiguous-names.txt"] = &fstest.MapFile{Data: []byte("mark\n")}
	bad["data/attribution/aliases.txt"] = &fstest.MapFile{Data: []byte("Väsby 0114\n")}
	if _, err := parseAttributionLists(bad); err == nil || !strings.Contains(err.Error(), "aliases.txt") {
		t.Errorf("alias without a tab: err = %v", err)
	}
}

// TestAttributeLayouts: page layouts of extracted PDFs (form feeds,
// running headers and footers, lines wrapped at ~90 characters) do not
// hide the municipality nor make a county board's report a
// municipality's.
func TestAttributeLayouts(t *testing.T) {
	a, _ := newTestAttributor(t)
	page := func(header, footer string, n int, body string) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString(header + "\n\n")
			for _, l := range wrapLines(body, 90) {
				b.WriteString(l + "\n")
			}
			b.WriteString("\n" + footer + " " + strconv.Itoa(i) + "\n\f")
		}
		return b.String()
	}
	body := "Arbetet med mottagandet av nyanlända har under året fortsatt i samverkan med civilsamhället och näringslivet. Språkcaféet på biblioteket har haft många besökare, och fler nyanlända har fått praktik inom kommunens verksamheter."
	muni := page("Årsredovisning 2024", "Ale kommun, sida", 12, body)
	if got := a.Attribute(muni); got.Code != "1440" {
		t.Errorf("running footer 'Ale kommun': %q (%s)", got.Code, got.Reason)
	}
	county := "Länsstyrelsen i Västra Götalands län\nRapport 2024:12\n\f" + page("Länsstyrelsen Västra Götaland", "Rapport 2024:12, sida", 8,
		"Under året har Alingsås, Lerum, Borås och Vårgårda tagit emot fler nyanlända än tidigare. Länsstyrelsen har följt upp kommunernas arbete med bosättning.")
	if got := a.Attribute(county); got.Code != "" {
		t.Errorf("county board report with a running header: %q (%s)", got.Code, got.Reason)
	}
}

// wrapLines breaks text into lines of at most width bytes at spaces, as
// pdftotext leaves a page's lines.
func wrapLines(text string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(out, line)
}

// TestAttributeAddresses: an e-mail or web address at a municipality's
// own domain is its staff's or its site's.
func TestAttributeAddresses(t *testing.T) {
	a, _ := newTestAttributor(t)
	// m099 (Boxholm, dev): named twice bare, and three staff addresses
	// at boxholm.se; 0.89 before the addresses counted.
	b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", "m099.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Attribute(string(b)); got.Code != "0560" || got.Confidence < 0.9 {
		t.Errorf("m099: Attribute = %q %.2f (%s), want 0560 at >= 0.90", got.Code, got.Confidence, got.Reason)
	}
	filler := strings.Repeat("Vi erbjuder stöd till nyanlända i arbete och boende. ", 8)
	tests := []struct{ text, want string }{
		{"Samhällsorientering\n\n" + filler + "\nKontakt: anna.berg@upplandsvasby.se", "0114"},
		{"Samhällsorientering\n\n" + filler + "\nLäs mer på www.upplands-bro.se.", "0139"},
		{"Samhällsorientering\n\n" + filler + "\nSkriv till info@orebro.se", "1880"},
		// Habo and Håbo fold alike: the address cannot tell them apart.
		{"Samhällsorientering\n\n" + filler + "\nSkriv till info@habokommun.se", ""},
		{"Samhällsorientering\n\n" + filler + "\nSe https://www.kil.se/integration", "1715"},
		// A subsite, a foreign domain and an agency are no municipality's.
		{"Samhällsorientering\n\n" + filler + "\nSe www.skola.kil.se", ""},
		{"Samhällsorientering\n\n" + filler + "\nSe www.kil.com", ""},
		{"Samhällsorientering\n\n" + filler + "\nSe www.migrationsverket.se", ""},
		// Addresses at several municipalities: no lead.
		{"Samhällsorientering\n\n" + filler + "\nKontakt: a@boxholm.se, b@ydre.se, c@kinda.se", ""},
	}
	for _, tc := range tests {
		if got := a.Attribute(tc.text); got.Code != tc.want {
			t.Errorf("%q: Attribute = %q (%s), want %q", tc.text[len(tc.text)-40:], got.Code, got.Reason, tc.want)
		}
	}
}

// TestAttributeEnglishBanner: "X Municipality" (an English page, a site's
// translation banner) names X as an organisation. m108 (dev): Överkalix's
// news on Falun's re-election names "Faluns kommunfullmäktige" in its
// title; Falun was answered at 0.91 before the banner counted, a
// confident wrong answer; it must at least not be confident.
func TestAttributeEnglishBanner(t *testing.T) {
	a, _ := newTestAttributor(t)
	b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", "m108.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := a.Attribute(string(b))
	if got.Code != "2513" && got.Confidence >= 0.9 {
		t.Errorf("m108: Attribute = %q at %.2f (%s), want Överkalix or a confidence below 0.90", got.Code, got.Confidence, got.Reason)
	}
	filler := strings.Repeat("We offer support to newly arrived people in work and housing. ", 8)
	if got := a.Attribute("Integration\n\n" + filler + "\nContact Boxholm Municipality for more."); got.Code != "0560" || !strings.Contains(got.Reason, "kommun/stad") {
		t.Errorf("English banner: Attribute = %q (%s), want 0560 named as an organisation", got.Code, got.Reason)
	}
}

// TestAttributeRound3: the rules of round 3 (docs/validity.md), each on a
// real development text: municipal services and companies under the
// municipality's name are the municipality as an organisation; a
// distinctive name is not held back as an ordinary word; bare names alone
// answer, but never near certainly.
func TestAttributeRound3(t *testing.T) {
	a, _ := newTestAttributor(t)
	read := func(name string) string { return readRealAttribution(t, name) }
	// s038 (silver): Skinnskatteberg's library page names it once, as
	// "Skinnskattebergs biblioteks meröppetregler": 0.55 (unknown) before.
	// s102 (silver): Upplands-Bro's news names it once, in
	// "Upplands-Bro Kommunfastigheter" (a municipal company).
	// s157 (silver): Eslöv's news names it once, as "Kontaktcenter i
	// Eslövs stadshus" (the town hall).
	for _, tc := range []struct{ file, want string }{{"s038.txt", "1904"}, {"s102.txt", "0139"}, {"s157.txt", "1285"}} {
		got := a.Attribute(read(tc.file))
		if got.Code != tc.want || !strings.Contains(got.Reason, "kommun/stad") {
			t.Errorf("%s: Attribute = %q %.2f (%s), want %s named as an organisation", tc.file, got.Code, got.Confidence, got.Reason, tc.want)
		}
	}
	// r014 (dev, radio news): "Gnesta har inte tagit emot en enda flykting
	// i år, ..." names Gnesta, no ordinary word, at a sentence start, where
	// it was held back before; "Mark" in the same place still is.
	sentence := "Gnesta har inte tagit emot en enda flykting i år, Vingåker har tagit emot en person och Oxelösund två."
	at := a.attribute(sentence, layoutDocument(sentence))
	if got := at.Candidates; got[0].Code != "0461" && got[1].Code != "0461" || strings.Contains(got[0].Evidence+got[1].Evidence, "ordinary word") {
		t.Errorf("r014 sentence: candidates %+v, want Gnesta counted by bare name", got)
	}
	mark := "Mark har inte tagit emot en enda flykting i år."
	if at := a.attribute(mark, layoutDocument(mark)); !strings.Contains(at.Candidates[0].Evidence, "ordinary word") {
		t.Errorf("Mark at a sentence start: %+v, want held back as an ordinary word", at.Candidates[0])
	}
	// m110 (dev, named): Ronneby four times by bare name, an answer but
	// not near certain; o062 (dev, newspaper on Övertorneå's newcomers,
	// labelled none): five bare names, 0.96 before, a confident wrong
	// answer; now below 0.9.
	if got := a.Attribute(read("m110.txt")); got.Code != "1081" || got.Confidence >= 0.9 {
		t.Errorf("m110: Attribute = %q %.2f (%s), want 1081 below 0.90", got.Code, got.Confidence, got.Reason)
	}
	if got := a.attribute(read("o062.txt"), layoutDocument(read("o062.txt"))); got.Candidates[0].Confidence >= 0.9 {
		t.Errorf("o062: best candidate %+v, want a confidence below 0.90", got.Candidates[0])
	}
}

// TestAttributeVoice: a text that never serves its reader ("du",
// "kontakta", no address at the municipality's domain) is news, another
// speaker's page or the municipality's own: never near certain. Since
// round 8 (the owner's rule: news about one municipality is that
// municipality's) one that also reports others' words ("säger", "Foto:")
// answers like any other such text, at the same ceiling: it was capped
// at 0.70 when news was labelled as speaking for none.
// All three real development texts below name their municipality as
// "X kommun".
func TestAttributeVoice(t *testing.T) {
	a, _ := newTestAttributor(t)
	tests := []struct {
		file, code string
		max        float64
		why        string
	}{
		{"o069.txt", "1814", unvoiced, "SVT news on Lekeberg with quotes (labelled Lekeberg since round 8): 0.55 (the voice model) in round 7, 1.00 before round 5"},
		{"o072.txt", "2029", unvoiced, "radio news on Leksand's reception, no quotes: 1.00 before round 3"},
		{"m007.txt", "1445", 1, "Essunga's own page, speaking to its reader: unchanged"},
	}
	for _, tc := range tests {
		b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		best := a.attribute(string(b), layoutDocument(string(b))).Candidates[0]
		if best.Code != tc.code || best.Confidence > tc.max {
			t.Errorf("%s (%s): best candidate %s %.2f, want %s at most %.2f", tc.file, tc.why, best.Code, best.Confidence, tc.code, tc.max)
		}
		if best.Confidence < DefaultMinConfidence {
			t.Errorf("%s (%s): confidence %.2f, want an answer (at least %.2f)", tc.file, tc.why, best.Confidence, DefaultMinConfidence)
		}
		if tc.max == 1 && best.Confidence < 0.9 {
			t.Errorf("%s (%s): confidence %.2f, want at least 0.90", tc.file, tc.why, best.Confidence)
		}
	}
	// A plan is no web page: Tierp's 1,051-word action plan (the bundled
	// corpus) never says "du" and was capped at 0.85 before the voice
	// ceilings were bounded to page-sized texts.
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Attribute(string(b)); got.Code != "0360" || got.Confidence < 0.9 {
		t.Errorf("Tierp's plan: Attribute = %q %.2f (%s), want 0360 at >= 0.90", got.Code, got.Confidence, got.Reason)
	}
}

// readRealAttribution reads one of the real texts the attribution tests
// use (testdata/attribution/real, sources in its SOURCES.tsv).
func readRealAttribution(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "attribution", "real", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
