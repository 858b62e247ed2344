package eval

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/codebook"
)

// Confusion is a confusion table between a gold coding (rows) and
// styrdok's coding (columns) over the same labels. Labels keep the order
// they were given in, so tables print in codebook or level order.
type Confusion struct {
	Labels []string `json:"labels"`
	// Counts[i][j] is how many items gold coded Labels[i] and styrdok
	// coded Labels[j].
	Counts [][]int `json:"counts"`
	index  map[string]int
}

// NewConfusion makes an empty table over labels; more labels are added
// as Add meets them.
func NewConfusion(labels ...string) *Confusion {
	c := &Confusion{index: map[string]int{}}
	for _, l := range labels {
		c.label(l)
	}
	return c
}

func (c *Confusion) label(l string) int {
	if i, ok := c.index[l]; ok {
		return i
	}
	c.index[l] = len(c.Labels)
	c.Labels = append(c.Labels, l)
	for i := range c.Counts {
		c.Counts[i] = append(c.Counts[i], 0)
	}
	c.Counts = append(c.Counts, make([]int, len(c.Labels)))
	return len(c.Labels) - 1
}

// Add counts one item coded gold by the human and got by styrdok.
func (c *Confusion) Add(gold, got string) { c.Counts[c.label(gold)][c.label(got)]++ }

// N is the number of items counted.
func (c *Confusion) N() int {
	n := 0
	for _, row := range c.Counts {
		for _, v := range row {
			n += v
		}
	}
	return n
}

// Agreement is the share of items on the diagonal (observed agreement,
// accuracy).
func (c *Confusion) Agreement() float64 {
	n := c.N()
	if n == 0 {
		return math.NaN()
	}
	d := 0
	for i := range c.Counts {
		d += c.Counts[i][i]
	}
	return float64(d) / float64(n)
}

// ClassScore is one label's precision, recall and F1 when that label is
// the positive class; Support is how many items gold gave the label.
// Precision (recall) is NaN when styrdok (gold) never used the label, and
// F1 is NaN when either is.
type ClassScore struct {
	Label     string `json:"label"`
	Precision Stat   `json:"precision"`
	Recall    Stat   `json:"recall"`
	F1        Stat   `json:"f1"`
	Support   int    `json:"support"`
	Predicted int    `json:"predicted"`
	TP        int    `json:"tp"`
}

// Scores returns every label's precision, recall and F1 (one-vs-rest).
func (c *Confusion) Scores() []ClassScore {
	out := make([]ClassScore, len(c.Labels))
	for k, l := range c.Labels {
		tp, support, predicted := c.Counts[k][k], 0, 0
		for i := range c.Labels {
			support += c.Counts[k][i]
			predicted += c.Counts[i][k]
		}
		out[k] = PRF(l, tp, predicted, support)
	}
	return out
}

// PRF computes precision tp/predicted, recall tp/support and their
// harmonic mean.
func PRF(label string, tp, predicted, support int) ClassScore {
	s := ClassScore{Label: label, TP: tp, Support: support, Predicted: predicted,
		Precision: Stat(ratio(tp, predicted)), Recall: Stat(ratio(tp, support)), F1: Stat(math.NaN())}
	p, r := float64(s.Precision), float64(s.Recall)
	if !math.IsNaN(p) && !math.IsNaN(r) {
		if p+r == 0 {
			s.F1 = 0
		} else {
			s.F1 = Stat(2 * p * r / (p + r))
		}
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Kappa is Cohen's kappa, (po - pe) / (1 - pe): agreement beyond what the
// two codings' label frequencies give by chance. It is NaN when chance
// agreement is already 1 (both codings used one and the same label only),
// where kappa is undefined.
func (c *Confusion) Kappa() float64 {
	return c.weightedKappa(func(i, j int) float64 {
		if i == j {
			return 0
		}
		return 1
	})
}

// WeightedKappa is Cohen's weighted kappa for ordered labels (levels 0, 1,
// 2): 1 - Σ w·observed / Σ w·expected, with disagreement weights
// |i-j|/(k-1) (linear) or ((i-j)/(k-1))² (quadratic), where i and j are
// label positions. A 0-vs-2 disagreement thus costs more than 0-vs-1.
func (c *Confusion) WeightedKappa(quadratic bool) float64 {
	k := len(c.Labels)
	return c.weightedKappa(func(i, j int) float64 {
		if k < 2 {
			return 0
		}
		d := math.Abs(float64(i-j)) / float64(k-1)
		if quadratic {
			return d * d
		}
		return d
	})
}

func (c *Confusion) weightedKappa(w func(i, j int) float64) float64 {
	n := float64(c.N())
	if n == 0 {
		return math.NaN()
	}
	k := len(c.Labels)
	rows, cols := make([]float64, k), make([]float64, k)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			rows[i] += float64(c.Counts[i][j])
			cols[j] += float64(c.Counts[i][j])
		}
	}
	var obs, exp float64
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			obs += w(i, j) * float64(c.Counts[i][j]) / n
			exp += w(i, j) * rows[i] * cols[j] / (n * n)
		}
	}
	if exp == 0 {
		return math.NaN()
	}
	return 1 - obs/exp
}

// Stat is a statistic that may be undefined (NaN): a recall without gold
// items, a kappa when chance agreement is 1. It encodes as JSON null then,
// since JSON has no NaN.
type Stat float64

// MarshalJSON writes null for NaN and infinities.
func (s Stat) MarshalJSON() ([]byte, error) {
	f := float64(s)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(f, 'g', -1, 64)), nil
}

// Defined reports whether the statistic has a value.
func (s Stat) Defined() bool { return !math.IsNaN(float64(s)) && !math.IsInf(float64(s), 0) }

// GoldKind names a gold file's format, detected from its header.
type GoldKind string

// The gold formats (docs/eval.md).
const (
	GoldSegments GoldKind = "segments" // theme<TAB>...<TAB>text: one coded segment per row
	GoldLevels   GoldKind = "levels"   // file<TAB>theme...: one document per row, levels 0/1/2
	GoldMetadata GoldKind = "metadata" // file<TAB>field...: one document per row
)

// MetadataFields are the document fields a metadata gold file may code,
// named as in documents.csv: analysis.MetadataFields' names.
var MetadataFields = metadataFieldNames()

func metadataFieldNames() []string {
	names := make([]string, len(analysis.MetadataFields))
	for i, f := range analysis.MetadataFields {
		names[i] = f.Name
	}
	return names
}

// categoricalFields get a confusion table and kappa besides accuracy:
// their values come from a small closed set.
var categoricalFields = map[string]bool{"kind": true, "adopted_by": true, "status": true, "county_code": true}

// GoldRow is one data row of a gold file.
type GoldRow struct {
	Line   int      // line number in the file, for messages
	Fields []string // cells, trimmed
}

// Gold is a parsed gold file.
type Gold struct {
	Path   string
	Kind   GoldKind
	Header []string
	Rows   []GoldRow
}

// Col returns the index of a header column, or -1.
func (g *Gold) Col(name string) int {
	for i, h := range g.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// segmentTextColumns are the header names a segment file's text may have.
var segmentTextColumns = []string{"text", "row_text", "segment", "sentence"}

// LoadGold reads a gold TSV file.
func LoadGold(path string) (*Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	defer f.Close()
	return ParseGold(f, path)
}

// ParseGold parses a gold TSV: lines starting with # and blank lines are
// comments, the first other line is the header, which decides the format:
// a "theme" column and a text column make a segment file; a first column
// "file" (or "document") with metadata field columns makes a metadata
// file, and with other columns (theme ids) a levels file.
func ParseGold(r io.Reader, name string) (*Gold, error) {
	g := &Gold{Path: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if g.Header == nil {
			for i := range cells {
				cells[i] = strings.ToLower(cells[i])
			}
			g.Header = cells
			continue
		}
		g.Rows = append(g.Rows, GoldRow{Line: line, Fields: cells})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold %s: %w", name, err)
	}
	if g.Header == nil {
		return nil, fmt.Errorf("gold %s: no header line", name)
	}
	switch {
	case g.Col("theme") >= 0:
		if g.textCol() < 0 {
			return nil, fmt.Errorf("gold %s: a segment file needs a text column (one of %s) beside theme", name, strings.Join(segmentTextColumns, ", "))
		}
		g.Kind = GoldSegments
	case g.Header[0] == "file" || g.Header[0] == "document":
		g.Kind = GoldLevels
		for _, h := range g.Header[1:] {
			if slices.Contains(MetadataFields, h) {
				g.Kind = GoldMetadata
			}
		}
	default:
		return nil, fmt.Errorf("gold %s: unknown format: the header needs a theme column (segments) or start with file (levels, metadata); see docs/eval.md", name)
	}
	for _, row := range g.Rows {
		if len(row.Fields) > len(g.Header) {
			return nil, fmt.Errorf("gold %s:%d: %d cells but the header has %d", name, row.Line, len(row.Fields), len(g.Header))
		}
	}
	return g, nil
}

func (g *Gold) textCol() int {
	for _, c := range segmentTextColumns {
		if i := g.Col(c); i >= 0 {
			return i
		}
	}
	return -1
}

// cell returns row's cell i, "" when the row is short; "-" means empty.
func (r GoldRow) cell(i int) string {
	if i < 0 || i >= len(r.Fields) || r.Fields[i] == "-" {
		return ""
	}
	return r.Fields[i]
}

// DocIndex finds the analysed document a gold file's `file` value names:
// through the mapping (gold name -> path), by path, by base name, or by a
// prefix (8 hex digits or more) of the document's SHA-256.
type DocIndex struct {
	docs    []*analysis.DocumentAnalysis
	mapping map[string]string // gold name -> cleaned absolute path
}

// NewDocIndex indexes docs; mapping may be nil.
func NewDocIndex(docs []*analysis.DocumentAnalysis, mapping map[string]string) *DocIndex {
	m := map[string]string{}
	for k, v := range mapping {
		m[k] = absPath(v)
	}
	return &DocIndex{docs: docs, mapping: m}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

var hexPrefix = regexp.MustCompile(`^[0-9a-f]{8,64}$`)

// matchedRow is a document-level gold row with the analysis it names.
type matchedRow struct {
	row GoldRow
	doc *analysis.DocumentAnalysis
}

// matchRows pairs each document-level gold row (file name in the first
// column) with its analysis; rows naming no analysed document come back as
// messages.
func (x *DocIndex) matchRows(g *Gold) (matched []matchedRow, unmatched []string) {
	for _, row := range g.Rows {
		doc, err := x.Find(row.cell(0))
		if err != nil {
			unmatched = append(unmatched, err.Error())
			continue
		}
		matched = append(matched, matchedRow{row, doc})
	}
	return matched, unmatched
}

// Find returns the document gold names, or an error saying why none (or
// several) match.
func (x *DocIndex) Find(name string) (*analysis.DocumentAnalysis, error) {
	try := func(match func(d *analysis.DocumentAnalysis) bool, how string) (*analysis.DocumentAnalysis, error) {
		var found []*analysis.DocumentAnalysis
		for _, d := range x.docs {
			if match(d) {
				found = append(found, d)
			}
		}
		switch len(found) {
		case 0:
			return nil, nil
		case 1:
			return found[0], nil
		}
		return nil, fmt.Errorf("%q matches %d documents by %s (%s, %s, ...): use --map", name, len(found), how, found[0].File, found[1].File)
	}
	steps := []struct {
		how   string
		match func(d *analysis.DocumentAnalysis) bool
	}{
		{"mapping", func(d *analysis.DocumentAnalysis) bool { p, ok := x.mapping[name]; return ok && absPath(d.File) == p }},
		{"path", func(d *analysis.DocumentAnalysis) bool { return absPath(d.File) == absPath(name) }},
		{"base name", func(d *analysis.DocumentAnalysis) bool { return filepath.Base(d.File) == filepath.Base(name) }},
		{"sha256 prefix", func(d *analysis.DocumentAnalysis) bool {
			h := strings.ToLower(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
			return hexPrefix.MatchString(h) && strings.HasPrefix(d.SHA256, h)
		}},
	}
	for _, s := range steps {
		if s.how == "mapping" {
			if _, ok := x.mapping[name]; !ok {
				continue
			}
		}
		d, err := try(s.match, s.how)
		if d != nil || err != nil {
			return d, err
		}
	}
	if p, ok := x.mapping[name]; ok {
		return nil, fmt.Errorf("%q: mapped to %s, which was not analysed", name, p)
	}
	return nil, fmt.Errorf("%q: no analysed document has this path, base name or sha256 prefix (use --map)", name)
}

// LoadDocMap reads a mapping file: gold_name<TAB>path per line, # comments,
// an optional header (gold_name<TAB>path). Relative paths are relative to
// the mapping file's folder, so the file works from any working directory.
func LoadDocMap(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", path, err)
	}
	out := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("map %s:%d: want gold_name<TAB>path", path, i+1)
		}
		name, p := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if name == "gold_name" && p == "path" {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), p)
		}
		out[name] = p
	}
	return out, nil
}

// SegmentMiss is a gold segment whose top theme differs from the gold's.
type SegmentMiss struct {
	Line  int      `json:"line"`
	Gold  string   `json:"gold"`
	Top   string   `json:"top"`
	All   []string `json:"all"`
	Found bool     `json:"found"` // gold theme among all themes found
	Text  string   `json:"text"`
}

// SegmentEval compares styrdok's tagging of free-standing segments (as
// `styrdok tag` does) with human single-label coding. The top theme is
// styrdok's label ("-" when none reaches min_score).
type SegmentEval struct {
	Gold        string        `json:"gold"`
	Kind        GoldKind      `json:"kind"`
	N           int           `json:"n"`
	Top         int           `json:"top"`          // top theme = gold theme
	Found       int           `json:"found"`        // gold theme among the themes found
	TopAccuracy Stat          `json:"top_accuracy"` // Top / N
	FoundRate   Stat          `json:"found_rate"`   // Found / N
	Kappa       Stat          `json:"kappa"`        // Cohen's kappa of the top label
	MacroF1     Stat          `json:"macro_f1"`     // mean F1 over gold themes
	Themes      []ClassScore  `json:"themes"`       // per label, top label vs gold
	Confusion   *Confusion    `json:"confusion"`    // rows gold, columns top label
	Misses      []SegmentMiss `json:"misses"`
}

// EvalSegments tags each gold segment alone and compares.
func EvalSegments(a *analysis.Analyzer, g *Gold) (*SegmentEval, error) {
	if g.Kind != GoldSegments {
		return nil, fmt.Errorf("gold %s: is a %s file, not segments", g.Path, g.Kind)
	}
	tc, thc := g.textCol(), g.Col("theme")
	ev := &SegmentEval{Gold: g.Path, Kind: g.Kind, Misses: []SegmentMiss{}}
	var pairs [][2]string
	for _, row := range g.Rows {
		gold, text := row.cell(thc), row.cell(tc)
		if gold == "" {
			return nil, fmt.Errorf("gold %s:%d: empty theme", g.Path, row.Line)
		}
		if _, ok := a.Codebook.Theme(gold); !ok {
			return nil, fmt.Errorf("gold %s:%d: theme %q is not in the codebook (themes: %s)", g.Path, row.Line, gold, strings.Join(a.Codebook.ThemeIDs(), ", "))
		}
		ranked := a.Tag(text)
		top, all := "-", []string{}
		for _, s := range ranked {
			all = append(all, s.Theme)
		}
		if len(ranked) > 0 {
			top = ranked[0].Theme
		}
		found := slices.Contains(all, gold)
		ev.N++
		if top == gold {
			ev.Top++
		} else {
			ev.Misses = append(ev.Misses, SegmentMiss{Line: row.Line, Gold: gold, Top: top, All: all, Found: found, Text: text})
		}
		if found {
			ev.Found++
		}
		pairs = append(pairs, [2]string{gold, top})
	}
	ev.TopAccuracy, ev.FoundRate = Stat(ratio(ev.Top, ev.N)), Stat(ratio(ev.Found, ev.N))
	ev.Confusion = orderedConfusion(append(a.Codebook.ThemeIDs(), "-"), pairs)
	ev.Kappa = Stat(ev.Confusion.Kappa())
	ev.Themes = ev.Confusion.Scores()
	ev.MacroF1 = macroF1(ev.Themes)
	return ev, nil
}

// orderedConfusion builds a confusion table over the labels of order that
// occur in pairs (gold, got), in that order; labels outside order follow,
// sorted.
func orderedConfusion(order []string, pairs [][2]string) *Confusion {
	used := map[string]bool{}
	for _, p := range pairs {
		used[p[0]], used[p[1]] = true, true
	}
	var labels []string
	for _, l := range order {
		if used[l] {
			labels = append(labels, l)
			delete(used, l)
		}
	}
	labels = append(labels, slices.Sorted(maps.Keys(used))...)
	c := NewConfusion(labels...)
	for _, p := range pairs {
		c.Add(p[0], p[1])
	}
	return c
}

// macroF1 averages F1 over the labels gold used; an undefined F1 (styrdok
// never chose the label) counts as 0, as in scikit-learn.
func macroF1(scores []ClassScore) Stat {
	sum, n := 0.0, 0
	for _, s := range scores {
		if s.Support == 0 {
			continue
		}
		n++
		if s.F1.Defined() {
			sum += float64(s.F1)
		}
	}
	if n == 0 {
		return Stat(math.NaN())
	}
	return Stat(sum / float64(n))
}

// LevelCell is one document × theme comparison that disagrees.
type LevelCell struct {
	File  string `json:"file"`
	Theme string `json:"theme"`
	Gold  int    `json:"gold"`
	Got   int    `json:"got"`
	// Segments and Headings are what the level was graded from.
	Segments int `json:"segments"`
	Headings int `json:"headings"`
}

// ThemeLevelEval is one theme's level agreement over the documents, and
// the precision and recall of "covered" (level 1 or 2) against gold.
type ThemeLevelEval struct {
	Theme          string     `json:"theme"`
	N              int        `json:"n"`
	Agreement      Stat       `json:"agreement"`
	Kappa          Stat       `json:"kappa"`
	KappaLinear    Stat       `json:"kappa_linear"`
	KappaQuadratic Stat       `json:"kappa_quadratic"`
	Covered        ClassScore `json:"covered"`
}

// LevelEval compares document-level theme levels (0/1/2) with gold.
type LevelEval struct {
	Gold           string           `json:"gold"`
	Kind           GoldKind         `json:"kind"`
	Documents      int              `json:"documents"`
	Cells          int              `json:"cells"`
	Agree          int              `json:"agree"`
	Agreement      Stat             `json:"agreement"`
	Kappa          Stat             `json:"kappa"`
	KappaLinear    Stat             `json:"kappa_linear"`
	KappaQuadratic Stat             `json:"kappa_quadratic"`
	Levels         []ClassScore     `json:"levels"`    // per level 0, 1, 2
	Confusion      *Confusion       `json:"confusion"` // rows gold, columns styrdok
	Themes         []ThemeLevelEval `json:"themes"`
	Disagreements  []LevelCell      `json:"disagreements"`
	Unmatched      []string         `json:"unmatched"` // gold files with no analysed document
}

// levelLabels are the level scale's labels, in order (weighted kappa
// needs the order).
var levelLabels = []string{"0", "1", "2"}

// EvalLevels compares each gold row's levels with the analysed document's.
// Cells coded "-" or left empty are skipped.
func EvalLevels(g *Gold, idx *DocIndex, cb *codebook.Codebook) (*LevelEval, error) {
	if g.Kind != GoldLevels {
		return nil, fmt.Errorf("gold %s: is a %s file, not levels", g.Path, g.Kind)
	}
	themes := g.Header[1:]
	for _, th := range themes {
		if _, ok := cb.Theme(th); !ok {
			return nil, fmt.Errorf("gold %s: column %q is not a theme of the codebook (themes: %s)", g.Path, th, strings.Join(cb.ThemeIDs(), ", "))
		}
	}
	ev := &LevelEval{Gold: g.Path, Kind: g.Kind, Confusion: NewConfusion(levelLabels...), Disagreements: []LevelCell{}, Unmatched: []string{}}
	per := map[string]*Confusion{}
	for _, th := range themes {
		per[th] = NewConfusion(levelLabels...)
	}
	matched, unmatched := idx.matchRows(g)
	ev.Unmatched = append(ev.Unmatched, unmatched...)
	ev.Documents = len(matched)
	for _, m := range matched {
		row, doc, name := m.row, m.doc, m.row.cell(0)
		for i, th := range themes {
			v := row.cell(i + 1)
			if v == "" {
				continue
			}
			want, err := strconv.Atoi(v)
			if err != nil || want < 0 || want > 2 {
				return nil, fmt.Errorf("gold %s:%d: %s: level %q (want 0, 1, 2 or -)", g.Path, row.Line, th, v)
			}
			cov, err := doc.Theme(th)
			if err != nil {
				return nil, fmt.Errorf("gold %s:%d: %w", g.Path, row.Line, err)
			}
			got := min(max(cov.Level, 0), 2)
			ev.Confusion.Add(levelLabels[want], levelLabels[got])
			per[th].Add(levelLabels[want], levelLabels[got])
			if want != got {
				ev.Disagreements = append(ev.Disagreements, LevelCell{File: name, Theme: th, Gold: want, Got: got, Segments: cov.Sentences, Headings: len(cov.Headings)})
			}
		}
	}
	ev.Cells = ev.Confusion.N()
	for i := range levelLabels {
		ev.Agree += ev.Confusion.Counts[i][i]
	}
	ev.Agreement = Stat(ev.Confusion.Agreement())
	ev.Kappa = Stat(ev.Confusion.Kappa())
	ev.KappaLinear = Stat(ev.Confusion.WeightedKappa(false))
	ev.KappaQuadratic = Stat(ev.Confusion.WeightedKappa(true))
	ev.Levels = ev.Confusion.Scores()
	for _, th := range themes {
		c := per[th]
		te := ThemeLevelEval{Theme: th, N: c.N(), Agreement: Stat(c.Agreement()), Kappa: Stat(c.Kappa()),
			KappaLinear: Stat(c.WeightedKappa(false)), KappaQuadratic: Stat(c.WeightedKappa(true))}
		tp, pred, sup := 0, 0, 0
		for i := 1; i < 3; i++ {
			for j := 0; j < 3; j++ {
				sup += c.Counts[i][j]
				pred += c.Counts[j][i]
				if j > 0 {
					tp += c.Counts[i][j]
				}
			}
		}
		te.Covered = PRF("covered", tp, pred, sup)
		ev.Themes = append(ev.Themes, te)
	}
	return ev, nil
}

// FieldEval is one metadata field's agreement with gold.
type FieldEval struct {
	Field     string       `json:"field"`
	N         int          `json:"n"`
	Agree     int          `json:"agree"`
	Accuracy  Stat         `json:"accuracy"`
	Kappa     *Stat        `json:"kappa,omitempty"`     // categorical fields only
	Classes   []ClassScore `json:"classes,omitempty"`   // categorical fields only
	Confusion *Confusion   `json:"confusion,omitempty"` // categorical fields only
}

// FieldMismatch is one document's field that disagrees with gold.
type FieldMismatch struct {
	File  string `json:"file"`
	Field string `json:"field"`
	Gold  string `json:"gold"`
	Got   string `json:"got"`
}

// MetadataEval compares extracted metadata with gold.
type MetadataEval struct {
	Gold       string          `json:"gold"`
	Kind       GoldKind        `json:"kind"`
	Documents  int             `json:"documents"`
	Fields     []FieldEval     `json:"fields"`
	Mismatches []FieldMismatch `json:"mismatches"`
	Unmatched  []string        `json:"unmatched"`
}

// DocumentFields returns a document's metadata as documents.csv names
// them, so gold columns can be looked up by name.
func DocumentFields(d *analysis.DocumentAnalysis) map[string]string {
	m := make(map[string]string, len(analysis.MetadataFields))
	for _, f := range analysis.MetadataFields {
		m[f.Name] = f.Value(d)
	}
	return m
}

// "-" and "" both mean empty in gold and in output.
const emptyValue = "-"

// normalizeValue folds case and spaces, so "KS 2017.407" equals
// "ks  2017.407" and "Kommunstyrelsen" equals "kommunstyrelsen".
func normalizeValue(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return emptyValue
	}
	return s
}

// dateLike is a gold date given as a year or a year and month.
var dateLike = regexp.MustCompile(`^\d{4}(-\d{2})?$`)

// sameValue compares a gold value with an extracted one. A gold date given
// only as a year (or year-month), like theme-levels' valid_from "2018",
// matches an extracted full date within it: coders often note the year only.
func sameValue(field, gold, got string) bool {
	gold, got = normalizeValue(gold), normalizeValue(got)
	if gold == got {
		return true
	}
	if (field == "valid_from" || field == "valid_to" || field == "adopted_on") && dateLike.MatchString(gold) {
		return strings.HasPrefix(got, gold+"-")
	}
	return false
}

// EvalMetadata compares each gold row's fields with the analysed
// document's. Columns that are not metadata fields (notes) are ignored.
func EvalMetadata(g *Gold, idx *DocIndex) (*MetadataEval, error) {
	if g.Kind != GoldMetadata {
		return nil, fmt.Errorf("gold %s: is a %s file, not metadata", g.Path, g.Kind)
	}
	return evalMetadataDocs(g, idx), nil
}

func evalMetadataDocs(g *Gold, idx *DocIndex) *MetadataEval {
	ev := &MetadataEval{Gold: g.Path, Kind: g.Kind, Mismatches: []FieldMismatch{}, Unmatched: []string{}}
	var cols []int
	for i, h := range g.Header {
		if i > 0 && slices.Contains(MetadataFields, h) {
			cols = append(cols, i)
		}
	}
	pairs := map[string][][2]string{}
	agree := map[string]int{}
	matched, unmatched := idx.matchRows(g)
	ev.Unmatched = append(ev.Unmatched, unmatched...)
	ev.Documents = len(matched)
	for _, m := range matched {
		row, doc, name := m.row, m.doc, m.row.cell(0)
		vals := DocumentFields(doc)
		for _, c := range cols {
			field := g.Header[c]
			gold, got := row.cell(c), vals[field]
			pairs[field] = append(pairs[field], [2]string{normalizeValue(gold), normalizeValue(got)})
			if sameValue(field, gold, got) {
				agree[field]++
			} else {
				ev.Mismatches = append(ev.Mismatches, FieldMismatch{File: name, Field: field, Gold: orDash(gold), Got: orDash(got)})
			}
		}
	}
	for _, c := range cols {
		field := g.Header[c]
		fe := FieldEval{Field: field, N: len(pairs[field]), Agree: agree[field], Accuracy: Stat(ratio(agree[field], len(pairs[field])))}
		if categoricalFields[field] {
			conf := orderedConfusion(nil, pairs[field])
			k := Stat(conf.Kappa())
			fe.Kappa, fe.Classes, fe.Confusion = &k, conf.Scores(), conf
		}
		ev.Fields = append(ev.Fields, fe)
	}
	return ev
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return emptyValue
	}
	return s
}
