package analysis

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/styrdok/styrdok/ingest"
)

// TestSummaryStrings: a summary's strings equal the analysis's, none of
// them is a piece of the document's text (which a summary held for the
// whole run would keep alive), and they are one block: a string found
// in an earlier one (the runner-up's evidence is a candidate's, the year
// begins the adoption date) is not copied again.
func TestSummaryStrings(t *testing.T) {
	text := strings.Repeat("x", 1<<16) + "Integrationsplan för Forshaga kommun 2018 KS 2018/899 kommunfullmäktige 2018-11-21 2 mentions 2018"
	cut := func(s string) string { // s as a piece of text
		k := strings.Index(text, s)
		if k < 0 {
			t.Fatalf("%q is not in the text", s)
		}
		return text[k : k+len(s)]
	}
	ev := cut("2 mentions")
	d := &DocumentAnalysis{
		File:         "a.txt",
		Municipality: Attribution{Code: "1763", Reason: "Forshaga: " + ev, RunnerUp: Candidate{Code: "0580", Evidence: ev}},
		Meta: Metadata{Title: cut("Integrationsplan för Forshaga kommun"), Reference: cut("KS 2018/899"),
			AdoptedBy: cut("kommunfullmäktige"), AdoptedOn: cut("2018-11-21"), Year: text[len(text)-4:]},
		Themes:   []ThemeCoverage{{ID: "work", Level: 2, Evidence: []ThemeHit{{}}, Headings: []int{1}}},
		Warnings: []string{cut("x")},
	}
	d.Municipality.Candidates[0] = Candidate{Code: "1763", Evidence: cut("2 mentions")}
	d.Municipality.Candidates[1] = d.Municipality.RunnerUp
	s := Summary(d)
	if !IsSummary(s) {
		t.Fatal("the summary holds evidence or headings")
	}
	m := s.Municipality
	fields := []struct{ got, want string }{
		{m.Reason, d.Municipality.Reason}, {m.RunnerUp.Evidence, ev}, {m.Candidates[0].Evidence, ev}, {m.Candidates[1].Evidence, ev},
		{s.Meta.Title, d.Meta.Title}, {s.Meta.Reference, d.Meta.Reference}, {s.Meta.AdoptedBy, d.Meta.AdoptedBy},
		{s.Meta.AdoptedOn, d.Meta.AdoptedOn}, {s.Meta.Year, "2018"}, {s.Meta.ValidTo, ""}, {s.Warnings[0], "x"},
	}
	lo, hi := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(unsafe.Pointer(unsafe.StringData(text)))+uintptr(len(text))
	first, last := ^uintptr(0), uintptr(0)
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%q, want %q", f.got, f.want)
		}
		if f.got == "" {
			continue
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(f.got)))
		if p >= lo && p < hi {
			t.Errorf("%q is still a piece of the document's text", f.got)
		}
		first, last = min(first, p), max(last, p+uintptr(len(f.got)))
	}
	// one block holding the reason (the evidence is a part of it), the
	// title, reference, body, date (the year is a part of it) and the
	// warning, each once
	want := len(d.Municipality.Reason) + len(d.Meta.Title) + len(d.Meta.Reference) + len(d.Meta.AdoptedBy) + len(d.Meta.AdoptedOn) + len("x")
	if got := int(last - first); got != want {
		t.Errorf("the summary's strings span %d bytes, want one block of %d", got, want)
	}
	if unsafe.StringData(m.RunnerUp.Evidence) != unsafe.StringData(m.Candidates[1].Evidence) {
		t.Error("the runner-up's evidence is copied twice")
	}
	if d.Themes[0].Evidence == nil || d.Themes[0].Headings == nil {
		t.Error("Summary changed the analysis")
	}
}

// TestSummaryArena: Keep gives back a copy equal to the summary, its
// structs in blocks (consecutive summaries adjacent in memory), across a
// block's end; the copy holds no themes of its own, and Themes gives
// them back equal to the summary's (negative counts, shares that are
// not round, ids the arena met late, a summary with none) across the
// ends of the themes' blocks, whatever the caller's buffer, and changing
// the summary afterwards changes nothing kept. A summary the arena does
// not keep keeps its own themes.
func TestSummaryArena(t *testing.T) {
	var a SummaryArena
	n := 2*themeBlock/100 + 3 // past the first struct block and the first themes block
	kept := make([]*DocumentAnalysis, n)
	want := make([][]ThemeCoverage, n)
	for i := range n {
		s := &DocumentAnalysis{File: fmt.Sprintf("d%04d.txt", i), Words: i, Meta: Metadata{Title: "t"},
			Themes: []ThemeCoverage{{ID: "work", Level: i % 3, Share: float64(i) / 7, Sentences: i * 1000003, OwnSentences: -i,
				Inherited: 1 << 40, Commitments: i % 5, Recommendations: 7, Intents: -1 << 50, Passing: i}, {ID: "language", Sentences: i}}}
		if i%9 == 0 {
			s.Themes = append(s.Themes, ThemeCoverage{ID: fmt.Sprintf("late%d", i%4), Share: 1})
		}
		if i%31 == 0 {
			s.Themes = []ThemeCoverage{}
		}
		want[i] = slices.Clone(s.Themes)
		kept[i] = a.Keep(s)
		if len(s.Themes) > 0 {
			s.Themes[0].Level = 9
		}
		s.File = "changed" // the summary reused: the kept copy stays
		if kept[i].File != fmt.Sprintf("d%04d.txt", i) || kept[i].Words != i || kept[i].Themes != nil {
			t.Fatalf("summary %d kept as %+v", i, kept[i])
		}
	}
	if len(a.blocks) < 2 {
		t.Fatalf("the themes of %d summaries fill %d block, want more than one", n, len(a.blocks))
	}
	var buf []ThemeCoverage
	for i := range n {
		if got := a.Themes(kept[i], nil); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("summary %d: themes %+v, want %+v", i, got, want[i])
		}
		buf = a.Themes(kept[i], buf)
		if !reflect.DeepEqual(buf, want[i]) {
			t.Fatalf("summary %d, into a re-used buffer: themes %+v, want %+v", i, buf, want[i])
		}
		if i > 0 && i%summaryBlock != 0 && uintptr(unsafe.Pointer(kept[i]))-uintptr(unsafe.Pointer(kept[i-1])) != unsafe.Sizeof(*kept[i]) {
			t.Fatalf("summaries %d and %d are not adjacent in a block", i-1, i)
		}
	}
	own := &DocumentAnalysis{Themes: []ThemeCoverage{{ID: "x"}}}
	if got := a.Themes(own, nil); &got[0] != &own.Themes[0] {
		t.Error("a summary the arena does not keep: its themes not its own")
	}
	var none *SummaryArena
	if got := none.Themes(own, nil); &got[0] != &own.Themes[0] {
		t.Error("a nil arena: the summary's themes not its own")
	}
	if got := a.Keep(&DocumentAnalysis{File: "none"}); got.Themes != nil || a.Themes(got, nil) != nil {
		t.Errorf("a summary without themes kept with %v", a.Themes(got, nil))
	}
}

// TestSummaryArenaBytes measures what the arena keeps of a document's
// themes beside its struct: the bundled corpus's analyses, each kept
// many times over (a 10,000-document run keeps 10,000), in the packed
// themes' blocks. An analysis's themes come in the codebook's order with
// the shares Analyze computes, so neither the id nor the share is stored
// (themeInOrder, themeShareOf): at most 1 + 11 × 12 bytes a document for
// the eleven themes of these plans. Storing each theme's id and share
// (8 bytes) took 1 + 11 × 20 or so. The summary keeps no evaluation
// sentences (per sentence: IsSummary), and Themes gives back what
// Analyze made, to the bit.
func TestSummaryArenaBytes(t *testing.T) {
	a := testAnalyzer(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) < 4 {
		t.Fatalf("the bundled corpus: %d files, %v", len(files), err)
	}
	var docs []*DocumentAnalysis
	for _, f := range files {
		doc, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, a.Analyze(doc))
	}
	var arena SummaryArena
	const rounds = 400
	themes, used := 0, 0
	for range rounds {
		for _, d := range docs {
			s := Summary(d)
			if !IsSummary(s) {
				t.Fatalf("%s: the summary keeps what is per sentence (evaluation sentences %v)", d.File, s.Quality.EvaluationSentences)
			}
			k := arena.Keep(s)
			themes += len(d.Themes)
			if got := arena.Themes(k, nil); !reflect.DeepEqual(got, s.Themes) {
				t.Fatalf("%s: themes kept as %+v, want %+v", d.File, got, s.Themes)
			}
		}
	}
	for _, b := range arena.blocks {
		used += len(b)
	}
	n := rounds * len(docs)
	perDoc, perTheme := float64(used)/float64(n), float64(used-n)/float64(themes)
	t.Logf("%d summaries, %d themes: %d bytes packed, %.1f a document, %.1f a theme", n, themes, used, perDoc, perTheme)
	if perTheme > 12 {
		t.Errorf("%.1f bytes a packed theme, want at most 12 (id and share not stored)", perTheme)
	}
}

// TestDecideAgain: a summary decided at the run's threshold keeps its
// attribution, reason and all, in the summary's own block (no new
// allocation), equal to what deciding it again makes; one decided at
// another threshold is decided again, as Decide decides it.
func TestDecideAgain(t *testing.T) {
	a := testAnalyzer(t)
	doc, err := ingest.Load(filepath.Join("..", "testdata", "corpus", "tierp-handlingsplan-integration-2017.txt"), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Summary(a.Analyze(doc))
	if s.Municipality.Reason == "" || s.Municipality.Code == "" {
		t.Fatalf("the bundled plan's attribution %+v: no answer to decide again", s.Municipality)
	}
	reason := unsafe.StringData(s.Municipality.Reason)
	docs := []*DocumentAnalysis{s}
	if n := testing.AllocsPerRun(10, func() { DecideAgain(docs, a.MinConfidence) }); n != 0 {
		t.Errorf("deciding again at the analysis's threshold: %.0f allocations, want none", n)
	}
	if unsafe.StringData(s.Municipality.Reason) != reason {
		t.Error("the reason was made again")
	}
	if want := s.Municipality.Decide(a.MinConfidence); !reflect.DeepEqual(s.Municipality, want) {
		t.Errorf("kept %+v, deciding again makes %+v", s.Municipality, want)
	}
	other := s.Municipality.Decide(1.5)
	DecideAgain(docs, 1.5) // above any confidence: unknown
	if !reflect.DeepEqual(s.Municipality, other) || s.Municipality.Code != "" {
		t.Errorf("at another threshold: %+v, want %+v (unknown)", s.Municipality, other)
	}
}
