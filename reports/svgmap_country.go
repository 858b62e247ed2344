package reports

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The country's map, projected once at build time. Every report.html
// without --county draws every municipality, and parsing the embedded
// boundaries (818 kB of GeoJSON) and projecting them was ~0.1 s of CPU
// per process, the same for any corpus: a tenth of a one-file re-run at
// 1,000 documents (issue 17 item 3). countrymap.txt is that projection
// (projectShapes of registry.MunicipalityShapes), written by
// `go test ./reports -run TestCountryMapData -update`;
// TestCountryMapData fails when the boundaries or the projection change
// without it. A county's map (--county) is projected as before.

//go:embed countrymap.txt
var countryMapData string

// countryMapHeader starts countrymap.txt (its format).
const countryMapHeader = "styrdok country map 1"

// countryMap is the embedded country map, decoded once per process; the
// page only reads it.
var countryMap = sync.OnceValues(func() (svgMap, error) { return parseCountryMap(countryMapData) })

// appendCountryMap appends m in countrymap.txt's layout: the header
// line, a line with the width and height, and a line a shape: code,
// name, label x, label y and path, tab-separated.
func appendCountryMap(b []byte, m svgMap) ([]byte, error) {
	b = append(b, countryMapHeader+"\n"...)
	b = strconv.AppendFloat(b, m.Width, 'g', -1, 64)
	b = append(b, '\t')
	b = strconv.AppendFloat(b, m.Height, 'g', -1, 64)
	b = append(b, '\n')
	for _, s := range m.Shapes {
		for _, f := range []string{s.Code, s.Name, s.LabelX, s.LabelY, s.Path} {
			if strings.ContainsAny(f, "\t\n") {
				return nil, fmt.Errorf("municipality %s: a tab or newline in %q", s.Code, f)
			}
		}
		b = append(b, s.Code+"\t"+s.Name+"\t"+s.LabelX+"\t"+s.LabelY+"\t"+s.Path+"\n"...)
	}
	return b, nil
}

// parseCountryMap reads appendCountryMap's layout; the shapes' strings
// are data's.
func parseCountryMap(data string) (svgMap, error) {
	bad := func(what string) (svgMap, error) { return svgMap{}, errors.New("embedded country map: " + what) }
	head, rest, ok := strings.Cut(data, "\n")
	if !ok || head != countryMapHeader {
		return bad("not of this format")
	}
	size, rest, ok := strings.Cut(rest, "\n")
	ws, hs, ok2 := strings.Cut(size, "\t")
	if !ok || !ok2 {
		return bad("no size")
	}
	var m svgMap
	var err error
	if m.Width, err = strconv.ParseFloat(ws, 64); err != nil {
		return bad("its width: " + err.Error())
	}
	if m.Height, err = strconv.ParseFloat(hs, 64); err != nil {
		return bad("its height: " + err.Error())
	}
	m.Shapes = make([]mapShape, 0, strings.Count(rest, "\n"))
	for rest != "" {
		var line string
		if line, rest, ok = strings.Cut(rest, "\n"); !ok {
			return bad("its last line unfinished")
		}
		f := strings.SplitN(line, "\t", 5)
		if len(f) != 5 {
			return bad(fmt.Sprintf("shape %d: %d fields, want 5", len(m.Shapes)+1, len(f)))
		}
		m.Shapes = append(m.Shapes, mapShape{Code: f[0], Name: f[1], LabelX: f[2], LabelY: f[3], Path: f[4]})
	}
	if len(m.Shapes) == 0 {
		return bad("no shapes")
	}
	return m, nil
}

// pageMap is the map report.html draws and whether it is a county's
// (names on it): the embedded country map when r draws every
// municipality, else its shapes projected.
func pageMap(r *Report) (svgMap, bool, error) {
	whole := r.County == "" || r.Registry == nil
	if !whole {
		_, known := r.Registry.County(r.County)
		whole = !known
	}
	if whole {
		if m, err := countryMap(); err == nil {
			return m, false, nil
		}
	}
	shapes, err := mapShapes(r)
	if err != nil {
		return svgMap{}, false, err
	}
	return projectShapes(shapes), r.County != "" && len(shapes) < 290, nil
}
