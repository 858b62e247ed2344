package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/registry"
)

// hostileReport is the bundled corpus plus a document whose text carries
// markup and script (testdata/xss), attributed to Lerum.
func hostileReport(t testing.TB) *Report {
	return analyzeFiles(t, append(bundledFiles(t), "testdata/xss/lerum-integrationsplan-xss.txt")...)
}

func renderHTML(t testing.TB, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestHTMLEscapesDocumentText proves that text from a document renders as
// text: the page's only elements are its own.
func TestHTMLEscapesDocumentText(t *testing.T) {
	r := hostileReport(t)
	hostile := r.Documents[len(r.Documents)-1]
	if w, _ := hostile.Theme("work"); w.Level == 0 || len(w.Evidence) == 0 {
		t.Fatalf("the hostile document must have theme hits (work level %d)", w.Level)
	}
	page := renderHTML(t, r)
	if n := strings.Count(page, "<script"); n != 2 {
		t.Errorf("%d <script elements, want 2 (the data block and the page script)", n)
	}
	for _, bad := range []string{"<script>window", "<img", `onerror="`, "<b onmouseover", `onmouseover="`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	// the payload is there, as escaped data
	if !strings.Contains(page, `\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e`) {
		t.Error("the document's text is missing from the data block")
	}
}

// TestHTMLSelfContained: no URL the browser would fetch, a CSP that
// allows only the page's script, and a reasonable size.
func TestHTMLSelfContained(t *testing.T) {
	page := renderHTML(t, bundledReport(t))
	if len(page) > 1500000 {
		t.Errorf("report.html is %d bytes, want under 1.5 MB", len(page))
	}
	// the table of contents links into the page; nothing else links
	if m := regexp.MustCompile(`(?i)(src\s*=|href\s*=\s*"[^#])`).FindString(page); m != "" {
		t.Errorf("page references an external resource: %s", m)
	}
	if strings.Contains(page, "http://") && strings.Count(page, "http://") != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Error("page contains an http:// URL other than the SVG namespace")
	}
	script := htmlLangs()[LangSwedish].script // the default
	sum := sha256.Sum256([]byte(script))
	if !strings.Contains(page, "<script>"+script+"</script>") || !strings.Contains(page, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Error("the page script is altered or its CSP hash is missing")
	}
	if n := strings.Count(page, "<path data-code="); n != 290 {
		t.Errorf("map has %d municipalities, want 290", n)
	}
	for _, id := range []string{`id="coverage"`, `id="counties"`, `id="county-14"`, `id="map-theme"`, `id="evidence"`, `id="styrdok-data"`} {
		if !strings.Contains(page, id) {
			t.Errorf("page lacks %s", id)
		}
	}
}

func TestHTMLCountyMap(t *testing.T) {
	r := bundledReport(t)
	r.County = "14"
	page := renderHTML(t, r)
	if n := strings.Count(page, "<path data-code="); n != 49 {
		t.Errorf("county map has %d municipalities, want 49", n)
	}
	if strings.Contains(page, `id="county-03"`) {
		t.Error("--county 14 report shows another county")
	}
	// a county's view: the map first, its municipalities named on it
	if m, h := strings.Index(page, `id="map-title"`), strings.Index(page, `id="heatmap"`); m < 0 || m > h {
		t.Errorf("county view: map at %d, heatmap at %d; want the map first", m, h)
	}
	if n := strings.Count(page, `<text class="ml"`); n != 49 || !strings.Contains(page, `">Alingsås</text>`) {
		t.Errorf("county map names %d municipalities, want 49 with Alingsås", n)
	}
	if bad := htmlUnsafe(page); bad != "" {
		t.Error(bad)
	}
	// the heatmap opens on the county's documents (the filter preset to
	// it), the others' rows hidden but in the page
	shown, hidden := strings.Count(page, `<tr data-county="14">`), strings.Count(page, `" hidden><td class="rl">`)
	in14 := 0
	for _, d := range r.Documents {
		if d.Municipality.CountyCode == "14" {
			in14++
		}
	}
	if shown != in14 || in14 == 0 || hidden == 0 || shown+hidden != len(r.Documents) || !strings.Contains(page, `<option value="14" selected>`) {
		t.Errorf("county view heatmap: %d rows shown (want Västra Götaland's %d), %d hidden, of %d documents; or the filter is not preset", shown, in14, hidden, len(r.Documents))
	}
	r.County = ""
	page = renderHTML(t, r)
	if strings.Contains(page, " hidden>") || strings.Contains(page, " selected>") {
		t.Error("the country's view hides heatmap rows or presets the county filter")
	}
	if m, h := strings.Index(page, `id="map-title"`), strings.Index(page, `id="heatmap"`); m < h || strings.Contains(page, `<text class="ml"`) {
		t.Error("the country's view: the map after the tables, without names")
	}
}

func TestHighlight(t *testing.T) {
	// "Arbetsmarknad\n  och  bostad": folded text shifts the second match
	h := analysis.ThemeHit{Start: 100, Text: "Arbetsmarknad och bostad är viktiga.", Matched: []analysis.Match{
		{Text: "Arbetsmarknad", Start: 100, End: 113},
		{Text: "bostad", Start: 122, End: 128}, // original had extra spaces
		{Text: "saknas", Start: 130, End: 136}, // not in the text: left unmarked
		{Text: "Arbets", Start: 100, End: 106}, // inside an earlier match
	}}
	parts := highlight(h)
	var all, marked []string
	for _, p := range parts {
		all = append(all, p.Text)
		if p.Match {
			marked = append(marked, p.Text)
		}
	}
	if strings.Join(all, "") != h.Text {
		t.Errorf("parts do not rebuild the text: %q", all)
	}
	if got := strings.Join(marked, "|"); got != "Arbetsmarknad|bostad" {
		t.Errorf("marked %q", got)
	}
	// Touching and overlapping matches are one marked part; a match with
	// a line break in it is found with its space folded.
	h = analysis.ThemeHit{Start: 0, Text: "Om arbetsmarknaden och svenska språket.", Matched: []analysis.Match{
		{Text: "arbets", Start: 3, End: 9}, {Text: "marknaden", Start: 9, End: 18}, {Text: "rknad", Start: 12, End: 17},
		{Text: "svenska\n språket", Start: 23, End: 39}}}
	marked = nil
	for _, p := range highlight(h) {
		if p.Match {
			marked = append(marked, p.Text)
		}
	}
	if got := strings.Join(marked, "|"); got != "arbetsmarknaden|svenska språket" {
		t.Errorf("marked %q", got)
	}
	if got := matchSpans(h, nil); len(got) != 2 || got[0] != (span{3, 18}) || got[1] != (span{23, 39}) {
		t.Errorf("spans %v", got)
	}
}

func TestProjection(t *testing.T) {
	// on the central meridian x is 0 and y the latitude in radians
	x, y := projectTM(regPoint(15, 60))
	if math.Abs(x) > 1e-12 || math.Abs(y-math.Pi/3) > 1e-12 {
		t.Errorf("projectTM(15E, 60N) = %v, %v", x, y)
	}
	// east is right, north is up
	xe, _ := projectTM(regPoint(20, 60))
	_, yn := projectTM(regPoint(15, 65))
	if xe <= 0 || yn <= y {
		t.Errorf("orientation: east x %v, north y %v", xe, yn)
	}
}

func regPoint(lon, lat float64) registry.Point { return registry.Point{Lon: lon, Lat: lat} }

// TestStrongestHits: own words before headings, then score, returned in
// document order.
func TestStrongestHits(t *testing.T) {
	hits := []analysis.ThemeHit{{Sentence: 1, Score: 1, Inherited: true}, {Sentence: 2, Score: 0.5}, {Sentence: 3, Score: 2},
		{Sentence: 4, Score: 0.5, Inherited: true}, {Sentence: 5, Score: 1}}
	var got []int
	for _, h := range strongestHits(hits, 3) {
		got = append(got, h.Sentence)
	}
	if fmt.Sprint(got) != "[2 3 5]" {
		t.Errorf("strongest 3: %v, want [2 3 5]", got)
	}
	if len(strongestHits(hits, 10)) != 5 {
		t.Error("fewer hits than the cap: all kept")
	}
	if utf16Len("å𝄞") != 3 {
		t.Error("utf16Len")
	}
}

// TestRenderCells: renderCells writes exactly what html/template writes
// for cellTemplate, for awkward theme ids (a user's codebook), shares,
// levels and missing cells.
func TestRenderCells(t *testing.T) {
	tmpl := template.Must(template.New("cells").Parse(cellTemplate))
	odd := []string{"work", "a\"b", "<script>", "x&y", "it's", "1+1", "\x00", "å ä ö", "😀", "a>b", "tab\there", "\xff"}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 500 {
		var cells []htmlCell
		for range 1 + rng.IntN(5) {
			if rng.IntN(5) == 0 {
				cells = append(cells, htmlCell{Doc: -1, Theme: odd[rng.IntN(len(odd))], Class: "nd"})
				continue
			}
			level := rng.IntN(3)
			cells = append(cells, cellOf(rng.IntN(3000), odd[rng.IntN(len(odd))]+odd[rng.IntN(len(odd))], level, rng.Float64(), []string{"l", "x"}[rng.IntN(2)]))
		}
		var want strings.Builder
		if err := tmpl.Execute(&want, cells); err != nil {
			t.Fatal(err)
		}
		if got := string(renderCells(cells)); got != want.String() {
			t.Fatalf("renderCells differs from the template:\n got %q\nwant %q", got, want.String())
		}
		if n := cellsSize(cells); n > want.Len() {
			t.Fatalf("cellsSize %d is more than the %d bytes written", n, want.Len())
		}
	}
	// with nothing to escape, the size is exact
	for _, doc := range []int{-1, 0, 9, 10, 2999, 12345} {
		cells := []htmlCell{cellOf(doc, "language_sfi", 2, 0.4567, "x"), {Doc: -1, Theme: "work", Class: "nd"}, cellOf(doc, "work", 0, 0, "l")}
		if doc == -1 {
			cells[0] = htmlCell{Doc: -1, Theme: "housing", Class: "nd"}
		}
		if got, want := cellsSize(cells), len(renderCells(cells)); got != want {
			t.Errorf("doc %d: cellsSize %d, renderCells wrote %d", doc, got, want)
		}
	}
	for _, i := range []int{0, 7, 10, 99, 100, -1, -10, 1 << 40} {
		if got, want := decimalLen(i), len(strconv.Itoa(i)); got != want {
			t.Errorf("decimalLen(%d) = %d, want %d", i, got, want)
		}
	}
}

// TestHTMLContrast: every colour pair of the page's stylesheet (a rule's
// text colour on its background, the page's text colour where it sets
// none) meets WCAG 2.1 AA for text, 4.5:1; the contrast is computed from
// the stylesheet itself. A level's map fill is its table colour, so the
// legend matches the map.
func TestHTMLContrast(t *testing.T) {
	css := htmlSource[strings.Index(htmlSource, "<style>"):strings.Index(htmlSource, "</style>")]
	css = regexp.MustCompile(`@media print\{(?s:.*)\}\s*$`).ReplaceAllString(css, "")
	body := regexp.MustCompile(`body\{[^}]*color:(#[0-9a-f]{3,6})`).FindStringSubmatch(css)[1]
	rules := regexp.MustCompile(`([^{}]+)\{([^}]*)\}`).FindAllStringSubmatch(css, -1)
	prop := func(decls, name string) string {
		m := regexp.MustCompile(`(?:^|;)` + name + `:(#[0-9a-f]{3,6})`).FindStringSubmatch(decls)
		if m == nil {
			return ""
		}
		return m[1]
	}
	checked := 0
	for _, r := range rules {
		sel, decls := strings.TrimSpace(r[1]), r[2]
		bg, fg, fill := prop(decls, "background"), prop(decls, "color"), prop(decls, "fill")
		if fill != "" && bg != "" && fill != bg {
			t.Errorf("%s: map fill %s differs from its table and legend colour %s", sel, fill, bg)
		}
		switch {
		case bg == "" && fg == "":
			continue
		case bg == "":
			bg = "#fff" // text set on the page's background (or the evidence panel's, checked below)
			if strings.Contains(sel, ".pg") || strings.Contains(sel, ".cap") || strings.Contains(sel, ".file") {
				bg = "#fffef6"
			}
		case fg == "":
			fg = body
		}
		if ratio := contrast(fg, bg); ratio < 4.5 {
			t.Errorf("%s: %s on %s has contrast %.2f, below 4.5", sel, fg, bg, ratio)
		}
		checked++
	}
	for _, cls := range []string{".l0", ".l1", ".l2", ".x0", ".nd", "mark"} {
		if !strings.Contains(css, cls) {
			t.Errorf("no rule for %s", cls)
		}
	}
	if checked < 10 {
		t.Errorf("only %d colour rules checked", checked)
	}
	if r := contrast("#777", "#fff"); r > 4.5 || r < 4.4 {
		t.Errorf("contrast(#777, #fff) = %.3f, want 4.48", r) // WCAG's own example
	}
}

// contrast is the WCAG 2.1 contrast ratio of two sRGB colours (#rgb or #rrggbb).
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var rgb [3]float64
	for i := range rgb {
		var v int
		fmt.Sscanf(hex[2*i:2*i+2], "%02x", &v)
		c := float64(v) / 255
		if c <= 0.04045 {
			rgb[i] = c / 12.92
		} else {
			rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
}

// TestHTMLLanguages: report.html is Swedish by default (the codebook's
// label_sv, Swedish text and script strings, lang="sv") and English with
// Lang "en"; every Swedish phrase replaces English that is there, and no
// English phrase is left in the Swedish page's source.
func TestHTMLLanguages(t *testing.T) {
	sv := htmlLangs()[LangSwedish]
	for i := 0; i < len(htmlSwedish); i += 2 {
		en, svText := htmlSwedish[i], htmlSwedish[i+1]
		if !strings.Contains(htmlSource, en) && !strings.Contains(htmlScript, en) {
			t.Errorf("phrase %q is not in the English page", en)
		}
		if strings.Contains(sv.script, en) || strings.Contains(sv.template.Tree.Root.String(), en) {
			t.Errorf("phrase %q is left in the Swedish page", en)
		}
		_ = svText
	}
	r := bundledReport(t)
	page := renderHTML(t, r)
	for _, want := range []string{`<html lang="sv">`, "Täckning per dokument", "Arbete och sysselsättning", CountyRuleSV[:40]} {
		if !strings.Contains(page, want) {
			t.Errorf("Swedish page lacks %q", want)
		}
	}
	// the county tables' statuses in Swedish too (the CSV files keep the data's English)
	for _, st := range []string{RowCurrent, RowUnknown, RowExpired, RowNoDocument} {
		if !strings.Contains(page, `<td class="rl">`+rowStatusSV[st]+`</td>`) || strings.Contains(page, `<td class="rl">`+st+`</td>`) {
			t.Errorf("Swedish page: status %q not shown as %q", st, rowStatusSV[st])
		}
	}
	r.Lang = LangEnglish
	page = renderHTML(t, r)
	for _, want := range []string{`<html lang="en">`, "Coverage by document", "<script>" + htmlScript + "</script>"} {
		if !strings.Contains(page, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
	if strings.Contains(page, "Täckning") {
		t.Error("English page has Swedish text")
	}
	r.Lang = "de"
	if err := WriteHTML(io.Discard, r); err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("unknown language: %v", err)
	}
}

// TestHTMLDocScratch: the page's document data made with one scratch
// re-used over the documents, in order and in reverse (so that a large
// document's leftovers meet a small one), is what a fresh newHTMLDoc
// makes of each.
func TestHTMLDocScratch(t *testing.T) {
	r := hostileReport(t)
	sim := r.similarity()
	docs := append(slices.Clone(r.Documents), r.Documents...)
	for i := range r.Documents {
		docs = append(docs, r.Documents[len(r.Documents)-1-i])
	}
	var s htmlDocScratch
	for k, d := range docs {
		i := slices.Index(r.Documents, d)
		fresh := newHTMLDoc(d, sim.TopPeers(i, maxPeers, nil))
		want, err := json.Marshal(&fresh)
		if err != nil {
			t.Fatal(err)
		}
		reused := s.doc(d, sim.TopPeers(i, maxPeers, nil))
		got, err := json.Marshal(&reused)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("document %d (%s): re-used scratch gives\n%.300s\nwant\n%.300s", k, d.File, got, want)
		}
	}
}
