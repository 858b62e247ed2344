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

// TestNeedsReplacing: every key of cleanReplacer trips needsReplacing,
// and text without them is left as it is.
func TestNeedsReplacing(t *testing.T) {
	for i := 0; i < len(cleanPairs); i += 2 {
		k := cleanPairs[i]
		if !needsReplacing("x" + k + "y") {
			t.Errorf("needsReplacing misses %q", k)
		}
		if cleanReplacer.Replace("x"+k+"y") == "x"+k+"y" {
			t.Errorf("%q is not a key of cleanReplacer", k)
		}
	}
	plain := "Integrationsplan för Åre kommun – 2024\tcell\nrad"
	if needsReplacing(plain) || cleanReplacer.Replace(plain) != plain {
		t.Error("plain Swedish text flagged")
	}
}
