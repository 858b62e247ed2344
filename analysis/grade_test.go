package analysis

import "testing"

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
