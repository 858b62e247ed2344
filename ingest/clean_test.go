package ingest

import (
	"strings"
	"testing"
)

// TestNeedsRuneCleaning: the byte-level check agrees with strings.Map on
// every ASCII byte, the Unicode spaces and controls, and bad UTF-8.
func TestNeedsRuneCleaning(t *testing.T) {
	cases := []string{"", "plain text, åäö 2024\tcell\nline", "\u00a0", "\u2003", "\u0085", "\ufffe", "\ufffd", "\xff", "a\xc3", "😀"}
	for c := 0; c < 0x80; c++ {
		cases = append(cases, "x"+string(rune(c))+"y")
	}
	for _, s := range cases {
		want := strings.Map(cleanRune, s) != s
		if got := needsRuneCleaning(s); got != want {
			t.Errorf("needsRuneCleaning(%q) = %v, want %v", s, got, want)
		}
	}
}
