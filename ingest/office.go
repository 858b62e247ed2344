package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// zipKind tells DOCX and ODT apart from other ZIP files by their parts.
// For other archives it returns the MIME type to report.
func zipKind(data []byte) (Format, string) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "application/zip"
	}
	mime := "application/zip"
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			return FormatDOCX, ""
		case f.Name == "mimetype":
			if rc, err := f.Open(); err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 100))
				rc.Close()
				m := strings.TrimSpace(string(b))
				if strings.HasPrefix(m, "application/vnd.oasis.opendocument.text") {
					return FormatODT, ""
				}
				if m != "" {
					mime = m
				}
			}
		case strings.HasPrefix(f.Name, "xl/"):
			mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		case strings.HasPrefix(f.Name, "ppt/"):
			mime = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
		}
	}
	return "", mime
}

// readZipPart reads one part of a DOCX or ODT, counting its uncompressed
// size against the budget whatever the ZIP header claims.
func readZipPart(data []byte, name string, b *budget) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("damaged ZIP container: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("damaged ZIP container: %w", err)
		}
		defer rc.Close()
		var out bytes.Buffer
		buf := make([]byte, 32<<10)
		for {
			n, err := rc.Read(buf)
			out.Write(buf[:n])
			if e := b.add(int64(n)); e != nil {
				return nil, e
			}
			if e := b.check(); e != nil {
				return nil, e
			}
			if err == io.EOF {
				return out.Bytes(), nil
			}
			if err != nil {
				return nil, fmt.Errorf("damaged ZIP container: %w", err)
			}
		}
	}
	return nil, fmt.Errorf("damaged document: %s missing", name)
}

// xmlText walks an Office XML body and builds paragraphs and table rows.
// The element names that matter are given per format by spec.
type xmlSpec struct {
	para, text, tab, lineBreak, table, row, cell, space, pageBreak string
	skip                                                           map[string]bool
}

var docxSpec = xmlSpec{
	para: "p", text: "t", tab: "tab", lineBreak: "br", table: "tbl", row: "tr", cell: "tc",
	skip: map[string]bool{"delText": true, "instrText": true, "del": true, "footnoteReference": true, "endnoteReference": true, "commentReference": true, "fldData": true},
}

var odtSpec = xmlSpec{
	para: "p|h", text: "", tab: "tab", lineBreak: "line-break", table: "table", row: "table-row", cell: "table-cell|covered-table-cell", space: "s", pageBreak: "soft-page-break",
	skip: map[string]bool{"note-citation": true, "tracked-changes": true, "annotation": true, "bookmark-ref": false, "table-of-content-source": true, "sequence-decls": true, "variable-decls": true, "user-field-decls": true},
}

func isName(local, names string) bool {
	if names == "" {
		return false
	}
	for _, n := range strings.Split(names, "|") {
		if n == local {
			return true
		}
	}
	return false
}

// officeText extracts text from DOCX document.xml or ODT content.xml.
// It returns pages (ODT's soft page breaks, outside tables; one page for DOCX).
func officeText(x []byte, spec xmlSpec, b *budget) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(x))
	dec.Strict = false
	var (
		pages    []string
		out      strings.Builder
		para     strings.Builder
		inText   bool // inside the element holding text (DOCX w:t)
		skip     int  // depth inside skipped elements
		tblDepth int
		inCell   bool
		row      []string
		cell     []string          // paragraphs of the current cell
		inBody   = spec.text != "" // DOCX: all of document.xml is body
	)
	flushPara := func() {
		t := strings.TrimSpace(para.String())
		para.Reset()
		if tblDepth > 0 {
			if t != "" {
				cell = append(cell, t)
			}
			return
		}
		if t != "" {
			out.WriteString(t)
			out.WriteString("\n\n")
		}
	}
	for {
		if err := b.check(); err != nil {
			return nil, err
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) && out.Len()+para.Len() > 0 {
				break // keep what was read from a truncated part
			}
			return nil, fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			l := t.Name.Local
			if !inBody && l == "text" && t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0" {
				inBody = true
				continue
			}
			if !inBody {
				continue
			}
			if skip > 0 || spec.skip[l] {
				skip++
				continue
			}
			switch {
			case isName(l, spec.para):
				if para.Len() > 0 {
					flushPara()
				}
			case spec.text != "" && l == spec.text:
				inText = true
			case l == spec.tab:
				if tblDepth > 0 || strings.TrimSpace(para.String()) == "" {
					para.WriteByte(' ')
				} else {
					para.WriteByte('\t') // tab stops in a paragraph align columns
				}
			case l == spec.lineBreak:
				if tblDepth > 0 {
					para.WriteByte(' ')
				} else {
					para.WriteByte('\n')
				}
			case l == spec.space:
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						fmt.Sscan(a.Value, &n)
					}
				}
				para.WriteString(strings.Repeat(" ", max(1, min(n, 100))))
			case spec.pageBreak != "" && l == spec.pageBreak && (tblDepth == 0 || tblDepth == 1 && !inCell):
				flushPara()
				pages = append(pages, out.String())
				out.Reset()
			case l == "noBreakHyphen":
				para.WriteByte('-')
			case l == spec.table:
				flushPara()
				tblDepth++
			case l == spec.row && tblDepth == 1:
				row = row[:0]
			case isName(l, spec.cell) && tblDepth == 1:
				cell = cell[:0]
				inCell = true
			}
		case xml.EndElement:
			l := t.Name.Local
			if skip > 0 {
				skip--
				continue
			}
			if !inBody {
				continue
			}
			if spec.text == "" && l == "text" && t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0" {
				inBody = false
				continue
			}
			switch {
			case spec.text != "" && l == spec.text:
				inText = false
			case isName(l, spec.para):
				flushPara()
			case l == spec.table:
				if tblDepth--; tblDepth == 0 {
					out.WriteString("\n")
				}
			case isName(l, spec.cell) && tblDepth == 1:
				flushPara()
				inCell = false
				row = append(row, joinCellLines(cell))
			case l == spec.row && tblDepth == 1:
				line := strings.TrimRight(strings.Join(row, "\t"), "\t")
				if strings.TrimSpace(line) != "" {
					out.WriteString(line + "\n")
				}
			}
		case xml.CharData:
			if skip > 0 || !inBody {
				continue
			}
			if spec.text == "" {
				// ODF collapses white space in text like XML; line ends in
				// the XML source are spaces.
				para.WriteString(strings.Map(func(r rune) rune {
					if r == '\n' || r == '\r' || r == '\t' {
						return ' '
					}
					return r
				}, string(t)))
			} else if inText {
				para.Write(t)
			}
		}
	}
	flushPara()
	pages = append(pages, out.String())
	return pages, nil
}

func parseDOCX(data []byte, b *budget) ([]string, error) {
	x, err := readZipPart(data, "word/document.xml", b)
	if err != nil {
		return nil, err
	}
	p, err := officeText(x, docxSpec, b)
	if err != nil {
		return nil, err
	}
	return []string{strings.Join(p, "\n\n")}, nil
}

func parseODT(data []byte, b *budget) ([]string, error) {
	x, err := readZipPart(data, "content.xml", b)
	if err != nil {
		return nil, err
	}
	return officeText(x, odtSpec, b)
}

// parseFlatODT reads a single-file OpenDocument (.fodt).
func parseFlatODT(data []byte, b *budget) ([]string, error) {
	if err := b.add(int64(len(data))); err != nil {
		return nil, err
	}
	return officeText(data, odtSpec, b)
}
