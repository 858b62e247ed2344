package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The checks below hold the shortcuts taken for speed to the rules they
// stand in for: each shortcut must give what the plain rule gives.

// isFlatContentsSplit is isFlatContents as first written, splitting the
// whole paragraph before reading it: the rule the lazy reading must keep.
func isFlatContentsSplit(p string) bool {
	fields := strings.Fields(p)
	if len(fields) < 2*minContentsEntries {
		return false
	}
	entries, words, last := 0, 0, -1
	for _, f := range fields {
		n, ok := pageNumber(f)
		if !ok {
			if words == 0 && !startsUpperOrDigit(f) {
				return false
			}
			if strings.HasSuffix(f, ".") && words > 0 {
				return false
			}
			words++
			if words > 6 {
				return false
			}
			continue
		}
		if words == 0 {
			return false
		}
		if n < last {
			return false
		}
		entries, words, last = entries+1, 0, n
	}
	return entries >= minContentsEntries && words <= 6
}

// speedCases are the bundled corpus's lines and paragraphs, and random
// strings of contents-like pieces (titles, page numbers, separators).
func speedCases(t *testing.T) []string {
	t.Helper()
	var cases []string
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus texts: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, strings.Split(string(b), "\n")...)
		cases = append(cases, strings.Split(string(b), "\n\n")...)
	}
	pieces := []string{"Inledning", "inledning", "Mål och syfte", "3", "4", "12", "1234", "2.", "Arbete.", " ", "  ", "\t", "\u00a0",
		"Start", "›", ">", "»", "/", "Du är här:", "du är här", "Startsida /", "Hem /", "Omsorg", "Ny i Sverige", "är", "KOMMUN", "Kommunen"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		cases = append(cases, b.String())
	}
	return cases
}

// TestIsFlatContentsLazy: reading a paragraph's fields one at a time
// decides as splitting it first did, and some of the cases are contents
// lists (the comparison is not all "no").
func TestIsFlatContentsLazy(t *testing.T) {
	yes := 0
	for _, s := range speedCases(t) {
		want := isFlatContentsSplit(s)
		if got := isFlatContents(s); got != want {
			t.Fatalf("isFlatContents(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 {
		t.Fatal("no case is a contents list: the comparison tests nothing")
	}
}

// isBreadcrumbPlain is isBreadcrumb as first written, lower-casing and
// splitting every short line: the rule the separator shortcut must keep.
func isBreadcrumbPlain(p string) bool {
	if p == "" || moreFields(p, maxBreadcrumbWords) {
		return false
	}
	lower := strings.ToLower(p)
	seps := ">›»"
	if strings.HasPrefix(lower, "du är här") || strings.HasPrefix(lower, "start/") || strings.HasPrefix(lower, "start /") ||
		strings.HasPrefix(lower, "startsida/") || strings.HasPrefix(lower, "startsida /") || strings.HasPrefix(lower, "hem /") {
		seps += "/"
	}
	pieces := strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(pieces) < 3 {
		return false
	}
	for _, pc := range pieces {
		pc = strings.TrimSpace(pc)
		if pc == "" || moreFields(pc, 6) || strings.HasSuffix(pc, ".") || strings.HasSuffix(pc, "?") {
			return false
		}
	}
	return true
}

// TestBreadcrumbShortcut: saying no to a line without separators before
// lower-casing it decides as the plain rule does, and some cases are
// trails.
func TestBreadcrumbShortcut(t *testing.T) {
	yes := 0
	for _, s := range speedCases(t) {
		p := strings.TrimSpace(s)
		want := isBreadcrumbPlain(p)
		if got := isBreadcrumb(p); got != want {
			t.Fatalf("isBreadcrumb(%q) = %v, want %v", p, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 {
		t.Fatal("no case is a breadcrumb trail: the comparison tests nothing")
	}
}

// TestMayBeVoice: every own- and other-voice word, as written in any
// case, passes the first-byte filter, and the filter turns away a word
// only when no list word starts with its lower-cased first byte.
func TestMayBeVoice(t *testing.T) {
	l := embeddedLists
	for _, m := range []map[string]bool{l.ownVoice, l.otherVoice} {
		for w := range m {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if !l.mayBeVoice(v[0]) {
					t.Errorf("mayBeVoice(%q) = false for the list word %q", v[0], w)
				}
			}
		}
	}
	rejected := 0
	for c := range utf8.RuneSelf {
		if l.mayBeVoice(byte(c)) {
			continue
		}
		rejected++
		lc := strings.ToLower(string(rune(c)))
		for _, m := range []map[string]bool{l.ownVoice, l.otherVoice} {
			for w := range m {
				if strings.HasPrefix(w, lc) {
					t.Errorf("mayBeVoice(%q) = false, but %q starts with it", rune(c), w)
				}
			}
		}
	}
	if rejected == 0 {
		t.Error("the filter turns nothing away")
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		if !l.mayBeVoice(byte(c)) {
			t.Errorf("mayBeVoice(%#x) = false for a non-ASCII byte", c)
		}
	}
}

// TestIsMetaLine: the first-byte filter in front of metaLineRe decides as
// the expression does, on the corpus's lines, random lines and every
// field word in several cases, and turns some lines away before it.
func TestIsMetaLine(t *testing.T) {
	cases := speedCases(t)
	for _, w := range []string{"diarienummer", "dnr", "ärende", "beteckning", "dokumenttyp", "fastställd", "antagen", "beslutad",
		"godkänd", "gäller", "giltig", "version", "datum", "sida", "page", "transkript", "reviderad", "upprättad", "senast"} {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], "ſ" + w[1:]} {
			cases = append(cases, v, v+": 2020", " "+v, v+"x")
		}
	}
	cases = append(cases, "12", "12 (3)", "2020-01-01", " 3 ", ".", "/", "-", "\t1", "a", "", "Kommun", "1a")
	filtered := 0
	for _, s := range cases {
		want := metaLineRe.MatchString(s)
		if got := isMetaLine(s); got != want {
			t.Fatalf("isMetaLine(%q) = %v, metaLineRe says %v", s, got, want)
		}
		if s != "" && s[0] < utf8.RuneSelf && !metaFirst[s[0]] {
			filtered++
		}
	}
	if filtered == 0 {
		t.Fatal("the filter turned no line away")
	}
}

// TestMayBeBullet: the first-byte filters in front of bullet and
// sectionNumber never turn away a line the expressions match, on the
// corpus's lines, random lines and every bullet form, and turn some away.
func TestMayBeBullet(t *testing.T) {
	cases := speedCases(t)
	for _, b := range []string{"-", "–", "—", "•", "·", "*", "▪", "◦", "o", "1.", "12)", "(3)", "a.", "(b)", "å)", "ö."} {
		for _, pre := range []string{"", " ", "\t", "  \f", "\r"} {
			cases = append(cases, pre+b+" Text", pre+b+"\tx", pre+b+"x", pre+b)
		}
	}
	cases = append(cases, "2.2.3 Bostad", "3. Mål", "12 Arbete", "1", "", " ", "\v- x", "\u00a0- x", "A. Mål", "Ö) x")
	filtered := 0
	for _, s := range cases {
		if bullet.MatchString(s) && !mayBeBullet(s) {
			t.Fatalf("mayBeBullet(%q) = false, but bullet matches", s)
		}
		if sectionNumber.MatchString(s) && !mayBeSectionNumber(s) {
			t.Fatalf("mayBeSectionNumber(%q) = false, but sectionNumber matches", s)
		}
		if !mayBeBullet(s) {
			filtered++
		}
	}
	if filtered == 0 {
		t.Fatal("the filter turned no line away")
	}
}

// sentenceEndRunes is sentenceEnd as first written, decoding every rune
// to find the marks: the rule the byte search must keep.
func sentenceEndRunes(t string, pos, end int) int {
	for i := pos; i < end; {
		r, w := utf8.DecodeRuneInString(t[i:])
		if r != '.' && r != '!' && r != '?' && r != ':' {
			i += w
			continue
		}
		j := i + w
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

// TestSentenceEndBytes: sentenceEnd finds the end the rune-by-rune rule
// finds, from every start, on the corpus's paragraphs and random text of
// sentence pieces (abbreviations, quotes, colons before section numbers,
// non-ASCII letters and marks).
func TestSentenceEndBytes(t *testing.T) {
	cases := speedCases(t)
	pieces := []string{"Målet är nått.", "t.ex.", "bl.a.", "ca.", "A.", "Ö.", "”Citat.”", "'x.'", "(se nedan).", "Fråga?", "Ja!", ":", "2.2.3 Bostad",
		"Åtgärd:", " ", "  ", "\n", "\t", "…", "–", "é.", "1.", "3", "Kommunen", "skola", "\u00a0", "\"", ")"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		cases = append(cases, b.String())
	}
	ends := 0
	for _, s := range cases {
		for pos := 0; pos < len(s); pos += 1 + len(s)/8 {
			want := sentenceEndRunes(s, pos, len(s))
			if got := sentenceEnd(s, pos, len(s)); got != want {
				t.Fatalf("sentenceEnd(%q, %d) = %d, want %d", s, pos, got, want)
			}
			if want < len(s) {
				ends++
			}
		}
	}
	if ends == 0 {
		t.Fatal("no case ends a sentence before its end: the comparison tests nothing")
	}
}

// roleCellsMap is roleCells as first written, counting every cell's
// tokens in a map: the rule the run-by-run count must keep.
func roleCellsMap(m *Matcher, toks []Token) map[int]bool {
	if len(toks) == 0 || toks[len(toks)-1].Cell == 0 || len(m.roles) == 0 {
		return nil
	}
	type stat struct{ n, role int }
	cells := map[int]*stat{}
	for k := range toks {
		s := cells[toks[k].Cell]
		if s == nil {
			s = &stat{}
			cells[toks[k].Cell] = s
		}
		s.n++
		if m.isRoleToken(&toks[k]) {
			s.role++
		}
	}
	out := map[int]bool{}
	for c, s := range cells {
		if c > 0 && s.role > 0 && s.n <= 14 {
			out[c] = true
		}
	}
	return out
}

// TestRoleCellsRuns: counting each cell as one run of tokens marks the
// cells the map of counts marked, on the corpus's lines, table rows of
// roles and topics, and random rows; and some rows have a role cell.
func TestRoleCellsRuns(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	cases := speedCases(t)
	cells := []string{"Starta språkcafé", "Kultur- och fritidschef", "2022", "Enhetschef", "socialsekreterare", "Bostad åt alla nyanlända",
		"", " ", "Arbetsmarknadsenheten", "löpande", "rektor och lärare", "ett mycket långt cell med många ord som inte är en roll alls men chef"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		row := make([]string, 1+rng.IntN(5))
		for i := range row {
			row[i] = cells[rng.IntN(len(cells))]
		}
		sep := "\t"
		if rng.IntN(2) == 0 {
			sep = " | "
		}
		cases = append(cases, strings.Join(row, sep))
	}
	marked := 0
	for _, s := range cases {
		toks := m.Tokenize(s, 0)
		want := roleCellsMap(m, toks)
		got := m.roleCells(toks)
		if len(got) != len(want) {
			t.Fatalf("roleCells(%q) = %v, want %v", s, got, want)
		}
		for c := range want {
			if !got[c] {
				t.Fatalf("roleCells(%q) = %v, want %v", s, got, want)
			}
		}
		marked += len(want)
	}
	if marked == 0 {
		t.Fatal("no cell is a role cell: the comparison tests nothing")
	}
}
