package analysis

import (
	"strings"
	"testing"
)

// TestMayNameIssuer: the filter lets through a line with a listed name or
// a generic author's word wherever it stands, and rules out lines with
// neither (matched case-sensitively, as issuerRe matches them).
func TestMayNameIssuer(t *testing.T) {
	l := embeddedLists()
	if len(l.issuerNames) == 0 {
		t.Fatal("no listed names: the filter would rule out every listed speaker")
	}
	for _, line := range []string{
		"Rapport från " + l.issuerNames[0], l.issuerNames[len(l.issuerNames)-1] + " 2021",
		"Landstinget Dalarna", "Utgiven av Region Skåne", "Umeåregionen", "Skolmyndigheten", "Centerpartiet",
	} {
		if !l.mayNameIssuer(line) {
			t.Errorf("mayNameIssuer(%q) = false", line)
		}
		if got := l.findIssuer(l.issuerStartRe, line); strings.HasPrefix(line, "Landstinget") && got == nil {
			t.Errorf("findIssuer(issuerStartRe, %q) = nil", line)
		}
	}
	for _, line := range []string{
		"Integrationsplan för Sala kommun 2020–2023", "", "region skåne", "REGION SKÅNE", "Antagen av kommunfullmäktige",
	} {
		if l.mayNameIssuer(line) {
			t.Errorf("mayNameIssuer(%q) = true: the line names no issuer", line)
		}
	}
}

// BenchmarkIssuerLines: the issuer's expressions over the first lines of
// generated documents (the front matter it reads), as they were run on
// every line ("regexp") and behind mayNameIssuer ("filtered").
func BenchmarkIssuerLines(b *testing.B) {
	l := embeddedLists()
	var lines []string
	for _, d := range generatedDocs(b, 20) {
		for i, line := range strings.Split(d.Text, "\n") {
			if line = strings.TrimSpace(line); line != "" && i < 30 {
				lines = append(lines, line)
			}
		}
	}
	pick := func(line string) bool {
		re := l.issuerStartRe
		if hasIssuerPrefix(line) {
			re = l.issuerRe
		}
		return re.FindStringSubmatch(line) != nil
	}
	b.Run("regexp", func(b *testing.B) { countWhere(b, lines, pick) })
	b.Run("filtered", func(b *testing.B) {
		countWhere(b, lines, func(line string) bool { return l.mayNameIssuer(line) && pick(line) })
	})
}
