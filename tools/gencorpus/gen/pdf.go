package gen

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// PDF layout: A4 portrait, Helvetica 10 pt, 13 pt leading.
const (
	pdfLineRunes    = 95
	pdfLinesPerPage = 58
)

// PDF renders text as a minimal, valid, text-only PDF: one Helvetica font
// with WinAnsiEncoding (so å, ä and ö are single bytes), Flate-compressed
// content streams, a correct cross-reference table. It returns the file
// and its page count.
func PDF(text string) ([]byte, int) {
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\t", "  "), "\n") {
		lines = append(lines, wrap(para, pdfLineRunes)...)
	}
	var pages [][]string
	for len(lines) > 0 {
		n := min(pdfLinesPerPage, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	if len(pages) == 0 {
		pages = [][]string{{""}}
	}

	var buf bytes.Buffer
	var offsets []int // offsets[i] is object i+1
	obj := func(body string) {
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	// Objects: 1 catalog, 2 page tree, 3 font, then page/content pairs.
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		var cs bytes.Buffer
		cs.WriteString("BT\n/F1 10 Tf\n13 TL\n50 800 Td\n")
		for _, l := range p {
			cs.WriteString("(")
			cs.Write(pdfString(l))
			cs.WriteString(") Tj T*\n")
		}
		cs.WriteString("ET\n")
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(cs.Bytes())
		zw.Close()
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", len(offsets), z.Len())
		buf.Write(z.Bytes())
		buf.WriteString("\nendstream\nendobj\n")
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return buf.Bytes(), len(pages)
}

// pdfString encodes s in WinAnsiEncoding (unencodable runes become '?')
// and escapes it for a PDF literal string.
func pdfString(s string) []byte {
	enc := charmap.Windows1252.NewEncoder()
	var out []byte
	for _, r := range s {
		b, err := enc.Bytes([]byte(string(r)))
		if err != nil || len(b) != 1 {
			b = []byte{'?'}
		}
		switch b[0] {
		case '\\', '(', ')':
			out = append(out, '\\', b[0])
		default:
			if b[0] < 32 {
				out = append(out, ' ')
			} else {
				out = append(out, b[0])
			}
		}
	}
	return out
}

// wrap breaks a paragraph into lines of at most width runes at spaces.
func wrap(p string, width int) []string {
	if strings.TrimSpace(p) == "" {
		return []string{""}
	}
	var out []string
	var line strings.Builder
	n := 0
	for _, w := range strings.Fields(p) {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			out = append(out, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(w)
		n += wn
	}
	return append(out, line.String())
}
