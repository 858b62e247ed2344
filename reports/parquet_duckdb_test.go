package reports

import (
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/internal/duckdbcheck"
)

// TestParquetInDuckDB reads the Parquet exports with DuckDB (through its
// Node binding), the way researchers load them. It runs when
// STYRDOK_PARQUETCHECK names a folder where tools/parquetcheck's npm
// dependencies are installed (.ci/run does that) and skips otherwise.
func TestParquetInDuckDB(t *testing.T) {
	duckdbcheck.Require(t)
	r := bundledReport(t)
	out := t.TempDir()
	if _, err := WriteParquet(out, r); err != nil {
		t.Fatal(err)
	}
	got := duckdbcheck.Read(t, out)
	evidence := 0
	for _, d := range r.Documents {
		for _, th := range d.Themes {
			evidence += len(th.Evidence)
		}
	}
	want := map[string]int{"documents.parquet": len(r.Documents), "coverage_long.parquet": len(r.Documents) * len(r.Codebook.Themes), "evidence.parquet": evidence}
	for f, n := range want {
		if got[f].Rows != n {
			t.Errorf("%s: DuckDB reads %d rows, want %d", f, got[f].Rows, n)
		}
	}
	// The columns of the CSV files, with the types DuckDB reads.
	for f, tb := range map[string]table{"documents.parquet": documentsTable(r), "coverage_long.parquet": coverageLongTable(r), "evidence.parquet": evidenceTable(r, r.EachFull)} {
		if strings.Join(got[f].Columns, ",") != strings.Join(tb.header, ",") {
			t.Errorf("%s: DuckDB reads columns %v, the CSV has %v", f, got[f].Columns, tb.header)
			continue
		}
		for i, c := range tb.header {
			want := map[byte]string{colText: "VARCHAR", colInt: "INTEGER|BIGINT", colFloat: "DOUBLE", colBool: "BOOLEAN", colDate: "DATE"}[tb.types[i]]
			if c == "matched" {
				want = "VARCHAR[]"
			}
			if typ := got[f].Types[c]; !slices.Contains(strings.Split(want, "|"), typ) {
				t.Errorf("%s: %s is %s in DuckDB, want %s", f, c, typ, want)
			}
		}
	}
	// Missing values are nulls: Ale's adopted_by, every hit on its own words' heading.
	if got["documents.parquet"].Nulls["adopted_by"] == 0 || got["evidence.parquet"].Nulls["heading"] == 0 {
		t.Errorf("no nulls: %v %v", got["documents.parquet"].Nulls, got["evidence.parquet"].Nulls)
	}
	t.Logf("DuckDB: %+v", got)
}
