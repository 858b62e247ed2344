package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// The fuzz targets of the report writers (make fuzz runs them):
//   - FuzzWriteCSV: any cells through the CSV writer;
//   - FuzzSummaryMarkdown: any file names, reasons and theme ids in summary.md;
//   - FuzzReportHTML: any sentence, matched words and offsets in report.html;
//   - FuzzReports: any text through the real analysis, then every writer.
//
// The properties: a CSV cell never starts with a formula character
// unless it is a number, and UndoCSVSafe gives back the cell; summary.md
// has no link, image, tag, entity or autolink of the input (mdUnsafe) and
// no row broken by it; report.html has only its own elements and
// attributes (htmlUnsafe), and every highlight lies inside its sentence.

// fuzzSetup is the codebook and registry, loaded once per process (the
// fuzz function runs many times).
var fuzzSetup = sync.OnceValues(func() (*codebook.Codebook, *registry.Registry) {
	cb, err := analysis.DefaultCodebook()
	if err != nil {
		panic(err)
	}
	reg, err := registry.LoadRegistry()
	if err != nil {
		panic(err)
	}
	return cb, reg
})

// checkCSV reads data back as CSV and checks every cell.
func checkCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s does not read back: %v", name, err)
	}
	for _, row := range rows {
		for _, c := range row {
			if c != "" && formulaLead(c[0]) && !isDecimal(c) {
				t.Fatalf("%s: cell %q would be executed", name, c)
			}
		}
	}
	return rows
}

func FuzzWriteCSV(f *testing.F) {
	for _, s := range append(hostileNames, "-1", "-0.5", "'=1", "\r\n=1", "@", "", "\xff=") {
		f.Add(s, "=1+1", "plan.txt")
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		in := [][]string{{a, b, c}, {c, a, b}}
		var buf bytes.Buffer
		if err := writeCSV(&buf, []string{a, "x", "y"}, in); err != nil {
			t.Fatal(err)
		}
		rows := checkCSV(t, "table", buf.Bytes())
		if len(rows) != 3 {
			t.Fatalf("%d rows, want 3", len(rows))
		}
		for i, row := range append([][]string{{a, "x", "y"}}, in...) {
			for j, cell := range row {
				// encoding/csv reads "\r\n" in a quoted field as "\n"
				if got, want := rows[i][j], strings.ReplaceAll(CSVSafe(cell), "\r\n", "\n"); got != want {
					t.Fatalf("cell %q reads back as %q, want %q", cell, got, want)
				}
				if back := UndoCSVSafe(CSVSafe(cell)); back != cell {
					t.Fatalf("UndoCSVSafe(CSVSafe(%q)) = %q", cell, back)
				}
			}
		}
	})
}

// fuzzDocument is a document of the codebook's themes with one work hit
// on text, matching word at offset at (document offsets start at 100).
func fuzzDocument(cb *codebook.Codebook, file, text, word string, at int) *analysis.DocumentAnalysis {
	d := &analysis.DocumentAnalysis{File: file, Municipality: analysis.Attribution{Code: "0360", Name: "Tierp", CountyCode: "03", CountyName: "Uppsala län"},
		Meta: analysis.Metadata{Status: "current", Title: text}, Sentences: 3, Words: 10}
	for _, id := range cb.ThemeIDs() {
		d.Themes = append(d.Themes, analysis.ThemeCoverage{ID: id})
	}
	h := analysis.ThemeHit{Theme: d.Themes[0].ID, Start: 100, End: 100 + len(text), Text: text, Kind: analysis.KindSentence, Page: 1,
		Matched: []analysis.Match{{Theme: d.Themes[0].ID, Text: word, Start: 100 + at, End: 100 + at + len(word)}, {Text: text, Start: 100, End: 100 + len(text)}}}
	d.Themes[0].Evidence = []analysis.ThemeHit{h, h}
	d.Themes[0].Level, d.Themes[0].Share, d.Themes[0].Sentences = 1, 0.5, 2
	return d
}

func FuzzSummaryMarkdown(f *testing.F) {
	for _, s := range hostileNames {
		f.Add(s, "reason: "+s, "work")
	}
	f.Add("a.txt", "[x](javascript:alert(1))", "w*o*rk")
	f.Add("www.x.se", "<https://x.se>", "&amp;")
	f.Fuzz(func(t *testing.T, file, reason, theme string) {
		cb, reg := fuzzSetup()
		d := fuzzDocument(cb, file, "text", "text", 0)
		r := &Report{Documents: []*analysis.DocumentAnalysis{d}, Codebook: cb, Registry: reg,
			Failures: []analysis.Failure{{File: file, Reason: reason}, {File: reason, Reason: theme}}}
		var buf bytes.Buffer
		if err := WriteSummary(&buf, r); err != nil {
			t.Fatal(err)
		}
		md := buf.String()
		if bad := mdUnsafe(md); bad != "" {
			t.Fatalf("summary.md has %s", bad)
		}
		// Every table row has as many cells as its header: no text broke
		// a row or added a cell.
		cells := -1
		for _, line := range strings.Split(md, "\n") {
			if !strings.HasPrefix(line, "|") {
				cells = -1
				continue
			}
			n := unescapedPipes(line)
			if cells == -1 {
				cells = n
			} else if n != cells {
				t.Fatalf("row %q has %d cells, its table %d", line, n, cells)
			}
		}
		if got := mdEscape(theme); strings.ContainsAny(got, "\n\r") {
			t.Fatalf("mdEscape(%q) = %q has a line break", theme, got)
		}
	})
}

// unescapedPipes counts the "|" of line without a backslash before them.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

func FuzzReportHTML(f *testing.F) {
	f.Add("plan.txt", "Kommunen erbjuder praktik.", "praktik", 18)
	f.Add("<img src=x onerror=alert(1)>.txt", "</script><script>alert(1)</script> praktik", "praktik", 0)
	f.Add("a.txt", strings.Repeat("praktik ", 600), "praktik", 4000)
	f.Add("a.txt", "x\u2028y <!-- praktik", "<!--", -50)
	f.Add("a.txt", "å𝄞 praktik\xff", "praktik", 7)
	f.Fuzz(func(t *testing.T, file, text, word string, at int) {
		cb, reg := fuzzSetup()
		r := &Report{Documents: []*analysis.DocumentAnalysis{fuzzDocument(cb, file, text, word, at)}, Codebook: cb, Registry: reg, County: "03"}
		var buf bytes.Buffer
		if err := WriteHTML(&buf, r); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, buf.String())
	})
}

// checkHTML checks a report.html: only the report's markup, and a data
// block whose highlights lie inside their sentences, in order.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	if bad := htmlUnsafe(page); bad != "" {
		t.Fatal(bad)
	}
	const open = `<script type="application/json" id="styrdok-data">`
	i := strings.Index(page, open) + len(open)
	var data struct {
		Docs []htmlDoc `json:"docs"`
	}
	if err := json.Unmarshal([]byte(page[i:i+strings.Index(page[i:], "</script>")]), &data); err != nil {
		t.Fatalf("data block: %v", err)
	}
	for _, d := range data.Docs {
		for _, th := range d.Themes {
			for _, hit := range th.Hits {
				n := len(utf16.Encode([]rune(d.Sentences[hit[0]].Text)))
				for k := 2; k+1 < len(hit); k += 2 {
					if hit[k] < 0 || hit[k] >= hit[k+1] || hit[k+1] > n || k > 2 && hit[k] < hit[k-1] {
						t.Fatalf("highlight %v of a sentence of %d code units", hit, n)
					}
				}
			}
		}
	}
}

func FuzzReports(f *testing.F) {
	for _, p := range []string{"../testdata/hostile/files/inject-formulas.txt", "../testdata/hostile/files/inject-md.md", "testdata/xss/lerum-integrationsplan-xss.txt"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "=plan.txt")
	}
	f.Add([]byte("Integrationsplan\n\n"+strings.Repeat("praktik ", 3000)), "![x](http:e).md")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		cb, reg := fuzzSetup()
		doc, err := ingest.Parse("fuzz.txt", data, ingest.Options{MaxBytes: 1 << 20})
		if err != nil {
			return // a parse failure is ingest's to report (its own fuzz targets)
		}
		d := analysis.NewAnalyzer(cb, reg, time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)).Analyze(doc)
		d.File = name
		r := &Report{Documents: []*analysis.DocumentAnalysis{d}, Codebook: cb, Registry: reg, County: "03",
			Failures: []analysis.Failure{{File: name, Reason: string(data[:min(len(data), 200)])}}}
		for _, w := range []struct {
			name  string
			write func(*bytes.Buffer, *Report) error
		}{
			{"documents.csv", func(b *bytes.Buffer, r *Report) error { return WriteDocuments(b, r) }},
			{"coverage.csv", func(b *bytes.Buffer, r *Report) error { return WriteCoverage(b, r) }},
			{"evidence.csv", func(b *bytes.Buffer, r *Report) error { return WriteEvidence(b, r) }},
			{"actions.csv", func(b *bytes.Buffer, r *Report) error { return WriteActions(b, r) }},
			{"failures.csv", func(b *bytes.Buffer, r *Report) error { return WriteFailures(b, r) }},
		} {
			var buf bytes.Buffer
			if err := w.write(&buf, r); err != nil {
				t.Fatal(err)
			}
			checkCSV(t, w.name, buf.Bytes())
		}
		var md bytes.Buffer
		if err := WriteSummary(&md, r); err != nil {
			t.Fatal(err)
		}
		if bad := mdUnsafe(md.String()); bad != "" {
			t.Fatalf("summary.md has %s", bad)
		}
		var page bytes.Buffer
		if err := WriteHTML(&page, r); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, page.String())
	})
}
