package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// voiceListSet is one embedded voice list read as a set, independently
// of the parser that makes the classes: its lines as they stand, with
// press-words.txt's written-case words and "(M)" party tags left out.
type voiceListSet struct {
	name  string
	words map[string]bool
	bit   voiceClass
}

func voiceListSets(tb testing.TB) []voiceListSet {
	tb.Helper()
	var sets []voiceListSet
	for _, f := range []struct {
		file string
		bit  voiceClass
	}{
		{"own-voice-words.txt", voiceOwn}, {"other-voice-words.txt", voiceOther},
		{"service-voice-words.txt", voiceService}, {"reporter-voice-words.txt", voiceReporter},
		{"we-words.txt", voiceWe}, {"press-words.txt", voicePress},
	} {
		lines, err := readList(attributionData, f.file)
		if err != nil {
			tb.Fatal(err)
		}
		words := map[string]bool{}
		for _, w := range lines {
			if w == strings.ToLower(w) && !strings.HasPrefix(w, "(") {
				words[w] = true
			}
		}
		if len(words) == 0 {
			tb.Fatalf("the list %s is empty: nothing to compare", f.file)
		}
		sets = append(sets, voiceListSet{f.file, words, f.bit})
	}
	return sets
}

// TestVoiceClasses: a word's class has a list's bit exactly when the
// word is on that list (read from the list file itself), for every word
// of the six lists, each in the other lists' places, and words on none.
func TestVoiceClasses(t *testing.T) {
	l := embeddedLists()
	lists := voiceListSets(t)
	words := []string{"", "kommunen", "xyzzy", "Vi", "VI", "TT"}
	for _, li := range lists {
		for w := range li.words {
			words = append(words, w, strings.ToUpper(w), w+"s")
		}
	}
	on := 0
	for _, w := range words {
		c := l.voiceClasses[w]
		for _, li := range lists {
			if got, want := c.has(li.bit), li.words[w]; got != want {
				t.Errorf("%q: class says %v for the %s list, the list %v", w, got, li.name, want)
			}
		}
		if c != 0 {
			on++
		}
	}
	if on == 0 || on == len(words) {
		t.Fatalf("%d of %d words have a class: want both kinds", on, len(words))
	}
}

// TestClassOfForms: a word lent a form gets from it the class the map
// gives its lower-case form, on the form's first use (which stores it)
// and after (which reads it), over the bundled corpus's words; lists
// other than the embedded ones never store a class in a form.
func TestClassOfForms(t *testing.T) {
	a := testAnalyzer(t)
	l := embeddedLists()
	if a.attributor.lists != l || !l.embedded {
		t.Fatal("the analyzer's attributor does not read the embedded lists")
	}
	other, err := parseAttributionLists(attributionData)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	formed, classed := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := mustDoc(t, filepath.Base(f), data)
		for _, w := range documentWordsOf(a, doc) {
			lw := w.appendLower(nil, doc.Text)
			want := l.voiceClasses[string(lw)]
			if w.form == nil {
				if got := l.classOf(w, lw); got != want {
					t.Fatalf("%q without a form: class %b, want %b", lw, got, want)
				}
				continue
			}
			formed++
			before := w.form.voice.v.Load()
			if got := other.classOf(w, lw); got != want || w.form.voice.v.Load() != before {
				t.Fatalf("%q, lists not embedded: class %b (want %b), the form's cache %x -> %x", lw, got, want, before, w.form.voice.v.Load())
			}
			for range 2 {
				if got := l.classOf(w, lw); got != want {
					t.Fatalf("%q: class %b from its form, want %b", lw, got, want)
				}
				if v := w.form.voice.v.Load(); v&0x1ff != uint32(want)|voiceKnown {
					t.Fatalf("%q: the form caches %x, want the class %x", lw, v, uint32(want)|voiceKnown)
				}
			}
			if want != 0 {
				classed++
			}
		}
	}
	if formed == 0 || classed == 0 {
		t.Fatalf("%d words with a form, %d of them with a class: want both", formed, classed)
	}
}

// TestOnlySpaces: onlySpaces answers as strings.Trim(gap, " \u00a0") == ""
// on random gaps of spaces, no-break spaces, their two bytes apart,
// other white space, letters and invalid bytes; both answers occur.
func TestOnlySpaces(t *testing.T) {
	parts := []string{" ", "\u00a0", "\xc2", "\xa0", "\t", "\n", "a", "\u2009", "\xff", "é", "\u00a0\u00a0"}
	rng := rand.New(rand.NewPCG(17, 4))
	gaps := []string{"", " ", "\u00a0", " \u00a0 ", "\xc2", "\xa0", "\xc2 ", " \xa0"}
	for range 20000 {
		var b strings.Builder
		n := rng.IntN(6)
		for range n {
			// spaces most often, so that gaps of only spaces are common
			if rng.IntN(3) > 0 {
				b.WriteString(parts[rng.IntN(2)])
			} else {
				b.WriteString(parts[rng.IntN(len(parts))])
			}
		}
		gaps = append(gaps, b.String())
	}
	yes, no := 0, 0
	for _, g := range gaps {
		want := strings.Trim(g, " \u00a0") == ""
		if got := onlySpaces(g); got != want {
			t.Fatalf("onlySpaces(%q) = %v, strings.Trim says %v", g, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes < 100 || no < 100 {
		t.Fatalf("%d gaps of only spaces, %d others: want many of both", yes, no)
	}
}

// BenchmarkVoiceLookups: the voice-list lookups of one generated
// document's words, as the four (and two) maps were asked ("maps") and
// as one class lookup asks them ("class").
func BenchmarkVoiceLookups(b *testing.B) {
	l := embeddedLists()
	docs := generatedDocs(b, 20)
	var words []string
	for _, d := range docs {
		for _, w := range strings.Fields(d.Text) {
			words = append(words, strings.ToLower(strings.Trim(w, ".,:;()")))
		}
	}
	sets := voiceListSets(b)
	b.Run("maps", func(b *testing.B) {
		countWhere(b, words, func(w string) bool {
			for _, s := range sets {
				if s.words[w] {
					return true
				}
			}
			return false
		})
	})
	b.Run("class", func(b *testing.B) {
		countWhere(b, words, func(w string) bool { return l.voiceClasses[w] != 0 })
	})
}

// BenchmarkSameLineGap: the gap test between neighbouring words of
// generated documents, with strings.Trim ("trim") and onlySpaces.
func BenchmarkSameLineGap(b *testing.B) {
	docs := generatedDocs(b, 20)
	var gaps []string
	for _, d := range docs {
		ws := tokenizeWordsInto(nil, d.Text)
		for i := 1; i < len(ws); i++ {
			gaps = append(gaps, d.Text[ws[i-1].end:ws[i].start])
		}
	}
	b.Run("trim", func(b *testing.B) {
		countWhere(b, gaps, func(g string) bool { return strings.Trim(g, " \u00a0") == "" })
	})
	b.Run("onlySpaces", func(b *testing.B) {
		countWhere(b, gaps, onlySpaces)
	})
}

// countWhere counts the items keep holds for, b.N times over; the count
// goes to sinkInt so that the loop is not optimised away.
func countWhere(b *testing.B, items []string, keep func(string) bool) {
	n := 0
	for range b.N {
		for _, s := range items {
			if keep(s) {
				n++
			}
		}
	}
	sinkInt = n
}

var sinkInt int
