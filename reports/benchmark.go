package reports

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/registry"
)

// IndicatorSource is implemented by analyses that carry further named
// numeric indicators beyond those documentIndicators reads (theme
// coverage, modality counts, plan quality). The benchmark includes every
// indicator the deciding documents report, so a new analysis shows up in
// it without changes here: give *analysis.DocumentAnalysis an Indicators
// method.
type IndicatorSource interface {
	Indicators() map[string]float64
}

// Median returns the median of data, which must be sorted ascending: the
// middle value, or for an even count the mean of the two middle values.
// gonum's stat.Quantile with stat.Empirical returns the lower middle value
// at p = 0.5 and the upper one just above it; their mean is the usual
// median. NaN for no data.
func Median(sorted []float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	lo := stat.Quantile(0.5, stat.Empirical, sorted, nil)
	hi := stat.Quantile(math.Nextafter(0.5, 1), stat.Empirical, sorted, nil)
	return (lo + hi) / 2
}

// BenchmarkLine is one figure of a municipality next to its peers'
// medians.
type BenchmarkLine struct {
	Name    string  // "work_level", "work_share", "words", or an indicator's name
	Theme   string  // the theme, "" for other indicators
	Value   float64 // the municipality's figure
	County  float64 // median over the county's other municipalities with a usable document; NaN for none
	Corpus  float64 // median over all other municipalities with a usable document; NaN for none
	NCounty int     // municipalities behind County
	NCorpus int     // municipalities behind Corpus
	Below   bool    // below both medians (see NewBenchmark)
}

// Benchmark is one municipality's coverage compared with its county and
// the whole corpus.
type Benchmark struct {
	Municipality registry.Municipality
	County       registry.County
	Row          MunicipalityRow
	Lines        []BenchmarkLine
	Weak         []string // themes below both medians, in codebook order
	Peers        []Peer   // the most similar plans of other municipalities
}

// NewBenchmark compares the municipality key (code or registry name) with
// the others.
//
// Figures per municipality are its row in the county tables (decideRow:
// best level and share among its usable documents); other indicators come
// from its deciding document. The medians are over the other
// municipalities with a usable document (current, or unknown validity),
// one value per municipality, so a city with ten plans weighs as much as
// a village with one, and the municipality is not its own peer. A theme is
// below both when its level is under both median levels, or equals the
// median level and its share is under the median share (so a tie on the
// coarse level scale is decided by the share); likewise for indicators,
// where higher is taken as better.
func NewBenchmark(r *Report, key string) (*Benchmark, error) {
	if r.Registry == nil {
		return nil, fmt.Errorf("benchmark: no municipality registry")
	}
	m, ok := r.Registry.Municipality(key)
	if !ok {
		m, ok = r.Registry.MunicipalityByName(key)
	}
	if !ok {
		return nil, fmt.Errorf("benchmark: %q is neither a municipality code nor a municipality name", key)
	}
	rows := MunicipalityRows(r)
	var self MunicipalityRow
	var county, all []MunicipalityRow
	for _, row := range rows {
		switch {
		case row.Municipality.Code == m.Code:
			self = row
		case !row.Usable():
		case row.Municipality.CountyCode == m.CountyCode:
			county = append(county, row)
			all = append(all, row)
		default:
			all = append(all, row)
		}
	}
	if self.Document == nil {
		return nil, fmt.Errorf("benchmark: no document of %s (%s) among the analysed files", m.Name, m.Code)
	}
	c, _ := r.Registry.County(m.CountyCode)
	b := &Benchmark{Municipality: m, County: c, Row: self}

	ids := r.Codebook.ThemeIDs()
	for ti, id := range ids {
		level := func(row MunicipalityRow) float64 { return float64(row.Cells[ti].Level) }
		share := func(row MunicipalityRow) float64 { return row.Cells[ti].Share }
		lv := newLine(id+"_level", id, self, county, all, level)
		sh := newLine(id+"_share", id, self, county, all, share)
		below := func(lm, sm float64) bool {
			return !math.IsNaN(lm) && (lv.Value < lm || (lv.Value == lm && sh.Value < sm))
		}
		lv.Below = below(lv.County, sh.County) && below(lv.Corpus, sh.Corpus)
		sh.Below = !math.IsNaN(sh.County) && !math.IsNaN(sh.Corpus) && sh.Value < sh.County && sh.Value < sh.Corpus
		if lv.Below {
			b.Weak = append(b.Weak, id)
		}
		cm := newLine(id+"_commitments", id, self, county, all, func(row MunicipalityRow) float64 {
			if c := row.Cells[ti]; c.Source != nil {
				if themes := r.themes(c.Source, nil); ti < len(themes) {
					return float64(themes[ti].Commitments)
				}
			}
			return 0
		})
		cm.Below = !math.IsNaN(cm.County) && !math.IsNaN(cm.Corpus) && cm.Value < cm.County && cm.Value < cm.Corpus
		b.Lines = append(b.Lines, lv, sh, cm)
	}
	for _, name := range indicatorNames(append([]MunicipalityRow{self}, all...)) {
		get := func(row MunicipalityRow) float64 { return indicators(row)[name] }
		l := newLine(name, "", self, county, all, get)
		l.Below = !math.IsNaN(l.County) && !math.IsNaN(l.Corpus) && l.Value < l.County && l.Value < l.Corpus
		b.Lines = append(b.Lines, l)
	}

	sim := r.similarity()
	idx := -1
	for i, d := range sim.Docs {
		if d == self.Document {
			idx = i
		}
	}
	if idx >= 0 {
		b.Peers = sim.TopPeers(idx, maxPeers, func(d *analysis.DocumentAnalysis) bool { return d.Municipality.Code == m.Code })
	}
	return b, nil
}

func newLine(name, theme string, self MunicipalityRow, county, all []MunicipalityRow, get func(MunicipalityRow) float64) BenchmarkLine {
	med := func(rows []MunicipalityRow) float64 {
		xs := make([]float64, len(rows))
		for i, r := range rows {
			xs[i] = get(r)
		}
		sort.Float64s(xs)
		return Median(xs)
	}
	return BenchmarkLine{Name: name, Theme: theme, Value: get(self), County: med(county), Corpus: med(all),
		NCounty: len(county), NCorpus: len(all)}
}

// indicators are the non-theme figures of a municipality's row: size,
// breadth of coverage, and whatever its deciding document reports through
// IndicatorSource.
func indicators(row MunicipalityRow) map[string]float64 {
	out := map[string]float64{}
	if row.Document == nil {
		return out
	}
	if src, ok := any(row.Document).(IndicatorSource); ok {
		for k, v := range src.Indicators() {
			out[k] = v
		}
	}
	for k, v := range documentIndicators(row.Document) {
		out[k] = v
	}
	out["words"] = float64(row.Document.Words)
	out["sentences"] = float64(row.Document.Sentences)
	var l1, l2 float64
	for _, c := range row.Cells {
		if c.Level >= 1 {
			l1++
		}
		if c.Level >= 2 {
			l2++
		}
	}
	out["themes_level_ge1"] = l1
	out["themes_level_ge2"] = l2
	return out
}

// documentIndicators are a document's commitment counts (content
// segments per modality: "commitment" for ska/skall, "recommendation" for
// bör, ...) and its plan-quality indicators (action rows, how many name a
// responsible role, a time and a follow-up; whether the plan says how and
// when it is evaluated, as 0 or 1).
func documentIndicators(d *analysis.DocumentAnalysis) map[string]float64 {
	out := map[string]float64{}
	for m, n := range d.Modalities {
		out["segments_"+string(m)] = float64(n)
	}
	q := d.Quality
	out["actions"] = float64(q.Actions)
	out["goals"] = float64(q.Goals)
	out["actions_with_responsible"] = float64(q.WithResponsible)
	out["actions_with_time"] = float64(q.WithTime)
	out["actions_with_follow_up"] = float64(q.WithFollowUp)
	out["share_with_responsible"] = q.ShareResponsible
	out["share_with_time"] = q.ShareTime
	out["share_with_follow_up"] = q.ShareFollowUp
	out["evaluation_mentioned"] = b2f(q.EvaluationMentioned)
	out["has_evaluation"] = b2f(q.HasEvaluation)
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// indicatorNames lists the indicators of the rows: the built-in ones
// first, then the others sorted by name.
func indicatorNames(rows []MunicipalityRow) []string {
	builtin := []string{"themes_level_ge1", "themes_level_ge2", "words", "sentences"}
	seen := map[string]bool{}
	for _, n := range builtin {
		seen[n] = true
	}
	var extra []string
	for _, r := range rows {
		for n := range indicators(r) {
			if !seen[n] {
				seen[n] = true
				extra = append(extra, n)
			}
		}
	}
	sort.Strings(extra)
	return append(builtin, extra...)
}

// BenchmarkColumns are the columns of benchmark-CODE.csv.
var BenchmarkColumns = []string{"indicator", "theme", "value", "county_median", "corpus_median", "county_n", "corpus_n", "below_both"}

// WriteBenchmarkCSV writes benchmark-CODE.csv: one row per figure.
// Medians without peers are empty.
func WriteBenchmarkCSV(w io.Writer, b *Benchmark) error {
	var rows [][]string
	for _, l := range b.Lines {
		rows = append(rows, []string{l.Name, l.Theme, fmtNum(l.Value), fmtNum(l.County), fmtNum(l.Corpus),
			strconv.Itoa(l.NCounty), strconv.Itoa(l.NCorpus), strconv.FormatBool(l.Below)})
	}
	return writeCSV(w, BenchmarkColumns, rows)
}

// WriteBenchmarkPeersCSV writes benchmark-CODE-peers.csv: the most similar
// plans of other municipalities.
func WriteBenchmarkPeersCSV(w io.Writer, b *Benchmark) error {
	var rows [][]string
	for i, p := range b.Peers {
		rows = append(rows, []string{strconv.Itoa(i + 1), p.Doc.File, p.Doc.Municipality.Code, p.Doc.Municipality.Name,
			fmtFloat(p.Similarity, 4), strconv.FormatBool(p.Similarity >= NearDuplicate)})
	}
	return writeCSV(w, []string{"rank", "document", "municipality_code", "municipality", "similarity", "near_duplicate"}, rows)
}

// WriteBenchmarkMarkdown writes the benchmark as a readable page.
func WriteBenchmarkMarkdown(w io.Writer, b *Benchmark) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# Benchmark: %s (%s), %s\n\n", mdEscape(b.Municipality.Name), b.Municipality.Code, mdEscape(b.County.Name))
	fmt.Fprintf(&s, "Document: %s (status: %s", mdEscape(b.Row.Document.File), b.Row.Status)
	if b.Row.Documents > 1 {
		fmt.Fprintf(&s, "; %d documents, best figure per theme, see county-%s.csv for sources", b.Row.Documents, b.County.Code)
	}
	s.WriteString(").\n\nMedians are over the other municipalities with a usable document (one value per municipality): ")
	if len(b.Lines) > 0 {
		fmt.Fprintf(&s, "%d in the county, %d in the corpus.\n\n", b.Lines[0].NCounty, b.Lines[0].NCorpus)
	}
	if len(b.Weak) > 0 {
		fmt.Fprintf(&s, "**Below both the county and the corpus:** %s.\n\n", strings.Join(b.Weak, ", "))
	} else {
		s.WriteString("No theme is below both the county and the corpus.\n\n")
	}
	s.WriteString("| figure | value | county median | corpus median | below both |\n|---|---|---|---|---|\n")
	for _, l := range b.Lines {
		mark := ""
		if l.Below {
			mark = "**below**"
		}
		fmt.Fprintf(&s, "| %s | %s | %s | %s | %s |\n", mdEscape(l.Name), fmtNum(l.Value), dash(fmtNum(l.County)), dash(fmtNum(l.Corpus)), mark)
	}
	s.WriteString("\n## Most similar plans\n\n")
	if len(b.Peers) == 0 {
		s.WriteString("No other municipality's plan shares vocabulary with this one.\n")
	} else {
		s.WriteString("| # | document | municipality | similarity |\n|---|---|---|---|\n")
		for i, p := range b.Peers {
			dup := ""
			if p.Similarity >= NearDuplicate {
				dup = " (near duplicate)"
			}
			fmt.Fprintf(&s, "| %d | %s | %s | %.4f%s |\n", i+1, mdEscape(p.Doc.File), mdEscape(p.Doc.Municipality.Name), p.Similarity, dup)
		}
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// WriteBenchmark writes benchmark-CODE.csv, benchmark-CODE-peers.csv and
// benchmark-CODE.md into dir.
func WriteBenchmark(dir string, b *Benchmark) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	base := filepath.Join(dir, "benchmark-"+b.Municipality.Code)
	for _, f := range []struct {
		path  string
		write func(io.Writer, *Benchmark) error
	}{{base + ".csv", WriteBenchmarkCSV}, {base + "-peers.csv", WriteBenchmarkPeersCSV}, {base + ".md", WriteBenchmarkMarkdown}} {
		if _, err := writeFile(f.path, func(w io.Writer) error { return f.write(w, b) }); err != nil {
			return err
		}
	}
	return nil
}

// fmtNum prints a figure with at most four decimals and no trailing
// zeros; "" for NaN (no data).
func fmtNum(f float64) string {
	if math.IsNaN(f) {
		return ""
	}
	return strconv.FormatFloat(math.Round(f*10000)/10000, 'f', -1, 64)
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
