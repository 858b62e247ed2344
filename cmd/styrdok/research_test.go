package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	corpusDir = filepath.Join("..", "..", "testdata", "corpus")
	goldDir   = filepath.Join("..", "..", "testdata", "gold")
	tierpFile = filepath.Join(corpusDir, "tierp-handlingsplan-integration-2017.txt")
)

func TestResearchExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"eval", "--help"}, exitOK},
		{[]string{"kwic", "--help"}, exitOK},
		{[]string{"explain", "--help"}, exitOK},
		{[]string{"codebook", "--help"}, exitOK},
		{[]string{"codebook", "import", "--help"}, exitOK},
		{[]string{"codebook", "export", "--help"}, exitOK},
		{[]string{"eval"}, exitUsage},
		{[]string{"eval", "--gold", filepath.Join(goldDir, "theme-levels.tsv")}, exitUsage}, // no documents
		{[]string{"eval", "--gold", "no-such.tsv"}, exitFailure},
		{[]string{"kwic", "bostad"}, exitUsage},
		{[]string{"kwic", "--as", "tail", "bostad", corpusDir}, exitUsage},
		{[]string{"kwic", "--unit", "lines", "bostad", corpusDir}, exitUsage},
		{[]string{"kwic", "a*b", corpusDir}, exitUsage},
		{[]string{"explain", tierpFile}, exitUsage},
		{[]string{"explain", "--theme", "nosuch", tierpFile}, exitUsage},
		{[]string{"explain", "--theme", "work", "no-such.txt"}, exitFailure},
		{[]string{"codebook"}, exitUsage},
		{[]string{"codebook", "export", "--to", "xml"}, exitUsage},
		{[]string{"codebook", "import", "--from", "liwc", "no-such.dic"}, exitFailure},
	}
	for _, c := range cases {
		if code, _, stderr := run(t, "", c.args...); code != c.code {
			t.Errorf("styrdok %v: exit %d, want %d (stderr %q)", c.args, code, c.code, stderr)
		}
	}
}

// TestEvalCommand checks that eval reproduces the figures of the analysis
// package's gold tests: Tierp rows 23/27 top (85.2%) and 25/27 found
// (92.6%), and the level agreement over the four documents.
func TestEvalCommand(t *testing.T) {
	code, out, stderr := run(t, "", "eval", "--format", "json", "--as-of", "2026-11-23",
		"--gold", filepath.Join(goldDir, "tierp-action-rows.tsv"), "--gold", filepath.Join(goldDir, "theme-levels.tsv"),
		"--gold", filepath.Join(goldDir, "documents.tsv"), "--map", filepath.Join(goldDir, "files.tsv"))
	if code != exitOK {
		t.Fatalf("eval: exit %d: %s", code, stderr)
	}
	var res struct {
		Results []struct {
			Kind      string   `json:"kind"`
			N         int      `json:"n"`
			Top       int      `json:"top"`
			Found     int      `json:"found"`
			TopAcc    float64  `json:"top_accuracy"`
			Documents int      `json:"documents"`
			Cells     int      `json:"cells"`
			Agree     int      `json:"agree"`
			Kappa     *float64 `json:"kappa"`
			KappaQ    *float64 `json:"kappa_quadratic"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("eval JSON: %v\n%s", err, out)
	}
	if len(res.Results) != 3 {
		t.Fatalf("%d results, want 3", len(res.Results))
	}
	s, l, m := res.Results[0], res.Results[1], res.Results[2]
	if s.Kind != "segments" || s.N != 27 || s.Top != 23 || s.Found != 25 {
		t.Errorf("segments: %+v, want 27 rows, 23 top, 25 found", s)
	}
	if l.Kind != "levels" || l.Documents != 4 || l.Cells != 36 || l.Kappa == nil || l.KappaQ == nil {
		t.Errorf("levels: %+v", l)
	}
	if float64(l.Agree)/float64(l.Cells) < 0.8 {
		t.Errorf("level agreement %d/%d < 80%%", l.Agree, l.Cells)
	}
	if m.Kind != "metadata" || m.Documents != 4 {
		t.Errorf("metadata: %+v", m)
	}
	// Text output; documents given as PATH and matched via the map.
	code, out, stderr = run(t, "", "eval", "--as-of", "2026-11-23", "--gold", filepath.Join(goldDir, "tierp-action-rows.tsv"))
	if code != exitOK || !strings.Contains(out, "23/27  85.2%") || !strings.Contains(out, "25/27  92.6%") {
		t.Errorf("eval text: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = run(t, "", "eval", "--as-of", "2026-11-23", "--gold", filepath.Join(goldDir, "theme-levels.tsv"),
		"--map", filepath.Join(goldDir, "files.tsv"), corpusDir)
	if code != exitOK || !strings.Contains(out, "4 documents, 36 cells") || !strings.Contains(out, "kappa quadratic") {
		t.Errorf("eval levels with PATH: exit %d\n%s\n%s", code, out, stderr)
	}
	// Without the map the gold names find nothing: exit 1, and say so.
	code, _, stderr = run(t, "", "eval", "--gold", filepath.Join(goldDir, "theme-levels.tsv"), corpusDir)
	if code != exitFailure || !strings.Contains(stderr, "--map") {
		t.Errorf("eval without map: exit %d, stderr %q", code, stderr)
	}
}

// TestKWICGolden runs kwic on the bundled corpus: "bostad" must find the
// compounds (hyres-, bostadsförsörjning) the tagger finds.
func TestKWICGolden(t *testing.T) {
	code, out, stderr := run(t, "", "kwic", "--format", "tsv", "--window", "5", "--unit", "words", "bostad", corpusDir)
	if code != exitOK {
		t.Fatalf("kwic: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"\tbostadsförsörjningsprogrammet\t", "\tbostad\t", "\tmodifier\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("kwic bostad lacks %q", want)
		}
	}
	compareGolden(t, "kwic-bostad.tsv", []byte(out))
	code, out, stderr = run(t, "", "kwic", "--window", "30", "--as", "head", "mottagande", corpusDir)
	if code != exitOK {
		t.Fatalf("kwic --as head: exit %d: %s", code, stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" && !strings.Contains(l, " head ") {
			t.Errorf("kwic --as head printed a non-head match: %s", l)
		}
	}
	compareGolden(t, "kwic-mottagande-head.txt", []byte(out))
}

func TestExplainGolden(t *testing.T) {
	for _, theme := range []string{"housing", "gender_equality"} {
		code, out, stderr := run(t, "", "explain", "--theme", theme, tierpFile)
		if code != exitOK {
			t.Fatalf("explain: exit %d: %s", code, stderr)
		}
		compareGolden(t, "explain-tierp-"+theme+".txt", []byte(out))
	}
	code, out, _ := run(t, "", "explain", "--format", "json", "--theme", "housing", tierpFile)
	var ex struct {
		Level    int    `json:"level"`
		Rule     string `json:"rule"`
		Headings []any  `json:"headings"`
		Evidence []struct {
			Page    int `json:"page"`
			Matched []struct {
				Weight float64 `json:"weight"`
				Start  int     `json:"start"`
			} `json:"matched"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &ex); err != nil || code != exitOK {
		t.Fatalf("explain json: %v", err)
	}
	if ex.Level != 2 || len(ex.Headings) == 0 || !strings.HasPrefix(ex.Rule, "level 2") || len(ex.Evidence) == 0 || ex.Evidence[0].Matched[0].Weight == 0 {
		t.Errorf("explain housing in Tierp: %+v", ex)
	}
}

// TestCodebookQuantedaRoundTrip imports a quanteda dictionary, exports it
// again and gets the same dictionary; unmappable patterns are reported.
// (Within a category, single words come before multi-word patterns: a
// codebook keeps terms and phrases in separate lists.)
func TestCodebookQuantedaRoundTrip(t *testing.T) {
	dict := `Arbete:
  - arbetsmarknad*
  - jobb*
  - sysselsättning
Boende:
  Bostad:
    - '*bostad*'
    - '*hyresrätt'
  Segregation:
    - segregation
Språk:
  - språk*
  - modersmål*
  - svenska för invandrare
`
	dir := t.TempDir()
	in := filepath.Join(dir, "dict.yml")
	if err := os.WriteFile(in, []byte(dict), 0o644); err != nil {
		t.Fatal(err)
	}
	code, cb, stderr := run(t, "", "codebook", "import", "--from", "quanteda", in)
	if code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"id: arbete", "id: boende_bostad", "{term: bostad}", "{term: arbetsmarknad, as: [word, modifier]}",
		"{term: hyresrätt, as: [word, head]}", "{term: sysselsättning, as: [word]}", `{phrase: "svenska för invandrare"}`} {
		if !strings.Contains(cb, want) {
			t.Errorf("imported codebook lacks %q:\n%s", want, cb)
		}
	}
	cbPath := filepath.Join(dir, "codebook.yaml")
	if err := os.WriteFile(cbPath, []byte(cb), 0o644); err != nil {
		t.Fatal(err)
	}
	// The imported codebook tags like the dictionary says.
	code, out, _ := run(t, "Nya bostadsområden planeras.\nArbetsmarknadsenheten hjälper.\n", "tag", "--codebook", cbPath)
	if code != exitOK || out != "boende_bostad\tboende_bostad\narbete\tarbete\n" {
		t.Errorf("tag with imported codebook: %q", out)
	}
	code, back, stderr := run(t, "", "codebook", "export", "--to", "quanteda", "--codebook", cbPath)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if back != dict {
		t.Errorf("round trip differs:\n--- exported\n%s--- original\n%s", back, dict)
	}
	// Unmappable patterns are reported on stderr and in the output.
	bad := filepath.Join(dir, "bad.yml")
	os.WriteFile(bad, []byte("x:\n  - a*b\n  - '^regex$'\n  - ok\n"), 0o644)
	code, out, stderr = run(t, "", "codebook", "import", "--from", "quanteda", bad)
	if code != exitOK || !strings.Contains(stderr, `"a*b"`) || !strings.Contains(out, "# ") || !strings.Contains(out, "regular expressions") {
		t.Errorf("unmappable: exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
}

// TestCodebookExportFormats exports the embedded codebook to every format,
// reports the losses, and imports the result again.
func TestCodebookExportFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"quanteda", "liwc", "wordstat"} {
		code, out, stderr := run(t, "", "codebook", "export", "--to", f)
		if code != exitOK || !strings.Contains(stderr, "weight") || !strings.Contains(stderr, "heading terms") {
			t.Fatalf("export %s: exit %d, stderr %.300s", f, code, stderr)
		}
		p := filepath.Join(dir, "dict."+f)
		os.WriteFile(p, []byte(out), 0o644)
		code, cb, stderr := run(t, "", "codebook", "import", "--from", f, p)
		if code != exitOK || !strings.Contains(cb, "id: work") || !strings.Contains(cb, "id: reception") {
			t.Errorf("re-import %s: exit %d: %.300s", f, code, stderr)
		}
	}
}

// TestRunJSON: run.json records version, codebook, options and input
// hashes; apart from its time fields it is the same for two runs.
func TestRunJSON(t *testing.T) {
	var runs []map[string]any
	for i := 0; i < 2; i++ {
		out := t.TempDir()
		if code, _, stderr := run(t, "", "run", "--quiet", "--as-of", "2026-11-23", "--out", out, corpusDir); code != exitOK {
			t.Fatalf("run: %d %s", code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "run.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"styrdok_version", "codebook_sha256", "options", "inputs", "counts", "failures", "started_at", "finished_at"} {
			if _, ok := m[k]; !ok {
				t.Errorf("run.json lacks %s", k)
			}
		}
		delete(m, "started_at")
		delete(m, "finished_at")
		delete(m["options"].(map[string]any), "out")
		runs = append(runs, m)
	}
	a, _ := json.Marshal(runs[0])
	b, _ := json.Marshal(runs[1])
	if string(a) != string(b) {
		t.Errorf("run.json differs beyond time fields:\n%s\n%s", a, b)
	}
	if !strings.Contains(string(a), "3e851f89478f64d31ad933910e3b9deda2d19dba0becdc5cd48034dfca78d4c6") {
		t.Errorf("run.json lacks Tierp's sha256: %s", a)
	}
}
