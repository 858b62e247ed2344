package analysis

import (
	"strings"
	"testing"
)

// TestSegmentColumnWrap checks softWrap on text laid out in a narrow
// column with a blank line after every line (a magazine page turned into
// HTML, a PDF's text): the lines that go on with an open sentence are one
// segment with it, none of them navigation or a heading; a line of its
// own that reads as a heading stays one where its neighbours are not
// broken the same way, and a page break always ends a block.
func TestSegmentColumnWrap(t *testing.T) {
	column := strings.Join([]string{
		"Kafé för nya grannar",
		"Varje torsdag träffas ett tjugotal",
		"nyanlända och några som bott här",
		"länge för att prata svenska över en",
		"kopp kaffe i församlingshemmet.",
		"Hon berättar om kommunens arbete",
		"med bostäder, om hur kön fungerar",
		"och vad var och en kan göra.",
		"Alla är välkomna.",
	}, "\n\n")
	segs := Segment(column, nil)
	var texts []string
	for _, s := range segs {
		if s.Kind == KindNavigation || s.Kind == KindHeading && s.Text != "Kafé för nya grannar" {
			t.Errorf("%q: kind %s, want sentence", s.Text, s.Kind)
		}
		texts = append(texts, s.Text)
	}
	want := []string{
		"Kafé för nya grannar",
		"Varje torsdag träffas ett tjugotal nyanlända och några som bott här länge för att prata svenska över en kopp kaffe i församlingshemmet.",
		"Hon berättar om kommunens arbete med bostäder, om hur kön fungerar och vad var och en kan göra.",
		"Alla är välkomna.",
	}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("segments\n %q\nwant\n %q", texts, want)
	}
	for _, s := range segs {
		if got := column[s.Start:s.End]; !strings.HasPrefix(got, strings.Fields(s.Text)[0]) {
			t.Errorf("offsets %d-%d: %q does not start the segment %q", s.Start, s.End, got, s.Text)
		}
	}

	// A label and its value, among lines that are not a column, stay apart:
	// "Projektledare" is a heading, not the start of a sentence.
	label := "Projektplan för integration\n\nProjektledare\n\nutredare på kommunstyrelsen\n\nProjektet pågår under 2012."
	got := segTexts(Segment(label, nil))
	if len(got) != 4 || got[1] != "heading: Projektledare" || got[2] != "sentence: utredare på kommunstyrelsen" {
		t.Errorf("label and value: %q, want four segments, the label alone", got)
	}
	// ... but a heading-like line that breaks off in a function word goes
	// on (the name on the next line starts with a capital, the line after
	// it in lower case).
	broken := "Anna Berg är samordnare i\n\nkommunens integrationsenhet och träffar nyanlända varje vecka."
	if got := segTexts(Segment(broken, nil)); len(got) != 1 {
		t.Errorf("line ending in a function word: %q, want one segment", got)
	}

	// A page break ends a block even where the sentence goes on.
	paged := "Kommunen erbjuder svenska för\f\nnyanlända vuxna på Komvux."
	if got := segTexts(Segment(paged, nil)); len(got) != 2 {
		t.Errorf("page break: %q, want two segments", got)
	}
}
