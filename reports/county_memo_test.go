package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCountyTablesKeptForWriters: the county tables WriteAll keeps for
// its writers are the ones CountyTables computes, and are dropped when
// WriteAll returns, so that a later WriteAll of the same report with
// another --county reports that county, not the kept tables.
func TestCountyTablesKeptForWriters(t *testing.T) {
	r := bundledReport(t)
	all := CountyTables(r)
	if len(all) < 2 {
		t.Fatalf("the bundled documents give %d county tables; the test needs two", len(all))
	}
	if _, err := WriteAll(t.TempDir(), r); err != nil {
		t.Fatal(err)
	}
	if r.countiesKept || r.counties != nil {
		t.Fatal("WriteAll left its county tables on the report")
	}
	r.County = all[1].County.Code
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	fresh := bundledReport(t)
	fresh.County = all[1].County.Code
	want := outputsOf(t, fresh)
	for _, name := range []string{"summary.md", "county-summary.csv", "report.html", "coverage.xlsx"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s after a WriteAll of every county differs from a fresh report of county %s", name, all[1].County.Code)
		}
	}
	if _, ok := want["county-"+all[0].County.Code+".csv"]; ok {
		t.Fatalf("a report of county %s has county %s's table", all[1].County.Code, all[0].County.Code)
	}
}
