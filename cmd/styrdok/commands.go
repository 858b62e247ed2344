package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
	"github.com/styrdok/styrdok/reports"
)

// common are the options every analysing command shares.
type common struct {
	codebook        string
	asOf            string
	maxBytes        int64
	maxDecompressed int64
	timeout         time.Duration
	maxText         int64
	ocr             ingest.OCRMode
}

// register adds the options of commands that read documents: the
// codebook, the date and the per-file limits.
func (c *common) register(fs *flag.FlagSet) {
	c.registerCodebook(fs)
	fs.StringVar(&c.asOf, "as-of", "", "date (YYYY-MM-DD) at which a document's status (current, expired) is judged (default: today)")
	c.registerIngest(fs)
}

// registerIngest adds the per-file limits and --ocr alone, for the
// commands that read a document without analysing it (text).
func (c *common) registerIngest(fs *flag.FlagSet) {
	fs.Int64Var(&c.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest file read, in bytes; larger files fail with a clear reason")
	fs.Int64Var(&c.maxDecompressed, "max-decompressed", ingest.DefaultMaxDecompressedBytes, "most bytes a file's compressed streams (PDF, DOCX, ODT) may expand to; beyond it the file fails as a possible decompression bomb")
	fs.DurationVar(&c.timeout, "timeout", ingest.DefaultTimeout, "longest time spent reading, parsing and analysing one file; beyond it the file fails and the run goes on")
	fs.Int64Var(&c.maxText, "max-text", ingest.DefaultMaxTextBytes, "most bytes of text one file may yield; beyond it the file fails (stops small files that amplify)")
	c.ocr = ingest.OCRAuto
	fs.Var(&c.ocr, "ocr", "auto, never or always: read PDF pages without a text layer (scans) with Tesseract OCR; auto does when it is installed ("+ingest.OCRInstallHint+")")
}

// registerCodebook adds --codebook alone, for the commands that read no
// document (themes, tag, codebook export): their --help lists only the
// options they use.
func (c *common) registerCodebook(fs *flag.FlagSet) {
	fs.StringVar(&c.codebook, "codebook", "", "codebook YAML file (default: the embedded codebook; see 'styrdok themes --yaml')")
}

func (c *common) analyzer(e *env) (*analysis.Analyzer, error) {
	var cb *codebook.Codebook
	var err error
	if c.codebook != "" {
		cb, err = analysis.LoadCodebook(c.codebook)
	} else {
		cb, err = analysis.DefaultCodebook()
	}
	if err != nil {
		return nil, err
	}
	reg, err := registry.LoadRegistry()
	if err != nil {
		return nil, err
	}
	asOf := time.Now()
	if c.asOf != "" {
		asOf, err = time.Parse("2006-01-02", c.asOf)
		if err != nil {
			return nil, fmt.Errorf("--as-of %q: want a date like 2026-01-31", c.asOf)
		}
	}
	return analysis.NewAnalyzer(cb, reg, asOf), nil
}

func (c *common) ingestOptions() ingest.Options {
	return ingest.Options{MaxBytes: c.maxBytes, MaxDecompressedBytes: c.maxDecompressed, Timeout: c.timeout, MaxTextBytes: c.maxText, OCR: c.ocr}
}

func cmdAnalyze(e *env, args []string) int {
	fs := newFlags(e, "analyze", "FILE|-", `
Analyse one document (or stdin, '-') and print its municipality, metadata,
themes with levels and the evidence sentences behind them.`)
	var c common
	c.register(fs)
	format := fs.String("format", "json", "output format: json or text")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "styrdok analyze: give exactly one FILE (or - for stdin)")
		return exitUsage
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(e.stderr, "styrdok analyze: --format %q: want json or text\n", *format)
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok analyze:", err)
		return exitUsage
	}
	doc, err := loadArg(e, fs.Arg(0), c.ingestOptions())
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok analyze:", err)
		return exitFailure
	}
	// --timeout covers the analysis too, as in a run (the parse had its
	// own share of it).
	timeout := c.ingestOptions().Timeout
	if timeout <= 0 {
		timeout = ingest.DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	res, err := a.AnalyzeContext(ctx, doc)
	if err != nil {
		fmt.Fprintf(e.stderr, "styrdok analyze: %s: analysis took longer than the time limit (%s; --timeout)\n", quoteName(doc.Path), timeout)
		return exitFailure
	}
	if *format == "json" {
		if err := reports.WriteDocumentJSON(e.stdout, res); err != nil {
			fmt.Fprintln(e.stderr, "styrdok analyze:", err)
			return exitFailure
		}
		return exitOK
	}
	m := res.Municipality
	muni := "unknown"
	if m.Code != "" {
		muni = fmt.Sprintf("%s (%s), %s (%s)", m.Name, m.Code, m.CountyName, m.CountyCode)
	}
	fmt.Fprintf(e.stdout, "file:          %s\nmunicipality:  %s\nkind:          %s\ntitle:         %s\nstatus:        %s\nwords:         %d\nsentences:     %d\n\n",
		res.File, muni, res.Meta.Kind, res.Meta.Title, res.Meta.Status, res.Words, res.Sentences)
	for _, t := range res.Themes {
		fmt.Fprintf(e.stdout, "%-16s level %d  %3d sentences  %5.1f%%\n", t.ID, t.Level, t.Sentences, 100*t.Share)
		for i, h := range t.Evidence {
			if i == 3 {
				fmt.Fprintf(e.stdout, "    … %d more\n", len(t.Evidence)-3)
				break
			}
			why := h.MatchedWords()
			if h.Inherited {
				why = fmt.Sprintf("under heading #%d", h.Heading)
			}
			fmt.Fprintf(e.stdout, "    p%d [%s] %.110s\n", h.Page, why, h.Text)
		}
	}
	return exitOK
}

// loadArg loads a file, or stdin for "-".
func loadArg(e *env, path string, opts ingest.Options) (*ingest.Document, error) {
	if path != "-" {
		return ingest.Load(path, opts)
	}
	data, err := readAllLimited(e, opts)
	if err != nil {
		return nil, err
	}
	return ingest.Parse("-", data, opts)
}

func readAllLimited(e *env, opts ingest.Options) ([]byte, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = ingest.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(e.stdin, limit+1))
	if err != nil {
		return nil, fmt.Errorf("stdin: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("stdin: larger than --max-bytes %d", limit)
	}
	return data, nil
}

func cmdTag(e *env, args []string) int {
	fs := newFlags(e, "tag", "< segments.txt", `
Read text segments from stdin, one per line (table cells may be separated
by tabs or " | "), and print one line per segment: TOP<TAB>ALL, where TOP
is the best theme id (or -) and ALL the theme ids found, best first.`)
	var c common
	c.registerCodebook(fs)
	scores := fs.Bool("scores", false, "print each theme's score after it (theme:score)")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(e.stderr, "styrdok tag: reads stdin; takes no arguments")
		return exitUsage
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok tag:", err)
		return exitUsage
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	for sc.Scan() {
		ranked := a.Tag(sc.Text())
		top := "-"
		var all []string
		for _, s := range ranked {
			if *scores {
				all = append(all, fmt.Sprintf("%s:%.3g", s.Theme, s.Score))
			} else {
				all = append(all, s.Theme)
			}
		}
		if len(ranked) > 0 {
			top = ranked[0].Theme
		}
		fmt.Fprintf(w, "%s\t%s\n", top, strings.Join(all, ","))
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(e.stderr, "styrdok tag: stdin:", err)
		return exitFailure
	}
	return exitOK
}

func cmdThemes(e *env, args []string) int {
	fs := newFlags(e, "themes", "", `
Print the codebook: theme ids, Swedish and English labels, definitions and
the terms and phrases that signal each theme. --yaml prints the embedded
codebook file itself, to copy, edit and pass with --codebook.`)
	var c common
	c.registerCodebook(fs)
	asYAML := fs.Bool("yaml", false, "print the codebook as YAML (the embedded default unless --codebook)")
	asJSON := fs.Bool("json", false, "print the codebook as JSON")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if *asYAML && c.codebook == "" {
		e.stdout.Write(codebook.DefaultYAML())
		return exitOK
	}
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok themes:", err)
		return exitUsage
	}
	cb := a.Codebook
	if *asYAML {
		data, err := os.ReadFile(c.codebook)
		if err != nil {
			fmt.Fprintln(e.stderr, "styrdok themes:", err)
			return exitFailure
		}
		e.stdout.Write(data)
		return exitOK
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(cb); err != nil {
			return exitFailure
		}
		return exitOK
	}
	fmt.Fprintf(e.stdout, "codebook %s (%d themes)\n\n", cb.Hash()[:12], len(cb.Themes))
	for _, t := range cb.Themes {
		fmt.Fprintf(e.stdout, "%s\n  %s / %s\n  %s\n", t.ID, t.LabelSV, t.LabelEN, t.Definition)
		var terms []string
		for _, tm := range t.Terms {
			s := tm.Term
			if len(tm.As) < 3 {
				var ps []string
				for _, p := range tm.As {
					ps = append(ps, string(p))
				}
				s += " (" + strings.Join(ps, ",") + ")"
			}
			terms = append(terms, s)
		}
		fmt.Fprintf(e.stdout, "  terms: %s\n", strings.Join(terms, ", "))
		if len(t.Phrases) > 0 {
			var ps []string
			for _, p := range t.Phrases {
				ps = append(ps, `"`+p.Phrase+`"`)
			}
			fmt.Fprintf(e.stdout, "  phrases: %s\n", strings.Join(ps, ", "))
		}
		if len(t.HeadingTerms) > 0 {
			fmt.Fprintf(e.stdout, "  in headings: %s\n", strings.Join(t.HeadingTerms, ", "))
		}
		fmt.Fprintln(e.stdout)
	}
	return exitOK
}

func cmdText(e *env, args []string) int {
	fs := newFlags(e, "text", "FILE", `
Print the clean text that analysis sees, with a form feed between pages,
so you can check what was extracted from a PDF, DOCX or web page.`)
	var c common
	c.registerIngest(fs)
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "styrdok text: give exactly one FILE (or - for stdin)")
		return exitUsage
	}
	doc, err := loadArg(e, fs.Arg(0), c.ingestOptions())
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok text:", err)
		return exitFailure
	}
	// On stderr, as run prints them: which pages OCR read or could not.
	for _, w := range doc.Warnings {
		fmt.Fprintf(e.stderr, "styrdok text: %s: warning: %s\n", quoteName(doc.Path), w)
	}
	fmt.Fprint(e.stdout, doc.Text)
	if !strings.HasSuffix(doc.Text, "\n") {
		fmt.Fprintln(e.stdout)
	}
	return exitOK
}
