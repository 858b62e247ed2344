package ingest

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// DecodeText decodes plain text to UTF-8. It recognises UTF-8 (with or
// without BOM) and UTF-16 (with BOM, or without one when the zero bytes
// give it away); anything else is decoded as the legacy 8-bit code page
// that makes the most sense of it: Windows-1252 (the superset of the
// ISO-8859-1 Swedish files usually come in), DOS code page 850 or Mac
// Roman, chosen by scoring the letters each one yields.
func DecodeText(data []byte) (string, error) {
	return decodeText(data, nil)
}

// decodeText is DecodeText for one file's parse: with a budget, the
// decoded text counts against the text limit (checked before each copy is
// made, so a 200 MB line fails before it is decoded) and the deadline is
// checked as it decodes. A nil budget bounds nothing.
func decodeText(data []byte, b *budget) (string, error) {
	if err := b.checkOf(); err != nil {
		return "", err
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		if err := b.addTextOf(len(data) - 3); err != nil {
			return "", err
		}
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false, b)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true, b)
	}
	if be, ok := sniffUTF16(data); ok {
		return decodeUTF16(data, be, b)
	}
	// UTF-8 is as long as the bytes; a legacy code page is at least as
	// long (each byte is one rune of one to three bytes).
	if err := b.addTextOf(len(data)); err != nil {
		return "", err
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	return decodeLegacy(data, b)
}

// addTextOf is addText for a budget that may be nil.
func (b *budget) addTextOf(n int) error {
	if b == nil {
		return nil
	}
	return b.addText(int64(n))
}

// checkOf is check for a budget that may be nil.
func (b *budget) checkOf() error {
	if b == nil {
		return nil
	}
	return b.check()
}

// utf16Chunk is how many code units decodeUTF16 decodes between checks
// of the deadline and the text limit.
const utf16Chunk = 1 << 16

func decodeUTF16(data []byte, bigEndian bool, b *budget) (string, error) {
	// Each code unit decodes to at least one byte of UTF-8: a file with
	// more units than the limit fails before anything is decoded.
	if units := int64(len(data) / 2); b != nil && units > b.maxText-b.text {
		return "", b.addText(units)
	}
	var out strings.Builder
	u := make([]uint16, 0, min(len(data)/2, utf16Chunk))
	var buf []byte
	for i := 0; i+1 < len(data); {
		if err := b.checkOf(); err != nil {
			return "", err
		}
		u = u[:0]
		for ; i+1 < len(data) && len(u) < utf16Chunk; i += 2 {
			if bigEndian {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		// a surrogate pair split by the chunk end: keep its first half
		// for the next chunk
		if n := len(u); n > 0 && i+1 < len(data) && utf16.IsSurrogate(rune(u[n-1])) && u[n-1] < 0xDC00 {
			u = u[:n-1]
			i -= 2
		}
		buf = buf[:0]
		for _, r := range utf16.Decode(u) {
			buf = utf8.AppendRune(buf, r)
		}
		if err := b.addTextOf(len(buf)); err != nil {
			return "", err
		}
		out.Write(buf)
	}
	return out.String(), nil
}

// sniffUTF16 recognises BOM-less UTF-16 of mostly Latin text: one byte of
// nearly every pair is zero.
func sniffUTF16(b []byte) (bigEndian, ok bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return false, false
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenZero++
		}
		if b[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*7 && evenZero*10 < pairs:
		return false, true
	case evenZero*10 >= pairs*7 && oddZero*10 < pairs:
		return true, true
	}
	return false, false
}

var legacyCharsets = []struct {
	name string
	enc  encoding.Encoding
}{
	{"windows-1252", charmap.Windows1252},
	{"cp850", charmap.CodePage850},
	{"macintosh", charmap.Macintosh},
}

// decodeLegacy picks the 8-bit code page under which the text reads most
// like Swedish (or any Latin-script language): letters score, control
// characters, box drawing and undefined bytes cost.
func decodeLegacy(data []byte, b *budget) (string, error) {
	best, bestScore := "", 0
	for i, cs := range legacyCharsets {
		if err := b.checkOf(); err != nil {
			return "", err
		}
		out, err := cs.enc.NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		s := string(out)
		score := 0
		runes := 0
		for _, r := range s {
			if runes++; runes&0xFFF == 0 {
				if err := b.checkOf(); err != nil {
					return "", err
				}
			}
			if r < 0x80 {
				continue
			}
			switch {
			case strings.ContainsRune("åäöÅÄÖéÉüÜæøÆØ", r):
				score += 3
			case unicode.IsLetter(r):
				score++
			case r == '\uFFFD' || unicode.IsControl(r):
				score -= 5
			case r >= 0x2500 && r <= 0x259F: // box drawing, blocks
				score -= 3
			case unicode.IsPunct(r) || r == '€' || r == '§' || r == '°':
			default:
				score--
			}
		}
		if i == 0 || score > bestScore {
			best, bestScore = s, score
		}
	}
	// the bytes were counted; count what the code page made longer
	if err := b.addTextOf(len(best) - len(data)); err != nil {
		return "", err
	}
	return best, nil
}

// CleanText normalises one page of text: line ends to LF, Unicode NFC,
// ligatures and soft hyphens resolved, odd spaces made plain, control
// characters dropped, runs of spaces collapsed, words hyphenated at a line
// end joined (while coordinated compounds such as "asyl- och
// flyktingmottagandet" stay as written) and at most one blank line kept
// between paragraphs. TABs (table cells) are kept.
func CleanText(s string) string {
	if !isPlainText(s) { // most pages: none of the four steps changes them
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		if needsReplacing(s) {
			s = cleanReplacer.Replace(s)
		}
		if !isNFCQuick(s) {
			s = norm.NFC.String(s)
		}
		if needsRuneCleaning(s) {
			s = strings.Map(cleanRune, s)
		}
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if spacesToClean(l) { // most lines are left as they are
			lines[i] = cleanSpaces(l)
		}
	}
	lines = dehyphenate(lines)
	var b strings.Builder
	b.Grow(len(s)) // the lines never get longer: one allocation, not a doubling series
	blank := 0
	for _, l := range lines {
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

// cleanSpaces trims a line's spaces, collapses runs of them and drops
// those next to a TAB.
func cleanSpaces(l string) string {
	l = strings.TrimRight(l, " ")
	l = strings.TrimLeft(l, " ")
	if strings.Contains(l, "  ") {
		l = collapseSpaces(l)
	}
	l = strings.ReplaceAll(l, " \t", "\t")
	return strings.ReplaceAll(l, "\t ", "\t")
}

// spacesToClean reports whether cleanSpaces would change l: a space at
// its start or end, or two of space and TAB side by side other than two
// TABs (a run of spaces, " \t", "\t "). One pass over the line instead
// of cleanSpaces' five, over every other byte (TestSpacesToClean).
func spacesToClean(l string) bool {
	if l == "" {
		return false
	}
	if l[0] == ' ' || l[len(l)-1] == ' ' {
		return true
	}
	// Both bytes of such a pair are space or TAB, and one of them is at
	// an odd offset: only those are looked at, each with the byte before
	// and the byte after it.
	for i := 1; i < len(l); i += 2 {
		c := l[i]
		if c != ' ' && c != '\t' {
			continue
		}
		if p := l[i-1]; p == ' ' || (p == '\t' && c == ' ') {
			return true
		}
		if i+1 < len(l) {
			if n := l[i+1]; n == ' ' || (n == '\t' && c == ' ') {
				return true
			}
		}
	}
	return false
}

// nfcStableLimit bounds the runes nfcStable describes: Latin-1, the Latin
// extensions, the combining marks (not stable) and general punctuation
// (dashes, quotes, bullets), what Swedish text is made of.
const nfcStableLimit = 0x2100

// nfcStable marks the runes below nfcStableLimit that are in NFC by
// themselves (quick check Yes), have combining class 0 and combine with
// nothing before them: a string of only such runes is in NFC, whatever
// their order.
var nfcStable = sync.OnceValue(func() *[nfcStableLimit / 64]uint64 {
	var t [nfcStableLimit / 64]uint64
	for r := rune(0); r < nfcStableLimit; r++ {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if utf8.ValidRune(r) && p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return &t
})

// isNFCQuick reports a string that is in NFC because each of its runes
// is stable (nfcStable); false says nothing. norm.NFC.String's own
// check looks every rune up in the normalisation tables, ASCII too, and
// was about half of cleaning a text.
func isNFCQuick(s string) bool {
	t := nfcStable()
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inRuneTable(t, r) {
			return false // an invalid byte decodes as U+FFFD: not in the table
		}
		i += size
	}
	return true
}

// cleanRune drops control characters (TAB and LF aside) and makes every
// other kind of space a plain one.
func cleanRune(r rune) rune {
	if r == '\t' || r == '\n' {
		return r
	}
	if unicode.IsControl(r) || r == '\uFFFE' {
		return -1
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// plainRunes marks the runes below nfcStableLimit that none of
// CleanText's rune steps changes: stable in NFC (nfcStable), no key of
// cleanReplacer (needsReplacing), kept by cleanRune (needsRuneCleaning),
// and not CR. ASCII control characters other than TAB and LF are not
// marked.
var plainRunes = sync.OnceValue(func() *[nfcStableLimit / 64]uint64 {
	t := *nfcStable()
	for r := rune(0); r < nfcStableLimit; r++ {
		s := string(r)
		if r == '\r' || needsReplacing(s) || needsRuneCleaning(s) {
			t[r/64] &^= 1 << (r % 64)
		}
	}
	return &t
})

// inRuneTable reports whether r is marked in t, a bit per rune below
// nfcStableLimit (nfcStable, plainRunes).
func inRuneTable(t *[nfcStableLimit / 64]uint64, r rune) bool {
	return r < nfcStableLimit && t[r/64]&(1<<(r%64)) != 0
}

// isPlainText reports a string that the first steps of CleanText (line
// ends, cleanReplacer, NFC, cleanRune) leave as it is: each rune is in
// plainRunes. It is the four checks in one pass, decoding each non-ASCII
// rune once instead of three times; false says nothing (CleanText then
// takes the steps one by one as before).
func isPlainText(s string) bool {
	t := plainRunes()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if t[c>>6]&(1<<(c&63)) == 0 {
				return false
			}
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+00C0 to U+00FF (å, ä, ö, é) without decoding: the
			// table's fourth word
			if t[3]&(1<<(s[i+1]&63)) == 0 {
				return false
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inRuneTable(t, r) {
			return false // an invalid byte decodes as U+FFFD: not in the table
		}
		i += size
	}
	return true
}

// needsRuneCleaning reports whether cleanRune changes any rune of s. It
// looks at bytes, decoding only non-ASCII runes: most text is letters,
// digits and plain spaces, and strings.Map decoded every rune of every
// page (the largest cost of ingesting a text file).
func needsRuneCleaning(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if cleanRune(r) != r || (r == utf8.RuneError && size == 1) { // strings.Map would write U+FFFD for the bad byte
			return true
		}
		i += size
	}
	return false
}

var cleanReplacer = strings.NewReplacer(cleanPairs...)

// cleanPairs are cleanReplacer's old, new pairs.
var cleanPairs = []string{
	"\u00ad\n", "", "\u00ad", "", // soft hyphen: invisible unless at a break
	"ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st",
	"\u00a0", " ", "\u202f", " ", "\u2007", " ",
	"\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "",
	"\u2028", "\n", "\u2029", "\n\n", "\f", "\n\n",
	"\u2010", "-", "\u2011", "-", // hyphen, non-breaking hyphen
}

// needsReplacing reports whether s holds any rune cleanReplacer replaces
// (every key starts with one of them). Replace copies the string even when
// it replaces nothing, which most pages need not.
func needsReplacing(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\f' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u00ad', 'ﬁ', 'ﬂ', 'ﬀ', 'ﬃ', 'ﬄ', 'ﬅ', 'ﬆ', '\u00a0', '\u202f', '\u2007', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff',
			'\u2028', '\u2029', '\u2010', '\u2011':
			return true
		}
		i += size
	}
	return false
}

// coordinators are the words after which a hyphen at a line end marks a
// coordinated compound ("asyl- och flyktingmottagandet"), not a break.
var coordinators = map[string]bool{
	"och": true, "eller": true, "samt": true, "respektive": true, "resp": true,
	"resp.": true, "till": true, "som": true, "men": true, "liksom": true,
	"and": true, "or": true, "&": true, "o": true, "el.": true,
}

// dehyphenate joins words broken at line ends ("integrations-" +
// "arbetet"). The rest of the next line stays on its own line. It runs in
// linear time: a chain of joins stops once the joined word is implausibly
// long.
func dehyphenate(lines []string) []string {
	out := lines[:0:0]
	for _, cur := range lines {
		if n := len(out); n > 0 && cur != "" && breakable(out[n-1]) && !strings.ContainsRune(cur, '\t') {
			if joined, rest, ok := joinHyphen(out[n-1], cur); ok {
				out[n-1] = joined
				if rest == "" {
					continue
				}
				cur = rest
			}
		}
		out = append(out, cur)
	}
	return out
}

// breakable reports a line that ends in a hyphen or slash after a word of
// plausible length, outside a table row.
func breakable(a string) bool {
	if len(a) < 3 || !(strings.HasSuffix(a, "-") || strings.HasSuffix(a, "/")) || strings.ContainsRune(a, '\t') { // the cheap test first
		return false
	}
	return len(a)-strings.LastIndexByte(a, ' ') < 100
}

// joinHyphen joins a line ending in a hyphen with the first word of the
// next line when the hyphen breaks a word. It returns the joined line and
// what remains of the next line.
func joinHyphen(a, b string) (joined, rest string, ok bool) {
	before, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
	if !unicode.IsLetter(before) && !unicode.IsDigit(before) {
		return "", "", false // "- " list marker, "--"
	}
	first, _ := utf8.DecodeRuneInString(b)
	word, tail, _ := strings.Cut(b, " ")
	if strings.HasSuffix(a, "/") { // "Uppföljning/" + "resultat": a break after a slash
		if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
			return "", "", false
		}
		return a + word, tail, true
	}
	if unicode.IsDigit(first) { // "KS-" + "2013/1073", "covid-" + "19"
		return a + word, tail, true
	}
	if !unicode.IsLower(first) {
		return "", "", false // "Sverige- Norge", a new sentence or list item
	}
	if coordinators[strings.ToLower(strings.TrimRight(word, ",;:"))] {
		return "", "", false
	}
	if unicode.IsUpper(before) || unicode.IsDigit(before) {
		// "SFI-" + "undervisning", "2017-" + "talet": the hyphen is part of the word.
		return a + word, tail, true
	}
	return a[:len(a)-1] + word, tail, true
}

// joinCellLines joins the lines of one table cell with spaces, mending
// words broken at a line end.
func joinCellLines(parts []string) string {
	var acc []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if n := len(acc); n > 0 && breakable(acc[n-1]) {
			if j, rest, ok := joinHyphen(acc[n-1], p); ok {
				acc[n-1] = j
				if rest != "" {
					acc = append(acc, rest)
				}
				continue
			}
		}
		acc = append(acc, p)
	}
	return strings.Join(acc, " ")
}

// collapseSpaces replaces each run of two or more spaces in l by one
// (what regexp `  +`'s ReplaceAllString(l, " ") did, without compiling a
// regexp on a PDF's path; hasPDFHeader says why).
func collapseSpaces(l string) string {
	var b strings.Builder
	b.Grow(len(l))
	for i := 0; i < len(l); i++ {
		b.WriteByte(l[i])
		if l[i] == ' ' {
			for i+1 < len(l) && l[i+1] == ' ' {
				i++
			}
		}
	}
	return b.String()
}
