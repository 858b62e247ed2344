package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/registry"
)

// The labelled real set (testdata/realtexts, docs/eval.md): texts as
// stored at their source, documents-<part>.tsv with one row per text and
// sentences-<part>.tsv with labelled sentences by byte offset.

// realDocColumns is the documents-<part>.tsv header, in this order.
var realDocColumns = []string{"file", "url", "municipality_code", "municipality", "county_code", "kind", "title", "adopted_by",
	"adopted_on", "valid_from", "valid_to", "reference", "difficulty", "category", "speaker", "split",
	"work", "housing", "language", "attitude", "meeting_places", "cooperation", "education", "gender_equality",
	"culture_leisure", "health", "reception"}

// realLabelsColumns is the older labels.tsv header (shared realdocs):
// no category, speaker or split; file names without "texts/".
var realLabelsColumns = []string{"file", "url", "municipality_code", "municipality", "county_code", "kind", "title", "adopted_by",
	"adopted_on", "valid_from", "valid_to", "reference", "difficulty",
	"work", "housing", "language", "attitude", "meeting_places", "cooperation", "education", "gender_equality",
	"culture_leisure", "health", "reception"}

var realSentenceColumns = []string{"file", "start", "end", "themes", "sentence"}

// RealCategories are the kinds of text the set holds, in report order.
var RealCategories = []string{"named", "none", "unnamed", "title"}

// RealDoc is one labelled text.
type RealDoc struct {
	Path     string            // the text file
	Name     string            // the file column ("texts/m001.txt")
	Source   string            // TSV file and line, for messages
	Fields   map[string]string // every column by header name, "-" as given
	Levels   map[string]int    // theme -> 0/1/2
	Category string
	Split    string
}

// Code is the gold municipality code, "" for none.
func (d RealDoc) Code() string { return dash(d.Fields["municipality_code"]) }

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// RealSentence is one labelled sentence.
type RealSentence struct {
	File       string // the file column
	Start, End int
	Themes     []string
	Source     string
}

// RealSet is a labelled real set.
type RealSet struct {
	Dir       string
	Docs      []RealDoc
	Sentences []RealSentence
}

// LoadRealSet reads a labelled real set: dir/documents-*.tsv and
// dir/sentences-*.tsv, or, when there are none, an older dir/labels.tsv
// (every text dev; category from the municipality code and difficulty).
// Every row is checked: column count, levels, category, split, codes in
// the registry, offsets inside the text.
func LoadRealSet(dir string, reg *registry.Registry) (*RealSet, error) {
	set := &RealSet{Dir: dir}
	docFiles, _ := filepath.Glob(filepath.Join(dir, "documents-*.tsv"))
	sort.Strings(docFiles)
	old := false
	if len(docFiles) == 0 {
		p := filepath.Join(dir, "labels.tsv")
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("real set %s: no documents-*.tsv and no labels.tsv", dir)
		}
		docFiles, old = []string{p}, true
	}
	seen := map[string]string{}
	for _, p := range docFiles {
		cols := realDocColumns
		if old {
			cols = realLabelsColumns
		}
		rows, err := readRealTSV(p, cols)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			d := RealDoc{Name: r.cells["file"], Source: r.source, Fields: r.cells, Levels: map[string]int{}}
			if old {
				d.Name = "texts/" + d.Name
				d.Split = "dev"
				switch {
				case r.cells["difficulty"] == "unnamed":
					d.Category = "unnamed"
				case r.cells["municipality_code"] == "-":
					d.Category = "none"
				default:
					d.Category = "named"
				}
			} else {
				d.Category, d.Split = r.cells["category"], r.cells["split"]
			}
			if !strings.HasPrefix(d.Name, "texts/") || strings.Contains(d.Name, "..") {
				return nil, fmt.Errorf("%s: file %q: want texts/<id>.txt", r.source, d.Name)
			}
			if prev, ok := seen[d.Name]; ok {
				return nil, fmt.Errorf("%s: %s already labelled at %s", r.source, d.Name, prev)
			}
			seen[d.Name] = r.source
			d.Path = filepath.Join(dir, filepath.FromSlash(d.Name))
			if !slices.Contains(RealCategories, d.Category) {
				return nil, fmt.Errorf("%s: category %q: want one of %s", r.source, d.Category, strings.Join(RealCategories, ", "))
			}
			if d.Split != "dev" && d.Split != "heldout" {
				return nil, fmt.Errorf("%s: split %q: want dev or heldout", r.source, d.Split)
			}
			if code := d.Code(); code != "" {
				m, ok := reg.Municipality(code)
				if !ok {
					return nil, fmt.Errorf("%s: municipality_code %q is not in the registry", r.source, code)
				}
				if cc := dash(r.cells["county_code"]); cc != m.CountyCode {
					return nil, fmt.Errorf("%s: county_code %q, but %s is in county %s", r.source, cc, m.Name, m.CountyCode)
				}
			}
			if (d.Code() != "") != (d.Category == "named" || (d.Category == "title" && d.Code() != "")) {
				return nil, fmt.Errorf("%s: category %s with municipality_code %q", r.source, d.Category, r.cells["municipality_code"])
			}
			for _, th := range realDocColumns[16:] {
				v, err := strconv.Atoi(r.cells[th])
				if err != nil || v < 0 || v > 2 {
					return nil, fmt.Errorf("%s: %s level %q: want 0, 1 or 2", r.source, th, r.cells[th])
				}
				d.Levels[th] = v
			}
			set.Docs = append(set.Docs, d)
		}
	}
	sentFiles, _ := filepath.Glob(filepath.Join(dir, "sentences-*.tsv"))
	sort.Strings(sentFiles)
	texts := map[string]string{}
	for _, p := range sentFiles {
		rows, err := readRealTSV(p, realSentenceColumns)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			s := RealSentence{File: r.cells["file"], Source: r.source}
			if _, ok := seen[s.File]; !ok {
				return nil, fmt.Errorf("%s: %s is not in any documents-*.tsv", r.source, s.File)
			}
			var e1, e2 error
			s.Start, e1 = strconv.Atoi(r.cells["start"])
			s.End, e2 = strconv.Atoi(r.cells["end"])
			if e1 != nil || e2 != nil || s.Start < 0 || s.End <= s.Start {
				return nil, fmt.Errorf("%s: offsets %q %q: want 0 <= start < end", r.source, r.cells["start"], r.cells["end"])
			}
			text, ok := texts[s.File]
			if !ok {
				b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.File)))
				if err != nil {
					return nil, fmt.Errorf("%s: %w", r.source, err)
				}
				text = string(b)
				texts[s.File] = text
			}
			if s.End > len(text) {
				return nil, fmt.Errorf("%s: end %d past the text's %d bytes", r.source, s.End, len(text))
			}
			if want := strings.Join(strings.Fields(text[s.Start:s.End]), " "); strings.Join(strings.Fields(r.cells["sentence"]), " ") != want {
				return nil, fmt.Errorf("%s: the sentence column is not the text at %d:%d (%.40q)", r.source, s.Start, s.End, want)
			}
			if th := r.cells["themes"]; th != "-" && th != "" {
				s.Themes = strings.Split(th, ",")
			}
			set.Sentences = append(set.Sentences, s)
		}
	}
	return set, nil
}

type tsvRow struct {
	source string
	cells  map[string]string
}

// readRealTSV reads a tab-separated file whose header must be exactly cols.
func readRealTSV(path string, cols []string) ([]tsvRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("real set: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []tsvRow
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			if got := strings.Split(strings.TrimPrefix(text, "\ufeff"), "\t"); strings.Join(got, "\t") != strings.Join(cols, "\t") {
				return nil, fmt.Errorf("%s:1: header %q, want the columns %s", path, text, strings.Join(cols, " "))
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		src := fmt.Sprintf("%s:%d", path, line)
		if len(cells) != len(cols) {
			return nil, fmt.Errorf("%s: %d cells, want %d", src, len(cells), len(cols))
		}
		m := make(map[string]string, len(cols))
		for i, c := range cols {
			m[c] = strings.TrimSpace(cells[i])
		}
		out = append(out, tsvRow{src, m})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: empty, want a header row", path)
	}
	return out, nil
}

// Filter returns the documents of a split ("dev", "heldout" or "all")
// and their sentences.
func (s *RealSet) Filter(split string) (*RealSet, error) {
	if split != "dev" && split != "heldout" && split != "all" {
		return nil, fmt.Errorf("split %q: want dev, heldout or all", split)
	}
	out := &RealSet{Dir: s.Dir}
	keep := map[string]bool{}
	for _, d := range s.Docs {
		if split == "all" || d.Split == split {
			out.Docs = append(out.Docs, d)
			keep[d.Name] = true
		}
	}
	for _, x := range s.Sentences {
		if keep[x.File] {
			out.Sentences = append(out.Sentences, x)
		}
	}
	return out, nil
}

// RealAnalysis is one text as styrdok read it: the analysis and the
// clean text its offsets are into.
type RealAnalysis struct {
	Doc       *analysis.DocumentAnalysis
	CleanText string
	RawText   string
}

// CategoryScore is municipality attribution on one category of text.
type CategoryScore struct {
	Category string `json:"category"`
	N        int    `json:"n"`
	Right    int    `json:"right"`    // the gold municipality, or unknown where gold has none
	Unknown  int    `json:"unknown"`  // styrdok said unknown
	Wrong    int    `json:"wrong"`    // styrdok named a municipality that is not the gold one
	Accuracy Stat   `json:"accuracy"` // Right / N
	// CI95 is the Wilson 95% interval of Accuracy (Wilson): how far the
	// share may lie from the one a larger set would give.
	CI95 [2]Stat `json:"ci95"`
	// ConfidentWrong are wrong answers at confidence 0.9 or more.
	ConfidentWrong int `json:"confident_wrong"`
}

// ReliabilityBin is one confidence band of the best candidate before the
// threshold: how many texts fall in it and how often the candidate is the
// gold municipality.
type ReliabilityBin struct {
	From, To float64
	N        int  `json:"n"`
	Right    int  `json:"right"`
	Rate     Stat `json:"rate"`
}

// ThresholdRow is attribution accuracy per category at one threshold.
type ThresholdRow struct {
	MinConfidence float64 `json:"min_confidence"`
	Accuracy      []Stat  `json:"accuracy"` // per RealCategories
	Wrong         int     `json:"wrong"`
}

// AttributionMiss is one text whose attribution is not the gold one.
type AttributionMiss struct {
	File, Category, Gold, Got string
	Confidence                float64
	Reason                    string
}

// RealEval is the evaluation of styrdok on a labelled real set.
type RealEval struct {
	Dir            string            `json:"dir"`
	Split          string            `json:"split"`
	MinConfidence  float64           `json:"min_confidence"`
	Documents      int               `json:"documents"`
	Municipality   []CategoryScore   `json:"municipality"` // per category, then "all"
	Reliability    []ReliabilityBin  `json:"reliability"`
	Thresholds     []ThresholdRow    `json:"thresholds"`
	Misses         []AttributionMiss `json:"misses"`
	KindAccuracy   Stat              `json:"kind_accuracy"`
	Kind           *Confusion        `json:"kind"`
	Levels         *LevelEval        `json:"levels"`
	SentenceN      int               `json:"sentences"`
	SentenceThemes []ClassScore      `json:"sentence_themes"` // per theme, then "micro"
}

// NearCertain sums the reliability bands from confidence 0.9 up: the
// texts whose best candidate is near certain, and how many are right.
func (ev *RealEval) NearCertain() (n, right int) {
	for _, b := range ev.Reliability {
		if b.From >= 0.9 {
			n += b.N
			right += b.Right
		}
	}
	return n, right
}

// reliabilityEdges are the confidence bands of the reliability table.
var reliabilityEdges = []float64{0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001}

// EvalReal scores the analyses of set's texts (by RealDoc.Name) against
// its labels.
func EvalReal(set *RealSet, split string, got map[string]*RealAnalysis, cb *codebook.Codebook, minConf float64) (*RealEval, error) {
	ev := &RealEval{Dir: set.Dir, Split: split, MinConfidence: minConf, Documents: len(set.Docs), Kind: NewConfusion(), Misses: []AttributionMiss{}}
	scores := map[string]*CategoryScore{}
	for _, c := range append(append([]string(nil), RealCategories...), "all") {
		scores[c] = &CategoryScore{Category: c}
	}
	for i := 0; i+1 < len(reliabilityEdges); i++ {
		ev.Reliability = append(ev.Reliability, ReliabilityBin{From: reliabilityEdges[i], To: min(reliabilityEdges[i+1], 1)})
	}
	type decided struct {
		cat, gold string
		at        analysis.Attribution
	}
	var all []decided
	levels := &Gold{Path: set.Dir, Kind: GoldLevels, Header: append([]string{"file"}, realDocColumns[16:]...)}
	var docs []*analysis.DocumentAnalysis
	rightKind := 0
	for _, d := range set.Docs {
		ra := got[d.Name]
		if ra == nil {
			return nil, fmt.Errorf("%s: %s was not analysed", d.Source, d.Name)
		}
		docs = append(docs, ra.Doc)
		gold := d.Code()
		at := ra.Doc.Municipality.Decide(minConf)
		all = append(all, decided{d.Category, gold, at})
		for _, c := range []string{d.Category, "all"} {
			s := scores[c]
			s.N++
			switch {
			case at.Code == gold:
				s.Right++
			case at.Code == "":
				s.Unknown++
			default:
				s.Wrong++
				if at.Confidence >= 0.9 {
					s.ConfidentWrong++
				}
			}
		}
		if at.Code != gold {
			ev.Misses = append(ev.Misses, AttributionMiss{File: d.Name, Category: d.Category, Gold: orDash(gold), Got: orDash(at.Code),
				Confidence: at.Confidence, Reason: at.Reason})
		}
		if best := at.Candidates[0]; best.Code != "" && at.Veto == "" {
			for i := range ev.Reliability {
				b := &ev.Reliability[i]
				if best.Confidence >= reliabilityEdges[i] && best.Confidence < reliabilityEdges[i+1] {
					b.N++
					if best.Code == gold {
						b.Right++
					}
				}
			}
		}
		// styrdok's kinds are DOMAIN's; a finer label (the real texts'
		// "report": 23 annual reports, audits and inquiries) is scored as
		// the "other" DOMAIN files such documents under.
		gk := d.Fields["kind"]
		if !analysis.IsDocumentKind(gk) {
			gk = analysis.KindOther
		}
		ev.Kind.Add(gk, ra.Doc.Meta.Kind)
		if gk == ra.Doc.Meta.Kind {
			rightKind++
		}
		row := GoldRow{Fields: []string{ra.Doc.File}}
		for _, th := range realDocColumns[16:] {
			row.Fields = append(row.Fields, strconv.Itoa(d.Levels[th]))
		}
		levels.Rows = append(levels.Rows, row)
	}
	ev.KindAccuracy = Stat(ratio(rightKind, len(set.Docs)))
	for i := range ev.Reliability {
		ev.Reliability[i].Rate = Stat(ratio(ev.Reliability[i].Right, ev.Reliability[i].N))
	}
	for _, c := range append(append([]string(nil), RealCategories...), "all") {
		s := scores[c]
		s.Accuracy = Stat(ratio(s.Right, s.N))
		lo, hi := Wilson(s.Right, s.N, Z95)
		s.CI95 = [2]Stat{Stat(lo), Stat(hi)}
		ev.Municipality = append(ev.Municipality, *s)
	}
	for t := 0.3; t < 0.96; t += 0.05 {
		t = float64(int(t*100+0.5)) / 100
		row := ThresholdRow{MinConfidence: t}
		right, n := map[string]int{}, map[string]int{}
		for _, x := range all {
			at := x.at.Decide(t)
			n[x.cat]++
			if at.Code == x.gold {
				right[x.cat]++
			} else if at.Code != "" {
				row.Wrong++
			}
		}
		for _, c := range RealCategories {
			row.Accuracy = append(row.Accuracy, Stat(ratio(right[c], n[c])))
		}
		ev.Thresholds = append(ev.Thresholds, row)
	}
	var err error
	if ev.Levels, err = EvalLevels(levels, NewDocIndex(docs, nil), cb); err != nil {
		return nil, err
	}
	ev.Levels.Gold = set.Dir
	ev.SentenceN, ev.SentenceThemes = evalRealSentences(set, got, cb)
	return ev, nil
}

// evalRealSentences scores styrdok's own-word theme hits against the
// labelled sentences: a labelled span counts as found for a theme when a
// segment overlapping it has a hit of its own words for that theme.
// Spans are byte offsets into the stored text; segments are offsets into
// the clean text, so the two are aligned first (alignRaw).
func evalRealSentences(set *RealSet, got map[string]*RealAnalysis, cb *codebook.Codebook) (int, []ClassScore) {
	tp, pred, sup := map[string]int{}, map[string]int{}, map[string]int{}
	type span struct{ start, end int }
	hitsOf := map[string]map[string][]span{} // file -> theme -> own-hit segments (clean offsets)
	maps := map[string][]int{}
	n := 0
	for _, s := range set.Sentences {
		ra := got[s.File]
		if ra == nil {
			continue
		}
		hits, ok := hitsOf[s.File]
		if !ok {
			hits = map[string][]span{}
			for _, th := range ra.Doc.Themes {
				for _, h := range th.Evidence {
					if !h.Inherited {
						hits[th.ID] = append(hits[th.ID], span{h.Start, h.End})
					}
				}
			}
			hitsOf[s.File] = hits
			maps[s.File] = alignRaw(ra.RawText, ra.CleanText)
		}
		m := maps[s.File]
		cs, ce := m[s.Start], m[s.End]
		n++
		for _, th := range cb.ThemeIDs() {
			found := false
			for _, h := range hits[th] {
				if h.start < ce && cs < h.end {
					found = true
					break
				}
			}
			gold := slices.Contains(s.Themes, th)
			if found {
				pred[th]++
			}
			if gold {
				sup[th]++
			}
			if found && gold {
				tp[th]++
			}
		}
	}
	var out []ClassScore
	T, P, S := 0, 0, 0
	for _, th := range cb.ThemeIDs() {
		out = append(out, PRF(th, tp[th], pred[th], sup[th]))
		T, P, S = T+tp[th], P+pred[th], S+sup[th]
	}
	out = append(out, PRF("micro", T, P, S))
	return n, out
}

// alignRaw maps each byte offset of raw (the text as stored) to an offset
// of clean (what ingest made of it: line ends, spaces, hyphenation and
// some characters normalised). It walks both texts' non-space runes in
// step; where they differ it skips up to a few runes on either side to
// find the two in step again. The result has len(raw)+1 entries and never
// decreases.
func alignRaw(raw, clean string) []int {
	m := make([]int, len(raw)+1)
	for i := range m {
		m[i] = -1
	}
	i, j := 0, 0
	next := func(s string, k int) (rune, int) {
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(r) {
				return r, k
			}
			k += size
		}
		return 0, len(s)
	}
	for {
		ri, pi := next(raw, i)
		rj, pj := next(clean, j)
		if pi >= len(raw) || pj >= len(clean) {
			break
		}
		if ri == rj {
			m[pi] = pj
			_, si := utf8.DecodeRuneInString(raw[pi:])
			_, sj := utf8.DecodeRuneInString(clean[pj:])
			i, j = pi+si, pj+sj
			continue
		}
		// Resync: skip a few runes in raw, else in clean, else both.
		synced := false
		for skip := 1; skip <= 4 && !synced; skip++ {
			k := pi
			for s := 0; s < skip && k < len(raw); s++ {
				_, size := utf8.DecodeRuneInString(raw[k:])
				k += size
			}
			if r, pk := next(raw, k); pk < len(raw) && r == rj {
				i, synced = pk, true
				continue
			}
			k = pj
			for s := 0; s < skip && k < len(clean); s++ {
				_, size := utf8.DecodeRuneInString(clean[k:])
				k += size
			}
			if r, pk := next(clean, k); pk < len(clean) && r == ri {
				j, synced = pk, true
			}
		}
		if !synced {
			_, si := utf8.DecodeRuneInString(raw[pi:])
			_, sj := utf8.DecodeRuneInString(clean[pj:])
			m[pi] = pj
			i, j = pi+si, pj+sj
		}
	}
	// Fill the gaps (spaces, skipped runes) with the next mapped offset,
	// so a span's start maps to its first kept character.
	last := len(clean)
	for k := len(raw); k >= 0; k-- {
		if m[k] < 0 {
			m[k] = last
		} else {
			last = m[k]
		}
	}
	for k := 1; k < len(m); k++ { // never decreasing
		if m[k] < m[k-1] {
			m[k] = m[k-1]
		}
	}
	return m
}
