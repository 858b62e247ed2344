package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestCreditLinesAreSegments: a photo credit or caption label and the rest
// of its line are a credit segment of their own, split off the caption
// sentence before them, with offsets into the text. Real lines of the dev
// real texts (testdata/realtexts), each with its source address; the last
// rows are controls where a label word is no credit.
func TestCreditLinesAreSegments(t *testing.T) {
	for _, c := range []struct {
		source, line string
		sentence     string // the sentence before the credit ("" for none)
		credit       string // the credit segment ("" for none)
	}{
		{"https://www.ystadsallehanda.se/nyheter/bara-systembolaget-kvar-i-lessebo/ (o070)",
			"Foto: Johan Nilsson/TT", "", "Foto: Johan Nilsson/TT"},
		{"http://solvesborg.se/kommun-och-politik-/kommunfakta.html (m231)",
			"Kommunhuset i Sölvesborgs kommun. Foto: Thomas Fredriksson", "Kommunhuset i Sölvesborgs kommun.", "Foto: Thomas Fredriksson"},
		{"https://www.mark.se/politik-och-organisation/var-vision/ (m113)",
			"Bild på maskros i solsken. Fotograf: Magnus Larsson", "Bild på maskros i solsken.", "Fotograf: Magnus Larsson"},
		{"https://www.barometern.se/debatt/hog-tid-att-lagga-ner-hogsby-kommun/ (o066)",
			"Jonathan Lilja, civilpolitisk talesperson Liberala Ungdomsförbundet.Foto: Mickan Palmqvist",
			"Jonathan Lilja, civilpolitisk talesperson Liberala Ungdomsförbundet.", "Foto: Mickan Palmqvist"},
		{"https://www.barometern.se/debatt/hog-tid-att-lagga-ner-hogsby-kommun/ (o066)",
			"”Den svaga befolkningsutvecklingen i kombination med en inkomstutveckling under snittet innebär att Högsby inte längre har förutsättningar för att driva en effektiv kommunal verksamhet.”Foto: Erika Wiman Snäll",
			"”Den svaga befolkningsutvecklingen i kombination med en inkomstutveckling under snittet innebär att Högsby inte längre har förutsättningar för att driva en effektiv kommunal verksamhet.”", "Foto: Erika Wiman Snäll"},
		{"http://www.mynewsdesk.com/se/lansstyrelsen_i_dalarnas_lan/pressreleases/dags-att-soeka-medel-foer-satsningar-inom-integration-2836247 (o137)",
			"Stöden som delas ut av Länsstyrelsen går till olika satsningar inom integrationsarbetet, från utbildningsinsatser till boendefrågor. Foto: Priscilla Du Preez för Unsplash",
			"Stöden som delas ut av Länsstyrelsen går till olika satsningar inom integrationsarbetet, från utbildningsinsatser till boendefrågor.", "Foto: Priscilla Du Preez för Unsplash"},
		{"https://www.alvsbyn.se/nyheter/ny-filminspelning-till-alvsbyn/ (m490: a scrape glued the caption to its copy)",
			"Peter Carnello och Helena Öhlund. Foto: Sterling NilssonPeter Carnello och Helena Öhlund. Foto: Sterling Nilsson",
			"Peter Carnello och Helena Öhlund.", "Foto: Sterling NilssonPeter Carnello och Helena Öhlund."},
		// Controls: a label word inside a sentence, before a colon, is no credit.
		{"control", "Vi visar en bild: så ser det ut i dag när nyanlända kommer hit.", "Vi visar en bild: så ser det ut i dag när nyanlända kommer hit.", ""},
		{"control", "Kommunen ordnar kurser i foto: alla är välkomna till biblioteket.", "Kommunen ordnar kurser i foto: alla är välkomna till biblioteket.", ""},
	} {
		text := "Inledande mening om kommunen.\n\n" + c.line + "\n\nKommunen ordnar bostad åt nyanlända.\n"
		segs := Segment(text, nil)
		var credits, sentences []string
		for _, s := range segs {
			if text[s.Start:s.End] != s.Text && !strings.Contains(s.Text, " ") {
				t.Errorf("%s: segment text %q differs from its offsets %q", c.source, s.Text, text[s.Start:s.End])
			}
			switch s.Kind {
			case KindCredit:
				credits = append(credits, text[s.Start:s.End])
			case KindSentence, KindHeading:
				sentences = append(sentences, text[s.Start:s.End])
			}
		}
		if c.credit == "" && len(credits) > 0 || c.credit != "" && !slices.Contains(credits, c.credit) {
			t.Errorf("%s: credits %q, want %q", c.source, credits, c.credit)
		}
		if c.sentence != "" && !slices.Contains(sentences, c.sentence) {
			t.Errorf("%s: sentences %q, want %q among them", c.source, sentences, c.sentence)
		}
	}
}

// TestCreditRunIsNotNavigation: six credit lines at the top of a scraped
// news page (o070 of the dev real texts,
// https://www.ystadsallehanda.se/nyheter/bara-systembolaget-kvar-i-lessebo/)
// read as six short title blocks and made the article's first short
// paragraphs a navigation run, so its work and housing sentences counted
// for nothing. Credit lines are neither navigation nor content: the
// paragraphs after them are sentences again and give their themes.
func TestCreditRunIsNotNavigation(t *testing.T) {
	text := " date 2020-01 Foto: Johan Nilsson/TT\n\n" + strings.Repeat("Foto: Johan Nilsson/TT\n\n", 5) +
		"Enda statliga närvaron i småländska Lessebo är Systembolaget. Här är arbetslösheten högst i Sverige, men arbetsförmedlingen har stängt.\n\n" +
		"Tomma lägenheter har fyllts med asylsökande. Trångboddhet, långtidsarbetslöshet och skolutbyggnad är de stora utmaningarna.\n\n" +
		"Lessebo, med 7 800 invånare, har utan tvekan tagit sin del av ansvaret.\n"
	segs := Segment(text, nil)
	kinds := map[SentenceKind]int{}
	for _, s := range segs {
		kinds[s.Kind]++
	}
	if kinds[KindNavigation] != 0 || kinds[KindCredit] != 5 || kinds[KindSentence] != 6 {
		t.Errorf("kinds %v, want 5 credit, 6 sentence (the dated first line keeps its credit: no sentence end before it), no navigation: %v", kinds, segTexts(segs))
	}
	res := testAnalyzer(t).Analyze(docFromText(text))
	for _, c := range res.Themes {
		if c.ID == "work" && len(c.Evidence) == 0 {
			t.Errorf("no work evidence for %q", "Här är arbetslösheten högst i Sverige")
		}
		for _, e := range c.Evidence {
			if strings.Contains(e.Text, "Foto:") && !strings.Contains(e.Text, "date") {
				t.Errorf("%s evidence in a credit line: %q", c.ID, e.Text)
			}
		}
	}
}
