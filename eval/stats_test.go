package eval

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// tol is the tolerance of the hand-computed statistics: they are exact
// fractions, so only float rounding separates them from the code's.
const tol = 1e-9

func near(t *testing.T, what string, got Stat, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if got.Defined() {
			t.Errorf("%s = %v, want undefined (NaN)", what, float64(got))
		}
		return
	}
	if math.Abs(float64(got)-want) > tol {
		t.Errorf("%s = %.12f, want %.12f (tolerance %g)", what, float64(got), want, tol)
	}
}

func confusionOf(labels []string, counts [][]int) *Confusion {
	c := NewConfusion(labels...)
	for i := range counts {
		for j, n := range counts[i] {
			for k := 0; k < n; k++ {
				c.Add(labels[i], labels[j])
			}
		}
	}
	return c
}

// TestBinaryStatistics checks against a 2×2 table computed by hand:
// po = 35/50, pe = (25·30 + 25·20)/50² = 1/2, kappa = (0.7-0.5)/0.5 = 0.4;
// A: P = 20/30, R = 20/25, F1 = 16/11; B: P = 15/20, R = 15/25, F1 = 2/3.
func TestBinaryStatistics(t *testing.T) {
	c := confusionOf([]string{"A", "B"}, [][]int{{20, 5}, {10, 15}})
	near(t, "agreement", Stat(c.Agreement()), 0.7)
	near(t, "kappa", Stat(c.Kappa()), 0.4)
	s := c.Scores()
	near(t, "P(A)", s[0].Precision, 2.0/3)
	near(t, "R(A)", s[0].Recall, 0.8)
	near(t, "F1(A)", s[0].F1, 16.0/22)
	near(t, "P(B)", s[1].Precision, 0.75)
	near(t, "R(B)", s[1].Recall, 0.6)
	near(t, "F1(B)", s[1].F1, 2.0/3)
	if s[0].Support != 25 || s[1].Support != 25 || s[0].Predicted != 30 {
		t.Errorf("support/predicted: %+v", s)
	}
	// With two labels, linear and quadratic weights are the 0/1 weights.
	near(t, "linear kappa (2 labels)", Stat(c.WeightedKappa(false)), 0.4)
	near(t, "quadratic kappa (2 labels)", Stat(c.WeightedKappa(true)), 0.4)
}

// TestWeightedKappa checks a 3×3 level table by hand. Rows (gold) sum to
// 6, 7, 7 and columns to 7, 6, 7 over N = 20.
//
//	unweighted: po = 15/20, pe = (42+42+49)/400, kappa = 167/267
//	linear (0, 1/2, 1): observed 2.5/20, expected 179/400, kappa = 129/179
//	quadratic (0, 1/4, 1): observed 1.25/20, expected 135/400, kappa = 22/27
func TestWeightedKappa(t *testing.T) {
	c := confusionOf(levelLabels, [][]int{{5, 1, 0}, {2, 4, 1}, {0, 1, 6}})
	near(t, "kappa", Stat(c.Kappa()), 167.0/267)
	near(t, "linear", Stat(c.WeightedKappa(false)), 129.0/179)
	near(t, "quadratic", Stat(c.WeightedKappa(true)), 22.0/27)
	// Perfect agreement is 1 whatever the weights.
	p := confusionOf(levelLabels, [][]int{{3, 0, 0}, {0, 2, 0}, {0, 0, 4}})
	near(t, "perfect", Stat(p.Kappa()), 1)
	near(t, "perfect quadratic", Stat(p.WeightedKappa(true)), 1)
	// One label only: chance agreement is 1 and kappa is undefined.
	one := confusionOf([]string{"x"}, [][]int{{5}})
	near(t, "single label", Stat(one.Kappa()), math.NaN())
	b, err := json.Marshal(map[string]Stat{"kappa": Stat(one.Kappa())})
	if err != nil || string(b) != `{"kappa":null}` {
		t.Errorf("NaN in JSON: %s %v", b, err)
	}
	// Precision of a label styrdok never chose is undefined; F1 too.
	s := PRF("x", 0, 0, 3)
	near(t, "P without predictions", s.Precision, math.NaN())
	near(t, "R", s.Recall, 0)
	near(t, "F1", s.F1, math.NaN())
}

// Example output checked by hand: rows 2, 2, 2 and columns 1, 2, 3 over
// N = 6; linear: observed 1/6, expected 4/9, kappa 1 - 9/24 = 0.625.
func ExampleConfusion_WeightedKappa() {
	c := NewConfusion("0", "1", "2")
	for _, p := range [][2]string{{"0", "0"}, {"0", "1"}, {"1", "1"}, {"1", "2"}, {"2", "2"}, {"2", "2"}} {
		c.Add(p[0], p[1]) // gold, styrdok
	}
	fmt.Printf("agreement %.4f\nkappa %.4f\nlinear %.4f\nquadratic %.4f\n",
		c.Agreement(), c.Kappa(), c.WeightedKappa(false), c.WeightedKappa(true))
	// Output:
	// agreement 0.6667
	// kappa 0.5000
	// linear 0.6250
	// quadratic 0.7500
}

func testDocIndex(t *testing.T, a *analysis.Analyzer) *DocIndex {
	t.Helper()
	m, err := LoadDocMap(filepath.Join("..", "testdata", "gold", "files.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*analysis.DocumentAnalysis
	for _, p := range slices.Sorted(maps.Keys(m)) {
		docs = append(docs, analyseCorpusFile(t, a, filepath.Base(m[p])))
	}
	return NewDocIndex(docs, m)
}

// TestEvalReproducesGoldFigures checks that the eval API gives exactly the
// figures TestTierpActionRows and TestThemeLevels compute.
func TestEvalReproducesGoldFigures(t *testing.T) {
	a := testAnalyzer(t)
	g, err := LoadGold(filepath.Join("..", "testdata", "gold", "tierp-action-rows.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	seg, err := EvalSegments(a, g)
	if err != nil {
		t.Fatal(err)
	}
	if seg.N != 27 || seg.Top != 23 || seg.Found != 25 {
		t.Errorf("Tierp rows: n %d top %d found %d, want 27, 23 (85.2%%), 25 (92.6%%)", seg.N, seg.Top, seg.Found)
	}
	near(t, "top accuracy", seg.TopAccuracy, 23.0/27)
	near(t, "found rate", seg.FoundRate, 25.0/27)

	lg, err := LoadGold(filepath.Join("..", "testdata", "gold", "theme-levels.tsv"))
	if err != nil || lg.Kind != GoldLevels {
		t.Fatalf("theme-levels.tsv: %v %v", lg, err)
	}
	lev, err := EvalLevels(lg, testDocIndex(t, a), a.Codebook)
	if err != nil {
		t.Fatal(err)
	}
	if lev.Documents != 4 || lev.Cells != 36 || len(lev.Unmatched) != 0 {
		t.Fatalf("levels: %d documents, %d cells, unmatched %v", lev.Documents, lev.Cells, lev.Unmatched)
	}
	t.Logf("levels: %d/%d agree, kappa %.3f, linear %.3f, quadratic %.3f, confusion %v",
		lev.Agree, lev.Cells, float64(lev.Kappa), float64(lev.KappaLinear), float64(lev.KappaQuadratic), lev.Confusion.Counts)
	// The same count as TestThemeLevels, computed directly.
	agree := 0
	for _, row := range lg.Rows {
		r := row.Fields
		res := analyseCorpusFile(t, a, goldFiles[r[0]])
		for i, th := range lg.Header[1:] {
			if cov, _ := res.Theme(th); strconv.Itoa(cov.Level) == r[i+1] {
				agree++
			}
		}
	}
	if lev.Agree != agree {
		t.Errorf("eval: %d cells agree, TestThemeLevels' computation: %d", lev.Agree, agree)
	}
	if float64(lev.Agreement) < 0.8 {
		t.Errorf("level agreement %.3f < 0.8", float64(lev.Agreement))
	}
}

// TestEvalMetadata uses constructed documents, since metadata extraction
// is not filled in on every branch: one document agrees on every field,
// the other differs in kind and reference; a year in gold matches a full
// date extracted.
func TestEvalMetadata(t *testing.T) {
	gold := "file\tmunicipality_code\tmunicipality\tkind\treference\tvalid_to\tnote\n" +
		"a.txt\t0360\tTierp\taction_plan\tKS 2017.411\t2018\tcoded twice\n" +
		"3e851f89\t1440\tAle\tplan\t-\t-\tby hash\n"
	g, err := ParseGold(strings.NewReader(gold), "meta.tsv")
	if err != nil || g.Kind != GoldMetadata {
		t.Fatalf("parse: %v %v", g, err)
	}
	a := &analysis.DocumentAnalysis{File: "dir/a.txt", SHA256: "00aa"}
	a.Municipality.Code, a.Municipality.Name = "0360", "Tierp"
	a.Meta.Kind, a.Meta.Reference, a.Meta.ValidTo = "action_plan", "ks 2017.411", "2018-12-31"
	b := &analysis.DocumentAnalysis{File: "x/b.txt", SHA256: "3e851f89478f64d3"}
	b.Municipality.Code, b.Municipality.Name = "1440", "Ale"
	b.Meta.Kind, b.Meta.Reference = "strategy", "KS 2017.407"
	ev, err := EvalMetadata(g, NewDocIndex([]*analysis.DocumentAnalysis{a, b}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if ev.Documents != 2 || len(ev.Unmatched) != 0 {
		t.Fatalf("documents %d unmatched %v", ev.Documents, ev.Unmatched)
	}
	want := map[string]float64{"municipality_code": 1, "municipality": 1, "kind": 0.5, "reference": 0.5, "valid_to": 1}
	if len(ev.Fields) != len(want) {
		t.Fatalf("fields %+v", ev.Fields)
	}
	for _, f := range ev.Fields {
		near(t, f.Field+" accuracy", f.Accuracy, want[f.Field])
		if f.Field == "kind" {
			// gold action_plan, plan; got action_plan, strategy:
			// po = 1/2, pe = 1/4 (action_plan both 1/2; plan and strategy
			// used by one side only), kappa = 1/3.
			near(t, "kind kappa", *f.Kappa, 1.0/3)
		}
	}
	if len(ev.Mismatches) != 2 || ev.Mismatches[0].Field != "kind" || ev.Mismatches[1].Got != "KS 2017.407" {
		t.Errorf("mismatches %+v", ev.Mismatches)
	}
}

func TestGoldDetection(t *testing.T) {
	cases := map[string]GoldKind{
		"theme\tauthor_label\trow_text\nwork\tArbete\tx\n": GoldSegments,
		"# c\nTheme\ttext\nwork\tx\n":                      GoldSegments,
		"file\twork\thousing\na\t1\t2\n":                   GoldLevels,
		"file\tkind\tyear\na\tplan\t2017\n":                GoldMetadata,
	}
	for in, want := range cases {
		g, err := ParseGold(strings.NewReader(in), "x.tsv")
		if err != nil || g.Kind != want {
			t.Errorf("%q: %v %v, want %s", in, g, err, want)
		}
	}
	for _, bad := range []string{"", "a\tb\n", "theme\tlabel\nwork\tx\n", "file\twork\na\t1\t2\n"} {
		if _, err := ParseGold(strings.NewReader(bad), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
			t.Errorf("%q: error %v should name the file", bad, err)
		}
	}
}

func TestDocIndexAmbiguous(t *testing.T) {
	docs := []*analysis.DocumentAnalysis{{File: "a/x.txt", SHA256: "ab"}, {File: "b/x.txt", SHA256: "cd"}}
	if _, err := NewDocIndex(docs, nil).Find("x.txt"); err == nil || !strings.Contains(err.Error(), "--map") {
		t.Errorf("ambiguous base name: %v", err)
	}
	if d, err := NewDocIndex(docs, map[string]string{"x.txt": "b/x.txt"}).Find("x.txt"); err != nil || d != docs[1] {
		t.Errorf("mapped: %v %v", d, err)
	}
}
