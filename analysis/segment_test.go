package analysis

import (
	"slices"
	"strings"
	"testing"
)

func segTexts(segs []Sentence) []string {
	var out []string
	for _, s := range segs {
		out = append(out, string(s.Kind)+": "+s.Text)
	}
	return out
}

func TestSegmentSwedishRules(t *testing.T) {
	text := "Arbete och sysselsättning\n\n" +
		"Kommunen har ca. 25 000 invånare, bl.a. i tätorten. Planen gäller t.o.m. 2021 enl. beslut. Nästa mening.\n\n" +
		"Fastställd av Kommunstyrelsen § 72.2017 och datum 2017-05-30 gäller. Dvs. detta är en mening.\n\n" +
		"- snabbare etablering för nyanlända\n- fler i arbete\n\n" +
		"Mål/delmål för område Boende\tAktivitet\tHuvudansvar\n" +
		"Alla ska ha ett boende.\tBygga fler bostäder.\tChef samhällsbyggnad\n\n" +
		"Text före. 2.2.3 I Alingsås finns det goda boendemöjligheter Berörda nämnder skall verka för det.\n"
	got := segTexts(Segment(text, nil))
	want := []string{
		"heading: Arbete och sysselsättning",
		"sentence: Kommunen har ca. 25 000 invånare, bl.a. i tätorten.",
		"sentence: Planen gäller t.o.m. 2021 enl. beslut.",
		"sentence: Nästa mening.",
		"sentence: Fastställd av Kommunstyrelsen § 72.2017 och datum 2017-05-30 gäller.",
		"sentence: Dvs. detta är en mening.",
		"list_item: - snabbare etablering för nyanlända",
		"list_item: - fler i arbete",
		"heading: Mål/delmål för område Boende | Aktivitet | Huvudansvar",
		"table_row: Alla ska ha ett boende. | Bygga fler bostäder. | Chef samhällsbyggnad",
		"sentence: Text före.",
		"heading: 2.2.3 I Alingsås finns det goda boendemöjligheter",
		"sentence: Berörda nämnder skall verka för det.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSegmentOffsetsAndSections(t *testing.T) {
	text := "Boende\n\nAlla ska ha en bostad. Det är viktigt.\fSida två börjar här.\n"
	pageAt := func(off int) int {
		if off > strings.IndexByte(text, '\f') {
			return 2
		}
		return 1
	}
	segs := Segment(text, pageAt)
	if len(segs) != 4 {
		t.Fatalf("got %d segments: %v", len(segs), segTexts(segs))
	}
	for _, s := range segs {
		if got := foldSpace(text[s.Start:s.End]); got != s.Text {
			t.Errorf("segment %d: offsets give %q, text is %q", s.Index, got, s.Text)
		}
	}
	if segs[1].Section != 0 || segs[0].Section != -1 {
		t.Errorf("sections: %d %d, want -1 0", segs[0].Section, segs[1].Section)
	}
	if segs[3].Page != 2 || segs[1].Page != 1 {
		t.Errorf("pages: %d %d, want 1 2", segs[1].Page, segs[3].Page)
	}
}

func TestSegmentNavigationRun(t *testing.T) {
	// A scraped page starts with a list of other documents' titles.
	var b strings.Builder
	for _, title := range []string{"Integrationsplan. Stenungsunds kommun", "Integrationsprogram för Västerås stad",
		"Policy för barnets rättigheter i Örebro kommun.", "Integrationsstrategi Öppna Söderhamn",
		"Fritidsplan för Skurups kommun", "Program för social hållbarhet", "Strategi för integration i Härnösands kommun"} {
		b.WriteString(title + "\n\n")
	}
	b.WriteString("Inledning\n\nKommunen ska verka för att alla nyanlända får ett arbete och en bostad så snart som möjligt efter ankomsten. Det gäller alla som kommer till kommunen, vuxna som barn.\n")
	segs := Segment(b.String(), nil)
	nav := 0
	for _, s := range segs {
		if s.Kind == KindNavigation {
			nav++
		}
	}
	if nav != 7 {
		t.Errorf("navigation segments: %d, want 7: %v", nav, segTexts(segs))
	}
	if last := segs[len(segs)-1]; last.Kind != KindSentence {
		t.Errorf("body sentence kind %s", last.Kind)
	}
}

// TestNumberedHeadingRunsOnAfterPreposition: a numbered line whose
// capitalised word follows a preposition is one segment, not a heading
// "2. Att bo i" and a sentence "Sverige." (real list from
// testdata/realtexts/texts/m238.txt, Mörbylånga kommun's page on civic
// orientation, dev part). The Alingsås heading run into its paragraph
// still splits where the paragraph starts.
func TestNumberedHeadingRunsOnAfterPreposition(t *testing.T) {
	text := "Samhällsorienteringen ska innehålla åtta obligatoriska (nödvändiga) delar:\n\n" +
		" 1. Att komma till Sverige.\n 2. Att bo i Sverige.\n 3. Att försörja sig och utvecklas i Sverige.\n" +
		" 7. Att vårda sin hälsa i Sverige.\n"
	var got []string
	for _, s := range Segment(text, nil) {
		got = append(got, text[s.Start:s.End])
	}
	for _, want := range []string{"Att komma till Sverige.", "2. Att bo i Sverige.", "3. Att försörja sig och utvecklas i Sverige.", "7. Att vårda sin hälsa i Sverige."} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasSuffix(g, want) }) {
			t.Errorf("no segment ends in %q: %q", want, got)
		}
	}
	for _, g := range got {
		if g == "Sverige." {
			t.Errorf("a list item was cut before its object: %q", got)
		}
	}
	alingsas := "2.2.3 I Alingsås finns det goda attraktiva boendemöjligheter Berörda nämnder ska samverka."
	if end := inlineHeadingEnd(alingsas, 0, len(alingsas)); alingsas[end:] != "Berörda nämnder ska samverka." {
		t.Errorf("Alingsås heading ends at %q", alingsas[:end])
	}
}
