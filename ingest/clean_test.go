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

// TestLinesReadable: linesReadable of pages of lines is readable of the
// lines joined with a newline after each (what ocrWanted built before),
// and true for no lines.
func TestLinesReadable(t *testing.T) {
	cases := [][][]string{
		nil,
		{{}},
		{{""}},
		{{"Integrationsplan för Ale kommun"}, {"Sida 2"}},
		{{"\uE001\uE002\uE003", "ab"}},
		{{"\uE001\uE002\uE003\uE004", "", "a"}, {""}},
		{{"\uFFFD", "\x01\x02"}, {"abc"}},
		{{"\uE001", ""}, {"", ""}},
	}
	for _, pages := range cases {
		var joined strings.Builder
		for _, ls := range pages {
			for _, l := range ls {
				joined.WriteString(l + "\n")
			}
		}
		want := joined.Len() == 0 || readable(joined.String())
		if got := linesReadable(pages); got != want {
			t.Errorf("linesReadable(%q) = %v, want %v", pages, got, want)
		}
	}
}
