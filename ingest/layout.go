package ingest

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout thresholds, as fractions of the font size.
const (
	spaceGap  = 0.15 // a gap wider than this between glyphs is a space
	columnGap = 2.0  // a gap wider than this (and no rule) separates table cells
	lineTol   = 0.4  // glyphs whose baselines differ less share a line
)

// vline is one visual line: its glyphs, sorted left to right.
type vline struct {
	y, size float64
	gs      []glyph
	bold    bool
}

// layoutPage rebuilds the reading order of a single-column page: glyphs
// sorted into lines top to bottom, spaces where the gap between glyphs
// exceeds a fraction of the font size, table rows (cells between drawn
// rules) as TAB-separated lines, and blank lines between paragraphs and
// around headings.
func layoutPage(gs []glyph, rules []rule) []string {
	if len(gs) == 0 {
		return nil
	}
	lines := buildLines(gs)
	var vrules, hrules []rule
	for _, r := range rules {
		if r.vertical() {
			vrules = append(vrules, r)
		} else if r.horizontal() {
			hrules = append(hrules, r)
		}
	}
	colsOf := make([][]float64, len(lines))
	var text []*vline
	for i, l := range lines {
		bold := 0
		for _, g := range l.gs {
			if g.bold {
				bold++
			}
		}
		l.bold = bold*2 > len(l.gs)
		if colsOf[i] = tableColumns(l, vrules); len(colsOf[i]) < 3 {
			text = append(text, l)
		}
	}
	body := bodySize(text)
	leading := typicalLeading(text)
	ruled := make([]bool, len(lines))
	for i := range lines {
		ruled[i] = len(colsOf[i]) >= 3
	}
	blockAt := map[int]geoBlock{}
	for _, b := range findGeoBlocks(lines, ruled) {
		blockAt[b.start] = b
	}

	var out []string
	var prev *vline
	var prevTable []float64
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if b, ok := blockAt[i]; ok { // a table without rules, or columns of text
			out = appendBlank(out)
			out = append(out, b.out...)
			out = appendBlank(out)
			prevTable = nil
			prev = lines[b.end-1]
			i = b.end - 1
			continue
		}
		if cols := colsOf[i]; len(cols) >= 3 { // a row of a ruled table: gather its lines
			start := i
			row := []*vline{l}
			for i+1 < len(lines) {
				nx := lines[i+1]
				if !sameColumns(cols, colsOf[i+1]) || ruleBetween(hrules, row[len(row)-1], nx, cols) {
					break
				}
				row = append(row, nx)
				i++
			}
			if occupiedCells(row, cols) < 2 && !sameColumns(prevTable, cols) {
				// A frame around text, or a table of one column: its lines
				// are text (joined into one cell they lost their breaks).
				for k := start; k <= i; k++ {
					colsOf[k] = nil
				}
				i = start - 1
				continue
			}
			if prevTable == nil || !sameColumns(prevTable, cols) {
				out = appendBlank(out)
			}
			out = append(out, tableRow(row, cols))
			prevTable = cols
			prev = row[len(row)-1]
			continue
		}
		if prevTable != nil {
			out = appendBlank(out)
			prevTable = nil
		}
		heading := l.size > body*1.12 || (l.bold && len(l.gs) < 90)
		if prev != nil {
			gap := (prev.y - l.y) / l.size
			if heading || gap > leading*1.25+0.05 || gap < 0 || prev.size > body*1.12 || prev.bold && !l.bold {
				out = appendBlank(out)
			}
		}
		out = append(out, lineText(l.gs, vrules, l))
		if heading {
			out = appendBlank(out)
		}
		prev = l
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// nearestBaselines moves each glyph to the neighbouring line whose
// baseline is nearest to its own. Lines are gathered top down, so a
// larger glyph set between two lines of small text (a report header's
// "ÅRL" beside a "Period" line) joined the line above it, the first within
// reach. A line's baseline is the one most of its glyphs sit on (a
// superscript may have started it).
func nearestBaselines(lines []*vline) []*vline {
	if len(lines) < 2 {
		return lines
	}
	for _, l := range lines {
		l.y = modeY(l.gs)
	}
	// nearer is the line a glyph of line i belongs to; decided on the
	// lines' baselines and sizes alone, which moving glyphs does not
	// change, so a first pass can tell whether anything moves (on most
	// pages nothing does, and then no line is copied).
	nearer := func(i int, g glyph) int {
		l := lines[i]
		best, d := i, math.Abs(g.y-l.y)
		for _, j := range [2]int{i - 1, i + 1} {
			if j < 0 || j >= len(lines) {
				continue
			}
			o := lines[j]
			if dj := math.Abs(g.y - o.y); dj+0.5 < d && dj <= lineTol*math.Max(o.size, g.size) {
				best, d = j, dj
			}
		}
		return best
	}
	changed := false
	for i, l := range lines {
		for _, g := range l.gs {
			if nearer(i, g) != i {
				changed = true
				break
			}
		}
		if changed {
			break
		}
	}
	if !changed {
		return lines
	}
	moved := make([][]glyph, len(lines))
	for i, l := range lines {
		keep := l.gs[:0] // filtered in place: a line's glyphs are its own (buildLines caps them)
		for _, g := range l.gs {
			if best := nearer(i, g); best == i {
				keep = append(keep, g)
			} else {
				moved[best] = append(moved[best], g)
			}
		}
		l.gs = keep
	}
	out := lines[:0]
	for i, l := range lines {
		l.gs = append(l.gs, moved[i]...)
		if len(l.gs) == 0 {
			continue
		}
		l.size = 0
		for _, g := range l.gs {
			l.size = math.Max(l.size, g.size)
		}
		out = append(out, l)
	}
	return out
}

// tally counts float keys in first-seen order; a page's lines have a
// handful of baselines and sizes, so a linear scan beats a map's hashing
// and allocation.
type tally struct {
	keys []float64
	n    []int
}

// add counts k and returns its count so far.
func (t *tally) add(k float64) int {
	for i, x := range t.keys {
		if x == k {
			t.n[i]++
			return t.n[i]
		}
	}
	t.keys = append(t.keys, k)
	t.n = append(t.n, 1)
	return 1
}

// modeY is the baseline most glyphs share (to a tenth of a point).
func modeY(gs []glyph) float64 {
	var buf [8]float64
	var nbuf [8]int
	count := tally{keys: buf[:0], n: nbuf[:0]}
	best, bestN := gs[0].y, 0
	for _, g := range gs {
		y := math.Round(g.y*10) / 10
		if c := count.add(y); c > bestN || (c == bestN && y > best) {
			best, bestN = y, c
		}
	}
	return best
}

// buildLines sorts glyphs into visual lines, top down, each left to right
// without doubled glyphs.
func buildLines(gs []glyph) []*vline {
	// slices' generic stable sort runs the same algorithm as
	// sort.SliceStable without its reflection-based swapper (a page's
	// glyphs are moved many times); cmpTopDown keeps the comparisons
	// identical.
	slices.SortStableFunc(gs, cmpTopDown)
	// A line is a run of the sorted glyphs: it holds a slice of gs, capped
	// so that growing one line (nearestBaselines) never writes into the next.
	var lines []*vline
	start := 0
	for i, g := range gs {
		if n := len(lines); n > 0 {
			l := lines[n-1]
			if l.y-g.y <= lineTol*math.Max(l.size, g.size) {
				l.gs = gs[start : i+1 : i+1]
				l.size = math.Max(l.size, g.size)
				continue
			}
		}
		start = i
		lines = append(lines, &vline{y: g.y, size: g.size, gs: gs[i : i+1 : i+1]})
	}
	lines = nearestBaselines(lines)
	for _, l := range lines {
		slices.SortStableFunc(l.gs, cmpLeftRight)
		l.gs = dedupe(l.gs)
	}
	return lines
}

// cmpTopDown and cmpLeftRight turn a less function into a comparison
// that is negative exactly when less holds, as the stable sort asks less
// (so the order, NaNs included, is the one sort.SliceStable gave). They
// were one closure over the less function, whose two calls per comparison
// could not be inlined.
func cmpTopDown(a, b glyph) int {
	if lessTopDown(&a, &b) {
		return -1
	}
	if lessTopDown(&b, &a) {
		return 1
	}
	return 0
}

// lessTopDown: a's baseline is above b's, or the same and a is left of b.
func lessTopDown(a, b *glyph) bool {
	if a.y != b.y {
		return a.y > b.y
	}
	return a.x < b.x
}

func cmpLeftRight(a, b glyph) int {
	if a.x < b.x {
		return -1
	}
	if b.x < a.x {
		return 1
	}
	return 0
}

func appendBlank(out []string) []string {
	if len(out) > 0 && out[len(out)-1] != "" {
		out = append(out, "")
	}
	return out
}

// bodySize is the font size most glyphs on the page have.
func bodySize(lines []*vline) float64 {
	var count tally
	best, bestN := 0.0, 0
	for _, l := range lines {
		for _, g := range l.gs {
			s := math.Round(g.size*2) / 2
			if c := count.add(s); c > bestN {
				best, bestN = s, c
			}
		}
	}
	return best
}

// typicalLeading is the median distance between consecutive lines of the
// same size, in units of their font size.
func typicalLeading(lines []*vline) float64 {
	var d []float64
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if g := (a.y - b.y) / b.size; g > 0 && g < 3 && math.Abs(a.size-b.size) < 0.5 {
			d = append(d, g)
		}
	}
	if len(d) == 0 {
		return 1.2
	}
	sort.Float64s(d)
	return d[len(d)/2]
}

// dedupe drops glyphs drawn twice at the same place (fake bold, shadows).
func dedupe(gs []glyph) []glyph {
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 {
			p := out[n-1]
			if p.s == g.s && math.Abs(p.x-g.x) < 0.3 && math.Abs(p.y-g.y) < 0.3 {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// tableColumns returns the x positions of vertical rules crossing the
// line's height, sorted, when they enclose all its glyphs.
func tableColumns(l *vline, vrules []rule) []float64 {
	top, bot := l.y+0.7*l.size, l.y
	var xs []float64
	for _, r := range vrules {
		if r.y0 <= bot+0.5 && r.y1 >= top-0.5 {
			x := (r.x0 + r.x1) / 2
			dup := false
			for _, e := range xs {
				if math.Abs(e-x) < 3 {
					dup = true
					break
				}
			}
			if !dup {
				xs = append(xs, x)
			}
		}
	}
	if len(xs) < 2 {
		return nil
	}
	sort.Float64s(xs)
	first, last := l.gs[0], l.gs[len(l.gs)-1]
	if first.x < xs[0]-1 || last.x+last.w > xs[len(xs)-1]+1 {
		return nil
	}
	return xs
}

func sameColumns(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 3 {
			return false
		}
	}
	return true
}

// ruleBetween reports a horizontal rule between two lines spanning the
// table: the border between two rows.
func ruleBetween(hrules []rule, a, b *vline, cols []float64) bool {
	left, right := cols[0], cols[len(cols)-1]
	for _, r := range hrules {
		y := (r.y0 + r.y1) / 2
		if y < a.y && y > b.y+0.3*b.size && r.x0 < right-2 && r.x1 > left+2 {
			return true
		}
	}
	return false
}

// occupiedCells counts the cells of a table row that hold text.
func occupiedCells(row []*vline, cols []float64) int {
	used := make([]bool, len(cols)-1)
	n := 0
	for _, l := range row {
		for _, g := range l.gs {
			c := sort.SearchFloat64s(cols, g.x+g.w/2) - 1
			c = max(0, min(c, len(used)-1))
			if !used[c] {
				used[c] = true
				n++
			}
		}
	}
	return n
}

// tableRow joins the lines of one table row cell by cell.
func tableRow(row []*vline, cols []float64) string {
	cells := make([][]string, len(cols)-1)
	for _, l := range row {
		parts := make([][]glyph, len(cols)-1)
		for _, g := range l.gs {
			c := sort.SearchFloat64s(cols, g.x+g.w/2) - 1
			c = max(0, min(c, len(parts)-1))
			parts[c] = append(parts[c], g)
		}
		for c, p := range parts {
			if len(p) > 0 {
				cells[c] = append(cells[c], joinGlyphs(p))
			}
		}
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = joinCellLines(c)
	}
	return strings.TrimRight(strings.Join(out, "\t"), "\t")
}

// lineText joins a line's glyphs, with a TAB where a vertical rule or a
// wide gutter separates them.
func lineText(gs []glyph, vrules []rule, l *vline) string {
	var b strings.Builder
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			p, g := gs[i-1], gs[i]
			gap := g.x - (p.x + p.w)
			if gap <= columnGap*math.Max(p.size, g.size) && !ruleCrosses(vrules, p.x+p.w, g.x, l) {
				continue
			}
		}
		if start > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(joinGlyphs(gs[start:i]))
		start = i
	}
	return b.String()
}

func ruleCrosses(vrules []rule, x0, x1 float64, l *vline) bool {
	for _, r := range vrules {
		x := (r.x0 + r.x1) / 2
		if x > x0-0.5 && x < x1+0.5 && r.y0 <= l.y+0.5 && r.y1 >= l.y+0.5*l.size {
			return true
		}
	}
	return false
}

// replaceLeaders replaces each table of contents' dot leader in s, four
// or more dots, perhaps spaced, with the white space before it, by a TAB:
// it separates an entry from its page number like one. It is what
// regexp `\s*(?:\.\s*){4,}`'s ReplaceAllString(s, "\t") gave, without
// compiling a regexp on a PDF's path (hasPDFHeader says why).
func replaceLeaders(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isRESpace(s[j]) {
			j++
		}
		dots := 0
		for j < len(s) && s[j] == '.' {
			dots++
			j++
			for j < len(s) && isRESpace(s[j]) {
				j++
			}
		}
		if dots >= 4 {
			b.WriteByte('\t')
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// joinGlyphs concatenates glyphs left to right, adding a space where the
// gap between one glyph's end and the next one's start is wide.
func joinGlyphs(gs []glyph) string {
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			p := gs[i-1]
			gap := g.x - (p.x + p.w)
			wide := gap > spaceGap*math.Max(p.size, g.size) || (g.space && gap > -spaceGap*g.size)
			if wide && !strings.HasSuffix(p.s, " ") && !strings.HasPrefix(g.s, " ") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.s)
	}
	out := strings.TrimSpace(b.String())
	if strings.Contains(out, "....") {
		out = strings.TrimSpace(replaceLeaders(out))
	}
	return out
}

// runningKey normalises a line for comparing headers and footers across
// pages: page numbers vary, so each run of digits becomes one #.
func runningKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			b.WriteByte(s[i])
			continue
		}
		b.WriteByte('#')
		for i+1 < len(s) && isDigit(s[i+1]) {
			i++
		}
	}
	return b.String()
}

// isPageNumberLine reports a line that is a bare page number: "12",
// "- 12 -", "Sida 3 av 9", "s. 4", "Page 2 of 7", "3/9", "3 (9)", in any
// case. It matches what the regexp
// `^(?i)[-–—\s]*(sida|s\.|page|p\.)?\s*\d{1,3}\s*((av|of|/|\()\s*\d{1,3}\)?)?[-–—\s]*$`
// matched (TestPageNumberLineMatchesRegexp), without compiling it on a
// PDF's path (hasPDFHeader says why).
func isPageNumberLine(s string) bool {
	i := skipDashSpace(s, 0)
	for _, word := range []string{"sida", "s.", "page", "p."} {
		if n, ok := foldPrefix(s[i:], word); ok {
			i += n
			break
		}
	}
	i = skipSpace(s, i)
	n := digitRun(s, i)
	if n < 1 || n > 3 {
		return false
	}
	i = skipSpace(s, i+n)
	for _, sep := range []string{"av", "of", "/", "("} {
		if k, ok := foldPrefix(s[i:], sep); ok {
			i = skipSpace(s, i+k)
			n := digitRun(s, i)
			if n < 1 || n > 3 {
				return false
			}
			i += n
			if i < len(s) && s[i] == ')' {
				i++
			}
			break
		}
	}
	return skipDashSpace(s, i) == len(s)
}

// skipDashSpace returns the index after the hyphens, en and em dashes and
// white space (the regexp class [-–—\s]) at s[i:].
func skipDashSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == '-' || isRESpace(s[i]):
			i++
		case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—"):
			i += len("–")
		default:
			return i
		}
	}
	return i
}

// skipSpace returns the index after the white space (\s) at s[i:].
func skipSpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

// digitRun is the number of ASCII digits at s[i:].
func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// foldPrefix reports whether s starts with word (lower-case ASCII) under
// Unicode simple case folding, as the regexp flag (?i) compares (so "ſ",
// the long s, matches "s"), and the bytes of s it spans.
func foldPrefix(s, word string) (int, bool) {
	i := 0
	for _, w := range word {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !foldEqual(r, w) {
			return 0, false
		}
		i += size
	}
	return i, true
}

// foldEqual reports whether r is w or one of w's simple case folds.
func foldEqual(r, w rune) bool {
	for f := w; ; {
		if r == f {
			return true
		}
		if f = unicode.SimpleFold(f); f == w {
			return false
		}
	}
}

// stripRunningLines removes running headers and footers: lines among the
// first or last three of a page whose text (digits masked) recurs at the
// top or bottom of at least half the pages (and of two or more), and bare
// page numbers ("12", "- 12 -", "Sida 3 av 9") there on any page.
func stripRunningLines(pages [][]string) [][]string {
	const edge = 3
	edges := func(ls []string) (top, bottom []int) {
		for i := 0; i < len(ls) && len(top) < edge; i++ {
			if ls[i] != "" {
				top = append(top, i)
			}
		}
		for i := len(ls) - 1; i >= 0 && len(bottom) < edge; i-- {
			if ls[i] != "" {
				bottom = append(bottom, i)
			}
		}
		return
	}
	count := map[string]int{}
	for _, ls := range pages {
		seen := map[string]bool{}
		t, b := edges(ls)
		for _, i := range append(t, b...) {
			k := runningKey(ls[i])
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	out := make([][]string, len(pages))
	for p, ls := range pages {
		t, b := edges(ls)
		drop := map[int]bool{}
		// strip from the edges inwards, stopping at the first body line
		for _, side := range [][]int{t, b} {
			for _, i := range side {
				k := runningKey(ls[i])
				if (len(pages) > 1 && count[k] >= need) || isPageNumberLine(ls[i]) {
					drop[i] = true
					continue
				}
				break
			}
		}
		var kept []string
		for i, l := range ls {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		for len(kept) > 0 && kept[0] == "" {
			kept = kept[1:]
		}
		out[p] = kept
	}
	return out
}
