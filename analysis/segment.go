package analysis

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SentenceKind says what a segment is in the document's structure.
type SentenceKind string

// Segment kinds. Navigation segments (tables of contents, lists of links
// to other documents on a scraped page) are kept for the record but take
// no part in theme counts or levels: they name themes without treating
// them, and on scraped pages they name other municipalities' documents.
// Credit segments (a photo credit or caption label and the rest of its
// line: "Foto: Johan Nilsson/TT") are kept and left out the same way: a
// photographer's or agency's name is no topic, and a run of credit lines
// read as short title blocks made the paragraphs after them a navigation
// run (o070 of the real texts lost its work sentences so).
const (
	KindSentence   SentenceKind = "sentence"
	KindHeading    SentenceKind = "heading"
	KindListItem   SentenceKind = "list_item"
	KindTableRow   SentenceKind = "table_row"
	KindNavigation SentenceKind = "navigation"
	KindCredit     SentenceKind = "credit"
)

// counted reports whether segments of kind k take part in theme counts,
// levels and the other content measures: navigation and credit segments
// do not.
func (k SentenceKind) counted() bool { return k != KindNavigation && k != KindCredit }

// Sentence is one segment of a document: a sentence of running text, a
// heading, a list item or a table row. Start and End are byte offsets into
// the document text; Text is that span with whitespace folded.
type Sentence struct {
	Index   int          `json:"index"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
	Page    int          `json:"page"`
	Kind    SentenceKind `json:"kind"`
	Text    string       `json:"text"`
	Section int          `json:"section"` // index of the heading this segment stands under, -1 for none

	block      int  // index of the layout block (text between blank lines)
	shortBlock bool // the block is one line of at most 20 words
	titleBlock bool // ... and it does not end in a period: a title or heading
	cut        bool // cut at MaxSegmentBytes (emit): the text had no sentence end there
}

// MaxSegmentBytes caps a segment's length. A "sentence" longer than this
// is a layout or extraction failure (a page of words without a period, a
// file with no newline), not prose: the longest sentence or table row in
// the bundled corpus and realdocs is under 2 kB. Left whole, one such
// segment made every later stage work on a megabyte at a time (report.html
// took 38 s for one 1 MB segment, tokens of a 200 MB one filled 14 GB); cut
// at word boundaries, each piece costs what a long sentence costs. The
// document's warnings say how many segments were cut.
const MaxSegmentBytes = 4096

// abbreviations end in a period without ending the sentence (docs/domain.md,
// "Sentences"). Keys are lower case without the final period; the list is
// data/lists/abbreviations.txt.
var abbreviations = mustList(wordSet("abbreviations.txt", nil))

// phraseContinuers are the words that cannot end a Swedish phrase
// (prepositions, conjunctions, the infinitive mark:
// data/lists/phrase-continuers.txt): a capitalised word right after one
// is inside the phrase ("i Sverige"), not the start of a sentence.
var phraseContinuers = mustList(wordSet("phrase-continuers.txt", nil))

// creditLabels begin a photo credit or caption ("Foto:", "Bild:"):
// data/lists/credit-labels.txt, lower case.
var creditLabels = mustList(wordSet("credit-labels.txt", nil))

// sectionNumber is a numbered heading's label ("2.2.3", "3.", "4.1").
var sectionNumber = regexp.MustCompile(`^(\d{1,2}(\.\d{1,2}){0,4}\.?)\s+\p{Lu}`)

// bullet matches the start of a list item.
var bullet = regexp.MustCompile(`^\s*([-–—•·*▪◦o]\s+|\(?\d{1,2}[.)]\s+|\(?[a-zåäö][.)]\s+)`)

// mayBeBullet is a necessary condition of bullet.MatchString(s): after
// leading white space (\s is ASCII in RE2), the first byte can begin one
// of bullet's alternatives: a dash or bullet sign (ASCII, or any
// multi-byte rune), a parenthesis, a digit or a lower-case letter. Most
// lines begin with a capital, which the expression was run on for
// nothing (TestMayBeBullet).
func mayBeBullet(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i == len(s) {
		return false
	}
	c := s[i]
	return c >= utf8.RuneSelf || c == '-' || c == '*' || c == '(' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z'
}

// mayBeSectionNumber is a necessary condition of
// sectionNumber.MatchString(s): s begins with an ASCII digit (\d).
func mayBeSectionNumber(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// Segment splits a document's text into segments. It works on layout
// first (blank lines end blocks unless the next line goes on with an open
// sentence: softWrap; tabs make table rows, bullets make list
// items, short unpunctuated single lines are headings), and only then
// splits running text into sentences, because prose's English punkt
// model glued every heading to the next sentence and split after "ca."
// on these documents (docs/segmentation.md has the measurement).
func Segment(text string, pageAt func(int) int) []Sentence {
	// About one segment per 80 bytes of plan text: sized once instead of
	// grown by doubling (the segment slice was 55 MB of garbage on 2,000
	// documents).
	return segmentLines(make([]Sentence, 0, len(text)/80+8), splitLines(text), text, pageAt)
}

// segmentLines is Segment appending to out[:0], with text's lines given
// (splitLines): Analyze splits a document into lines once, for segmenting
// and for finding labelled actions, and recycles both slices from
// document to document.
func segmentLines(out []Sentence, lines []line, text string, pageAt func(int) int) []Sentence {
	return segmentLinesInto(nil, out, lines, text, pageAt)
}

// lineSpan is a block of segmentLines: lines[from:to], no blank line in
// it, hard when a page break stands before it.
type lineSpan struct {
	from, to int
	hard     bool
}

// segmentBuffers are segmentLines's working slices, kept in a worker's
// scratch from document to document (analyzeScratch.segBufs): a new
// slice of spans per document was the largest allocation of segmenting.
type segmentBuffers struct {
	spans []lineSpan
	block []line
}

// reset empties b for the next document, keeping its arrays but no
// document's text alive through them.
func (b *segmentBuffers) reset() {
	b.spans, b.block = b.spans[:0], emptied(b.block)
}

// segmentLinesInto is segmentLines with its working slices in b's arrays
// (nil for new ones).
func segmentLinesInto(b *segmentBuffers, out []Sentence, lines []line, text string, pageAt func(int) int) []Sentence {
	if b == nil {
		b = &segmentBuffers{}
	}
	s := &segmenter{text: text, out: out[:0]}
	// Blocks are the runs of non-blank lines; a page break's empty line
	// ends one for good (hard), a blank line only when the next line does
	// not go on with the sentence the block left open (softWrap).
	spans := b.spans[:0]
	hard := false
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i].s) == "" {
			if l := lines[i]; l.start < len(text) && text[l.start] == '\f' {
				hard = true
			}
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j].s) != "" {
			j++
		}
		spans = append(spans, lineSpan{i, j, hard})
		hard = false
		i = j
	}
	// lowerStart reports a one-line block that starts with a lower-case
	// letter: the rest of a sentence, where lines stand apart.
	lowerStart := func(k int) bool {
		if k < 0 || k >= len(spans) || spans[k].to-spans[k].from != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(lines[spans[k].from].s, " \t\r"))
		return unicode.IsLower(r)
	}
	block := b.block[:0]
	for k, sp := range spans {
		if len(block) > 0 {
			// A column: two or more of the six one-line blocks around
			// this one also start in lower case (asked only of a line
			// that could go on: softWrap).
			column := func() bool {
				around := 0
				for d := -3; d <= 3; d++ {
					if d != 0 && lowerStart(k+d) {
						around++
					}
				}
				return around >= 2
			}
			if sp.hard || !softWrap(block[len(block)-1].s, lines[sp.from].s, column) {
				s.block(block)
				block = block[:0]
			}
		}
		block = append(block, lines[sp.from:sp.to]...)
	}
	if len(block) > 0 {
		s.block(block)
	}
	b.spans, b.block = spans[:0], block[:0]
	s.markNavigation()
	section := -1
	for i := range s.out {
		s.out[i].Index = i
		if pageAt != nil {
			s.out[i].Page = pageAt(s.out[i].Start)
		}
		if s.out[i].Kind == KindHeading {
			section = i
			s.out[i].Section = -1
			continue
		}
		s.out[i].Section = section
	}
	return s.out
}

// softWrap reports whether next, a line after a blank line, goes on with
// the sentence prev left open: prev ends without a sentence's or a
// clause's end (. ! ? : ;) and next starts with a lower-case letter, not
// a bullet, with no tab (a table row) in either. Text laid out in narrow
// columns and scraped with a blank line after every line (a magazine's
// page turned into HTML, a PDF's text) reads "Svenska och arabiska ord
// blandas ... Det" / "är fredagseftermiddag och ett fyrtiotal nyanlända"
// / "och några Hyltebor träffas över kaffe": read as blocks of their own
// the lines were a run of short unpunctuated titles, navigation, and the
// text's sentences counted for nothing (realtexts n230, m964;
// docs/validity.md, "Segmentation, round 36"). A paragraph begins with a
// capital; a line that does not is the rest of the one before, unless
// the one before reads as a heading.
func softWrap(prev, next string, column func() bool) bool {
	p := strings.TrimRight(prev, " \t\r")
	n := strings.TrimLeft(next, " \t\r")
	if p == "" || n == "" || strings.ContainsRune(p, '\t') || strings.ContainsRune(n, '\t') {
		return false
	}
	switch p[len(p)-1] {
	case '.', '!', '?', ':', ';':
		return false
	}
	r, _ := utf8.DecodeRuneInString(n)
	if !unicode.IsLower(r) || mayBeBullet(next) && bullet.MatchString(next) {
		return false
	}
	// A heading or a label stands alone ("Projektledare" / "utredare på
	// kommunstyrelsen", a list of titles whose next entry starts with a
	// lower-case word): a line that reads as one goes on only where it
	// plainly breaks off, in a hyphen or a function word ("... diakoni-
	// assistent i" / "Svenska kyrkan ...", data/lists/stop-words.txt), or
	// where the lines around it are broken the same way (column: "Hon
	// berättar om kommunens arbete" / "med avfall och återvinning, om hur"
	// among others starting in lower case).
	if !isHeadingLine(p) || column() {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if last == '-' || last == '\u2010' || last == ',' {
		return true
	}
	word := p[strings.LastIndexAny(p, " ")+1:]
	return stopStems()[Stem(strings.ToLower(word))]
}

type line struct {
	s     string
	start int
}

// splitLines splits on newlines and page breaks, keeping offsets.
func splitLines(text string) []line { return splitLinesInto(nil, text) }

// splitLinesInto is splitLines appending to out[:0].
func splitLinesInto(out []line, text string) []line {
	out = slices.Grow(out[:0], strings.Count(text, "\n")+strings.Count(text, "\f")+1)
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\f' {
			out = append(out, line{text[start:i], start})
			if text[i] == '\f' {
				out = append(out, line{"", i}) // a page break ends a block
			}
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, line{text[start:], start})
	}
	return out
}

type segmenter struct {
	text   string
	out    []Sentence
	blocks int
}

func (s *segmenter) emit(start, end int, kind SentenceKind) {
	// trim whitespace at both ends
	for start < end && isSpaceByte(s.text[start]) {
		start++
	}
	for end > start && isSpaceByte(s.text[end-1]) {
		end--
	}
	if start >= end {
		return
	}
	for end-start > MaxSegmentBytes {
		cut := cutPoint(s.text, start, start+MaxSegmentBytes)
		s.emitOne(start, cut, kind, true)
		start = skipSpace(s.text, cut, end)
	}
	s.emitOne(start, end, kind, false)
}

// emitOne appends the segment text[start:end], trimmed at both ends.
func (s *segmenter) emitOne(start, end int, kind SentenceKind, cut bool) {
	for end > start && isSpaceByte(s.text[end-1]) {
		end--
	}
	if start >= end {
		return
	}
	txt := foldSpace(s.text[start:end])
	if !hasLetter(txt) {
		return // page numbers, lone dates, rules: not segments
	}
	s.out = append(s.out, Sentence{Start: start, End: end, Kind: kind, Text: txt, cut: cut})
}

// cutPoint is where a segment running past limit is cut: after the last
// space before limit in its second half, else at the last character
// boundary before limit (a "word" of kilobytes).
func cutPoint(t string, start, limit int) int {
	for i := limit; i > start+(limit-start)/2; i-- {
		if isSpaceByte(t[i-1]) {
			return i
		}
	}
	for i := limit; i > start; i-- {
		if utf8.RuneStart(t[i]) {
			return i
		}
	}
	return limit
}

// CutSegments counts the segments cut at MaxSegmentBytes.
func CutSegments(segs []Sentence) int {
	n := 0
	for _, s := range segs {
		if s.cut {
			n++
		}
	}
	return n
}

// block classifies the lines of one block (lines between blank lines).
func (s *segmenter) block(lines []line) {
	first := len(s.out)
	defer func() {
		s.blocks++
		t := strings.TrimSpace(s.text[lines[0].start : lines[len(lines)-1].start+len(lines[len(lines)-1].s)])
		short := len(lines) == 1 && !moreFields(t, 20) && !strings.Contains(t, "\t")
		title := short && !strings.HasSuffix(t, ".") && !isClauseItem(s.out[first:], t)
		for i := first; i < len(s.out); i++ {
			s.out[i].block, s.out[i].shortBlock, s.out[i].titleBlock = s.blocks, short, title
		}
	}()
	// Lines with tabs are table rows; list items are lines of their own.
	// A table row whose other cells are empty ends in tabs only ("Alla
	// invånare ska ha ett skäligt boende.\t\t\t"); in a block that holds
	// a table it is a row of that table, not running text.
	table := false
	for _, l := range lines {
		table = table || strings.Contains(strings.TrimRight(l.s, "\t "), "\t")
	}
	rows := 0 // table rows seen in this block
	var para []line
	flushPara := func() {
		if len(para) > 0 {
			s.paragraph(para[0].start, para[len(para)-1].start+len(para[len(para)-1].s), len(para) == 1)
			para = para[:0]
		}
	}
	for _, l := range lines {
		trimmed := strings.TrimSpace(l.s)
		switch {
		case strings.Contains(strings.TrimRight(l.s, "\t "), "\t") || (table && strings.Contains(l.s, "\t")):
			flushPara()
			// Only a table's first row can be its header: later rows of short
			// cells ("Starta språkcafé | Kultur- och fritidschef | 2022") are
			// data. A later row with one short cell labels a section.
			kind := KindTableRow
			if (rows == 0 && isHeaderRow(l.s)) || (rows > 0 && isLabelRow(l.s)) {
				kind = KindHeading
			}
			rows++
			s.emit(l.start, l.start+len(l.s), kind)
		case mayBeBullet(l.s) && bullet.MatchString(l.s) && !(mayBeSectionNumber(trimmed) && sectionNumber.MatchString(trimmed)):
			flushPara()
			kind := KindListItem
			if isTagLine(l.s) {
				kind = KindNavigation // "• Boende, trafik och miljö |": a news item's subject tag (navigation.go)
			}
			s.emit(l.start, l.start+len(l.s), kind)
		default:
			if len(para) > 0 && isHeadingLine(para[len(para)-1].s) && len(para) == 1 && startsUpper(trimmed) {
				// a heading line directly followed by text without a blank line
				flushPara()
			}
			para = append(para, l)
		}
	}
	flushPara()
}

// paragraph splits running text into sentences, headings first.
func (s *segmenter) paragraph(start, end int, single bool) {
	txt := s.text[start:end]
	if isTableOfContents(txt) || isFlatNavigation(txt) {
		s.emit(start, end, KindNavigation)
		return
	}
	if single && isHeadingLine(txt) && firstCredit(s.text, start, end) < 0 {
		s.emit(start, end, KindHeading)
		return
	}
	pos := start
	for pos < end {
		// A numbered heading inside running text ("... aktörer. 2.2.3 I
		// Alingsås finns ... boendemöjligheter Berörda nämnder ska ...").
		if mayBeSectionNumber(s.text[pos:end]) && sectionNumber.MatchString(s.text[pos:end]) {
			hEnd := inlineHeadingEnd(s.text, pos, end)
			s.emit(pos, hEnd, KindHeading)
			pos = skipSpace(s.text, hEnd, end)
			continue
		}
		next := sentenceEnd(s.text, pos, end)
		if c := firstCredit(s.text, pos, next); c == pos {
			// a credit runs to its line's end, or to a sentence end before it
			// ("Foto: Sterling NilssonPeter Carnello och Helena Öhlund. Foto: …")
			next = creditEnd(s.text, pos, end)
			s.emit(pos, next, KindCredit)
			pos = skipSpace(s.text, next, end)
			continue
		} else if c > pos {
			next = c // "Kommunhuset i Sölvesborgs kommun. Foto: Thomas Fredriksson"
		}
		s.emit(pos, next, KindSentence)
		pos = skipSpace(s.text, next, end)
	}
}

// firstCredit returns the offset of the first credit label in t[pos:end]
// (creditLabels followed by a colon) that starts a line, the span, or
// follows a sentence end ("... sitt levebröd. Foto: Mickan Palmqvist",
// "...Ungdomsförbundet.Foto: Mickan Palmqvist"), or -1. Labels are found
// from their colon, which is rare in running text.
func firstCredit(t string, pos, end int) int {
	for i := pos; i < end; {
		at := strings.IndexByte(t[i:end], ':')
		if at < 0 {
			return -1
		}
		colon := i + at
		i = colon + 1
		w := colon
		if w > pos && t[w-1] == ' ' {
			w-- // "Foto : privat"
		}
		ws := w
		for ws > pos {
			r, size := utf8.DecodeLastRuneInString(t[pos:ws])
			if !unicode.IsLetter(r) {
				break
			}
			ws -= size
		}
		if ws == w || w-ws > 12 || !creditLabels[strings.ToLower(t[ws:w])] {
			continue
		}
		if ws == pos || t[ws-1] == '\n' {
			return ws
		}
		b := ws
		if t[b-1] == ' ' {
			b--
		}
		if b > pos && (strings.IndexByte(".!?\"", t[b-1]) >= 0 || strings.HasSuffix(t[pos:b], "”")) {
			return ws
		}
	}
	return -1
}

// creditEnd returns where the credit that starts at pos ends: at the end
// of its line, or at a sentence end before it.
func creditEnd(t string, pos, end int) int {
	lineEnd := end
	if nl := strings.IndexByte(t[pos:end], '\n'); nl >= 0 {
		lineEnd = pos + nl
	}
	return sentenceEnd(t, pos, lineEnd)
}

// sentenceEnd returns the offset just after the sentence that starts at
// pos: after [.!?] (and closing quotes), before whitespace and a capital
// letter, digit or quote — unless the word before the period is an
// abbreviation or an initial. A section number after a sentence end also
// ends the sentence; a lone trailing number (a page number that PDF
// extraction left at the end of a paragraph) becomes a segment of its own,
// which emit drops for having no letter.
func sentenceEnd(t string, pos, end int) int {
	for i := pos; i < end; {
		// The marks are ASCII, which never occurs inside a multi-byte
		// UTF-8 sequence: a byte search finds them (decoding every rune
		// to look for them was most of this function's time).
		at := strings.IndexAny(t[i:end], ".!?:")
		if at < 0 {
			return end
		}
		i += at
		r := rune(t[i])
		j := i + 1
		for j < end && strings.ContainsRune("\"”’')", rune(t[j])) {
			j++
		}
		if j >= end {
			return end
		}
		if !isSpaceByte(t[j]) {
			i = j
			continue
		}
		k := skipSpace(t, j, end)
		if k >= end {
			return j
		}
		nr, _ := utf8.DecodeRuneInString(t[k:])
		if r == ':' {
			// a colon ends a segment only before a numbered heading
			if sectionNumber.MatchString(t[k:end]) && isSectionStart(t[k:end]) {
				return j
			}
			i = j
			continue
		}
		if r == '.' && isAbbreviation(t, pos, i) {
			i = j
			continue
		}
		if unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"”“'(–-•", nr) {
			return j
		}
		i = j
	}
	return end
}

// isSectionStart reports a section number followed by a heading: at least
// two levels ("2.2.3 I Alingsås ...") or a number and a capitalised word
// that is not a date or an amount.
func isSectionStart(s string) bool {
	m := sectionNumber.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	return strings.Contains(strings.TrimSuffix(m[1], "."), ".")
}

// inlineHeadingEnd finds where a numbered heading run into its paragraph
// ends: before the first capitalised word that follows at least two
// lower-case words ("2.2.3 I Alingsås finns det goda attraktiva
// boendemöjligheter | Berörda nämnder ..."), unless a preposition or
// conjunction introduces it ("2. Att bo i Sverige."), at a sentence end,
// or after at most 16 words.
func inlineHeadingEnd(t string, pos, end int) int {
	words := 0
	lowerRun := 0
	prev := "" // the word before, as written: a phrase continuer keeps the heading going
	i := pos
	for i < end {
		i = skipSpace(t, i, end)
		if i >= end {
			break
		}
		wStart := i
		for i < end && !isSpaceByte(t[i]) {
			i++
		}
		word := t[wStart:i]
		words++
		if words == 1 {
			continue // the number
		}
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) && (lowerRun >= 2 || (words > 2 && clauseStarters[word])) && !phraseContinuers[prev] {
			return wStart
		}
		prev = word
		if unicode.IsLower(r) {
			lowerRun++
		} else {
			lowerRun = 0
		}
		if strings.HasSuffix(word, ".") && !isAbbreviation(t, wStart, i-1) && words > 2 {
			return i
		}
		if words >= 16 {
			return i
		}
	}
	return end
}

// clauseStarters are capitalised words that begin a sentence rather than
// continue a heading ("1. Inledning | I överenskommelse med ...").
var clauseStarters = map[string]bool{
	"I": true, "Det": true, "Den": true, "De": true, "Dessa": true, "Denna": true, "Detta": true,
	"Vi": true, "Man": true, "Alla": true, "Som": true, "För": true, "Med": true, "Genom": true,
	"Att": true, "En": true, "Ett": true, "Här": true, "Nu": true, "Under": true, "Inom": true,
	"Kommunen": true, "Utifrån": true, "Enligt": true, "Syftet": true, "Målet": true, "När": true,
	"Om": true, "Eftersom": true, "Efter": true, "Sedan": true, "Till": true, "Av": true,
}

// isAbbreviation reports whether the period at dot ends an abbreviation
// (t.ex., bl.a., ca.) or a single-letter initial.
func isAbbreviation(t string, from, dot int) bool {
	j := dot
	for j > from {
		r, w := utf8.DecodeLastRuneInString(t[:j])
		if unicode.IsLetter(r) || r == '.' {
			j -= w
			continue
		}
		break
	}
	word := strings.ToLower(t[j:dot])
	if word == "" {
		return false
	}
	if abbreviations[word] {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		return true // an initial: "E. Broberg"
	}
	// "t ex" written with a space: the previous word was "t"
	if word == "ex" && j >= 2 && strings.EqualFold(t[j-2:j], "t ") {
		return true
	}
	return false
}

// isHeadingLine reports a short single line without final punctuation
// that starts with a capital letter or a section number: "Boende",
// "2.2.3 Arbete och sysselsättning", "Varför en strategi?".
func isHeadingLine(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || strings.ContainsAny(l, "\t") {
		return false
	}
	// the ends first: most lines end a sentence, and counting their
	// words and runes was most of this function's cost
	last, _ := utf8.DecodeLastRuneInString(l)
	if last == '.' || last == ',' || last == ';' {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(l); !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return !moreFields(l, 14) && utf8.RuneCountInString(l) <= 110
}

// isHeaderRow reports a table row that labels what follows rather than
// holding content: every cell short (six words or fewer) and none ending
// in a period ("Mål/delmål för område Boende | Problem/behov | Aktivitet").
func isHeaderRow(row string) bool {
	cells := 0
	for rest, more := row, true; more; { // the cells of strings.Split(row, "\t"), without the slice
		var c string
		c, rest, more = strings.Cut(rest, "\t")
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		cells++
		if moreFields(c, 6) || strings.HasSuffix(c, ".") {
			return false
		}
	}
	return cells >= 2
}

var tocWord = regexp.MustCompile(`^(?i)(innehåll|innehållsförteckning)\b`)
var tocNumber = regexp.MustCompile(`(^|\s)\d{1,2}(\.\d{1,2})+\.?\s+\p{Lu}`)

// isTableOfContents reports a paragraph that is a table of contents run
// into one line (as extraction from web pages and PDFs often leaves it):
// it starts with "Innehåll", or it holds five or more section numbers but
// fewer sentence ends than section numbers.
func isTableOfContents(p string) bool {
	p = strings.TrimSpace(p)
	if mayBeTocWord(p) && tocWord.MatchString(p) && moreFields(p, 3) {
		return true
	}
	if !hasSectionNumber(p) {
		return false
	}
	if countSectionDots(p) < 5 {
		return false // cheap bound: every section number has a digit-dot-digit
	}
	n := len(tocNumber.FindAllStringIndex(p, -1))
	return n >= 5 && strings.Count(p, ". ")+strings.Count(p, "? ") < n
}

// mayBeTocWord is a necessary condition of tocWord.MatchString(p): p
// begins with "i" or "I", the only runes that case-fold to "i"
// (TestMayBeTocWord). The expression ran on every paragraph.
func mayBeTocWord(p string) bool { return p != "" && (p[0] == 'i' || p[0] == 'I') }

// hasSectionNumber is a cheap necessary condition for tocNumber: a digit,
// a period and a digit.
func hasSectionNumber(p string) bool {
	for i := 1; i+1 < len(p); i++ {
		if p[i] == '.' && p[i-1] >= '0' && p[i-1] <= '9' && p[i+1] >= '0' && p[i+1] <= '9' {
			return true
		}
	}
	return false
}

// isLabelRow reports a table row whose only non-empty cell is its first,
// a short label without a final period ("Område: Boende"): a section
// heading inside a table.
func isLabelRow(row string) bool {
	// The other cells are blank when all that follows the first tab is
	// white space (a tab is white space too): no split into cells.
	first, rest, _ := strings.Cut(row, "\t")
	if strings.TrimSpace(rest) != "" {
		return false
	}
	first = strings.TrimSpace(first)
	return first != "" && !moreFields(first, 8) && !strings.HasSuffix(first, ".")
}

// markNavigation turns runs of six or more consecutive short one-line
// blocks (at most 20 words each, two thirds of them without a final
// period, no running text between them) into navigation: a table of
// contents, or a scraped page's list of other documents. Real headings
// are followed by text, so a run's last heading stays a heading.
func (s *segmenter) markNavigation() {
	const minBlocks = 6
	i := 0
	for i < len(s.out) {
		if !s.out[i].shortBlock || s.out[i].Kind == KindCredit {
			i++
			continue
		}
		j := i
		blocks, titles, last := 0, 0, -1
		// Credit segments neither make a run nor end one.
		for j < len(s.out) && (s.out[j].shortBlock || s.out[j].Kind == KindCredit) {
			if s.out[j].Kind == KindCredit {
				j++
				continue
			}
			if s.out[j].block != last {
				blocks++
				if s.out[j].titleBlock {
					titles++
				}
				last = s.out[j].block
			}
			j++
		}
		end := j
		// The run's last heading heads the text that follows, also when
		// navigation stands between them (a page's "Publicerad" label after
		// its headline: page-labels.txt).
		last = end - 1
		for last > i && (s.out[last].Kind == KindNavigation || s.out[last].Kind == KindCredit) {
			last--
		}
		if end < len(s.out) && s.out[last].Kind == KindHeading {
			end = last
		}
		if blocks >= minBlocks && 3*titles >= 2*blocks {
			for k := i; k < end; k++ {
				if s.out[k].Kind != KindCredit {
					s.out[k].Kind = KindNavigation
				}
			}
		}
		i = j
	}
}

// isClauseItem reports a block that is one list item whose text, the
// bullet aside, starts with a lower-case letter: a clause that goes on
// from the sentence leading into the list ("Integrationsuppdraget består
// i att; - medverka till ...", "- teckna överenskommelser med kommunerna
// om mottagande av nyanlända"). The title of a link or a contents entry
// starts with a capital; such an item is the text's own statement, not a
// title, so it does not make a run of short blocks navigation
// (markNavigation).
func isClauseItem(segs []Sentence, t string) bool {
	if len(segs) != 1 || segs[0].Kind != KindListItem {
		return false
	}
	loc := bullet.FindStringIndex(t)
	if loc == nil {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[loc[1]:])
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func skipSpace(t string, i, end int) int {
	for i < end && isSpaceByte(t[i]) {
		i++
	}
	return i
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// moreFields reports whether s has more than n words (as strings.Fields
// splits them). It stops counting at n+1: a block is often a whole
// paragraph on one line, and counting all its words to learn that it has
// more than 20 was a third of segmenting.
func moreFields(s string, n int) bool {
	k, in := 0, false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII from a table: a chain of six comparisons for every
			// byte of a block's text was a tenth of segmenting
			i++
			if asciiSpace[c] {
				in = false
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				in = false
				continue
			}
		}
		if !in {
			in = true
			if k++; k > n {
				return true
			}
		}
	}
	return false
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports: '\t', '\n',
// '\v', '\f', '\r' and ' '.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// joinFields is strings.Join(strings.Fields(s), " ") that returns s
// itself when it has nothing to collapse (most table cells), instead of
// allocating the fields and a copy.
func joinFields(s string) string {
	prevSpace := true             // a leading space must go too
	for i := 0; i < len(s); i++ { // ASCII first: most cells are
		c := s[i]
		if c >= utf8.RuneSelf {
			return joinFieldsRunes(s, prevSpace, i)
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		if sp && (prevSpace || c != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
	}
	if prevSpace && s != "" { // a trailing space
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// joinFieldsRunes is joinFields from byte i on, where s is no longer
// ASCII; prevSpace is whether s[i-1] was a space.
func joinFieldsRunes(s string, prevSpace bool, i int) string {
	for _, r := range s[i:] {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
	}
	if prevSpace && s != "" { // a trailing space
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// foldSpace collapses runs of spaces and newlines into one space; tabs
// (table cell separators) become " | " so a row reads as cells. Bytes
// that are not UTF-8 become U+FFFD, as ranging over the string makes
// them.
//
// The text before the first place that needs folding is copied as it
// stands, and the rest is folded a byte at a time for ASCII: a segment
// wrapped over lines needs folding from its first line end, and ranging
// over it rune by rune (unicode.IsSpace, WriteRune for each) was most of
// emitting a segment.
func foldSpace(s string) string {
	t := strings.TrimSpace(s)
	at, valid := foldsAt(t)
	if at < 0 {
		return strings.TrimSpace(strings.Trim(t, "| ")) // nothing to fold: no copy
	}
	switch {
	case !valid:
		at = 0 // the start holds a byte that is not UTF-8: folded too
	case at > 0 && t[at-1] == ' ':
		at-- // a single space, then a newline: one space for both
	}
	var b strings.Builder
	b.Grow(len(t) + 8) // a tab becomes " | ": a little more than t
	b.WriteString(t[:at])
	space := false
	for i := at; i < len(t); {
		if j := plainRun(t, i); j > i { // a word: copied whole
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(t[i:j])
			i = j
			continue
		}
		c := t[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '\t':
				b.WriteString(" | ")
				space = false
			case ' ', '\n', '\v', '\f', '\r':
				space = true
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r) // U+FFFD for a byte that is not UTF-8
	}
	return strings.TrimSpace(strings.Trim(b.String(), "| "))
}

// plainRun is the end of the run of bytes from i that foldSpace copies
// as they stand: ASCII above the space, and the valid two-byte runes
// U+00C0 to U+00FF (å, ä, ö, é; none of them a space).
func plainRun(t string, i int) int {
	for i < len(t) {
		c := t[i]
		if c > ' ' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(t) && t[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		break
	}
	return i
}

// needsFolding reports whether foldSpace would change s (already trimmed)
// beyond trimming: a tab, a space other than ' ', or two spaces in a row.
func needsFolding(s string) bool {
	at, _ := foldsAt(s)
	return at >= 0
}

// foldsAt is the byte offset in s (already trimmed) of the first thing
// foldSpace changes beyond trimming (a tab, a space other than ' ', the
// second of two spaces in a row), or -1 when there is none; valid
// reports whether s before it is UTF-8 (else folding turns a byte there
// into U+FFFD, and the start cannot be copied as it stands).
func foldsAt(s string) (at int, valid bool) {
	valid = true
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf { // most bytes: ASCII letters, digits, punctuation
			prevSpace = false
			i++
			continue
		}
		if c < utf8.RuneSelf { // ASCII: no decoding, no Unicode tables
			switch c {
			case ' ':
				if prevSpace {
					return i, valid
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return i, valid
			default:
				prevSpace = false
			}
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+00C0 to U+00FF (å, ä, ö, é, ü, ×, ÷): valid, and no
			// space (Latin-1's are U+0085 and U+00A0, led by 0xC2)
			prevSpace = false
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i, valid
		}
		if r == utf8.RuneError && size == 1 {
			valid = false
		}
		prevSpace = false
		i += size
	}
	return -1, valid
}

// countSectionDots counts digit-dot-digit sequences ("2.2"), an upper bound
// on the section numbers tocNumber can find.
func countSectionDots(p string) int {
	n := 0
	for i := 1; i+1 < len(p); i++ {
		if p[i] == '.' && p[i-1] >= '0' && p[i-1] <= '9' && p[i+1] >= '0' && p[i+1] <= '9' {
			n++
		}
	}
	return n
}
