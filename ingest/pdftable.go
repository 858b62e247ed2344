package ingest

import (
	"math"
	"sort"
	"strings"
)

// Tables without drawn rules, and pages set in columns, found by geometry.
//
// A line splits into segments where the gap between glyphs is wider than
// segGap (a word space is a quarter to a half of an em, a justified one
// rarely more than one). Runs of lines close together, at least two of
// which have two or more segments, are candidate blocks; the block's
// columns are the x ranges its multi-segment lines cover (the gaps between
// them are the gutters, so left-, right- and centre-aligned columns all
// show). A line whose segment crosses a gutter ends the block: it is body
// text. Inside a block each column's lines are split into cells where the
// gap between them is wider than the column's line spacing, and cells whose
// vertical extents overlap form one row, which keeps a vertically centred
// cell with its row. A block that comes out as a single row of long cells is
// not a table but text in columns, read column by column.

const (
	segGap      = 1.0 // ems: a wider gap splits a line into segments
	blockGap    = 2.5 // ems: lines further apart do not share a block
	columnLines = 6   // a one-row block with a cell this tall …
	columnChars = 30  // … and lines this long on average is text in columns
)

// segment is a run of a line's glyphs without a wide gap.
type segment struct {
	x0, x1 float64
	gs     []glyph
}

func lineSegments(l *vline) []segment {
	var out []segment
	start := 0
	for i := 1; i <= len(l.gs); i++ {
		if i < len(l.gs) {
			p, g := l.gs[i-1], l.gs[i]
			if g.x-(p.x+p.w) <= segGap*math.Max(p.size, g.size) {
				continue
			}
		}
		gs := l.gs[start:i]
		last := gs[len(gs)-1]
		out = append(out, segment{x0: gs[0].x, x1: last.x + last.w, gs: gs})
		start = i
	}
	return out
}

// geoBlock is a borderless table or a column layout: lines [start, end) of
// the page and its rendered lines.
type geoBlock struct {
	start, end int
	out        []string
}

// findGeoBlocks finds the blocks among lines; ruled[i] marks the lines of
// ruled tables, which are laid out by their rules.
func findGeoBlocks(lines []*vline, ruled []bool) []geoBlock {
	segs := make([][]segment, len(lines))
	for i, l := range lines {
		if !ruled[i] {
			segs[i] = lineSegments(l)
		}
	}
	close := func(a, b *vline) bool { return a.y-b.y <= blockGap*math.Max(a.size, b.size) }
	var out []geoBlock
	for i := 0; i < len(lines); {
		if ruled[i] || len(segs[i]) < 2 {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && !ruled[j] && close(lines[j-1], lines[j]) {
			j++
		}
		cols := projectColumns(segs[i:j], true)
		if cuts, gap := riverCuts(segs[i:j], cols); len(cuts) > 0 {
			for k := i; k < j; k++ {
				segs[k] = splitSegments(segs[k], cuts, gap)
			}
			cols = projectColumns(segs[i:j], true)
		}
		if len(cols) < 2 {
			i = j
			continue
		}
		// the block ends at the first line that crosses a gutter between
		// the multi-segment lines' columns (body text)
		k, seeds := i, 0
		for ; k < j && !crosses(segs[k], cols); k++ {
			if len(segs[k]) >= 2 {
				seeds++
			}
		}
		// and may start a little above its first multi-segment line: the
		// upper lines of a wrapped, vertically centred header cell (not at
		// the left edge, where a heading above the table would stand)
		s0 := i
		for s0 > 0 && !ruled[s0-1] && len(segs[s0-1]) == 1 && close(lines[s0-1], lines[s0]) &&
			!crosses(segs[s0-1], cols) && segs[s0-1][0].x0 > cols[0][1] && (len(out) == 0 || out[len(out)-1].end < s0) {
			s0--
		}
		if seeds >= 2 && k-s0 >= 2 {
			// the columns of all the block's lines: a column only wrapped
			// header lines reach (an empty "follow-up" column) counts too
			if cols = projectColumns(segs[s0:k], false); len(cols) >= 2 {
				out = append(out, geoBlock{start: s0, end: k, out: renderBlock(lines[s0:k], segs[s0:k], cols)})
			}
		}
		i = max(k, i+1)
	}
	return out
}

// Writer and Word pad a borderless table's cells by little (LibreOffice's
// default is 0.1 cm a side: a gutter of 0.6 em at 9 pt), so a line whose
// left cell runs to the column's edge comes closer to the next cell than
// segGap, its two cells make one segment, and the columns projected from
// all lines merge. The gutter still shows as a river: a left-aligned column
// starts words at one x on many lines, and no line has ink just before it.
const (
	riverLines = 3   // lines starting a word at the same x (within riverTol)
	riverTol   = 0.5 // points
	riverGap   = 0.5 // ems of white before x on every line, at least …
	riverWord  = 1.5 // … and this many times the block's median word space
)

// riverCuts returns the x positions inside the projected columns cols
// where the block's multi-segment lines show a gutter: riverLines or more
// of them start a word there, and none has a glyph in the gap before it
// (wider than a word space: justified or monospaced text shows no such
// river), and the width in ems that gap must have.
func riverCuts(segs [][]segment, cols [][2]float64) ([]float64, float64) {
	type start struct {
		x    float64
		line int
	}
	var starts []start
	var spaces []float64
	for i, ss := range segs {
		if len(ss) < 2 {
			continue
		}
		for _, s := range ss {
			for k, g := range s.gs {
				if k == 0 {
					starts = append(starts, start{g.x, i})
					continue
				}
				p := s.gs[k-1]
				if gap := g.x - (p.x + p.w); gap > spaceGap*math.Max(p.size, g.size) || g.space {
					starts = append(starts, start{g.x, i})
					spaces = append(spaces, gap/g.size)
				}
			}
		}
	}
	if len(starts) == 0 {
		return nil, 0
	}
	wordGap := riverGap
	if len(spaces) > 0 {
		sort.Float64s(spaces)
		wordGap = math.Max(riverGap, riverWord*spaces[len(spaces)/2])
	}
	sort.Slice(starts, func(a, b int) bool { return starts[a].x < starts[b].x })
	var cuts []float64
	for a := 0; a < len(starts); {
		b, lines := a, map[int]bool{}
		for b < len(starts) && starts[b].x-starts[a].x <= riverTol {
			lines[starts[b].line] = true
			b++
		}
		x := starts[a].x
		a = b
		if len(lines) < riverLines || !insideColumn(x, cols) || !clearBefore(segs, x, wordGap) {
			continue
		}
		cuts = append(cuts, x)
	}
	return cuts, wordGap
}

// insideColumn: x lies in a column, not at its left edge.
func insideColumn(x float64, cols [][2]float64) bool {
	for _, c := range cols {
		if x > c[0]+riverTol && x < c[1] {
			return true
		}
	}
	return false
}

// clearBefore: no multi-segment line has a glyph reaching into the gap of
// gap ems before x (a glyph starting at x or after lies right of it).
func clearBefore(segs [][]segment, x, gap float64) bool {
	for _, ss := range segs {
		if len(ss) >= 2 && !lineClearBefore(ss, x, gap) {
			return false
		}
	}
	return true
}

func lineClearBefore(ss []segment, x, gap float64) bool {
	for _, s := range ss {
		for _, g := range s.gs {
			if g.x < x-riverTol && g.x+g.w > x-gap*g.size {
				return false
			}
		}
	}
	return true
}

// splitSegments cuts a line's segments at those of the x positions where
// the line, too, has the gap before x clear (a line of body text that
// runs across the gutter stays whole, and so ends the block).
func splitSegments(ss []segment, cuts []float64, gap float64) []segment {
	var at []float64
	for _, x := range cuts {
		if lineClearBefore(ss, x, gap) {
			at = append(at, x)
		}
	}
	if len(at) == 0 {
		return ss
	}
	var out []segment
	for _, s := range ss {
		from := 0
		for k := 1; k < len(s.gs); k++ {
			for _, x := range at {
				if s.gs[k-1].x < x-riverTol && s.gs[k].x >= x-riverTol {
					out = append(out, newSegment(s.gs[from:k]))
					from = k
					break
				}
			}
		}
		out = append(out, newSegment(s.gs[from:]))
	}
	return out
}

func newSegment(gs []glyph) segment {
	last := gs[len(gs)-1]
	return segment{x0: gs[0].x, x1: last.x + last.w, gs: gs}
}

// projectColumns returns the x ranges covered by the lines' segments
// (only those of lines with two or more segments when seedsOnly), merged
// where they overlap, left to right.
func projectColumns(segs [][]segment, seedsOnly bool) [][2]float64 {
	var iv [][2]float64
	for _, ss := range segs {
		if seedsOnly && len(ss) < 2 {
			continue
		}
		for _, s := range ss {
			iv = append(iv, [2]float64{s.x0, s.x1})
		}
	}
	sort.Slice(iv, func(a, b int) bool { return iv[a][0] < iv[b][0] })
	var out [][2]float64
	for _, r := range iv {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = math.Max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// crosses reports a segment overlapping two or more columns.
func crosses(ss []segment, cols [][2]float64) bool {
	for _, s := range ss {
		n := 0
		for _, c := range cols {
			if s.x0 < c[1]-1 && s.x1 > c[0]+1 {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// columnOf is the column a segment lies in, or -1 when it crosses a gutter.
func columnOf(s segment, cols [][2]float64) int {
	for c, r := range cols {
		next := math.Inf(1)
		if c+1 < len(cols) {
			next = cols[c+1][0]
		}
		prev := math.Inf(-1)
		if c > 0 {
			prev = cols[c-1][1]
		}
		if s.x0 > prev && s.x1 < next && s.x0 < r[1]+1 && s.x1 > r[0]-1 {
			return c
		}
	}
	return -1
}

func nearestColumn(s segment, cols [][2]float64) int {
	best, bestD := 0, math.Inf(1)
	mid := (s.x0 + s.x1) / 2
	for c, r := range cols {
		if d := math.Abs(mid - (r[0]+r[1])/2); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// cellLine is one line's text in one column.
type cellLine struct {
	y, size float64
	text    string
}

// renderBlock lays a block out as TAB-separated table rows, or as text
// column by column.
func renderBlock(lines []*vline, segs [][]segment, cols [][2]float64) []string {
	byCol := make([][]cellLine, len(cols))
	// parts[c] gathers a line's glyphs in column c; the slices are
	// emptied and refilled line after line (joinGlyphs keeps none), not
	// made anew for each line.
	parts := make([][]glyph, len(cols))
	for i, ss := range segs {
		for c := range parts {
			parts[c] = parts[c][:0]
		}
		for _, s := range ss {
			c := columnOf(s, cols)
			if c < 0 { // narrower columns after the block was cut: the nearest
				c = nearestColumn(s, cols)
			}
			parts[c] = append(parts[c], s.gs...)
		}
		for c, p := range parts {
			if len(p) > 0 {
				byCol[c] = append(byCol[c], cellLine{y: lines[i].y, size: lines[i].size, text: joinGlyphs(p)})
			}
		}
	}
	// the line spacing inside a cell: the smallest step between lines of
	// one column
	leading, widest := math.Inf(1), 0.0
	for _, cl := range byCol {
		for k := 1; k < len(cl); k++ {
			d := cl[k-1].y - cl[k].y
			if d > 0.5*cl[k].size {
				leading = math.Min(leading, d)
			}
			widest = math.Max(widest, d)
		}
	}
	if math.IsInf(leading, 1) || widest <= leading*1.3+0.5 {
		// every step alike: one line per row, or columns of text
		if len(segs) >= columnLines && meanLineLen(byCol) >= columnChars {
			return columnText(byCol, leading)
		}
		return lineRows(byCol)
	}
	type cell struct {
		col         int
		top, bottom float64
		lines       []string
	}
	var cells []*cell
	for c, cl := range byCol {
		var cur *cell
		for k, l := range cl {
			if cur == nil || cl[k-1].y-l.y > leading*1.3+0.5 {
				cur = &cell{col: c, top: l.y + l.size, bottom: l.y}
				cells = append(cells, cur)
			}
			cur.lines = append(cur.lines, l.text)
			cur.bottom = l.y
		}
	}
	sort.SliceStable(cells, func(a, b int) bool { return cells[a].top > cells[b].top })
	type row struct {
		bottom float64
		cells  [][]string
		tall   int
	}
	var rows []*row
	for _, c := range cells {
		if n := len(rows); n == 0 || c.top <= rows[n-1].bottom {
			rows = append(rows, &row{bottom: c.bottom, cells: make([][]string, len(cols))})
		}
		r := rows[len(rows)-1]
		r.bottom = math.Min(r.bottom, c.bottom)
		r.cells[c.col] = append(r.cells[c.col], c.lines...)
		r.tall = max(r.tall, len(r.cells[c.col]))
	}
	if len(rows) == 1 && rows[0].tall >= columnLines && meanLineLen(byCol) >= columnChars {
		return columnText(byCol, leading) // long lines, no row ends: columns of text
	}
	full := 0
	for _, r := range rows {
		n := 0
		for _, ls := range r.cells {
			if len(ls) > 0 {
				n++
			}
		}
		if n >= 2 {
			full++
		}
	}
	if full < 2 {
		// Fewer than two rows of two or more cells: nothing shows where
		// rows end (a roster with uneven spacing, a page header of blocks
		// side by side above a line of headings). Read it line by line.
		return lineRows(byCol)
	}
	var out []string
	for _, r := range rows {
		texts := make([]string, len(cols))
		for c, ls := range r.cells {
			texts[c] = joinCellLines(ls)
		}
		out = append(out, strings.TrimRight(strings.Join(texts, "\t"), "\t"))
	}
	return out
}

// lineRows renders a block whose rows are single lines.
func lineRows(byCol [][]cellLine) []string {
	var ys []float64
	seen := map[float64]bool{}
	for _, cl := range byCol {
		for _, l := range cl {
			if !seen[l.y] {
				seen[l.y] = true
				ys = append(ys, l.y)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ys)))
	var out []string
	for _, y := range ys {
		texts := make([]string, len(byCol))
		for c, cl := range byCol {
			for _, l := range cl {
				if l.y == y {
					texts[c] = l.text
				}
			}
		}
		out = append(out, strings.TrimRight(strings.Join(texts, "\t"), "\t"))
	}
	return out
}

// meanLineLen is the mean length in characters of the block's lines.
func meanLineLen(byCol [][]cellLine) float64 {
	n, chars := 0, 0
	for _, cl := range byCol {
		for _, l := range cl {
			n++
			chars += len([]rune(l.text))
		}
	}
	if n == 0 {
		return 0
	}
	return float64(chars) / float64(n)
}

// columnText reads text set in columns: each column top to bottom, a
// blank line where the spacing opens (a paragraph break) and between
// columns.
func columnText(byCol [][]cellLine, leading float64) []string {
	var out []string
	for _, cl := range byCol {
		out = appendBlank(out)
		for k, l := range cl {
			if k > 0 && cl[k-1].y-l.y > leading*1.3+0.5 {
				out = appendBlank(out)
			}
			out = append(out, l.text)
		}
	}
	return out
}
