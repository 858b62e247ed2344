package analysis

import (
	"fmt"
	"testing"
)

// TestModality compares ClassifyModality with hand-checked sentences from
// the bundled corpus and lists every disagreement.
func TestModality(t *testing.T) {
	rows := readTSV(t, "testdata/modality.tsv")
	if len(rows) < 40 {
		t.Fatalf("only %d hand-checked sentences", len(rows))
	}
	classes := map[Modality]int{}
	agree := 0
	confusion := map[string]int{}
	for _, r := range rows {
		want := Modality(r[0])
		classes[want]++
		got := ClassifyModality(r[1])
		confusion[fmt.Sprintf("%s->%s", want, got)]++
		if got == want {
			agree++
			continue
		}
		t.Logf("disagree: want %s, got %s: %s", want, got, r[1])
	}
	for _, m := range Modalities {
		if classes[m] == 0 {
			t.Errorf("no hand-checked sentence of class %s", m)
		}
	}
	pct := 100 * float64(agree) / float64(len(rows))
	t.Logf("modality: %d of %d sentences agree (%.1f%%); classes %v", agree, len(rows), pct, classes)
	if pct < 90 {
		t.Errorf("modality agreement %.1f%% < 90%%", pct)
	}
}

func TestModalityRules(t *testing.T) {
	cases := []struct {
		text string
		want Modality
	}{
		{"Kommunen ska sträva efter att fler får arbete.", ModIntent},
		{"Förvaltningen bör verka för fler mötesplatser.", ModIntent},
		{"Nämnden vill bidra till ett öppet klimat.", ModIntent},
		{"När nyanlända kommer till kommunen ska de erbjudas SFI.", ModCommitment},
		{"Vi arbetar för att alla ska få en bostad.", ModIntent},
		{"Kan kommunen göra mer?", ModDescription},
		{"Verksamheterna ska kunna erbjuda tolk.", ModCommitment},
		{"Målet är att alla barn ska gå i förskola.", ModDescription},
		{"Språkcafé | Ansvar: Biblioteket | Tid: 2019", ModDescription},
	}
	for _, c := range cases {
		if got := ClassifyModality(c.text); got != c.want {
			t.Errorf("%q: got %s, want %s", c.text, got, c.want)
		}
	}
}
