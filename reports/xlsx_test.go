package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXGolden compares the cell values of every sheet (the bytes are
// checked separately, by TestXLSXDeterministic).
func TestXLSXGolden(t *testing.T) {
	r := bundledReport(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var dump strings.Builder
	sheets := f.GetSheetList()
	want := "coverage,coverage_long,documents,evidence,actions,similarity,county-03,county-06,county-14"
	if got := strings.Join(sheets, ","); got != want {
		t.Errorf("sheets %s, want %s", got, want)
	}
	for _, sh := range sheets {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		dump.WriteString("## " + sh + "\n")
		for _, row := range rows {
			dump.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	golden(t, "coverage.xlsx.txt", []byte(dump.String()))
	// numbers are numbers, codes stay text
	// a cell without a type attribute is a number in OOXML
	if typ, _ := f.GetCellType("coverage", "E2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("coverage!E2 (a share) has type %v, want a number", typ)
	}
	if typ, _ := f.GetCellType("county-03", "A2"); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		t.Errorf("county-03!A2 (a code) is stored as a number")
	}
	if v, _ := f.GetCellValue("county-03", "A2"); v != "0305" {
		t.Errorf("county-03!A2 = %q, want the code 0305 as text", v)
	}
}

func TestXLSXDeterministic(t *testing.T) {
	r := bundledReport(t)
	var a, b bytes.Buffer
	if err := WriteXLSX(&a, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of coverage.xlsx differ")
	}
	if bytes.Contains(a.Bytes(), []byte("2026-")) {
		t.Error("coverage.xlsx carries a date of today")
	}
}

func TestXLSXValue(t *testing.T) {
	for in, want := range map[string]any{"0.2062": 0.2062, "12": 12.0, "0": 0.0, "0360": "0360", "-3.5": -3.5,
		"1e5": "1e5", "NaN": "NaN", "2017-05-30": "2017-05-30", "": "", "1234567890123456": "1234567890123456"} {
		if got := xlsxValue(in); got != want {
			t.Errorf("xlsxValue(%q) = %#v, want %#v", in, got, want)
		}
	}
	long := strings.Repeat("å", xlsxCellLimit+10)
	if got := xlsxValue(long).(string); len([]rune(got)) != xlsxCellLimit {
		t.Errorf("long text: %d runes", len([]rune(got)))
	}
}

// TestXLSXSheetLimit: a capped sheet ends with a note row saying how many
// rows the CSV file has beyond it.
func TestXLSXSheetLimit(t *testing.T) {
	r := bundledReport(t)
	f := excelize.NewFile()
	defer f.Close()
	if err := writeSheet(f, XLSXSheet{Name: "Sheet1", table: evidenceTable, Limit: 2}, r, 0); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := g.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	total := evidenceTable(r).size()
	want := "… " + strconv.Itoa(total-2) + " more rows (" + strconv.Itoa(total) + " in all): see Sheet1.csv"
	if len(rows) != 4 || rows[3][0] != want {
		t.Errorf("%d rows, last %q; want 4, %q", len(rows), rows[len(rows)-1], want)
	}
}
