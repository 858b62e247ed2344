package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// The checks below hold the shortcuts taken for speed to the rules they
// stand in for: each shortcut must give what the plain rule gives.

// isFlatContentsSplit is isFlatContents as first written, splitting the
// whole paragraph before reading it: the rule the lazy reading must keep.
func isFlatContentsSplit(p string) bool {
	fields := strings.Fields(p)
	if len(fields) < 2*minContentsEntries {
		return false
	}
	entries, words, last := 0, 0, -1
	for _, f := range fields {
		n, ok := pageNumber(f)
		if !ok {
			if words == 0 && !startsUpperOrDigit(f) {
				return false
			}
			if strings.HasSuffix(f, ".") && words > 0 {
				return false
			}
			words++
			if words > 6 {
				return false
			}
			continue
		}
		if words == 0 {
			return false
		}
		if n < last {
			return false
		}
		entries, words, last = entries+1, 0, n
	}
	return entries >= minContentsEntries && words <= 6
}

// speedCases are the bundled corpus's lines and paragraphs, and random
// strings of contents-like pieces (titles, page numbers, separators).
func speedCases(t *testing.T) []string {
	t.Helper()
	var cases []string
	for _, b := range corpusTexts(t) {
		cases = append(cases, strings.Split(b, "\n")...)
		cases = append(cases, strings.Split(b, "\n\n")...)
	}
	pieces := []string{"Inledning", "inledning", "Mål och syfte", "3", "4", "12", "1234", "2.", "Arbete.", " ", "  ", "\t", "\u00a0",
		"Start", "›", ">", "»", "/", "Du är här:", "du är här", "Startsida /", "Hem /", "Omsorg", "Ny i Sverige", "är", "KOMMUN", "Kommunen"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		cases = append(cases, b.String())
	}
	return cases
}

// corpusTexts are the bundled corpus's texts (testdata/corpus), whole.
func corpusTexts(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus texts: %v", err)
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestIsFlatContentsLazy: reading a paragraph's fields one at a time
// decides as splitting it first did, and some of the cases are contents
// lists (the comparison is not all "no").
func TestIsFlatContentsLazy(t *testing.T) {
	sameAnswers(t, "isFlatContents", speedCases(t), isFlatContents, isFlatContentsSplit)
}

// isBreadcrumbPlain is isBreadcrumb as first written, lower-casing and
// splitting every short line: the rule the separator shortcut must keep.
func isBreadcrumbPlain(p string) bool {
	if p == "" || moreFields(p, maxBreadcrumbWords) {
		return false
	}
	lower := strings.ToLower(p)
	seps := ">›»"
	if strings.HasPrefix(lower, "du är här") || strings.HasPrefix(lower, "start/") || strings.HasPrefix(lower, "start /") ||
		strings.HasPrefix(lower, "startsida/") || strings.HasPrefix(lower, "startsida /") || strings.HasPrefix(lower, "hem /") {
		seps += "/"
	}
	pieces := strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune(seps, r) })
	if len(pieces) < 3 {
		return false
	}
	for _, pc := range pieces {
		pc = strings.TrimSpace(pc)
		if pc == "" || moreFields(pc, 6) || strings.HasSuffix(pc, ".") || strings.HasSuffix(pc, "?") {
			return false
		}
	}
	return true
}

// TestBreadcrumbShortcut: saying no to a line without separators before
// lower-casing it decides as the plain rule does, and some cases are
// trails.
func TestBreadcrumbShortcut(t *testing.T) {
	yes := 0
	for _, s := range speedCases(t) {
		p := strings.TrimSpace(s)
		want := isBreadcrumbPlain(p)
		if got := isBreadcrumb(p); got != want {
			t.Fatalf("isBreadcrumb(%q) = %v, want %v", p, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 {
		t.Fatal("no case is a breadcrumb trail: the comparison tests nothing")
	}
}

// TestMayBeVoice: every own- and other-voice word, as written in any
// case, passes the first-byte filter, and the filter turns away a word
// only when no list word starts with its lower-cased first byte.
func TestMayBeVoice(t *testing.T) {
	l := embeddedLists()
	lists := voiceListSets(t)[:2] // own and other voice
	for _, s := range lists {
		for w := range s.words {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if !l.mayBeVoice(v[0]) {
					t.Errorf("mayBeVoice(%q) = false for the list word %q", v[0], w)
				}
			}
		}
	}
	rejected := 0
	for c := range utf8.RuneSelf {
		if l.mayBeVoice(byte(c)) {
			continue
		}
		rejected++
		lc := strings.ToLower(string(rune(c)))
		for _, s := range lists {
			for w := range s.words {
				if strings.HasPrefix(w, lc) {
					t.Errorf("mayBeVoice(%q) = false, but %q starts with it", rune(c), w)
				}
			}
		}
	}
	if rejected == 0 {
		t.Error("the filter turns nothing away")
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		if !l.mayBeVoice(byte(c)) {
			t.Errorf("mayBeVoice(%#x) = false for a non-ASCII byte", c)
		}
	}
}

// TestIsMetaLine: the first-byte filter in front of metaLineRe decides as
// the expression does, on the corpus's lines, random lines and every
// field word in several cases, and turns some lines away before it.
func TestIsMetaLine(t *testing.T) {
	cases := speedCases(t)
	// Every field word in several cases and with the runes (?i) folds
	// into ASCII letters (ſ, the Kelvin sign), followed by what \b
	// does and does not allow.
	for _, w := range metaFieldWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], "ſ" + w[1:], w[:len(w)-1],
			strings.ReplaceAll(w, "s", "ſ"), strings.ReplaceAll(w, "k", "\u212a"), strings.ReplaceAll(w, "ä", "Ä"), strings.ReplaceAll(w, "ä", "a")} {
			cases = append(cases, v, v+": 2020", " "+v, v+"x", v+"_", v+"1", v+"ä", v+"é", v+" ", v+".", v+"\xff")
		}
	}
	cases = append(cases, "12", "12 (3)", "2020-01-01", " 3 ", ".", "/", "-", "\t1", "a", "", "Kommun", "1a",
		"12(3)", "12 (3) ", "12 ()", "(3)", "12 (3", "12 (3))", "1\t\t(44)", "1 \v(4)", "\xff", "K", "\u212a")
	// Random lines of digits, spaces, separators and brackets: the two
	// number branches.
	rng := rand.New(rand.NewPCG(31, 32))
	numPieces := []string{"1", "23", " ", "\t", "\v", "\u00a0", ".", "/", "-", "(", ")", "x", "ä"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(numPieces[rng.IntN(len(numPieces))])
		}
		cases = append(cases, b.String())
	}
	filtered, yes := 0, 0
	for _, s := range cases {
		want := metaLineRe().MatchString(s)
		if got := isMetaLine(s); got != want {
			t.Fatalf("isMetaLine(%q) = %v, metaLineRe says %v", s, got, want)
		}
		if want {
			yes++
		}
		if s != "" && s[0] < utf8.RuneSelf && !metaFirst[s[0]] {
			filtered++
		}
	}
	if filtered == 0 || yes == 0 {
		t.Fatalf("the filter turned %d lines away, %d lines are field lines: the comparison tests too little", filtered, yes)
	}
}

// isMetaLineRe is isMetaLine as it was: the first-byte filter, then the
// expression.
func isMetaLineRe(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf && !metaFirst[s[0]] {
		return false
	}
	return metaLineRe().MatchString(s)
}

// BenchmarkIsMetaLine: isMetaLine against the filter and expression it
// replaces, on the bundled corpus's lines.
func BenchmarkIsMetaLine(b *testing.B) {
	lines := benchLines(b)
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"filter-regexp", isMetaLineRe}, {"by-hand", isMetaLine}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, l := range lines {
					c.f(l)
				}
			}
		})
	}
}

// TestMayBeBullet: the first-byte filters in front of bullet and
// sectionNumber never turn away a line the expressions match, on the
// corpus's lines, random lines and every bullet form, and turn some away.
func TestMayBeBullet(t *testing.T) {
	cases := speedCases(t)
	for _, b := range []string{"-", "–", "—", "•", "·", "*", "▪", "◦", "o", "1.", "12)", "(3)", "a.", "(b)", "å)", "ö."} {
		for _, pre := range []string{"", " ", "\t", "  \f", "\r"} {
			cases = append(cases, pre+b+" Text", pre+b+"\tx", pre+b+"x", pre+b)
		}
	}
	cases = append(cases, "2.2.3 Bostad", "3. Mål", "12 Arbete", "1", "", " ", "\v- x", "\u00a0- x", "A. Mål", "Ö) x")
	filtered := 0
	for _, s := range cases {
		if bullet.MatchString(s) && !mayBeBullet(s) {
			t.Fatalf("mayBeBullet(%q) = false, but bullet matches", s)
		}
		if sectionNumber.MatchString(s) && !mayBeSectionNumber(s) {
			t.Fatalf("mayBeSectionNumber(%q) = false, but sectionNumber matches", s)
		}
		if !mayBeBullet(s) {
			filtered++
		}
	}
	if filtered == 0 {
		t.Fatal("the filter turned no line away")
	}
}

// sentenceEndRunes is sentenceEnd as first written, decoding every rune
// to find the marks: the rule the byte search must keep.
func sentenceEndRunes(t string, pos, end int) int {
	for i := pos; i < end; {
		r, w := utf8.DecodeRuneInString(t[i:])
		if r != '.' && r != '!' && r != '?' && r != ':' {
			i += w
			continue
		}
		j := i + w
		for j < end && strings.ContainsRune("\"”’')", rune(t[j])) {
			j++
		}
		if j >= end {
			return end
		}
		if !isSpaceByte(t[j]) {
			i = j
			continue
		}
		k := skipSpace(t, j, end)
		if k >= end {
			return j
		}
		nr, _ := utf8.DecodeRuneInString(t[k:])
		if r == ':' {
			if sectionNumber.MatchString(t[k:end]) && isSectionStart(t[k:end]) {
				return j
			}
			i = j
			continue
		}
		if r == '.' && isAbbreviation(t, pos, i) {
			i = j
			continue
		}
		if unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"”“'(–-•", nr) {
			return j
		}
		i = j
	}
	return end
}

// TestSentenceEndBytes: sentenceEnd finds the end the rune-by-rune rule
// finds, from every start, on the corpus's paragraphs and random text of
// sentence pieces (abbreviations, quotes, colons before section numbers,
// non-ASCII letters and marks).
func TestSentenceEndBytes(t *testing.T) {
	cases := speedCases(t)
	pieces := []string{"Målet är nått.", "t.ex.", "bl.a.", "ca.", "A.", "Ö.", "”Citat.”", "'x.'", "(se nedan).", "Fråga?", "Ja!", ":", "2.2.3 Bostad",
		"Åtgärd:", " ", "  ", "\n", "\t", "…", "–", "é.", "1.", "3", "Kommunen", "skola", "\u00a0", "\"", ")"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		cases = append(cases, b.String())
	}
	ends := 0
	for _, s := range cases {
		for pos := 0; pos < len(s); pos += 1 + len(s)/8 {
			want := sentenceEndRunes(s, pos, len(s))
			if got := sentenceEnd(s, pos, len(s)); got != want {
				t.Fatalf("sentenceEnd(%q, %d) = %d, want %d", s, pos, got, want)
			}
			if want < len(s) {
				ends++
			}
		}
	}
	if ends == 0 {
		t.Fatal("no case ends a sentence before its end: the comparison tests nothing")
	}
}

// roleCellsMap is roleCells as first written, counting every cell's
// tokens in a map: the rule the run-by-run count must keep.
func roleCellsMap(m *Matcher, toks []Token) map[int]bool {
	if len(toks) == 0 || toks[len(toks)-1].Cell == 0 || len(m.roles) == 0 {
		return nil
	}
	type stat struct{ n, role int }
	cells := map[int]*stat{}
	for k := range toks {
		s := cells[toks[k].Cell]
		if s == nil {
			s = &stat{}
			cells[toks[k].Cell] = s
		}
		s.n++
		if m.isRoleToken(&toks[k]) {
			s.role++
		}
	}
	out := map[int]bool{}
	for c, s := range cells {
		if c > 0 && s.role > 0 && s.n <= 14 {
			out[c] = true
		}
	}
	return out
}

// TestRoleCellsRuns: counting each cell as one run of tokens marks the
// cells the map of counts marked, on the corpus's lines, table rows of
// roles and topics, and random rows; and some rows have a role cell.
func TestRoleCellsRuns(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	cases := speedCases(t)
	cells := []string{"Starta språkcafé", "Kultur- och fritidschef", "2022", "Enhetschef", "socialsekreterare", "Bostad åt alla nyanlända",
		"", " ", "Arbetsmarknadsenheten", "löpande", "rektor och lärare", "ett mycket långt cell med många ord som inte är en roll alls men chef"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		row := make([]string, 1+rng.IntN(5))
		for i := range row {
			row[i] = cells[rng.IntN(len(cells))]
		}
		sep := "\t"
		if rng.IntN(2) == 0 {
			sep = " | "
		}
		cases = append(cases, strings.Join(row, sep))
	}
	marked := 0
	for _, s := range cases {
		toks := m.Tokenize(s, 0)
		want := roleCellsMap(m, toks)
		got := m.roleCells(toks)
		if len(got) != len(want) {
			t.Fatalf("roleCells(%q) = %v, want %v", s, got, want)
		}
		for c := range want {
			if !got[c] {
				t.Fatalf("roleCells(%q) = %v, want %v", s, got, want)
			}
		}
		marked += len(want)
	}
	if marked == 0 {
		t.Fatal("no cell is a role cell: the comparison tests nothing")
	}
}

// generatedDocs parses n documents of the bench generator's corpus
// (tools/gencorpus: the bundled corpus's paragraphs recombined under
// other municipalities' names, the corpus the cold-run figures in
// docs/benchmarks.md are measured on), made from testdata/corpus.
func generatedDocs(b *testing.B, n int) []*ingest.Document {
	b.Helper()
	dir := b.TempDir()
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "testdata", "corpus"), Out: dir, Texts: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != n {
		b.Fatalf("%d generated files, want %d: %v", len(files), n, err)
	}
	docs := make([]*ingest.Document, 0, n)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, mustDoc(b, filepath.Base(f), data))
	}
	return docs
}

// cpuNow is the process's CPU time (user + system): on a shared machine
// the wall time of a benchmark swings with the load, its CPU time much
// less, so the benchmarks below report both.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchCorpus runs step over the documents b.N times, on one analyzer
// (its memos warm, as in a batch run), and reports the CPU per document.
func benchCorpus(b *testing.B, step func(a *Analyzer, d *ingest.Document)) {
	docs := generatedDocs(b, 200)
	a := testAnalyzer(b)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
		step(a, d) // warm the memos, as the first documents of a run do
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuNow()
	for range b.N {
		for _, d := range docs {
			step(a, d)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N*len(docs)), "cpu-ns/doc")
}

// BenchmarkAnalyzeGenerated: the whole analysis of a document, per 200
// documents of the generated corpus (the analysis is about half of a
// cold run's CPU).
func BenchmarkAnalyzeGenerated(b *testing.B) {
	benchCorpus(b, func(a *Analyzer, d *ingest.Document) {
		res, _ := a.AnalyzeContext(context.Background(), d)
		a.recycleSegments(res)
	})
}

// probeCases are speedCases with random strings of the bytes the byte
// loops below look at: separators, their UTF-8 neighbours, spaces of
// every kind, letters, cut runes.
func probeCases(t *testing.T) []string {
	t.Helper()
	cases := speedCases(t)
	pieces := []string{">", "/", "›", "»", "\u203a", "\u00bb", "\xba", "\xbb", "\xe2\x80", "\xc2", "\u00ba", "\u203b", "Ω", "ĺ",
		",", ";", ":", "|", "(", ")", "\t", " ", "\u00a0", "\u0085", "\u2003", "\n", "\v", "i", "I", "İ", "ı", "Innehåll",
		"innehållsförteckning", "INNEHÅLL", "Ä", "ö", "och", "I", "för", "MED", "Att", "x", "2.1", "."}
	return append(cases, randomJoins(pieces, 11, 10)...)
}

// randomJoins are 20,000 strings of up to most-1 pieces each, drawn at
// random (seeded by seed, so the same every run).
func randomJoins(pieces []string, seed uint64, most int) []string {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, 0, 20000)
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(most) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestCrumbSeparator: the byte loop finds a separator where
// strings.ContainsAny does, and some cases have one and some not.
func TestCrumbSeparator(t *testing.T) {
	yes, no := 0, 0
	for _, s := range probeCases(t) {
		want := strings.ContainsAny(s, ">›»/")
		if got := hasCrumbSeparator(s); got != want {
			t.Fatalf("hasCrumbSeparator(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("%d with a separator, %d without: the comparison tests one side only", yes, no)
	}
}

// TestClauseMark: the byte loop finds a clause mark where
// strings.ContainsAny does.
func TestClauseMark(t *testing.T) {
	yes, no := 0, 0
	for _, s := range probeCases(t) {
		want := strings.ContainsAny(s, ",;:|()\t")
		if got := hasClauseMark(s); got != want {
			t.Fatalf("hasClauseMark(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("%d with a mark, %d without: the comparison tests one side only", yes, no)
	}
}

// TestMayBeTocWord: the contents expression matches only where the
// first-byte filter lets it run, and some cases match.
func TestMayBeTocWord(t *testing.T) {
	matched := 0
	for _, s := range probeCases(t) {
		s = strings.TrimSpace(s) // as isTableOfContents sees it
		if tocWord.MatchString(s) {
			matched++
			if !mayBeTocWord(s) {
				t.Fatalf("mayBeTocWord(%q) = false, but tocWord matches", s)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no case matches tocWord: the comparison tests nothing")
	}
}

// brokenHeadingFields is brokenHeading as first written, splitting the
// heading into fields: the rule the search from the end must keep.
func brokenHeadingFields(text string) bool {
	f := strings.Fields(text)
	if len(f) < 2 {
		return false
	}
	return phraseContinuers[strings.ToLower(f[len(f)-1])]
}

// TestBrokenHeadingFields: finding the last word from the end decides as
// splitting did, and some headings are broken.
func TestBrokenHeadingFields(t *testing.T) {
	broken := 0
	for _, s := range probeCases(t) {
		want := brokenHeadingFields(s)
		if got := brokenHeading(s); got != want {
			t.Fatalf("brokenHeading(%q) = %v, want %v", s, got, want)
		}
		if want {
			broken++
		}
	}
	if broken == 0 {
		t.Fatal("no case is a broken heading: the comparison tests nothing")
	}
}

// TestOrgAtForms: an organisation's name is found from a token's form as
// from the matcher's index, on the corpus's lines and on rows of names,
// genitives and other words; and some names are found.
func TestOrgAtForms(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	words := []string{"och", "med", "kommun", "s", "Arbetsförmedlingen,", "asyl-"}
	for _, name := range defaultOrganisations {
		words = append(words, name, name+"s", strings.ToUpper(name))
	}
	cases := speedCases(t)
	rng := rand.New(rand.NewPCG(13, 14))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		cases = append(cases, b.String())
	}
	found := 0
	for _, s := range cases {
		withForms, plain := m.Tokenize(s, 0), tokenize(s, 0, Stem)
		for i := range withForms {
			want := m.orgAt(plain, i)
			if got := m.orgAt(withForms, i); got != want {
				t.Fatalf("orgAt(%q, %d) = %d from forms, %d from the index", s, i, got, want)
			}
			if want >= 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no name found: the comparison tests nothing")
	}
}

// BenchmarkAttributeRealTexts: municipality attribution (the voice pass
// included) over every text of testdata/realtexts, layouts made once
// outside the loop, so the figure is the attribution's own cost.
func BenchmarkAttributeRealTexts(b *testing.B) {
	a, _ := newTestAttributor(b)
	dir := filepath.Join("..", "testdata", "realtexts", "texts")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var lays []docLayout
	size := 0
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		lays = append(lays, layoutDocument(string(data)))
		size += len(data)
	}
	if len(texts) < 100 {
		b.Fatalf("only %d real texts in %s", len(texts), dir)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, t := range texts {
			a.attribute(t, lays[k])
		}
	}
}

// realTextLines are the lines of the dev texts of testdata/realtexts
// (the split column of its documents-*.tsv): a failing comparison prints
// its line, and a held-out line must never be shown to whoever works on
// the rules (docs/validity.md), so held-out texts are not read at all.
func realTextLines(t testing.TB) []string {
	var lines []string
	files := 0
	for _, row := range realDevRows(t) {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "realtexts", row))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		files++
	}
	if files < 100 {
		t.Fatalf("only %d dev texts in testdata/realtexts", files)
	}
	return lines
}

// realDevRows are the files (relative to testdata/realtexts) of the rows
// whose split is dev, in the order of the documents-*.tsv files and
// their rows.
func realDevRows(t testing.TB) []string {
	tsvs, err := filepath.Glob(filepath.Join("..", "testdata", "realtexts", "documents-*.tsv"))
	if err != nil || len(tsvs) == 0 {
		t.Fatalf("testdata/realtexts: no documents-*.tsv (%v)", err)
	}
	var out []string
	for _, tsv := range tsvs {
		data, err := os.ReadFile(tsv)
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		head := strings.Split(rows[0], "\t")
		file, split := slices.Index(head, "file"), slices.Index(head, "split")
		if file < 0 || split < 0 {
			t.Fatalf("%s: no file or split column", tsv)
		}
		for _, r := range rows[1:] {
			if f := strings.Split(r, "\t"); len(f) > max(file, split) && f[split] == "dev" {
				out = append(out, f[file])
			}
		}
	}
	return out
}

// tokenizeWordsRange is tokenizeWordsInto as first written, ranging over
// the text rune by rune: the rule the byte loop must keep.
func tokenizeWordsRange(text string) []word {
	var words []word
	mk := func(start, end int) word {
		r, _ := utf8.DecodeRuneInString(text[start:])
		return word{start: start, end: end, upper: unicode.IsUpper(r)}
	}
	start := -1
	for i, r := range text {
		isW := unicode.IsLetter(r) || unicode.IsDigit(r)
		if isW && start < 0 {
			start = i
		} else if !isW && start >= 0 {
			words = append(words, mk(start, i))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, mk(start, len(text)))
	}
	return words
}

// TestAttributionShortcuts: the shortcuts of the attribution's second
// pass give what the rules they stand in for give, on every line of the
// bundled documents and the real texts and on lines written to reach
// each branch (issuers after "från"/"av"/"utgivare" in odd cases, parties,
// capitals outside ASCII, invalid UTF-8): the byte-wise tokeniser is the
// rune-wise one; allCapitals is strings.ToUpper(w) == w &&
// strings.ToLower(w) != w; issuerStartRe, taken when hasIssuerPrefix
// fails, finds what issuerRe finds; a line mayNameParty rejects has no
// partyRe match; findIssuer, which skips lines mayNameIssuer rules out,
// finds what issuerRe finds.
func TestAttributionShortcuts(t *testing.T) {
	a, _ := newTestAttributor(t)
	lines := append(corpusLines(t), realTextLines(t)...)
	lines = append(lines,
		"Migrationsverket", "Rapport FRÅN Länsstyrelsen i Värmland", "AV Arbetsförmedlingen", "Utgivare: Region Skåne",
		"utgiven av Försäkringskassan, 2020", "Centerpartiet i Lekeberg", "Motion från Socialdemokraterna", "Vänsterpartiets förslag",
		"Region Gotland", "Umeåregionen", "Landstinget Dalarna", "Arbetsförmedlingens etableringsprogram", "Fr\u212an Migrationsverket", "FRÅN\tRegion Skåne", "från  Migrationsverket", "av\fMigrationsverket", "Rapport från\u00a0Migrationsverket", "Rapport från",
		"LAHOLM. ÅRE ÖSTERSUND Östersund ǅemal ǄEMAL ß ẞ ΣΑΣ", "\xc3 A\xc3 \xc3\x28 Ab\xffCd", "",
	)
	var b strings.Builder
	for r := rune(0x20); r < 0x800; r++ {
		b.WriteString("Ab")
		b.WriteRune(r)
		b.WriteString("ÖX ")
	}
	lines = append(lines, b.String())
	words, issuers, parties, caps, ruledOut := 0, 0, 0, 0, 0
	for _, line := range lines {
		got, want := tokenizeWordsInto(nil, line), tokenizeWordsRange(line)
		if !slices.Equal(got, want) {
			t.Fatalf("tokenizeWordsInto(%q) = %v, rune by rune %v", line, got, want)
		}
		for _, w := range got {
			words++
			s := line[w.start:w.end]
			want := strings.ToUpper(s) == s && strings.ToLower(s) != s
			if allCapitals(s) != want {
				t.Fatalf("allCapitals(%q) = %v, want %v", s, !want, want)
			}
			if want {
				caps++
			}
		}
		full := a.lists.issuerRe.FindStringSubmatch(line)
		if full != nil {
			issuers++
		}
		if got := a.lists.findIssuer(a.lists.issuerRe, line); !slices.Equal(got, full) {
			t.Fatalf("line %q: findIssuer finds %q, issuerRe %q", line, got, full)
		}
		if start := a.lists.issuerStartRe.FindStringSubmatch(line); start != nil && !a.lists.mayNameIssuer(line) {
			t.Fatalf("line %q: mayNameIssuer false, issuerStartRe finds %q", line, start)
		}
		if !a.lists.mayNameIssuer(line) {
			ruledOut++
		}
		if !hasIssuerPrefix(line) {
			if start := a.lists.issuerStartRe.FindStringSubmatch(line); !slices.Equal(start, full) {
				t.Fatalf("line %q: issuerStartRe finds %q, issuerRe %q", line, start, full)
			}
		}
		if m := a.lists.partyRe.FindStringSubmatch(line); m != nil {
			parties++
			if !a.mayNameParty(line) {
				t.Fatalf("line %q: mayNameParty false, partyRe finds %q", line, m)
			}
		}
	}
	if words < 100000 || issuers < 10 || parties < 5 || caps < 100 || ruledOut < 100 {
		t.Fatalf("too little checked: %d words, %d issuer lines, %d party lines, %d words in capitals, %d lines mayNameIssuer rules out", words, issuers, parties, caps, ruledOut)
	}
}

// documentWordsOf is AnalyzeContext's path to the attributor's words:
// segments, the matcher's tokens of each, documentWords.
func documentWordsOf(a *Analyzer, doc *ingest.Document) []word {
	segs := segmentLines(nil, splitLinesInto(nil, doc.Text), doc.Text, doc.PageAt)
	CutSegments(segs)
	var dw documentWords
	dw.reset(doc.Text)
	var toks []Token
	for _, s := range segs {
		toks = a.matcher.tokenizeInto(toks, doc.Text[s.Start:s.End], s.Start)
		dw.addSegment(s.Start, s.End, toks)
	}
	return dw.finish()
}

// TestDocumentWords: the words the attributor reads from the matcher's
// tokens (documentWords) are the words of its own pass over the text
// (tokenizeWordsInto), each lent lower-case form is strings.ToLower of
// the word, and the attribution made from them is the attribution made
// from the text, on the bundled corpus, the real texts, the attribution
// texts and the hostile text inputs; texts a cut segment splits mid-word
// fall back to the attributor's own pass.
func TestDocumentWords(t *testing.T) {
	a := testAnalyzer(t)
	var files []string
	for _, pat := range []string{
		filepath.Join("..", "testdata", "corpus", "*"),
		filepath.Join("..", "testdata", "realtexts", "texts", "*.txt"),
		filepath.Join("testdata", "attribution", "*.txt"),
		filepath.Join("testdata", "attribution", "*", "*.txt"),
		filepath.Join("..", "testdata", "hostile", "files", "*.txt"),
		filepath.Join("..", "testdata", "hostile", "files", "*.md"),
	} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	// A segment cut at MaxSegmentBytes inside a word (and inside a rune):
	// the shared words are given up.
	texts = append(texts, "Rubrik\n\n"+strings.Repeat("Åkersberga", MaxSegmentBytes/5), "Ale")
	shared, lent, fellBack := 0, 0, 0
	for k, text := range texts {
		doc := mustDoc(t, fmt.Sprintf("doc%d.txt", k), []byte(text))
		got := documentWordsOf(a, doc)
		want := tokenizeWordsInto(nil, doc.Text)
		if got == nil {
			fellBack++
		} else {
			shared++
			if len(got) != len(want) {
				t.Fatalf("text %d: %d shared words, %d by the attributor", k, len(got), len(want))
			}
			for i, w := range got {
				if w.start != want[i].start || w.end != want[i].end || w.upper != want[i].upper {
					t.Fatalf("text %d word %d: shared %+v, attributor %+v", k, i, w, want[i])
				}
				if w.low != "" {
					lent++
					if l := strings.ToLower(doc.Text[w.start:w.end]); w.low != l {
						t.Fatalf("text %d word %d: lent lower %q, want %q", k, i, w.low, l)
					}
				}
			}
		}
		lay := layoutDocument(doc.Text)
		plain := a.attributor.attribute(doc.Text, lay)
		lay.words = got
		if at := a.attributor.attribute(doc.Text, lay); at != plain {
			t.Fatalf("text %d: attribution from shared words %+v, from the text %+v", k, at, plain)
		}
	}
	if shared < 800 || fellBack < 1 || lent < 100000 {
		t.Fatalf("too little checked: %d texts shared, %d fell back, %d lower-case forms lent", shared, fellBack, lent)
	}
	t.Logf("%d texts shared, %d fell back, %d lower-case forms lent", shared, fellBack, lent)
}

// BenchmarkAttributeGenerated: the attribution of 200 generated
// documents, per run over them, with the attributor's own pass over the
// text ("own": tokenizeWordsInto, lower-casing the words it compares)
// and with the words made from the matcher's tokens ("shared":
// documentWords, its cost counted; the tokens are made before the
// timer, as the analysis makes them anyway).
func BenchmarkAttributeGenerated(b *testing.B) {
	docs := generatedDocs(b, 200)
	a := testAnalyzer(b)
	type prepared struct {
		text string
		lay  docLayout
		segs []Sentence
		toks [][]Token
	}
	var ps []prepared
	size := 0
	for _, d := range docs {
		p := prepared{text: d.Text, lay: layoutDocument(d.Text)}
		p.segs = segmentLines(nil, splitLinesInto(nil, d.Text), d.Text, d.PageAt)
		for _, s := range p.segs {
			p.toks = append(p.toks, a.matcher.Tokenize(d.Text[s.Start:s.End], s.Start))
		}
		size += len(d.Text)
		ps = append(ps, p)
	}
	for _, shared := range []bool{false, true} {
		name := "own"
		if shared {
			name = "shared"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var dw documentWords
			cpu0 := cpuNow()
			for range b.N {
				for k := range ps {
					p := &ps[k]
					lay := p.lay
					if shared {
						dw.reset(p.text)
						for i, s := range p.segs {
							dw.addSegment(s.Start, s.End, p.toks[i])
						}
						lay.words = dw.finish()
					}
					a.attributor.attribute(p.text, lay)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N*len(ps)), "cpu-ns/doc")
		})
	}
}

// isTagLineFull is isTagLine without its first test (a "|" somewhere in
// the line): the bullet's expression and the trimming on every line.
func isTagLineFull(p string) bool {
	p = strings.TrimSpace(bullet.ReplaceAllString(strings.TrimSpace(p), ""))
	if strings.Count(p, "|") != 1 || strings.ContainsRune(p, '\n') || moreFields(p, maxTagWords) {
		return false
	}
	rest := strings.TrimSpace(strings.Trim(p, "|"))
	if rest == "" || strings.Contains(rest, "|") || !hasLetter(rest) {
		return false
	}
	return !strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "?") && !strings.HasSuffix(rest, "!")
}

// TestTagLinePipe: turning lines without a "|" away first decides as the
// whole test does, on the probe cases and random list items with and
// without pipes, and some of them are tag lines.
func TestTagLinePipe(t *testing.T) {
	cases := probeCases(t)
	pieces := []string{"• ", "- ", "1. ", "a) ", "(2) ", "|", " | ", "Skola och förskola", "Kultur", ",", ".", "?", "!", " ", "\t", "\n", "1"}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	yes, no := 0, 0
	for _, s := range cases {
		want := isTagLineFull(s)
		if got := isTagLine(s); got != want {
			t.Fatalf("isTagLine(%q) = %v, the whole test says %v", s, got, want)
		}
		if want {
			yes++
		} else {
			no++
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("%d tag lines, %d others: the comparison does not test both answers", yes, no)
	}
}

// BenchmarkTagLine: isTagLine and its whole test (full) on the bundled corpus's lines and
// paragraphs, nearly none of which has a "|".
func BenchmarkTagLine(b *testing.B) {
	lines := benchLines(b)
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"full", isTagLineFull}, {"pipe-first", isTagLine}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, l := range lines {
					c.f(l)
				}
			}
		})
	}
}

// benchLines are the bundled corpus's lines.
func benchLines(b *testing.B) []string {
	b.Helper()
	var lines []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	if len(lines) == 0 {
		b.Fatal("no corpus lines")
	}
	return lines
}

// TestFormCacheSameTokens: tokenising through a worker's form cache gives
// the tokens the memo alone gives (the same forms), on the bundled
// corpus's lines and paragraphs and random strings, the cache kept from
// string to string and reset now and then, as between documents; and no
// slot's word points into a text (each is its form's own copy).
func TestFormCacheSameTokens(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	var c formCache
	var got, want []Token
	for _, s := range probeCases(t) {
		want = m.tokenizeInto(want, s, 3)
		got = m.tokenizeCached(got, s, 3, &c)
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens through the cache, %d without", s, len(got), len(want))
		}
		for k := range got {
			g, w := got[k], want[k]
			if g.Text != w.Text || g.Start != w.Start || g.End != w.End || g.Lower != w.Lower || g.Stem != w.Stem || g.Cell != w.Cell || g.Sep != w.Sep ||
				(g.form == nil) != (w.form == nil) || (g.form != nil && g.form.lower != w.form.lower) {
				t.Fatalf("%q token %d: %+v through the cache, %+v without", s, k, g, w)
			}
		}
		// No slot points into a text: each slot's word is its form's
		// own copy (the lower-case form itself for a word in lower case).
		for _, f := range c.slots {
			if f == nil {
				continue
			}
			if p := unsafe.StringData(f.written); len(f.written) > 0 && inside(p, s) {
				t.Fatalf("%q: a slot's word %q points into the text", s, f.written)
			}
			if f.written == f.lower && unsafe.StringData(f.written) != unsafe.StringData(f.lower) {
				t.Fatalf("slot %q: a lower-case word not the form's own lower", f.written)
			}
		}
	}
}

// TestFormCacheLongWords: a "word" longer than maxMemoKey (glued or
// encoded text) gets the memo's form through the cache but is kept in
// no slot, as the memo keeps none.
func TestFormCacheLongWords(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	var c formCache
	long := "Integration" + strings.Repeat("Ab", maxMemoKey)
	for _, w := range []string{long, strings.ToLower(long), "Kommunen"} {
		got := m.tokenizeCached(nil, w+" och "+w, 0, &c)
		want := m.tokenizeInto(nil, w+" och "+w, 0)
		if len(got) != len(want) || got[0].Lower != want[0].Lower || got[0].Stem != want[0].Stem || got[2].Lower != want[2].Lower {
			t.Fatalf("%.20q...: %+v through the cache, %+v without", w, got, want)
		}
	}
	kept := 0
	for _, f := range c.slots {
		if f != nil && len(f.lower) > maxMemoKey {
			t.Fatalf("a slot keeps the form of a %d-byte word", len(f.lower))
		}
		if f != nil {
			kept++
		}
	}
	if kept != 2 { // och, Kommunen
		t.Fatalf("%d slots kept, want 2", kept)
	}
}

// BenchmarkTokenizeGenerated: tokenising every line of 200 generated
// documents with the Matcher's word forms, through the memo alone and
// through a worker's form cache (reset between documents, as the
// analysis does). cpu-ns/op is the process's CPU per pass: on a shared
// machine the wall time per pass swings with the load.
func BenchmarkTokenizeGenerated(b *testing.B) {
	docs := generatedDocs(b, 200)
	cb, err := DefaultCodebook()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(cb)
	var lines [][]string
	var bytes int64
	for _, d := range docs {
		lines = append(lines, strings.Split(d.Text, "\n"))
		bytes += int64(len(d.Text))
	}
	var toks []Token
	for _, ls := range lines { // warm the memos, as the first documents of a run do
		for _, l := range ls {
			toks = m.tokenizeInto(toks, l, 0)
		}
	}
	b.Run("memo", func(b *testing.B) {
		b.SetBytes(bytes)
		cpu0 := cpuNow()
		for range b.N {
			for _, ls := range lines {
				for _, l := range ls {
					toks = m.tokenizeInto(toks, l, 0)
				}
			}
		}
		b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N), "cpu-ns/op")
	})
	b.Run("cache", func(b *testing.B) {
		b.SetBytes(bytes)
		var c formCache
		cpu0 := cpuNow()
		for range b.N {
			for _, ls := range lines {
				for _, l := range ls {
					toks = m.tokenizeCached(toks, l, 0, &c)
				}
			}
		}
		b.ReportMetric(float64(cpuNow()-cpu0)/float64(b.N), "cpu-ns/op")
	})
}

// TestMayNameDokumenttyp: the prefilter is a necessary condition for
// dokumenttypRe, on the bundled corpus's lines and paragraphs and random
// strings of the field's spellings (the Kelvin sign for k among them);
// and the field is found in some.
func TestMayNameDokumenttyp(t *testing.T) {
	cases := speedCases(t)
	pieces := []string{"Dokumenttyp", "DOKUMENTTYP", "dokumenttyp", "do\u212aumenttyp", "TTYP", "tTyP", "ttyp", ":", " ", "\t", "Plan", "Riktlinje",
		"ttpy", "ty", "p", "t", "Ö", "\u00a0", "\u017f", "handlingsplan", "-"}
	found := 0
	for _, c := range append(cases, randomJoins(pieces, 23, 8)...) {
		m := dokumenttypRe().MatchString(c)
		if m && !mayNameDokumenttyp(c) {
			t.Fatalf("dokumenttypRe matches %q but mayNameDokumenttyp says no", c)
		}
		if m {
			found++
		}
	}
	if found == 0 {
		t.Fatal("dokumenttypRe matched nothing: the check tests nothing")
	}
}

// BenchmarkLayoutGenerated: laying out 200 generated documents' lines
// (layoutDocumentInto, with markTitleLists), the front matter's fields
// and kind read from them (findKind with its Dokumenttyp prefilter).
func BenchmarkLayoutGenerated(b *testing.B) {
	docs := generatedDocs(b, 200)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	var lines []docLine
	for range b.N {
		for _, d := range docs {
			lay := layoutDocumentInto(lines, d.Text)
			lines = lay.lines
			var header []string
			for _, l := range lay.lines[:lay.bodyStart] {
				header = append(header, l.text)
			}
			_ = findKind(lay, header, "")
		}
	}
}

// inside says whether p points into s's bytes.
func inside(p *byte, s string) bool {
	if len(s) == 0 {
		return false
	}
	b := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	q := uintptr(unsafe.Pointer(p))
	return q >= b && q < b+uintptr(len(s))
}
