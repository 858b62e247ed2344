package reports

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// TestCRC32Combine: the CRC of two pieces combined is the CRC of the
// whole, for empty, short and long pieces.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	for _, cut := range [][2]int{{0, 0}, {0, 10}, {10, 10}, {1, 2}, {7, 300_000}, {65_536, 131_073}, {0, 300_000}, {299_999, 300_000}} {
		a, b := data[:cut[0]], data[cut[0]:cut[1]]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
		if want := crc32.ChecksumIEEE(data[:cut[1]]); got != want {
			t.Errorf("pieces of %d and %d bytes: combined %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

// TestSheetBlocks: blocks compressed one by one and written one after
// the other inflate to their rows; a block's rows come back from it,
// and are cut after whole rows; a block whose head does not fit it is
// refused.
func TestSheetBlocks(t *testing.T) {
	rows := [][]byte{[]byte(`<row><c><v>1</v></c></row><row><c/><c><v>2</v></c></row>`), nil,
		bytes.Repeat([]byte(`<row><c t="inlineStr"><is><t>text</t></is></c></row>`), 5000)}
	var z blockDeflater
	var out bytes.Buffer
	s := &sheetStream{w: &out}
	var want []byte
	for _, r := range rows {
		b, err := z.block(nil, r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := blockRows(b)
		if err != nil || !bytes.Equal(back, r) {
			t.Errorf("a block of %d bytes reads back as %d bytes (%v)", len(r), len(back), err)
		}
		if err := s.add(b); err != nil {
			t.Fatal(err)
		}
		want = append(want, r...)
		if len(r) > 0 {
			b[len(b)/2+sheetBlockHead/2] ^= 0xff
			if _, err := blockRows(b); err == nil {
				t.Errorf("a damaged block of %d bytes read without an error", len(r))
			}
		}
	}
	if err := s.end(); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(flateReader(out.Bytes()))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("the blocks inflate to %d bytes (%v), want %d", len(got), err, len(want))
	}
	if s.crc != crc32.ChecksumIEEE(want) || s.size != int64(len(want)) || s.zsize != int64(out.Len()) {
		t.Errorf("the stream's sums %08x/%d/%d, want %08x/%d/%d", s.crc, s.size, s.zsize, crc32.ChecksumIEEE(want), len(want), out.Len())
	}
	if got := string(firstRows(rows[0], 1)); got != `<row><c><v>1</v></c></row>` {
		t.Errorf("the first row: %q", got)
	}
	if got := firstRows(rows[2], 3); !bytes.Equal(got, rows[2][:3*len(rows[2])/5000]) {
		t.Errorf("the first 3 rows: %d bytes", len(got))
	}
}

// numberedSheets is sheets with those of full analyses written as rows
// with their numbers (writeSheet), as before sheet blocks.
func numberedSheets(sheets []XLSXSheet) []XLSXSheet {
	out := append([]XLSXSheet(nil), sheets...)
	for i := range out {
		out[i].docRows = nil
	}
	return out
}

// TestXLSXBlocksReadAlike: the workbook with its evidence and actions
// sheets as blocks (rows without numbers, blank cells as empty ones)
// reads as the workbook with numbered rows, cell for cell and type for
// type: by excelize always, by openpyxl and pandas (what researchers
// load it with) and by LibreOffice when they are installed
// (STYRDOK_REQUIRE_XLSXREADERS=1 makes them required, as in .ci/run),
// with the evidence sheet whole and cut inside a document; and Go's zip
// reader, which checks each entry's CRC-32 (combined from the blocks'),
// reads every entry.
func TestXLSXBlocksReadAlike(t *testing.T) {
	r := bundledReport(t)
	dir := t.TempDir()
	for _, limit := range []int{0, 7} {
		sheets := sheetsWithEvidenceLimit(r, limit)
		var blocks, numbered bytes.Buffer
		if err := writeWorkbookEach(&blocks, r, sheets, r.EachFull); err != nil {
			t.Fatal(err)
		}
		if err := writeWorkbook(&numbered, r, numberedSheets(sheets)); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(blocks.Bytes(), numbered.Bytes()) {
			t.Fatal("the workbook by blocks is the numbered one: nothing compared")
		}
		zr, err := zip.NewReader(bytes.NewReader(blocks.Bytes()), int64(blocks.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var xml bytes.Buffer
		for _, f := range zr.File {
			rc, err := f.Open()
			if err == nil {
				_, err = io.Copy(&xml, rc)
				rc.Close()
			}
			if err != nil {
				t.Errorf("limit %d: %s: %v", limit, f.Name, err)
			}
		}
		// what is compared: rows without numbers, blank cells as empty ones
		for _, s := range []string{"<row>", "<c/>"} {
			if !bytes.Contains(xml.Bytes(), []byte(s)) {
				t.Errorf("limit %d: no %s in the workbook by blocks", limit, s)
			}
		}
		if got, want := excelizeDump(t, blocks.Bytes()), excelizeDump(t, numbered.Bytes()); got != want {
			t.Errorf("limit %d: excelize reads the workbook by blocks otherwise than the numbered one", limit)
		}
		a, b := filepath.Join(dir, "blocks.xlsx"), filepath.Join(dir, "numbered.xlsx")
		if err := os.WriteFile(a, blocks.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(b, numbered.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		readAlikeByOpenpyxl(t, a, b)
		readAlikeByLibreOffice(t, dir, a, b)
	}
}

// sheetsWithEvidenceLimit is r's sheets with the evidence sheet's limit
// set to limit (0: as it is).
func sheetsWithEvidenceLimit(r *Report, limit int) []XLSXSheet {
	sheets := XLSXSheets(r)
	for i := range sheets {
		if sheets[i].Name == "evidence" && limit > 0 {
			sheets[i].Limit = limit
		}
	}
	return sheets
}

// excelizeDump is every sheet's rows as excelize reads them.
func excelizeDump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var dump strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		dump.WriteString("## " + sh + "\n")
		for _, row := range rows {
			dump.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	return dump.String()
}

func requireXLSXReaders() bool { return os.Getenv("STYRDOK_REQUIRE_XLSXREADERS") == "1" }

// openpyxlCompare compares two workbooks as openpyxl (every cell's
// value and type, trailing empty cells aside) and pandas (every sheet's
// frame) read them.
const openpyxlCompare = `
import sys, openpyxl, pandas as pd
a, b = sys.argv[1], sys.argv[2]
def cells(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for name in wb.sheetnames:
        rows = []
        for row in wb[name].iter_rows():
            r = [(c.value, c.data_type if c.value is not None else None) for c in row]
            while r and r[-1][0] is None:
                r.pop()
            rows.append(r)
        out[name] = rows
    return out
ca, cb = cells(a), cells(b)
if list(ca) != list(cb):
    sys.exit("openpyxl: sheets %s, want %s" % (list(ca), list(cb)))
for name in ca:
    if ca[name] != cb[name]:
        for i, (x, y) in enumerate(zip(ca[name], cb[name])):
            if x != y:
                sys.exit("openpyxl: sheet %s row %d: %r, want %r" % (name, i + 1, x, y))
        sys.exit("openpyxl: sheet %s: %d rows, want %d" % (name, len(ca[name]), len(cb[name])))
pa, pb = pd.read_excel(a, sheet_name=None), pd.read_excel(b, sheet_name=None)
for name in pb:
    pd.testing.assert_frame_equal(pa[name], pb[name])
print(sum(len(r) for rows in ca.values() for r in rows), "cells")
`

// python3WithOpenpyxl is a python3 that has openpyxl and pandas ("" if
// none): the one on PATH, else the system's.
func python3WithOpenpyxl() string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import openpyxl, pandas").Run() == nil {
			return py
		}
	}
	return ""
}

func readAlikeByOpenpyxl(t *testing.T, a, b string) {
	t.Helper()
	py := python3WithOpenpyxl()
	if py == "" {
		if requireXLSXReaders() {
			t.Fatal("python3 with openpyxl and pandas not found (STYRDOK_REQUIRE_XLSXREADERS=1)")
		}
		t.Log("python3 with openpyxl and pandas not found: not compared by them")
		return
	}
	out, err := exec.Command(py, "-c", openpyxlCompare, a, b).CombinedOutput()
	if err != nil {
		t.Errorf("openpyxl and pandas read the workbooks otherwise: %v\n%s", err, out)
		return
	}
	t.Logf("openpyxl and pandas read alike: %s", bytes.TrimSpace(out))
}

// readAlikeByLibreOffice converts both workbooks, every sheet, to CSV
// files with LibreOffice's headless calc and compares them.
func readAlikeByLibreOffice(t *testing.T, dir, a, b string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if testing.Short() && !requireXLSXReaders() {
		t.Log("-short: not compared by LibreOffice (a minute or more)")
		return
	}
	if err != nil {
		if requireXLSXReaders() {
			t.Fatal("soffice (LibreOffice) not found (STYRDOK_REQUIRE_XLSXREADERS=1)")
		}
		t.Log("soffice not found: not compared by LibreOffice")
		return
	}
	convert := func(path string) map[string][]byte {
		out := filepath.Join(dir, "lo-"+strings.TrimSuffix(filepath.Base(path), ".xlsx"))
		os.RemoveAll(out)
		// 44,34,76: comma, double quote, UTF-8; the last -1: every sheet, a file each
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		files, err := filepath.Glob(filepath.Join(out, "*.csv"))
		if err != nil || len(files) == 0 {
			t.Fatalf("soffice wrote no CSV files for %s (%v)", path, err)
		}
		sheets := map[string][]byte{}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimPrefix(filepath.Base(f), strings.TrimSuffix(filepath.Base(path), ".xlsx"))
			sheets[name] = data
		}
		return sheets
	}
	got, want := convert(a), convert(b)
	if len(got) != len(want) {
		t.Errorf("LibreOffice: %d sheets, want %d", len(got), len(want))
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || !bytes.Equal(g, w) {
			t.Errorf("LibreOffice reads sheet file %s otherwise (%d bytes, want %d)", name, len(g), len(w))
		}
	}
	t.Logf("LibreOffice reads alike: %d sheets", len(want))
}

func flateReader(b []byte) io.Reader { return flate.NewReader(bytes.NewReader(b)) }
