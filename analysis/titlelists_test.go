package analysis

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestMarkTitleListsStopsEarly: markTitleLists, which stops reading a run
// of short lines once it is a list or can no longer become one, marks the
// same lines as the version that read every line (markTitleListsReadingAll,
// the function before session 34), on the lines of every bundled document
// and on 5,000 random runs of titles naming organisations or not, around
// the thresholds.
func TestMarkTitleListsStopsEarly(t *testing.T) {
	var runs [][]docLine
	for _, text := range corpusTexts(t) {
		lines := slices.Clone(layoutDocument(text).lines)
		for k := range lines {
			lines[k].noise = false
		}
		runs = append(runs, lines)
	}
	titles := []string{"Tierps kommuns plan för integration", "Region Skåne", "Nyheter", "Malmö stads budget 2020", "Protokoll",
		"Umeåregionen samverkar", "Landstinget Dalarna", "Uppsala kommun", "Om webbplatsen", "Göteborgs Stad informerar",
		"Kommunen", "Lilla Edets kommun", "Sök"}
	rng := rand.New(rand.NewPCG(34, 35))
	lists := 0
	for range 5000 {
		n := 6 + rng.IntN(20)
		lines := make([]docLine, n)
		for k := range lines {
			lines[k] = docLine{text: titles[rng.IntN(len(titles))], long: rng.IntN(30) == 0}
			if rng.IntN(3) == 0 {
				lines[k].text += " " + strings.Repeat("x", rng.IntN(30))
			}
		}
		runs = append(runs, lines)
	}
	for _, lines := range runs {
		got, want := slices.Clone(lines), slices.Clone(lines)
		markTitleLists(got)
		markTitleListsReadingAll(want)
		if !slices.Equal(got, want) {
			t.Fatalf("markTitleLists marks differently from reading every line on %+v", lines)
		}
		if slices.ContainsFunc(want, func(l docLine) bool { return l.noise }) {
			lists++
		}
	}
	if lists < 100 {
		t.Fatalf("only %d runs hold a list: the test checks little", lists)
	}
}

// markTitleListsReadingAll is markTitleLists as it was before session 34,
// reading every line of a run: TestMarkTitleListsStopsEarly's reference.
func markTitleListsReadingAll(lines []docLine) {
	const minListLines, minOrgs = 8, 3
	var lower [][]byte // lines in lower case, made once when a list is found
	var lowered []byte // ... one after the other
	for i := 0; i < len(lines); {
		if lines[i].long || lines[i].noise {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].long && !lines[j].noise {
			j++
		}
		if j-i < minListLines { // too short to be a list: no names to look for
			i = j
			continue
		}
		// Only a line mayNameOrg passes can name one: when too few do, the
		// run is no list, and neither the map nor the expression is needed
		// (most runs of short lines are a PDF's wrapped text).
		may := 0
		for k := i; k < j; k++ {
			if mayNameOrg(lines[k].text) {
				may++
			}
		}
		if may < minOrgs || may*3 < j-i {
			i = j
			continue
		}
		orgs := map[string]bool{}
		orgLines := 0
		for k := i; k < j; k++ {
			found := false
			if !mayNameOrg(lines[k].text) {
				continue
			}
			for _, m := range orgNameRe().FindAllStringSubmatch(lines[k].text, -1) {
				for _, g := range m[1:] {
					if g != "" {
						orgs[strings.ToLower(strings.TrimSuffix(g, "s"))] = true
						found = true
					}
				}
			}
			if found {
				orgLines++
			}
		}
		// A list of titles names an organisation on most of its lines; a
		// PDF's text has no long lines (pdftotext wraps every ~100
		// characters), so its whole body is one run of short lines that
		// names a few organisations among a thousand lines and is no list.
		if len(orgs) >= minOrgs && orgLines >= minOrgs && orgLines*3 >= j-i {
			if lower == nil {
				lower = make([][]byte, len(lines))
				n := 0
				for k := i; k < len(lines); k++ {
					n += len(lines[k].text)
				}
				lowered = make([]byte, 0, n+n/16) // once, not grown by doubling: lower case is about as long
			}
			for k := i; k < len(lines); k++ { // the list and what follows it: repeatedLater reads no earlier line
				if lower[k] == nil { // lines are never empty: nil is not yet lowered
					n := len(lowered)
					lowered = appendLower(lowered, lines[k].text)
					lower[k] = lowered[n:len(lowered):len(lowered)]
				}
			}
			for k := i; k < j; k++ {
				if !repeatedLater(lower, k, j) {
					lines[k].noise = true
				}
			}
		}
		i = j
	}
}
