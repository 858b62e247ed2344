package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/registry"
)

// Row statuses of the regional tables: what a municipality's figures rest
// on. A county board reads "expired" and "no document" as "this
// municipality has no steering document in force".
const (
	RowCurrent    = "current"          // at least one document in force
	RowUnknown    = "unknown validity" // no document in force, but one without a stated end
	RowExpired    = "expired"          // every document has expired
	RowNoDocument = "no document"      // nothing in the corpus
)

// KindOrder is the "highest kind" order that decides which of a
// municipality's documents represents it: the steering hierarchy of
// docs/domain.md ("Kinds and bindingness"), most general first. A policy or strategy states what the
// municipality as a whole commits to, while plans and action plans
// implement it, guidelines steer the organisation, a project plan only
// prepares a strategy and "other" (LÖK, vision, protocol) is related
// material. A document of unknown kind ranks last.
func KindOrder() []string {
	return []string{"policy", "strategy", "program", "plan", "action_plan", "guidelines", "project_plan", "other"}
}

// kindRank is the position of kind in KindOrder; unknown kinds rank last.
func kindRank(kind string) int {
	order := KindOrder()
	for i, k := range order {
		if k == kind {
			return i
		}
	}
	return len(order)
}

// statusTier orders document statuses by usability: documents in force
// first, then those whose validity is unknown (usable when nothing is
// known to be in force), then expired ones.
func statusTier(status string) int {
	switch status {
	case "current":
		return 0
	case "expired":
		return 2
	}
	return 1 // "unknown", or not extracted at all
}

var tierStatus = [...]string{RowCurrent, RowUnknown, RowExpired}

// Cell is one theme's figure for a municipality, with the document it
// comes from (nil when the municipality has no document).
type Cell struct {
	Level  int
	Share  float64
	Source *analysis.DocumentAnalysis
}

// MunicipalityRow is one municipality's coverage as a county table shows
// it.
type MunicipalityRow struct {
	Municipality registry.Municipality
	Status       string                     // one of the Row* constants
	Document     *analysis.DocumentAnalysis // the deciding document; nil for RowNoDocument
	Documents    int                        // documents attributed to the municipality
	Cells        []Cell                     // one per codebook theme, in codebook order
}

// Usable reports whether the row's figures count as coverage: from a
// document in force, or of unknown validity when none is known in force.
func (r MunicipalityRow) Usable() bool { return r.Status == RowCurrent || r.Status == RowUnknown }

// decideRow shapes the documents of one municipality into its row.
//
// The rule (also in the README of county-CODE.csv, see WriteCounty): the
// documents in the best status tier count (current; if none, unknown
// validity; if none, expired). Among them the deciding document is the
// one of the highest kind (KindOrder), then the newest (year, adoption
// date, start of validity), then the first file name. Each theme's figure
// is the best level among the counted documents, then the best share;
// exact ties go to the deciding document, then the next in that order.
// Every figure names its source document.
//
// r gives the documents' themes (Report.themes: a run's summaries keep
// them packed).
func decideRow(r *Report, m registry.Municipality, docs []*analysis.DocumentAnalysis, nThemes int) MunicipalityRow {
	row := MunicipalityRow{Municipality: m, Status: RowNoDocument, Documents: len(docs), Cells: make([]Cell, nThemes)}
	if len(docs) == 0 {
		return row
	}
	ordered := append([]*analysis.DocumentAnalysis(nil), docs...)
	sort.SliceStable(ordered, func(i, j int) bool { return docBefore(ordered[i], ordered[j]) })
	tier := statusTier(ordered[0].Meta.Status)
	var counted []*analysis.DocumentAnalysis
	for _, d := range ordered {
		if statusTier(d.Meta.Status) == tier {
			counted = append(counted, d)
		}
	}
	row.Status = tierStatus[tier]
	row.Document = counted[0]
	themes := make([][]analysis.ThemeCoverage, len(counted))
	for k, d := range counted {
		themes[k] = r.themes(d, nil)
	}
	for ti := range row.Cells {
		for k, d := range counted {
			if ti >= len(themes[k]) {
				continue
			}
			t := themes[k][ti]
			c := &row.Cells[ti]
			if c.Source == nil || t.Level > c.Level || (t.Level == c.Level && t.Share > c.Share) {
				*c = Cell{Level: t.Level, Share: t.Share, Source: d}
			}
		}
	}
	return row
}

// docBefore orders one municipality's documents: status tier, kind,
// newest, file name.
func docBefore(a, b *analysis.DocumentAnalysis) bool {
	if ta, tb := statusTier(a.Meta.Status), statusTier(b.Meta.Status); ta != tb {
		return ta < tb
	}
	if ka, kb := kindRank(a.Meta.Kind), kindRank(b.Meta.Kind); ka != kb {
		return ka < kb
	}
	// ISO dates and years compare as strings; an empty date is oldest.
	for _, f := range [](func(*analysis.DocumentAnalysis) string){
		func(d *analysis.DocumentAnalysis) string { return d.Meta.Year },
		func(d *analysis.DocumentAnalysis) string { return d.Meta.AdoptedOn },
		func(d *analysis.DocumentAnalysis) string { return d.Meta.ValidFrom },
	} {
		if fa, fb := f(a), f(b); fa != fb {
			return fa > fb
		}
	}
	return a.File < b.File
}

// MunicipalityRows returns a row for every municipality of the registry,
// sorted by code. Documents without a known municipality take no part.
func MunicipalityRows(r *Report) []MunicipalityRow {
	if r.Registry == nil {
		return nil
	}
	byCode := docsByMunicipality(r.Documents)
	n := len(r.Codebook.Themes)
	var rows []MunicipalityRow
	for _, m := range r.Registry.Municipalities() {
		rows = append(rows, decideRow(r, m, byCode[m.Code], n))
	}
	return rows
}

func docsByMunicipality(docs []*analysis.DocumentAnalysis) map[string][]*analysis.DocumentAnalysis {
	by := map[string][]*analysis.DocumentAnalysis{}
	for _, d := range docs {
		if d.Municipality.Code != "" {
			by[d.Municipality.Code] = append(by[d.Municipality.Code], d)
		}
	}
	return by
}

// CountyTable is the regional coverage of one county: every municipality
// of it, and the county line.
type CountyTable struct {
	County registry.County
	Themes []string // theme ids in codebook order
	Rows   []MunicipalityRow
	// AtLeast1 and AtLeast2 are, per theme, the share of the county's
	// municipalities whose usable figures reach level 1 and 2. The
	// denominator is every municipality of the county, so a municipality
	// without a document in force lowers the share.
	AtLeast1, AtLeast2 []float64
	Reach1, Reach2     []int // the municipalities counted in AtLeast1 and AtLeast2
	Usable             int   // municipalities with a usable document
	// ExpiredReach1 and ExpiredReach2 are, per theme, the municipalities
	// whose documents have all expired (RowExpired) but whose expired
	// figures reach level 1 and 2: not coverage, but without them a
	// county whose only plan expired shows 0% and the page does not say
	// why.
	ExpiredReach1, ExpiredReach2 []int
	Expired                      int // municipalities whose documents have all expired
}

// NewCountyTable builds the table of one county.
func NewCountyTable(r *Report, c registry.County) CountyTable {
	return newCountyTable(r, c, docsByMunicipality(r.Documents))
}

// newCountyTable is NewCountyTable with r's documents already grouped by
// municipality (docsByMunicipality), which CountyTables does once for
// all the counties: grouped again for each, it was most of the time of
// the county tables (10,000 documents: 0.28 of 0.35 s, and
// CountyTables is called by four writers).
func newCountyTable(r *Report, c registry.County, byCode map[string][]*analysis.DocumentAnalysis) CountyTable {
	ids := r.Codebook.ThemeIDs()
	t := CountyTable{County: c, Themes: ids, AtLeast1: make([]float64, len(ids)), AtLeast2: make([]float64, len(ids)),
		Reach1: make([]int, len(ids)), Reach2: make([]int, len(ids)),
		ExpiredReach1: make([]int, len(ids)), ExpiredReach2: make([]int, len(ids))}
	for _, m := range r.Registry.InCounty(c.Code) {
		row := decideRow(r, m, byCode[m.Code], len(ids))
		t.Rows = append(t.Rows, row)
		reach1, reach2 := t.Reach1, t.Reach2
		switch {
		case row.Usable():
			t.Usable++
		case row.Status == RowExpired:
			t.Expired++
			reach1, reach2 = t.ExpiredReach1, t.ExpiredReach2
		default:
			continue
		}
		for i, cell := range row.Cells {
			if cell.Level >= 1 {
				reach1[i]++
			}
			if cell.Level >= 2 {
				reach2[i]++
			}
		}
	}
	if n := float64(len(t.Rows)); n > 0 {
		for i := range ids {
			t.AtLeast1[i] = float64(t.Reach1[i]) / n
			t.AtLeast2[i] = float64(t.Reach2[i]) / n
		}
	}
	return t
}

// CountyTables returns the tables the run reports: the county asked for
// with --county, or else every county with at least one document.
func CountyTables(r *Report) []CountyTable {
	if r.Registry == nil {
		return nil
	}
	var out []CountyTable
	if r.County != "" {
		if c, ok := r.Registry.County(r.County); ok {
			out = append(out, NewCountyTable(r, c))
		}
		return out
	}
	has := map[string]bool{}
	for _, d := range r.Documents {
		if d.Municipality.Code != "" {
			if m, ok := r.Registry.Municipality(d.Municipality.Code); ok {
				has[m.CountyCode] = true
			}
		}
	}
	byCode := docsByMunicipality(r.Documents)
	for _, c := range r.Registry.Counties() {
		if has[c.Code] {
			out = append(out, newCountyTable(r, c, byCode))
		}
	}
	return out
}

// CountyHeader returns the columns of county-CODE.csv.
func CountyHeader(themes []string) []string {
	h := []string{"municipality_code", "municipality", "status", "document", "documents"}
	for _, id := range themes {
		h = append(h, id+"_level", id+"_share", id+"_source")
	}
	return h
}

// CountyRecords returns the rows of county-CODE.csv: one per municipality
// of the county, in code order. The county lines are in
// county-summary.csv (CountySummaryRecords), so that every row here is a
// municipality and every column has one type.
func CountyRecords(t CountyTable) [][]string {
	var rows [][]string
	for _, r := range t.Rows {
		rec := []string{r.Municipality.Code, r.Municipality.Name, r.Status, docFile(r.Document), strconv.Itoa(r.Documents)}
		for _, c := range r.Cells {
			if c.Source == nil {
				rec = append(rec, "", "", "")
				continue
			}
			rec = append(rec, strconv.Itoa(c.Level), fmtFloat(c.Share, 4), docFile(c.Source))
		}
		rows = append(rows, rec)
	}
	return rows
}

// WriteCounty writes one county-CODE.csv.
func WriteCounty(w io.Writer, t CountyTable) error {
	return writeCSV(w, CountyHeader(t.Themes), CountyRecords(t))
}

// CountySummaryColumns are the columns of county-summary.csv: per county,
// theme and threshold (level 1 or 2), the share of the county's
// municipalities whose usable figures reach it, the municipalities that
// do, all the county's municipalities (the denominator) and those with
// a usable document; then the municipalities whose documents have all
// expired whose expired figures reach the threshold (not counted in the
// share), and all municipalities whose documents have expired.
var CountySummaryColumns = []string{"county_code", "county", "theme", "threshold", "share", "municipalities",
	"municipalities_total", "municipalities_usable", "municipalities_expired_reaching", "municipalities_expired"}

// CountySummaryRecords returns the rows of county-summary.csv for tables:
// one per county × theme × threshold, counties in code order.
func CountySummaryRecords(tables []CountyTable) [][]string {
	var rows [][]string
	for _, t := range tables {
		for i, id := range t.Themes {
			for k, reach := range [][]int{t.Reach1, t.Reach2} {
				share := []float64{t.AtLeast1[i], t.AtLeast2[i]}[k]
				expired := [][]int{t.ExpiredReach1, t.ExpiredReach2}[k]
				rows = append(rows, []string{t.County.Code, t.County.Name, id, strconv.Itoa(k + 1), fmtFloat(share, 4),
					strconv.Itoa(reach[i]), strconv.Itoa(len(t.Rows)), strconv.Itoa(t.Usable),
					strconv.Itoa(expired[i]), strconv.Itoa(t.Expired)})
			}
		}
	}
	return rows
}

// WriteCountySummary writes county-summary.csv: the county lines of
// every county the run reports.
func WriteCountySummary(w io.Writer, r *Report) error {
	return writeCSV(w, CountySummaryColumns, CountySummaryRecords(r.countyTables()))
}

// CountyRule is the selection rule in words, for summary.md and
// report.html, so readers of a table see how it was made.
const CountyRule = `Every municipality of the county is a row. Status: "current" when at least one of its documents is in force; ` +
	`"unknown validity" when none is known to be in force but one states no end date (such documents are used); ` +
	`"expired" when all have expired (their figures are shown but not counted in the county line); "no document" when the corpus has none. ` +
	`Each theme shows the best level (then share) among the documents of that status; the deciding document is the newest of the highest kind ` +
	`(policy > strategy > program > plan > action_plan > guidelines > project_plan > other), and the source of every figure is named. ` +
	`County lines: the share of all the county's municipalities whose usable figures reach level 1 and level 2; ` +
	`"+N expired" (report.html: "more with an expired plan") counts the municipalities whose only documents have expired ` +
	`but would reach the level (not in the share).`

// writeCountySummary appends the county sections of summary.md.
func writeCountySummary(b *strings.Builder, r *Report) {
	tables := r.countyTables()
	if len(tables) == 0 {
		return
	}
	b.WriteString("\n## Regional coverage\n\n" + CountyRule + "\n")
	for _, t := range tables {
		fmt.Fprintf(b, "\n### %s (%s)\n\n%d of %d municipalities have a usable document.\n\n", mdEscape(t.County.Name), t.County.Code, t.Usable, len(t.Rows))
		b.WriteString("| municipality | status | document |")
		for _, id := range t.Themes {
			b.WriteString(" " + mdEscape(id) + " |")
		}
		b.WriteString("\n|---|---|---|")
		for range t.Themes {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for _, row := range t.Rows {
			fmt.Fprintf(b, "| %s (%s) | %s | %s |", mdEscape(row.Municipality.Name), row.Municipality.Code, row.Status, mdEscape(docName(row.Document)))
			for _, c := range row.Cells {
				if c.Source == nil {
					b.WriteString(" – |")
					continue
				}
				mark := ""
				if c.Source != row.Document {
					mark = "*"
				}
				fmt.Fprintf(b, " %d · %.0f%%%s |", c.Level, 100*c.Share, mark)
			}
			b.WriteString("\n")
		}
		for k, shares := range [][]float64{t.AtLeast1, t.AtLeast2} {
			fmt.Fprintf(b, "| **county, level ≥%d** | | |", k+1)
			expired := [][]int{t.ExpiredReach1, t.ExpiredReach2}[k]
			for i, s := range shares {
				fmt.Fprintf(b, " %.0f%%%s |", 100*s, expiredNote(expired[i], "+%d expired"))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n\\* figure taken from another of the municipality's documents (see county-CODE.csv, the \\<theme\\>\\_source column).\n")
}

// expiredNote is the note beside a county-line figure for n
// municipalities whose expired plans reach the level ("" for none);
// format has one %d.
func expiredNote(n int, format string) string {
	if n == 0 {
		return ""
	}
	return " " + fmt.Sprintf(format, n)
}

// docName is the base name of a document's file, "" for none.
func docName(d *analysis.DocumentAnalysis) string {
	if d == nil {
		return ""
	}
	return filepath.Base(d.File)
}

// docFile is a document's file as given to the run, "" for none.
func docFile(d *analysis.DocumentAnalysis) string {
	if d == nil {
		return ""
	}
	return d.File
}
