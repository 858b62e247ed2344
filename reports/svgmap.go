package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/styrdok/styrdok/registry"
)

// mapWidth is the SVG width of the map in user units; the height follows
// from the projected extent. At 500 units Sweden is about 1,150 units tall,
// 1.4 km per unit, so a tenth of a unit is finer than the simplified
// boundaries themselves.
const mapWidth = 500.0

// projectTM projects a WGS84 point with a spherical transverse Mercator
// centred on 15°E, the central meridian of SWEREF 99 TM, the national
// grid: Sweden's shape looks as on official maps, not squashed as in
// plain longitude/latitude. The sphere is accurate enough for a thematic
// map (under 0.5 % scale error across Sweden). y grows northwards.
func projectTM(p registry.Point) (x, y float64) {
	const lon0 = 15 * math.Pi / 180
	lam := p.Lon*math.Pi/180 - lon0
	phi := p.Lat * math.Pi / 180
	x = math.Atanh(math.Sin(lam) * math.Cos(phi))
	y = math.Atan2(math.Tan(phi), math.Cos(lam))
	return x, y
}

// mapShape is one municipality as an SVG path.
type mapShape struct {
	Code, Name string
	Path       string // SVG path data
	// LabelX and LabelY place the name on a county's map: the centroid
	// of the municipality's largest part.
	LabelX, LabelY string
}

// svgMap is a projected set of municipalities.
type svgMap struct {
	Width, Height float64
	Shapes        []mapShape
}

// projectShapes projects shapes into an SVG of mapWidth units, fitted to
// their extent. Coordinates are rounded to a tenth of a unit and points
// closer than minStep to the previous kept one are dropped, which keeps
// the page small (the whole country is about 200 kB of path data).
func projectShapes(shapes []registry.Shape) svgMap {
	const minStep = 0.6
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range shapes {
		for _, pg := range s.Polygons {
			for _, p := range pg[0] { // holes lie inside the outer ring
				x, y := projectTM(p)
				minX, maxX = math.Min(minX, x), math.Max(maxX, x)
				minY, maxY = math.Min(minY, y), math.Max(maxY, y)
			}
		}
	}
	m := svgMap{Width: mapWidth}
	if len(shapes) == 0 || maxX <= minX {
		return m
	}
	pad := 5.0
	scale := (mapWidth - 2*pad) / (maxX - minX)
	m.Height = math.Ceil((maxY-minY)*scale + 2*pad)
	proj := func(p registry.Point) (float64, float64) {
		x, y := projectTM(p)
		return pad + (x-minX)*scale, pad + (maxY-y)*scale // SVG y grows downwards
	}
	for _, s := range shapes {
		d := pathData(s, proj, minStep)
		if d == "" {
			d = pathData(s, proj, 0) // a municipality smaller than the step still shows
		}
		lx, ly := labelPoint(s, proj)
		m.Shapes = append(m.Shapes, mapShape{Code: s.Code, Name: s.Name, Path: d, LabelX: coord(lx), LabelY: coord(ly)})
	}
	return m
}

// pathData is the SVG path of a shape, dropping points within minStep of
// the previous kept point and rings left with fewer than three points.
func pathData(s registry.Shape, proj func(registry.Point) (float64, float64), minStep float64) string {
	var b strings.Builder
	for _, pg := range s.Polygons {
		for _, ring := range pg {
			var pts [][2]float64
			for _, p := range ring {
				px, py := proj(p)
				if n := len(pts); n > 0 && math.Hypot(px-pts[n-1][0], py-pts[n-1][1]) < minStep {
					continue
				}
				pts = append(pts, [2]float64{px, py})
			}
			if len(pts) < 3 {
				continue
			}
			for i, pt := range pts {
				if i == 0 {
					b.WriteByte('M')
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(coord(pt[0]))
				b.WriteByte(' ')
				b.WriteString(coord(pt[1]))
			}
			b.WriteByte('Z')
		}
	}
	return b.String()
}

func coord(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

// labelPoint is the centroid of the largest outer ring of s, projected
// (the shoelace formula; the first point when the ring has no area).
func labelPoint(s registry.Shape, proj func(registry.Point) (float64, float64)) (float64, float64) {
	bestArea, bx, by := -1.0, 0.0, 0.0
	for _, pg := range s.Polygons {
		if len(pg) == 0 || len(pg[0]) == 0 {
			continue
		}
		ring := pg[0]
		var a, cx, cy float64
		x0, y0 := proj(ring[len(ring)-1])
		fx, fy := proj(ring[0])
		for _, p := range ring {
			x1, y1 := proj(p)
			c := x0*y1 - x1*y0
			a += c
			cx += (x0 + x1) * c
			cy += (y0 + y1) * c
			x0, y0 = x1, y1
		}
		if math.Abs(a) <= bestArea {
			continue
		}
		bestArea, bx, by = math.Abs(a), fx, fy
		if a != 0 {
			bx, by = cx/(3*a), cy/(3*a)
		}
	}
	return bx, by
}
