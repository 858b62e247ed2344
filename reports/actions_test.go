package reports

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

// TestTierpActionsCSV writes actions.csv for Tierp's action plan: every
// action row of its tables, each activity with its responsible role and
// timeline where the plan gives them.
func TestTierpActionsCSV(t *testing.T) {
	a, err := analysis.NewDefaultAnalyzer(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Load(filepath.Join("..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := &Report{Documents: []*analysis.DocumentAnalysis{a.Analyze(doc)}, Codebook: a.Codebook}
	var buf bytes.Buffer
	if err := WriteActions(&buf, rep); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows[0]) != len(ActionColumns) || rows[0][3] != "activity" {
		t.Fatalf("header %v", rows[0])
	}
	rows = rows[1:]
	if len(rows) != 27 { // the rows of testdata/gold/tierp-action-rows.tsv
		t.Errorf("%d action rows, want 27", len(rows))
	}
	activities, complete := 0, 0
	themes := map[string]int{}
	for _, r := range rows {
		themes[r[1]]++
		if r[3] == "" {
			continue
		}
		activities++
		if r[4] != "" && r[5] != "" {
			complete++
		}
	}
	t.Logf("%d rows, %d with an activity, %d of them with responsible and timeline; themes %v", len(rows), activities, complete, themes)
	// Two rows of the plan name no responsible, one of them no time either.
	if activities != 25 || complete < 23 {
		t.Errorf("activities %d, complete %d", activities, complete)
	}
	if len(themes) != 6 || themes[""] > 0 {
		t.Errorf("themes %v: want the plan's six areas", themes)
	}
	var docs bytes.Buffer
	if err := WriteDocuments(&docs, rep); err != nil {
		t.Fatal(err)
	}
	drows, _ := csv.NewReader(&docs).ReadAll()
	col := map[string]string{}
	for i, h := range drows[0] {
		col[h] = drows[1][i]
	}
	if col["actions"] != "25" || col["actions_with_responsible"] != "23" || col["actions_with_time"] != "24" || col["has_evaluation"] != "true" {
		t.Errorf("documents.csv quality columns: %v", col)
	}
}
