package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/styrdok/styrdok/analysis"
)

func cmdExplain(e *env, args []string) int {
	fs := newFlags(e, "explain", "FILE|- --theme ID", `
Explain why a document got its level for a theme: the grading rule that
applied, the headings that name the theme, the sections its evidence
stands in, the matched terms with their weights, every segment that
counted (page, byte offsets, score, matches) and the segments whose
matches stayed below min_score.`)
	var c common
	c.register(fs)
	theme := fs.String("theme", "", "theme id (see 'styrdok themes')")
	format := fs.String("format", "text", "output format: text or json")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *theme == "" {
		fmt.Fprintln(e.stderr, "styrdok explain: give one FILE (or -) and --theme ID")
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "styrdok explain: --format %q: want text or json\n", *format)
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok explain:", err)
		return exitUsage
	}
	if _, ok := a.Codebook.Theme(*theme); !ok {
		fmt.Fprintf(e.stderr, "styrdok explain: --theme %q is not in the codebook (themes: %s)\n", *theme, strings.Join(a.Codebook.ThemeIDs(), ", "))
		return exitUsage
	}
	doc, err := loadArg(e, fs.Arg(0), c.ingestOptions())
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok explain:", err)
		return exitFailure
	}
	ex, err := a.Explain(doc, a.Analyze(doc), *theme)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok explain:", err)
		return exitFailure
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(ex); err != nil {
			fmt.Fprintln(e.stderr, "styrdok explain:", err)
			return exitFailure
		}
		return exitOK
	}
	writeExplanation(e.stdout, ex)
	return exitOK
}

func writeExplanation(w io.Writer, ex *analysis.Explanation) {
	fmt.Fprintf(w, "%s\ntheme %s (%s): level %d\n  %s\n", ex.File, ex.Theme, ex.Label, ex.Level, ex.Rule)
	fmt.Fprintf(w, "  %d of %d content segments count (%.1f%%; a segment counts at weight >= %g); %d more have weaker matches\n",
		ex.Segments, ex.Content, 100*ex.Share, ex.MinScore, ex.BelowScore)
	fmt.Fprintf(w, "\nheadings naming the theme (%d):\n", len(ex.Headings))
	for _, h := range ex.Headings {
		fmt.Fprintf(w, "  p%d %d-%d  %s  [%s]\n", h.Page, h.Start, h.End, h.Text, matched(h.Matched))
	}
	fmt.Fprintf(w, "\nsections holding the evidence (%d):\n", len(ex.Sections))
	for _, s := range ex.Sections {
		page := "   "
		if s.Page > 0 {
			page = fmt.Sprintf("p%-2d", s.Page)
		}
		fmt.Fprintf(w, "  %3d segments  %s %.90s\n", s.Count, page, s.Text)
	}
	fmt.Fprintf(w, "\nmatched terms (%d):\n", len(ex.Terms))
	for _, t := range ex.Terms {
		fmt.Fprintf(w, "  %-24s %-8s %3d× weight %6.2f  %s\n", t.Term, t.As, t.Count, t.Weight, t.Words)
	}
	fmt.Fprintf(w, "\nevidence (%d segments):\n", len(ex.Evidence))
	for _, c := range ex.Evidence {
		fmt.Fprintf(w, "  #%d p%d %d-%d %s score %.2f  %.110s\n      [%s]\n", c.Sentence, c.Page, c.Start, c.End, c.Kind, c.Score, c.Text, matched(c.Matched))
	}
	if len(ex.Near) > 0 {
		fmt.Fprintf(w, "\nbelow min_score (%d segments, not counted):\n", len(ex.Near))
		for _, c := range ex.Near {
			fmt.Fprintf(w, "  #%d p%d %d-%d %s score %.2f  %.110s\n      [%s]\n", c.Sentence, c.Page, c.Start, c.End, c.Kind, c.Score, c.Text, matched(c.Matched))
		}
	}
}

// matched lists matches as text@start-end(term/as weight).
func matched(ms []analysis.Match) string {
	var s []string
	for _, m := range ms {
		s = append(s, fmt.Sprintf("%s@%d-%d %s/%s %.2f", m.Text, m.Start, m.End, m.Term, m.As, m.Weight))
	}
	return strings.Join(s, "; ")
}
