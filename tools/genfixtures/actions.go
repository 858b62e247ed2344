package main

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// actionHeader is the header row of the four-column action tables
// (area | activity | responsible | time) that municipal action plans
// print, and that the borderless fixtures are made of.
var actionHeader = []string{"Område", "Aktivitet", "Ansvarig", "Tid"}

var areaRE = regexp.MustCompile(`^Mål/delmål för område (.+)$`)

// tierpActions are the rows of Tierp's action tables as area | activity |
// responsible | time: the area is the one the table's header row names
// ("Mål/delmål för område Arbete"; the plan's tables follow each other, so
// one block holds several), the rest are the Aktivitet, Huvudansvar and
// Tidplan cells of each row that has an activity.
func tierpActions(blocks []block) [][]string {
	var out [][]string
	for _, b := range blocks {
		if b.kind != "table" {
			continue
		}
		area := ""
		for _, r := range b.rows {
			if m := areaRE.FindStringSubmatch(r[0]); m != nil {
				area = m[1]
				continue
			}
			r = append(r, make([]string, 6)...)
			if area == "" || r[2] == "" {
				continue
			}
			out = append(out, []string{area, r[2], r[3], r[4]})
		}
	}
	return out
}

// commitmentRE finds a sentence that commits a party of the municipality
// to an action, the way Ale's plan states its actions in prose: "Varje
// enhet ansvarar för att …", "Ale kommun ska …", "Ale kommuns chefer har
// ett särskilt ansvar för …". The subject is the responsible party: the
// municipality, its managers, its units and services (a sentence whose
// subject is a thing, "Planen ska …", states no action).
var commitmentRE = regexp.MustCompile(`^(Ale(?: kommun| kommuns chefer)?|Varje (?:skola|enhet)|Enhetschef [a-zåäö ]+|Enheter och verksamheter|Verksamheter som möter [a-zåäö ]+) (ska|ansvarar för|har ett särskilt ansvar för) `)

var yearRE = regexp.MustCompile(`\b20[0-9][0-9]\b`)

// aleActions turns Ale's integration plan, which has no table, into the
// action table a municipality would print from it: every sentence that
// commits a named party becomes a row, with its section heading as the
// area, the sentence as the activity, the party as responsible and the
// years the sentence names (else the plan's period, from "Integrationsplanen
// gäller 2018-2021.") as the time. Every cell is text of the plan.
func aleActions(blocks []block) [][]string {
	period := ""
	for _, b := range blocks {
		if m := regexp.MustCompile(`gäller (20[0-9][0-9]-20[0-9][0-9])\.$`).FindStringSubmatch(b.text); b.kind == "p" && m != nil {
			period = m[1]
		}
	}
	var out [][]string
	area := ""
	for _, b := range blocks {
		switch b.kind {
		case "h":
			area = b.text
		case "p":
			for _, s := range sentences(b.text) {
				m := commitmentRE.FindStringSubmatch(s)
				if m == nil || area == "" || len(s) > 400 {
					continue
				}
				when := period
				if ys := yearRE.FindAllString(s, -1); len(ys) > 0 {
					when = strings.Join(ys, ", ")
				}
				out = append(out, []string{area, s, m[1], when})
			}
		}
	}
	return out
}

// sentences splits a paragraph after ". ", "! " and "? " when a capital
// letter follows (the plan has no abbreviations that end a word with a
// stop before a capital).
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i+1] == ' ' && startsCapital(p[i+2]) {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, strings.TrimSpace(p[start:]))
}

// actionsFodt writes a Flat ODT whose body is a title and one Writer table
// of action rows (header row first) the way Word and LibreOffice users set
// action plans: no borders, every cell vertically centred
// (style:vertical-align="middle"), the activity column wide and wrapped,
// rows kept whole on a page, landscape A4. LibreOffice's own PDF export of
// it is the fixture (gen.sh). tsv is the expected text: the title, then one
// TAB-separated line per row.
func actionsFodt(title string, rows [][]string) (fodt, tsv string) {
	var body, want strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&body, `<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>`+"\n", esc(title))
	want.WriteString(title + "\n")
	body.WriteString(`<table:table table:name="Aktiviteter" table:style-name="Tbl">`)
	for i := range actionHeader {
		fmt.Fprintf(&body, `<table:table-column table:style-name="Col%d"/>`, i)
	}
	body.WriteString("\n")
	for ri, r := range append([][]string{actionHeader}, rows...) {
		body.WriteString(`<table:table-row table:style-name="Row">`)
		style := "TableText"
		if ri == 0 {
			style = "TableHead"
		}
		for _, c := range r {
			fmt.Fprintf(&body, `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="%s">%s</text:p></table:table-cell>`, style, esc(c))
		}
		body.WriteString("</table:table-row>\n")
		want.WriteString(strings.TrimRight(strings.Join(r, "\t"), "\t") + "\n")
	}
	body.WriteString("</table:table>\n")
	colW := []int{150, 500, 220, 130}
	var cols strings.Builder
	for i, w := range colW {
		fmt.Fprintf(&cols, `<style:style style:name="Col%d" style:family="table-column"><style:table-column-properties style:rel-column-width="%d*"/></style:style>`+"\n", i, w)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="sv" fo:country="SE" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="TableText" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="TableHead" style:family="paragraph"><style:text-properties fo:font-size="9pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="25.7cm" table:align="margins"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
` + cols.String() + `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:padding-top="0.15cm" fo:padding-bottom="0.15cm" fo:border="none"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
` + body.String() + `</office:text></office:body></office:document>
`, want.String()
}

// startsCapital reports whether byte c can start a capital letter: an
// ASCII capital, or 0xC3, the lead byte of Å, Ä and Ö (and of their
// lower-case forms, which the plan never puts after a full stop).
func startsCapital(c byte) bool { return 'A' <= c && c <= 'Z' || c == 0xc3 }
