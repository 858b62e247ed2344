package reports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/styrdok/styrdok/analysis"
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
	sheets := f.GetSheetList()
	want := "coverage,coverage_long,documents,evidence,actions,similarity,county-03,county-06,county-14,county-summary,notes"
	if got := strings.Join(sheets, ","); got != want {
		t.Errorf("sheets %s, want %s", got, want)
	}
	golden(t, "coverage.xlsx.txt", []byte(excelizeDump(t, buf.Bytes())))
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

// TestXLSXSharedPass: coverage.xlsx written with its evidence and
// actions sheets from one pass (the actions sheet compressed aside and
// copied in) is byte for byte the workbook with each sheet written from
// its own pass, also when the evidence sheet stops early at its cap;
// and the pass is one.
func TestXLSXSharedPass(t *testing.T) {
	r := bundledReport(t)
	for _, limit := range []int{0, 3} {
		sheets := sheetsWithEvidenceLimit(r, limit)
		var own, shared bytes.Buffer
		if err := writeWorkbook(&own, r, sheets); err != nil {
			t.Fatal(err)
		}
		passes := 0
		each := func(fn func(int, *analysis.DocumentAnalysis) error) error {
			passes++
			return r.EachFull(fn)
		}
		if err := writeWorkbookEach(&shared, r, sheets, each); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(own.Bytes(), shared.Bytes()) {
			t.Errorf("limit %d: the workbook from one pass (%d bytes) differs from the one with a pass per sheet (%d bytes)", limit, shared.Len(), own.Len())
		}
		if passes != 1 {
			t.Errorf("limit %d: %d passes, want 1", limit, passes)
		}
	}
}

// TestXLSXSharedPassFails: a pass that fails half-way fails the
// workbook with its error, and no sheet is left waiting.
func TestXLSXSharedPassFails(t *testing.T) {
	r := bundledReport(t)
	boom := errors.New("spill file gone")
	each := func(fn func(int, *analysis.DocumentAnalysis) error) error {
		for i, d := range r.Documents {
			if i == 2 {
				return boom
			}
			if err := fn(i, d); err != nil {
				return err
			}
		}
		return nil
	}
	if err := writeWorkbookEach(io.Discard, r, XLSXSheets(r), each); !errors.Is(err, boom) {
		t.Errorf("error %v, want the pass's", err)
	}
}

func TestXLSXValue(t *testing.T) {
	type cell struct {
		v   string
		num bool
	}
	for in, want := range map[string]cell{"0.2062": {"0.2062", true}, "12": {"12", true}, "0": {"0", true},
		"0360": {"0360", false}, "-3.5": {"-3.5", true}, "1e5": {"1e5", false}, "NaN": {"NaN", false},
		"2017-05-30": {"2017-05-30", false}, "": {"", false}, "1234567890123456": {"1234567890123456", false},
		"1.50": {"1.5", true}, "-0.0": {"-0", true}, "123456789012345.25": {"123456789012345.25", true}} {
		if v, num := xlsxValue(in); v != want.v || num != want.num {
			t.Errorf("xlsxValue(%q) = %q, %v; want %q, %v", in, v, num, want.v, want.num)
		}
	}
	long := strings.Repeat("å", xlsxCellLimit+10)
	if got, _ := xlsxValue(long); len([]rune(got)) != xlsxCellLimit || !strings.HasSuffix(got, "…") {
		t.Errorf("long text: %d runes", len([]rune(got)))
	}
	if got, _ := xlsxValue(long[:2*xlsxCellLimit]); got != long[:2*xlsxCellLimit] {
		t.Error("text of exactly the limit was cut")
	}
}

// numberRule is the rule isNumber was written from.
var numberRule = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$`)

// TestXLSXNumberRule: isNumber accepts exactly what numberRule does, and
// a number's cell text is what strconv makes of its value (as excelize
// wrote it), on every short string of the characters that matter and on
// random numbers, codes and near misses.
func TestXLSXNumberRule(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := isNumber(s), numberRule.MatchString(s); got != want {
			t.Fatalf("isNumber(%q) = %v, the rule says %v", s, got, want)
		}
		v, num := xlsxValue(s)
		if !num {
			return
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if want := strconv.FormatFloat(f, 'f', -1, 64); v != want {
			t.Fatalf("xlsxValue(%q) = %q, want %q", s, v, want)
		}
	}
	const alphabet = "-0159.e "
	var gen func(prefix []byte, n int)
	gen = func(prefix []byte, n int) {
		check(string(prefix))
		if n == 0 {
			return
		}
		for i := range len(alphabet) {
			gen(append(prefix, alphabet[i]), n-1)
		}
	}
	gen(nil, 6)
	rng := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		return string(b)
	}
	for range 200000 {
		var s string
		switch rng.IntN(4) {
		case 0:
			s = fmtFloat((rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(20)-5)), rng.IntN(8))
		case 1:
			s = strconv.Itoa(rng.IntN(1 << 62))
			s = s[:1+rng.IntN(len(s))]
		default:
			if rng.IntN(3) == 0 {
				s = "-"
			}
			s += digits(rng.IntN(18))
			if rng.IntN(2) == 0 {
				s += "." + digits(rng.IntN(22))
			}
			if rng.IntN(10) == 0 {
				s += string(alphabet[rng.IntN(len(alphabet))])
			}
		}
		check(s)
	}
}

// TestXLSXSheetLimit: a capped sheet holds only data rows; the notes
// sheet says how many rows the CSV file has beyond them.
func TestXLSXSheetLimit(t *testing.T) {
	r := bundledReport(t)
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, r, []XLSXSheet{{Name: "Sheet1", table: func(r *Report) table { return evidenceTable(r, r.EachFull) }, Limit: 2}}); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, err := g.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Errorf("%d rows, want the header and 2 data rows", len(rows))
	}
	notes, err := g.GetRows("notes")
	if err != nil {
		t.Fatal(err)
	}
	total := strconv.Itoa(evidenceTable(r, r.EachFull).size())
	want := "Sheet1,2," + total + ",Sheet1.csv,the sheet holds the first 2 of " + total + " rows; Sheet1.csv has them all"
	if len(notes) != 2 || strings.Join(notes[1], ",") != want {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

// TestXLSXTyped: every cell of a column has the column's type: codes are
// text in every row (1440 as well as 0360), levels and counts numbers,
// booleans booleans, dates ISO text.
func TestXLSXTyped(t *testing.T) {
	r := bundledReport(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range XLSXSheets(r) {
		tb := sh.table(r)
		if len(tb.types) != len(tb.header) {
			t.Fatalf("%s: %d types for %d columns", sh.Name, len(tb.types), len(tb.header))
		}
		rows, err := f.GetRows(sh.Name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows[1:] {
			for j, kind := range []byte(tb.types) {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
				v, _ := f.GetCellValue(sh.Name, cell)
				if v == "" {
					continue
				}
				typ, _ := f.GetCellType(sh.Name, cell)
				want := map[byte]excelize.CellType{colText: excelize.CellTypeInlineString, colDate: excelize.CellTypeInlineString,
					colInt: excelize.CellTypeUnset, colFloat: excelize.CellTypeUnset, colBool: excelize.CellTypeBool}[kind]
				if typ != want {
					t.Fatalf("%s!%s (%s = %q) has type %v, want %v", sh.Name, cell, tb.header[j], v, typ, want)
				}
			}
		}
	}
}

// TestXLSXPackage checks the workbook as a package, as a stricter reader
// than excelize would: every part is well-formed XML, [Content_Types].xml
// comes first and gives every part a type, every relationship points to
// a part, and no entry carries a time.
func TestXLSXPackage(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, bundledReport(t)); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for i, f := range zr.File {
		if i == 0 && f.Name != "[Content_Types].xml" {
			t.Errorf("first entry %s, want [Content_Types].xml", f.Name)
		}
		if f.ModifiedDate != 0 || f.ModifiedTime != 0 || len(f.Extra) != 0 { // the extra field would hold a timestamp
			t.Errorf("%s has a modification time", f.Name)
		}
		if _, dup := parts[f.Name]; dup {
			t.Errorf("%s twice", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = data
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
	}
	var types struct {
		Default []struct {
			Extension string `xml:",attr"`
		}
		Override []struct {
			PartName string `xml:",attr"`
		}
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range types.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if parts[name] == nil {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
		typed[name] = true
	}
	for _, d := range types.Default {
		for name := range parts {
			if path.Ext(name) == "."+d.Extension {
				typed[name] = true
			}
		}
	}
	for name := range parts {
		if name != "[Content_Types].xml" && !typed[name] {
			t.Errorf("%s has no content type", name)
		}
	}
	sheets := 0
	for name, data := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") {
			sheets++
		}
		if path.Ext(name) != ".rels" {
			continue
		}
		var rels struct {
			Relationship []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:",attr"`
			}
		}
		if err := xml.Unmarshal(data, &rels); err != nil {
			t.Fatal(err)
		}
		base := path.Dir(path.Dir(name)) // _rels/.rels: the root; xl/_rels/workbook.xml.rels: xl
		for _, r := range rels.Relationship {
			if target := path.Join(base, r.Target); parts[target] == nil {
				t.Errorf("%s: %s points to %s, which is not in the package", name, r.ID, target)
			}
		}
	}
	if sheets != 11 {
		t.Errorf("%d worksheets, want 11", sheets)
	}
}

// TestXLSXText: text that XML must escape or cannot hold survives, or is
// cleaned as excelize cleaned it, in a round trip.
func TestXLSXText(t *testing.T) {
	rows := [][]string{
		{"a\x01b\x00c\x1fd\x7f", "<&>\"'", "x\ty\nz\r\nw\rv", "", "  lead", "trail\r", "0360"},
		{"bad\xffutf\xc3", "\ufffe\uffff|😀|åäö", "]]>", "&amp;", "12", "-0.50", "1e5"},
	}
	want := [][]string{
		{"abcd\x7f", "<&>\"'", "x\ty\nz\r\nw\rv", "", "  lead", "trail\r", "0360"},
		{"bad\ufffdutf\ufffd", "|😀|åäö", "]]>", "&amp;", "12", "-0.5", "1e5"},
	}
	sh := XLSXSheet{Name: "R&D <\"x\">", table: func(*Report) table {
		return table{header: []string{"h&1", "<h2>"}, types: "TTTTFFF", rows: rowsOf(rows)}
	}}
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, nil, []XLSXSheet{sh}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != sh.Name || got[1] != "notes" {
		t.Fatalf("sheets %q, want %q and notes", got, sh.Name)
	}
	got, err := f.GetRows(sh.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || strings.Join(got[0], "|") != "h&1|<h2>" {
		t.Fatalf("rows %q", got)
	}
	for i, w := range want {
		for j, v := range w {
			if j >= len(got[i+1]) || got[i+1][j] != v {
				t.Errorf("row %d cell %d: got %q, want %q", i+2, j+1, got[i+1], v)
				break
			}
		}
	}
	for cell, num := range map[string]bool{"E3": true, "F3": true, "G2": false, "G3": false, "A1": false} {
		typ, _ := f.GetCellType(sh.Name, cell)
		if isNum := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset; isNum != num {
			t.Errorf("%s: type %v, number %v", cell, typ, num)
		}
	}
}

// TestXLSXLayout: the header row is bold and frozen.
func TestXLSXLayout(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, bundledReport(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		p, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" || p.ActivePane != "bottomLeft" {
			t.Errorf("%s: panes %+v, want the first row frozen", sh, p)
		}
		for _, cell := range []string{"A1", "B1"} {
			id, err := f.GetCellStyle(sh, cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Font == nil || !st.Font.Bold {
				t.Errorf("%s!%s is not bold", sh, cell)
			}
		}
		if id, _ := f.GetCellStyle(sh, "A2"); id != 0 {
			t.Errorf("%s!A2 has style %d", sh, id)
		}
	}
}

// TestXLSXBlankCells: cells are written without their reference except
// after a blank one, so a blank cell anywhere in a row (first, last, in
// a run of blanks, past the 26th column) must leave every other cell in
// its column, as excelize reads them by coordinate; and a row without
// blanks carries no cell reference.
func TestXLSXBlankCells(t *testing.T) {
	const cols = 30
	header := make([]string, cols)
	for j := range header {
		header[j] = "h" + strconv.Itoa(j)
	}
	blanks := [][]int{{}, {0}, {cols - 1}, {3, 4, 5}, {0, 1, 27}, {25, 26}}
	var rows [][]string
	for i, bl := range blanks {
		row := make([]string, cols)
		for j := range row {
			if !slices.Contains(bl, j) {
				row[j] = "r" + strconv.Itoa(i) + "c" + strconv.Itoa(j)
			}
		}
		rows = append(rows, row)
	}
	var buf bytes.Buffer
	sheet := XLSXSheet{Name: "Sheet1", table: func(*Report) table { return table{header: header, rows: rowsOf(rows)} }}
	if err := writeWorkbook(&buf, &Report{}, []XLSXSheet{sheet}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	// references: one after each run of blanks that a cell follows
	if got, want := strings.Count(string(data), `<c r="`), 5; got != want {
		t.Errorf("%d cell references, want %d (after a blank only):\n%s", got, want, data)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for i, row := range rows {
		for j, want := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if got, err := g.GetCellValue("Sheet1", cell); err != nil || got != want {
				t.Errorf("%s = %q (%v), want %q", cell, got, err, want)
			}
		}
	}
}
