package analysis

import (
	"regexp"
	"strings"
)

// issuerGenericWords are the literal words of issuerRe's generic authors
// (parseAttributionLists): "Landstinget" and "Region" start theirs, and
// the others are written at the end of a word ("Migrationsverket" is a
// listed name, "Skolmyndigheten" and "Umeåregionen" generic ones). Every
// match of the generic part holds one of them as written.
var issuerGenericWords = [...]string{"Landstinget", "Region", "regionen", "myndigheten", "partiet"}

// mayNameIssuer reports whether line may hold a match of issuerRe or
// issuerStartRe: each match names a listed speaker as written (the names
// are matched case-sensitively; only "från", "av", "utgivare" before them
// are not) or holds one of issuerGenericWords. The issuer asks this of
// every line of a document's front matter, and the expressions, a
// backtracker over an alternation of every listed name, cost a few
// microseconds a line even when, as nearly always, they find nothing.
func (l *attributionLists) mayNameIssuer(line string) bool {
	for _, w := range issuerGenericWords {
		if strings.Contains(line, w) {
			return true
		}
	}
	for _, n := range l.issuerNames {
		if strings.Contains(line, n) {
			return true
		}
	}
	return false
}

// findIssuer is re.FindStringSubmatch(line) for issuerRe or
// issuerStartRe, nil without running it when mayNameIssuer rules a match
// out.
func (l *attributionLists) findIssuer(re *regexp.Regexp, line string) []string {
	if !l.mayNameIssuer(line) {
		return nil
	}
	return re.FindStringSubmatch(line)
}
