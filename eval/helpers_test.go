package eval

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// The helpers below are copies of analysis's test helpers (eval_test.go
// there): eval's tests score the same analyser on the same gold, and test
// files cannot be shared between packages.

// goldFiles maps the gold files' names to the bundled copies.
var goldFiles = map[string]string{
	"000_f7209148aac37bad.txt": "ale-integrationsplan-2018-2021.txt",
	"002_669644dc2870d6ef.txt": "alingsas-riktlinjer-integration.txt",
	"003_60dd60569271694b.txt": "gislaved-projektplan-integrationsstrategi-2012.txt",
	"004_165068075d0186a2.txt": "tierp-handlingsplan-integration-2017.txt",
}

// testDate is the reference date of the tests' statuses, as in analysis.
var testDate = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func testAnalyzer(t testing.TB) *analysis.Analyzer {
	t.Helper()
	a, err := analysis.NewDefaultAnalyzer(testDate)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// analyseCorpusFile analyses one of the bundled documents (testdata/corpus).
func analyseCorpusFile(t testing.TB, a *analysis.Analyzer, name string) *analysis.DocumentAnalysis {
	t.Helper()
	doc, err := ingest.Load(filepath.Join("..", "testdata", "corpus", name), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a.Analyze(doc)
}

// analyseRealSet analyses every text of set as `styrdok eval --real`
// does (the default ingest options), by text name.
func analyseRealSet(t *testing.T, a *analysis.Analyzer, set *RealSet) map[string]*RealAnalysis {
	t.Helper()
	got := map[string]*RealAnalysis{}
	for _, d := range set.Docs {
		doc, err := ingest.Load(d.Path, ingest.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(d.Path)
		if err != nil {
			t.Fatal(err)
		}
		got[d.Name] = &RealAnalysis{Doc: a.Analyze(doc), CleanText: doc.Text, RawText: string(raw)}
	}
	return got
}

// loadRealSet loads a labelled real set with the embedded registry.
func loadRealSet(t testing.TB, dir string) *RealSet {
	t.Helper()
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	set, err := LoadRealSet(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
