package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// goldFiles maps the gold files' names to the bundled copies.
var goldFiles = map[string]string{
	"000_f7209148aac37bad.txt": "ale-integrationsplan-2018-2021.txt",
	"002_669644dc2870d6ef.txt": "alingsas-riktlinjer-integration.txt",
	"003_60dd60569271694b.txt": "gislaved-projektplan-integrationsstrategi-2012.txt",
	"004_165068075d0186a2.txt": "tierp-handlingsplan-integration-2017.txt",
}

func testAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := NewDefaultAnalyzer(testDate)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

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
	return rows[1:] // header
}

func analyseCorpusFile(t testing.TB, a *Analyzer, name string) *DocumentAnalysis {
	t.Helper()
	doc, err := ingest.Load(filepath.Join("..", "testdata", "corpus", name), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a.Analyze(doc)
}

// TestTierpActionRows gives each of Tierp's action rows alone to the
// tagger, as `styrdok tag` does, and compares with the plan authors' own
// area label. The peer regex dictionary reaches 70% (top) and 81% (found).
func TestTierpActionRows(t *testing.T) {
	a := testAnalyzer(t)
	rows := readTSV(t, "../testdata/gold/tierp-action-rows.tsv")
	top, found := 0, 0
	for _, r := range rows {
		ranked := a.Tag(r[2])
		got := "-"
		var all []string
		for _, s := range ranked {
			all = append(all, s.Theme)
		}
		if len(ranked) > 0 {
			got = ranked[0].Theme
		}
		if got == r[0] {
			top++
		}
		if contains(all, r[0]) {
			found++
		} else if got != r[0] {
			t.Logf("miss: want %s, got %v: %.70s", r[0], ranked, r[2])
		}
		if got != r[0] && contains(all, r[0]) {
			t.Logf("not top: want %s, got %v: %.70s", r[0], ranked, r[2])
		}
	}
	topPct := 100 * float64(top) / float64(len(rows))
	foundPct := 100 * float64(found) / float64(len(rows))
	t.Logf("Tierp action rows: %d rows, top %d (%.1f%%), found %d (%.1f%%)", len(rows), top, topPct, found, foundPct)
	if topPct < 80 {
		t.Errorf("top-theme agreement %.1f%% < 80%%", topPct)
	}
	if foundPct < 90 {
		t.Errorf("found-theme agreement %.1f%% < 90%%", foundPct)
	}
}

// TestThemeLevels compares the 0/1/2 levels with the expert coding and
// prints the confusion table.
func TestThemeLevels(t *testing.T) {
	a := testAnalyzer(t)
	rows := readTSV(t, "../testdata/gold/theme-levels.tsv")
	header := []string{"work", "housing", "language", "attitude", "meeting_places", "cooperation", "education", "gender_equality", "culture_leisure"}
	var confusion [3][3]int
	agree, total := 0, 0
	for _, r := range rows {
		res := analyseCorpusFile(t, a, goldFiles[r[0]])
		for i, theme := range header {
			want, _ := strconv.Atoi(r[i+1])
			cov, err := res.Theme(theme)
			if err != nil {
				t.Fatal(err)
			}
			confusion[want][cov.Level]++
			total++
			if want == cov.Level {
				agree++
			} else {
				t.Logf("%s %s: gold %d, got %d (%d segments, %d headings)", goldFiles[r[0]], theme, want, cov.Level, cov.Sentences, len(cov.Headings))
			}
		}
	}
	t.Logf("confusion (rows gold 0/1/2, columns styrdok 0/1/2): %v", confusion)
	pct := 100 * float64(agree) / float64(total)
	t.Logf("levels: %d of %d cells agree (%.1f%%)", agree, total, pct)
	if pct < 90 {
		t.Errorf("level agreement %.1f%% < 90%%", pct)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// testDate is the reference date of the tests' statuses.
var testDate = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func mustDoc(t testing.TB, name string, data []byte) *ingest.Document {
	t.Helper()
	doc, err := ingest.Parse(name, data, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
