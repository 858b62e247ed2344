package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMayTouchConservative: wherever Touches is true, MayTouch on the
// text's filter is true too (the filter only spares texts Touches
// passes), on random texts over a small alphabet with hyphens, U+2011,
// upper case and invalid bytes, against random needles and the
// coordinated-compound cases of TestTouchesCoordinated; and on texts
// without the needles most filters say so (the filter is of use).
func TestMayTouchConservative(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pieces := []string{"a", "b", "sy", "l", "ö", "Ö", "-", "\u2011", " ", "\n", "och ", "fly", "kt", "ing", "\xc3", "A", "jobb", "coach"}
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	var buf, filter []byte
	maybe, skipped := 0, 0
	for i := range 20000 {
		text := randText(1 + rng.IntN(40))
		var needles [][]byte
		for range 1 + rng.IntN(3) {
			needles = append(needles, appendLowerRunes(nil, randText(1+rng.IntN(4))))
		}
		if i%7 == 0 {
			needles = append(needles, []byte("asylflykting"), []byte("jobbcoac"))
		}
		ch := &CodebookChange{needles: needles}
		touched, b := ch.Touches(text, buf)
		buf = b
		filter, buf = AppendTextFilter(filter[:0], text, buf)
		may := ch.MayTouch(filter)
		if touched && !may {
			t.Fatalf("text %q, needles %q: Touches is true, MayTouch false", text, needles)
		}
		if may {
			maybe++
		} else {
			skipped++
		}
	}
	if skipped == 0 || maybe == 0 {
		t.Errorf("random texts: %d may be touched, %d not: the test needs both", maybe, skipped)
	}
	ch := &CodebookChange{needles: [][]byte{[]byte("asylflykting")}}
	for text, want := range map[string]bool{
		"Asyl- och flyktingmottagandet ska ...":  true,
		"asyl\u2011 och flyktingmottagandet ska": true,
		"asyl-\noch flyktingfrågor":              true,
		"ASYLFLYKTINGAR":                         true,
		"asyl och flykting":                      false, // no hyphen, no needle
		"asyl- och integrationsfrågor":           false, // "flykting" is nowhere
	} {
		filter, buf = AppendTextFilter(filter[:0], text, buf)
		if got := ch.MayTouch(filter); got != want {
			t.Errorf("MayTouch(filter of %q) = %v, want %v", text, got, want)
		}
	}
	for _, bad := range [][]byte{nil, {0}, make([]byte, 1+minTextFilter+1), append([]byte{2}, make([]byte, minTextFilter)...)} {
		if !ch.MayTouch(bad) {
			t.Errorf("MayTouch(%d bytes that are not a filter) = false, want true", len(bad))
		}
	}
	if (&CodebookChange{}).MayTouch(nil) {
		t.Error("an empty change may touch a document")
	}
}

// filterTestFiles are the bundled corpus and the good files of the mixed
// folder (not the labelled real texts: no per-text output of their
// held-out part is looked at here).
func filterTestFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, g := range []string{"../testdata/corpus/*.txt", "../testdata/mixed/good-*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d test files", len(files))
	}
	return files
}

// TestMayTouchCodebook: the term-local changes of the embedded codebook
// against the bundled texts: never false where Touches is true, and the
// term added, which no bundled text holds, is excluded by the filter
// for most of them without their text.
func TestMayTouchCodebook(t *testing.T) {
	base, variants := termChanges(t)
	old, err := ParseCodebook([]byte(base), "base")
	if err != nil {
		t.Fatal(err)
	}
	var buf, filter []byte
	for name, y := range variants {
		cb, err := ParseCodebook([]byte(y), name)
		if err != nil {
			t.Fatal(err)
		}
		ch, ok := TermChange(old, cb)
		if !ok {
			t.Fatalf("%s: not a term-local change", name)
		}
		files, spared := 0, 0
		for _, f := range filterTestFiles(t) {
			data, err := os.ReadFile(f)
			if err != nil || !strings.HasSuffix(f, ".txt") {
				continue
			}
			text := string(data)
			files++
			var touched bool
			touched, buf = ch.Touches(text, buf)
			filter, buf = AppendTextFilter(filter[:0], text, buf)
			may := ch.MayTouch(filter)
			if touched && !may {
				t.Errorf("%s, %s: Touches is true, MayTouch false", name, f)
			}
			if !may {
				spared++
			}
		}
		t.Logf("%s: %d of %d texts spared by the filter", name, spared, files)
		if name == "term added" && spared*2 < files {
			t.Errorf("%s: the filter spares %d of %d texts; want most (no text holds the term)", name, spared, files)
		}
	}
}

// BenchmarkAppendTextFilter is the filter's cost in a cold run, per
// bundled text (about 12 KB).
func BenchmarkAppendTextFilter(b *testing.B) {
	var texts []string
	for _, f := range filterTestFiles(b) {
		if data, err := os.ReadFile(f); err == nil && strings.HasSuffix(f, ".txt") {
			texts = append(texts, string(data))
		}
	}
	var buf, filter []byte
	n := 0
	for i := 0; b.Loop(); i++ {
		t := texts[i%len(texts)]
		filter, buf = AppendTextFilter(filter[:0], t, buf)
		n += len(t)
	}
	b.ReportMetric(float64(n)/float64(b.N), "textbytes/op")
}
