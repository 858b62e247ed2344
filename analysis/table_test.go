package analysis

import "testing"

// TestShortTableRowsAreData: in an action table whose cells are all short,
// only the first row is the header; the rows below are actions, and an
// action takes the theme of its own words when its table names none
// (here the table stands under a "Boende" heading, but its first activity
// is about language).
func TestShortTableRowsAreData(t *testing.T) {
	a := testAnalyzer(t)
	text := "Boende\n\nKommunen bör verka för fler hyresrätter och mindre trångboddhet i alla stadsdelar.\n\n" +
		"Aktivitet\tAnsvar\tTidplan\n" +
		"Starta språkcafé på biblioteket\tKultur- och fritidschef\t2022\n" +
		"Ta fram en bostadsförsörjningsplan\tSamhällsbyggnadschef\t2023\n"
	res := a.Analyze(mustDoc(t, "plan.txt", []byte(text)))
	var kinds []SentenceKind
	for _, s := range res.Segments {
		kinds = append(kinds, s.Kind)
	}
	want := []SentenceKind{KindHeading, KindSentence, KindHeading, KindTableRow, KindTableRow}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("kinds %v, want %v", kinds, want)
		}
	}
	if len(res.Actions) != 2 {
		t.Fatalf("actions: %+v", res.Actions)
	}
	got := [][3]string{}
	for _, act := range res.Actions {
		got = append(got, [3]string{act.Theme, act.Responsible, act.Timeline})
	}
	if got[0] != [3]string{"language", "Kultur- och fritidschef", "2022"} || got[1] != [3]string{"housing", "Samhällsbyggnadschef", "2023"} {
		t.Errorf("actions: %v", got)
	}
}
