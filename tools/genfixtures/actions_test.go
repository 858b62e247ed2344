package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAleActions: the rows drawn from Ale's plan are its committing
// sentences, verbatim, each under the heading of its section.
func TestAleActions(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "ale-integrationsplan-2018-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rows := aleActions(parse(string(text)))
	if len(rows) < 10 {
		t.Fatalf("%d rows, want at least 10", len(rows))
	}
	for _, r := range rows {
		if !strings.Contains(string(text), r[1]) || !strings.HasPrefix(r[1], r[2]+" ") {
			t.Errorf("row %q: activity not a sentence of the plan starting with its responsible party", r)
		}
	}
	found := false
	for _, r := range rows {
		if r[0] == "Uppföljning och utvärdering" && r[2] == "Enhetschef på enheten för nyanlända" {
			found = true
		}
	}
	if !found {
		t.Errorf("the follow-up row (Enhetschef på enheten för nyanlända) is missing: %q", rows)
	}
}

// TestTierpActions: every activity of Tierp's tables, under the area its
// table names, and no header row among them.
func TestTierpActions(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rows := tierpActions(parse(string(text)))
	areas := map[string]int{}
	for _, r := range rows {
		areas[r[0]]++
		if r[1] == "Aktivitet" || r[1] == "" {
			t.Errorf("row %q is not an activity", r)
		}
	}
	for _, a := range []string{"Arbete", "Boende", "Språk", "Attityd", "Mötesplatser", "Samverkan"} {
		if areas[a] == 0 {
			t.Errorf("no rows for area %s (%v)", a, areas)
		}
	}
	if len(areas) != 6 {
		t.Errorf("areas %v, want the six of the plan", areas)
	}
}
