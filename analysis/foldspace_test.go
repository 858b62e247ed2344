package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// foldSpaceByRune is foldSpace as it was before it copied the text up to
// the first fold as it stands (every rune through unicode.IsSpace and
// WriteRune): the reference the faster one must agree with.
func foldSpaceByRune(s string) string {
	if t := strings.TrimSpace(s); !needsFolding(t) {
		return strings.TrimSpace(strings.Trim(t, "| "))
	}
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == '\t' {
			b.WriteString(" | ")
			space = false
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(strings.Trim(b.String(), "| "))
}

// TestFoldSpaceByRune: foldSpace gives the rune-by-rune fold's answer on
// every segment span and line of the bundled documents and on random
// mixes of words, every kind of space, table bars, tabs and bytes that
// are not UTF-8 (alone and cut out of a rune), at the start, before and
// after the first fold. It fails when the copied start and the fold
// after it disagree with folding the whole text.
func TestFoldSpaceByRune(t *testing.T) {
	texts := corpusLines(t)
	for _, doc := range foldDocs(t) {
		texts = append(texts, doc)
		texts = append(texts, strings.Split(doc, "\n\n")...)
		for _, s := range Segment(doc, nil) {
			texts = append(texts, doc[s.Start:s.End])
		}
	}
	pieces := []string{"a", "ö", "Ord", " ", " ", " ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000",
		"|", " | ", "\xff", "\xc3", "\xe2\x80", "å", "x.", "-"}
	rng := rand.New(rand.NewPCG(20, 18))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	folded, copied := 0, 0
	for _, s := range texts {
		want := foldSpaceByRune(s)
		if got := foldSpace(s); got != want {
			t.Fatalf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if at, valid := foldsAt(strings.TrimSpace(s)); at > 0 && valid {
			copied++
		} else if at >= 0 {
			folded++
		}
	}
	if copied < 1000 || folded < 1000 {
		t.Fatalf("%d texts with a start copied, %d folded from the start: the cases miss one way", copied, folded)
	}
}

// BenchmarkFoldSpace folds every segment of the bundled documents, with
// foldSpace ("copied") and with the rune-by-rune fold ("byrune").
func BenchmarkFoldSpace(b *testing.B) {
	var spans []string
	for _, doc := range foldDocs(b) {
		for _, s := range Segment(doc, nil) {
			spans = append(spans, doc[s.Start:s.End])
		}
	}
	for _, c := range []struct {
		name string
		fold func(string) string
	}{{"copied", foldSpace}, {"byrune", foldSpaceByRune}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range spans {
					c.fold(s)
				}
			}
		})
	}
}

// foldDocs are the bundled documents' texts.
func foldDocs(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no bundled documents")
	}
	var docs []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	return docs
}
