package reports

import (
	"io"
	"strconv"

	"github.com/styrdok/styrdok/analysis"
)

// ActionColumns are the columns of actions.csv.
var ActionColumns = []string{"document", "theme", "goal", "activity", "responsible", "timeline", "follow_up", "page",
	"sentence", "source", "theme_source"}

// WriteActions writes actions.csv: one row per action-plan row, with the
// goal it serves, who is responsible, when, and its follow-up. sentence is
// the row's segment index (as in evidence.csv); source says whether it
// came from a table or from labelled lines ("Ansvar:"); theme_source
// whether the theme came from its table section or heading, or from its
// own words.
func WriteActions(w io.Writer, r *Report) error { return writeTable(w, actionsTable(r, r.EachFull)) }

// actionsTable is actions.csv's table, its rows from one pass of each.
func actionsTable(r *Report, each eachFunc) table {
	err := new(error)
	return table{header: ActionColumns, types: "TTTTTTTIITT", err: err, rows: fullRows(err, each, actionRows)}
}

// actionRows yields d's rows of actions.csv; false when yield stopped
// them.
func actionRows(d *analysis.DocumentAnalysis, yield func([]string) bool) bool {
	for _, a := range d.Actions {
		if !yield([]string{d.File, a.Theme, a.Goal, a.Activity, a.Responsible, a.Timeline, a.FollowUp,
			strconv.Itoa(a.Page), strconv.Itoa(a.Sentence), a.Source, a.ThemeSource}) {
			return false
		}
	}
	return true
}
