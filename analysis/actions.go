package analysis

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Action is one row of an action plan: a goal, an activity, who answers
// for it, when, and how it is followed up (docs/domain.md, "Action rows
// and follow-up"). Rows that state a
// goal alone are kept too, with an empty activity, because the plan's
// authors put them in the table.
type Action struct {
	Sentence    int    `json:"sentence"` // segment index of the row or line
	Page        int    `json:"page"`
	Theme       string `json:"theme"`
	ThemeSource string `json:"theme_source"` // "section": its table section or heading; "text": its own words; "" none
	Goal        string `json:"goal"`
	Problem     string `json:"problem,omitempty"`
	Activity    string `json:"activity"`
	Responsible string `json:"responsible"`
	Timeline    string `json:"timeline"`
	FollowUp    string `json:"follow_up"`
	Source      string `json:"source"` // "table" or "text" ("Ansvar:" lines)
	Text        string `json:"text"`   // the row or line as written, cells joined by " | "
}

// column is what a table column holds, read from its header label.
type column int

const (
	colOther column = iota
	colGoal
	colProblem
	colActivity
	colResponsible
	colTimeline
	colFollowUp
)

// headerColumn reads a header cell's label. Follow-up is tried first
// because its labels often add a date ("Uppföljning/resultat, datum"),
// and goal last because area labels name the goal column
// ("Mål/delmål för område Boende").
func headerColumn(label string) column {
	words := strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) })
	any := func(pred func(string) bool) bool {
		for _, w := range words {
			if pred(w) {
				return true
			}
		}
		return false
	}
	prefix := func(ps ...string) func(string) bool {
		return func(w string) bool {
			for _, p := range ps {
				if strings.HasPrefix(w, p) {
					return true
				}
			}
			return false
		}
	}
	exact := func(ps ...string) func(string) bool {
		return func(w string) bool {
			for _, p := range ps {
				if w == p {
					return true
				}
			}
			return false
		}
	}
	switch {
	case any(prefix("uppföljning", "utvärdering", "indikator", "resultat", "mått", "nyckeltal", "mätbar", "målvärde", "effekt")):
		return colFollowUp
	case any(prefix("ansvar", "huvudansvar", "utförare", "ägare")) || any(exact("vem")):
		return colResponsible
	case any(prefix("tidplan", "tidsplan", "tidpunkt", "tidsram", "tid", "datum", "klart", "period", "deadline")) || any(exact("när", "år")):
		return colTimeline
	case any(prefix("aktivitet", "åtgärd", "insats", "handling")) || any(exact("vad", "hur")):
		return colActivity
	case any(prefix("problem", "behov", "nuläge", "utmaning", "bakgrund")):
		return colProblem
	case any(prefix("mål", "delmål", "syfte", "område", "fokus", "inriktning", "strategi")):
		return colGoal
	}
	return colOther
}

// tagRe strips markup that text extraction left in cells ("<u>Arbete</u>").
var tagRe = regexp.MustCompile(`</?[a-zA-Z][^>]{0,20}>`)

// rawLine returns the whole text line a segment stands on: the segmenter
// trims a table row's leading empty cells, which carry its column layout.
func rawLine(text string, s Sentence) string {
	start := strings.LastIndexAny(text[:s.Start], "\n\f") + 1
	end := s.End
	if k := strings.IndexAny(text[end:], "\n\f"); k >= 0 {
		end += k
	} else {
		end = len(text)
	}
	return text[start:end]
}

func splitCells(line string) []string {
	cells := strings.Split(strings.TrimRight(line, "\r"), "\t")
	for i, c := range cells {
		if strings.IndexByte(c, '<') >= 0 { // tagRe needs one
			c = tagRe.ReplaceAllString(c, "")
		}
		cells[i] = joinFields(c)
	}
	return cells
}

// actionYearRe finds a year; timeWords are other Swedish expressions of when.
var (
	actionYearRe = lazyRegexp(`\b(19|20)\d\d\b`)
	// Go's \b knows only ASCII letters, so word edges are spelt out.
	timeWords = lazyRegexp(`(?i)(?:^|[^\p{L}])(årligen|årlig|varje år|per år|halvår\p{L}*|kvartal\p{L}*|månad\p{L}*|termin\p{L}*|löpande|kontinuerligt|våren|vårterminen|hösten|höstterminen|vt|ht|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|veck\p{L}+|mandatperiod\p{L}*|årsredovisning\p{L}*|delårsrapport\p{L}*|bokslut\p{L}*|verksamhetsberättelse\p{L}*|budgetår\p{L}*|senast|fortlöpande|under året|varje (år|månad|halvår|kvartal|termin|vecka))(?:$|[^\p{L}])`)
)

// isTimeLike reports a short cell or phrase that says when.
func isTimeLike(s string) bool {
	if s == "" || moreFields(s, 10) {
		return false
	}
	return mentionsTime(s)
}

// mentionsTime reports any time expression in running text.
func mentionsTime(s string) bool {
	return hasYear(s) || timeStarts.hasAtWordStart(s) && timeWords().MatchString(s)
}

// hasYear reports whether actionYearRe matches s: 19 or 20 and two more
// digits, with no ASCII letter, digit or underscore on either side (Go's
// \b; a rune outside ASCII is no word character, and every byte of one
// is at or above utf8.RuneSelf).
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isASCIIWordByte(s[i-1])) && (i+4 == len(s) || !isASCIIWordByte(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// timeStarts are the starts of timeWords' alternatives (see stemIndex):
// each match begins with one where a word begins. Until session 34 the
// test was a stem anywhere ("veck" for veckan and veckovis), which every
// sentence on "utveckling" passed, and the expression, case-folded and
// with \p{L} on both sides, then ran over the whole sentence.
var timeStarts = newStemIndex("årlig", "varje", "per år", "halvår", "kvartal", "månad", "termin", "löpande", "fortlöpande",
	"kontinuerligt", "våren", "vårterminen", "hösten", "höstterminen", "vt", "ht", "januari", "februari", "mars", "april", "maj",
	"juni", "juli", "augusti", "september", "oktober", "november", "december", "veck", "mandatperiod", "årsredovisning",
	"delårsrapport", "bokslut", "verksamhetsberättelse", "budgetår", "senast", "under året")

// isRoleLike reports a short cell that names who is responsible
// ("Kultur- och fritidschef", "Kommunledningsgruppen").
func (a *Analyzer) isRoleLike(s string) bool {
	toks := tokenize(s, 0, nil) // words only: no stems needed
	if len(toks) == 0 || len(toks) > 8 || isTimeLike(s) {
		return false
	}
	for _, t := range toks {
		if a.matcher.isRoleWord(t.Lower) {
			return true
		}
	}
	return false
}

// extractActions reads the action rows of a document: rows of tables
// whose header labels an activity, responsible or time column, and
// running-text entries with "Ansvar:", "Tidplan:" labels.
// lines are text's lines (splitLines).
func (a *Analyzer) extractActions(text string, lines []line, segs []Sentence, st structure, scores []map[string]float64) []Action {
	out := []Action{}
	for i := 0; i < len(segs); i++ {
		if segs[i].Kind != KindHeading {
			continue
		}
		raw := rawLine(text, segs[i])
		if strings.IndexByte(raw, '\t') < 0 {
			continue // one cell: not a table's header (most headings; splitting them was a third of this step)
		}
		header := splitCells(raw)
		if len(header) < 2 {
			continue
		}
		cols := make([]column, len(header))
		useful := false
		for k, h := range header {
			cols[k] = headerColumn(h)
			useful = useful || cols[k] == colActivity || cols[k] == colResponsible || cols[k] == colTimeline
		}
		if !useful {
			continue
		}
		goal := ""
		for j := i + 1; j < len(segs) && segs[j].Kind == KindTableRow; j++ {
			act := a.tableRow(splitCells(rawLine(text, segs[j])), cols, &goal)
			act.Sentence, act.Page, act.Source, act.Text = j, segs[j].Page, "table", segs[j].Text
			act.Theme, act.ThemeSource = a.actionTheme(st, scores, j)
			out = append(out, act)
		}
	}
	out = append(out, a.labelledActions(text, lines, segs, st, scores)...)
	sort.SliceStable(out, func(x, y int) bool { return out[x].Sentence < out[y].Sentence })
	return out
}

// tableRow maps one row's cells by the header's columns. A row with an
// empty goal cell continues the goal above it (*goal carries it). Cells
// that a merged cell in the source pushed out of place are put back by
// what they say: a time under "Huvudansvar" moves to the timeline, a role
// under "Aktivitet" to the responsible, and a row whose only text stands
// in the goal column beside a role or time is that activity.
func (a *Analyzer) tableRow(cells []string, cols []column, goal *string) Action {
	var act Action
	ownGoal := ""
	for k, c := range cells {
		if k >= len(cols) || c == "" {
			continue
		}
		field := map[column]*string{colGoal: &ownGoal, colProblem: &act.Problem, colActivity: &act.Activity,
			colResponsible: &act.Responsible, colTimeline: &act.Timeline, colFollowUp: &act.FollowUp}[cols[k]]
		if field == nil {
			continue
		}
		if *field != "" {
			*field += " "
		}
		*field += c
	}
	if act.Timeline == "" && isTimeLike(act.Responsible) {
		act.Timeline, act.Responsible = act.Responsible, ""
	}
	if act.Responsible == "" && a.isRoleLike(act.Activity) {
		act.Responsible, act.Activity = act.Activity, ""
	}
	if act.Activity == "" && ownGoal != "" && (act.Responsible != "" || act.Timeline != "") {
		act.Activity = ownGoal
	}
	if ownGoal != "" {
		*goal = ownGoal
	}
	act.Goal = *goal
	return act
}

// actionTheme is the theme of an action row: its table section's (or
// heading's) theme, else the strongest theme of its own words.
func (a *Analyzer) actionTheme(st structure, scores []map[string]float64, i int) (string, string) {
	// The table's own section label ("Mål/delmål för område Boende")
	// decides; then the row's own words; only then a heading further out,
	// since a table of mixed activities under one heading is common.
	if th := st.tableSectionTheme(i); th != "" {
		return th, "section"
	}
	if r := a.rank(scores[i]); len(r) > 0 {
		return r[0].Theme, "text"
	}
	if th := st.sectionTopTheme(i); th != "" {
		return th, "section"
	}
	return "", ""
}

// labelRe finds the labels of running-text action entries ("Ansvar:
// Kultur- och fritidschef", "Tidplan: 2019"). Labels are capitalised as
// they are written at the start of an entry or line.
var labelRe = lazyRegexp(`(?:^|[\s(.;,•-])(` + strings.Join(labelNames, "|") + `)\s*:\s*`)

// labelNames are labelRe's labels, each as written, in the expression's
// order (a longer name before its prefix: "Ansvarig" before "Ansvar");
// labelRe is built from them, so mayHoldLabel tests the same names.
var labelNames = []string{"Huvudansvar", "Ansvarig", "Ansvariga", "Ansvar", "Tidplan", "Tidsplan", "Tidpunkt", "Tid", "Klart", "Uppföljning",
	"Indikatorer", "Indikator", "Aktivitet", "Aktiviteter", "Åtgärd", "Åtgärder", "Insats", "Mål"}

// mayHoldLabel reports whether labelRe matches l, without the expression:
// some colon has, before it and any run of \s, a label that starts l or
// follows one of the expression's lead characters. Lines that merely
// hold a colon and a label word ("Dnr: KS 2018/899", a paragraph on
// "ansvar" with a colon in it) are most lines with a colon, and the
// expression, unanchored behind its lead alternation, backtracks at every
// position of them: 4% of the analysis's instructions with the earlier,
// looser test (a colon and a label word anywhere).
func mayHoldLabel(l string) bool {
	for from := 0; ; {
		c := strings.IndexByte(l[from:], ':')
		if c < 0 {
			return false
		}
		c += from
		from = c + 1
		end := c
		for end > 0 && isRegexpSpace(l[end-1]) {
			end--
		}
		for _, name := range labelNames {
			if strings.HasSuffix(l[:end], name) && labelLeadBefore(l, end-len(name)) {
				return true
			}
		}
	}
}

// isRegexpSpace reports whether b is in the regexp package's \s.
func isRegexpSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// labelLeadBefore reports whether labelRe's lead, (?:^|[\s(.;,•-]), can
// end at byte p of l.
func labelLeadBefore(l string, p int) bool {
	if p == 0 {
		return true
	}
	switch b := l[p-1]; {
	case isRegexpSpace(b), b == '(', b == '.', b == ';', b == ',', b == '-':
		return true
	}
	return strings.HasSuffix(l[:p], "•")
}

func labelColumn(l string) column {
	switch {
	case strings.HasPrefix(l, "Ansvar") || l == "Huvudansvar":
		return colResponsible
	case strings.HasPrefix(l, "Tid") || l == "Klart":
		return colTimeline
	case l == "Uppföljning" || strings.HasPrefix(l, "Indikator"):
		return colFollowUp
	case l == "Mål":
		return colGoal
	}
	return colActivity
}

// labelledActions reads action entries written as labelled lines:
//
//	Språkcafé på biblioteket. Ansvar: Kultur- och fritidschef. Tid: 2019
//
// or an entry line followed by label lines. An entry needs a responsible
// role or a time; the activity is the text before the first label, an
// "Aktivitet:" value, or the line before a run of label lines.
func (a *Analyzer) labelledActions(text string, lines []line, segs []Sentence, st structure, scores []map[string]float64) []Action {
	var out []Action
	prevText, prevStart := "", -1 // the last non-label line, for label-only lines
	open := -1                    // index in out of the entry label lines still add to
	for _, l := range lines {
		if strings.TrimSpace(l.s) == "" {
			open, prevText = -1, ""
			continue
		}
		if strings.Contains(strings.TrimRight(l.s, "\t "), "\t") {
			open, prevText = -1, ""
			continue
		}
		var ms [][]int
		if mayHoldLabel(l.s) {
			ms = labelRe().FindAllStringSubmatchIndex(l.s, -1)
		}
		if len(ms) == 0 {
			open, prevText, prevStart = -1, l.s, l.start
			continue
		}
		lead := cleanEntry(l.s[:ms[0][0]])
		var act Action
		for k, m := range ms {
			end := len(l.s)
			if k+1 < len(ms) {
				end = ms[k+1][0]
			}
			val := cleanEntry(l.s[m[1]:end])
			field := map[column]*string{colGoal: &act.Goal, colActivity: &act.Activity, colResponsible: &act.Responsible,
				colTimeline: &act.Timeline, colFollowUp: &act.FollowUp}[labelColumn(l.s[m[2]:m[3]])]
			if *field != "" {
				*field += " "
			}
			*field += val
		}
		start := l.start
		switch {
		case moreFields(lead, 1) || (lead != "" && act.Activity != ""):
			if act.Activity == "" {
				act.Activity = lead
			} else if act.Goal == "" {
				act.Goal = lead
			}
		case open >= 0:
			merge(&out[open], act)
			continue
		case act.Activity == "" && prevText != "":
			act.Activity, start = cleanEntry(prevText), prevStart
		}
		if act.Responsible == "" && act.Timeline == "" || act.Activity == "" && act.Goal == "" {
			open = -1
			continue
		}
		i := segmentAt(segs, start)
		if i < 0 {
			continue
		}
		act.Sentence, act.Page, act.Source = i, segs[i].Page, "text"
		act.Text = joinFields(text[start : l.start+len(l.s)])
		act.Theme, act.ThemeSource = a.actionTheme(st, scores, i)
		if act.ThemeSource != "section" {
			if r := a.Tag(act.Activity + " " + act.Goal); len(r) > 0 {
				act.Theme, act.ThemeSource = r[0].Theme, "text"
			}
		}
		out = append(out, act)
		open = len(out) - 1
	}
	return out
}

// merge adds a label line's fields to the entry it continues.
func merge(dst *Action, src Action) {
	for _, p := range [][2]*string{{&dst.Activity, &src.Activity}, {&dst.Goal, &src.Goal}, {&dst.Responsible, &src.Responsible},
		{&dst.Timeline, &src.Timeline}, {&dst.FollowUp, &src.FollowUp}} {
		if *p[1] == "" {
			continue
		}
		if *p[0] != "" {
			*p[0] += " "
		}
		*p[0] += *p[1]
	}
}

// cleanEntry trims bullets, spaces and closing punctuation.
func cleanEntry(s string) string {
	s = strings.TrimSpace(bullet.ReplaceAllString(s, ""))
	s = strings.TrimRight(s, " .;,")
	return joinFields(s)
}

// segmentAt returns the segment that contains (or first follows) a byte
// offset, -1 if none.
func segmentAt(segs []Sentence, off int) int {
	k := sort.Search(len(segs), func(i int) bool { return segs[i].End > off })
	if k >= len(segs) {
		return -1
	}
	return k
}
