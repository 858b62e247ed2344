package reports

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/registry"
)

// TestCountryMapData: the embedded country map is the projection of the
// embedded boundaries, byte for byte (a change to either, or to the
// projection, needs `go test ./reports -run TestCountryMapData
// -update`), and it decodes to the map projectShapes makes, so that
// report.html draws the same bytes with it as without.
func TestCountryMapData(t *testing.T) {
	shapes, err := registry.MunicipalityShapes()
	if err != nil {
		t.Fatal(err)
	}
	want := projectShapes(shapes)
	data, err := appendCountryMap(nil, want)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("countrymap.txt", data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(data) != countryMapData {
		t.Fatal("countrymap.txt is not the projection of the embedded boundaries: go test ./reports -run TestCountryMapData -update")
	}
	got, err := countryMap()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the embedded country map decodes to another map than projectShapes makes")
	}
	if len(got.Shapes) != len(shapes) {
		t.Errorf("%d shapes, want %d", len(got.Shapes), len(shapes))
	}
}

// TestPageMapCounty: a report of a county draws that county's
// municipalities, projected, with their names; one of an unknown county
// or none draws the embedded country map without names.
func TestPageMapCounty(t *testing.T) {
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	country, err := countryMap()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		county      string
		whole, view bool
	}{{"", true, false}, {"14", false, true}, {"Västra Götaland", false, true}, {"99", true, false}} {
		m, view, err := pageMap(&Report{County: c.county, Registry: reg})
		if err != nil {
			t.Fatalf("%q: %v", c.county, err)
		}
		if view != c.view {
			t.Errorf("%q: county view %v, want %v", c.county, view, c.view)
		}
		if whole := len(m.Shapes) > 0 && &m.Shapes[0] == &country.Shapes[0]; whole != c.whole {
			t.Errorf("%q: the embedded country map %v, want %v", c.county, whole, c.whole)
		}
		if !c.whole {
			shapes, err := mapShapes(&Report{County: c.county, Registry: reg})
			if err != nil {
				t.Fatal(err)
			}
			if want := projectShapes(shapes); !reflect.DeepEqual(m, want) || len(m.Shapes) == 0 || len(m.Shapes) >= 290 {
				t.Errorf("%q: %d shapes, not the county's projection", c.county, len(m.Shapes))
			}
			for _, s := range m.Shapes {
				if !strings.HasPrefix(s.Code, "14") {
					t.Errorf("%q: municipality %s outside the county", c.county, s.Code)
				}
			}
		}
	}
}

func TestParseCountryMapDamaged(t *testing.T) {
	for _, data := range []string{"", "other\n", countryMapHeader + "\n", countryMapHeader + "\n500\tx\n",
		countryMapHeader + "\n500\t10\n", countryMapHeader + "\n500\t10\n0114\tUpplands Väsby\t1\t2\n",
		countryMapHeader + "\n500\t10\n0114\tUpplands Väsby\t1\t2\tM1 2Z"} {
		if _, err := parseCountryMap(data); err == nil {
			t.Errorf("%q: no error", data)
		}
	}
}
