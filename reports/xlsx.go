package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlsxCellLimit is the most characters an Excel cell holds.
const xlsxCellLimit = 32767

// xlsxRowLimit is the most rows an Excel sheet holds.
const xlsxRowLimit = 1 << 20

// xlsxFixedTime is the creation and modification time written into
// coverage.xlsx, so that the same run gives the same bytes.
const xlsxFixedTime = "2000-01-01T00:00:00Z"

// number is what a cell must look like to be stored as a number: codes
// with a leading zero ("0360") and long digit strings stay text.
var number = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$`)

// XLSXSheet is one sheet of coverage.xlsx: a name and the table of the
// CSV file it holds, so the workbook says exactly what the CSV files say.
type XLSXSheet struct {
	Name  string
	table func(*Report) table
	// Limit is the most data rows the sheet holds (0: Excel's limit); a
	// note row after the last says how many more the CSV file has.
	Limit int
}

// XLSXEvidenceRows is the most rows of the evidence sheet. evidence.csv
// has every hit (about 90 per document); more than this makes the
// workbook slow to write and to open, and Excel cannot filter or sort a
// sheet of that size comfortably, so the sheet holds the first rows (in
// document order) and a note row pointing to evidence.csv.
const XLSXEvidenceRows = 50000

// XLSXSheets lists the sheets of coverage.xlsx in order: coverage,
// coverage_long, documents, evidence, actions, similarity, then one county-CODE
// sheet per county the run reports.
func XLSXSheets(r *Report) []XLSXSheet {
	sheets := []XLSXSheet{{"coverage", coverageTable, 0}, {"coverage_long", coverageLongTable, 0}, {"documents", documentsTable, 0},
		{"evidence", evidenceTable, XLSXEvidenceRows}, {"actions", actionsTable, 0}, {"similarity", similarityTable, 0}}
	for _, t := range CountyTables(r) {
		sheets = append(sheets, XLSXSheet{"county-" + t.County.Code, func(*Report) table {
			return table{header: CountyHeader(t.Themes), rows: rowsOf(CountyRecords(t))}
		}, 0})
	}
	return sheets
}

// WriteXLSX writes coverage.xlsx: the CSV tables as sheets of one
// workbook, numbers as numbers, a frozen header row.
//
// The bytes are deterministic: the core properties carry a fixed date
// instead of the time of the run, and the zip entries are rewritten in
// name order with no timestamps, because excelize writes its streamed
// sheets in map order.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "styrdok", Title: "styrdok coverage",
		Created: xlsxFixedTime, Modified: xlsxFixedTime}); err != nil {
		return fmt.Errorf("xlsx properties: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx style: %w", err)
	}
	for i, sh := range XLSXSheets(r) {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return fmt.Errorf("xlsx sheet %s: %w", sh.Name, err)
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", sh.Name, err)
		}
		if err := writeSheet(f, sh, r, bold); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", sh.Name, err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return canonicalZip(w, buf.Bytes())
}

// writeSheet streams a table into a sheet: rows go from the table's
// producer through excelize's StreamWriter (which spills to a temporary
// file) without a CSV copy of the sheet in memory.
func writeSheet(f *excelize.File, sh XLSXSheet, r *Report, headerStyle int) error {
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	t := sh.table(r)
	header := make([]any, len(t.header))
	for j, v := range t.header {
		header[j] = excelize.Cell{StyleID: headerStyle, Value: v}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	limit := xlsxRowLimit - 2 // the header, and a note row
	if sh.Limit > 0 {
		limit = min(limit, sh.Limit)
	}
	n, more := 0, 0
	var row []any
	t.rows(func(rec []string) bool {
		if n == limit {
			more++
			return t.size == nil // go on only to count the rest, for the note
		}
		row = row[:0]
		for _, v := range rec {
			row = append(row, xlsxValue(v))
		}
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		err = sw.SetRow(cell, row)
		return err == nil
	})
	if err != nil {
		return err
	}
	if more > 0 && t.size != nil {
		more = t.size() - n
	}
	if more > 0 {
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		note := fmt.Sprintf("… %d more rows (%d in all): see %s.csv", more, n+more, sh.Name)
		if err := sw.SetRow(cell, []any{note}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxValue stores numbers as numbers and cuts text at Excel's cell limit.
func xlsxValue(s string) any {
	if number.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	if utf8.RuneCountInString(s) > xlsxCellLimit {
		rs := []rune(s)
		return string(rs[:xlsxCellLimit-1]) + "…"
	}
	return s
}

// canonicalZip rewrites a zip archive with its entries in name order
// ("[Content_Types].xml" sorts first) and without modification times.
// The compressed data is copied as it is (excelize's deflate output is
// itself deterministic): decompressing and compressing again cost as
// much as writing the workbook.
func canonicalZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	zw := zip.NewWriter(w)
	for _, f := range files {
		hdr := zip.FileHeader{Name: f.Name, Method: f.Method, CRC32: f.CRC32,
			CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64}
		out, err := zw.CreateRaw(&hdr)
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		in, err := f.OpenRaw()
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		if _, err := io.Copy(out, in); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}
