package registry

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/municipalities.csv
var municipalitiesCSV string

// Municipality is one of Sweden's 290 kommuner.
type Municipality struct {
	Code       string // four-digit SCB code, zero-padded ("0360")
	Name       string // short official name ("Tierp", "Gotland")
	CountyCode string // two-digit SCB county code ("03")
	CountyName string // "Uppsala län"
}

// County is one of Sweden's 21 län.
type County struct {
	Code string
	Name string
}

// Registry is the read-only list of municipalities and counties.
type Registry struct {
	municipalities []Municipality          // sorted by code
	byCode         map[string]Municipality // code -> municipality
	byName         map[string]Municipality // lower-case name -> municipality
	counties       []County                // sorted by code
}

// LoadRegistry parses the embedded SCB registry. It fails only if the
// embedded file is corrupt, which a test guards against.
func LoadRegistry() (*Registry, error) {
	return ParseRegistry(municipalitiesCSV)
}

// ParseRegistry parses a registry in the embedded file's CSV format
// (code,name,county_code,county_name).
func ParseRegistry(data string) (*Registry, error) {
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("municipality registry: %w", err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("municipality registry: no rows")
	}
	r := &Registry{byCode: map[string]Municipality{}, byName: map[string]Municipality{}}
	counties := map[string]string{}
	for i, row := range rows[1:] {
		if len(row) != 4 {
			return nil, fmt.Errorf("municipality registry: row %d has %d fields, want 4", i+2, len(row))
		}
		m := Municipality{Code: row[0], Name: row[1], CountyCode: row[2], CountyName: row[3]}
		if len(m.Code) != 4 || !strings.HasPrefix(m.Code, m.CountyCode) {
			return nil, fmt.Errorf("municipality registry: row %d: bad code %q for county %q", i+2, m.Code, m.CountyCode)
		}
		if _, dup := r.byCode[m.Code]; dup {
			return nil, fmt.Errorf("municipality registry: duplicate code %s", m.Code)
		}
		r.municipalities = append(r.municipalities, m)
		r.byCode[m.Code] = m
		r.byName[strings.ToLower(m.Name)] = m
		counties[m.CountyCode] = m.CountyName
	}
	sort.Slice(r.municipalities, func(i, j int) bool { return r.municipalities[i].Code < r.municipalities[j].Code })
	for code, name := range counties {
		r.counties = append(r.counties, County{Code: code, Name: name})
	}
	sort.Slice(r.counties, func(i, j int) bool { return r.counties[i].Code < r.counties[j].Code })
	return r, nil
}

// Municipalities returns all municipalities sorted by code.
func (r *Registry) Municipalities() []Municipality {
	return append([]Municipality(nil), r.municipalities...)
}

// Counties returns all counties sorted by code.
func (r *Registry) Counties() []County { return append([]County(nil), r.counties...) }

// Municipality looks a municipality up by its four-digit code.
func (r *Registry) Municipality(code string) (Municipality, bool) {
	m, ok := r.byCode[code]
	return m, ok
}

// MunicipalityByName looks a municipality up by its registry name,
// ignoring case ("tierp", "Upplands Väsby").
func (r *Registry) MunicipalityByName(name string) (Municipality, bool) {
	m, ok := r.byName[strings.ToLower(strings.TrimSpace(name))]
	return m, ok
}

// InCounty returns the municipalities of a county, sorted by code.
func (r *Registry) InCounty(countyCode string) []Municipality {
	var out []Municipality
	for _, m := range r.municipalities {
		if m.CountyCode == countyCode {
			out = append(out, m)
		}
	}
	return out
}

// County resolves a county by code ("14") or name, with or without "län"
// ("Västra Götaland", "Västra Götalands län"), ignoring case.
func (r *Registry) County(key string) (County, bool) {
	k := strings.ToLower(strings.TrimSpace(key))
	if len(k) == 1 {
		k = "0" + k
	}
	for _, c := range r.counties {
		n := strings.ToLower(c.Name)
		short := strings.TrimSuffix(strings.TrimSuffix(n, " län"), "s")
		if k == c.Code || k == n || k == strings.TrimSuffix(n, " län") || k == short {
			return c, true
		}
	}
	return County{}, false
}
