package analysis

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Metadata is what a steering document says about itself: its kind, title,
// reference number, who adopted it and when, and for which period it is in
// force. Every field is as written in the document (dates keep the
// precision they were written with, normalised to ISO form); a field the
// document does not state is "".
type Metadata struct {
	Kind      string // policy, strategy, program, plan, action_plan, guidelines, project_plan, other (also when no kind word is found)
	Title     string // the document's own title line
	Reference string // diarienummer as written ("KS 2017.411", "dnr KS/2015/0173"), field labels removed
	AdoptedBy string // "kommunfullmäktige", "kommunstyrelsen", a nämnd ("socialnämnden"), or ""
	AdoptedOn string // "2017-05-30", "2017-05", "2017", or ""
	ValidFrom string // "2018", "2018-01-01", or ""
	ValidTo   string // "2021", "2018-12-31", or ""
	Year      string // adoption year, else reference year, else first year of validity, else a year in the title or front matter, else the start of a timeline
	Status    string // "current", "expired" or "unknown" relative to the asOf date given to ExtractMetadata
}

// MetadataField is one field of a document's metadata as styrdok's
// outputs name it. MetadataFields is the one list of them: the store's
// analyses rows, documents.csv (and its XLSX sheet and Parquet file),
// the JSON forms and eval's metadata gold derive their lists from it,
// each in this order.
type MetadataField struct {
	Name        string    // the column's name: documents.csv, the store, documents.jsonl, a metadata gold file
	Type        FieldType // how the value is written
	Description string    // what it is, for the documentation of the outputs
	// Value is the field of d, as written (before any output's typing).
	Value func(d *DocumentAnalysis) string
	// Dated: decided at the run's date (ApplyDate), not by the analysis,
	// so the store keeps it empty and its views judge it.
	Dated bool
}

// FieldType says how a metadata field's value is written.
type FieldType uint8

const (
	// FieldText is text as the document or the registry writes it.
	FieldText FieldType = iota
	// FieldDate is a date as the document states it ("2017",
	// "2017-05", "2017-05-30"); outputs that type it give the first day
	// of a year or month, and its precision beside it.
	FieldDate
	// FieldDateEnd is FieldDate read as the end of a period: the last day
	// of a year or month (valid_to).
	FieldDateEnd
	// FieldYear is a four-digit year.
	FieldYear
)

// MetadataFields are a document's metadata fields: its municipality and
// county (the attribution's answer) and what it says about itself
// (Metadata). The entries are alike in shape (a name, a type, a
// description, a getter) because this is the table: `duplicates` lists
// them as repeats; they are kept, one entry a field.
var MetadataFields = []MetadataField{
	{Name: "municipality_code", Description: "SCB code of the municipality the document is attributed to; empty when unknown",
		Value: func(d *DocumentAnalysis) string { return d.Municipality.Code }},
	{Name: "municipality", Description: "name of that municipality",
		Value: func(d *DocumentAnalysis) string { return d.Municipality.Name }},
	{Name: "county_code", Description: "SCB code of its county",
		Value: func(d *DocumentAnalysis) string { return d.Municipality.CountyCode }},
	{Name: "county", Description: "name of its county",
		Value: func(d *DocumentAnalysis) string { return d.Municipality.CountyName }},
	{Name: "kind", Description: "kind of steering document: policy, strategy, program, plan, action_plan, guidelines, project_plan or other",
		Value: func(d *DocumentAnalysis) string { return d.Meta.Kind }},
	{Name: "title", Description: "the document's own title line",
		Value: func(d *DocumentAnalysis) string { return d.Meta.Title }},
	{Name: "reference", Description: "its diarienummer as written",
		Value: func(d *DocumentAnalysis) string { return d.Meta.Reference }},
	{Name: "adopted_by", Description: "who adopted it: kommunfullmäktige, kommunstyrelsen or a nämnd",
		Value: func(d *DocumentAnalysis) string { return d.Meta.AdoptedBy }},
	{Name: "adopted_on", Type: FieldDate, Description: "when it was adopted",
		Value: func(d *DocumentAnalysis) string { return d.Meta.AdoptedOn }},
	{Name: "valid_from", Type: FieldDate, Description: "start of the period it is in force for",
		Value: func(d *DocumentAnalysis) string { return d.Meta.ValidFrom }},
	{Name: "valid_to", Type: FieldDateEnd, Description: "end of that period",
		Value: func(d *DocumentAnalysis) string { return d.Meta.ValidTo }},
	{Name: "year", Type: FieldYear, Description: "adoption year, else the reference's, else the first year of validity, else a year of the title or front matter",
		Value: func(d *DocumentAnalysis) string { return d.Meta.Year }},
	{Name: "status", Description: "current, expired or unknown at the run's date (--as-of), judged from valid_to", Dated: true,
		Value: func(d *DocumentAnalysis) string { return d.Meta.Status }},
}

// Document kinds, as in the DOMAIN table.
const (
	KindPolicy      = "policy"
	KindStrategy    = "strategy"
	KindProgram     = "program"
	KindPlan        = "plan"
	KindActionPlan  = "action_plan"
	KindGuidelines  = "guidelines"
	KindProjectPlan = "project_plan"
	KindOther       = "other"
)

// IsDocumentKind reports whether k is one of the kinds above. A label
// outside them (a coder's finer "report" for an annual report or an
// audit) is, in DOMAIN's terms, a related document: KindOther.
func IsDocumentKind(k string) bool {
	switch k {
	case KindPolicy, KindStrategy, KindProgram, KindPlan, KindActionPlan, KindGuidelines, KindProjectPlan, KindOther:
		return true
	}
	return false
}

// Validity statuses.
const (
	StatusCurrent = "current"
	StatusExpired = "expired"
	StatusUnknown = "unknown"
)

// ExtractMetadata reads a document's self-description from its front
// matter (the lines before the first long paragraph), its last lines, and
// sentences in which the document speaks of itself ("Integrationsplanen
// gäller 2018-2021"). Statements in the body about other documents
// ("Kommunfullmäktige antog 2016-09-20 en strategi") are ignored, and so is
// a scraped page's list of other documents' titles.
//
// Status is decided conservatively from ValidTo only, because only an end
// date says when a document stops being in force:
//   - "expired" when ValidTo is before asOf (a year means the end of that
//     year, a year-month the end of that month);
//   - "current" when ValidTo is on or after asOf (a document adopted for a
//     period that has not started yet counts as current: it is in force for
//     the county board's purposes);
//   - "unknown" otherwise. An adoption date or a start year alone does not
//     say whether a document is still in force: policies often run "tills
//     vidare" and plans are silently replaced.
func ExtractMetadata(text string, asOf time.Time) Metadata {
	return extractMetadata(text, layoutDocument(text), asOf)
}

// extractMetadata is ExtractMetadata on a layout already made (Analyze
// shares one layout between metadata and municipality attribution).
func extractMetadata(text string, lay docLayout, asOf time.Time) Metadata {
	var md Metadata

	header := lay.headerLines()
	tail := lay.tailLines()

	md.Title = findTitle(header)
	// A scraped transcript repeats the title and runs the front matter
	// into its first paragraph: "Strategi för integration i X kommun.
	// Antagen av kommunfullmäktige 2017-11-27, § 112. X kommun ska ...".
	// The opening of that paragraph is front matter too.
	header = append(header, transcriptFrontMatter(lay, md.Title)...)
	md.Kind = findKind(lay, header, md.Title)
	md.Reference = findReference(header)

	// Adoption and validity statements: front matter first, then the last
	// lines (many documents end with "Antagen av kommunfullmäktige ...").
	for z, zone := range [][]string{header, tail} {
		for _, cell := range cellsOf(zone) {
			// At the end only field lines count ("Antagen av ..."), not
			// closing sentences about other agreements.
			if (z == 1 && !isMetaLine(cell)) || !fieldLike(cell) {
				continue
			}
			by, on := parseAdoption(cell)
			if md.AdoptedBy == "" && by != "" {
				md.AdoptedBy = by
			}
			// A later cell may say the same date more precisely ("§
			// 72.2017" then "Fastställd datum 2017-05-30").
			if on != "" && (md.AdoptedOn == "" || len(on) > len(md.AdoptedOn) && strings.HasPrefix(on, md.AdoptedOn)) {
				md.AdoptedOn = on
			}
			from, to := parseValidity(cell)
			if md.ValidFrom == "" && from != "" {
				md.ValidFrom = from
			}
			if md.ValidTo == "" && to != "" {
				md.ValidTo = to
			}
		}
	}
	// A title that carries a period ("Integrationsplan 2018 – 2021") states
	// the validity too.
	if md.ValidFrom == "" && md.ValidTo == "" {
		if m := titleRangeRe().FindStringSubmatch(md.Title); m != nil && plausibleRange(m[1], m[2]) {
			md.ValidFrom, md.ValidTo = m[1], m[2]
		} else {
			// A title may write its period with "till" ("LUP för Motala
			// kommun 2015 till 2018", dev title t131).
			// "från 2015 till 2018" in a headline is a change over time,
			// not a period.
			if m := titleTillRangeRe().FindStringSubmatchIndex(md.Title); m != nil &&
				!strings.HasSuffix(strings.ToLower(strings.TrimSpace(md.Title[:m[0]])), "från") {
				if from, to := md.Title[m[2]:m[3]], md.Title[m[4]:m[5]]; plausibleRange(from, to) {
					md.ValidFrom, md.ValidTo = from, to
				}
			}
		}
	}
	// Anywhere in the body, but only where the document names itself as the
	// subject ("Planen gäller 2018-2021", "Strategin gäller t.o.m. 2022").
	if md.ValidFrom == "" && md.ValidTo == "" {
		for _, l := range lay.lines {
			if l.noise {
				continue
			}
			if from, to := selfValidity(l.text); from != "" || to != "" {
				md.ValidFrom, md.ValidTo = from, to
				break
			}
		}
	}

	md.Year = documentYear(md, header, lay)
	md.Status = validityStatus(md.ValidTo, asOf)
	return md
}

// ---------------------------------------------------------------------
// Layout: lines, scraped-page noise, front matter.

// longLine is the length (in runes) from which a line is a body paragraph
// rather than a title, heading or front-matter field.
const longLine = 200

// maxHeaderLines caps the front matter, so a document without long
// paragraphs (a slide deck, a table) does not become all header.
const maxHeaderLines = 25

// docLine is one non-empty line of a document.
type docLine struct {
	text  string // trimmed of surrounding white space
	start int    // byte offset of text in the document
	long  bool   // a body paragraph (longLine runes or more)
	noise bool   // part of a scraped page's list of other documents
}

// docLayout is a document split into lines, with the noise marked and the
// front matter located.
type docLayout struct {
	lines     []docLine
	bodyStart int // index of the first line after the front matter
	// words are the document's words as the attributor reads them, made
	// from the matcher's tokens (documentWords); nil when the attributor
	// is to tokenise the text itself.
	words []word
}

var (
	// relatedHeadingRe recognises the heading a web page puts above links
	// to other documents.
	relatedHeadingRe = lazyRegexp(`(?i)^(?:relevanta|relaterade|liknande|andra|fler|populära|senaste|mest lästa|related|similar|more)\s+(?:styr)?(?:dokument|publikationer|handlingar|filer|sidor|länkar|documents|publications|files)\b|^(?:se|läs)\s+(?:även|också)\s*:?$`)
	// listEndRe marks where a scraped page's chrome gives way to the
	// document itself.
	listEndRe = lazyRegexp(`(?i)^(?:transkript|transcript|dokumentets text|fulltext|full text|innehåll)\s*:?\s*$`)
	// orgNameRe finds a named municipality or region without the
	// registry: "Västerås stad", "Härjedalens Kommun", "Region Gotland",
	// "Västra Götalandsregionen". Used only to recognise lists of titles
	// of many organisations' documents.
	orgNameRe = lazyRegexp(`(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+(?:[Kk]ommuns?|KOMMUNS?|[Ss]tads?|STADS?)(?:[^\p{L}]|$)|Region\s+(\p{Lu}\p{L}+)|(\p{Lu}[\p{L}-]*regionen)|Landstinget\s+(\p{Lu}\p{L}+)`)
)

// layoutDocument splits text into lines, marks scraped related-document
// lists as noise and finds the end of the front matter.
func layoutDocument(text string) docLayout { return layoutDocumentInto(nil, text) }

// layoutDocumentInto is layoutDocument appending the lines to lines[:0]
// (Analyze recycles them from document to document).
func layoutDocumentInto(lines []docLine, text string) docLayout {
	lay := docLayout{lines: lines[:0]}
	off := 0
	for off <= len(text) {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		raw := text[off:end]
		t := strings.TrimSpace(raw)
		if t != "" {
			start := off + strings.Index(raw, t)
			lay.lines = append(lay.lines, docLine{text: t, start: start, long: utf8.RuneCountInString(t) >= longLine})
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	markRelatedLists(lay.lines)
	markTitleLists(lay.lines)

	n := 0
	lay.bodyStart = len(lay.lines)
	for i, l := range lay.lines {
		if l.noise {
			continue
		}
		if l.long || n == maxHeaderLines {
			lay.bodyStart = i
			break
		}
		n++
	}
	return lay
}

// mayNameOrg is a cheap necessary condition for orgNameRe. The last three
// alternatives contain "Region", "regionen" or "Landstinget". The first
// needs a whole word kommun/kommuns/stad/stads (any of the cases the
// expression allows) after spaces, after a run of letters and hyphens
// with a capital that is not its last character ("Tierps kommun", but not
// "i kommunen" or "i kommun"). Running the expression on every line
// naming "kommun" was the top hotspot of metadata extraction.
func mayNameOrg(s string) bool {
	for _, w := range [...]string{"Region", "regionen", "Landstinget"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, kw := range [...]string{"kommun", "Kommun", "KOMMUN", "stad", "Stad", "STAD"} {
		for off := 0; ; {
			i := strings.Index(s[off:], kw)
			if i < 0 {
				break
			}
			i += off
			off = i + len(kw)
			if orgKeywordAt(s, i, len(kw)) {
				return true
			}
		}
	}
	return false
}

// orgKeywordAt checks the context orgNameRe's first alternative needs
// around the keyword s[i:i+n] (see mayNameOrg).
func orgKeywordAt(s string, i, n int) bool {
	end := i + n
	if end < len(s) && (s[end] == 's' || s[end] == 'S') {
		end++
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && unicode.IsLetter(r) {
		return false // "kommunen": the expression wants a non-letter after
	}
	j := i
	for j > 0 && isRESpace(s[j-1]) {
		j--
	}
	if j == i {
		return false // \s+ before the keyword
	}
	// The run of letters and hyphens before the spaces must hold a
	// capital followed by at least one more character of the run.
	last := true
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		if unicode.IsUpper(r) && !last {
			return true
		}
		last = false
		j -= size
	}
	return false
}

// isRESpace is \s in Go's regexp syntax: ASCII space, tab, newline, form
// feed, carriage return.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// relatedFirstWords are the first words relatedHeadingRe can match.
var relatedFirstWords = map[string]bool{"relevanta": true, "relaterade": true, "liknande": true, "andra": true, "fler": true,
	"populära": true, "senaste": true, "mest": true, "related": true, "similar": true, "more": true, "se": true, "läs": true}

// mayBeRelatedHeading is a cheap necessary condition for relatedHeadingRe:
// the line's first word is one the expression starts with.
func mayBeRelatedHeading(s string) bool {
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		end = len(s)
	}
	var buf [32]byte // no allocation for the lookup: it runs on every line
	return relatedFirstWords[string(appendLower(buf[:0], s[:end]))]
}

// markRelatedLists marks the short lines under a "Relevanta dokument"
// style heading as noise, up to the first long line or an end marker
// ("Transkript:").
func markRelatedLists(lines []docLine) {
	for i := 0; i < len(lines); i++ {
		if !mayBeRelatedHeading(lines[i].text) || !relatedHeadingRe().MatchString(lines[i].text) {
			continue
		}
		lines[i].noise = true
		j := i + 1
		for ; j < len(lines) && !lines[j].long; j++ {
			if listEndRe().MatchString(lines[j].text) {
				if !strings.HasPrefix(strings.ToLower(lines[j].text), "innehåll") {
					lines[j].noise = true
				}
				break
			}
			lines[j].noise = true
		}
		i = j
	}
}

// markTitleLists catches lists of other documents that have no heading: a
// run of at least minListLines short lines, at least a third of which
// name municipalities or regions, at least three different ones. A document's own front matter
// names one organisation; a list of other documents names many. A line of
// the run that is repeated later in the text is kept: scraped pages repeat
// their own title above the transcript.
func markTitleLists(lines []docLine) {
	const minListLines, minOrgs = 8, 3
	var lower [][]byte // lines in lower case, made once when a list is found
	var lowered []byte // ... one after the other
	for i := 0; i < len(lines); {
		if lines[i].long || lines[i].noise {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].long && !lines[j].noise {
			j++
		}
		if j-i < minListLines { // too short to be a list: no names to look for
			i = j
			continue
		}
		// Only a line mayNameOrg passes can name one: when too few do, the
		// run is no list, and neither the map nor the expression is needed
		// (most runs of short lines are a PDF's wrapped text).
		may := 0
		for k := i; k < j; k++ {
			if mayNameOrg(lines[k].text) {
				may++
			}
		}
		if may < minOrgs || may*3 < j-i {
			i = j
			continue
		}
		// A list of titles names an organisation on most of its lines; a
		// PDF's text has no long lines (pdftotext wraps every ~100
		// characters), so its whole body is one run of short lines that
		// names a few organisations among a thousand lines and is no list.
		// The names and the lines only grow, line by line, so the reading
		// stops once the run is a list, or once the lines mayNameOrg
		// passes that are left cannot make it one.
		orgs := map[string]bool{}
		orgLines := 0
		isList := func() bool { return len(orgs) >= minOrgs && orgLines >= minOrgs && orgLines*3 >= j-i }
		for k := i; k < j && !isList() && orgLines+may >= max(minOrgs, (j-i+2)/3); k++ {
			found := false
			if !mayNameOrg(lines[k].text) {
				continue
			}
			may--
			for _, m := range orgNameRe().FindAllStringSubmatch(lines[k].text, -1) {
				for _, g := range m[1:] {
					if g != "" {
						orgs[strings.ToLower(strings.TrimSuffix(g, "s"))] = true
						found = true
					}
				}
			}
			if found {
				orgLines++
			}
		}
		if isList() {
			if lower == nil {
				lower = make([][]byte, len(lines))
				n := 0
				for k := i; k < len(lines); k++ {
					n += len(lines[k].text)
				}
				lowered = make([]byte, 0, n+n/16) // once, not grown by doubling: lower case is about as long
			}
			for k := i; k < len(lines); k++ { // the list and what follows it: repeatedLater reads no earlier line
				if lower[k] == nil { // lines are never empty: nil is not yet lowered
					n := len(lowered)
					lowered = appendLower(lowered, lines[k].text)
					lower[k] = lowered[n:len(lowered):len(lowered)]
				}
			}
			for k := i; k < j; k++ {
				if !repeatedLater(lower, k, j) {
					lines[k].noise = true
				}
			}
		}
		i = j
	}
}

// repeatedLater reports whether line k's text (if long enough to be
// distinctive) starts one of the lines from index from on. lower holds
// the lines in lower case (lowering them for every k was quadratic).
func repeatedLater(lower [][]byte, k, from int) bool {
	t := lower[k]
	if utf8.RuneCount(t) < 20 {
		return false
	}
	for _, l := range lower[from:] {
		if bytes.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

// headerLines returns the front matter: non-noise lines before the first
// body paragraph.
func (lay docLayout) headerLines() []string {
	var out []string
	for _, l := range lay.lines[:lay.bodyStart] {
		if !l.noise {
			out = append(out, l.text)
		}
	}
	return out
}

// tailLines returns the last few short non-noise lines, where adoption
// notes are often put.
func (lay docLayout) tailLines() []string {
	const n = 5
	var out []string
	for i := len(lay.lines) - 1; i >= lay.bodyStart && len(out) < n; i-- {
		if l := lay.lines[i]; !l.noise && !l.long {
			out = append(out, l.text)
		}
	}
	return out
}

// cellsOf splits lines into table cells: front matter is often a two-column
// table flattened with tabs ("Fastställd av KS § 72.2017<TAB>Fastställd
// datum 2017-05-30").
func cellsOf(lines []string) []string {
	var out []string
	for _, l := range lines {
		for rest, more := l, true; more; { // the cells of strings.Split(l, "\t"), without the slice
			var c string
			c, rest, more = strings.Cut(rest, "\t")
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// transcriptFrontMatter returns the sentences of the first body
// paragraph's opening when that paragraph starts with the title, or nil.
func transcriptFrontMatter(lay docLayout, title string) []string {
	if len(title) < 10 {
		return nil
	}
	for _, l := range lay.lines[lay.bodyStart:] {
		if l.noise {
			continue
		}
		if !strings.HasPrefix(strings.ToLower(l.text), strings.ToLower(title)) {
			return nil
		}
		open := l.text[len(title):]
		open = open[:openingBytes(open, 300)]
		var out []string
		for _, s := range strings.SplitAfter(open, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// fieldLike reports whether a front-matter cell is a title or a field
// ("Antagen av kommunfullmäktige 2017-05-30.") rather than a sentence of
// a short opening paragraph ("Strategin antogs av kommunfullmäktige
// 2016-09-20."), which may speak of another document.
func fieldLike(cell string) bool {
	if isMetaLine(cell) {
		return true
	}
	return !strings.HasSuffix(cell, ".") && !strings.HasSuffix(cell, "!") && !strings.HasSuffix(cell, "?")
}

// ---------------------------------------------------------------------
// Title and kind.

var (
	// metaLineRe matches front-matter lines that are fields, not titles.
	metaLineRe    = lazyRegexp(`(?i)^(?:diarienummer|diarienr|dnr|ärendenummer|ärendenr|ärende|beteckning|dokumenttyp|dokumentansvarig|fastställd|antagen|antaget|beslutad|beslutat|godkänd|gäller|giltig|version|datum|sida|page|transkript|reviderad|upprättad|senast)\b|^\d+(?:\s*\(\d+\))?$|^[\d\s./-]+$`)
	dokumenttypRe = lazyRegexp(`(?i)(?:^|\s)dokumenttyp\s*:?\s*([\p{L}-]+)`)
	wordRe        = lazyRegexp(`[\p{L}]+`)
	// suspendedConjunctRe matches a suspended compound and its
	// conjunction ("Integrations- och ", "Kultur- och "): the first
	// conjunct of a coordinated modifier whose head is written once, after
	// the last ("Kultur- och fritidspolitiskt program").
	suspendedConjunctRe = lazyRegexp(`\p{L}+-\s+(?:och|eller|samt)\s+`)
)

// metaFirst marks the ASCII bytes a match of metaLineRe can start with:
// the field words' first letters in either case, digits, the white space
// of \s, '.', '/' and '-'. A non-ASCII byte may start one ("Ärende", and
// (?i) folds "ſ" to "s").
var metaFirst = func() (t [utf8.RuneSelf]bool) {
	for _, c := range []byte("abdfgprstuv0123456789 \t\n\f\r./-") {
		t[c] = true
		if 'a' <= c && c <= 'z' {
			t[c-'a'+'A'] = true
		}
	}
	return t
}()

// isMetaLine is metaLineRe().MatchString(s), decided without the
// expression: a line that cannot start a match (most of the lines of a
// document's end it is asked about) is turned away by its first byte,
// and the rest are read by hand, the expression's three branches one
// after the other (the expression's backtracking on every field-like
// cell and front-matter line was 2% of a cold run). TestIsMetaLine holds
// it to the expression.
func isMetaLine(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf && !metaFirst[s[0]] {
		return false
	}
	for _, w := range metaFieldWords {
		if n, ok := foldPrefix(s, w); ok && (n == len(s) || !isASCIIWordByte(s[n])) {
			return true // a field word at the start, then \b (ASCII: the words end in ASCII letters)
		}
	}
	return metaNumberLine(s)
}

// metaFieldWords are metaLineRe's field words, in lower case.
var metaFieldWords = []string{"diarienummer", "diarienr", "dnr", "ärendenummer", "ärendenr", "ärende", "beteckning", "dokumenttyp",
	"dokumentansvarig", "fastställd", "antagen", "antaget", "beslutad", "beslutat", "godkänd", "gäller", "giltig", "version",
	"datum", "sida", "page", "transkript", "reviderad", "upprättad", "senast"}

// foldPrefix reports whether s starts with w under (?i)'s Unicode simple
// case folding ("ſ" is "s", "K" (Kelvin) is "k"), and the length in s of
// that start.
func foldPrefix(s, w string) (int, bool) {
	i := 0
	for _, wr := range w {
		if i >= len(s) {
			return 0, false
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		} else if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r != wr && !foldsTo(r, wr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

// foldsTo reports whether r is in wr's case-folding orbit.
func foldsTo(r, wr rune) bool {
	for f := unicode.SimpleFold(wr); f != wr; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

func isASCIIWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// metaNumberLine is metaLineRe's other two branches, a page number
// (`^\d+(?:\s*\(\d+\))?$`: "3", "3 (12)") and a line of digits, white
// space and date separators (`^[\d\s./-]+$`); \d and \s are ASCII.
func metaNumberLine(s string) bool {
	dateLike := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || isRESpace(c) || c == '.' || c == '/' || c == '-') {
			dateLike = false
			break
		}
	}
	if dateLike {
		return true
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	if i == len(s) || s[i] != '(' {
		return false
	}
	i++
	d := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i > d && i == len(s)-1 && s[i] == ')'
}

// findTitle returns the first front-matter line that is not a field.
func findTitle(header []string) string {
	for _, l := range header {
		if len(l) < 3 || isMetaLine(l) || isPageLabel(strings.TrimSpace(l)) { // a page's "Dela sidan på sociala medier" is no title
			continue
		}
		return l
	}
	return ""
}

// kindSuffixes maps word endings to kinds, most specific first: a
// compound's head decides its meaning ("integrationsplan" is a plan,
// "handlingsplanen" an action plan).
var kindSuffixes = []struct{ suffix, kind string }{
	{"handlingsplan", KindActionPlan}, {"åtgärdsplan", KindActionPlan}, {"aktivitetsplan", KindActionPlan},
	{"projektplan", KindProjectPlan},
	{"riktlinje", KindGuidelines},
	{"policy", KindPolicy},
	{"strategi", KindStrategy},
	{"program", KindProgram},
	{"plan", KindPlan},
	{"överenskommelse", KindOther}, {"vision", KindOther}, {"värdegrund", KindOther}, {"protokoll", KindOther}, {"lök", KindOther},
}

// kindInflections are the endings a kind word takes (definite, plural,
// genitive), so "riktlinjerna" and "programmets" are recognised but
// "planering" is not.
var kindInflections = []string{"", "s", "en", "ens", "n", "ns", "er", "erna", "ernas", "et", "ets", "met", "mets", "men", "r", "rna", "ar", "arna", "ers"}

// kindOfWord returns the kind a single word names, or "".
func kindOfWord(w string) string {
	k, _ := kindOfWordForm(w)
	return k
}

// definiteKindInflections are the endings of kindInflections that make the
// word definite: "planen", "programmet", "strategin", "riktlinjerna".
var definiteKindInflections = map[string]bool{"en": true, "ens": true, "n": true, "ns": true, "erna": true, "ernas": true,
	"et": true, "ets": true, "met": true, "mets": true, "men": true, "rna": true, "arna": true}

// kindOfWordForm returns the kind a single word names, or "", and whether
// the word is in its definite form.
func kindOfWordForm(w string) (kind string, definite bool) {
	w = strings.ToLower(w)
	for _, ks := range kindSuffixes {
		for _, inf := range kindInflections {
			if strings.HasSuffix(w, ks.suffix+inf) {
				return ks.kind, definiteKindInflections[inf]
			}
		}
	}
	return "", false
}

// kindOfWords returns the kind named by the first kind word among the
// first n of words.
func kindOfWords(words []string, n int) string {
	for i, w := range words {
		if i >= n {
			break
		}
		if strings.EqualFold(w, "strategisk") && i+1 < len(words) && strings.HasPrefix(strings.ToLower(words[i+1]), "inriktning") {
			return KindStrategy
		}
		// A definite form points at a document named before ("Planen
		// är att …", "VA-planen försenad", "Ekonomirapporten belyser"):
		// a title names its own kind in the indefinite.
		if k, definite := kindOfWordForm(w); k != "" && !definite {
			return k
		}
	}
	return ""
}

// kindHeadWords is how far into a phrase its kind word may stand and still
// name the document's kind: a title names its kind at its head
// ("Integrationsplan för …", "Kommunal integrationsstrategi", "Tierps
// kommuns plan för …"), while a headline or a sentence names some other
// document further in ("Halmstads kommun deltar i utvecklingsprogram …",
// "Kommunen lägger strategisk plan för lokalbehov"). On the dev part of
// the real texts (testdata/realtexts) 120 of 1,182 texts labelled `other`
// (web pages, news, party pages) were given a kind by a kind word anywhere
// in their opening lines.
const kindHeadWords = 3

// kindLineWords is the longest front-matter phrase, in words, whose kind
// word may stand anywhere in its head: a longer phrase is a sentence
// ("Beskrivningen om planerna visar …") and names the kind only by its
// first word (a scraped transcript's subtitle run into its first
// paragraph: "Riktlinjer för integration av nya svenskar Dokumentet har
// skapats …").
const kindLineWords = 12

// kindOfHead returns the kind named at the head of one of s's phrases (s
// cut at sentence ends, colons, dashes and bars), or "". With maxWords > 0
// a phrase longer than that names it only by its first word.
func kindOfHead(s string, maxWords int) string {
	for s != "" {
		phrase := s
		if i := phraseEnd(s); i >= 0 {
			phrase, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		words := wordRe().FindAllString(phrase, -1)
		head := kindHeadWords
		if maxWords > 0 && len(words) > maxWords {
			head = 1
		} else if strings.IndexByte(phrase, '-') >= 0 {
			// A suspended compound shares the next conjunct's head:
			// "Kultur- och fritidspolitiskt program" has one modifier
			// before its kind word, not three, so it does not push the
			// kind word past the head (the dev title t141, "Integrations-
			// och flyktingpolitiskt program. …", was "other"). A long
			// phrase keeps its first word as written ("Mål- och
			// resursplan för … samt …" in an agenda names no kind).
			words = wordRe().FindAllString(suspendedConjunctRe().ReplaceAllString(phrase, ""), -1)
		}
		if k := kindOfWords(words, head); k != "" {
			return k
		}
	}
	return ""
}

// phraseEnd returns the index of the first byte that ends a phrase of a
// title or heading (". ", "? ", "! ", ":", "|", or a dash between spaces), or -1.
func phraseEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', '|':
			return i
		case '.', '?', '!':
			if i+1 < len(s) && s[i+1] == ' ' {
				return i
			}
		case ' ':
			if strings.HasPrefix(s[i+1:], "- ") || strings.HasPrefix(s[i+1:], "– ") || strings.HasPrefix(s[i+1:], "— ") {
				return i
			}
		}
	}
	return -1
}

// findKind decides the kind: an explicit "Dokumenttyp" field first, then
// a kind word at the head of the title, of another front-matter line or of
// the body's opening (a subtitle such as "Riktlinjer för integration av
// nya svenskar" after a generic title; a scraped transcript's title run
// into its first paragraph). Without any kind word there, "other".
func findKind(lay docLayout, header []string, title string) string {
	for _, c := range cellsOf(header) {
		if !mayNameDokumenttyp(c) {
			continue
		}
		if m := dokumenttypRe().FindStringSubmatch(c); m != nil {
			if k := kindOfWord(m[1]); k != "" {
				return k
			}
		}
	}
	if k := kindOfHead(title, 0); k != "" {
		return k
	}
	for _, l := range header {
		if l == title || isMetaLine(l) || isListLine(l) {
			continue
		}
		if k := kindOfHead(l, kindLineWords); k != "" {
			return k
		}
	}
	for _, l := range lay.lines[lay.bodyStart:] {
		if l.noise {
			continue
		}
		open := l.text
		if n := openingBytes(open, 200); n < len(open) {
			open = open[:n]
		}
		return kindOrOther(kindOfHead(open, kindLineWords))
	}
	return KindOther
}

// isListLine reports whether a front-matter line is a list item or a
// numbered item ("• Mål och riktlinjer för verksamheten", "4 Upprätta en
// cykelstrategi"): an agenda's or a page's list names other documents, not
// this one's kind.
func isListLine(l string) bool {
	return mayBeBullet(l) && bullet.MatchString(l) || mayBeSectionNumber(l) && sectionNumber.MatchString(l)
}

// kindOrOther is k, or KindOther when k is "".
func kindOrOther(k string) string {
	if k == "" {
		return KindOther
	}
	return k
}

// mayNameDokumenttyp is a cheap necessary condition for dokumenttypRe:
// its word's last four letters, "ttyp", in either case (t, y and p have no
// other letters in their case-folding orbits, unlike the k of
// "dokument", which (?i) also matches as the Kelvin sign). Most front
// matter has no such field, and the expression was run on every cell.
func mayNameDokumenttyp(c string) bool {
	for i := 0; i+4 <= len(c); i++ {
		if c[i]|0x20 == 't' && c[i+1]|0x20 == 't' && c[i+2]|0x20 == 'y' && c[i+3]|0x20 == 'p' {
			return true
		}
	}
	return false
}

// openingBytes returns the byte length of the first n runes of s.
func openingBytes(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// ---------------------------------------------------------------------
// Reference numbers.

var (
	// labelledRefRe: a diarienummer after its field label. The label is
	// group 1; the number is group 2. Shapes: "KS 2017.407",
	// "KS/2015/0173", "KS2016/726/01", "KS 2016/379", "KS-2013/1073",
	// "2016/379", "379/2016".
	labelledRefRe = lazyRegexp(`((?i:diarienummer|diarienr|dnr|ärendenummer|ärendenr|ärende\s*nr|beteckning))\.?\s*(?::\s*)?((?:[A-ZÅÄÖ]{1,8}[ ./-]?\s?)?(?:19|20)\d\d\s?[./:-]\s?\d{1,6}(?:[./-]\d{1,5})*|(?:[A-ZÅÄÖ]{1,8}\s?)?\d{1,6}/(?:19|20)\d\d)`)
	// bareRefRe: an unlabelled diarienummer in the front matter needs a
	// board prefix in capitals ("KS 2017.407"); ':' is excluded so law
	// references ("SFS 2010:197") do not match.
	bareRefRe = lazyRegexp(`(?:^|[^\p{L}])([A-ZÅÄÖ]{2,5}[ /-]?(?:19|20)\d\d[./-]\d{1,6}(?:[./-]\d{1,5})*)`)
	isoDateRe = lazyRegexp(`(?:19|20)\d\d-\d\d-\d\d`)
	// notBoards are capitalised prefixes that are not a board's diarium.
	notBoards = map[string]bool{"SFS": true, "SOU": true, "PM": true, "EU": true, "EG": true, "ISBN": true, "ISSN": true, "SCB": true}
)

// findReference returns the document's diarienummer from the front matter:
// a labelled one first, else an unlabelled board-prefixed one. A "dnr"
// abbreviation written directly before the number (no colon) is kept as
// part of the reference as written ("dnr KS/2015/0173"); longer field
// labels ("Diarienummer", "Ärendenr:") are dropped.
func findReference(header []string) string {
	for _, c := range cellsOf(header) {
		if m := labelledRefRe().FindStringSubmatchIndex(c); m != nil {
			label := c[m[2]:m[3]]
			ref := strings.TrimRight(c[m[4]:m[5]], " ./-")
			between := c[m[3]:m[4]]
			if strings.EqualFold(label, "dnr") && !strings.Contains(between, ":") && !strings.Contains(between, ".") {
				return label + " " + ref
			}
			return ref
		}
	}
	for _, c := range cellsOf(header) {
		for _, m := range bareRefRe().FindAllStringSubmatch(c, -1) {
			ref := m[1]
			prefix := strings.TrimRightFunc(ref[:strings.IndexFunc(ref, func(r rune) bool { return !unicode.IsUpper(r) })], unicode.IsSpace)
			if notBoards[prefix] || isoDateRe().MatchString(ref) {
				continue
			}
			return ref
		}
	}
	return ""
}

// ---------------------------------------------------------------------
// Dates.

var swedishMonths = map[string]string{
	"januari": "01", "februari": "02", "mars": "03", "april": "04", "maj": "05", "juni": "06",
	"juli": "07", "augusti": "08", "september": "09", "oktober": "10", "november": "11", "december": "12",
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "jun": "06", "jul": "07", "aug": "08", "sep": "09", "sept": "09", "okt": "10", "nov": "11", "dec": "12",
}

// dateExpr matches a date as written: ISO ("2017-05-30", "2017-05"),
// Swedish ("25 januari 2016", "januari 2016"), or a bare year. Templates
// with placeholders ("2017-XX-XX") match as their year.
const dateExpr = `(?:(?:19|20)\d\d-[01]\d-[0-3]\d|\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(?:19|20)\d\d|(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?:19|20)\d\d|(?:19|20)\d\d-[01]\d|(?:19|20)\d\d)`

var (
	dateRe          = lazyRegexp(`(?i)` + dateExpr)
	swedishDayRe    = lazyRegexp(`(?i)^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$`)
	swedishMonthRe  = lazyRegexp(`(?i)^(\p{L}+)\s+(\d{4})$`)
	paragraphYearRe = lazyRegexp(`§\s*\d+\s*[./]\s*((?:19|20)\d\d)(?:\D|$)|(?:^|\s)\d{1,4}/((?:19|20)\d\d)(?:\D|$)`)
)

// normDate turns a date as written into ISO form with the same precision.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if m := swedishDayRe().FindStringSubmatch(s); m != nil {
		if mm, ok := swedishMonths[strings.ToLower(m[2])]; ok {
			d := m[1]
			if len(d) == 1 {
				d = "0" + d
			}
			return m[3] + "-" + mm + "-" + d
		}
	}
	if m := swedishMonthRe().FindStringSubmatch(s); m != nil {
		if mm, ok := swedishMonths[strings.ToLower(m[1])]; ok {
			return m[2] + "-" + mm
		}
	}
	return s
}

// firstDate returns the first date in s, normalised, or "".
func firstDate(s string) string {
	if m := dateRe().FindString(s); m != "" {
		return normDate(m)
	}
	return ""
}

// ---------------------------------------------------------------------
// Adoption.

const adoptVerb = `(?:antagen|antaget|antagna|antogs|fastställd|fastställt|fastställda|fastställdes|beslutad|beslutat|beslutade|beslutades|godkänd|godkänt|godkända|godkändes)`

// bodyExpr names the adopting body: the council, the executive board, or
// a committee ("socialnämnden", "Barn- och utbildningsnämnden").
const bodyExpr = `(kommunfullmäktige|kommunstyrelsen|kommunstyrelse|KF|Kf|kf|KS|Ks|ks|(?:\p{L}+-\s+och\s+)?\p{L}*nämnd(?:en)?)`

var (
	// adoptByRe: "Antagen av kommunfullmäktige 2019-03-25 § 34",
	// "Fastställd av Kommunstyrelsen § 72.2017", "Beslutad: KF".
	adoptByRe = lazyRegexp(`(?i)` + adoptVerb + `\s*(?:av|i|:)?\s*:?\s*` + bodyExpr + `(?:[^\p{L}]|$)(.*)`)
	// adoptOnRe: "Fastställd datum 2017-05-30", "Antagen: 2019-03-25",
	// "Beslutsdatum 2017-05-30".
	adoptOnRe = lazyRegexp(`(?i)(?:` + adoptVerb + `(?:\s+datum)?|beslutsdatum|antagandedatum|fastställelsedatum|datum för (?:beslut|antagande|fastställelse))\s*:?\s*(?:den\s+)?(` + dateExpr + `)`)
	// bodyDateRe: a front-matter line that is just the body and the date
	// ("Kommunfullmäktige 2019-03-25, § 34").
	bodyDateRe = lazyRegexp(`(?i)^` + bodyExpr + `\s*,?\s*(?:den\s+)?(` + dateExpr + `)`)
)

// adoptionStems are stems every match of adoptByRe and adoptOnRe holds;
// validityStems those of the validity expressions (see stemIndex).
var (
	adoptionStems = newStemIndex("antag", "antog", "fastställ", "beslut", "godkän", "datum för")
	validityStems = newStemIndex("gäller", "giltig", "period", "åren", "avser")
)

// normBody normalises an adopting body's name to lower case full form.
func normBody(b string) string {
	b = strings.ToLower(strings.TrimSpace(b))
	switch b {
	case "kf":
		return "kommunfullmäktige"
	case "ks", "kommunstyrelse":
		return "kommunstyrelsen"
	}
	if strings.HasSuffix(b, "nämnd") {
		b += "en"
	}
	if b == "nämnden" {
		return "" // too vague to name the committee
	}
	return b
}

// parseAdoption reads one front-matter cell for who adopted the document
// and when.
func parseAdoption(cell string) (by, on string) {
	// Cheap necessary conditions first (the expressions were a tenth of
	// metadata extraction): adoptByRe and adoptOnRe need a verb or a
	// "...datum" word, bodyDateRe a date and so a digit.
	if adoptionStems.has(cell) {
		if m := adoptByRe().FindStringSubmatch(cell); m != nil {
			by = normBody(m[1])
			rest := m[2]
			if d := firstDate(rest); d != "" {
				on = d
			} else if p := paragraphYearRe().FindStringSubmatch(rest); p != nil {
				// "§ 72.2017", "24/2015": minute paragraph and year.
				on = p[1] + p[2]
			}
		}
		if m := adoptOnRe().FindStringSubmatch(cell); m != nil {
			if d := normDate(m[1]); len(d) > len(on) {
				on = d
			}
		}
	}
	if by == "" && on == "" && strings.ContainsAny(cell, "0123456789") {
		if m := bodyDateRe().FindStringSubmatch(cell); m != nil {
			by, on = normBody(m[1]), normDate(m[2])
		}
	}
	return by, on
}

// ---------------------------------------------------------------------
// Validity.

const (
	tomExpr = `(?:t\.?\s?o\.?\s?m\.?|till\s+och\s+med|tom|till)`
	fomExpr = `(?:fr\.?\s?o\.?\s?m\.?|från\s+och\s+med|from|från)`
	dashes  = `(?:-|–|—|till|t\.?\s?o\.?\s?m\.?)`
)

var (
	validToRe    = lazyRegexp(`(?i)(?:gäller|giltig|giltighetstid)\s*:?\s*` + tomExpr + `\s*(?:datum)?\s*:?\s*(` + dateExpr + `)`)
	validFromRe  = lazyRegexp(`(?i)(?:gäller|giltig|giltighetstid)\s*:?\s*` + fomExpr + `\s*(?:datum)?\s*:?\s*(` + dateExpr + `)(?:\s*` + dashes + `\s*(` + dateExpr + `))?`)
	validRangeRe = lazyRegexp(`(?i)(?:gäller|giltig|giltighetstid|giltighet|period|perioden|åren|avser)\s*:?\s*(?:för\s+|under\s+)?(?:perioden\s+|åren\s+)?(` + dateExpr + `)\s*` + dashes + `\s*(` + dateExpr + `)`)
	titleRangeRe = lazyRegexp(`((?:19|20)\d\d)\s*(?:-|–|—)\s*((?:19|20)\d\d)(?:\D|$)`)
	// titleTillRangeRe is a title's period written with "till" ("2015
	// till 2018").
	titleTillRangeRe = lazyRegexp(`((?:19|20)\d\d)\s+till\s+((?:19|20)\d\d)(?:\D|$)`)
)

// selfSubjects are the definite forms by which a document names itself;
// compounds end in them ("Integrationsplanen", "Handlingsplanen").
var selfSubjects = []string{"planen", "programmet", "strategin", "policyn", "riktlinjerna", "dokumentet", "överenskommelsen"}

// selfValidity finds "<the document> gäller <period>" in a line and parses
// the period. It looks for "gäller" first and then at the word before it,
// which is much faster than a regexp with a leading \p{L}* on long
// paragraphs.
func selfValidity(line string) (from, to string) {
	for off := 0; off < len(line); {
		i := indexFold(line[off:], &gällerForms)
		if i < 0 {
			return "", ""
		}
		i += off
		off = i + len("gäller")
		before := strings.TrimRightFunc(line[:i], unicode.IsSpace)
		ws := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }) + 1
		subj := strings.ToLower(before[ws:])
		for _, s := range selfSubjects {
			if strings.HasSuffix(subj, s) {
				if from, to = parseValidity(line[ws:]); from != "" || to != "" {
					return from, to
				}
			}
		}
	}
	return "", ""
}

// gällerForms are the forms of "gäller" indexFold looks for (foldForms):
// made once, not for every line.
var gällerForms = foldForms("gäller")

// foldForms are the lower-case word w written in lower case, Capitalised
// and in UPPER case (w must start with an ASCII letter).
func foldForms(w string) [3]string {
	return [3]string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)}
}

// indexFold returns the first index in s of any of a word's forms
// (foldForms), or -1.
func indexFold(s string, forms *[3]string) int {
	best := -1
	for _, f := range forms {
		if i := strings.Index(s, f); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// plausibleRange reports whether from-to looks like a validity period.
func plausibleRange(from, to string) bool {
	f, err1 := strconv.Atoi(from[:4])
	t, err2 := strconv.Atoi(to[:4])
	return err1 == nil && err2 == nil && t >= f && t-f <= 15
}

// parseValidity reads one cell (or the rest of a sentence) for a validity
// period: "Gäller t o m datum 2018-12-31", "Gäller fr.o.m. 2019-01-01",
// "Gäller 2020–2023", "för perioden 2018-2021".
func parseValidity(cell string) (from, to string) {
	// Every alternative needs a date (a digit) and one of validityStems.
	if !strings.ContainsAny(cell, "0123456789") || !validityStems.has(cell) {
		return "", ""
	}
	if m := validFromRe().FindStringSubmatch(cell); m != nil {
		from = normDate(m[1])
		if m[2] != "" {
			to = normDate(m[2])
		}
	}
	if m := validToRe().FindStringSubmatch(cell); m != nil && to == "" {
		to = normDate(m[1])
	}
	if from == "" && to == "" {
		if m := validRangeRe().FindStringSubmatch(cell); m != nil && plausibleRange(m[1], m[2]) {
			from, to = normDate(m[1]), normDate(m[2])
		}
	}
	return from, to
}

// ---------------------------------------------------------------------
// Year and status.

var (
	yearRe = lazyRegexp(`(?:^|\D)((?:19|20)\d\d)(?:\D|$)`)
	// timelineRe: the heading of a project plan's or action plan's time
	// schedule.
	timelineRe = lazyRegexp(`(?i)^(?:tidsplan|tidplan|tidslinje|tidsram|tidsplanering)\s*:?$`)
	bareYearRe = lazyRegexp(`^((?:19|20)\d\d)\s*:?$`)
)

// documentYear picks the year of the document: when it was adopted, else
// the year its diarienummer was opened (the case year, usually the year
// the document was written and decided), else the first year of validity,
// else a year in the title or front matter, else the first year of a time
// schedule ("Tidsplan" followed by a year heading: a plan's schedule
// starts in the year it is written).
func documentYear(md Metadata, header []string, lay docLayout) string {
	for _, s := range []string{md.AdoptedOn, md.Reference, md.ValidFrom} {
		if m := yearRe().FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	if m := yearRe().FindStringSubmatch(md.Title); m != nil {
		return m[1]
	}
	for _, l := range header {
		if !fieldLike(l) {
			continue
		}
		if m := yearRe().FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	for i, l := range lay.lines {
		if l.noise || !timelineRe().MatchString(l.text) {
			continue
		}
		for k := i + 1; k < len(lay.lines) && k <= i+3; k++ {
			if m := bareYearRe().FindStringSubmatch(lay.lines[k].text); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// endOfPeriod returns the last day a ValidTo value covers: a year means the
// end of that year, a year-month the end of that month.
func endOfPeriod(s string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.AddDate(0, 1, -1), true
	}
	if t, err := time.Parse("2006", s); err == nil {
		return t.AddDate(1, 0, -1), true
	}
	return time.Time{}, false
}

// validityStatus implements the rule documented on ExtractMetadata.
func validityStatus(validTo string, asOf time.Time) string {
	end, ok := endOfPeriod(validTo)
	if !ok {
		return StatusUnknown
	}
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	if end.Before(day) {
		return StatusExpired
	}
	return StatusCurrent
}
