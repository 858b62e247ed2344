package analysis

import "testing"

func TestTermCounts(t *testing.T) {
	d := &DocumentAnalysis{Segments: []Sentence{
		{Kind: KindSentence, Text: "Kommunen ska erbjuda praktikplatser och praktikplatser i 2018."},
		{Kind: KindNavigation, Text: "Bostadsförsörjningsprogram Tierps kommun"},
		{Kind: KindHeading, Text: "Arbete"},
	}}
	c := TermCounts(d)
	if c[Stem("praktikplatser")] != 2 || c[Stem("arbete")] != 1 || c[Stem("kommunen")] != 1 {
		t.Errorf("counts %v", c)
	}
	for _, gone := range []string{"och", "ska", "i", "2018", Stem("bostadsförsörjningsprogram")} {
		if _, ok := c[Stem(gone)]; ok {
			t.Errorf("%q counted: stop word, number or navigation", gone)
		}
	}
}
