package main

import (
	"bufio"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

func cmdKWIC(e *env, args []string) int {
	fs := newFlags(e, "kwic", "PATTERN PATH...", `
Keyword in context: every occurrence of PATTERN in the documents under the
paths, found with the tagger's compound-aware matching, so 'bostad' finds
bostaden, bostäder, hyresbostäder (head) and bostadsförsörjning (modifier).
PATTERN may be a glob as in imported dictionaries (arbet* = word or
modifier, *bostad = word or head) or several words (a phrase, matched on
stems). Each line gives document, municipality, page, offsets, the position
matched and the context with the match marked.`)
	var c common
	c.register(fs)
	as := fs.String("as", "", "positions the word may take: comma-separated word,head,modifier (default: all three)")
	window := fs.Int("window", 40, "context each side, in --unit")
	unit := fs.String("unit", "chars", "unit of --window: chars or words")
	format := fs.String("format", "text", "output format: text or tsv")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() < 2 {
		fmt.Fprintln(e.stderr, "styrdok kwic: give a PATTERN and at least one PATH (try: styrdok kwic bostad testdata/corpus)")
		return exitUsage
	}
	if *format != "text" && *format != "tsv" {
		fmt.Fprintf(e.stderr, "styrdok kwic: --format %q: want text or tsv\n", *format)
		return exitUsage
	}
	if *unit != string(analysis.KWICChars) && *unit != string(analysis.KWICWords) {
		fmt.Fprintf(e.stderr, "styrdok kwic: --unit %q: want chars or words\n", *unit)
		return exitUsage
	}
	if *window < 0 {
		fmt.Fprintln(e.stderr, "styrdok kwic: --window must be 0 or more")
		return exitUsage
	}
	pos, err := analysis.ParsePositions(*as)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok kwic: --as:", err)
		return exitUsage
	}
	m, err := analysis.NewPatternMatcher(fs.Arg(0), pos)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok kwic:", err)
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok kwic:", err)
		return exitUsage
	}
	files, problems := ingest.Walk(fs.Args()[1:])
	failed := false
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "styrdok kwic: %s: %s\n", p.Path, analysis.ReasonOf(p))
		failed = true
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *format == "tsv" {
		fmt.Fprintln(w, "document\tmunicipality_code\tmunicipality\tpage\tstart\tend\tas\tleft\tmatch\tright")
	}
	hits := 0
	for _, f := range files {
		doc, err := ingest.Load(f, c.ingestOptions())
		if err != nil {
			fmt.Fprintln(e.stderr, "styrdok kwic:", err)
			failed = true
			continue
		}
		// The municipality comes from the full analysis, as in reports.
		muni := a.Analyze(doc).Municipality
		for _, h := range analysis.KWIC(doc, m, *window, analysis.KWICUnit(*unit)) {
			hits++
			if *format == "tsv" {
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", h.File, muni.Code, muni.Name, h.Page, h.Start, h.End, h.As,
					tsvCell(h.Left), tsvCell(h.Match), tsvCell(h.Right))
				continue
			}
			name := muni.Name
			if name == "" {
				name = "?"
			}
			fmt.Fprintf(w, "%s [%s] p%d %d-%d %-8s %s [%s] %s\n", h.File, name, h.Page, h.Start, h.End, h.As,
				padLeft(h.Left, *window, *unit), h.Match, h.Right)
		}
	}
	w.Flush()
	fmt.Fprintf(e.stderr, "styrdok kwic: %d matches in %d documents\n", hits, len(files))
	if failed {
		return exitFailure
	}
	return exitOK
}

// padLeft right-aligns the left context in character windows, so matches
// line up in a column.
func padLeft(s string, window int, unit string) string {
	if unit != "chars" {
		return s
	}
	if n := utf8.RuneCountInString(s); n < window {
		return strings.Repeat(" ", window-n) + s
	}
	return s
}

// tsvCell keeps a value on one TSV line.
func tsvCell(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
