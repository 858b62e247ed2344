package analysis

import (
	"bytes"
	"regexp"
)

// Quality holds the plan-quality indicators researchers compare plans on
// (DOMAIN.md: follow-up shows whether a plan can be held to account).
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

// evaluationRe finds Swedish follow-up and evaluation vocabulary:
// uppföljning, följa/följs upp, utvärdering, indikatorer, mätbara mål,
// nyckeltal, mäta/mäts, redovisa, återrapportera.
var evaluationRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(uppfölj\p{L}*|följ(a|s|er|t|des)?\s+upp|utvärder\p{L}*|indikator\p{L}*|mätbar\p{L}*|nyckeltal\p{L}*|målvärde\p{L}*|mät(a|as|s|er)|redovisa\p{L}*|återrapport\p{L}*)(?:$|[^\p{L}])`)

// mayMentionEvaluation is a cheap necessary condition for evaluationRe
// (every alternative contains one of these stems), so the expression runs
// only on the few segments that may match. buf is scratch space, returned
// for the next call.
func mayMentionEvaluation(s string, buf []byte) (bool, []byte) {
	buf = appendLowerLatin(buf[:0], s)
	// One pass, looking up only the stems that start with the byte at
	// hand (eight bytes.Contains passes were most of assessQuality).
	for i, c := range buf {
		for _, w := range evaluationStemsBy[c] {
			if bytes.HasPrefix(buf[i:], w) {
				return true, buf
			}
		}
	}
	return false, buf
}

var evaluationStems = [...][]byte{[]byte("följ"), []byte("utvärder"), []byte("indikator"), []byte("nyckeltal"), []byte("målvärde"), []byte("mät"), []byte("redovisa"), []byte("återrapport")}

// evaluationStemsBy are evaluationStems by their first byte.
var evaluationStemsBy = func() (t [256][][]byte) {
	for _, w := range evaluationStems {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// appendLowerLatin appends s lower-cased for the letters of Swedish
// text: A-Z and the Latin-1 capitals (Å, Ä, Ö, É, ...); other runes as
// they are. It is strings.ToLower without the allocation and the Unicode
// tables (that was half of assessQuality), and enough for a prefilter of
// Swedish words; case folds outside Latin-1 (the Kelvin sign for K) are
// not Swedish spelling.
func appendLowerLatin(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9E && s[i+1] != 0x97: // À-Þ except ×
			buf = append(buf, c, s[i+1]+0x20)
			i++
			continue
		}
		buf = append(buf, c)
	}
	return buf
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
		if a.FollowUp != "" || evaluationRe.MatchString(a.Activity) {
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
	var buf []byte
	for i, s := range res.Segments {
		// Headings and header rows name the topic ("Uppföljning och
		// utvärdering") without saying how it is done.
		if s.Kind == KindNavigation || s.Kind == KindHeading {
			continue
		}
		var may bool
		if may, buf = mayMentionEvaluation(s.Text, buf); !may || !evaluationRe.MatchString(s.Text) {
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
