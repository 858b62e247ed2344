package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quality holds the plan-quality indicators researchers compare plans on
// (docs/domain.md, "Action rows and follow-up": follow-up shows whether
// a plan can be held to account).
type Quality struct {
	// Actions counts action rows with an activity; goal-only rows are
	// listed in Actions but not counted here.
	Actions          int     `json:"actions"`
	Goals            int     `json:"goals"` // distinct goals in action tables and entries
	WithResponsible  int     `json:"actions_with_responsible"`
	WithTime         int     `json:"actions_with_time"`
	WithFollowUp     int     `json:"actions_with_follow_up"` // a follow-up cell, or an activity that says it is followed up
	ShareResponsible float64 `json:"share_with_responsible"`
	ShareTime        float64 `json:"share_with_time"`
	ShareFollowUp    float64 `json:"share_with_follow_up"`
	// EvaluationMentioned: some sentence, list item or row says the plan
	// or its work is followed up, evaluated or measured (how).
	EvaluationMentioned bool `json:"evaluation_mentioned"`
	// HasEvaluation: such a statement also says when (a year, "årligen",
	// "i samband med årsredovisningen"): the plan says how and when it is
	// evaluated.
	HasEvaluation bool `json:"has_evaluation"`
	// EvaluationSentences are the segments behind the two flags.
	EvaluationSentences []int `json:"evaluation_sentences"`
}

// assessQuality computes the plan-quality indicators of an analysed
// document from its action rows and its text.
func assessQuality(res *DocumentAnalysis) Quality {
	q := Quality{EvaluationSentences: []int{}}
	goals := map[string]bool{}
	for _, a := range res.Actions {
		if a.Goal != "" {
			goals[a.Goal] = true
		}
		if a.Activity == "" {
			continue
		}
		q.Actions++
		if a.Responsible != "" {
			q.WithResponsible++
		}
		if a.Timeline != "" {
			q.WithTime++
		}
		if a.FollowUp != "" || mentionsEvaluation(a.Activity) {
			q.WithFollowUp++
		}
	}
	q.Goals = len(goals)
	if q.Actions > 0 {
		n := float64(q.Actions)
		q.ShareResponsible = round4(float64(q.WithResponsible) / n)
		q.ShareTime = round4(float64(q.WithTime) / n)
		q.ShareFollowUp = round4(float64(q.WithFollowUp) / n)
	}
	for i, s := range res.Segments {
		// Headings and header rows name the topic ("Uppföljning och
		// utvärdering") without saying how it is done.
		if !s.Kind.counted() || s.Kind == KindHeading || !mentionsEvaluation(s.Text) {
			continue
		}
		q.EvaluationMentioned = true
		q.EvaluationSentences = append(q.EvaluationSentences, i)
		if mentionsTime(s.Text) {
			q.HasEvaluation = true
		}
	}
	return q
}

// mentionsEvaluation reports Swedish follow-up and evaluation vocabulary
// in s: a word beginning uppfölj-, utvärder-, indikator-, mätbar-,
// nyckeltal-, målvärde-, redovisa- or återrapport-; the words mäta, mätas,
// mäts, mäter; or följ, följa, följs, följer, följt, följdes followed
// by the word "upp". Case is ignored; a word is a run of letters.
//
// It is the regular expression evaluationRe in fields_test.go, which
// states the rule, read word by word in one pass: the expression (with a
// stem prefilter before it) was a tenth of the analysis's CPU time, since
// nearly every plan says "följa" somewhere; this is 2.4× faster on the
// bundled documents' lines (BenchmarkMentionsEvaluation: 0.20 ms against
// 0.48 ms). TestMentionsEvaluation checks the two agree, on every line of
// the bundled documents, on strings written to probe the edges and on
// random ones.
func mentionsEvaluation(s string) bool {
	var buf [24]byte // the current word, lower-cased (its start, if longer)
	follow := false  // the last word was följ, följa, ... and only \s has come since (words are apart: at least one)
	for i := 0; i < len(s); {
		var r rune
		var size int
		if c := s[i]; c < utf8.RuneSelf { // ASCII (most bytes) without decoding
			r, size = rune(c), 1
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isLetter(r) {
			if r != ' ' && r != '\t' && r != '\n' && r != '\f' && r != '\r' { // RE2's \s
				follow = false
			}
			i += size
			continue
		}
		// Only a word that begins with the first letter of one of the
		// rule's words can match (or be "följ..." before "upp"): the
		// others are stepped over without being lower-cased.
		if f := foldLetter(r); f != 'u' && f != 'i' && f != 'm' && f != 'n' && f != 'r' && f != 'å' && f != 'f' {
			for i += size; i < len(s); i += size {
				if c := s[i]; c < utf8.RuneSelf { // ASCII from the table, inlined
					if size = 1; !asciiLetter[c] {
						break
					}
				} else if r, size = utf8.DecodeRuneInString(s[i:]); !isLetter(r) {
					break
				}
			}
			follow = false
			continue
		}
		n, whole := 0, true
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf { // ASCII: a letter folds to its small letter
				if !asciiLetter[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if n < len(buf) {
					buf[n] = c
					n++
				} else {
					whole = false
				}
				i++
				continue
			}
			if r, size = utf8.DecodeRuneInString(s[i:]); !isLetter(r) {
				break
			}
			if r = foldLetter(r); n+utf8.RuneLen(r) <= len(buf) {
				n += utf8.EncodeRune(buf[n:], r)
			} else {
				whole = false
			}
			i += size
		}
		w := string(buf[:n]) // no allocation: only compared
		switch {
		case strings.HasPrefix(w, "uppfölj"), strings.HasPrefix(w, "utvärder"), strings.HasPrefix(w, "indikator"),
			strings.HasPrefix(w, "mätbar"), strings.HasPrefix(w, "nyckeltal"), strings.HasPrefix(w, "målvärde"),
			strings.HasPrefix(w, "redovisa"), strings.HasPrefix(w, "återrapport"):
			return true
		case !whole:
			follow = false
			continue
		case w == "mäta" || w == "mätas" || w == "mäts" || w == "mäter":
			return true
		case follow && w == "upp":
			return true
		}
		follow = w == "följ" || w == "följa" || w == "följs" || w == "följer" || w == "följt" || w == "följdes"
	}
	return false
}

// isLetter is unicode.IsLetter, ASCII from a table.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLetter[r]
	}
	return unicode.IsLetter(r)
}

var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsLetter(rune(c))
	}
	return t
}()

// foldLetter maps a letter to what a case-insensitive regular expression
// equates it with: the least lower-case letter of its case-folding orbit
// (unicode.SimpleFold), or the letter itself when the orbit has none. So
// "K", "k" and the Kelvin sign fold to k, "S" and the long s to s, but
// the Turkish dotted İ stays itself, as in (?i).
func foldLetter(r rune) rune {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		return r
	case r == 'å' || r == 'ä' || r == 'ö':
		return r
	case r == 'Å' || r == 'Ä' || r == 'Ö':
		return r + 'a' - 'A' // Latin-1 capitals lie 32 below their small letters too
	}
	best := rune(-1)
	for x := r; ; {
		if unicode.IsLower(x) && (best < 0 || x < best) {
			best = x
		}
		if x = unicode.SimpleFold(x); x == r {
			break
		}
	}
	if best < 0 {
		return r
	}
	return best
}
