package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
