package main

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// borderlessPDF typesets table rows without any drawn rules, the way
// many municipal PDFs print their action tables: Courier 8 pt (explicit
// /Widths, so positions are exact), cells word-wrapped to their column of
// widths[c] characters, each cell vertically centred in its row, rows
// separated only by a wider gap, gutters of 1.2 em (narrower than the 2 em
// at which a gap alone used to split a line into cells). It returns the
// PDF and the expected rows as TSV, one cell per field.
func borderlessPDF(rows [][]string, widths []int) ([]byte, string) {
	const (
		pageW, pageH = 842.0, 595.0
		margin       = 36.0
		size         = 8.0
		charW        = 0.6 * size // Courier
		leading      = 10.0
		rowGap       = 8.0
		gutter       = 2 // characters
	)
	for i, r := range rows {
		rows[i] = append(r, make([]string, len(widths)-len(r))...)
	}
	var pages []string
	var page strings.Builder
	y := pageH - margin
	var tsv strings.Builder
	for _, r := range rows {
		cells := make([][]string, len(widths))
		tall := 0
		for c, text := range r {
			cells[c] = wrap(text, widths[c])
			tall = max(tall, len(cells[c]))
		}
		if y-float64(tall)*leading < margin {
			pages = append(pages, page.String())
			page.Reset()
			y = pageH - margin
		}
		x := margin
		for c, lines := range cells {
			// centred: the cell starts half the missing lines down
			top := y - float64(tall-len(lines))*leading/2
			for i, l := range lines {
				fmt.Fprintf(&page, "BT /F1 %g Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n", size, x, top-size-float64(i)*leading, pdfString(l))
			}
			x += float64(widths[c]+gutter) * charW
		}
		y -= float64(tall)*leading + rowGap
		for c := range r {
			r[c] = strings.Join(strings.Fields(r[c]), " ")
		}
		tsv.WriteString(strings.TrimRight(strings.Join(r, "\t"), "\t") + "\n")
	}
	pages = append(pages, page.String())

	var ws []string
	for i := 32; i <= 255; i++ {
		ws = append(ws, "600")
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [" + strings.Join(ws, " ") + "] >>"}
	var kids []string
	for _, p := range pages {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", pageW, pageH, n+1),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(p), p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return rawPDF(objs), tsv.String()
}

// tierpTables are the rows of Tierp's six-column action tables as printed
// (goal | problem | activity | responsible | time | follow-up).
func tierpTables(blocks []block) [][]string {
	var rows [][]string
	for _, b := range blocks {
		if b.kind == "table" && len(b.rows) > 0 && len(b.rows[0]) == 6 && strings.HasPrefix(b.rows[0][0], "Mål/delmål") {
			for _, r := range b.rows {
				rows = append(rows, append([]string(nil), r...))
			}
		}
	}
	return rows
}

// wrap breaks text into lines of at most width characters at spaces.
func wrap(text string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// pdfString encodes s as a WinAnsi literal string body.
func pdfString(s string) string {
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		b = s
	}
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(b)
}
