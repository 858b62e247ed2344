package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// TestParquetReadBack writes the parquet files for the bundled corpus and
// reads them back with parquet-go's reader.
func TestParquetReadBack(t *testing.T) {
	files := bundledFiles(t)
	r := analyzeFiles(t, files...)
	r.Documents[0].Meta.AdoptedOn = "2017-05" // a month: the first day, precision month
	dir := t.TempDir()
	written, err := WriteParquet(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, dir, written, "documents.parquet", "coverage_long.parquet", "evidence.parquet")
	docs, err := parquet.ReadFile[DocumentRow](filepath.Join(dir, "documents.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(files) || docs[0].Document != r.Documents[0].File || docs[0].Words != int64(r.Documents[0].Words) {
		t.Fatalf("documents.parquet: %d rows, first %+v", len(docs), docs[0])
	}
	d0 := docs[0]
	day := func(y int, m time.Month, d int) int32 {
		return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	if d0.AdoptedOn == nil || *d0.AdoptedOn != day(2017, 5, 1) || *d0.AdoptedOnPrecision != "month" {
		t.Errorf("adopted_on %v %v, want 2017-05-01 month", d0.AdoptedOn, d0.AdoptedOnPrecision)
	}
	// Ale: "2018-2021" valid to the end of 2021; no adoption body: null
	if d0.ValidTo == nil || *d0.ValidTo != day(2021, 12, 31) || d0.AdoptedBy != nil || d0.Year == nil || *d0.Year != 2018 {
		t.Errorf("Ale: valid_to %v, adopted_by %v, year %v", d0.ValidTo, d0.AdoptedBy, d0.Year)
	}
	cov, err := parquet.ReadFile[CoverageRow](filepath.Join(dir, "coverage_long.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cov) != len(files)*len(r.Codebook.Themes) {
		t.Fatalf("coverage_long.parquet: %d rows, want %d", len(cov), len(files)*len(r.Codebook.Themes))
	}
	ev, err := parquet.ReadFile[EvidenceRow](filepath.Join(dir, "evidence.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	var want []EvidenceRow
	inherited, several := 0, 0
	for _, d := range r.Documents {
		for _, th := range d.Themes {
			for _, h := range th.Evidence {
				want = append(want, evidenceRow(d, th.ID, h))
				if h.Heading >= 0 {
					inherited++
				}
				if len(h.Matched) > 1 && strings.Contains(h.MatchedWords(), MatchedSeparator) {
					several++
				}
			}
		}
	}
	if len(want) == 0 || inherited == 0 || several == 0 || !reflect.DeepEqual(ev, want) {
		t.Fatalf("evidence.parquet: %d rows read back, want %d identical rows (%d through headings, %d with several words)", len(ev), len(want), inherited, several)
	}
	// Deterministic: writing again gives the same bytes.
	var b1, b2 bytes.Buffer
	WriteEvidenceParquet(&b1, r)
	WriteEvidenceParquet(&b2, r)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("evidence.parquet is not deterministic")
	}
}

// TestParquetColumns: each Parquet file has every column of its CSV file,
// in the same order, with its logical type: the schema as the file
// stores it, read back.
func TestParquetColumns(t *testing.T) {
	r := bundledReport(t)
	dir := t.TempDir()
	if _, err := WriteParquet(dir, r); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file  string
		table table
	}{
		{"documents.parquet", documentsTable(r)},
		{"coverage_long.parquet", coverageLongTable(r)},
		{"evidence.parquet", evidenceTable(r, r.EachFull)},
	} {
		f, err := os.Open(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		fields := pf.Schema().Fields()
		var names []string
		for _, fl := range fields {
			names = append(names, fl.Name())
		}
		if !reflect.DeepEqual(names, c.table.header) {
			t.Errorf("%s columns %v\nCSV columns %v", c.file, names, c.table.header)
			f.Close()
			continue
		}
		for i, fl := range fields {
			kind, name := c.table.types[i], fl.Name()
			var lv any
			if lt := fl.Type().LogicalType(); lt != nil {
				lv = lt.Value
			}
			var ok bool
			switch {
			case name == "matched":
				_, ok = lv.(*format.ListType)
			case kind == colDate:
				_, ok = lv.(*format.DateType)
				ok = ok && fl.Optional()
			case kind == colInt:
				it, isInt := lv.(*format.IntType)
				ok = isInt && it.IsSigned
			case kind == colFloat:
				ok = fl.Type().Kind() == parquet.Double
			case kind == colBool:
				ok = fl.Type().Kind() == parquet.Boolean
			default:
				_, ok = lv.(*format.StringType)
			}
			if !ok {
				t.Errorf("%s: column %s (%c) has type %v, logical %v", c.file, name, kind, fl.Type(), lv)
			}
		}
		f.Close()
	}
}
