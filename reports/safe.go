package reports

import (
	"strings"
	"unicode/utf8"
)

// Output safety for the two formats a reader opens in something that
// executes markup: spreadsheets (CSV files) and Markdown viewers
// (summary.md, benchmark-CODE.md). report.html has its own (WriteHTML);
// coverage.xlsx needs none, as every text cell is an inline string,
// which a spreadsheet never evaluates as a formula.

// formulaLead reports whether c makes a spreadsheet read a cell as a
// formula (or, for tab and carriage return, hides one behind blank
// space): the characters OWASP lists for CSV injection.
func formulaLead(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// CSVSafe neutralises a CSV cell a spreadsheet would execute, as OWASP
// recommends: a text cell that starts with =, +, -, @, a tab or a
// carriage return, after any apostrophes, gets one more apostrophe in
// front. Numbers ("-1", "+0.5", "-2e3") are left as they are, so a
// negative number stays a number. Cells that already start with
// apostrophes before such a character get one too, which makes the
// change reversible: UndoCSVSafe drops one leading apostrophe from any
// cell matching ^'+[=+\-@\t\r], and gives back the original text.
func CSVSafe(s string) string {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i == len(s) || !formulaLead(s[i]) || (i == 0 && isDecimal(s)) {
		return s
	}
	return "'" + s
}

// UndoCSVSafe reverses CSVSafe (what README gives researchers as a
// pandas one-liner).
func UndoCSVSafe(s string) string {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i > 0 && i < len(s) && formulaLead(s[i]) {
		return s[1:]
	}
	return s
}

// isDecimal reports whether s is a plain decimal number: an optional
// sign, digits with an optional fraction, an optional exponent. Only
// these are left as they are; strconv.ParseFloat would also accept
// "-Inf", "+NaN" and hex floats, which a spreadsheet takes as text
// anyway, and a cell like "-0x1p3" is nobody's number.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// mdSpecial are the ASCII characters mdEscape puts a backslash before:
// everything that opens inline Markdown (emphasis, code, links and
// images, raw HTML, entities, strikethrough, GitHub's math and table
// pipes) and
// the ":" and "@" that GitHub-flavoured Markdown's extended autolinks
// (http://…, mailto:…, user@host) need. CommonMark renders a backslash
// before any ASCII punctuation as that character alone. Parentheses are
// left alone: a link or image needs "]" before its "(", and "]" is
// escaped, so "(unknown)" stays readable.
const mdSpecial = "\\`*_[]<>!|~&$:@"

// mdEscape makes s plain text in a Markdown table cell or heading:
// every character of mdSpecial escaped, the "." of "www." escaped (an
// extended autolink needs neither scheme nor ":"), line breaks and tabs
// as spaces (a line break would end the table row) and NUL as U+FFFD.
// Text from documents and file names reaches summary.md only through
// it: a file named "![img](http:evil.example).txt" shows as that name.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f':
			b.WriteByte(' ')
		case c == 0:
			b.WriteRune(utf8.RuneError)
		case strings.IndexByte(mdSpecial, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString(`\.`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
