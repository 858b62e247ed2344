// Command genfixtures writes the source documents (Flat ODT, HTML, groff
// ms) from which gen.sh makes the PDF fixtures in testdata/ingest, together
// with the reference text each PDF is scored against.
//
// Usage (from the repository root): go run ./tools/genfixtures testdata/ingest
// Normally run through tools/genfixtures/gen.sh.
package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// block is a paragraph, heading, list item or table of a source text.
type block struct {
	kind  string     // "h", "p", "table"
	text  string     // for h and p
	rows  [][]string // for table
	level int
}

var tagRE = regexp.MustCompile(`</?u>`)

// parse splits a corpus text into blocks: lines holding a TAB are table
// rows (consecutive ones make one table), short lines without a final stop
// are headings, the rest paragraphs.
func parse(text string) []block {
	var out []block
	for _, line := range strings.Split(tagRE.ReplaceAllString(text, ""), "\n") {
		line = strings.TrimRight(line, " \r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.Contains(line, "\t") {
			cells := strings.Split(line, "\t")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			for len(cells) > 0 && cells[len(cells)-1] == "" {
				cells = cells[:len(cells)-1]
			}
			if n := len(out); n > 0 && out[n-1].kind == "table" {
				out[n-1].rows = append(out[n-1].rows, cells)
			} else {
				out = append(out, block{kind: "table", rows: [][]string{cells}})
			}
			continue
		}
		line = strings.TrimSpace(line)
		if len(line) < 70 && !strings.HasSuffix(line, ".") && !strings.HasPrefix(line, "-") && !strings.HasSuffix(line, ":") {
			out = append(out, block{kind: "h", text: line, level: 2})
			continue
		}
		out = append(out, block{kind: "p", text: line})
	}
	if len(out) > 0 && out[0].kind == "h" {
		out[0].level = 1
	}
	return out
}

// reference is the text a perfect extraction yields: blocks in reading
// order, table rows as TAB-separated cells.
func reference(bs []block) string {
	var b strings.Builder
	for _, bl := range bs {
		switch bl.kind {
		case "table":
			for _, r := range bl.rows {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
			b.WriteString("\n")
		default:
			b.WriteString(bl.text + "\n\n")
		}
	}
	return b.String()
}

func cols(bs []block) int {
	n := 0
	for _, r := range bs {
		n = max(n, len(r.rows[0]))
		for _, c := range r.rows {
			n = max(n, len(c))
		}
	}
	return n
}

// fodt writes a Flat ODT with a running header and a page-number footer,
// headings as Heading styles and tables as real tables with borders.
func fodt(bs []block, header string, landscape bool) string {
	pw, ph := "21cm", "29.7cm"
	if landscape {
		pw, ph = ph, pw
	}
	var body strings.Builder
	esc := html.EscapeString
	for ti, bl := range bs {
		switch bl.kind {
		case "h":
			fmt.Fprintf(&body, `<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>`+"\n", bl.level, bl.level, esc(bl.text))
		case "p":
			fmt.Fprintf(&body, `<text:p text:style-name="Text_20_body">%s</text:p>`+"\n", esc(bl.text))
		case "table":
			n := cols([]block{bl})
			fmt.Fprintf(&body, `<table:table table:name="T%d" table:style-name="Tbl">`, ti)
			for i := 0; i < n; i++ {
				fmt.Fprintf(&body, `<table:table-column table:style-name="Col%d_%d"/>`, n, i)
			}
			body.WriteString("\n")
			for _, r := range bl.rows {
				body.WriteString(`<table:table-row table:style-name="Row">`)
				for i := 0; i < n; i++ {
					c := ""
					if i < len(r) {
						c = r[i]
					}
					fmt.Fprintf(&body, `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="TableText">%s</text:p></table:table-cell>`, esc(c))
				}
				body.WriteString("</table:table-row>\n")
			}
			body.WriteString("</table:table>\n")
		}
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="TableText" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="` + map[bool]string{true: "25.7cm", false: "17cm"}[landscape] + `" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
` + colStyles() + `
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="` + pw + `" fo:page-height="` + ph + `" style:print-orientation="` + map[bool]string{true: "landscape", false: "portrait"}[landscape] + `" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">` + esc(header) + `</text:p></style:header>
<style:footer><text:p text:style-name="Footer">Sida <text:page-number text:select-page="current"/> av <text:page-count/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
` + body.String() + `</office:text></office:body></office:document>
`
}

// colStyles gives 6-column tables (Tierp's action tables) columns sized
// for their content and other tables equal columns.
func colStyles() string {
	var b strings.Builder
	for n := 1; n <= 8; n++ {
		for i := 0; i < n; i++ {
			w := 1000 / n
			if n == 6 {
				w = []int{190, 190, 240, 190, 80, 110}[i]
			}
			fmt.Fprintf(&b, `<style:style style:name="Col%d_%d" style:family="table-column"><style:table-column-properties style:rel-column-width="%d*"/></style:style>`+"\n", n, i, w)
		}
	}
	return b.String()
}

// htmlPage writes a web page: the document in <main>, with navigation,
// a script, a style sheet and a footer around it, as scraped pages have.
// Print CSS hides the boilerplate and sets a running header and page number.
func htmlPage(bs []block, title, header string) string {
	var b strings.Builder
	esc := html.EscapeString
	for _, bl := range bs {
		switch bl.kind {
		case "h":
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", bl.level, esc(bl.text), bl.level)
		case "p":
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.text))
		case "table":
			b.WriteString("<table>\n")
			n := cols([]block{bl})
			for _, r := range bl.rows {
				b.WriteString("<tr>")
				for i := 0; i < n; i++ {
					c := ""
					if i < len(r) {
						c = r[i]
					}
					fmt.Fprintf(&b, "<td>%s</td>", esc(c))
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		}
	}
	return `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>` + esc(title) + `</title>
<style>
body { font-family: "DejaVu Serif", serif; font-size: 11pt; line-height: 1.35; text-align: justify; hyphens: none; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; text-align: left; }
td { border: 1px solid #000; padding: 3px; vertical-align: top; }
@page { size: A4; margin: 2cm 2cm 2cm 2cm;
  @top-right { content: "` + header + `"; font-size: 8pt; }
  @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; } }
@media print { nav, footer, .cookie { display: none; } }
</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
</head><body>
<nav><ul><li><a href="/">Startsida</a></li><li><a href="/kommun-och-politik">Kommun och politik</a></li><li><a href="/sok">Sök</a></li></ul></nav>
<div class="cookie">Vi använder kakor (cookies) för att förbättra webbplatsen. <button>Godkänn</button></div>
<main>
` + b.String() + `</main>
<footer><p>Kontakta kommunen · Telefon växel · Om webbplatsen · Tillgänglighetsredogörelse</p></footer>
<noscript>Aktivera JavaScript</noscript>
</body></html>
`
}

// ms writes a groff ms document: running header and page-number footer,
// justified and hyphenated paragraphs.
func ms(bs []block, header string) string {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, `\`, `\e`)
		if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
			s = `\&` + s
		}
		return s
	}
	var b strings.Builder
	b.WriteString(".nr PS 11\n.nr VS 13\n.nr HM 2c\n.nr FM 2c\n.ds LH " + header + "\n.ds CH\n.ds RH\n.ds CF Sida %\n.hla us\n.hy 4\n")
	for _, bl := range bs {
		switch bl.kind {
		case "h":
			if bl.level == 1 {
				b.WriteString(".TL\n" + esc(bl.text) + "\n.LP\n")
			} else {
				b.WriteString(".SH\n" + esc(bl.text) + "\n")
			}
		case "p":
			b.WriteString(".PP\n" + esc(bl.text) + "\n")
		}
	}
	return b.String()
}

// excerpt keeps whole paragraphs of text up to about n bytes.
func excerpt(text string, n int) string {
	if len(text) <= n {
		return text
	}
	i := strings.LastIndex(text[:n], "\n\n")
	return text[:i+1]
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "-mixed" {
		writeMixedPDFs(os.Args[2])
		return
	}
	if len(os.Args) >= 4 && os.Args[1] == "-scan" { // -scan OUT.pdf PAGE.pbm...: 300 dpi renderings
		pdf, err := scanFromPBM(os.Args[3:], 300)
		if err == nil {
			err = os.WriteFile(os.Args[2], pdf, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: genfixtures CORPUSDIR OUTDIR | genfixtures -mixed OUTDIR | genfixtures -scan OUT.pdf PAGE.pbm...")
		os.Exit(2)
	}
	corpus, out := os.Args[1], os.Args[2]
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return string(b)
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(out, name), []byte(s), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	tierp := parse(read("tierp-handlingsplan-integration-2017.txt"))
	write("libreoffice-tierp.fodt", fodt(tierp, "Tierps kommun – Handlingsplan för integration", true))
	write("libreoffice-tierp.txt", reference(tierp))
	pdf, rows := borderlessPDF(tierpTables(tierp), []int{30, 30, 34, 26, 12, 18})
	write("borderless-tierp.pdf", string(pdf))
	write("borderless-tierp.tsv", rows)

	// Ale's plan states its actions in prose: its committing sentences as
	// an action table (actions.go), borderless as above and, with Tierp's
	// actions in the same four columns, as a Writer table that gen.sh
	// exports with LibreOffice.
	aleAll := parse(read("ale-integrationsplan-2018-2021.txt"))
	pdf, rows = borderlessPDF(append([][]string{actionHeader}, aleActions(aleAll)...), []int{22, 64, 30, 12})
	write("borderless-ale.pdf", string(pdf))
	write("borderless-ale.tsv", rows)
	actions, want := actionsFodt("Aktiviteter för integration – Tierp och Ale", append(tierpActions(tierp), aleActions(aleAll)...))
	write("libreoffice-actions.fodt", actions)
	write("libreoffice-actions.tsv", want)

	ale := parse(excerpt(read("ale-integrationsplan-2018-2021.txt"), 7000))
	write("chromium-ale.html", htmlPage(ale, "Integrationsplan för Ale kommun 2018–2021", "Ale kommun – Integrationsplan 2018–2021"))
	write("chromium-ale.txt", reference(ale))

	gis := parse(read("gislaved-projektplan-integrationsstrategi-2012.txt"))
	write("groff-gislaved.ms", ms(gis, "Gislaveds kommun – Projektplan Integrationsstrategi"))
	write("groff-gislaved.txt", reference(gis))

	ali := parse(excerpt(read("alingsas-riktlinjer-integration.txt"), 6000))
	write("libreoffice-alingsas.fodt", fodt(ali, "Alingsås kommun – Riktlinjer för integration", false))
	write("libreoffice-alingsas.txt", reference(ali))
}
