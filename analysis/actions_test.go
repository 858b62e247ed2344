package analysis

import (
	"github.com/styrdok/styrdok/ingest"
	"slices"
	"strings"
	"testing"
)

// cellsKey normalises a row to its non-empty cells joined by " | ", the
// form of gold/tierp-action-rows.tsv.
func cellsKey(s string) string {
	var cells []string
	for _, c := range strings.Split(s, "|") {
		if c = strings.Join(strings.Fields(c), " "); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " | ")
}

// TestTierpActionsWithStructure runs the whole chain on Tierp's action
// plan and checks that every action row of the plan's authors gets their
// area label through the table section it stands in.
func TestTierpActionsWithStructure(t *testing.T) {
	a := testAnalyzer(t)
	res := analyseCorpusFile(t, a, goldFiles["004_165068075d0186a2.txt"])
	byKey := map[string]Action{}
	for _, act := range res.Actions {
		byKey[cellsKey(act.Text)] = act
	}
	rows := readTSV(t, "../testdata/gold/tierp-action-rows.tsv")
	ok := 0
	for _, r := range rows {
		act, found := byKey[cellsKey(r[2])]
		switch {
		case !found:
			t.Errorf("no action row for %.70s", r[2])
		case act.Theme != r[0]:
			t.Errorf("want %s, got %s (%s): %.70s", r[0], act.Theme, act.ThemeSource, r[2])
		default:
			ok++
		}
	}
	t.Logf("Tierp action rows with structure: %d of %d (%.1f%%) get the authors' label", ok, len(rows), 100*float64(ok)/float64(len(rows)))
	if len(res.Actions) != len(rows) {
		t.Errorf("%d action rows extracted, gold has %d", len(res.Actions), len(rows))
	}
	q := res.Quality
	t.Logf("quality: %+v", q)
	if q.Actions == 0 || q.WithResponsible < q.Actions-3 || q.WithTime < q.Actions-2 {
		t.Errorf("responsible/timeline missing on too many rows: %+v", q)
	}
	for _, act := range res.Actions {
		if act.Activity != "" && (act.Responsible == "" || act.Timeline == "") {
			t.Logf("incomplete: goal %.30q activity %.40q responsible %q timeline %q", act.Goal, act.Activity, act.Responsible, act.Timeline)
		}
		if act.Goal == "" {
			t.Errorf("row without goal: %.60s", act.Text)
		}
	}
}

// TestActionTableColumns checks the column mapping on a table with other
// labels, a merged cell and no area label.
func TestActionTableColumns(t *testing.T) {
	a := testAnalyzer(t)
	text := "Åtgärder\n\nInsats\tAnsvarig\tTidsplan\tIndikator\n" +
		"Starta ett språkcafé på biblioteket.\tBibliotekschef\tHösten 2019\tAntal besökare\n" +
		"Erbjuda praktikplatser i kommunens förvaltningar.\tPersonalchef\t2020\t\n\n" +
		"Uppföljning sker årligen i samband med årsredovisningen.\n\n" +
		"Läxhjälp för nyanlända elever. Ansvar: Rektor. Tid: vt 2020.\n"
	res := a.Analyze(docFromText(text))
	if len(res.Actions) != 3 {
		t.Fatalf("got %d actions: %+v", len(res.Actions), res.Actions)
	}
	first := res.Actions[0]
	if first.Activity != "Starta ett språkcafé på biblioteket." || first.Responsible != "Bibliotekschef" || first.Timeline != "Hösten 2019" || first.FollowUp != "Antal besökare" {
		t.Errorf("first row: %+v", first)
	}
	if first.Theme != "language" && first.Theme != "meeting_places" {
		t.Errorf("first row theme %q", first.Theme)
	}
	last := res.Actions[2]
	if last.Source != "text" || last.Activity != "Läxhjälp för nyanlända elever" || last.Responsible != "Rektor" || last.Timeline != "vt 2020" {
		t.Errorf("labelled entry: %+v", last)
	}
	if !res.Quality.HasEvaluation || res.Quality.WithFollowUp != 1 || res.Quality.Actions != 3 {
		t.Errorf("quality: %+v", res.Quality)
	}
}

func docFromText(text string) *ingest.Document {
	return &ingest.Document{Path: "test.txt", Format: "txt", Text: text,
		Pages: []ingest.Page{{Number: 1, Start: 0, End: len(text)}}}
}

// TestMayHoldLabel: mayHoldLabel says what labelRe says, on every line
// of the bundled documents, on lines written with each label and on
// 20,000 random mixes of labels, colons, spaces, the expression's lead
// characters and other text; and it rules out most lines with a colon.
func TestMayHoldLabel(t *testing.T) {
	lines := corpusLines(t)
	corpus := len(lines)
	for _, l := range labelNames {
		lines = append(lines, l+": x", "• "+l+" : x", "Språkcafé ("+l+":2019)", "x"+l+": y", "ansvar "+l+"\t\n:")
	}
	pieces := append(slices.Clone(labelNames), ":", " ", "\t", "\n", "\v", "\u00a0", "(", ".", ";", ",", "-", "•", "\xe2\x80", "\xa2", "–",
		"a", "x", "ansvar", "tid", "Dnr", "2019", "é")
	lines = append(lines, randomJoins(pieces, 17, 8)...)
	matched, colons, ruledOut := 0, 0, 0
	for i, l := range lines {
		may := mayHoldLabel(l)
		match := labelRe().MatchString(l)
		if may != match {
			t.Errorf("mayHoldLabel(%q) = %v, labelRe matches: %v", l, may, match)
		}
		if match {
			matched++
		}
		if i < corpus && strings.Contains(l, ":") {
			colons++
			if !may {
				ruledOut++
			}
		}
	}
	if matched < 54 || ruledOut < colons/2 {
		t.Fatalf("%d lines match, %d of the documents' %d lines with a colon ruled out: the test checks little", matched, ruledOut, colons)
	}
}
