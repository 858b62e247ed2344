package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/reports"
)

// writeHeapProfile writes the heap profile (allocations since the start,
// and what is live) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// exitInterrupted is the exit code of a run stopped by SIGINT or SIGTERM
// (128 + SIGINT, as shells report it).
const exitInterrupted = 130

func cmdRun(e *env, args []string) int {
	fs := newFlags(e, "run", "PATH...", `
Ingest every supported file under the paths (PDF, DOCX, HTML, Markdown,
text), analyse it and write into the output folder:
  documents.csv      one row per document: municipality, county, metadata
  coverage.csv       one row per document: each theme's share and level
  coverage_long.csv  the same in tidy long form (document, theme, ...)
  evidence.csv       every theme hit with its sentence, offsets and page
  actions.csv        every action-plan row: goal, activity, responsible, timeline
  failures.csv       every file that could not be read, and why
  summary.md         the coverage matrix as a readable table
  run.json           version, options, every input with its SHA-256, counts
  county-CODE.csv    every municipality of a county (--county, or each county with a document)
  county-summary.csv the county lines: share of municipalities at level >= 1 and >= 2, per theme
  similarity.csv     similar documents (TF-IDF cosine): each document's 5 most
                     similar at cosine >= 0.2, and every pair >= 0.9 (near
                     duplicate), each pair once, most similar first
  documents.jsonl    JSON Lines: one document a line, metadata, theme counts, sections,
                     its 3 nearest peers (evidence is in evidence.csv)
  report.html        heatmap, county tables, map and evidence in one offline
                     page (up to 20 evidence sentences per cell, the strongest)
  coverage.xlsx      the tables above as one workbook (evidence sheet: the
                     first 50,000 rows; the notes sheet says so; evidence.csv has all)
  styrdok.db         the store: texts, analyses, sentences, theme hits and
                     run records in SQLite (docs/store.md has the schema)
Runs are incremental: unchanged files are not read again, and a codebook
change re-tags stored text without parsing files. A run stopped at any
moment (Ctrl-C, kill) resumes where it stopped on the next run.
Files that fail are listed with their reason; the run goes on and exits 1.
Files that are not documents (images, archives) are skipped and listed in
failures.csv with status "unsupported"; they alone do not make it exit 1.
Symbolic links that lead out of the PATHs are listed, not read, unless
--follow-symlinks. PATH - reads the paths from stdin, one a line (or
NUL-separated, as find -print0 writes them). A PATH that does not exist
stops the run before anything is written (exit 2). Ctrl-C stops the run
at any stage (exit 130) and keeps the earlier reports; a second run into
the same OUT while one is running fails at once (OUT/.lock).`)
	var c common
	c.register(fs)
	out := fs.String("out", "styrdok-out", "output folder")
	fs.StringVar(out, "o", "styrdok-out", "output folder (short for --out)")
	store := fs.String("store", "", "store file (default: OUT/styrdok.db)")
	noStore := fs.Bool("no-store", false, "analyse everything from scratch without reading or writing a store")
	workers := fs.Int("workers", 0, "files analysed in parallel (default: number of CPUs)")
	format := fs.String("format", "csv", "output formats, comma-separated: csv, parquet (parquet adds documents, coverage_long and evidence .parquet files)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	skip := fs.String("skip", "", "output files not to write, comma-separated (e.g. report.html,coverage.xlsx,documents.jsonl,similarity.csv)")
	minConf := fs.Float64("min-confidence", analysis.DefaultMinConfidence, "attribution confidence an answer needs; below it the municipality is unknown and the candidate is the runner-up (docs/validity.md)")
	county := fs.String("county", "", "county code or name (14, \"Västra Götaland\"): report only this county, every municipality a row (default: every county with a document)")
	follow := fs.Bool("follow-symlinks", false, "follow symbolic links that lead out of the folders given (by default they are listed, not read)")
	lang := fs.String("lang", reports.LangSwedish, "language of report.html: sv (theme labels from the codebook's label_sv) or en")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file once the documents are analysed: what stays live into the report writers")
	shardFlag := fs.String("shard", "", "K/N: analyse only shard K of N (each file's shard is a hash of its path under its PATH) and write OUT/part-K-of-N.parquet for 'styrdok merge' instead of the reports (docs/shards.md)")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	shard, err := parseShard(*shardFlag)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 1 && paths[0] == "-" {
		var err error
		if paths, err = readPaths(e.stdin); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run: stdin:", err)
			return exitFailure
		}
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "styrdok run: no PATH given (try: styrdok run testdata/corpus)")
		return exitUsage
	}
	// A path that does not exist is a typo, not a corpus without
	// documents: stop before anything in OUT is touched (`styrdok run
	// ~/mycorpsu` replaced the last run's reports with empty ones).
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(e.stderr, "styrdok run: %s: %v (nothing written)\n", quoteName(p), errors.Unwrap(err))
			return exitUsage
		}
	}
	if *lang != reports.LangSwedish && *lang != reports.LangEnglish {
		fmt.Fprintf(e.stderr, "styrdok run: --lang %q: sv or en\n", *lang)
		return exitUsage
	}
	if *minConf < 0 || *minConf > 1 {
		fmt.Fprintf(e.stderr, "styrdok run: --min-confidence %v: want a number from 0 to 1\n", *minConf)
		return exitUsage
	}
	reg, countyCode, err := resolveCounty(*county)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitUsage
	}
	parquet := false
	for _, f := range strings.Split(*format, ",") {
		switch strings.TrimSpace(f) {
		case "csv":
		case "parquet":
			parquet = true
		default:
			fmt.Fprintf(e.stderr, "styrdok run: --format %q: want csv, parquet or both (csv,parquet)\n", f)
			return exitUsage
		}
	}
	if *workers <= 0 {
		*workers = runtime.NumCPU()
	}
	started := time.Now()
	a, err := c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitUsage
	}
	a.MinConfidence = *minConf
	lock, err := lockOut(*out)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitFailure
	}
	defer lock.release()
	if err := cleanStale(*out); err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitFailure
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	asOf := c.asOf
	if asOf == "" {
		asOf = time.Now().Format("2006-01-02")
	}
	key := corpus.AnalysisKey{PipelineVersion: Version, CodebookHash: a.Codebook.Hash(), AsOf: asOf}

	// Ctrl-C and SIGTERM are ours from before the run is recorded in the
	// store, so an interrupted run is recorded as such, never left
	// "running" (the walk below is not interruptible; the analysis stops
	// before its first file).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first Ctrl-C, a second one kills at once (the default).
	go func() { <-ctx.Done(); stop() }()

	var st *corpus.Store
	var runID int64
	if !*noStore {
		path := *store
		if path == "" {
			path = filepath.Join(*out, corpus.DefaultStoreName)
		}
		if st, err = corpus.OpenStore(path); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return exitFailure
		}
		defer st.Close()
		cb, _ := json.Marshal(a.Codebook)
		if err := st.SaveCodebook(key.CodebookHash, cb); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return exitFailure
		}
		if runID, err = st.BeginRun(key, *workers, strings.Join(paths, " ")); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return exitFailure
		}
	}
	// finish records how the run ended in the store, so that its record
	// agrees with what is in OUT (a run whose reports failed is not
	// "completed", nor left "running").
	finish := func(end corpus.RunEnd) bool {
		if st == nil {
			return true
		}
		if err := st.FinishRun(runID, end); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
			return false
		}
		return true
	}

	files, problems := ingest.WalkWith(paths, ingest.WalkOptions{FollowSymlinks: *follow})
	if len(files) == 0 && len(problems) == 0 {
		fmt.Fprintf(e.stderr, "styrdok run: warning: no files found under %s\n", strings.Join(quoteNames(paths), ", "))
	}
	var inputs partInputs
	if shard.on() {
		files, problems, inputs = shard.split(paths, files, problems)
	}
	limits := corpus.LimitsKey(c.ingestOptions())
	// Everything besides the documents that the reports depend on.
	reportOptions := "format=" + *format + "\x00county=" + countyCode + "\x00skip=" + *skip + "\x00min-confidence=" + strconv.FormatFloat(*minConf, 'g', -1, 64)
	if shard.on() { // a part depends on its shard and on what every shard listed
		reportOptions += "\x00shard=" + shard.String() + "\x00inputs=" + inputs.Hash
	}
	if st != nil {
		if entries, ok := upToDate(st, key, limits, reportOptions, files, problems, *out); ok {
			return finishUpToDate(e, st, runID, entries, *out, *quiet)
		}
	}
	prog := newProgress(e.stderr, *quiet)
	// GOGC follows the live heap of the run (corpus.Collector), unless
	// the user set GOGC or GOMEMLIMIT.
	gc := corpus.TuneCollector()
	defer gc.Restore()
	// The analyses go to a spill file as they finish and the run keeps
	// only their summaries (issue 17: memory that does not grow with the
	// corpus); the report writers read them back one at a time. The file
	// is hidden in OUT under the staging prefix, so what a killed run
	// leaves is removed by the next (cleanStale).
	spill, err := corpus.NewSpill(*out, stagingPrefix+"spill-*")
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		finish(corpus.RunEnd{Status: "failed"})
		return exitFailure
	}
	defer spill.Close()
	res, err := corpus.Run(ctx, a, files, corpus.BatchOptions{Workers: *workers, Ingest: c.ingestOptions(),
		Progress: prog.update, Store: st, Key: key, RunID: runID, Spill: spill, Collector: gc})
	prog.finish()
	if *memprofile != "" { // the heap that stays live into the report writers
		runtime.GC()
		if err := writeHeapProfile(*memprofile); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
		}
	}
	gc.Retune() // the report writers make garbage over the same live rows
	if err != nil {
		finish(corpus.RunEnd{Status: "failed", Stats: res.Stats})
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitFailure
	}
	if ctx.Err() != nil || res.Interrupted {
		finish(corpus.RunEnd{Status: "interrupted", Stats: res.Stats})
		fmt.Fprintf(e.stderr, "styrdok: interrupted after %d of %d files; what was done is stored, run again to finish (reports not written)\n",
			res.Stats.Files-countInterrupted(res.Failures), res.Stats.Files)
		return exitInterrupted
	}
	// Stored analyses were decided at the threshold of their run; the
	// answer follows this run's (the candidates are stored).
	for _, d := range res.Documents {
		d.Municipality = d.Municipality.Decide(a.MinConfidence)
	}
	fails := append(res.Failures, analysis.WalkFailures(problems)...)
	for _, f := range analysis.WalkFailures(problems) {
		if f.Unsupported() {
			res.Stats.Unsupported++
		} else {
			res.Stats.Failed++
		}
	}
	res.Stats.Files += len(problems)
	sortFailures(fails)
	// A failed file is an error: printed even with --quiet.
	printFailures(e, fails)
	for _, d := range res.Documents {
		for _, w := range d.Warnings {
			fmt.Fprintf(e.stderr, "styrdok: %s: warning: %s\n", quoteName(d.File), w)
		}
	}
	var skipped []string
	for _, s := range strings.Split(*skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			skipped = append(skipped, s)
		}
	}
	rep := &reports.Report{Documents: res.Documents, Failures: fails, Codebook: a.Codebook, Registry: reg, County: countyCode, Skip: skipped, Lang: *lang,
		Run: &reports.RunInfo{Version: Version, Args: paths, Options: runOptions(fs, a, asOf), StartedAt: started, FinishedAt: time.Now()}}
	if res.Full != nil { // a nil *Documents in the interface would not read as "no source"
		rep.Source = res.Full
	}
	var outputs []corpus.OutputFile
	var removed []string
	if shard.on() {
		outputs, removed, err = writeShardOutputs(ctx, *out, rep, partMeta{Shard: shard.K, Of: shard.N, Version: Version, CodebookHash: key.CodebookHash,
			Limits: limits, AsOf: asOf, MinConfidence: strconv.FormatFloat(*minConf, 'g', -1, 64), Inputs: inputs, Args: paths, Options: rep.Run.Options}, parquet)
	} else {
		outputs, removed, err = writeReports(ctx, *out, rep, parquet)
	}
	if err != nil {
		status := "failed"
		if ctx.Err() != nil {
			status = "interrupted"
		}
		finish(corpus.RunEnd{Status: status, Stats: res.Stats, Failures: runFailures(fails)})
		if ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "styrdok: interrupted while writing the reports; the analyses are stored and the reports in %s are as before (run again to write them)\n", *out)
			return exitInterrupted
		}
		fmt.Fprintf(e.stderr, "styrdok run: %v (the reports in %s are as before)\n", err, *out)
		return exitFailure
	}
	for _, r := range removed {
		fmt.Fprintf(e.stderr, "styrdok: removed %s: an earlier run's report this run does not make\n", filepath.Join(*out, r))
	}
	if st != nil {
		var entries []inputEntry
		for _, f := range fails {
			entries = append(entries, failedInput(f))
		}
		for _, d := range res.Documents {
			entries = append(entries, inputEntry{path: d.File, sha256: d.SHA256})
		}
		end := corpus.RunEnd{Status: "completed", Stats: res.Stats, Failures: runFailures(fails), Inputs: inputsDigest(key, limits, reportOptions, entries), Outputs: outputs}
		if !finish(end) {
			return exitFailure
		}
	}
	return summarize(e, *quiet, len(res.Documents), res.Stats, fails, *out, false)
}

// readPaths reads the paths of `styrdok run -`: one a line (as find
// prints them), or NUL-separated (find -print0) when the input holds a
// NUL, so that names with newlines come through.
func readPaths(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, err
	}
	sep := "\n"
	if strings.Contains(string(data), "\x00") {
		sep = "\x00"
	}
	var out []string
	for _, p := range strings.Split(string(data), sep) {
		if p = strings.TrimSuffix(p, "\r"); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

func quoteNames(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = quoteName(p)
	}
	return out
}

func runFailures(fails []analysis.Failure) []corpus.RunFailure {
	rf := make([]corpus.RunFailure, 0, len(fails))
	for _, f := range fails {
		rf = append(rf, corpus.RunFailure{Path: f.File, Reason: f.Reason})
	}
	return rf
}

// printFailures prints one line per failed or skipped file, its name
// quoted when it would break the line.
func printFailures(e *env, fails []analysis.Failure) {
	for _, f := range fails {
		fmt.Fprintf(e.stderr, "styrdok: %s: %s\n", quoteName(f.File), f.Reason)
	}
}

// summarize prints a run's last line and returns its exit code. A full
// run and an up-to-date one count alike: failed files are those that
// could not be read (analysis.CountFailed); unsupported ones are skipped
// and counted apart, and alone do not make the run exit 1. With --quiet
// the line is left out, unless the run fails: then one line says why.
func summarize(e *env, quiet bool, analysed int, s corpus.RunStats, fails []analysis.Failure, out string, upToDate bool) int {
	failed := analysis.CountFailed(fails)
	where := "reports in " + out
	if upToDate {
		where += " are up to date"
	}
	switch {
	case !quiet:
		fmt.Fprintf(e.stderr, "styrdok: %d documents analysed (%d parsed, %d re-tagged from stored text, %d re-used), %d failed, %d unsupported; %s\n",
			analysed, s.Parsed, s.Retagged, s.Reused, failed, len(fails)-failed, where)
	case failed > 0:
		fmt.Fprintf(e.stderr, "styrdok: %d of %d files failed (listed above and in %s); exit 1\n", failed, s.Files, filepath.Join(out, "failures.csv"))
	}
	if failed > 0 {
		return exitFailure
	}
	return exitOK
}

// writeReports writes every report into a staging folder inside out,
// then moves them into out (publish). Writing stops the run's wait when
// ctx ends (Ctrl-C): the staging folder is removed and out keeps the
// previous reports, whole; a writer still busy writes into a folder that
// is gone, and the process exits.
func writeReports(ctx context.Context, out string, rep *reports.Report, parquet bool) ([]corpus.OutputFile, []string, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	staging, err := os.MkdirTemp(out, stagingPrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("output folder %s: %w", out, err)
	}
	type result struct {
		outputs []corpus.OutputFile
		err     error
	}
	done := make(chan result, 1)
	go func() {
		outputs, err := reports.WriteAll(staging, rep)
		if err == nil && parquet && ctx.Err() == nil {
			var written []corpus.OutputFile
			written, err = reports.WriteParquet(staging, rep)
			outputs = append(outputs, written...)
		}
		if ctx.Err() != nil {
			// Nobody waits for these reports: the writers may have made
			// the folder again after it was removed below (WriteAll
			// creates its folder). What a process that exits first
			// leaves is removed by the next run (cleanStale).
			os.RemoveAll(staging)
		}
		done <- result{outputs, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		// A writer still busy may create a file after a RemoveAll has
		// listed the folder, leaving it behind; give it a moment to
		// finish (it removes the folder itself when it sees the
		// interruption), then remove what is left. The next run
		// removes any staging folder a killed process left.
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
		os.RemoveAll(staging)
		return nil, nil, ctx.Err()
	}
	if r.err != nil {
		os.RemoveAll(staging)
		return nil, nil, r.err
	}
	if ctx.Err() != nil {
		os.RemoveAll(staging)
		return nil, nil, ctx.Err()
	}
	slices.SortFunc(r.outputs, func(a, b corpus.OutputFile) int { return strings.Compare(a.Name, b.Name) })
	removed, err := publish(staging, out, r.outputs)
	if err != nil {
		os.RemoveAll(staging)
		return nil, nil, err
	}
	return r.outputs, removed, nil
}

// inputEntry is one input of a run's reports: a document's path and its
// content hash, or a failed file's path and failure.
type inputEntry struct {
	path   string
	sha256 string            // a document's content hash
	fail   *analysis.Failure // a failed file's failure; nil for a document
}

func failedInput(f analysis.Failure) inputEntry { return inputEntry{path: f.File, fail: &f} }

// digestValue is how inputsDigest spells the entry: "sha256:" and the
// hash, or "fail:" and the reason. Written here only; nothing reads it
// back (the digest is compared whole).
func (en inputEntry) digestValue() string {
	if en.fail != nil {
		return "fail:" + en.fail.Reason
	}
	return "sha256:" + en.sha256
}

// inputsDigest fingerprints everything the reports depend on: pipeline
// version, codebook, reference date, limits, formats, and every file
// with its content hash or failure reason.
func inputsDigest(key corpus.AnalysisKey, limits, formats string, entries []inputEntry) string {
	sort.Slice(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\n", key.PipelineVersion, key.CodebookHash, key.AsOf, limits, formats)
	for _, en := range entries {
		fmt.Fprintf(h, "%s\x00%s\n", en.path, en.digestValue())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// upToDate reports whether the reports in out are exactly what this run
// would write: every file is unchanged since the store last saw it (by
// size and modification time, as for re-use), the inputs digest equals
// the last completed run's, and that run's report files are all there
// with the same content. Then nothing needs to be loaded or written.
func upToDate(st *corpus.Store, key corpus.AnalysisKey, limits, formats string, files []string, problems []*ingest.FileError, out string) ([]inputEntry, bool) {
	last, outputs, err := st.LastCompleted()
	if err != nil || last == "" || len(outputs) == 0 {
		return nil, false
	}
	known, err := st.FileStates()
	if err != nil {
		return nil, false
	}
	failed, err := st.FailureStates(key.PipelineVersion)
	if err != nil {
		return nil, false
	}
	entries := make([]inputEntry, 0, len(files)+len(problems))
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return nil, false
		}
		size, mtime := fi.Size(), fi.ModTime().UnixNano()
		if k, ok := known[f]; ok && k.Size == size && k.MtimeNS == mtime {
			entries = append(entries, inputEntry{path: f, sha256: k.SHA256})
		} else if k, ok := failed[f]; ok && k.Size == size && k.MtimeNS == mtime && k.Limits == limits {
			entries = append(entries, failedInput(analysis.StoredFailure(f, k.Reason)))
		} else {
			return nil, false
		}
	}
	for _, f := range analysis.WalkFailures(problems) {
		entries = append(entries, failedInput(f))
	}
	if inputsDigest(key, limits, formats, entries) != last {
		return nil, false
	}
	for _, o := range outputs {
		f, err := hashFile(filepath.Join(out, o.Name))
		if err != nil || f != o {
			return nil, false
		}
	}
	return entries, true
}

// finishUpToDate ends a run whose reports are up to date: it reports the
// failures and counts as a full run would (summarize), and records the run.
func finishUpToDate(e *env, st *corpus.Store, runID int64, entries []inputEntry, out string, quiet bool) int {
	var stats corpus.RunStats
	var fails []analysis.Failure
	for _, en := range entries {
		if f := en.fail; f != nil {
			fails = append(fails, *f)
			if f.Unsupported() {
				stats.Unsupported++
			} else {
				stats.Failed++
			}
		} else {
			stats.Reused++
		}
	}
	stats.Files = len(entries)
	last, outputs, _ := st.LastCompleted()
	if err := st.FinishRun(runID, corpus.RunEnd{Status: "completed", Stats: stats, Failures: runFailures(fails), Inputs: last, Outputs: outputs}); err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitFailure
	}
	sortFailures(fails)
	printFailures(e, fails) // errors: printed even with --quiet, as in a full run
	return summarize(e, quiet, stats.Reused, stats, fails, out, true)
}

func hashFile(path string) (corpus.OutputFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return corpus.OutputFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	return corpus.OutputFile{Name: filepath.Base(path), Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func countInterrupted(fails []analysis.Failure) int {
	n := 0
	for _, f := range fails {
		if f.Kind == analysis.FailInterrupted {
			n++
		}
	}
	return n
}

func sortFailures(f []analysis.Failure) {
	sort.SliceStable(f, func(i, j int) bool { return f[i].File < f[j].File })
}

// progress reports a run's progress on stderr: a redrawn bar when stderr
// is a terminal, a plain line every 5% otherwise, nothing with --quiet.
type progress struct {
	w        io.Writer
	quiet    bool
	tty      bool
	width    int // the terminal's columns: the redrawn line must fit, or each redraw wraps into a new line
	start    time.Time
	last     time.Time
	lastStep int
	drawn    bool
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		p.tty = isatty.IsTerminal(f.Fd())
		if p.tty {
			p.width = termWidth(f)
		}
	}
	if p.width <= 0 {
		p.width, _ = strconv.Atoi(os.Getenv("COLUMNS"))
	}
	if p.width <= 0 {
		p.width = 80
	}
	return p
}

func (p *progress) update(done, total, failed int, _ string) {
	if p.quiet || total == 0 {
		return
	}
	now := time.Now()
	el := now.Sub(p.start).Seconds()
	rate := float64(done) / max(el, 1e-9)
	eta := time.Duration(float64(total-done)/max(rate, 1e-9)) * time.Second
	if p.tty {
		if done < total && now.Sub(p.last) < 100*time.Millisecond {
			return
		}
		p.last = now
		fmt.Fprint(p.w, "\r"+progressLine(done, total, failed, rate, eta, p.width))
		p.drawn = true
		return
	}
	step := 20 * done / total
	if step > p.lastStep || done == total {
		p.lastStep = step
		fmt.Fprintf(p.w, "styrdok: %d/%d documents, %.0f/s, %d failed\n", done, total, rate, failed)
	}
}

// progressLine is the redrawn progress line, at most width-1 columns
// (the last column would wrap on some terminals): the bar shrinks to fit
// and goes when there is no room for it, then the text is cut.
func progressLine(done, total, failed int, rate float64, eta time.Duration, width int) string {
	text := fmt.Sprintf("%d/%d documents  %.0f/s  ETA %s  %d failed ", done, total, rate, eta.Round(time.Second), failed)
	room := width - 1
	bar := min(30, room-len(text)-3)
	if bar < 5 {
		if len(text) > room {
			text = text[:max(room, 0)]
		}
		return text
	}
	fill := bar * done / total
	return "[" + strings.Repeat("=", fill) + strings.Repeat(" ", bar-fill) + "] " + text
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
