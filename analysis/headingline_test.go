package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refIsHeadingLine is isHeadingLine before it looked at the line's ends
// first.
func refIsHeadingLine(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || strings.ContainsAny(l, "\t") {
		return false
	}
	if moreFields(l, 14) || utf8.RuneCountInString(l) > 110 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	if last == '.' || last == ',' || last == ';' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// TestIsHeadingLineOrder: isHeadingLine answers as before on every line
// and block of the bundled corpus and 20,000 random lines of words,
// capitals, digits, stops, tabs, spaces and cut runes around its limits
// of 14 words and 110 runes; both answers occur.
func TestIsHeadingLineOrder(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		lines = append(lines, strings.Split(string(data), "\n\n")...)
	}
	pieces := []string{"Mål", "och", "1.", "2", "Öppna", "ä", " ", "  ", "\t", ".", ",", ";", ":", "\xc3", "É", "ordentligt långt ord", "x", "\u00a0"}
	lines = append(lines, randomJoins(pieces, 35, 40)...)
	yes, no := 0, 0
	for _, l := range lines {
		want := refIsHeadingLine(l)
		if got := isHeadingLine(l); got != want {
			t.Fatalf("isHeadingLine(%q) = %v, want %v", l, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes < 100 || no < 100 {
		t.Fatalf("%d heading lines, %d others: want many of both", yes, no)
	}
}
