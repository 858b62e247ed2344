package analysis

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The checks below hold session 14's allocation cuts (a byte buffer or a
// cut instead of a lower-cased copy, a split or a reflective sort) to
// what the code they replace gave, on the bundled corpus's lines and on
// random strings of the bytes these functions look at.

// rowCases are speedCases with random strings of cells, tabs, spaces,
// periods, capitals and the words the checks look for.
func rowCases(t *testing.T) []string {
	t.Helper()
	cases := speedCases(t)
	pieces := []string{"\t", " ", "  ", "\u00a0", "\u2003", ".", "Mål", "Område: Boende", "ansvar", "Gäller", "gäller", "GÄLLER",
		"gälle", "Planen", "planen", "2019-01-01", "–", "2020", "Relevanta", "RELATERADE", "läs", "Läs mer", "se", "İ", "ẞ",
		"Fler", "\xc3", "ö", "a b c d e f g h i", "\r", "\n"}
	return append(cases, randomJoins(pieces, 16, 9)...)
}

// isHeaderRowSplit, isLabelRowSplit and cellsOfSplit are the three as
// they were, splitting the row into cells.
func isHeaderRowSplit(row string) bool {
	cells := cellsOfSplit([]string{row})
	return len(cells) >= 2 && !slices.ContainsFunc(cells, func(c string) bool { return moreFields(c, 6) || strings.HasSuffix(c, ".") })
}

func isLabelRowSplit(row string) bool {
	cells := strings.Split(row, "\t")
	first := strings.TrimSpace(cells[0])
	for _, c := range cells[1:] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return first != "" && !moreFields(first, 8) && !strings.HasSuffix(first, ".")
}

func cellsOfSplit(lines []string) []string {
	var out []string
	for _, l := range lines {
		for _, c := range strings.Split(l, "\t") {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// TestRowChecksWithoutSplit: isHeaderRow, isLabelRow and cellsOf answer
// as they did when they split the row, and both answers of each occur.
func TestRowChecksWithoutSplit(t *testing.T) {
	header, label := [2]int{}, [2]int{} // (no, yes) answers
	check := func(name, s string, got, want bool, tally *[2]int) {
		if got != want {
			t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
		}
		if got {
			tally[1]++
		} else {
			tally[0]++
		}
	}
	cases := rowCases(t)
	for _, s := range cases {
		check("isHeaderRow", s, isHeaderRow(s), isHeaderRowSplit(s), &header)
		check("isLabelRow", s, isLabelRow(s), isLabelRowSplit(s), &label)
	}
	for i := 0; i+3 <= len(cases); i += 3 {
		lines := cases[i : i+3]
		if got, want := cellsOf(lines), cellsOfSplit(lines); !slices.Equal(got, want) {
			t.Fatalf("cellsOf(%q) = %q, want %q", lines, got, want)
		}
	}
	if min(header[0], header[1], label[0], label[1]) == 0 {
		t.Fatalf("header rows %v, label rows %v (no, yes): both answers should occur", header, label)
	}
}

// TestRelatedHeadingLowerBuffer: mayBeRelatedHeading looks the first
// word up lower-cased as strings.ToLower gives it.
func TestRelatedHeadingLowerBuffer(t *testing.T) {
	sameAnswers(t, "mayBeRelatedHeading", rowCases(t), mayBeRelatedHeading, func(s string) bool {
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		return relatedFirstWords[strings.ToLower(s[:end])]
	})
}

// sameAnswers checks that got answers as want on every case, and that
// some case is a yes (else the comparison tests nothing).
func sameAnswers(t *testing.T, name string, cases []string, got, want func(string) bool) {
	t.Helper()
	yes := 0
	for _, s := range cases {
		w := want(s)
		if g := got(s); g != w {
			t.Fatalf("%s(%q) = %v, want %v", name, s, g, w)
		}
		if w {
			yes++
		}
	}
	if yes == 0 {
		t.Fatalf("%s: no case is a yes: the comparison tests nothing", name)
	}
}

// TestGällerForms: the forms made once are the three indexFold made for
// every line, and indexFold finds the first of them.
func TestGällerForms(t *testing.T) {
	if want := [3]string{"gäller", "Gäller", "GÄLLER"}; gällerForms != want {
		t.Fatalf("gällerForms = %q, want %q", gällerForms, want)
	}
	found := 0
	for _, s := range rowCases(t) {
		want := -1
		for _, f := range []string{"gäller", "Gäller", "GÄLLER"} {
			if i := strings.Index(s, f); i >= 0 && (want < 0 || i < want) {
				want = i
			}
		}
		if got := indexFold(s, &gällerForms); got != want {
			t.Fatalf("indexFold(%q) = %d, want %d", s, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no case holds gäller")
	}
}

// TestHeadingThemesOrder: headingThemes orders as sort.Slice did, with
// ties of score broken by the codebook's order, on random score maps
// with many equal scores.
func TestHeadingThemesOrder(t *testing.T) {
	themes := []string{"arbete", "bostad", "halsa", "sfi", "skola", "foreningsliv", "samhallsorientering", "mottagande", "x", "y", "z", "aa", "bb", "cc",
		"dd", "ee", "ff", "gg", "hh", "ii", "jj", "kk", "ll", "mm"}
	order := map[string]int{}
	for i, th := range themes {
		order[th] = i
	}
	rng := rand.New(rand.NewPCG(5, 6))
	long := 0
	for range 5000 {
		scores := map[string]float64{}
		for _, th := range themes {
			if rng.IntN(4) > 0 {
				scores[th] = float64(rng.IntN(4)) // few values: many ties
			}
		}
		got := headingThemes(scores, 1, order)
		var want []string
		for th, sc := range scores {
			if sc >= 1 {
				want = append(want, th)
			}
		}
		sort.Slice(want, func(i, j int) bool {
			if scores[want[i]] != scores[want[j]] {
				return scores[want[i]] > scores[want[j]]
			}
			return order[want[i]] < order[want[j]]
		})
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("headingThemes(%v) = %q, want %q", scores, got, want)
		}
		if len(got) > 12 { // past insertion sort
			long++
		}
	}
	if long == 0 {
		t.Fatal("no case had more than 12 themes")
	}
}

// TestAttributionLookupsAllocate: the districts' lookup, the county
// forms' lookup and the party scan allocate nothing for a word or line
// that names none (each was an allocation per capitalised word or per
// listed party).
func TestAttributionLookupsAllocate(t *testing.T) {
	a := testAnalyzer(t).attributor
	text := "Kommunen och Arbetsförmedlingen planerar Samhällsorientering för Nyanlända i Hela Landet"
	words := tokenizeWordsInto(nil, text)
	zones := make([]uint8, len(words))
	if n := testing.AllocsPerRun(50, func() { a.districtMentions(text, words, zones) }); n != 0 {
		t.Errorf("districtMentions: %v allocations per run, want 0", n)
	}
	if n := testing.AllocsPerRun(50, func() { a.coordinatedHead(text, words, 2, 1) }); n != 0 {
		t.Errorf("coordinatedHead: %v allocations per run, want 0", n)
	}
	line := "Handlingsplan för integration och mottagande av nyanlända, antagen av kommunfullmäktige"
	if a.mayNameParty(line) {
		t.Fatalf("mayNameParty(%q) = true: the line names no party", line)
	}
	if n := testing.AllocsPerRun(50, func() { a.mayNameParty(line) }); n != 0 {
		t.Errorf("mayNameParty: %v allocations per run, want 0", n)
	}
	if !a.mayNameParty("Motion från Sveriges Socialdemokratiska Ungdomsförbund om språkcaféer") {
		t.Error("mayNameParty misses a party named over 32 bytes")
	}
}

// BenchmarkRowChecks: the row and line checks changed in session 14
// over the bundled corpus's lines, against the versions that split and
// lower-cased (sub-benchmark "split").
func BenchmarkRowChecks(b *testing.B) {
	var lines []string
	for _, t := range corpusTexts(b) {
		lines = append(lines, strings.Split(t, "\n")...)
	}
	for _, bc := range []struct {
		name   string
		header func(string) bool
		label  func(string) bool
		cells  func([]string) []string
		rel    func(string) bool
	}{
		{"cut", isHeaderRow, isLabelRow, cellsOf, mayBeRelatedHeading},
		{"split", isHeaderRowSplit, isLabelRowSplit, cellsOfSplit, func(s string) bool {
			end := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
			if end < 0 {
				end = len(s)
			}
			return relatedFirstWords[strings.ToLower(s[:end])]
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				for i, l := range lines {
					bc.header(l)
					bc.label(l)
					bc.rel(l)
					if i+2 < len(lines) {
						bc.cells(lines[i : i+2])
					}
				}
			}
		})
	}
}
