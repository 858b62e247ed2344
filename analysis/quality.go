package analysis

import (
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

// evaluationStems are stems every match of evaluationRe holds (see
// stemIndex).
var evaluationStems = newStemIndex("följ", "utvärder", "indikator", "nyckeltal", "målvärde", "mät", "redovisa", "återrapport")

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
		if may, buf = evaluationStems.in(s.Text, buf); !may || !evaluationRe.MatchString(s.Text) {
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
