package analysis

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// coldTexts are the texts the cold-run shortcuts are checked on: the
// bundled corpus and the dev real texts (realDevRows: a failing check
// prints a segment, and a held-out text must never be shown).
func coldTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	for _, f := range realDevRows(t) {
		files = append(files, filepath.Join("..", "testdata", "realtexts", f))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts", len(texts))
	}
	return texts
}

// TestThemeCandidates: a segment themeCandidates leaves out is a hit of
// no theme in themeCoverage (own words under minScore, or navigation or a
// credit line, and no section to inherit from), and the candidates come in segment order.
func TestThemeCandidates(t *testing.T) {
	a := testAnalyzer(t)
	minScore := a.Codebook.MinScore
	if minScore <= 0 {
		t.Fatalf("min score %g: the codebook should make it positive", minScore)
	}
	left, hits := 0, 0
	for k, text := range coldTexts(t) {
		doc := mustDoc(t, fmt.Sprintf("doc%d.txt", k), []byte(text))
		sc := a.takeScratch()
		segs := matchedSegments(a, sc, doc)
		st := buildStructure(doc.Text, segs, sc.scores, minScore, a.themeOrder())
		cands := themeCandidates(segs, sc.scores, minScore, st)
		next := 0
		for i := range segs {
			if next < len(cands) && cands[next] == i {
				next++
				continue
			}
			left++
			for _, th := range a.Codebook.Themes {
				// counted, as themeCoverage's own: navigation and
				// credit lines ("Bild: …", n120) hold no hits
				own := segs[i].Kind.counted() && sc.scores[i][th.ID] >= minScore
				inherited := false
				if k := segs[i].Kind; k == KindSentence || k == KindListItem || k == KindTableRow {
					inherited = st.sectionHeading(i, th.ID) >= 0
				}
				if own || inherited {
					t.Fatalf("text %d segment %d (%q) left out, but a hit of %s", k, i, segs[i].Text, th.ID)
				}
			}
		}
		if next != len(cands) {
			t.Fatalf("text %d: candidates %v not in segment order", k, cands)
		}
		for _, i := range cands {
			for _, th := range a.Codebook.Themes {
				if sc.scores[i][th.ID] >= minScore || st.sectionHeading(i, th.ID) >= 0 {
					hits++
					break
				}
			}
		}
		sc.reset()
		a.scratch.Put(sc)
	}
	if left < 1000 || hits < 1000 {
		t.Fatalf("too little checked: %d segments left out, %d candidates a hit", left, hits)
	}
	t.Logf("%d segments left out, %d candidates a hit", left, hits)
	if all := themeCandidates(make([]Sentence, 3), make([]map[string]float64, 3), 0, structure{chain: make([][]int, 3)}); len(all) != 3 {
		t.Fatalf("min score 0: %d candidates of 3 segments, want every one", len(all))
	}
}

// TestTermBagOrder: newTermBag's stems come in the order slices.Sort
// gives the strings (sort.Strings'), with their counts, on the stems of
// the bundled corpus and real texts and on random strings of a few bytes
// (NUL, the bytes around the eight-byte prefix, å's UTF-8 bytes) that
// share long starts, so that whole-string comparisons are needed.
func TestTermBagOrder(t *testing.T) {
	a := testAnalyzer(t)
	check := func(name string, counts map[string]int, keys []termKey) []termKey {
		t.Helper()
		var bag TermBag
		bag, keys = newTermBag(counts, keys)
		want := make([]string, 0, len(counts))
		for st := range counts {
			want = append(want, st)
		}
		slices.Sort(want)
		if !slices.Equal(bag.Stems, want) {
			t.Fatalf("%s: stems %q, want %q", name, bag.Stems, want)
		}
		for i, st := range bag.Stems {
			if int(bag.Counts[i]) != counts[st] {
				t.Fatalf("%s: %q counted %d, want %d", name, st, bag.Counts[i], counts[st])
			}
		}
		if len(keys) != 0 {
			t.Fatalf("%s: the buffer comes back holding %d keys", name, len(keys))
		}
		return keys
	}
	var keys []termKey
	for k, text := range coldTexts(t) {
		counts := map[string]int{}
		addTerms(counts, a.matcher.Tokenize(text, 0))
		keys = check(fmt.Sprintf("text %d", k), counts, keys)
	}
	alphabet := []string{"\x00", "a", "b", "\x01", "\xff", "å", "\xc3", "abcdefg", "abcdefgh"}
	rng := rand.New(rand.NewPCG(13, 4))
	for n := range 2000 {
		counts := map[string]int{}
		for range rng.IntN(60) {
			var b strings.Builder
			for range rng.IntN(7) {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			counts[b.String()] += 1 + rng.IntN(3)
		}
		keys = check(fmt.Sprintf("random set %d", n), counts, keys)
	}
}

// BenchmarkTermBag: the bags of the bundled corpus's documents, made
// from their stem counts (the sort of the stems is most of it).
func BenchmarkTermBag(b *testing.B) {
	a := testAnalyzer(b)
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	var all []map[string]int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		counts := map[string]int{}
		addTerms(counts, a.matcher.Tokenize(string(data), 0))
		all = append(all, counts)
	}
	b.Run("prefix-keys", func(b *testing.B) {
		var keys []termKey
		b.ReportAllocs()
		for b.Loop() {
			for _, counts := range all {
				_, keys = newTermBag(counts, keys)
			}
		}
	})
	// The bag as made before the prefix keys: the stems sorted as
	// strings, then each count looked up.
	b.Run("sort-strings", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, counts := range all {
				bag := TermBag{Stems: make([]string, 0, len(counts)), Counts: make([]int32, 0, len(counts))}
				for st := range counts {
					bag.Stems = append(bag.Stems, st)
				}
				slices.Sort(bag.Stems)
				for _, st := range bag.Stems {
					bag.Counts = append(bag.Counts, int32(counts[st]))
				}
			}
		}
	})
}

// matchedSegments is AnalyzeContext's path to a document's matches: its
// segments (cut as the analysis cuts them), each tokenised and matched
// into sc's scores and segMatches.
func matchedSegments(a *Analyzer, sc *analyzeScratch, doc *ingest.Document) []Sentence {
	segs := segmentLines(nil, splitLinesInto(nil, doc.Text), doc.Text, doc.PageAt)
	CutSegments(segs)
	sc.scores, sc.segMatches = grow(sc.scores, len(segs)), grow(sc.segMatches, len(segs))
	for i, s := range segs {
		sc.toks = a.matcher.tokenizeInto(sc.toks, doc.Text[s.Start:s.End], s.Start)
		a.matchSegment(sc, s.Kind, i)
	}
	return segs
}
