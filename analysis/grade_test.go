package analysis

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestGradeRule(t *testing.T) {
	cases := []struct {
		own, headings, content, want int
	}{
		{0, 0, 100, 0},
		{1, 0, 100, 0}, // a passing mention
		{2, 0, 100, 1}, // treated: two segments
		{2, 0, 500, 0}, // two mentions in a long plan are passing (1% = 5)
		{5, 0, 500, 1},
		{1, 1, 500, 2}, // a heading names it
	}
	for _, c := range cases {
		cov := ThemeCoverage{Sentences: c.own, Headings: make([]int, c.headings)}
		if got, rule := GradeRule(cov, c.content); got != c.want {
			t.Errorf("%d own segments, %d headings, %d content: level %d (%s), want %d", c.own, c.headings, c.content, got, rule, c.want)
		}
	}
	// Once structure adds inherited hits, only the own words count.
	cov := ThemeCoverage{Sentences: 6, OwnSentences: 1, Inherited: 5, Headings: []int{}}
	if got, _ := GradeRule(cov, 100); got != 0 {
		t.Errorf("inherited hits raised the level to %d", got)
	}
}

// TestGradeRulePassing: segments about another theme count half, so two
// of them are one passing mention, and one segment about the theme with
// one passing mention is not yet a treatment.
func TestGradeRulePassing(t *testing.T) {
	cases := []struct {
		own, passing, content, want int
	}{
		{2, 0, 100, 1},
		{2, 1, 100, 0},
		{2, 2, 100, 0},
		{3, 2, 100, 1},
		{4, 4, 100, 1},
		{3, 5, 100, 0}, // more passing than segments is capped at the segments: 1.5 < 2
	}
	for _, c := range cases {
		cov := ThemeCoverage{Sentences: c.own, OwnSentences: c.own, Passing: c.passing, Headings: []int{}}
		if got, rule := GradeRule(cov, c.content); got != c.want {
			t.Errorf("%d own, %d passing: level %d (%s), want %d", c.own, c.passing, got, rule, c.want)
		}
	}
}

// TestPassingLevels analyses the real paragraphs of
// testdata/passing-levels.tsv (each with its source address) and checks
// the theme's level: "arbete eller studier" on the way to work is not a
// treatment of education, while two sentences about a theme, or a
// phrase of it beside a stronger theme ("knyta nya kontakter" in a
// sentence about sport clubs), still are.
func TestPassingLevels(t *testing.T) {
	data, err := os.ReadFile("testdata/passing-levels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	rows := 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "source\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %d: %d fields", n+1, len(f))
		}
		rows++
		want, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("line %d: level %q", n+1, f[2])
		}
		res := a.Analyze(docFromText(f[3] + "\n"))
		cov, err := res.Theme(f[1])
		if err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if cov.Level != want {
			_, rule := GradeRule(cov, res.Sentences)
			t.Errorf("line %d (%s): %s level %d, want %d (%s)", n+1, f[0], f[1], cov.Level, want, rule)
		}
	}
	if rows < 4 {
		t.Errorf("%d rows", rows)
	}
}
