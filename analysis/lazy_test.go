package analysis

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile compiles every expression made lazy by
// lazyRegexp, so that a broken one fails the build's tests instead of
// panicking in the first run that needs it, and checks that each
// accessor returns one shared value.
func TestLazyRegexpsCompile(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"actionYearRe": actionYearRe, "timeWords": timeWords, "labelRe": labelRe,
		"relatedHeadingRe": relatedHeadingRe, "listEndRe": listEndRe, "orgNameRe": orgNameRe,
		"metaLineRe": metaLineRe, "dokumenttypRe": dokumenttypRe, "wordRe": wordRe, "suspendedConjunctRe": suspendedConjunctRe, "titleTillRangeRe": titleTillRangeRe,
		"labelledRefRe": labelledRefRe, "bareRefRe": bareRefRe, "isoDateRe": isoDateRe,
		"dateRe": dateRe, "swedishDayRe": swedishDayRe, "swedishMonthRe": swedishMonthRe,
		"paragraphYearRe": paragraphYearRe, "adoptByRe": adoptByRe, "adoptOnRe": adoptOnRe,
		"bodyDateRe": bodyDateRe, "validToRe": validToRe, "validFromRe": validFromRe,
		"validRangeRe": validRangeRe, "titleRangeRe": titleRangeRe, "yearRe": yearRe,
		"timelineRe": timelineRe, "bareYearRe": bareYearRe,
	} {
		a := re()
		if a == nil || a.String() == "" {
			t.Errorf("%s: no expression", name)
		}
		if b := re(); b != a {
			t.Errorf("%s: compiled twice", name)
		}
	}
	if len(modalVerbs()) == 0 || len(intentVerbs()) == 0 || len(stopStems()) == 0 || len(vowels().forms) == 0 {
		t.Error("an embedded word list is empty")
	}
	if first, again := embeddedLists(), embeddedLists(); first != again {
		t.Error("embeddedLists parsed twice")
	}
}
