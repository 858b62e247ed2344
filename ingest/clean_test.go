package ingest

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// TestCheckHexStrings: a content stream that ends inside a hex string is
// refused (the library would loop forever on it); strings, comments and
// dictionaries that only look like one are not.
func TestCheckHexStrings(t *testing.T) {
	never := func() error { return nil }
	for in, want := range map[string]error{
		"BT /F1 12 Tf (Hej) Tj ET":            nil,
		"BT <48656A> Tj ET":                   nil,
		"BT <48656A":                          errOpenHexString,
		"BT <":                                errOpenHexString,
		"<< /A 1 >> BDC (a<b) Tj EMC":         nil,
		"(a<b\\) still text) Tj":              nil,
		"% a comment with <\nBT (x) Tj ET":    nil,
		"((nested) <) Tj":                     nil,
		"BT <<<4142":                          errOpenHexString,
		"BT <> Tj ET":                         nil,
		"[(A) 120 (B)] TJ <4142> Tj <43 44 E": errOpenHexString,
	} {
		// One byte at a time too: the state must survive buffer edges.
		for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
			if got := checkHexStrings(r, never); got != want {
				t.Errorf("checkHexStrings(%q) = %v, want %v", in, got, want)
			}
		}
	}
}
