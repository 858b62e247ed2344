package registry

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
)

// municipalitiesGeoJSON is registry/data/municipalities.geojson (okfse/
// sweden-geojson, simplified Valmyndigheten boundaries; data/README.md),
// embedded so that maps need no file or network access at run time.
//
//go:embed data/municipalities.geojson
var municipalitiesGeoJSON []byte

// Point is a longitude/latitude pair in WGS84 degrees.
type Point struct{ Lon, Lat float64 }

// Ring is a closed line of points; the first ring of a polygon is its
// outer boundary, the others are holes.
type Ring []Point

// Polygon is an outer ring and its holes.
type Polygon []Ring

// Shape is one municipality's boundary.
type Shape struct {
	Code       string    // four-digit SCB code, as in the registry
	Name       string    // kom_namn
	CountyCode string    // lan_code
	Label      Point     // an inner point for a label (geo_point_2d)
	Polygons   []Polygon // one for most municipalities, several for archipelagos
}

// MunicipalityShapes parses the embedded municipality boundaries, sorted
// by code. Each call parses afresh, so callers may modify the result; it
// fails only if the embedded file is corrupt, which a test guards against.
func MunicipalityShapes() ([]Shape, error) {
	return ParseShapes(municipalitiesGeoJSON)
}

// ParseShapes parses a GeoJSON FeatureCollection of municipalities with
// the properties of the embedded file (id, kom_namn, lan_code,
// geo_point_2d as [lat, lon]) and Polygon or MultiPolygon geometries.
func ParseShapes(data []byte) ([]Shape, error) {
	var fc struct {
		Features []struct {
			Properties struct {
				ID      string    `json:"id"`
				Name    string    `json:"kom_namn"`
				County  string    `json:"lan_code"`
				LabelAt []float64 `json:"geo_point_2d"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("municipality boundaries: %w", err)
	}
	out := make([]Shape, 0, len(fc.Features))
	for i, f := range fc.Features {
		p := f.Properties
		s := Shape{Code: p.ID, Name: p.Name, CountyCode: p.County}
		if len(p.LabelAt) == 2 {
			s.Label = Point{Lon: p.LabelAt[1], Lat: p.LabelAt[0]}
		}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var one [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &one); err != nil {
				return nil, fmt.Errorf("municipality boundaries: feature %d (%s): %w", i, p.ID, err)
			}
			polys = [][][][2]float64{one}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return nil, fmt.Errorf("municipality boundaries: feature %d (%s): %w", i, p.ID, err)
			}
		default:
			return nil, fmt.Errorf("municipality boundaries: feature %d (%s): geometry %q, want Polygon or MultiPolygon", i, p.ID, f.Geometry.Type)
		}
		for _, poly := range polys {
			var pg Polygon
			for _, ring := range poly {
				r := make(Ring, len(ring))
				for k, c := range ring {
					r[k] = Point{Lon: c[0], Lat: c[1]}
				}
				pg = append(pg, r)
			}
			s.Polygons = append(s.Polygons, pg)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}
