package analysis

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// abbrevSplit finds a sentence ending in a Swedish abbreviation: a split
// that should not have been made.
var abbrevSplit = regexp.MustCompile(`(?i)(^|\s)(t\.ex|bl\.a|m\.m|osv|dvs|s\.k|ca|kl|nr|t\.o\.m|fr\.o\.m|resp|enl|jfr)\.$`)

// TestSegmenterAgainstProse measures what docs/segmentation.md reports:
// prose/v2's punkt segmenter (English model) on the bundled documents,
// against styrdok's layout-first Swedish segmenter. It counts segments
// that glue a heading line to the following text and splits made after
// an abbreviation. styrdok's segmenter must make neither mistake.
func TestSegmenterAgainstProse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	var proseN, proseGlued, proseAbbr, oursN, oursGlued, oursAbbr int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		headings := headingLines(text)
		doc, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Sentences() {
			proseN++
			proseGlued += gluedHeading(s.Text, headings)
			if abbrevSplit.MatchString(strings.TrimSpace(s.Text)) {
				proseAbbr++
			}
		}
		for _, s := range Segment(text, nil) {
			oursN++
			oursGlued += gluedHeading(text[s.Start:s.End], headings)
			if abbrevSplit.MatchString(s.Text) {
				oursAbbr++
			}
		}
	}
	// The abbreviations of docs/domain.md ("Sentences") in running text: each line is one sentence.
	abbrText := strings.Join([]string{
		"Kommunen har ca. 25 000 invånare i dag.", "Vi erbjuder bl.a. språkcaféer.", "Det gäller t.ex. Komvux.",
		"Mötet börjar kl. 18 i kulturhuset.", "Se beslut nr. 34 från fullmäktige.", "Planen gäller t.o.m. 2021 för alla.",
		"Den gäller fr.o.m. 2018 i hela kommunen.", "Ansvar enl. Socialtjänstlagen gäller.", "Jfr. Migrationsverkets rapport om detta.",
		"Boende, skola m.m. ingår i planen.", "Arbete, språk osv. ingår också.", "Det är s.k. etableringsinsatser vi menar.",
	}, " ")
	proseAbbrDoc, _ := prose.NewDocument(abbrText, prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
	oursAbbrSegs := Segment(abbrText, nil)
	t.Logf("12 sentences with Swedish abbreviations: prose/v2 %d sentences, styrdok %d", len(proseAbbrDoc.Sentences()), len(oursAbbrSegs))
	if len(oursAbbrSegs) != 12 {
		t.Errorf("abbreviation sentences: styrdok made %d segments, want 12: %v", len(oursAbbrSegs), segTexts(oursAbbrSegs))
	}
	t.Logf("prose/v2: %d sentences, %d glue a heading to other text, %d split after an abbreviation", proseN, proseGlued, proseAbbr)
	t.Logf("styrdok:  %d segments, %d glue a heading to other text, %d split after an abbreviation", oursN, oursGlued, oursAbbr)
	if oursGlued != 0 || oursAbbr != 0 {
		t.Errorf("styrdok segmenter: %d glued headings, %d abbreviation splits; want 0", oursGlued, oursAbbr)
	}
}

// headingLines are one-line blocks that look like headings (isHeadingLine).
func headingLines(text string) map[string]bool {
	out := map[string]bool{}
	for _, block := range strings.Split(text, "\n\n") {
		b := strings.TrimSpace(block)
		if b != "" && !strings.Contains(b, "\n") && isHeadingLine(b) {
			out[b] = true
		}
	}
	return out
}

// gluedHeading reports 1 when a segment holds a heading line and more.
func gluedHeading(seg string, headings map[string]bool) int {
	lines := strings.Split(strings.TrimSpace(seg), "\n")
	if len(lines) < 2 {
		return 0
	}
	for _, l := range lines {
		if headings[strings.TrimSpace(l)] {
			return 1
		}
	}
	return 0
}

func BenchmarkSegmentProse(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join("..", "testdata", "corpus", "ale-integrationsplan-2018-2021.txt"))
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		prose.NewDocument(string(data), prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
	}
}

func BenchmarkSegmentStyrdok(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join("..", "testdata", "corpus", "ale-integrationsplan-2018-2021.txt"))
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		Segment(string(data), nil)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	a := testAnalyzer(b)
	data, _ := os.ReadFile(filepath.Join("..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc := mustDoc(b, "tierp.txt", data)
		a.Analyze(doc)
	}
}
