package analysis

import (
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/styrdok/styrdok/ingest"
)

// TestSections checks heading levels, nesting, table sections and
// inherited theme hits on a small document.
func TestSections(t *testing.T) {
	a := testAnalyzer(t)
	text := "Integrationsplan\n\n" +
		"1. Inledning\n\nPlanen gäller alla förvaltningar. Den antogs av fullmäktige.\n\n" +
		"2. Boende\n\n2.1 Nyanländas första tid\n\nKommunen ska erbjuda ett tryggt första hem till alla som anvisas. Det sker i samråd med de som berörs.\n\n" +
		"Uppföljning\n\nPlanen följs upp årligen. Resultatet redovisas för nämnden.\n\n" +
		"Mål/delmål för område Arbete\tAktivitet\tAnsvar\tTidplan\n" +
		"Fler i egen försörjning.\tStarta en lokal jobbmässa.\tNäringslivschef\t2019\n\n" +
		"Efter tabellen kommer vanlig text om kommunens roll. Den är lång nog.\n"
	res := a.Analyze(docFromText(text))
	want := []struct {
		heading string
		level   int
		parent  int
		theme   string
	}{
		{"Integrationsplan", 1, -1, ""},
		{"1. Inledning", 1, -1, ""},
		{"2. Boende", 1, -1, "housing"},
		{"2.1 Nyanländas första tid", 2, 2, ""},
		{"Uppföljning", 1, -1, ""},
		{"Mål/delmål för område Arbete | Aktivitet | Ansvar | Tidplan", 2, 4, "work"},
	}
	if len(res.Sections) != len(want) {
		t.Fatalf("got %d sections: %+v", len(res.Sections), res.Sections)
	}
	for i, w := range want {
		s := res.Sections[i]
		if s.Heading != w.heading || s.Level != w.level || s.Parent != w.parent {
			t.Errorf("section %d: got %q level %d parent %d, want %q level %d parent %d", i, s.Heading, s.Level, s.Parent, w.heading, w.level, w.parent)
		}
		if w.theme != "" && (len(s.Themes) == 0 || s.Themes[0] != w.theme) {
			t.Errorf("section %q: themes %v, want %s", s.Heading, s.Themes, w.theme)
		}
	}
	if !res.Sections[0].Title {
		t.Errorf("first heading should be the title")
	}
	housing, _ := res.Theme("housing")
	var inherited []ThemeHit
	for _, h := range housing.Evidence {
		if h.Inherited {
			inherited = append(inherited, h)
		}
	}
	// "Kommunen ska erbjuda ett tryggt första hem" names no housing word
	// of its own but stands in 2.1 under "2. Boende".
	if len(inherited) != 2 || inherited[0].Heading != res.Sections[2].Sentence || inherited[0].Modality != ModCommitment {
		t.Errorf("inherited housing hits: %+v", inherited)
	}
	if housing.Sentences != housing.OwnSentences+housing.Inherited || housing.Commitments != 1 || housing.Level != 2 {
		t.Errorf("housing counts: %+v", housing)
	}
	work, _ := res.Theme("work")
	for _, h := range work.Evidence {
		if h.Inherited && h.Text == "Efter tabellen kommer vanlig text om kommunens roll." {
			t.Errorf("text after a table inherited the table's theme")
		}
	}
	if len(res.Actions) != 1 || res.Actions[0].Theme != "work" || res.Actions[0].ThemeSource != "section" {
		t.Errorf("actions: %+v", res.Actions)
	}
	if !res.Quality.HasEvaluation {
		t.Errorf("'Planen följs upp årligen' says how and when: %+v", res.Quality)
	}
}

// TestHeadingText: the fast path (text returned as it is) gives what the
// general rule (tags removed, spaces folded) gives, on every line and
// segment of the bundled documents and on strings written to probe it.
func TestHeadingText(t *testing.T) {
	texts := []string{"", " ", "Mål", "Mål ", " Mål", "Mål  och medel", "Mål\toch medel", "Mål\u00a0och medel", "Mål\u2003och", "<b>Mål</b> och medel",
		"a | b", "a |  b", "1. Arbete och försörjning", "x < y", "Språk\u0085kunskap", "Bostad\n", "å ä ö"}
	texts = append(texts, corpusLines(t)...)
	for _, f := range []string{"ale-integrationsplan-2018-2021.txt", "tierp-handlingsplan-integration-2017.txt"} {
		doc, err := ingest.Load(filepath.Join("..", "testdata", "corpus", f), ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range Segment(doc.Text, doc.PageAt) {
			texts = append(texts, s.Text)
		}
	}
	fast := 0
	for _, s := range texts {
		want := strings.Join(strings.Fields(tagRe.ReplaceAllString(s, "")), " ")
		if got := headingText(s); got != want {
			t.Errorf("headingText(%q) = %q, want %q", s, got, want)
		}
		if got := headingText(s); got == s && (len(s) == 0 || unsafe.StringData(got) == unsafe.StringData(s)) {
			fast++ // returned as it is, no copy
		}
	}
	if fast < len(texts)/2 {
		t.Errorf("only %d of %d texts take the fast path", fast, len(texts))
	}
}
