package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/reports"
)

func cmdMerge(e *env, args []string) int {
	fs := newFlags(e, "merge", "PART|FOLDER...", `
Write the reports of a sharded run from its parts: every shard's
OUT/part-K-of-N.parquet ('styrdok run --shard K/N'), given as files or
as folders holding them (searched recursively). The reports are those
one 'styrdok run' over all the files writes, byte for byte (run.json
records the merge's times and folders). The parts must make one run:
all N shards, each once, run with the same styrdok version, codebook,
limits, --as-of and --min-confidence over the same inputs; otherwise
nothing is written and the error says which part differs. The options
below choose the reports, as 'styrdok run' does; --codebook must be the
shards' codebook (the reports label its themes). Exits 1 when files
failed in the shards, as a run does. docs/shards.md has examples for
Slurm, Kubernetes and GNU parallel.`)
	var c common
	c.registerCodebook(fs)
	out := fs.String("out", "styrdok-out", "output folder")
	fs.StringVar(out, "o", "styrdok-out", "output folder (short for --out)")
	format := fs.String("format", "csv", "output formats, comma-separated: csv, parquet (parquet adds documents, coverage_long and evidence .parquet files)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	skip := fs.String("skip", "", "output files not to write, comma-separated (e.g. report.html,coverage.xlsx,documents.jsonl,similarity.csv)")
	county := fs.String("county", "", "county code or name: report only this county, every municipality a row (default: every county with a document)")
	lang := fs.String("lang", reports.LangSwedish, "language of report.html: sv or en")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "styrdok merge: no PART or FOLDER given (try: styrdok merge --out report shards/)")
		return exitUsage
	}
	if err := checkLang(*lang); err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitUsage
	}
	parquetTables, err := parseFormat(*format)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitUsage
	}
	reg, countyCode, err := resolveCounty(*county)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitUsage
	}
	skipped, err := parseSkip(*skip, reg)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitUsage
	}
	started := time.Now()
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitUsage
	}
	paths, err := findParts(fs.Args())
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitFailure
	}
	metas, err := checkParts(paths, a.Codebook.Hash(), c.codebook)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err, "(nothing written)")
		return exitFailure
	}
	docs, fails, err := readParts(paths, metas)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err, "(nothing written)")
		return exitFailure
	}
	// run.json: the shards' run (their PATHs and options) with this
	// merge's choice of reports and folder, so that it reads as the
	// one run the shards make up.
	opts := map[string]string{}
	for k, v := range metas[0].Options {
		opts[k] = v
	}
	for _, f := range []string{"out", "format", "skip", "county", "lang", "quiet", "codebook"} {
		if fl := fs.Lookup(f); fl != nil {
			opts[f] = fl.Value.String()
		}
	}
	if opts["codebook"] == "" {
		opts["codebook"] = "(embedded)"
	}
	opts["shard"] = ""
	rep := &reports.Report{Documents: docs, Failures: fails, Codebook: a.Codebook, Registry: reg, County: countyCode, Skip: skipped, Lang: *lang,
		Run: &reports.RunInfo{Version: Version, Args: metas[0].Args, Options: opts, StartedAt: started, FinishedAt: time.Now()}}

	lock, err := lockOut(*out)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitFailure
	}
	defer lock.release()
	if err := cleanStale(*out); err != nil {
		fmt.Fprintln(e.stderr, "styrdok merge:", err)
		return exitFailure
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	_, removed, err := writeReports(ctx, *out, rep, parquetTables)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "styrdok: interrupted while writing the reports; the reports in %s are as before\n", *out)
			return exitInterrupted
		}
		fmt.Fprintf(e.stderr, "styrdok merge: %v (the reports in %s are as before)\n", err, *out)
		return exitFailure
	}
	for _, r := range removed {
		fmt.Fprintf(e.stderr, "styrdok: removed %s: an earlier run's report this merge does not make\n", filepath.Join(*out, r))
	}
	printFailures(e, fails)
	failed := analysis.CountFailed(fails)
	if !*quiet {
		fmt.Fprintf(e.stderr, "styrdok: %d documents from %d parts, %d failed, %d unsupported; reports in %s\n",
			len(docs), len(paths), failed, len(fails)-failed, *out)
	} else if failed > 0 {
		fmt.Fprintf(e.stderr, "styrdok: %d files failed in the shards (listed above and in %s); exit 1\n", failed, filepath.Join(*out, "failures.csv"))
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

// partFile matches a part's name (partName).
var partFile = regexp.MustCompile(`^part-[0-9]{4}-of-[0-9]{4}\.parquet$`)

// findParts expands the arguments into part files: a file is taken as
// it is (named by the user), a folder is searched for part files.
func findParts(args []string) ([]string, error) {
	var parts []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", quoteName(a), errors.Unwrap(err))
		}
		if !st.IsDir() {
			parts = append(parts, a)
			continue
		}
		n := len(parts)
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && partFile.MatchString(d.Name()) {
				parts = append(parts, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", quoteName(a), err)
		}
		if len(parts) == n {
			return nil, fmt.Errorf("%s: no part files (part-K-of-N.parquet) in this folder", quoteName(a))
		}
	}
	slices.Sort(parts)
	return slices.Compact(parts), nil
}

// checkParts reads every part's metadata and checks that the parts make
// one run: the same layout, version, codebook (the one merge was given),
// limits, as-of, threshold and inputs, and each of the N shards once.
func checkParts(paths []string, codebookHash, codebookFlag string) ([]partMeta, error) {
	metas := make([]partMeta, len(paths))
	for i, p := range paths {
		m, err := readPartMeta(p)
		if err != nil {
			return nil, err
		}
		metas[i] = m
	}
	first := metas[0]
	for i, m := range metas[1:] {
		p := paths[i+1]
		for _, f := range []struct{ name, a, b string }{
			{"styrdok versions", first.Version, m.Version},
			{"codebooks (sha256)", first.CodebookHash, m.CodebookHash},
			{"limits", first.Limits, m.Limits},
			{"--as-of", first.AsOf, m.AsOf},
			{"--min-confidence", first.MinConfidence, m.MinConfidence},
			{"numbers of shards", fmt.Sprint(first.Of), fmt.Sprint(m.Of)},
		} {
			if f.a != f.b {
				return nil, fmt.Errorf("%s and %s were run with different %s (%q and %q): every shard of a run must use the same options", quoteName(paths[0]), quoteName(p), f.name, f.a, f.b)
			}
		}
		if first.Inputs != m.Inputs {
			return nil, fmt.Errorf("%s and %s listed different inputs (%d and %d files and folders, or the same number under other names): run every shard on the same PATHs, with no file added or removed in between", quoteName(paths[0]), quoteName(p), first.Inputs.Listed, m.Inputs.Listed)
		}
	}
	if first.Version != Version {
		return nil, fmt.Errorf("%s was written by styrdok %s, this is %s: merge with the version the shards ran", quoteName(paths[0]), first.Version, Version)
	}
	if first.CodebookHash != codebookHash {
		given := "the embedded codebook"
		if codebookFlag != "" {
			given = "--codebook " + codebookFlag
		}
		return nil, fmt.Errorf("the parts were analysed with codebook %s (run.json option codebook: %s), %s is %s: give merge the shards' --codebook",
			short(first.CodebookHash), first.Options["codebook"], given, short(codebookHash))
	}
	byShard := map[int]string{}
	for i, m := range metas {
		if prev, ok := byShard[m.Shard]; ok {
			return nil, fmt.Errorf("shard %d of %d given twice: %s and %s", m.Shard, m.Of, quoteName(prev), quoteName(paths[i]))
		}
		byShard[m.Shard] = paths[i]
	}
	var missing []string
	for k := 1; k <= first.Of; k++ {
		if _, ok := byShard[k]; !ok {
			missing = append(missing, partName(k, first.Of))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%d of the %d shards missing (%s): give every shard's part", len(missing), first.Of, strings.Join(missing, ", "))
	}
	return metas, nil
}

// short is a hash's first 12 digits, for a message.
func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// readPartMeta reads a part's metadata.
func readPartMeta(path string) (partMeta, error) {
	var m partMeta
	f, err := os.Open(path)
	if err != nil {
		return m, fmt.Errorf("%s: %w", quoteName(path), errors.Unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return m, fmt.Errorf("%s: %w", quoteName(path), err)
	}
	pf, err := parquet.OpenFile(f, st.Size(), parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
	if err != nil {
		return m, fmt.Errorf("%s: not a Parquet file: %w", quoteName(path), err)
	}
	raw, ok := pf.Lookup(partMetaKey)
	if !ok {
		return m, fmt.Errorf("%s: not a styrdok part (no %s metadata; parts are written by 'styrdok run --shard K/N')", quoteName(path), partMetaKey)
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return m, fmt.Errorf("%s: %s metadata: %w", quoteName(path), partMetaKey, err)
	}
	if m.Format != partFormat {
		return m, fmt.Errorf("%s: part format %q, this styrdok reads %q", quoteName(path), m.Format, partFormat)
	}
	if m.Of < 1 || m.Of > maxShards || m.Shard < 1 || m.Shard > m.Of {
		return m, fmt.Errorf("%s: shard %d of %d is not a shard", quoteName(path), m.Shard, m.Of)
	}
	return m, nil
}

// readParts reads every part's documents and failures and orders them
// as one run orders them: documents by file, failures by file (stably:
// a file's failures all come from one part, in the order its run gave
// them).
func readParts(paths []string, metas []partMeta) ([]*analysis.DocumentAnalysis, []analysis.Failure, error) {
	var docs []*analysis.DocumentAnalysis
	var fails []analysis.Failure
	for i, p := range paths {
		d, f, err := readPart(p, metas[i])
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d...)
		fails = append(fails, f...)
	}
	slices.SortFunc(docs, func(a, b *analysis.DocumentAnalysis) int { return strings.Compare(a.File, b.File) })
	for i := 1; i < len(docs); i++ {
		if docs[i].File == docs[i-1].File {
			return nil, nil, fmt.Errorf("%s is in two parts: the shards were not run over the same inputs", quoteName(docs[i].File))
		}
	}
	sortFailures(fails)
	return docs, fails, nil
}

// readPart reads one part's rows.
func readPart(path string, meta partMeta) ([]*analysis.DocumentAnalysis, []analysis.Failure, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", quoteName(path), errors.Unwrap(err))
	}
	defer f.Close()
	r := parquet.NewGenericReader[partRow](f)
	defer r.Close()
	docs := make([]*analysis.DocumentAnalysis, 0, meta.Documents)
	var fails []analysis.Failure
	rows := make([]partRow, partBatch)
	for {
		n, err := r.Read(rows)
		for _, row := range rows[:n] {
			switch row.Kind {
			case partDocument:
				d, err := analysis.DecodeAnalysis(row.Analysis)
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %w", quoteName(path), quoteName(row.Document), err)
				}
				d.File = row.Document
				docs = append(docs, d)
			case partFailure:
				reason := ""
				if row.Reason != nil {
					reason = *row.Reason
				}
				fails = append(fails, analysis.StoredFailure(row.Document, reason))
			default:
				return nil, nil, fmt.Errorf("%s: row of unknown kind %q", quoteName(path), row.Kind)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", quoteName(path), err)
		}
	}
	if len(docs) != meta.Documents || len(fails) != meta.Failures {
		return nil, nil, fmt.Errorf("%s: holds %d documents and %d failures, its metadata says %d and %d: the file is damaged", quoteName(path), len(docs), len(fails), meta.Documents, meta.Failures)
	}
	return docs, fails, nil
}
