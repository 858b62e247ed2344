package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"

	"github.com/styrdok/styrdok/analysis"
)

// xlsxCellLimit is the most characters an Excel cell holds.
const xlsxCellLimit = 32767

// xlsxRowLimit is the most rows an Excel sheet holds.
const xlsxRowLimit = 1 << 20

// xlsxFixedTime is the creation and modification time written into
// coverage.xlsx, so that the same run gives the same bytes.
const xlsxFixedTime = "2000-01-01T00:00:00Z"

// xlsxDeflateLevel is the compression of the zip entries. Even at level
// 1 compressing is most of the time of WriteXLSX, and the default level
// (6) takes 2.5 times as long for a file a fifth smaller; levels 2 to 4
// take 10-35% longer for 6-14% smaller (BenchmarkWriteXLSX). The
// workbook is written on every run and opened now and then. The
// compressor is klauspost/compress's flate (already a dependency, for
// the store): at level 1 it took 161 ms for a 7.2 MB workbook against 217 ms
// and 7.5 MB for the standard library's.
const xlsxDeflateLevel = flate.BestSpeed

// xlsxFlushSize is how much of a part is gathered before it goes to the
// compressor.
const xlsxFlushSize = 32 << 10

// XLSXSheet is one sheet of coverage.xlsx: a name and the table of the
// CSV file it holds, so the workbook says exactly what the CSV files say.
type XLSXSheet struct {
	Name  string
	table func(*Report) table
	// full, for a sheet of the full analyses (evidence, actions), is its
	// table over a pass that each gives; table is full over r.EachFull.
	// A workbook written over a shared pass (writeXLSX) reads these
	// sheets from one pass, not one pass each.
	full func(*Report, eachFunc) table
	// docRows and part, for a sheet of the full analyses: a document's
	// rows of the table, and its fragment's part (writeSheetParts).
	docRows func(d *analysis.DocumentAnalysis, yield func([]string) bool) bool
	part    fragPart
	// sumRows and part, for a sheet of the summaries of one row (or one
	// a theme) a document (coverage, coverage_long, documents): a
	// document's rows, kept as fragments when the report keeps them
	// (writeSheetFrags).
	sumRows docRows
	// blocks: the sheet's documents are kept as compressed blocks
	// (xlsx_blocks.go), not as their rows' XML.
	blocks bool
	// Limit is the most data rows the sheet holds (0: Excel's limit); the
	// notes sheet says how many more the CSV file has.
	Limit int
}

// XLSXEvidenceRows is the most rows of the evidence sheet. evidence.csv
// has every hit (about 90 per document); more than this makes the
// workbook slow to write and to open, and Excel cannot filter or sort a
// sheet of that size comfortably, so the sheet holds the first rows (in
// document order) and the notes sheet points to evidence.csv.
const XLSXEvidenceRows = 50000

// XLSXSheets lists the sheets of coverage.xlsx in order: coverage,
// coverage_long, documents, evidence, actions, similarity, then one county-CODE
// sheet per county the run reports and county-summary.
func XLSXSheets(r *Report) []XLSXSheet {
	fullSheet := func(name string, full func(*Report, eachFunc) table, docRows func(*analysis.DocumentAnalysis, func([]string) bool) bool, part fragPart, limit int) XLSXSheet {
		return XLSXSheet{Name: name, table: func(r *Report) table { return full(r, r.EachFull) }, full: full, docRows: docRows, part: part, Limit: limit,
			blocks: part == fragEvidenceSheet}
	}
	evidenceRow := make([]string, len(EvidenceColumns))
	sheets := []XLSXSheet{{Name: "coverage", table: coverageTable, sumRows: coverageRows, part: fragCoverageSheet},
		{Name: "coverage_long", table: coverageLongTable, sumRows: coverageLongRows, part: fragCoverageLongSheet},
		{Name: "documents", table: documentsTable, sumRows: documentRows, part: fragDocumentsSheet},
		fullSheet("evidence", evidenceTable, func(d *analysis.DocumentAnalysis, yield func([]string) bool) bool {
			return evidenceRows(d, evidenceRow, yield)
		}, fragEvidenceSheet, XLSXEvidenceRows),
		fullSheet("actions", actionsTable, actionRows, fragActionsSheet, 0), {Name: "similarity", table: similarityTable}}
	tables := r.countyTables()
	for _, t := range tables {
		sheets = append(sheets, XLSXSheet{Name: "county-" + t.County.Code, table: func(*Report) table {
			return table{header: CountyHeader(t.Themes), types: "TTTTI" + strings.Repeat("IFT", len(t.Themes)), rows: rowsOf(CountyRecords(t))}
		}})
	}
	if len(tables) > 0 {
		sheets = append(sheets, XLSXSheet{Name: "county-summary", table: func(*Report) table {
			return table{header: CountySummaryColumns, types: "TTTIFIIIII", rows: rowsOf(CountySummaryRecords(tables))}
		}})
	}
	return sheets
}

// WriteXLSX writes coverage.xlsx: the CSV tables as sheets of one
// workbook, each column typed (codes and other text as text, numbers as
// numbers, booleans as booleans: table.types), a frozen header row, and
// a last sheet, notes, with each sheet's row count against its CSV
// file's.
//
// The workbook is SpreadsheetML (ECMA-376) written directly: a general
// library (excelize, used before) built every cell as a value, spilled
// streamed sheets to temporary files and compressed at the default
// level, which made this the costliest report of a run in CPU and in
// garbage. Here rows go from the table's producer straight into the zip
// entry, and text cells are inline strings, so there is no shared-string
// table to hold in memory.
//
// The bytes are deterministic: the parts are written in a fixed order
// with no modification times, and the core properties carry a fixed
// date instead of the time of the run.
func WriteXLSX(w io.Writer, r *Report) error {
	if err := writeWorkbookEach(w, r, XLSXSheets(r), r.EachFull); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// writeXLSX is WriteXLSX with the sheets of full analyses (evidence,
// actions) read by fragments from passes, one each, in the order of the
// sheets (writeWorkbookPasses).
func writeXLSX(w io.Writer, r *Report, passes []passer) error {
	if err := writeWorkbookPasses(w, r, XLSXSheets(r), passes); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// xlsxPasses is how many passes coverage.xlsx reads (writeXLSX): its
// sheets of full analyses.
const xlsxPasses = 2

// writeWorkbook writes a workbook of sheets, each sheet's table from
// its own pass.
func writeWorkbook(w io.Writer, r *Report, sheets []XLSXSheet) error {
	return writeWorkbookEach(w, r, sheets, nil)
}

// writeWorkbookEach writes a workbook of sheets. With each, the sheets
// of full analyses (XLSXSheet.full) share one pass over it (a fanout,
// one ticket a sheet: writeWorkbookPasses). Each pass decodes every
// analysis from the spill again: reading the evidence and actions
// sheets in passes of their own cost a seventh of the report writers'
// CPU on 2,000 documents. The bytes are those of writing each sheet
// from its own pass.
func writeWorkbookEach(w io.Writer, r *Report, sheets []XLSXSheet, each eachFunc) error {
	if each == nil {
		return writeWorkbookPasses(w, r, sheets, nil)
	}
	fan := newFanout(eachSource(each))
	var passes []passer
	for _, sh := range sheets {
		if sh.full != nil {
			passes = append(passes, fan.ticket())
		}
	}
	return writeWorkbookPasses(w, r, sheets, passes)
}

// writeWorkbookPasses writes a workbook of sheets; with passes, the
// sheets of full analyses (XLSXSheet.full) are read by fragments, the
// k-th from passes[k] (writeSheetParts). Passes that share a pass over
// the documents (tickets of a fanout) all read at once: the first of
// these sheets is written into the workbook as the pass goes, the
// others at the same time into compressed buffers of their own
// (sideSheet), copied into the workbook in their turn. Only the later
// sheets are buffered, since the first (the evidence sheet, capped at
// XLSXEvidenceRows) stops reading early and the pass must not wait for
// a sheet that cannot be written yet. Every pass is given back (done)
// when the workbook ends, read or not.
func writeWorkbookPasses(w io.Writer, r *Report, sheets []XLSXSheet, passes []passer) error {
	notes := &xlsxNotes{}
	sheets = append(sheets[:len(sheets):len(sheets)], XLSXSheet{Name: "notes", table: func(*Report) table { return notes.table() }})
	passOf := map[int]passer{} // by sheet
	if passes == nil {
		// the sheets of full analyses are written by blocks all the same
		for i, sh := range sheets {
			if sh.full != nil && sh.docRows != nil {
				passOf[i] = eachPasser(r.EachFull)
			}
		}
	} else {
		k := 0
		for i, sh := range sheets {
			if sh.full != nil && k < len(passes) {
				passOf[i] = passes[k]
				k++
			}
		}
	}
	sides := map[int]*sideSheet{}
	defer func() { // a side sheet reads on to the pass's end, even when the workbook failed
		for _, s := range sides {
			<-s.done
		}
	}()
	for _, p := range passes {
		defer p.done() // before the side sheets are waited for: their pass waits for every ticket
	}
	first := true // the next sheet read by a pass is written in place
	for i, sh := range sheets {
		if pass, ok := passOf[i]; ok {
			if !first {
				sides[i] = startSideSheet(sh, r, pass)
			}
			first = false
		}
	}
	zw := zip.NewWriter(w)
	// One compressor for all entries (they are written one after the
	// other): a flate.Writer is about a megabyte of tables.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, xlsxDeflateLevel)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	p := &xlsxPart{zw: zw, buf: make([]byte, 0, xlsxFlushSize+4<<10)}

	p.create("[Content_Types].xml")
	p.str(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := range sheets {
		p.str(`<Override PartName="/xl/worksheets/sheet`)
		p.int(i + 1)
		p.str(`.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
	}
	p.str(`</Types>`)

	p.create("_rels/.rels")
	p.str(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)

	p.create("docProps/core.xml")
	p.str(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>styrdok coverage</dc:title><dc:creator>styrdok</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + xlsxFixedTime + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + xlsxFixedTime + `</dcterms:modified>` +
		`</cp:coreProperties>`)

	p.create("docProps/app.xml")
	p.str(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>styrdok</Application></Properties>`)

	p.create("xl/workbook.xml")
	p.str(xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, sh := range sheets {
		p.str(`<sheet name="`)
		p.buf = appendXMLEscaped(p.buf, sh.Name, true)
		p.str(`" sheetId="`)
		p.int(i + 1)
		p.str(`" r:id="rId`)
		p.int(i + 1)
		p.str(`"/>`)
	}
	p.str(`</sheets></workbook>`)

	p.create("xl/_rels/workbook.xml.rels")
	p.str(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range sheets {
		p.str(`<Relationship Id="rId`)
		p.int(i + 1)
		p.str(`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet`)
		p.int(i + 1)
		p.str(`.xml"/>`)
	}
	p.str(`<Relationship Id="rId`)
	p.int(len(sheets) + 1)
	p.str(`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`)

	p.create("xl/styles.xml")
	p.str(xlsxStyles)

	for i, sh := range sheets {
		name := "xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml"
		if s := sides[i]; s != nil {
			<-s.done
			if err := s.copyTo(p, name); err != nil {
				return fmt.Errorf("sheet %s: %w", sh.Name, err)
			}
			notes.rows = append(notes.rows, s.notes.rows...)
			continue
		}
		var err error
		if pass, ok := passOf[i]; ok {
			err = p.rawEntry(name, !sh.blocks, func(s *sheetStream) error {
				return writeSheetBlocks(s, sh, sh.full(r, nil), pass, i == 0, notes)
			})
		} else if r != nil && r.frags != nil && sh.sumRows != nil && passes != nil {
			p.create(name)
			err = writeSheetFrags(p, sh, sh.table(r), i == 0, notes, r, r.frags)
		} else {
			p.create(name)
			err = writeSheet(p, sh, sh.table(r), i == 0, notes)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sh.Name, err)
		}
	}
	if err := p.close(); err != nil {
		return err
	}
	return zw.Close()
}

// eachSource is a pass as a Source, for a fanout over it.
type eachSource eachFunc

func (e eachSource) Each(fn func(i int, d *analysis.DocumentAnalysis) error) error { return e(fn) }

// sideSheet is a worksheet written into a buffer of its own, as the
// compressed blocks of its entry, while the workbook's writer is at an
// earlier sheet (writeWorkbookEach), then copied into the workbook as it
// is.
type sideSheet struct {
	done  chan struct{} // closed when the sheet is written (or failed)
	err   error
	out   bytes.Buffer // the deflated sheet
	crc   uint32
	size  int64 // bytes before compression
	notes xlsxNotes
}

// startSideSheet writes sh from pass into a side sheet.
func startSideSheet(sh XLSXSheet, r *Report, pass passer) *sideSheet {
	s := &sideSheet{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		defer pass.done()
		st, err := newSheetStream(&s.out, !sh.blocks)
		if s.err = err; err == nil {
			s.err = writeSheetBlocks(st, sh, sh.full(r, nil), pass, false, &s.notes)
			s.crc, s.size = st.crc, st.size
		}
	}()
	return s
}

// copyTo ends p's current entry and adds the side sheet as the entry
// name (rawEntry).
func (s *sideSheet) copyTo(p *xlsxPart, name string) error {
	if s.err != nil {
		return s.err
	}
	return p.rawEntry(name, false, func(st *sheetStream) error {
		if _, err := st.w.Write(s.out.Bytes()); err != nil {
			return err
		}
		st.crc, st.size, st.zsize, st.closed = s.crc, s.size, int64(s.out.Len()), true
		return nil
	})
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xlsxStyles is the least stylesheet Excel accepts (the default font,
// the two fills it reserves, one border), with cell format 1 the bold
// header.
const xlsxStyles = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

// xlsxPart writes the current zip entry: bytes are appended to buf and
// handed to the compressor in chunks of about xlsxFlushSize (appending
// to a slice, rather than writing to a bufio.Writer, lets text be
// escaped and numbers formatted in place). The first error sticks; later
// writes do nothing.
type xlsxPart struct {
	zw  *zip.Writer
	w   io.Writer // the current entry
	buf []byte
	err error
}

// create ends the current entry and starts the next. There is no
// modification time (zero), so the bytes do not depend on the clock.
func (p *xlsxPart) create(name string) {
	p.flush()
	if p.err != nil {
		return
	}
	p.w, p.err = p.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
}

func (p *xlsxPart) flush() {
	if p.err == nil && p.w != nil && len(p.buf) > 0 {
		_, p.err = p.w.Write(p.buf)
	}
	p.buf = p.buf[:0]
}

// full flushes buf when it holds a chunk.
func (p *xlsxPart) full() {
	if len(p.buf) >= xlsxFlushSize {
		p.flush()
	}
}

func (p *xlsxPart) close() error {
	p.flush()
	return p.err
}

func (p *xlsxPart) str(s string) { p.buf = append(p.buf, s...) }
func (p *xlsxPart) int(i int)    { p.buf = strconv.AppendInt(p.buf, int64(i), 10) }

// writeSheet writes a table as the current part, a worksheet: rows go
// from the table's producer into the zip entry without a copy of the
// sheet in memory. The header row is bold and frozen.
func writeSheet(p *xlsxPart, sh XLSXSheet, t table, selected bool, notes *xlsxNotes) error {
	rw := sheetHead(p, t, selected)
	limit := sheetLimit(sh)
	n, more := 0, 0
	var rowNum []byte
	t.rows(func(rec []string) bool {
		if n == limit {
			more++
			return t.size == nil // go on only to count the rest, for the notes
		}
		n++
		rowNum = strconv.AppendInt(rowNum[:0], int64(n+1), 10)
		p.buf = rw.appendRow(p.buf, rowNum, rec, "", t.types)
		p.full()
		return p.err == nil
	})
	if err := t.failed(); err != nil {
		return err
	}
	if more > 0 && t.size != nil {
		more = t.size() - n
	}
	return sheetTail(p, sh, n, more, notes)
}

// writeSheetFrags is writeSheet for a sheet of the summaries' rows
// (XLSXSheet.sumRows) by fragments of sh.part: a document whose rows the
// last run kept (fragKey) gets them as they are, the others are
// rendered and kept. A fragment holds its rows with rowPlaceholder for
// their number (in each row's and cell's reference), put in as the rows
// are written: the bytes, and the chunks the compressor is given (one
// p.full a row), are writeSheet's. A sheet that may pass its row limit
// is written by writeSheet.
func writeSheetFrags(p *xlsxPart, sh XLSXSheet, t table, selected bool, notes *xlsxNotes, r *Report, fs *fragStore) error {
	perDoc := 1
	if sh.Name == "coverage_long" {
		perDoc = max(1, len(r.Codebook.Themes))
	}
	if len(r.Documents)*perDoc > sheetLimit(sh) {
		return writeSheet(p, sh, t, selected, notes)
	}
	rw := sheetHead(p, t, selected)
	out := fs.newFragWriter(sh.part)
	if out != nil {
		defer out.finish()
	}
	defer func() {
		if f := fs.old[sh.part]; f != nil {
			f.dropWindow()
		}
	}()
	n := 0
	var rowNum, buf []byte
	var sc rowScratch
	placeholder := []byte{rowPlaceholder}
	for i, d := range r.Documents {
		if e := fs.cached(sh.part, fs.keys[i]); e != nil {
			p.appendNumbered(e.z, &n, &rowNum)
			if out != nil {
				out.addCached(i, e)
			}
			e.release()
		} else {
			buf = buf[:0]
			rows := 0
			sh.sumRows(r, d, &sc, func(rec []string) bool {
				buf = rw.appendRow(buf, placeholder, rec, "", t.types)
				rows++
				return true
			})
			if out != nil {
				out.add(i, fragment{b: buf, peers: -1, rows: rows})
			}
			p.appendNumbered(buf, &n, &rowNum)
		}
		if p.err != nil {
			return p.err
		}
	}
	return sheetTail(p, sh, n, 0, notes)
}

// rowPlaceholder stands for the row number in a kept sheet row's
// references (writeSheetFrags): a byte no cell holds (appendXMLEscaped
// drops it, as XML 1.0 allows it nowhere).
const rowPlaceholder = 0

// appendNumbered appends b, whole rows rendered with rowPlaceholder for
// their number, numbering them on from *n (data rows; the header is row
// 1), and flushes after each row as writeSheet does.
func (p *xlsxPart) appendNumbered(b []byte, n *int, rowNum *[]byte) {
	const open = `<row r="`
	start := 0 // where the row being copied starts in b; b[:from] is copied
	from := 0
	for {
		k := bytes.IndexByte(b[from:], rowPlaceholder)
		if k < 0 {
			break
		}
		k += from
		// a row's own number (rows begin so; a cell's reference ends in
		// a column letter): the row before it ends here
		if k >= len(open) && string(b[k-len(open):k]) == open {
			if rowStart := k - len(open); rowStart > start {
				p.buf = append(p.buf, b[from:rowStart]...)
				p.full()
				start, from = rowStart, rowStart
			}
			*n++
			*rowNum = strconv.AppendInt((*rowNum)[:0], int64(*n+1), 10)
		}
		p.buf = append(p.buf, b[from:k]...)
		p.buf = append(p.buf, *rowNum...)
		from = k + 1
	}
	if len(b) > start {
		p.buf = append(p.buf, b[from:]...)
		p.full()
	}
}

// sheetHead writes a worksheet's head and t's header row, and returns
// the writer of its rows.
func sheetHead(p *xlsxPart, t table, selected bool) *sheetRows {
	p.str(xmlHeader + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView`)
	if selected {
		p.str(` tabSelected="1"`)
	}
	p.str(` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetData>`)
	rw := newSheetRows(len(t.header))
	p.buf = rw.appendRow(p.buf, []byte("1"), t.header, ` s="1"`, "")
	p.full()
	return rw
}

// sheetLimit is the most data rows sheet sh holds.
func sheetLimit(sh XLSXSheet) int {
	limit := xlsxRowLimit - 1 // the header
	if sh.Limit > 0 {
		limit = min(limit, sh.Limit)
	}
	return limit
}

// sheetTail ends a worksheet of n data rows, more left out, and notes
// them.
func sheetTail(p *xlsxPart, sh XLSXSheet, n, more int, notes *xlsxNotes) error {
	notes.add(sh.Name, n, n+more)
	p.str(`</sheetData></worksheet>`)
	return p.err
}

// sheetRows renders a worksheet's rows.
type sheetRows struct {
	cols    []string // the column letters, made once
	scratch []byte   // a cell's escaped text
}

func newSheetRows(columns int) *sheetRows {
	rw := &sheetRows{cols: make([]string, columns)}
	for j := range rw.cols {
		rw.cols[j] = columnName(j + 1)
	}
	return rw
}

// appendRow appends row rowNum (its number's digits); with types, each
// cell as its column's type (xlsxCell), else all text. A cell carries
// its reference (r="C7") only when it does not follow the cell before
// it (after a blank one): the reference is optional (ECMA-376 Part 1,
// 18.3.1.4), and a reader without one takes the next column of the row,
// as Excel, LibreOffice and openpyxl do. The references were a fifth of
// a sheet's bytes and, since every one differs, about 40% of its
// compressed size and of the time spent compressing it (evidence sheet
// of 2,000 documents: 37.8 MB, 5.9 MB deflated in 132 ms, and 30.4 MB,
// 3.4 MB in 80 ms without them). Rows keep theirs, except with a nil
// rowNum: a sheet block's row (xlsx_blocks.go), which has no reference
// at all, and a blank cell before a filled one as an empty cell (<c/>).
func (rw *sheetRows) appendRow(dst, rowNum []byte, rec []string, style string, types string) []byte {
	if rowNum == nil { // a sheet block's row (xlsx_blocks.go): no references
		dst = append(dst, `<row>`...)
	} else {
		dst = append(dst, `<row r="`...)
		dst = append(dst, rowNum...)
		dst = append(dst, `">`...)
	}
	next := 0 // the column a cell without a reference goes into
	for j, v := range rec {
		kind := byte(colText)
		if j < len(types) {
			kind = types[j]
		}
		v, as := xlsxCell(v, kind)
		if v == "" {
			continue // a blank cell, as in the CSV file
		}
		if rowNum == nil {
			for ; next < j; next++ { // blank cells as empty ones
				dst = append(dst, `<c/>`...)
			}
		}
		if j == next {
			dst = append(dst, `<c`...)
		} else { // after a blank cell: the reference says where
			dst = append(dst, `<c r="`...)
			if j < len(rw.cols) {
				dst = append(dst, rw.cols[j]...)
			} else {
				dst = append(dst, columnName(j+1)...)
			}
			dst = append(dst, rowNum...)
			dst = append(dst, `"`...)
		}
		next = j + 1
		dst = append(dst, style...)
		switch as {
		case cellNumber:
			dst = append(dst, `><v>`...)
			dst = append(dst, v...)
			dst = append(dst, `</v></c>`...)
			continue
		case cellBool:
			dst = append(dst, ` t="b"><v>`...)
			dst = append(dst, v...)
			dst = append(dst, `</v></c>`...)
			continue
		}
		// escaped first, to know whether it needs xml:space
		rw.scratch = appendXMLEscaped(rw.scratch[:0], v, false)
		if preserveSpace(rw.scratch) {
			dst = append(dst, ` t="inlineStr"><is><t xml:space="preserve">`...)
		} else {
			dst = append(dst, ` t="inlineStr"><is><t>`...)
		}
		dst = append(dst, rw.scratch...)
		dst = append(dst, `</t></is></c>`...)
	}
	return append(dst, `</row>`...)
}

// writeSheetBlocks writes sheet sh of full analyses into s from pass:
// each document's rows as its block (xlsx_blocks.go), the fragment of
// sh.part, kept from the last run or rendered and compressed now (or,
// when s is whole, its rows' XML, compressed with the sheet's).
// Where the sheet's limit cuts a document's rows, its block is
// decompressed and the rows shown compressed again as a block of their
// own (that block is not kept).
func writeSheetBlocks(s *sheetStream, sh XLSXSheet, t table, pass passer, selected bool, notes *xlsxNotes) error {
	rw := newSheetRows(len(t.header))
	var z blockDeflater
	var rows []byte
	render := func(dst []byte, d *analysis.DocumentAnalysis) (fragment, error) {
		n := 0
		rows = rows[:0]
		sh.docRows(d, func(rec []string) bool {
			rows = rw.appendRow(rows, nil, rec, "", t.types)
			n++
			return true
		})
		if s.whole != nil {
			return fragment{b: append(dst, rows...), peers: -1, rows: n}, nil
		}
		dst, err := z.block(dst, rows)
		return fragment{b: dst, peers: -1, rows: n}, err
	}
	head, err := sheetXML(func(p *xlsxPart) { sheetHead(p, t, selected) })
	if err == nil {
		err = s.xml(head)
	}
	if err != nil {
		return err
	}
	limit := sheetLimit(sh)
	n, more := 0, 0
	err = pass.parts([]fragPart{sh.part}, []fragRender{render})(func(_ int, frags []fragment) error {
		fr := frags[0]
		switch {
		case n+fr.rows <= limit:
			n += fr.rows
			return s.add(fr.b)
		case n < limit: // the limit cuts this document's rows
			all := fr.b
			if s.whole == nil {
				var err error
				if all, err = blockRows(fr.b); err != nil {
					return err
				}
			}
			if err = s.xml(firstRows(all, limit-n)); err != nil {
				return err
			}
			more += fr.rows - (limit - n)
			n = limit
		default:
			more += fr.rows
		}
		if more > 0 && t.size != nil {
			return errStop // the rest is counted from the summaries
		}
		return nil
	})
	if err != nil && err != errStop {
		return err
	}
	if more > 0 && t.size != nil {
		more = t.size() - n
	}
	tail, err := sheetXML(func(p *xlsxPart) { sheetTail(p, sh, n, more, notes) })
	if err == nil {
		err = s.xml(tail)
	}
	if err == nil {
		err = s.end()
	}
	return err
}

// sheetXML is the bytes fill gives a part.
func sheetXML(fill func(p *xlsxPart)) ([]byte, error) {
	var out appendWriter
	p := &xlsxPart{w: &out}
	fill(p)
	err := p.close()
	return out.b, err
}

// rawEntry ends p's current entry and adds a worksheet entry, name,
// written compressed by fill (a sheetStream), with the header
// zip.Writer.CreateHeader gives a deflated entry (a data descriptor
// after the data; version 2.0, or 4.5 with Zip64).
func (p *xlsxPart) rawEntry(name string, whole bool, fill func(s *sheetStream) error) error {
	p.flush()
	if p.err != nil {
		return p.err
	}
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8, CreatorVersion: 20, ReaderVersion: 20}
	w, err := p.zw.CreateRaw(fh)
	var s *sheetStream
	if err == nil {
		s, err = newSheetStream(w, whole)
	}
	if err == nil {
		if err = fill(s); err == nil {
			err = s.end()
		}
		// before the next entry, which writes the data descriptor
		fh.CRC32, fh.CompressedSize64, fh.UncompressedSize64 = s.crc, uint64(s.zsize), uint64(s.size)
		// The 32-bit sizes too: CreateRaw copies them from the 64-bit ones
		// only when it is called, and the data descriptor and central
		// directory of an entry under 4 GB write them.
		//lint:ignore SA1019 archive/zip writes these fields for a raw entry without Zip64
		fh.CompressedSize, fh.UncompressedSize = uint32(min(s.zsize, math.MaxUint32)), uint32(min(s.size, math.MaxUint32))
		if s.zsize >= math.MaxUint32 || s.size >= math.MaxUint32 {
			fh.ReaderVersion = 45
		}
	}
	p.w, p.err = nil, err
	return err
}

// preserveSpace tells whether escaped text begins or ends with white
// space, which Excel drops unless the text says xml:space="preserve"
// (carriage returns are escaped as &#xD;).
func preserveSpace(esc []byte) bool {
	if len(esc) == 0 {
		return false
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }
	const cr = "&#xD;"
	return isSpace(esc[0]) || isSpace(esc[len(esc)-1]) ||
		len(esc) >= len(cr) && (string(esc[:len(cr)]) == cr || string(esc[len(esc)-len(cr):]) == cr)
}

// columnName is the letters of column i (1: A, 27: AA).
func columnName(i int) string {
	var b [8]byte
	k := len(b)
	for ; i > 0; i = (i - 1) / 26 {
		k--
		b[k] = byte('A' + (i-1)%26)
	}
	return string(b[k:])
}

// appendXMLEscaped appends s to dst as XML character data, or as an
// attribute value in double quotes if attr. Characters XML 1.0 does not
// allow (control characters other than tab, line feed and carriage
// return; U+FFFE and U+FFFF) are dropped, and bytes that are not UTF-8
// become U+FFFD. Carriage returns are escaped, since a parser would turn
// a literal one into a line feed; in attributes tabs and line feeds are
// too, for the same reason.
func appendXMLEscaped(dst []byte, s string, attr bool) []byte {
	plain := &xmlTextPlain
	if attr {
		plain = &xmlAttrPlain
	}
	start := 0 // s[start:i] is still to be copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\uFFFD"...)
				start = i + size
			case r == 0xFFFE || r == 0xFFFF:
				dst = append(dst, s[start:i]...)
				start = i + size
			}
			i += size
			continue
		}
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		case '\n':
			esc = "&#xA;"
		case '\t':
			esc = "&#x9;"
		default:
			esc = "" // not allowed in XML 1.0: dropped
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		i++
		start = i
	}
	return append(dst, s[start:]...)
}

// xmlTextPlain and xmlAttrPlain tell which bytes appendXMLEscaped copies
// as they are (not bytes of multi-byte UTF-8 sequences: those are
// checked).
var xmlTextPlain, xmlAttrPlain = func() (text, attr [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		text[c] = c != '&' && c != '<' && c != '>'
		attr[c] = text[c] && c != '"'
	}
	text['\t'], text['\n'] = true, true
	return text, attr
}()

// xlsxNotes is the last sheet of a workbook, "notes": for every sheet
// before it, the rows it holds and the rows of its CSV file, and a note
// when they differ (the evidence sheet's cap). It is a sheet of its own,
// not a row under the data, so that every row of a data sheet is data.
type xlsxNotes struct{ rows [][]string }

func (n *xlsxNotes) add(sheet string, shown, total int) {
	if sheet == "notes" {
		return
	}
	note := ""
	if shown < total {
		note = fmt.Sprintf("the sheet holds the first %d of %d rows; %s.csv has them all", shown, total, sheet)
	}
	n.rows = append(n.rows, []string{sheet, strconv.Itoa(shown), strconv.Itoa(total), sheet + ".csv", note})
}

func (n *xlsxNotes) table() table {
	return table{header: []string{"sheet", "rows", "rows_in_csv", "csv", "note"}, types: "TIITT", rows: rowsOf(n.rows)}
}

// Cell kinds of xlsxCell.
const (
	cellText = iota
	cellNumber
	cellBool
)

// xlsxCell is how a CSV field of a column of type kind goes into a
// cell: numbers of number columns as numbers (xlsxValue), "true" and
// "false" of boolean columns as booleans, everything else as text (cut
// at Excel's cell limit), so that a code such as "1440" is text in every
// row, as "0360" is.
func xlsxCell(s string, kind byte) (string, int) {
	switch kind {
	case colInt, colFloat:
		if v, num := xlsxValue(s); num {
			return v, cellNumber
		}
	case colBool:
		switch s {
		case "true":
			return "1", cellBool
		case "false":
			return "0", cellBool
		}
	}
	return cutCell(s), cellText
}

// cutCell cuts text at Excel's cell limit.
func cutCell(s string) string {
	if len(s) > xlsxCellLimit && utf8.RuneCountInString(s) > xlsxCellLimit {
		rs := []rune(s)
		return string(rs[:xlsxCellLimit-1]) + "…"
	}
	return s
}

// xlsxValue is how a CSV field goes into a cell: numbers as numbers (num
// true, v the number as Excel writes it), other text cut at Excel's cell
// limit. Codes with a leading zero ("0360") and long digit strings stay
// text.
func xlsxValue(s string) (v string, num bool) {
	if isNumber(s) {
		if canonicalNumber(s) {
			return s, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return strconv.FormatFloat(f, 'f', -1, 64), true
		}
	}
	return cutCell(s), false
}

// isNumber tells whether a cell is stored as a number: an optional minus,
// an integer part of at most 15 digits without a leading zero (codes such
// as "0360" stay text, and longer digit strings would lose digits in a
// double), an optional fraction. It accepts exactly what the regular
// expression `^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$` does, at a fraction of
// the cost.
func isNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if n := i - start; n == 0 || n > 15 || n > 1 && s[start] == '0' {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' {
		return false
	}
	i++
	frac := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i > frac && i == len(s)
}

// canonicalNumber tells whether a number (isNumber) is already written
// as strconv.FormatFloat(f, 'f', -1, 64) writes its value: with at most
// 15 digits in all, the decimal is the shortest that gives its double,
// so only a fraction ending in zero needs the round trip. Excel reads
// either; this keeps the cells what they were with excelize.
func canonicalNumber(s string) bool {
	digits := len(s)
	if s[0] == '-' {
		digits--
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			digits--
			if s[len(s)-1] == '0' {
				return false
			}
			break
		}
	}
	return digits <= 15
}
