package reports

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// readCSV reads a CSV file back as a researcher's tool would: a header
// and records, by column name.
func readCSV(t *testing.T, path string) (header []string, rows []map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

// column types, as a reader parses them
var (
	reCode = regexp.MustCompile(`^[0-9]{2}([0-9]{2})?$`)
	reDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

func mustInt(t *testing.T, what, v string) int {
	t.Helper()
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s = %q is not an integer", what, v)
	}
	return n
}

func mustFloat(t *testing.T, what, v string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s = %q is not a number", what, v)
	}
	return f
}

// TestCountySummaryTyped: county-CODE.csv holds only municipalities (every
// level an integer or empty, every code four digits), and
// county-summary.csv one row per county, theme and threshold with
// integer counts whose ratio is the share.
func TestCountySummaryTyped(t *testing.T) {
	r := bundledReport(t)
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"03", "06", "14"} {
		_, rows := readCSV(t, filepath.Join(dir, "county-"+code+".csv"))
		for _, row := range rows {
			if len(row["municipality_code"]) != 4 || !strings.HasPrefix(row["municipality_code"], code) {
				t.Errorf("county-%s.csv: municipality_code %q", code, row["municipality_code"])
			}
			for _, id := range r.Codebook.ThemeIDs() {
				if v := row[id+"_level"]; v != "" {
					if l := mustInt(t, id+"_level", v); l < 0 || l > 2 {
						t.Errorf("%s_level %d", id, l)
					}
				}
			}
		}
	}
	_, rows := readCSV(t, filepath.Join(dir, "county-summary.csv"))
	if want := 3 * len(r.Codebook.Themes) * 2; len(rows) != want {
		t.Fatalf("county-summary.csv: %d rows, want %d (3 counties × themes × 2 thresholds)", len(rows), want)
	}
	seen := map[string]bool{}
	for _, row := range rows {
		if !reCode.MatchString(row["county_code"]) || len(row["county_code"]) != 2 || row["county"] == "" {
			t.Errorf("county %q %q", row["county_code"], row["county"])
		}
		k := mustInt(t, "threshold", row["threshold"])
		n, total := mustInt(t, "municipalities", row["municipalities"]), mustInt(t, "municipalities_total", row["municipalities_total"])
		usable := mustInt(t, "municipalities_usable", row["municipalities_usable"])
		share := mustFloat(t, "share", row["share"])
		if k < 1 || k > 2 || n > usable || usable > total || fmtFloat(float64(n)/float64(total), 4) != row["share"] || share > 1 {
			t.Errorf("row %v", row)
		}
		key := row["county_code"] + row["theme"] + row["threshold"]
		if seen[key] {
			t.Errorf("two rows for %s", key)
		}
		seen[key] = true
	}
	// Västra Götaland: Ale (level 2 for work) and Alingsås are usable of 49.
	for _, row := range rows {
		if row["county_code"] == "14" && row["theme"] == "work" && row["threshold"] == "1" && (row["municipalities_usable"] != "2" || row["municipalities_total"] != "49") {
			t.Errorf("Västra Götaland, work ≥1: %v", row)
		}
	}
}

// TestDocumentKeyAndDates: every table names the document "document"
// (similarity.csv document_a and document_b), and documents.csv has ISO
// days with their precision.
func TestDocumentKeyAndDates(t *testing.T) {
	r := bundledReport(t)
	r.Failures = []analysis.Failure{{File: "broken.pdf", Reason: "not a PDF"}}
	r.Documents[0].Meta.AdoptedOn = "2017-05"
	r.Documents[0].Meta.ValidFrom = "2018"
	r.Documents[1].Meta.ValidTo = "2020-02"
	r.Documents[1].Meta.AdoptedOn = "2016-03-30"
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"documents.csv", "coverage.csv", "coverage_long.csv", "evidence.csv", "actions.csv", "failures.csv"} {
		header, _ := readCSV(t, filepath.Join(dir, f))
		if header[0] != "document" || slices.Contains(header, "file") || slices.Contains(header, "path") {
			t.Errorf("%s: header %v", f, header)
		}
	}
	if header, _ := readCSV(t, filepath.Join(dir, "similarity.csv")); header[0] != "document_a" || header[2] != "document_b" {
		t.Errorf("similarity.csv: header %v", header)
	}
	_, rows := readCSV(t, filepath.Join(dir, "documents.csv"))
	byDoc := map[string]map[string]string{}
	for _, row := range rows {
		byDoc[row["document"]] = row
		for _, c := range []string{"adopted_on", "valid_from", "valid_to"} {
			v, p := row[c], row[c+"_precision"]
			if (v == "") != (p == "") || v != "" && !reDate.MatchString(v) || !slices.Contains([]string{"", "year", "month", "day"}, p) {
				t.Errorf("%s: %s %q precision %q", row["document"], c, v, p)
			}
		}
		if row["year"] != "" {
			mustInt(t, "year", row["year"])
		}
		if _, err := strconv.ParseBool(row["has_evaluation"]); err != nil {
			t.Errorf("has_evaluation %q", row["has_evaluation"])
		}
	}
	d0, d1 := byDoc[r.Documents[0].File], byDoc[r.Documents[1].File]
	for _, c := range []struct{ got, want string }{
		{d0["adopted_on"] + " " + d0["adopted_on_precision"], "2017-05-01 month"},
		{d0["valid_from"] + " " + d0["valid_from_precision"], "2018-01-01 year"},
		{d1["valid_to"] + " " + d1["valid_to_precision"], "2020-02-29 month"},
		{d1["adopted_on"] + " " + d1["adopted_on_precision"], "2016-03-30 day"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// ale-integrationsplan-2018-2021: valid to the end of 2021
	for doc, row := range byDoc {
		if strings.HasSuffix(doc, "ale-integrationsplan-2018-2021.txt") && row["valid_to"]+" "+row["valid_to_precision"] != "2021-12-31 year" {
			t.Errorf("Ale valid_to %q %q", row["valid_to"], row["valid_to_precision"])
		}
	}
}

func TestISODate(t *testing.T) {
	for _, c := range []struct {
		in       string
		end      bool
		date, pr string
	}{
		{"2018", false, "2018-01-01", "year"}, {"2018", true, "2018-12-31", "year"},
		{"2020-02", true, "2020-02-29", "month"}, {"2021-02", true, "2021-02-28", "month"}, {"2020-02", false, "2020-02-01", "month"},
		{"2018-12-31", true, "2018-12-31", "day"}, {"2018-05-30", false, "2018-05-30", "day"},
		{"", false, "", ""}, {"2018-13", false, "", ""}, {"18", false, "", ""}, {"2018-02-30", false, "", ""},
	} {
		if d, p := ISODate(c.in, c.end); d != c.date || p != c.pr {
			t.Errorf("ISODate(%q, %v) = %q %q, want %q %q", c.in, c.end, d, p, c.date, c.pr)
		}
	}
}

// TestMatchedSeparator: evidence.csv's matched column splits on
// MatchedSeparator into the hit's distinct matched words, as
// ThemeHit.MatchedWords gives them, also past the handful kept in a slice.
func TestMatchedSeparator(t *testing.T) {
	r := bundledReport(t)
	n := 0
	for _, d := range r.Documents {
		for _, th := range d.Themes {
			for _, h := range th.Evidence {
				if got := joinMatched(h); got != h.MatchedWords() {
					t.Fatalf("joinMatched %q, MatchedWords %q", got, h.MatchedWords())
				}
				if len(matchedWords(h)) > 1 {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no hit with several matched words in the bundled corpus")
	}
	var h analysis.ThemeHit
	for i := range 40 {
		h.Matched = append(h.Matched, analysis.Match{Text: "w" + strconv.Itoa(i%25)})
	}
	if got := strings.Split(joinMatched(h), MatchedSeparator); len(got) != 25 || got[24] != "w24" {
		t.Errorf("25 distinct words: %v", got)
	}
}
