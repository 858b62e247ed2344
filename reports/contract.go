package reports

import (
	"strings"
	"time"

	"github.com/styrdok/styrdok/analysis"
)

// Date precisions of documents.csv's *_precision columns.
const (
	PrecisionYear  = "year"
	PrecisionMonth = "month"
	PrecisionDay   = "day"
)

// ISODate turns a date as metadata states it ("2018", "2018-05",
// "2018-05-30") into an ISO day and its precision. A year or a month
// stands for its first day, or its last when end is set (valid_to: a plan
// "2018-2021" is valid to 2021-12-31, as analysis reads it for status).
// Anything else, and "", gives "", "": a value analysis never produces
// is not guessed at.
func ISODate(v string, end bool) (date, precision string) {
	var t time.Time
	var err error
	switch len(v) {
	case 4:
		t, err = time.Parse("2006", v)
		if err == nil && end {
			t = t.AddDate(1, 0, -1)
		}
		precision = PrecisionYear
	case 7:
		t, err = time.Parse("2006-01", v)
		if err == nil && end {
			t = t.AddDate(0, 1, -1)
		}
		precision = PrecisionMonth
	case 10:
		t, err = time.Parse("2006-01-02", v)
		precision = PrecisionDay
	default:
		return "", ""
	}
	if err != nil {
		return "", ""
	}
	return t.Format("2006-01-02"), precision
}

// MatchedSeparator joins the matched words in evidence.csv's matched
// column. A matched word is a word or phrase of the text and never holds
// a semicolon (tokens end at punctuation), so splitting on it gives the
// words back.
const MatchedSeparator = "; "

// matchedWords are a hit's distinct matched words in order of first
// occurrence (what ThemeHit.MatchedWords joins). A map past a handful:
// a segment of a document without sentence ends can have tens of
// thousands of matches.
func matchedWords(h analysis.ThemeHit) []string {
	var out []string
	var seen map[string]bool
	for _, m := range h.Matched {
		if seen == nil && len(out) < 16 {
			dup := false
			for _, w := range out {
				if w == m.Text {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, m.Text)
			}
			continue
		}
		if seen == nil {
			seen = make(map[string]bool, len(out)*2)
			for _, w := range out {
				seen[w] = true
			}
		}
		if !seen[m.Text] {
			seen[m.Text] = true
			out = append(out, m.Text)
		}
	}
	return out
}

// joinMatched is matchedWords as evidence.csv writes them.
func joinMatched(h analysis.ThemeHit) string {
	if len(h.Matched) == 1 {
		return h.Matched[0].Text
	}
	return strings.Join(matchedWords(h), MatchedSeparator)
}
