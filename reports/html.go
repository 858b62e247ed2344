package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/registry"
)

// WriteHTML writes report.html: one self-contained page (inline CSS, SVG
// and script; no request leaves the page) with the coverage heatmap, the
// county tables, a map of municipalities coloured by a chosen theme, the
// most similar pairs, and drill-down from any cell to its evidence.
//
// Safety: every text from a document goes through html/template, in
// element text or inside <script type="application/json"> (where it is
// JSON-escaped, "<" as \u003c), and the page script only ever inserts it
// with textContent. A Content-Security-Policy allows no network source
// at all and only the page's own script, by hash, so even a mistake in
// escaping could neither run a document's script nor fetch anything.
func WriteHTML(w io.Writer, r *Report) error { return writeHTML(w, r, eachPasser(r.EachFull)) }

// writeHTML is WriteHTML with the documents' data from pass: each
// document's entry with empty peers (its fragment), this run's peers
// put in.
func writeHTML(w io.Writer, r *Report, pass passer) error {
	lang, code, err := pageLang(r.Lang)
	if err != nil {
		return err
	}
	page, err := newHTMLPage(r, code)
	if err != nil {
		return err
	}
	page.Rule = lang.rule
	bw := bufio.NewWriter(w)
	if err := lang.template.Execute(bw, page); err != nil {
		return err
	}
	if err := writeHTMLData(bw, r, pass, page.Data, lang.script); err != nil {
		return err
	}
	return bw.Flush()
}

// writeHTMLData writes the data block and the page script, the end of the
// page. The data is encoded one document at a time rather than by the
// template, which would hold the whole block (tens of MB) several times
// over. encoding/json (and the documents' appender, htmlDoc.appendJSON,
// which writes its bytes) escapes "<", ">", "&", U+2028 and U+2029, so
// no text can end the script element or open a comment in it: what
// html/template would do for a JSON script.
func writeHTMLData(w *bufio.Writer, r *Report, pass passer, data htmlData, script string) error {
	enc := json.NewEncoder(w) // escapes HTML by default
	w.WriteString(`<script type="application/json" id="styrdok-data">{"themes":`)
	if err := enc.Encode(data.Themes); err != nil {
		return err
	}
	w.WriteString(`,"munis":`)
	if err := enc.Encode(data.Munis); err != nil {
		return err
	}
	w.WriteString(`,"names":`)
	if err := enc.Encode(data.Names); err != nil {
		return err
	}
	w.WriteString(`,"docs":[`)
	sim := r.similarity()
	var scratch htmlDocScratch
	render := func(dst []byte, d *analysis.DocumentAnalysis) (fragment, error) {
		hd := scratch.doc(d, nil)
		b, err := hd.appendJSON(dst) // enc.Encode's bytes (jsonenc.go)
		if err != nil {
			return fragment{}, err
		}
		return splitPeers(b, "p")
	}
	peers := make([]htmlPeer, 0, maxPeers) // never nil, so that none is []
	j := &jsonBuf{escapeHTML: true}
	err := pass.parts([]fragPart{fragReportHTML}, []fragRender{render})(func(i int, frags []fragment) error {
		if i > 0 {
			w.WriteByte(',')
		}
		peers = peers[:0]
		for _, pe := range sim.TopPeers(i, maxPeers, nil) {
			peers = append(peers, htmlPeer{Doc: pe.Index, Similarity: pe.Similarity})
		}
		j.b = j.b[:0]
		if j.htmlPeers(peers); j.err != nil {
			return fmt.Errorf("%s: %w", r.Documents[i].File, j.err)
		}
		return writeFragment(w, frags[0], j.b)
	})
	if err != nil {
		return err
	}
	w.WriteString("]}</script>\n<script>" + script + "</script>\n</body>\n</html>\n")
	return nil
}

// htmlPage is what the template renders.
type htmlPage struct {
	Documents int
	Failures  []analysis.Failure
	Themes    []htmlTheme
	// Rows are the heatmap's rows, one per document, made as the
	// template ranges over them: held all at once (cells and their
	// HTML) they were about 2 KB a document for the whole time the page
	// was written, 100 MB at 50,000 documents.
	Rows        iter.Seq[htmlDocRow]
	Counties    []htmlCounty
	Rule        string
	Map         svgMap
	Pairs       []htmlPair   // the first htmlPairsShown of similarity.csv
	RowCounties []htmlOption // the counties of the heatmap's rows, for its filter
	PairsTotal  int
	EvidenceCap int
	CountyView  bool   // --county: the map comes first, with the municipalities' names
	AsOf        string // the date document status is judged at (run --as-of); "" when not known
	// HeatmapCounty presets the heatmap's county filter: with --county,
	// the heatmap opens on that county's documents (the others are a
	// choice of the filter away); "" shows every document.
	HeatmapCounty string
	Data          htmlData // for the page script, as JSON (written by writeHTMLData, with the documents)
}

type htmlTheme struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type htmlDocRow struct {
	Index        int
	County       string // county code, "" for an unattributed document (the heatmap's county filter)
	Municipality string
	File         string
	Status       string
	CellsHTML    template.HTML // the row's cells rendered (renderCells)
}

type htmlCell struct {
	Doc   int // index into Data.Docs; -1 for none
	Theme string
	Level int
	Share string
	Class string
}

type htmlCounty struct {
	Code, Name    string
	Usable, Total int
	Expired       int // municipalities with only expired documents
	Rows          []htmlCountyRow
	AtLeast1      []string
	AtLeast2      []string
	// ExpiredReach1 and ExpiredReach2: per theme, the municipalities with
	// only expired documents whose figures reach the level ("" for none),
	// so that a county whose plans expired does not read as empty.
	ExpiredReach1 []string
	ExpiredReach2 []string
}

type htmlCountyRow struct {
	Code, Name, Status, Document string
	Cells                        []htmlCell
	CellsHTML                    template.HTML // Cells rendered (renderCells)
}

type htmlOption struct{ Value, Label string }

type htmlPair struct {
	A, B          string
	Similarity    string
	NearDuplicate bool
}

// htmlData is the JSON the page script reads. Keys are short and
// evidence is capped per cell (HTMLEvidencePerCell), because at corpus
// scale this block is nearly all of the page: with every sentence and
// long keys it was 350 MB for 2,000 documents, more than a browser opens.
type htmlData struct {
	Themes []htmlTheme         `json:"themes"`
	Docs   []htmlDoc           `json:"docs"`  // encoded one by one, never all in memory
	Munis  map[string]htmlMuni `json:"munis"` // by code: only municipalities with a document
	Names  map[string]string   `json:"names"` // by code: every municipality on the map
}

// HTMLEvidencePerCell is the most evidence sentences report.html embeds
// per document and theme: the strongest, own words before sentences
// counted through a heading. The drill-down says when a cell has more;
// evidence.csv has them all.
const HTMLEvidencePerCell = 20

// htmlPairsShown is how many of similarity.csv's pairs report.html lists.
const htmlPairsShown = 100

type htmlDoc struct {
	File         string         `json:"f"`
	Municipality string         `json:"m"`
	Peers        []htmlPeer     `json:"p"`
	Sentences    []htmlSentence `json:"s"` // the evidence sentences of the document, each once
	Themes       []htmlDocTh    `json:"t"`
}

type htmlPeer struct {
	Doc        int     `json:"d"` // index into docs
	Similarity float64 `json:"s"`
}

type htmlSentence struct {
	Page int    `json:"p"`
	Kind string `json:"k"`
	Text string `json:"t"`
	Full int    `json:"c,omitempty"` // when Text is clipped (clipSentence): the sentence's length in characters
}

type htmlDocTh struct {
	Level int     `json:"l"`
	Share float64 `json:"s"`
	Total int     `json:"n"` // evidence sentences in all (evidence.csv)
	// Hits are the embedded evidence in document order, each
	// [sentence, inherited, start, end, start, end, ...]: an index into the
	// document's Sentences, 1 when counted through a heading, then the
	// highlighted spans in UTF-16 code units of the sentence text (the
	// offsets of JavaScript strings; byte offsets from Go are not).
	Hits [][]int `json:"h"`
}

// htmlPart is a piece of a hit's text, matched or not (see highlight).
type htmlPart struct {
	Text  string
	Match bool
}

type htmlMuni struct {
	Status string `json:"status"`
	Levels []int  `json:"levels"` // per theme; -1 for none
	Source []int  `json:"source"` // per theme, index into docs; -1 for none
}

func newHTMLPage(r *Report, lang string) (*htmlPage, error) {
	p := &htmlPage{Documents: len(r.Documents), Failures: r.Failures, Rule: CountyRule, EvidenceCap: HTMLEvidencePerCell, AsOf: r.AsOf()}
	for _, t := range r.Codebook.Themes {
		label := t.LabelEN
		if lang == LangSwedish {
			label = t.LabelSV
		}
		if label == "" {
			label = t.ID
		}
		p.Themes = append(p.Themes, htmlTheme{ID: t.ID, Label: label})
	}
	index := map[*analysis.DocumentAnalysis]int{}
	sim := r.similarity()
	if err := r.similarityErr(); err != nil {
		return nil, err
	}
	p.Data = htmlData{Themes: p.Themes, Munis: map[string]htmlMuni{}, Names: map[string]string{}}
	for i, d := range r.Documents {
		index[d] = i
	}
	byMunicipality := sortedByMunicipality(r.Documents)
	for _, d := range byMunicipality {
		if c := d.Municipality.CountyCode; c != "" && !slices.ContainsFunc(p.RowCounties, func(o htmlOption) bool { return o.Value == c }) {
			p.RowCounties = append(p.RowCounties, htmlOption{c, d.Municipality.CountyName})
		}
	}
	p.Rows = func(yield func(htmlDocRow) bool) {
		var cells []htmlCell                // one row's, re-used: the template keeps only the HTML
		var themes []analysis.ThemeCoverage // one row's, re-used
		for _, d := range byMunicipality {
			name := d.Municipality.Name
			if name == "" {
				name = "(unknown)"
			}
			row := htmlDocRow{Index: index[d], County: d.Municipality.CountyCode, Municipality: name, File: filepath.Base(d.File), Status: d.Meta.Status}
			cells = cells[:0]
			themes = r.themes(d, themes)
			for _, t := range themes {
				cells = append(cells, cellOf(index[d], t.ID, t.Level, t.Share, "l"))
			}
			row.CellsHTML = renderCells(cells)
			if !yield(row) {
				return
			}
		}
	}
	slices.SortFunc(p.RowCounties, func(a, b htmlOption) int { return strings.Compare(a.Value, b.Value) })
	tables := r.countyTables()
	if r.County != "" && len(tables) == 1 {
		c := tables[0].County.Code
		if slices.ContainsFunc(p.RowCounties, func(o htmlOption) bool { return o.Value == c }) {
			p.HeatmapCounty = c
		}
	}
	for _, t := range tables {
		hc := htmlCounty{Code: t.County.Code, Name: t.County.Name, Usable: t.Usable, Total: len(t.Rows), Expired: t.Expired}
		for _, row := range t.Rows {
			status := row.Status
			if lang == LangSwedish {
				status = rowStatusSV[status]
			}
			hr := htmlCountyRow{Code: row.Municipality.Code, Name: row.Municipality.Name, Status: status, Document: docName(row.Document)}
			for ti, c := range row.Cells {
				if c.Source == nil {
					hr.Cells = append(hr.Cells, htmlCell{Doc: -1, Theme: t.Themes[ti], Class: "nd"})
					continue
				}
				prefix := "l"
				if !row.Usable() {
					prefix = "x" // expired: shown, but not as coverage
				}
				hr.Cells = append(hr.Cells, cellOf(index[c.Source], t.Themes[ti], c.Level, c.Share, prefix))
			}
			hr.CellsHTML = renderCells(hr.Cells)
			hc.Rows = append(hc.Rows, hr)
		}
		for i := range t.Themes {
			hc.AtLeast1 = append(hc.AtLeast1, fmt.Sprintf("%.0f%%", 100*t.AtLeast1[i]))
			hc.AtLeast2 = append(hc.AtLeast2, fmt.Sprintf("%.0f%%", 100*t.AtLeast2[i]))
			hc.ExpiredReach1 = append(hc.ExpiredReach1, plusCount(t.ExpiredReach1[i]))
			hc.ExpiredReach2 = append(hc.ExpiredReach2, plusCount(t.ExpiredReach2[i]))
		}
		p.Counties = append(p.Counties, hc)
	}
	for _, row := range MunicipalityRows(r) {
		if row.Document == nil {
			continue
		}
		hm := htmlMuni{Status: row.Status}
		for _, c := range row.Cells {
			if c.Source == nil {
				hm.Levels, hm.Source = append(hm.Levels, -1), append(hm.Source, -1)
				continue
			}
			hm.Levels, hm.Source = append(hm.Levels, c.Level), append(hm.Source, index[c.Source])
		}
		p.Data.Munis[row.Municipality.Code] = hm
	}
	var err error
	if p.Map, p.CountyView, err = pageMap(r); err != nil {
		return nil, err
	}
	for _, s := range p.Map.Shapes {
		p.Data.Names[s.Code] = s.Name
	}
	p.PairsTotal = len(sim.Pairs)
	for _, pr := range sim.Pairs[:min(len(sim.Pairs), htmlPairsShown)] {
		a, b := sim.Docs[pr.A], sim.Docs[pr.B]
		p.Pairs = append(p.Pairs, htmlPair{A: filepath.Base(a.File), B: filepath.Base(b.File),
			Similarity: fmtFloat(pr.Similarity, 2), NearDuplicate: pr.Similarity >= NearDuplicate})
	}
	return p, nil
}

// plusCount is "+n", or "" for 0 (an empty cell reads as none).
func plusCount(n int) string {
	if n == 0 {
		return ""
	}
	return "+" + strconv.Itoa(n)
}

// newHTMLDoc is a document's data for the page: its peers, and per theme
// the strongest HTMLEvidencePerCell hits, each sentence text once however
// many themes it serves, clipped around its matches when longer than
// htmlSentenceMax (clipSentence).
func newHTMLDoc(d *analysis.DocumentAnalysis, peers []Peer) htmlDoc {
	var s htmlDocScratch
	return s.doc(d, peers)
}

// htmlDocScratch holds what newHTMLDoc builds for one document, re-used
// from one document to the next by writeHTMLData (which encodes each
// document before it makes the next): made afresh for every document,
// the slices, the map and a slice per hit were most of the cost of the
// page's data block (2,000 documents: 0.22 s, half of writing
// report.html, besides the similarities).
type htmlDocScratch struct {
	peers      []htmlPeer
	sentences  []htmlSentence
	themes     []htmlDocTh
	hits       []htmlHitSpans
	texts      []string
	sentSpans  [][]span // per sentence: the spans of all its hits
	spans      []span   // the hits' spans, end to end (htmlHitSpans.spans are slices of it)
	pos        map[int]int
	clips      []clip
	strongest  []analysis.ThemeHit
	ints       []int   // the hits' numbers, end to end
	hitRows    [][]int // every theme's Hits, end to end
	themeStart []int   // where each theme's Hits begin in hitRows
}

// htmlHitSpans is a hit of the page: its theme, its sentence (an index
// into the document's sentences), whether it is counted through a
// heading, and its spans (byte offsets of the full text).
type htmlHitSpans struct {
	theme, sentence, inherited int
	spans                      []span
}

// doc is newHTMLDoc's document, valid until s makes the next.
func (s *htmlDocScratch) doc(d *analysis.DocumentAnalysis, peers []Peer) htmlDoc {
	if s.pos == nil {
		s.pos = map[int]int{}
		// never nil, so that the JSON says [] for none, as before
		s.peers, s.sentences, s.hitRows = make([]htmlPeer, 0, maxPeers), make([]htmlSentence, 0, 64), make([][]int, 0, 64)
	}
	hd := htmlDoc{File: d.File, Municipality: d.Municipality.Name, Peers: s.peers[:0], Sentences: s.sentences[:0]}
	for _, pe := range peers {
		hd.Peers = append(hd.Peers, htmlPeer{Doc: pe.Index, Similarity: pe.Similarity})
	}
	// First the hits and their spans (byte offsets of the full text),
	// then each sentence clipped around the spans of all its hits, then
	// the spans as UTF-16 offsets of what is shown.
	hits, texts, sentSpans, spans := s.hits[:0], s.texts[:0], s.sentSpans[:0], s.spans[:0]
	pos := s.pos // sentence index in the document -> index into hd.Sentences
	clear(pos)
	if len(d.Themes) > 0 {
		hd.Themes = s.themes[:0]
	}
	for ti, t := range d.Themes {
		hd.Themes = append(hd.Themes, htmlDocTh{Level: t.Level, Share: t.Share, Total: len(t.Evidence)})
		s.strongest = strongestHitsInto(s.strongest[:0], t.Evidence, HTMLEvidencePerCell)
		for _, h := range s.strongest {
			si, ok := pos[h.Sentence]
			if !ok {
				si = len(hd.Sentences)
				pos[h.Sentence] = si
				hd.Sentences = append(hd.Sentences, htmlSentence{Page: h.Page, Kind: string(h.Kind)})
				texts = append(texts, h.Text)
				sentSpans = append(sentSpans, nil)
			}
			inherited := 0
			if h.Inherited {
				inherited = 1
			}
			if len(h.Text) > htmlSentenceMax && len(h.Matched) > htmlMaxMarks {
				h.Matched = h.Matched[:htmlMaxMarks] // the clip shows no more (clipSentence)
			}
			from := len(spans)
			spans = matchSpans(h, spans)
			sp := spans[from:len(spans):len(spans)]
			hits = append(hits, htmlHitSpans{ti, si, inherited, sp})
			sentSpans[si] = append(sentSpans[si], sp...)
		}
	}
	clips := s.clips[:0]
	for si, text := range texts {
		clips = append(clips, clipSentence(text, sentSpans[si]))
		hd.Sentences[si].Text = clips[si].text
		if clips[si].windows != nil {
			hd.Sentences[si].Full = utf8.RuneCountInString(text)
		}
	}
	// The hits' numbers go end to end into one slice, and each theme's
	// Hits are a run of hitRows: the hits come theme by theme.
	ints, rows := s.ints[:0], s.hitRows[:0]
	themeStart := s.themeStart[:0]
	for k, h := range hits {
		for len(themeStart) <= h.theme {
			themeStart = append(themeStart, k)
		}
		c := clips[h.sentence]
		from := len(ints)
		ints = append(ints, h.sentence, h.inherited)
		at, pos := 0, 0 // UTF-16 offset of byte offset pos of the shown text
		for _, sp := range h.spans {
			a, b, ok := c.shown(sp)
			if !ok || a < pos {
				continue
			}
			// Offsets are counted as the page's decoder counts the shown
			// text, rune by rune from a rune boundary: a span that starts
			// or ends inside a rune (or an invalid sequence) takes the
			// whole rune, so a highlight never ends past its sentence.
			ua, _ := utf16Offset(c.text[pos:], a-pos, false)
			ub, end := utf16Offset(c.text[pos:], b-pos, true)
			ints = append(ints, at+ua, at+ub)
			at, pos = at+ub, pos+end
		}
		rows = append(rows, ints[from:len(ints):len(ints)])
	}
	for len(themeStart) <= len(hd.Themes) {
		themeStart = append(themeStart, len(hits))
	}
	for ti := range hd.Themes {
		hd.Themes[ti].Hits = rows[themeStart[ti]:themeStart[ti+1]:themeStart[ti+1]]
	}
	// Sentences whose spans were gathered (appended: the slices grew on
	// their own arrays) are cleared for the next document.
	for i := range sentSpans {
		sentSpans[i] = nil
	}
	s.peers, s.sentences, s.themes, s.hits, s.texts, s.sentSpans, s.spans, s.clips, s.ints, s.hitRows =
		hd.Peers, hd.Sentences, hd.Themes, hits, texts, sentSpans, spans, clips, ints, rows
	s.themeStart = themeStart
	if s.themes == nil {
		s.themes = s.themes[:0]
	}
	return hd
}

// htmlSentenceMax is the longest sentence (in bytes) report.html shows
// whole; a longer one is clipped around its matches, htmlClipContext
// bytes either side of each, up to about htmlSentenceMax bytes in all,
// and the panel says so. A real sentence is a few hundred bytes; a
// "sentence" of megabytes is a document without sentence ends, and
// embedding it (once per document, but whole) made the page as large
// as the corpus.
const (
	// htmlMaxMarks is the most matches of a sentence over
	// htmlSentenceMax that are looked for: its clip has room for at
	// most htmlSentenceMax/2 one-letter words, so the rest would be cut
	// anyway (a 20 MB segment has 2.6 million matches: 2.4 s of CPU).
	htmlMaxMarks    = htmlSentenceMax / 2
	htmlSentenceMax = 2000
	htmlClipContext = 160
	clipGap         = " … "
)

// clip is a sentence as report.html shows it: text, and for a clipped
// sentence the windows of the full text it keeps (nil: the whole text).
type clip struct {
	text    string
	windows []clipWindow
}

// clipWindow is the full text's [a, b) shown at byte at of the clip.
type clipWindow struct{ a, b, at int }

// shown is span sp of the full text as byte offsets of the clip, if the
// clip shows all of it.
func (c clip) shown(sp span) (int, int, bool) {
	if c.windows == nil {
		return sp.a, sp.b, true
	}
	i := sort.Search(len(c.windows), func(i int) bool { return c.windows[i].b >= sp.b })
	if i == len(c.windows) || c.windows[i].a > sp.a {
		return 0, 0, false
	}
	w := c.windows[i]
	return w.at + sp.a - w.a, w.at + sp.b - w.a, true
}

// clipSentence keeps text whole up to htmlSentenceMax bytes; a longer
// one is cut down to windows around the spans (in order; the first
// htmlSentenceMax bytes when there are none), each widened by
// htmlClipContext to a word boundary, joined by clipGap.
func clipSentence(text string, spans []span) clip {
	if len(text) <= htmlSentenceMax {
		return clip{text: text}
	}
	spans = append([]span(nil), spans...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	if len(spans) == 0 {
		spans = []span{{0, 0}}
	}
	var ws []clipWindow
	total := 0
	for _, sp := range spans {
		if total >= htmlSentenceMax {
			break
		}
		a, b := wordStart(text, sp.a-htmlClipContext, sp.a), wordEnd(text, sp.b, sp.b+htmlClipContext)
		if len(spans) == 1 && sp == (span{0, 0}) {
			a, b = 0, wordEnd(text, htmlSentenceMax, htmlSentenceMax)
		}
		if n := len(ws); n > 0 && a <= ws[n-1].b+len(clipGap) {
			total += max(0, b-ws[n-1].b)
			ws[n-1].b = max(ws[n-1].b, b)
			continue
		}
		ws = append(ws, clipWindow{a: a, b: b})
		total += b - a
	}
	var out strings.Builder
	for i := range ws {
		switch {
		case i > 0:
			out.WriteString(clipGap)
		case ws[i].a > 0:
			out.WriteString(strings.TrimLeft(clipGap, " "))
		}
		ws[i].at = out.Len()
		out.WriteString(text[ws[i].a:ws[i].b])
	}
	if ws[len(ws)-1].b < len(text) {
		out.WriteString(strings.TrimRight(clipGap, " "))
	}
	return clip{text: out.String(), windows: ws}
}

// wordStart is the start of the first word that begins within
// text[from:limit] (limit when none), on a UTF-8 boundary.
func wordStart(text string, from, limit int) int {
	from = max(0, from)
	if from == 0 {
		return 0
	}
	if i := strings.IndexByte(text[from:limit], ' '); i >= 0 {
		return from + i + 1
	}
	for limit > 0 && limit < len(text) && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// wordEnd is the end of the last word that ends within text[from:limit]
// (from when none), on a UTF-8 boundary.
func wordEnd(text string, from, limit int) int {
	limit = min(len(text), limit)
	if limit == len(text) {
		return limit
	}
	if i := strings.LastIndexByte(text[from:limit], ' '); i >= 0 {
		return from + i
	}
	for from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	return from
}

// strongestHits returns up to n hits: those on the segment's own words
// before those counted through a heading, then by score, then in document
// order; the chosen ones are returned in document order.
func strongestHits(hits []analysis.ThemeHit, n int) []analysis.ThemeHit {
	return strongestHitsInto(nil, hits, n)
}

// strongestHitsInto is strongestHits, the chosen hits appended to dst
// (empty) when they are not all of hits.
func strongestHitsInto(dst, hits []analysis.ThemeHit, n int) []analysis.ThemeHit {
	if len(hits) <= n {
		return hits
	}
	out := append(dst[:0], hits...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Inherited != b.Inherited {
			return !a.Inherited
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Sentence < b.Sentence
	})
	out = out[:n]
	sort.Slice(out, func(i, j int) bool { return out[i].Sentence < out[j].Sentence })
	return out
}

// utf16Offset walks s rune by rune as a decoder does (an invalid byte
// is one U+FFFD) up to byte offset i, and returns the UTF-16 offset
// reached and the byte offset of the rune boundary it stopped at: the
// start of the rune that holds i, or with end the end of that rune.
//
// A run of ASCII bytes is one unit a byte and is counted without
// decoding: most of what report.html shows is ASCII, and decoding every
// byte was most of this walk's time (BenchmarkUTF16Offset).
func utf16Offset(s string, i int, end bool) (units, at int) {
	for at < len(s) && at < i {
		if s[at] < utf8.RuneSelf {
			units++
			at++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[at:])
		if at+w > i && !end {
			break
		}
		units += utf16.RuneLen(r)
		at += w
	}
	return units, at
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// municipalityShapes parses the embedded boundaries once per process
// (0.1 s, nearly all of writing a small report.html; the fuzz targets
// write thousands). The shapes are only read after that: mapShapes
// copies what it keeps and projectShapes writes new values.
var municipalityShapes = sync.OnceValues(registry.MunicipalityShapes)

// mapShapes are the municipalities the map draws: the county asked for
// with --county, or the whole country.
func mapShapes(r *Report) ([]registry.Shape, error) {
	shapes, err := municipalityShapes()
	if err != nil {
		return nil, err
	}
	if r.County == "" || r.Registry == nil {
		return shapes, nil
	}
	c, ok := r.Registry.County(r.County)
	if !ok {
		return shapes, nil
	}
	var out []registry.Shape
	for _, s := range shapes {
		if s.CountyCode == c.Code {
			out = append(out, s)
		}
	}
	return out, nil
}

// cellOf is a heatmap cell. Its strings are fmt's ("%.0f%%" and
// "%s%d") made with strconv, which formats the same digits without
// fmt's reflection: a page makes two for each of tens of thousands of
// cells (TestCellOfStrconv).
func cellOf(doc int, theme string, level int, share float64, prefix string) htmlCell {
	return htmlCell{Doc: doc, Theme: theme, Level: level, Share: percentCell(share), Class: prefix + strconv.Itoa(level)}
}

// percentCell is share as a whole percentage, fmt.Sprintf("%.0f%%",
// 100*share).
func percentCell(share float64) string {
	var b [24]byte
	return string(append(strconv.AppendFloat(b[:0], 100*share, 'f', 0, 64), '%'))
}

// cellTemplate is how a table cell is written; renderCells writes the
// same bytes without the template (TestRenderCells compares them): with
// tens of thousands of cells, html/template's reflective calls to its
// escapers for every field were a quarter of writing report.html.
const cellTemplate = `{{range .}}{{if eq .Doc -1}}<td class="nd" data-doc="-1">–</td>{{else}}<td class="{{.Class}}" data-doc="{{.Doc}}" data-theme="{{.Theme}}" tabindex="0">{{.Level}}<br><small>{{.Share}}</small></td>{{end}}{{end}}`

// renderCells writes cells as cellTemplate does, escaping every string
// as html/template does in text and quoted attributes.
func renderCells(cells []htmlCell) template.HTML {
	var b strings.Builder
	b.Grow(cellsSize(cells)) // grown by appending, a row's buffer was copied four or five times
	for _, c := range cells {
		if c.Doc == -1 {
			b.WriteString(`<td class="nd" data-doc="-1">–</td>`)
			continue
		}
		b.WriteString(`<td class="`)
		writeEscaped(&b, c.Class)
		b.WriteString(`" data-doc="`)
		b.WriteString(strconv.Itoa(c.Doc))
		b.WriteString(`" data-theme="`)
		writeEscaped(&b, c.Theme)
		b.WriteString(`" tabindex="0">`)
		b.WriteString(strconv.Itoa(c.Level))
		b.WriteString(`<br><small>`)
		writeEscaped(&b, c.Share)
		b.WriteString(`</small></td>`)
	}
	return template.HTML(b.String())
}

// cellsSize is the length renderCells gives cells when no string needs
// escaping (an escaped one only makes the buffer grow).
func cellsSize(cells []htmlCell) int {
	n := 0
	for _, c := range cells {
		if c.Doc == -1 {
			n += len(`<td class="nd" data-doc="-1">–</td>`)
			continue
		}
		n += len(`<td class="" data-doc="" data-theme="" tabindex="0"><br><small></small></td>`) +
			len(c.Class) + len(c.Theme) + len(c.Share) + decimalLen(c.Doc) + decimalLen(c.Level)
	}
	return n
}

// decimalLen is len(strconv.Itoa(i)).
func decimalLen(i int) int {
	n := 1
	if i < 0 {
		n, i = 2, -i
	}
	for ; i >= 10; i /= 10 {
		n++
	}
	return n
}

// writeEscaped writes s escaped as html/template escapes text and quoted
// attribute values: NUL, quotes, ampersand, plus and angle brackets.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// highlight cuts a hit's text into plain and matched parts. Match offsets
// are document byte offsets, so a match sits at m.Start-h.Start in the
// segment; but the segment's text has its whitespace folded (a line break
// inside it became one space, a tab " | "), which can shift later
// matches. So each match's words (whitespace folded the same way) are
// looked for in the text, taking the occurrence nearest the expected
// offset; a match that cannot be found is left unmarked rather than
// marking the wrong words.
func highlight(h analysis.ThemeHit) []htmlPart {
	text := h.Text
	var parts []htmlPart
	pos := 0
	for _, s := range matchSpans(h, nil) {
		if s.a > pos {
			parts = append(parts, htmlPart{Text: text[pos:s.a]})
		}
		parts = append(parts, htmlPart{Text: text[s.a:s.b], Match: true})
		pos = s.b
	}
	if pos < len(text) {
		parts = append(parts, htmlPart{Text: text[pos:]})
	}
	return parts
}

// span is a byte range [a, b) of a hit's text.
type span struct{ a, b int }

// matchSpans is highlight's marked parts as byte ranges of h.Text, in
// order, apart (overlapping or touching matches merged), appended to
// out. The HTML report needs only these offsets, not the parts' text.
//
// The work is linear in the text and the number of matches: a segment
// of 240 KB with 30,000 matches took 57 s when every match looked at
// every occurrence of its word. Whitespace folding only moves a match by
// what was folded before it, so each match is looked for near where the
// previous one was found (its offset plus the drift so far), within
// spanSlack bytes either side. Only when that fails (a long run of
// folded whitespace) is the whole text searched, and those searches
// share a budget of a few times the text's length, past which a match
// is left unmarked.
func matchSpans(h analysis.ThemeHit, out []span) []span {
	text := h.Text
	first := len(out)
	drift := 0 // found offset minus expected offset, of the last match found
	budget := spanSearchBudget + 4*len(text)
	for _, m := range h.Matched {
		word := m.Text
		if strings.IndexFunc(word, unicode.IsSpace) >= 0 { // one word (most matches) needs no folding
			word = strings.Join(strings.Fields(word), " ")
		}
		if word == "" || len(word) > len(text) {
			continue
		}
		want := m.Start - h.Start
		best := nearest(text, word, want+drift, max(0, want+drift-spanSlack), want+drift+spanSlack+len(word))
		if best < 0 && budget > 0 {
			budget -= len(text)
			best = nearest(text, word, want+drift, 0, len(text))
		}
		if best >= 0 {
			drift = best - want
			out = append(out, span{best, best + len(word)})
		}
	}
	spans := out[first:]
	if len(spans) > 1 {
		sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	}
	merged := out[:first]
	pos := 0
	for _, s := range spans {
		if s.b <= pos {
			continue // inside an earlier match
		}
		if s.a < pos {
			s.a = pos // overlapping matches: extend the earlier one
		}
		if n := len(merged); n > first && merged[n-1].b == s.a {
			merged[n-1].b = s.b // touching: one part
		} else {
			merged = append(merged, s)
		}
		pos = s.b
	}
	return merged
}

// spanSlack is how far from its expected offset matchSpans first looks
// for a match: more than the whitespace a sentence folds between two
// matches, except in laid-out tables.
const spanSlack = 256

// spanSearchBudget is what matchSpans may scan of a short text in whole
// text searches beyond 4 times its length: a short sentence can always
// be searched whole for each of its matches.
const spanSearchBudget = 64 << 10

// nearest is the offset of the occurrence of word in text[from:to]
// nearest to want (the earlier of two as near), -1 if none.
func nearest(text, word string, want, from, to int) int {
	from, to = max(0, min(from, len(text))), max(0, min(to, len(text)))
	if from <= want && want+len(word) <= to && text[want:want+len(word)] == word {
		return want // where it was expected (most matches): none is nearer
	}
	best := -1
	for from < to {
		i := strings.Index(text[from:to], word)
		if i < 0 {
			break
		}
		i += from
		if best >= 0 && i-want >= abs(best-want) {
			break // later occurrences are only farther
		}
		best = i
		from = i + 1
	}
	return best
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// htmlScript is the page's only script. It reads the data block, and
// writes document text only through textContent, never as markup.
const htmlScript = `
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("styrdok-data").textContent);
  var panel = document.getElementById("evidence");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function show(doc, theme) {
    var ti = -1;
    for (var i = 0; i < data.themes.length; i++) { if (data.themes[i].id === theme) { ti = i; } }
    var d = data.docs[doc];
    if (!d || ti < 0) { return; }
    var t = d.t[ti];
    panel.textContent = "";
    var h = el("h3", "", (d.m || "(unknown municipality)") + " \u00b7 " + data.themes[ti].label +
      " \u00b7 level " + t.l + " \u00b7 " + Math.round(100 * t.s) + "% of sentences");
    panel.appendChild(h);
    panel.appendChild(el("p", "file", d.f));
    if (d.p.length) {
      var pp = el("p", "peers", "Most similar: " + d.p.map(function (p) { return data.docs[p.d].f + " (" + p.s.toFixed(2) + ")"; }).join(", "));
      panel.appendChild(pp);
    }
    if (!t.n) { panel.appendChild(el("p", "", "No evidence: the theme is not mentioned.")); }
    if (t.h.length < t.n) {
      panel.appendChild(el("p", "cap", "Showing " + t.h.length + " of " + t.n + " evidence sentences: the strongest, " +
        "own words before sentences counted through a heading. All " + t.n + " are in evidence.csv."));
    }
    var ol = el("ol", "ev");
    t.h.forEach(function (hit) {
      var s = d.s[hit[0]];
      var li = el("li", "");
      li.appendChild(el("span", "pg", "p. " + s.p + " \u00b7 " + s.k + (hit[1] ? " \u00b7 under a heading naming the theme" : "")));
      var q = el("span", "tx");
      var at = 0;
      for (var k = 2; k + 1 < hit.length; k += 2) {
        if (hit[k] > at) { q.appendChild(el("span", "", s.t.slice(at, hit[k]))); }
        q.appendChild(el("mark", "", s.t.slice(hit[k], hit[k + 1])));
        at = hit[k + 1];
      }
      if (at < s.t.length) { q.appendChild(el("span", "", s.t.slice(at))); }
      li.appendChild(q);
      if (s.c) {
        li.appendChild(el("span", "cap", " (a sentence of " + s.c + " characters, shown around its matched words; evidence.csv has it whole)"));
      }
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    panel.setAttribute("data-shown", doc + ":" + theme);
    panel.scrollIntoView({block: "nearest"});
  }
  function onCell(e) {
    var c = e.target.closest("[data-doc]");
    if (!c || c.getAttribute("data-doc") === "-1") { return; }
    show(+c.getAttribute("data-doc"), c.getAttribute("data-theme"));
  }
  document.querySelectorAll("table.grid").forEach(function (t) {
    t.addEventListener("click", onCell);
    t.addEventListener("keydown", function (e) { if (e.key === "Enter") { onCell(e); } });
  });
  var sel = document.getElementById("map-theme");
  var paths = document.querySelectorAll("#map path");
  function colour() {
    var ti = sel.selectedIndex;
    paths.forEach(function (p) {
      var m = data.munis[p.getAttribute("data-code")];
      var cls = "nd";
      if (m && m.levels[ti] >= 0) { cls = (m.status === "expired" ? "x" : "l") + m.levels[ti]; }
      p.setAttribute("class", cls);
    });
  }
  sel.addEventListener("change", colour);
  document.getElementById("map").addEventListener("click", function (e) {
    var p = e.target.closest("path");
    if (!p) { return; }
    var m = data.munis[p.getAttribute("data-code")];
    var ti = sel.selectedIndex;
    if (m && m.source[ti] >= 0) { show(m.source[ti], data.themes[ti].id); }
    else { panel.textContent = ""; panel.appendChild(el("p", "", (data.names[p.getAttribute("data-code")] || "") + ": no document")); }
  });
  colour();
  var county = document.getElementById("heatmap-county");
  if (county) {
    county.addEventListener("change", function () {
      document.querySelectorAll("#coverage tr[data-county]").forEach(function (tr) {
        tr.hidden = county.value !== "" && tr.getAttribute("data-county") !== county.value;
      });
    });
  }
})();
`

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>styrdok coverage report</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table.grid{border-collapse:collapse;font-size:12px}
.grid th,.grid td{border:1px solid #fff;padding:2px 5px;text-align:center}
.grid th.rl,.grid td.rl{text-align:left;background:#f4f4f4}
.grid th.th{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;height:8em}
td[data-doc]{cursor:pointer}td[data-doc="-1"]{cursor:default}
td[data-doc]:hover,td[data-doc]:focus{outline:2px solid #000}
.l0{background:#f7f4e8;fill:#f7f4e8}.l1{background:#9ecae1;fill:#9ecae1}.l2{background:#2171b5;color:#fff;fill:#2171b5}
.x0,.x1,.x2{background:#e0e0e0;color:#555;fill:#e0e0e0}.nd{background:#fafafa;color:#595959;fill:#fafafa}
.sum td{font-weight:bold;background:#f4f4f4}.xsum td{background:#f4f4f4;color:#555;font-style:italic}
small{font-size:10px}
#map path{stroke:#666;stroke-width:.3}#map path:hover{stroke:#000;stroke-width:1}
#map text.ml{font-size:7px;fill:#222;stroke:#fff;stroke-width:2px;paint-order:stroke;text-anchor:middle;pointer-events:none}
.legend span{display:inline-block;padding:0 .6em;margin-right:.3em;border:1px solid #ccc}
#evidence{border:1px solid #ccc;padding:.5em 1em;min-height:3em;background:#fffef6}
#evidence mark{background:#ffd54f}.pg{color:#595959;font-size:11px;margin-right:.6em}
.ev li{margin:.3em 0}.file,.peers,.cap{color:#555;font-size:12px}
.scroll{overflow-x:auto;max-width:100%}
#map{max-width:100%;height:auto}
.cols{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
nav.toc ul{margin:.3em 0;padding-left:1.2em}nav.toc a{color:#0b4f8a}
@media print{
@page{size:A4;margin:15mm}
body{margin:0;font-size:10pt}
nav.toc,#map-theme,#evidence-title,#evidence{display:none}
h2{break-after:avoid}tr,li{break-inside:avoid}
table.grid{font-size:7pt;line-height:1.15}.grid th,.grid td{padding:0 3px}.grid th.th{height:6.5em}
.scroll{overflow:visible}
.l0,.l1,.l2,.x0,.x1,.x2,.nd,.legend span,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
#map{max-width:100%;height:auto}
}
</style>
</head>
<body>
<h1>styrdok coverage report</h1>
<p>{{.Documents}} documents analysed{{with .Failures}}, {{len .}} failed{{end}}. Cells show the level (0 absent or passing mention, 1 treated, 2 heading, focus area or goal) and the theme's share of the document's sentences. Click a cell to see its evidence (up to {{.EvidenceCap}} sentences per cell, the strongest; evidence.csv has every one).</p>
{{with .AsOf}}<p id="as-of"><strong>Status as of {{.}}</strong>: a document is in force when its period of validity covers this date (run --as-of).</p>
{{end}}<p class="legend"><span class="l0">level 0</span><span class="l1">level 1</span><span class="l2">level 2</span><span class="x1">expired</span><span class="nd">no document</span></p>

<nav class="toc" aria-label="contents"><ul>
<li><a href="#heatmap">Coverage by document</a></li>
<li><a href="#evidence-title">Evidence</a></li>
{{with .Counties}}<li><a href="#counties">Regional coverage</a><ul>{{range .}}<li><a href="#county-{{.Code}}">{{.Name}} ({{.Code}})</a></li>{{end}}</ul></li>
{{end}}<li><a href="#map-title">Map</a></li>
{{with .Pairs}}<li><a href="#similarity">Similar documents</a></li>
{{end}}{{with .Failures}}<li><a href="#failures">Failures</a></li>
{{end}}</ul></nav>

{{if .CountyView}}{{template "map" .}}{{end}}
<h2 id="heatmap">Coverage by document</h2>
{{with .RowCounties}}<p><label>County: <select id="heatmap-county"><option value="">all counties</option>{{range .}}<option value="{{.Value}}"{{if eq .Value $.HeatmapCounty}} selected{{end}}>{{.Label}} ({{.Value}})</option>{{end}}</select></label></p>{{end}}
<div class="scroll"><table class="grid" id="coverage">
<tr><th class="rl">municipality</th><th class="rl">document</th>{{range .Themes}}<th class="th" title="{{.Label}}">{{.ID}}</th>{{end}}</tr>
{{range .Rows}}<tr data-county="{{.County}}"{{if and $.HeatmapCounty (ne .County $.HeatmapCounty)}} hidden{{end}}><td class="rl">{{.Municipality}}</td><td class="rl">{{.File}}</td>{{.CellsHTML}}</tr>
{{end}}</table></div>

<h2 id="evidence-title">Evidence</h2>
<div id="evidence" aria-live="polite"><p>Click a cell of a table or a municipality on the map.</p></div>

{{with .Counties}}<h2 id="counties">Regional coverage</h2>
<p>{{$.Rule}}</p>
{{range .}}<h3 id="county-{{.Code}}">{{.Name}} ({{.Code}})</h3>
<p>{{.Usable}} of {{.Total}} municipalities have a usable document.{{if .Expired}} {{.Expired}} more with an expired plan only.{{end}}</p>
<div class="scroll"><table class="grid county">
<tr><th class="rl">code</th><th class="rl">municipality</th><th class="rl">status</th><th class="rl">document</th>{{range $.Themes}}<th class="th" title="{{.Label}}">{{.ID}}</th>{{end}}</tr>
{{range .Rows}}<tr><td class="rl">{{.Code}}</td><td class="rl">{{.Name}}</td><td class="rl">{{.Status}}</td><td class="rl">{{.Document}}</td>{{.CellsHTML}}</tr>
{{end}}<tr class="sum"><td class="rl" colspan="4">county: municipalities at level ≥1</td>{{range .AtLeast1}}<td>{{.}}</td>{{end}}</tr>
<tr class="sum"><td class="rl" colspan="4">county: municipalities at level ≥2</td>{{range .AtLeast2}}<td>{{.}}</td>{{end}}</tr>
{{if .Expired}}<tr class="xsum"><td class="rl" colspan="4">more with an expired plan, level ≥1 (not counted)</td>{{range .ExpiredReach1}}<td>{{.}}</td>{{end}}</tr>
<tr class="xsum"><td class="rl" colspan="4">more with an expired plan, level ≥2 (not counted)</td>{{range .ExpiredReach2}}<td>{{.}}</td>{{end}}</tr>
{{end}}</table></div>
{{end}}{{end}}
{{if not .CountyView}}{{template "map" .}}{{end}}

{{with .Pairs}}<h2 id="similarity">Similar documents</h2>
<p>{{if gt $.PairsTotal (len .)}}The {{len .}} most similar of {{$.PairsTotal}} pairs; all are in similarity.csv, which {{else}}similarity.csv {{end}}lists for every document its 5 most similar documents with cosine at least 0.2, and every pair with cosine at least 0.9 (near duplicates).</p>
<div class="scroll"><table class="grid"><tr><th class="rl">document</th><th class="rl">document</th><th>cosine</th><th class="rl">near duplicate</th></tr>
{{range .}}<tr><td class="rl">{{.A}}</td><td class="rl">{{.B}}</td><td>{{.Similarity}}</td><td class="rl">{{if .NearDuplicate}}yes{{end}}</td></tr>
{{end}}</table></div>{{end}}

{{define "map"}}<h2 id="map-title">Map</h2>
<p><label>Theme: <select id="map-theme">{{range .Themes}}<option value="{{.ID}}">{{.Label}} ({{.ID}})</option>{{end}}</select></label> Colour: the municipality's best level among its usable documents. Click a municipality for its evidence.</p>
<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Map.Width}} {{.Map.Height}}" width="{{.Map.Width}}" height="{{.Map.Height}}" role="img" aria-label="map of municipalities">
{{range .Map.Shapes}}<path data-code="{{.Code}}" class="nd" d="{{.Path}}"><title>{{.Name}} ({{.Code}})</title></path>
{{end}}{{if $.CountyView}}{{range .Map.Shapes}}<text class="ml" x="{{.LabelX}}" y="{{.LabelY}}">{{.Name}}</text>
{{end}}{{end}}</svg>
{{end}}
{{with .Failures}}<h2 id="failures">Failures</h2>
<div class="scroll"><table class="grid"><tr><th class="rl">file</th><th class="rl">reason</th></tr>
{{range .}}<tr><td class="rl">{{.File}}</td><td class="rl">{{.Reason}}</td></tr>
{{end}}</table></div>{{end}}

`
