package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
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

// openZipPart opens one part of a DOCX or ODT for streaming. What is
// read through it counts against the decompression limit, whatever the
// ZIP header claims, and checks the deadline; nothing is held beyond the
// XML decoder's current token (a 10 GB bomb read whole up to a 256 MiB
// limit peaked at 1.1 GB).
//
// The part is inflated twice: once into nothing, to measure it against
// the limit, then again for the XML decoder. The decoder reads about
// 5 MB/s, inflating alone about 40 times that, so a bomb fails at the
// limit in a second or two instead of at the deadline; a real part is a
// few hundred kilobytes, and inflating it again costs milliseconds.
func openZipPart(data []byte, name string, b *budget) (io.ReadCloser, error) {
	if err := measureZipPart(data, name, b); err != nil {
		return nil, err
	}
	return openZipPartOnce(data, name, b)
}

// measureZipPart inflates a part into nothing and fails when it expands
// beyond what is left of the decompression limit. It counts nothing: the
// stream that follows does.
func measureZipPart(data []byte, name string, b *budget) error {
	rc, err := openZipPartOnce(data, name, &budget{deadline: b.deadline, timeout: b.timeout, maxOut: b.maxOut - b.out, maxText: math.MaxInt64})
	if err != nil {
		return err
	}
	defer rc.Close()
	buf := make([]byte, 32<<10)
	for {
		_, err := rc.Read(buf)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func openZipPartOnce(data []byte, name string, b *budget) (io.ReadCloser, error) {
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
		return &partReader{rc: rc, b: b}, nil
	}
	return nil, fmt.Errorf("damaged document: %s missing", name)
}

// partReader counts a part's bytes against the budget as they are read.
// It also bounds one run of bytes without a '<': the XML decoder holds a
// whole text run or tag in memory before it returns it, and no run
// longer than the text limit can be a steering document's (the text
// itself is counted again when it is extracted).
type partReader struct {
	rc  io.ReadCloser
	b   *budget
	run int64 // bytes since the last '<'
	err error
}

func (r *partReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	if err := r.b.check(); err != nil {
		r.err = err
		return 0, err
	}
	n, err := r.rc.Read(p)
	if e := r.b.add(int64(n)); e != nil {
		r.err = e
		return 0, e
	}
	// the run that ends at this read's first '<', then the one after its
	// last (runs between two '<' of one read are shorter than the read)
	if i := bytes.IndexByte(p[:n], '<'); i >= 0 {
		if r.run+int64(i) > r.b.maxText {
			r.run += int64(i)
		} else {
			r.run = int64(n - bytes.LastIndexByte(p[:n], '<') - 1)
		}
	} else {
		r.run += int64(n)
	}
	if r.run > r.b.maxText {
		r.err = &limitError{fmt.Sprintf("XML text or tag longer than the text limit (%d bytes; --max-text)", r.b.maxText), LimitSize}
		return 0, r.err
	}
	if err != nil && err != io.EOF {
		err = &reasonError{reason: "damaged ZIP container", err: err}
	}
	return n, err
}

func (r *partReader) Close() error { return r.rc.Close() }

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
	// no strings.Split: this runs for every element of the part, and
	// splitting allocated an eighth of a parse's garbage
	for names != "" {
		var n string
		n, names, _ = strings.Cut(names, "|")
		if n == local {
			return true
		}
	}
	return false
}

// officeText extracts text from DOCX document.xml or ODT content.xml.
// It returns pages (ODT's soft page breaks, outside tables; one page for DOCX).
//
// It reads x as a stream, token by token, and holds the text it extracts
// (bounded by the text limit) and one token; elements may nest at most
// MaxNestingDepth deep, since the decoder keeps a stack entry per open
// element (a 204 KB DOCX of nested elements took 5.7 GB).
func officeText(x io.Reader, spec xmlSpec, b *budget) ([]string, error) {
	dec := xml.NewDecoder(x)
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
		depth    int
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
			var le *limitError
			var re *reasonError
			if errors.As(err, &le) || errors.As(err, &re) {
				return nil, err // from partReader
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) && out.Len()+para.Len() > 0 {
				break // keep what was read from a truncated part
			}
			return nil, fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > b.maxDepth {
				return nil, b.tooDeep("XML")
			}
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
				n = max(1, min(n, 100))
				if err := b.addText(int64(n)); err != nil {
					return nil, err
				}
				para.WriteString(strings.Repeat(" ", n))
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
			depth--
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
			if skip > 0 || !inBody || spec.text != "" && !inText {
				continue
			}
			if err := b.addText(int64(len(t))); err != nil {
				return nil, err
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
	x, err := openZipPart(data, "word/document.xml", b)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	p, err := officeText(x, docxSpec, b)
	if err != nil {
		return nil, err
	}
	return []string{strings.Join(p, "\n\n")}, nil
}

func parseODT(data []byte, b *budget) ([]string, error) {
	x, err := openZipPart(data, "content.xml", b)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	return officeText(x, odtSpec, b)
}

// parseFlatODT reads a single-file OpenDocument (.fodt).
func parseFlatODT(data []byte, b *budget) ([]string, error) {
	if err := b.add(int64(len(data))); err != nil {
		return nil, err
	}
	return officeText(bytes.NewReader(data), odtSpec, b)
}
