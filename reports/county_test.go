package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestCountyVastraGotaland is the acceptance case: all 49
// municipalities of Västra Götaland, Ale and Alingsås covered, the rest
// "no document".
func TestCountyVastraGotaland(t *testing.T) {
	r := bundledReport(t)
	r.County = "Västra Götaland"
	tables := CountyTables(r)
	if len(tables) != 1 || tables[0].County.Code != "14" {
		t.Fatalf("tables: %+v", tables)
	}
	tb := tables[0]
	if len(tb.Rows) != 49 {
		t.Fatalf("%d rows, want 49", len(tb.Rows))
	}
	for _, row := range tb.Rows {
		switch row.Municipality.Name {
		case "Ale":
			if row.Status != RowCurrent || row.Document == nil || !strings.HasSuffix(row.Document.File, "ale-integrationsplan-2018-2021.txt") {
				t.Errorf("Ale: %s %v", row.Status, docFile(row.Document))
			}
		case "Alingsås":
			if row.Status != RowUnknown || row.Document == nil {
				t.Errorf("Alingsås: %s %v", row.Status, docFile(row.Document))
			}
		default:
			if row.Status != RowNoDocument || row.Document != nil {
				t.Errorf("%s: %s, want no document", row.Municipality.Name, row.Status)
			}
		}
	}
	if tb.Usable != 2 {
		t.Errorf("usable = %d, want 2", tb.Usable)
	}
	var buf bytes.Buffer
	if err := WriteCounty(&buf, tb); err != nil {
		t.Fatal(err)
	}
	golden(t, "county-14.csv", buf.Bytes())
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1+49 {
		t.Errorf("county-14.csv has %d lines, want header + 49 municipalities", len(lines))
	}
	for _, col := range []string{"municipality_code", "municipality", "status", "document", "work_level"} {
		if !strings.Contains(lines[0], col) {
			t.Errorf("header lacks %s: %s", col, lines[0])
		}
	}
}

// TestCountyTablesDefault: without --county, one table per county with a
// document (Uppsala, Jönköping, Västra Götaland).
func TestCountyTablesDefault(t *testing.T) {
	r := bundledReport(t)
	var codes []string
	for _, tb := range CountyTables(r) {
		codes = append(codes, tb.County.Code)
	}
	if got := strings.Join(codes, ","); got != "03,06,14" {
		t.Errorf("counties %s, want 03,06,14", got)
	}
	// Gislaved's only document has expired: shown, but not coverage.
	for _, tb := range CountyTables(r) {
		if tb.County.Code != "06" {
			continue
		}
		for _, row := range tb.Rows {
			if row.Municipality.Name == "Gislaved" && (row.Status != RowExpired || row.Usable() || row.Document == nil) {
				t.Errorf("Gislaved: %s usable=%v", row.Status, row.Usable())
			}
		}
		for i, s := range tb.AtLeast1 {
			if s != 0 {
				t.Errorf("Jönköping %s: share %v at level>=1 from an expired document", tb.Themes[i], s)
			}
		}
	}
}

func doc(file, kind, year, status string, levels ...int) *analysis.DocumentAnalysis {
	d := &analysis.DocumentAnalysis{File: file, Meta: analysis.Metadata{Kind: kind, Year: year, Status: status},
		Municipality: analysis.Attribution{Code: "1440", Name: "Ale"}}
	for i, l := range levels {
		d.Themes = append(d.Themes, analysis.ThemeCoverage{ID: string(rune('a' + i)), Level: l, Share: float64(l) / 10})
	}
	return d
}

// TestDecideRow pins the rule for several documents of one municipality.
func TestDecideRow(t *testing.T) {
	reg := testRegistry(t)
	ale, _ := reg.Municipality("1440")
	plan := doc("plan.txt", "plan", "2019", "current", 2, 0, 1)
	strategy := doc("strategy.txt", "strategy", "2015", "current", 1, 1, 1)
	newer := doc("strategy2.txt", "strategy", "2018", "current", 0, 0, 0)
	old := doc("old.txt", "policy", "2010", "expired", 2, 2, 2)
	unknown := doc("unknown.txt", "", "", "unknown", 1, 2, 0)
	unknown2 := doc("unknown2.txt", "program", "", "", 0, 0, 0) // no status extracted counts as unknown

	row := decideRow(&Report{}, ale, []*analysis.DocumentAnalysis{plan, old, strategy, unknown, newer}, 3)
	if row.Status != RowCurrent || row.Document != newer || row.Documents != 5 {
		t.Fatalf("status %s, deciding %s, want current and the newest strategy", row.Status, docFile(row.Document))
	}
	// best level among current documents; ties go to the deciding order
	want := []struct {
		level int
		src   *analysis.DocumentAnalysis
	}{{2, plan}, {1, strategy}, {1, strategy}}
	for i, w := range want {
		if c := row.Cells[i]; c.Level != w.level || c.Source != w.src {
			t.Errorf("theme %d: level %d from %s, want %d from %s", i, c.Level, docFile(c.Source), w.level, docFile(w.src))
		}
	}
	row = decideRow(&Report{}, ale, []*analysis.DocumentAnalysis{old, unknown2, unknown}, 3)
	if row.Status != RowUnknown || row.Document != unknown2 || !row.Usable() {
		t.Errorf("unknown: %s %s", row.Status, docFile(row.Document))
	}
	if row.Cells[1].Level != 2 || row.Cells[1].Source != unknown {
		t.Errorf("unknown: theme 1 from %s", docFile(row.Cells[1].Source))
	}
	row = decideRow(&Report{}, ale, []*analysis.DocumentAnalysis{old}, 3)
	if row.Status != RowExpired || row.Usable() || row.Cells[0].Level != 2 {
		t.Errorf("expired: %+v", row)
	}
	row = decideRow(&Report{}, ale, nil, 3)
	if row.Status != RowNoDocument || row.Document != nil || row.Cells[0].Source != nil {
		t.Errorf("none: %+v", row)
	}
}

func TestKindOrderCoversDomainKinds(t *testing.T) {
	for _, k := range []string{"policy", "strategy", "program", "plan", "action_plan", "guidelines", "project_plan", "other"} {
		if kindRank(k) >= len(KindOrder()) {
			t.Errorf("kind %s missing from KindOrder", k)
		}
	}
	if kindRank("") != len(KindOrder()) || kindRank("policy") != 0 {
		t.Error("unknown kind must rank last, policy first")
	}
}

// TestCountyExpiredShown: Gislaved's only plan has expired, so it adds
// nothing to Jönköping's county line; but the line says what the expired
// plan covered (county-summary.csv's expired columns, summary.md's "+N
// expired", report.html's "more with an expired plan" rows), and both
// summary.md and report.html say at which date status was judged.
func TestCountyExpiredShown(t *testing.T) {
	r := bundledReport(t)
	r.Run = &RunInfo{Options: map[string]string{"as-of": "2026-11-30"}}
	var tb CountyTable
	for _, c := range CountyTables(r) {
		if c.County.Code == "06" {
			tb = c
		}
	}
	var gislaved *MunicipalityRow
	for i, row := range tb.Rows {
		if row.Municipality.Name == "Gislaved" {
			gislaved = &tb.Rows[i]
		}
	}
	if gislaved == nil || gislaved.Status != RowExpired {
		t.Fatalf("Gislaved should be expired: %+v", gislaved)
	}
	if tb.Expired < 1 {
		t.Fatalf("county 06: %d municipalities with expired plans, want at least Gislaved", tb.Expired)
	}
	reached := 0
	for i, c := range gislaved.Cells {
		if c.Level >= 1 {
			reached++
			if tb.ExpiredReach1[i] < 1 {
				t.Errorf("%s: Gislaved's expired plan reaches level %d but ExpiredReach1 = %d", tb.Themes[i], c.Level, tb.ExpiredReach1[i])
			}
		}
		if c.Level >= 2 && tb.ExpiredReach2[i] < 1 {
			t.Errorf("%s: Gislaved's expired plan reaches level 2 but ExpiredReach2 = %d", tb.Themes[i], tb.ExpiredReach2[i])
		}
	}
	if reached == 0 {
		t.Fatal("Gislaved's expired plan reaches level 1 in no theme: the test shows nothing")
	}
	expiredCol := len(CountySummaryColumns) - 2
	if CountySummaryColumns[expiredCol] != "municipalities_expired_reaching" {
		t.Fatalf("columns %v", CountySummaryColumns)
	}
	found := false
	for _, rec := range CountySummaryRecords([]CountyTable{tb}) {
		if len(rec) != len(CountySummaryColumns) {
			t.Fatalf("record %v has %d fields, want %d", rec, len(rec), len(CountySummaryColumns))
		}
		found = found || (rec[expiredCol] != "0" && rec[len(rec)-1] == strconv.Itoa(tb.Expired))
	}
	if !found {
		t.Error("county-summary.csv names no municipality with an expired plan reaching a level")
	}
	var md bytes.Buffer
	if err := WriteSummary(&md, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Status as of 2026-11-30", "expired |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("summary.md lacks %q", want)
		}
	}
	for lang, wants := range map[string][]string{
		LangEnglish: {"Status as of 2026-11-30", "more with an expired plan only", "more with an expired plan, level ≥1"},
		LangSwedish: {"Status per 2026-11-30", "har bara en utgången plan", "fler med bara utgången plan, nivå ≥1"},
	} {
		r.Lang = lang
		page := renderHTML(t, r)
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("report.html (%s) lacks %q", lang, want)
			}
		}
	}
	r.Run = nil
	if page := renderHTML(t, r); strings.Contains(page, `id="as-of"`) {
		t.Error("report.html states an as-of date the report does not carry")
	}
}
