package reports

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
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

// XLSXSheet is one sheet of coverage.xlsx: a name and a CSV writer whose
// output it holds, so the workbook says exactly what the CSV files say.
type XLSXSheet struct {
	Name  string
	Write func(io.Writer, *Report) error
}

// XLSXSheets lists the sheets of coverage.xlsx in order: coverage,
// coverage_long, documents, evidence, actions, similarity, then one county-CODE
// sheet per county the run reports.
func XLSXSheets(r *Report) []XLSXSheet {
	sheets := []XLSXSheet{{"coverage", WriteCoverage}, {"coverage_long", WriteCoverageLong}, {"documents", WriteDocuments},
		{"evidence", WriteEvidence}, {"actions", WriteActions}, {"similarity", WriteSimilarity}}
	for _, t := range CountyTables(r) {
		sheets = append(sheets, XLSXSheet{"county-" + t.County.Code, func(w io.Writer, _ *Report) error { return WriteCounty(w, t) }})
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

func writeSheet(f *excelize.File, sh XLSXSheet, r *Report, headerStyle int) error {
	var b bytes.Buffer
	if err := sh.Write(&b, r); err != nil {
		return err
	}
	records, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, rec := range records {
		if i == xlsxRowLimit-1 {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			note := fmt.Sprintf("… %d more rows: see the CSV file", len(records)-i)
			if err := sw.SetRow(cell, []any{note}); err != nil {
				return err
			}
			break
		}
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = xlsxValue(v)
			if i == 0 {
				row[j] = excelize.Cell{StyleID: headerStyle, Value: v}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
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
func canonicalZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	zw := zip.NewWriter(w)
	for _, f := range files {
		hdr := zip.FileHeader{Name: f.Name, Method: zip.Deflate}
		out, err := zw.CreateHeader(&hdr)
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		in, err := f.Open()
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}
