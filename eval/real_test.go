package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// writeRealSet writes a small labelled set in the real-set format.
func writeRealSet(t *testing.T, docs, sents string, texts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, "texts", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	head := strings.Join(realDocColumns, "\t") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "documents-test.tsv"), []byte(head+docs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sentences-test.tsv"), []byte(strings.Join(realSentenceColumns, "\t")+"\n"+sents), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func docRow(file, code, name, county, category, split string, levels string) string {
	return strings.Join([]string{"texts/" + file, "https://example.org/" + file, code, name, county, "other", "T", "", "", "", "", "", "easy", category, "municipality", split}, "\t") + "\t" + levels + "\n"
}

const zeroLevels = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"

func TestEvalRealSmall(t *testing.T) {
	named := "Integration i Tierps kommun\n\nTierps kommun erbjuder svenska för invandrare.  Kommunen  hjälper nyanlända att hitta arbete och bostad.\n"
	none := "Nyheter\n\nMigrationsverket stänger kontor i Borlänge och Visby. Kontoren i Borås och Jönköping läggs också ned.\n"
	title := "Integrationsplan för Ale kommun"
	s1 := strings.Index(named, "Tierps kommun erbjuder")
	e1 := strings.Index(named, "invandrare.") + len("invandrare.")
	s2 := strings.Index(named, "Kommunen  hjälper")
	e2 := len(named) - 1
	docs := docRow("m001.txt", "0360", "Tierp", "03", "named", "dev", "1\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0") +
		docRow("o001.txt", "-", "-", "-", "none", "dev", zeroLevels) +
		docRow("t001.txt", "1440", "Ale", "14", "title", "heldout", zeroLevels)
	sents := "texts/m001.txt\t" + itoa(s1) + "\t" + itoa(e1) + "\tlanguage\t" + named[s1:e1] + "\n" +
		"texts/m001.txt\t" + itoa(s2) + "\t" + itoa(e2) + "\twork,housing\t" + strings.Join(strings.Fields(named[s2:e2]), " ") + "\n"
	dir := writeRealSet(t, docs, sents, map[string]string{"m001.txt": named, "o001.txt": none, "t001.txt": title})
	set := loadRealSet(t, dir)
	if len(set.Docs) != 3 || len(set.Sentences) != 2 {
		t.Fatalf("loaded %d docs, %d sentences", len(set.Docs), len(set.Sentences))
	}
	dev, err := set.Filter("dev")
	if err != nil || len(dev.Docs) != 2 || len(dev.Sentences) != 2 {
		t.Fatalf("dev: %v, %d docs", err, len(dev.Docs))
	}
	if _, err := set.Filter("test"); err == nil {
		t.Error("split test accepted")
	}
	a := testAnalyzer(t)
	got := analyseRealSet(t, a, set)
	ev, err := EvalReal(set, "all", got, a.Codebook, analysis.DefaultMinConfidence)
	if err != nil {
		t.Fatal(err)
	}
	byCat := map[string]CategoryScore{}
	for _, s := range ev.Municipality {
		byCat[s.Category] = s
	}
	for _, c := range []string{"named", "none", "title"} {
		if s := byCat[c]; s.N != 1 || s.Right != 1 {
			t.Errorf("%s: %+v (misses %+v)", c, s, ev.Misses)
		}
	}
	if s := byCat["all"]; s.N != 3 || s.Right != 3 || s.Wrong != 0 {
		t.Errorf("all: %+v", s)
	}
	if ev.Levels.Cells != 33 {
		t.Errorf("level cells %d, want 33", ev.Levels.Cells)
	}
	if ev.SentenceN != 2 {
		t.Errorf("%d sentences scored", ev.SentenceN)
	}
	scores := map[string]ClassScore{}
	for _, s := range ev.SentenceThemes {
		scores[s.Label] = s
	}
	if s := scores["language"]; s.Support != 1 || s.TP != 1 {
		t.Errorf("language: %+v (the sentence on svenska för invandrare)", s)
	}
	if s := scores["work"]; s.Support != 1 {
		t.Errorf("work: %+v", s)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestLoadRealSetErrors: each kind of bad row is an error naming the file
// and line.
func TestLoadRealSetErrors(t *testing.T) {
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{"m001.txt": "Tierps kommun tar emot nyanlända."}
	good := docRow("m001.txt", "0360", "Tierp", "03", "named", "dev", zeroLevels)
	tests := []struct{ name, docs, sents, want string }{
		{"bad code", docRow("m001.txt", "9999", "X", "03", "named", "dev", zeroLevels), "", "not in the registry"},
		{"bad county", docRow("m001.txt", "0360", "Tierp", "14", "named", "dev", zeroLevels), "", "county 03"},
		{"bad split", docRow("m001.txt", "0360", "Tierp", "03", "named", "test", zeroLevels), "", "split"},
		{"bad category", docRow("m001.txt", "0360", "Tierp", "03", "speaks", "dev", zeroLevels), "", "category"},
		{"named without code", docRow("m001.txt", "-", "-", "-", "named", "dev", zeroLevels), "", "category named"},
		{"bad level", docRow("m001.txt", "0360", "Tierp", "03", "named", "dev", "3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"), "", "level"},
		{"short row", "texts/m001.txt\tx\n", "", "cells"},
		{"offset past end", good, "texts/m001.txt\t0\t999\t-\tTierps\n", "past the text"},
		{"sentence column differs", good, "texts/m001.txt\t0\t6\t-\tNorrtälje\n", "not the text"},
		{"unknown file", good, "texts/m002.txt\t0\t6\t-\tTierps\n", "not in any"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeRealSet(t, tc.docs, tc.sents, text)
			_, err := LoadRealSet(dir, reg)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), ".tsv:") {
				t.Errorf("err = %v, want one naming file:line and %q", err, tc.want)
			}
		})
	}
	dir := writeRealSet(t, good, "texts/m001.txt\t0\t6\t-\tTierps\n", text)
	if _, err := LoadRealSet(dir, reg); err != nil {
		t.Errorf("good set: %v", err)
	}
}

// TestAlignRaw: offsets into the stored text map to the same characters
// of the clean text through ingest's cleaning (CRLF, spaces, hyphenation).
func TestAlignRaw(t *testing.T) {
	raw := "Rubrik\r\n\r\n  Första   meningen om arbets-\r\nmarknaden.  Andra mening.\r\n"
	clean := ingest.CleanText(raw)
	m := alignRaw(raw, clean)
	for _, w := range []string{"Rubrik", "Första", "meningen", "Andra", "mening."} {
		i := strings.Index(raw, w)
		if got := clean[m[i] : m[i]+len(w)]; got != w {
			t.Errorf("%q at raw %d maps to clean %d: %q", w, i, m[i], got)
		}
	}
	for i := 1; i < len(m); i++ {
		if m[i] < m[i-1] {
			t.Fatalf("map decreases at %d", i)
		}
	}
	if m[len(raw)] > len(clean) {
		t.Errorf("end maps past the clean text")
	}
}

// TestLoadRealSetLabelsTSV: the older labels.tsv format (shared realdocs)
// loads with every text dev and the category from code and difficulty.
func TestLoadRealSetLabelsTSV(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	row := func(file, code, county, difficulty string) string {
		return strings.Join([]string{file, "https://example.org", code, "x", county, "other", "T", "", "", "", "", "", difficulty}, "\t") + "\t" + zeroLevels + "\n"
	}
	data := strings.Join(realLabelsColumns, "\t") + "\n" + row("001.txt", "1262", "12", "easy") + row("002.txt", "-", "-", "hard") + row("003.txt", "-", "-", "unnamed")
	if err := os.WriteFile(filepath.Join(dir, "labels.tsv"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	set := loadRealSet(t, dir)
	want := []string{"named", "none", "unnamed"}
	for i, d := range set.Docs {
		if d.Category != want[i] || d.Split != "dev" || d.Name != "texts/00"+strconv.Itoa(i+1)+".txt" {
			t.Errorf("row %d: %s %s %s", i, d.Name, d.Category, d.Split)
		}
	}
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRealSet(t.TempDir(), reg); err == nil {
		t.Error("an empty folder loaded")
	}
}

// TestEvalRealKindFold checks that a label kind outside DOMAIN's
// ("report", which the real texts give annual reports and audits) is
// scored as "other", while a DOMAIN kind styrdok misses stays a miss.
func TestEvalRealKindFold(t *testing.T) {
	report := "Årsredovisning 2019\n\nKommunens resultat för året blev 12 miljoner kronor. Investeringarna uppgick till 80 miljoner kronor.\n"
	page := "Nyheter\n\nMigrationsverket stänger kontor i Borlänge och Visby. Kontoren i Borås och Jönköping läggs också ned.\n"
	row := func(file, kind string) string {
		return strings.Replace(docRow(file, "-", "-", "-", "none", "dev", zeroLevels), "\tother\tT\t", "\t"+kind+"\tT\t", 1)
	}
	dir := writeRealSet(t, row("o001.txt", "report")+row("o002.txt", "plan"), "", map[string]string{"o001.txt": report, "o002.txt": page})
	set := loadRealSet(t, dir)
	a := testAnalyzer(t)
	got := analyseRealSet(t, a, set)
	for name, ra := range got {
		if k := ra.Doc.Meta.Kind; k != analysis.KindOther {
			t.Fatalf("%s: styrdok's kind %q, the test needs other", name, k)
		}
	}
	ev, err := EvalReal(set, "all", got, a.Codebook, analysis.DefaultMinConfidence)
	if err != nil {
		t.Fatal(err)
	}
	if ev.KindAccuracy != 0.5 {
		t.Errorf("kind accuracy %v, want 0.5 (report scored as other: right; plan: wrong)", ev.KindAccuracy)
	}
	for _, l := range ev.Kind.Labels {
		if l == "report" {
			t.Errorf("confusion keeps the label %q: %+v", l, ev.Kind)
		}
	}
}
