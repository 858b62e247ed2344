package analysis

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
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

// TestSummaryArena: Keep gives back a copy equal to the summary, in
// blocks (consecutive summaries adjacent in memory, their themes too),
// across a block's end; a kept summary shares no theme with the one it
// was made from, and growing one summary's themes cannot overwrite the
// next one's.
func TestSummaryArena(t *testing.T) {
	var a SummaryArena
	n := summaryBlock + 3 // past the first block
	kept := make([]*DocumentAnalysis, n)
	for i := range n {
		s := &DocumentAnalysis{File: fmt.Sprintf("d%04d.txt", i), Words: i, Meta: Metadata{Title: "t"},
			Themes: []ThemeCoverage{{ID: "work", Level: i % 3, Share: float64(i) / 10}, {ID: "language", Sentences: i}}}
		kept[i] = a.Keep(s)
		s.Themes[0].Level, s.File = 9, "changed" // the summary reused: the kept copy stays
		if kept[i].File != fmt.Sprintf("d%04d.txt", i) || kept[i].Themes[0].Level != i%3 || kept[i].Themes[1].Sentences != i || kept[i].Words != i {
			t.Fatalf("summary %d kept as %+v", i, kept[i])
		}
	}
	for i := 1; i < n; i++ {
		prev, cur := kept[i-1], kept[i]
		if i%summaryBlock != 0 {
			if uintptr(unsafe.Pointer(cur))-uintptr(unsafe.Pointer(prev)) != unsafe.Sizeof(*cur) {
				t.Fatalf("summaries %d and %d are not adjacent in a block", i-1, i)
			}
			if uintptr(unsafe.Pointer(&cur.Themes[0]))-uintptr(unsafe.Pointer(&prev.Themes[0])) != 2*unsafe.Sizeof(cur.Themes[0]) {
				t.Fatalf("themes of summaries %d and %d are not adjacent in a block", i-1, i)
			}
		}
		if cap(prev.Themes) != len(prev.Themes) {
			t.Fatalf("summary %d: themes with room to grow into the next summary's", i-1)
		}
	}
	grown := append(kept[0].Themes, ThemeCoverage{ID: "extra"})
	if kept[1].Themes[0].ID != "work" || &grown[0] == &kept[0].Themes[0] {
		t.Error("an append to one summary's themes overwrote the next summary's")
	}
	if got := a.Keep(&DocumentAnalysis{File: "none"}); got.Themes != nil {
		t.Errorf("a summary without themes kept with %v", got.Themes)
	}
}
