package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/styrdok/styrdok/eval"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// evalReal is `styrdok eval --real DIR`: every text of the chosen split
// read and analysed as `styrdok run` would (ingest, then analysis), then
// scored against the labels.
func evalReal(e *env, c *common, dir, split string, minConf float64, format string, show int) int {
	reg, err := registry.LoadRegistry()
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval:", err)
		return exitFailure
	}
	set, err := eval.LoadRealSet(dir, reg)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval:", err)
		return exitFailure
	}
	if set, err = set.Filter(split); err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval: --split:", err)
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval:", err)
		return exitUsage
	}
	a.MinConfidence = minConf
	got := map[string]*eval.RealAnalysis{}
	failed := false
	for _, d := range set.Docs {
		doc, err := ingest.Load(d.Path, c.ingestOptions())
		if err != nil {
			fmt.Fprintf(e.stderr, "styrdok eval: %s: %v\n", d.Path, err)
			failed = true
			continue
		}
		raw, err := os.ReadFile(d.Path)
		if err != nil {
			fmt.Fprintf(e.stderr, "styrdok eval: %s: %v\n", d.Path, err)
			failed = true
			continue
		}
		got[d.Name] = &eval.RealAnalysis{Doc: a.Analyze(doc), CleanText: doc.Text, RawText: string(raw)}
	}
	if failed {
		return exitFailure
	}
	ev, err := eval.EvalReal(set, split, got, a.Codebook, minConf)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval:", err)
		return exitFailure
	}
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ev); err != nil {
			fmt.Fprintln(e.stderr, "styrdok eval:", err)
			return exitFailure
		}
		return exitOK
	}
	writeRealEval(e.stdout, ev, show)
	return exitOK
}

// interval prints a 95% interval as "[86.6%, 93.2%]", "-" when undefined.
func interval(lo, hi eval.Stat) string {
	if !lo.Defined() || !hi.Defined() {
		return "-"
	}
	return "[" + pct(lo) + ", " + pct(hi) + "]"
}

func writeRealEval(w io.Writer, ev *eval.RealEval, show int) {
	fmt.Fprintf(w, "%s: split %s, %d texts, %d labelled sentences, --min-confidence %.2f\n\n", ev.Dir, ev.Split, ev.Documents, ev.SentenceN, ev.MinConfidence)
	fmt.Fprintf(w, "  municipality    %4s %5s %7s %5s %9s %15s   %s\n", "n", "right", "unknown", "wrong", "accuracy", "confident wrong", "95% interval")
	for _, s := range ev.Municipality {
		fmt.Fprintf(w, "  %-15s %4d %5d %7d %5d %9s %15d   %s\n", s.Category, s.N, s.Right, s.Unknown, s.Wrong, pct(s.Accuracy), s.ConfidentWrong, interval(s.CI95[0], s.CI95[1]))
	}
	fmt.Fprintf(w, "\n  reliability (best candidate before the threshold, vetoes excluded):\n  %-12s %4s %5s %7s\n", "confidence", "n", "right", "rate")
	for _, b := range ev.Reliability {
		fmt.Fprintf(w, "  %.2f–%.2f    %4d %5d %7s\n", b.From, b.To, b.N, b.Right, pct(b.Rate))
	}
	if n, right := ev.NearCertain(); n > 0 {
		lo, hi := eval.Wilson(right, n, eval.Z95)
		fmt.Fprintf(w, "  at 0.90 or more: %d of %d right, %s %s\n", right, n, pct(eval.Stat(float64(right)/float64(n))), interval(eval.Stat(lo), eval.Stat(hi)))
	}
	fmt.Fprintf(w, "\n  accuracy by --min-confidence:\n  %-6s", "min")
	for _, c := range eval.RealCategories {
		fmt.Fprintf(w, " %8s", c)
	}
	fmt.Fprintf(w, " %6s\n", "wrong")
	for _, t := range ev.Thresholds {
		fmt.Fprintf(w, "  %-6.2f", t.MinConfidence)
		for _, a := range t.Accuracy {
			fmt.Fprintf(w, " %8s", pct(a))
		}
		fmt.Fprintf(w, " %6d\n", t.Wrong)
	}
	fmt.Fprintf(w, "\n  kind accuracy: %s\n", pct(ev.KindAccuracy))
	l := ev.Levels
	fmt.Fprintf(w, "\n  theme levels: %d cells, agreement %s, kappa %s, linear %s, quadratic %s\n", l.Cells, pct(l.Agreement), num(l.Kappa), num(l.KappaLinear), num(l.KappaQuadratic))
	fmt.Fprintf(w, "  %-16s %9s %7s %7s %4s   sentences: %9s %7s %7s %4s %5s\n", "theme", "level>=1 P", "R", "F1", "sup", "P", "R", "F1", "sup", "found")
	for i, t := range l.Themes {
		s := ev.SentenceThemes[i]
		fmt.Fprintf(w, "  %-16s %9s %7s %7s %4d   %20s %7s %7s %4d %5d\n", t.Theme, num(t.Covered.Precision), num(t.Covered.Recall), num(t.Covered.F1), t.Covered.Support,
			num(s.Precision), num(s.Recall), num(s.F1), s.Support, s.Predicted)
	}
	m := ev.SentenceThemes[len(ev.SentenceThemes)-1]
	fmt.Fprintf(w, "  %-16s %36s %20s %7s %7s %4d %5d\n", "micro", "", num(m.Precision), num(m.Recall), num(m.F1), m.Support, m.Predicted)
	n := len(ev.Misses)
	if show >= 0 && show < n {
		n = show
	}
	if ev.Split == "heldout" {
		// Held-out texts are scored, never studied: their individual
		// answers are not printed, so no rule is tuned to one.
		n = 0
	}
	if n > 0 {
		fmt.Fprintf(w, "\n  attribution misses (%d of %d shown):\n", n, len(ev.Misses))
		for _, x := range ev.Misses[:n] {
			fmt.Fprintf(w, "    %s (%s): gold %s, styrdok %s %.2f: %s\n", x.File, x.Category, x.Gold, x.Got, x.Confidence, strings.ReplaceAll(x.Reason, "\n", " "))
		}
	}
}
