package eval

import (
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// heldOutFigure is one figure of the held-out part of the labelled real
// set (testdata/realtexts): the target for it and the floor a
// change may not fall below.
type heldOutFigure struct {
	name   string
	target float64 // issue 14's target (docs/validity.md)
	floor  float64 // what the held-out part gave when the floors were last set
}

// heldOutFigures are the held-out figures as measured on main after the
// merges of session 8 (1 Dec 2026: 257 held-out texts, 849 labelled
// sentences; docs/validity.md "Where it stands"). The set grew (batch 5)
// and its municipality labels were brought in line with the owner's rule
// for news about one municipality (testdata/realtexts/README.md), so the
// floors were reset. Where the target is met the floor is the target;
// where it is missed the floor is the figure measured, so a regression
// fails while the gap stays visible in the log. Nothing here is tuned on:
// rules are changed on dev texts only and held-out is only scored; the
// floors are reset (down as well as up, with the reason in
// docs/validity.md) only when the set itself grows or its labels are
// corrected, since then the figures move without any rule changing.
var heldOutFigures = []heldOutFigure{
	// municipality attribution at the default --min-confidence
	{"named", 0.97, 0.889},           // 137/154 = 0.890 (session 9; 0.883 before): target missed
	{"none", 0.90, 0.808},            // 55/68 = 0.809: target missed
	{"unnamed", 0.95, 0.95},          // 9/9
	{"title", 0.97, 0.97},            // 26/26
	{"right at >= 0.9", 0.97, 0.969}, // 63/65 = 0.969: target missed
	// themes (as tools/themeeval/eval.py prints them)
	{"claims P", 0.75, 0.75},    // 0.846
	{"claims R", 0.90, 0.857},   // 132/154 = 0.857: target missed
	{"level>=1 P", 0.80, 0.793}, // 204/257 = 0.794: target missed
}

// batch6Figures are the held-out figures of batch 6 (session 10,
// h-attribnone: o303-o374, texts that speak for no municipality and news
// about one; 23 held-out texts, no sentence labels), measured once when
// the batch was added (docs/validity.md, "Attribution, round 10"). The
// floors of heldOutFigures stay on the part they were set on (the 257
// texts before the batch), so the batch neither lowers them nor hides a
// regression there; the batch has floors of its own, at the figures
// measured. Its one answer at >= 0.9 is wrong (a "none" text), so that
// figure (0/1) has no floor: one that cannot fail checks nothing.
var batch6Figures = []heldOutFigure{
	{"named", 0.97, 1.0},  // 1/1
	{"none", 0.90, 0.727}, // 16/22 = 0.727: target missed
}

// inBatch6 reports whether a set row's file ("texts/o345.txt") is one of
// batch 6's.
func inBatch6(name string) bool {
	base := strings.TrimSuffix(path.Base(name), ".txt")
	n, err := strconv.Atoi(strings.TrimPrefix(base, "o"))
	return strings.HasPrefix(base, "o") && err == nil && n >= 303 && n <= 374
}

// subset returns the rows of set whose file keep accepts.
func subset(set *RealSet, keep func(string) bool) *RealSet {
	out := &RealSet{Dir: set.Dir}
	for _, d := range set.Docs {
		if keep(d.Name) {
			out.Docs = append(out.Docs, d)
		}
	}
	for _, x := range set.Sentences {
		if keep(x.File) {
			out.Sentences = append(out.Sentences, x)
		}
	}
	return out
}

// TestHeldOut scores the held-out part of testdata/realtexts (aggregates
// only: no per-text line is printed or read) and fails when a figure
// falls below its floor: heldOutFigures on the texts they were set on,
// batch6Figures on batch 6. It logs each figure against the issue's
// target, met or missed, and the whole part's.
func TestHeldOut(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and analyses the whole held-out part")
	}
	all, whole := analyseRealSplit(t, "heldout")
	for _, s := range whole.Municipality {
		if s.N > 0 {
			t.Logf("held-out, all %d texts: %s %d/%d = %.4f", len(all.set.Docs), s.Category, s.Right, s.N, float64(s.Accuracy))
		}
	}
	cb := testAnalyzer(t).Codebook
	for _, part := range []struct {
		name    string
		keep    func(string) bool
		figures []heldOutFigure
	}{
		{"before batch 6", func(n string) bool { return !inBatch6(n) }, heldOutFigures},
		{"batch 6", inBatch6, batch6Figures},
	} {
		sub := &realSplit{set: subset(all.set, part.keep), got: all.got, themes: all.themes}
		ev, err := EvalReal(sub.set, "heldout", sub.got, cb, analysis.DefaultMinConfidence)
		if err != nil {
			t.Fatal(err)
		}
		checkHeldOut(t, part.name, sub, ev, part.figures)
	}
}

// checkHeldOut logs and checks one part's figures against their floors.
func checkHeldOut(t *testing.T, part string, got *realSplit, ev *RealEval, figures []heldOutFigure) {
	t.Helper()
	figs := themeFigures(got, ev)
	for _, s := range ev.Municipality {
		if s.N == 0 {
			continue
		}
		figs[s.Category] = float64(s.Accuracy)
	}
	n, right := 0, 0
	for _, b := range ev.Reliability {
		if b.From >= 0.9 {
			n += b.N
			right += b.Right
		}
	}
	if n > 0 {
		figs["right at >= 0.9"] = float64(right) / float64(n)
	}
	for _, f := range figures {
		v, ok := figs[f.name]
		if !ok {
			t.Errorf("%s, %s: not measured (no held-out texts of that kind?)", part, f.name)
			continue
		}
		met := "met"
		if v < f.target-1e-9 {
			met = "MISSED"
		}
		t.Logf("held-out (%s) %s: %.4f (target %.2f %s, floor %.3f)", part, f.name, v, f.target, met, f.floor)
		if v < f.floor-1e-9 {
			t.Errorf("held-out (%s) %s fell to %.4f, below its floor %.3f", part, f.name, v, f.floor)
		}
	}
}
