package reports

import (
	"flag"
	goldenfile "github.com/styrdok/styrdok/internal/golden"
	"path/filepath"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture is what the tests pin for a bundled document: attribution and
// metadata are other packages' work, and pinning them keeps these tests
// about reports (and their golden files stable while those evolve).
type fixture struct {
	code, kind, year, validTo, status string
}

var fixtures = map[string]fixture{
	"ale-integrationsplan-2018-2021.txt":                 {"1440", "plan", "2018", "2021", "current"},
	"alingsas-riktlinjer-integration.txt":                {"1489", "guidelines", "2016", "", "unknown"},
	"gislaved-projektplan-integrationsstrategi-2012.txt": {"0662", "project_plan", "2012", "2012", "expired"},
	"tierp-handlingsplan-integration-2017.txt":           {"0360", "action_plan", "2017", "2018", "current"},
	"lerum-integrationsplan-xss.txt":                     {"1441", "plan", "2019", "", "unknown"},
}

func testRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// analyzeFiles runs the real pipeline on files and pins their
// municipality and metadata from fixtures. File names become
// "testdata/corpus/NAME" (or "testdata/xss/NAME") whatever the working
// directory, so golden files do not depend on where tests run.
func analyzeFiles(t testing.TB, paths ...string) *Report {
	t.Helper()
	cb, err := analysis.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	reg := testRegistry(t)
	a := analysis.NewAnalyzer(cb, reg, time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC))
	r := &Report{Codebook: cb, Registry: reg}
	for _, p := range paths {
		doc, err := ingest.Load(p, ingest.Options{MaxBytes: ingest.DefaultMaxBytes})
		if err != nil {
			t.Fatal(err)
		}
		d := a.Analyze(doc)
		base := filepath.Base(p)
		d.File = "testdata/" + filepath.Base(filepath.Dir(p)) + "/" + base
		if f, ok := fixtures[base]; ok {
			m, _ := reg.Municipality(f.code)
			d.Municipality = analysis.Attribution{Code: m.Code, Name: m.Name, CountyCode: m.CountyCode, CountyName: m.CountyName, Confidence: 1, Reason: "test fixture"}
			d.Meta = analysis.Metadata{Kind: f.kind, Year: f.year, ValidTo: f.validTo, Status: f.status}
		}
		r.Documents = append(r.Documents, d)
	}
	return r
}

// bundledFiles are the documents of testdata/corpus.
func bundledFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("bundled corpus: %v (%d files)", err, len(files))
	}
	return files
}

func bundledReport(t testing.TB) *Report { return analyzeFiles(t, bundledFiles(t)...) }

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got, *update, "./reports")
}
