package eval

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
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

// readTSV reads a gold TSV without its comments, blank lines and header.
func readTSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows[1:] // header
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
