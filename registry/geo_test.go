package registry

import "testing"

func TestMunicipalityShapesMatchRegistry(t *testing.T) {
	shapes, err := MunicipalityShapes()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if len(shapes) != 290 {
		t.Fatalf("got %d shapes, want 290", len(shapes))
	}
	points := 0
	for _, s := range shapes {
		m, ok := reg.Municipality(s.Code)
		if !ok {
			t.Errorf("shape %s (%s) is not in the registry", s.Code, s.Name)
			continue
		}
		if m.Name != s.Name || m.CountyCode != s.CountyCode {
			t.Errorf("shape %s: %s/%s, registry says %s/%s", s.Code, s.Name, s.CountyCode, m.Name, m.CountyCode)
		}
		if len(s.Polygons) == 0 || len(s.Polygons[0]) == 0 || len(s.Polygons[0][0]) < 4 {
			t.Errorf("shape %s: no usable outer ring", s.Code)
		}
		// Sweden lies within 10–25°E, 55–70°N; anything else means lon/lat
		// were swapped.
		for _, pg := range s.Polygons {
			for _, r := range pg {
				for _, p := range r {
					points++
					if p.Lon < 10 || p.Lon > 25 || p.Lat < 55 || p.Lat > 70 {
						t.Fatalf("shape %s: point %v outside Sweden", s.Code, p)
					}
				}
			}
		}
		if s.Label.Lon < 10 || s.Label.Lat < 55 {
			t.Errorf("shape %s: label point %v outside Sweden", s.Code, s.Label)
		}
	}
	if points < 10000 {
		t.Errorf("only %d points: boundaries look truncated", points)
	}
}

func TestParseShapesErrors(t *testing.T) {
	for _, bad := range []string{`{`, `{"features":[{"properties":{"id":"0114"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`,
		`{"features":[{"properties":{"id":"0114"},"geometry":{"type":"Polygon","coordinates":"x"}}]}`} {
		if _, err := ParseShapes([]byte(bad)); err == nil {
			t.Errorf("ParseShapes(%s): no error", bad)
		}
	}
}
