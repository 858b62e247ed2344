package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/eval"
	"github.com/styrdok/styrdok/ingest"
)

// multiFlag collects a repeatable string flag (--gold A --gold B).
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// evalOutput is eval's JSON output: one result per gold file, in the
// order given.
type evalOutput struct {
	Codebook string `json:"codebook_sha256"`
	Results  []any  `json:"results"`
}

func cmdEval(e *env, args []string) int {
	fs := newFlags(e, "eval", "--gold FILE [--gold FILE...] [--map FILE] [PATH...] | --real DIR [--split dev|heldout|all]", `
Compare styrdok's coding with human coding in TSV gold files (formats in
docs/eval.md; the format is detected from the header):
  segments  theme<TAB>text per row: each text is tagged alone (as 'styrdok
            tag' does); top-theme accuracy, "found among themes" rate,
            per-theme precision/recall/F1 of the top label, kappa, confusion
  levels    file<TAB>theme... with levels 0/1/2 per document: agreement,
            Cohen's kappa, linear and quadratic weighted kappa, per-level
            and per-theme scores, confusion table
  metadata  file<TAB>kind<TAB>year... (documents.csv names): per-field accuracy,
            kappa and confusion for categorical fields
Documents for levels and metadata are the PATHs (files or folders); without
PATH, the documents the --map file names. A gold 'file' value names a
document by mapping (--map), path, base name or sha256 prefix.

With --real DIR, score styrdok on a labelled set of real texts
(testdata/realtexts: documents-*.tsv, sentences-*.tsv, texts/; or an older
labels.tsv): municipality attribution per category (named, none, unnamed,
title) with confident-wrong counts, a reliability table of the confidence
and accuracy at each threshold, kind, theme levels (kappa, level>=1
precision/recall) and per-theme precision/recall of sentence hits.
--split picks the held-out or development part (docs/validity.md).`)
	var c common
	c.register(fs)
	var golds multiFlag
	fs.Var(&golds, "gold", "gold TSV file (repeatable)")
	mapFile := fs.String("map", "", "TSV file gold_name<TAB>path (paths relative to the map file) naming the documents of gold 'file' values")
	format := fs.String("format", "text", "output format: text or json")
	workers := fs.Int("workers", 0, "files analysed in parallel (default: number of CPUs)")
	misses := fs.Int("show", 10, "disagreements listed per gold file in text output (-1: all)")
	real := fs.String("real", "", "folder of a labelled real set (documents-*.tsv, sentences-*.tsv, texts/)")
	split := fs.String("split", "heldout", "with --real: the part scored: dev, heldout or all")
	minConf := fs.Float64("min-confidence", analysis.DefaultMinConfidence, "attribution confidence below which the municipality is unknown")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if *minConf < 0 || *minConf > 1 {
		fmt.Fprintf(e.stderr, "styrdok eval: --min-confidence %v: want a number from 0 to 1\n", *minConf)
		return exitUsage
	}
	if *real != "" {
		if len(golds) > 0 {
			fmt.Fprintln(e.stderr, "styrdok eval: give --real or --gold, not both")
			return exitUsage
		}
		if *format != "text" && *format != "json" {
			fmt.Fprintf(e.stderr, "styrdok eval: --format %q: want text or json\n", *format)
			return exitUsage
		}
		return evalReal(e, &c, *real, *split, *minConf, *format, *misses)
	}
	if len(golds) == 0 {
		fmt.Fprintln(e.stderr, "styrdok eval: no --gold FILE given (try: styrdok eval --gold testdata/gold/tierp-action-rows.tsv)")
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "styrdok eval: --format %q: want text or json\n", *format)
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok eval:", err)
		return exitUsage
	}
	var gs []*eval.Gold
	needDocs := false
	for _, p := range golds {
		g, err := eval.LoadGold(p)
		if err != nil {
			fmt.Fprintln(e.stderr, "styrdok eval:", err)
			return exitFailure
		}
		gs = append(gs, g)
		needDocs = needDocs || g.Kind != eval.GoldSegments
	}
	var mapping map[string]string
	if *mapFile != "" {
		if mapping, err = eval.LoadDocMap(*mapFile); err != nil {
			fmt.Fprintln(e.stderr, "styrdok eval:", err)
			return exitFailure
		}
	}
	var idx *eval.DocIndex
	failed := false
	if needDocs {
		paths := fs.Args()
		if len(paths) == 0 {
			for _, k := range sortedMapKeys(mapping) {
				paths = append(paths, mapping[k])
			}
		}
		if len(paths) == 0 {
			fmt.Fprintln(e.stderr, "styrdok eval: document-level gold needs the documents: give PATH... or --map FILE")
			return exitUsage
		}
		files, problems := ingest.Walk(paths)
		docs, fails := corpus.AnalyzeFiles(context.Background(), a, files, corpus.BatchOptions{Workers: *workers, Ingest: c.ingestOptions()})
		fails = append(fails, analysis.WalkFailures(problems)...)
		for _, f := range fails {
			fmt.Fprintf(e.stderr, "styrdok eval: %s: %s\n", f.File, f.Reason)
			failed = true
		}
		idx = eval.NewDocIndex(docs, mapping)
	}
	out := evalOutput{Codebook: a.Codebook.Hash(), Results: []any{}}
	for _, g := range gs {
		var res any
		switch g.Kind {
		case eval.GoldSegments:
			res, err = eval.EvalSegments(a, g)
		case eval.GoldLevels:
			res, err = eval.EvalLevels(g, idx, a.Codebook)
		case eval.GoldMetadata:
			res, err = eval.EvalMetadata(g, idx)
		}
		if err != nil {
			fmt.Fprintln(e.stderr, "styrdok eval:", err)
			return exitFailure
		}
		out.Results = append(out.Results, res)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(e.stderr, "styrdok eval:", err)
			return exitFailure
		}
	} else {
		for i, r := range out.Results {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			writeEvalText(e.stdout, r, *misses)
		}
	}
	for _, r := range out.Results {
		var unmatched []string
		switch r := r.(type) {
		case *eval.LevelEval:
			unmatched = r.Unmatched
		case *eval.MetadataEval:
			unmatched = r.Unmatched
		}
		for _, u := range unmatched {
			fmt.Fprintln(e.stderr, "styrdok eval: gold document not found:", u)
			failed = true
		}
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

func sortedMapKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// num prints a statistic with three decimals, or "-" when undefined.
func num(s eval.Stat) string {
	if !s.Defined() {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(s))
}

func pct(s eval.Stat) string {
	if !s.Defined() {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(s))
}

func writeEvalText(w io.Writer, r any, show int) {
	limit := func(n int) int {
		if show < 0 || show > n {
			return n
		}
		return show
	}
	switch r := r.(type) {
	case *eval.SegmentEval:
		fmt.Fprintf(w, "%s: %s, %d segments\n", r.Gold, r.Kind, r.N)
		fmt.Fprintf(w, "  top theme = gold:      %d/%d  %s\n", r.Top, r.N, pct(r.TopAccuracy))
		fmt.Fprintf(w, "  gold among themes:     %d/%d  %s\n", r.Found, r.N, pct(r.FoundRate))
		fmt.Fprintf(w, "  kappa (top label):     %s\n  macro F1:              %s\n\n", num(r.Kappa), num(r.MacroF1))
		writeScores(w, "theme", r.Themes)
		writeConfusion(w, r.Confusion)
		if n := limit(len(r.Misses)); n > 0 {
			fmt.Fprintf(w, "\n  top theme differs (%d of %d shown):\n", n, len(r.Misses))
			for _, m := range r.Misses[:n] {
				found := "not found"
				if m.Found {
					found = "found"
				}
				fmt.Fprintf(w, "    line %d: gold %s, top %s, all [%s] (%s): %.80s\n", m.Line, m.Gold, m.Top, strings.Join(m.All, ","), found, m.Text)
			}
		}
	case *eval.LevelEval:
		fmt.Fprintf(w, "%s: %s, %d documents, %d cells\n", r.Gold, r.Kind, r.Documents, r.Cells)
		fmt.Fprintf(w, "  agreement:             %d/%d  %s\n", r.Agree, r.Cells, pct(r.Agreement))
		fmt.Fprintf(w, "  kappa:                 %s\n  kappa linear:          %s\n  kappa quadratic:       %s\n\n", num(r.Kappa), num(r.KappaLinear), num(r.KappaQuadratic))
		writeScores(w, "level", r.Levels)
		writeConfusion(w, r.Confusion)
		fmt.Fprintf(w, "\n  %-16s %3s %9s %7s %7s %7s   covered (level>=1): %5s %5s %5s %4s\n", "theme", "n", "agreement", "kappa", "linear", "quadr.", "P", "R", "F1", "sup")
		for _, t := range r.Themes {
			fmt.Fprintf(w, "  %-16s %3d %9s %7s %7s %7s   %19s %5s %5s %5s %4d\n", t.Theme, t.N, pct(t.Agreement), num(t.Kappa), num(t.KappaLinear), num(t.KappaQuadratic),
				"", num(t.Covered.Precision), num(t.Covered.Recall), num(t.Covered.F1), t.Covered.Support)
		}
		if n := limit(len(r.Disagreements)); n > 0 {
			fmt.Fprintf(w, "\n  disagreements (%d of %d shown):\n", n, len(r.Disagreements))
			for _, d := range r.Disagreements[:n] {
				fmt.Fprintf(w, "    %s %s: gold %d, styrdok %d (%d segments, %d headings)\n", d.File, d.Theme, d.Gold, d.Got, d.Segments, d.Headings)
			}
		}
	case *eval.MetadataEval:
		fmt.Fprintf(w, "%s: %s, %d documents\n", r.Gold, r.Kind, r.Documents)
		fmt.Fprintf(w, "  %-18s %3s %5s %9s %7s\n", "field", "n", "agree", "accuracy", "kappa")
		for _, f := range r.Fields {
			k := ""
			if f.Kappa != nil {
				k = num(*f.Kappa)
			}
			fmt.Fprintf(w, "  %-18s %3d %5d %9s %7s\n", f.Field, f.N, f.Agree, pct(f.Accuracy), k)
		}
		if n := limit(len(r.Mismatches)); n > 0 {
			fmt.Fprintf(w, "\n  mismatches (%d of %d shown):\n", n, len(r.Mismatches))
			for _, m := range r.Mismatches[:n] {
				fmt.Fprintf(w, "    %s %s: gold %q, styrdok %q\n", m.File, m.Field, m.Gold, m.Got)
			}
		}
	}
}

func writeScores(w io.Writer, what string, scores []eval.ClassScore) {
	fmt.Fprintf(w, "  %-16s %9s %7s %7s %7s %9s\n", what, "precision", "recall", "F1", "support", "predicted")
	for _, s := range scores {
		fmt.Fprintf(w, "  %-16s %9s %7s %7s %7d %9d\n", s.Label, num(s.Precision), num(s.Recall), num(s.F1), s.Support, s.Predicted)
	}
}

// writeConfusion prints the table with gold as rows and styrdok as
// columns, labels shortened to fit.
func writeConfusion(w io.Writer, c *eval.Confusion) {
	width := 4
	for _, l := range c.Labels {
		width = max(width, min(len(l), 8)+1)
	}
	short := func(l string) string {
		if len(l) > width-1 {
			return l[:width-1]
		}
		return l
	}
	fmt.Fprintf(w, "\n  confusion (rows gold, columns styrdok):\n  %-16s", "")
	for _, l := range c.Labels {
		fmt.Fprintf(w, "%*s", width, short(l))
	}
	fmt.Fprintln(w)
	for i, l := range c.Labels {
		fmt.Fprintf(w, "  %-16s", l)
		for j := range c.Labels {
			fmt.Fprintf(w, "%*d", width, c.Counts[i][j])
		}
		fmt.Fprintln(w)
	}
}
