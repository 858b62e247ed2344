package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
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
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
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

// runHelp is `styrdok run --help`'s description.
const runHelp = `
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
the same OUT while one is running fails at once (OUT/.lock).`

func cmdRun(e *env, args []string) int {
	fs := newFlags(e, "run", "PATH...", runHelp)
	f := newRunFlags(fs)
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	s, code, ok := f.settings(e, fs.Args())
	if !ok {
		return code
	}
	started := time.Now()
	a, err := f.c.analyzer(e)
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return exitUsage
	}
	a.MinConfidence = *f.minConf
	lock, err := lockOut(*f.out)
	if err != nil {
		return runError(e, err)
	}
	defer lock.release()
	if err := cleanStale(*f.out); err != nil {
		return runError(e, err)
	}
	if *f.cpuprofile != "" {
		stop, err := startCPUProfile(*f.cpuprofile)
		if err != nil {
			return runError(e, err)
		}
		defer stop()
	}
	j := &runJob{e: e, fs: fs, f: f, s: s, a: a, started: started, asOf: f.c.asOf}
	if j.asOf == "" {
		j.asOf = time.Now().Format("2006-01-02")
	}
	j.key = corpus.AnalysisKey{PipelineVersion: Version, CodebookHash: a.Codebook.Hash(), AsOf: j.asOf}

	// Ctrl-C and SIGTERM are ours from before the run is recorded in the
	// store, so an interrupted run is recorded as such, never left
	// "running" (the walk is not interruptible; the analysis stops
	// before its first file).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first Ctrl-C, a second one kills at once (the default).
	go func() { <-ctx.Done(); stop() }()
	if !*f.noStore {
		if err := j.openStore(); err != nil {
			return runError(e, err)
		}
		defer j.st.Close()
	}
	return j.run(ctx)
}

// runError prints err as `styrdok run`'s and returns exit code 1.
func runError(e *env, err error) int {
	fmt.Fprintln(e.stderr, "styrdok run:", err)
	return exitFailure
}

// runFlags are `styrdok run`'s options.
type runFlags struct {
	c                                      common
	out, store, format, skip, county, lang *string
	cpuprofile, memprofile, shard          *string
	noStore, quiet, follow                 *bool
	workers                                *int
	minConf                                *float64
}

func newRunFlags(fs *flag.FlagSet) *runFlags {
	f := &runFlags{}
	f.c.register(fs)
	f.out = fs.String("out", "styrdok-out", "output folder")
	fs.StringVar(f.out, "o", "styrdok-out", "output folder (short for --out)")
	f.store = fs.String("store", "", "store file (default: OUT/styrdok.db)")
	f.noStore = fs.Bool("no-store", false, "analyse everything from scratch without reading or writing a store")
	f.workers = fs.Int("workers", 0, "files analysed in parallel (default: number of CPUs)")
	f.format = fs.String("format", "csv", "output formats, comma-separated: csv, parquet (parquet adds documents, coverage_long and evidence .parquet files)")
	f.quiet = fs.Bool("quiet", false, "print nothing but errors")
	f.skip = fs.String("skip", "", "output files not to write, comma-separated (e.g. report.html,coverage.xlsx,documents.jsonl,similarity.csv)")
	f.minConf = fs.Float64("min-confidence", analysis.DefaultMinConfidence, "attribution confidence an answer needs; below it the municipality is unknown and the candidate is the runner-up (docs/validity.md)")
	f.county = fs.String("county", "", "county code or name (14, \"Västra Götaland\"): report only this county, every municipality a row (default: every county with a document)")
	f.follow = fs.Bool("follow-symlinks", false, "follow symbolic links that lead out of the folders given (by default they are listed, not read)")
	f.lang = fs.String("lang", reports.LangSwedish, "language of report.html: sv (theme labels from the codebook's label_sv) or en")
	f.cpuprofile = fs.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	f.memprofile = fs.String("memprofile", "", "write a heap profile to this file once the documents are analysed: what stays live into the report writers")
	f.shard = fs.String("shard", "", "K/N: analyse only shard K of N (each file's shard is a hash of its path under its PATH) and write OUT/part-K-of-N.parquet for 'styrdok merge' instead of the reports (docs/shards.md)")
	return f
}

// runSettings are a run's options and paths once checked.
type runSettings struct {
	paths      []string
	shard      shardSpec
	reg        *registry.Registry
	countyCode string
	parquet    bool
	skipped    []string // the output files --skip names
}

// settings checks the options and the paths (args); on a bad one it
// prints why and returns false with the exit code. It sets --workers'
// default.
func (f *runFlags) settings(e *env, args []string) (runSettings, int, bool) {
	var s runSettings
	var err error
	usage := func(err error) (runSettings, int, bool) {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return s, exitUsage, false
	}
	if s.shard, err = parseShard(*f.shard); err != nil {
		return usage(err)
	}
	s.paths = args
	if len(s.paths) == 1 && s.paths[0] == "-" {
		if s.paths, err = readPaths(e.stdin); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run: stdin:", err)
			return s, exitFailure, false
		}
	}
	if len(s.paths) == 0 {
		return usage(errors.New("no PATH given (try: styrdok run testdata/corpus)"))
	}
	// A path that does not exist is a typo, not a corpus without
	// documents: stop before anything in OUT is touched (`styrdok run
	// ~/mycorpsu` replaced the last run's reports with empty ones).
	for _, p := range s.paths {
		if _, err := os.Stat(p); err != nil {
			return usage(fmt.Errorf("%s: %v (nothing written)", quoteName(p), errors.Unwrap(err)))
		}
	}
	if err := checkLang(*f.lang); err != nil {
		return usage(err)
	}
	if *f.minConf < 0 || *f.minConf > 1 {
		return usage(fmt.Errorf("--min-confidence %v: want a number from 0 to 1", *f.minConf))
	}
	if s.reg, s.countyCode, err = resolveCounty(*f.county); err != nil {
		return usage(err)
	}
	if s.parquet, err = parseFormat(*f.format); err != nil {
		return usage(err)
	}
	if s.skipped, err = parseSkip(*f.skip, s.reg); err != nil {
		return usage(err)
	}
	if *f.workers <= 0 {
		*f.workers = runtime.NumCPU()
	}
	return s, exitOK, true
}

// checkLang checks --lang (run, merge).
func checkLang(lang string) error {
	if lang != reports.LangSwedish && lang != reports.LangEnglish {
		return fmt.Errorf("--lang %q: sv or en", lang)
	}
	return nil
}

// parseFormat reads --format (run, merge): whether the Parquet tables
// are written besides the CSVs.
func parseFormat(format string) (parquet bool, err error) {
	for _, f := range strings.Split(format, ",") {
		switch strings.TrimSpace(f) {
		case "csv":
		case "parquet":
			parquet = true
		default:
			return false, fmt.Errorf("--format %q: want csv, parquet or both (csv,parquet)", f)
		}
	}
	return parquet, nil
}

// parseSkip reads --skip (run, merge): the output files not to write. A
// name that is not an output file is an error listing those there are
// (reports.CheckSkip), not a file silently written after all.
func parseSkip(skip string, reg *registry.Registry) ([]string, error) {
	var names []string
	for _, name := range strings.Split(skip, ",") {
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return names, reports.CheckSkip(names, reg)
}

// startCPUProfile starts the CPU profile into path; stop ends it.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// runJob is one `styrdok run` once its options are checked: the
// analyzer, the key of its analyses and, unless --no-store, the store
// and the run's record in it.
type runJob struct {
	e       *env
	fs      *flag.FlagSet
	f       *runFlags
	s       runSettings
	a       *analysis.Analyzer
	key     corpus.AnalysisKey
	asOf    string
	started time.Time
	st      *corpus.Store // nil with --no-store
	runID   int64
	// reportOptions is everything besides the documents that the reports
	// depend on (run); reportsKey the key of this run's reports, "" when
	// they have none (run_reuse.go).
	reportOptions, reportsKey string
	// program is the program's signature and SHA-256 for the key file
	// (executableDigest); nil when the system gives no signature.
	program *outputSig
}

// openStore opens the store and records the run's start in it.
func (j *runJob) openStore() error {
	path := *j.f.store
	if path == "" {
		path = filepath.Join(*j.f.out, corpus.DefaultStoreName)
	}
	st, err := corpus.OpenStore(path)
	if err != nil {
		return err
	}
	cb, _ := json.Marshal(j.a.Codebook)
	if err := st.SaveCodebook(j.key.CodebookHash, cb); err != nil {
		st.Close()
		return err
	}
	if j.runID, err = st.BeginRun(j.key, *j.f.workers, strings.Join(j.s.paths, " ")); err != nil {
		st.Close()
		return err
	}
	j.st = st
	return nil
}

// finish records how the run ended in the store, so that its record
// agrees with what is in OUT (a run whose reports failed is not
// "completed", nor left "running").
func (j *runJob) finish(end corpus.RunEnd) bool {
	if j.st == nil {
		return true
	}
	if err := j.st.FinishRun(j.runID, end); err != nil {
		fmt.Fprintln(j.e.stderr, "styrdok run:", err)
		return false
	}
	return true
}

// run finds the files, and unless the reports are up to date analyses
// them (analyse), writes the reports (report) and records the run.
func (j *runJob) run(ctx context.Context) int {
	e, out := j.e, *j.f.out
	limits := newRunLimits(j.f.c.ingestOptions())
	files, problems := ingest.WalkWith(j.s.paths, ingest.WalkOptions{FollowSymlinks: *j.f.follow})
	if len(problems) > 0 || j.s.shard.on() {
		// Both need the full key (a failed file's entry; a part's
		// metadata): it is looked up beside the analysis, not after it.
		go limits.full()
	}
	if len(files) == 0 && len(problems) == 0 {
		fmt.Fprintf(e.stderr, "styrdok run: warning: no files found under %s\n", strings.Join(quoteNames(j.s.paths), ", "))
	}
	var inputs partInputs
	if j.s.shard.on() {
		files, problems, inputs = j.s.shard.split(j.s.paths, files, problems)
	}
	// Everything besides the documents that the reports depend on.
	// (--lang was missing: a re-run that changed only --lang found the
	// reports up to date and left report.html in the other language.)
	reportOptions := "format=" + *j.f.format + "\x00county=" + j.s.countyCode + "\x00skip=" + *j.f.skip + "\x00min-confidence=" + strconv.FormatFloat(*j.f.minConf, 'g', -1, 64) +
		"\x00lang=" + *j.f.lang
	if j.s.shard.on() { // a part depends on its shard and on what every shard listed
		reportOptions += "\x00shard=" + j.s.shard.String() + "\x00inputs=" + inputs.Hash
	}
	j.reportOptions = reportOptions
	if j.st != nil {
		if entries, ok := upToDate(j.st, j.key, limits, reportOptions, files, problems, out, j.outputSigs()); ok {
			return finishUpToDate(e, j.st, j.runID, entries, out, *j.f.quiet)
		}
	}
	prog := newProgress(e.stderr, *j.f.quiet)
	// GOGC follows the live heap of the run and of the report writers
	// (corpus.Collector), unless the user set GOGC or GOMEMLIMIT.
	gc := corpus.TuneCollector()
	defer gc.Restore()
	// The analyses go to a spill file as they finish and the run keeps
	// only their summaries (issue 17: memory that does not grow with the
	// corpus); the report writers read them back one at a time. The file
	// is hidden in OUT under the staging prefix, so what a killed run
	// leaves is removed by the next (cleanStale).
	spill, err := corpus.NewSpill(out, stagingPrefix+"spill-*")
	if err != nil {
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		j.finish(corpus.RunEnd{Status: "failed"})
		return exitFailure
	}
	defer spill.Close()
	res, code, ok := j.analyse(ctx, files, prog, corpus.BatchOptions{Workers: *j.f.workers, Ingest: j.f.c.ingestOptions(),
		Progress: prog.update, Store: j.st, Key: j.key, RunID: j.runID, Spill: spill, Collector: gc, Limits: limits.full})
	if !ok {
		return code
	}
	fails := j.failures(res, problems)
	partLimits := ""
	if j.s.shard.on() {
		partLimits = limits.full()
	}
	outputs, code, ok := j.report(ctx, res, fails, partLimits, inputs)
	if !ok {
		return code
	}
	if j.st != nil {
		var entries []inputEntry
		for _, f := range fails {
			entries = append(entries, failedInput(f))
		}
		for _, d := range res.Documents {
			entries = append(entries, inputEntry{path: d.File, sha256: d.SHA256})
		}
		end := corpus.RunEnd{Status: "completed", Stats: res.Stats, Failures: runFailures(fails), Inputs: inputsDigest(j.key, limits.digest(entries), reportOptions, entries), Outputs: outputs}
		if !j.finish(end) {
			return exitFailure
		}
		if !j.s.shard.on() {
			if j.reportsKey != "" {
				j.saveReportsKey(j.reportsKey, out, outputs)
			} else {
				j.forgetReportsKey()
			}
		}
	}
	return summarize(e, *j.f.quiet, len(res.Documents), res.Stats, fails, out, false)
}

// analyse runs the batch over files (corpus.Run); on a store error or
// an interruption it records the run's end, prints why and returns false
// with the exit code. The answers of stored analyses are decided again
// at this run's threshold.
func (j *runJob) analyse(ctx context.Context, files []string, prog *progress, opt corpus.BatchOptions) (*corpus.BatchResult, int, bool) {
	e := j.e
	res, err := corpus.Run(ctx, j.a, files, opt)
	prog.finish()
	for _, p := range res.Problems { // a damaged store: said, even with --quiet, as errors are
		fmt.Fprintf(e.stderr, "styrdok: %s: warning: %s\n", quoteName(p.File), p.Problem)
	}
	if *j.f.memprofile != "" { // the heap that stays live into the report writers
		runtime.GC()
		if err := writeHeapProfile(*j.f.memprofile); err != nil {
			fmt.Fprintln(e.stderr, "styrdok run:", err)
		}
	}
	opt.Collector.Retune() // the report writers make garbage over the same live rows
	if err != nil {
		j.finish(corpus.RunEnd{Status: "failed", Stats: res.Stats})
		fmt.Fprintln(e.stderr, "styrdok run:", err)
		return nil, exitFailure, false
	}
	if ctx.Err() != nil || res.Interrupted {
		j.finish(corpus.RunEnd{Status: "interrupted", Stats: res.Stats})
		fmt.Fprintf(e.stderr, "styrdok: interrupted after %d of %d files; what was done is stored, run again to finish (reports not written)\n",
			res.Stats.Files-countInterrupted(res.Failures), res.Stats.Files)
		return nil, exitInterrupted, false
	}
	// Stored analyses were decided at the threshold of their run; the
	// answer follows this run's (the candidates are stored).
	analysis.DecideAgain(res.Documents, j.a.MinConfidence)
	return res, exitOK, true
}

// failures are the run's failures with the problems the walk met,
// sorted and printed (errors: even with --quiet), and counted in
// res.Stats; the documents' warnings are printed too.
func (j *runJob) failures(res *corpus.BatchResult, problems []*ingest.FileError) []analysis.Failure {
	walked := analysis.WalkFailures(problems)
	fails := append(res.Failures, walked...)
	for _, f := range walked {
		if f.Unsupported() {
			res.Stats.Unsupported++
		} else {
			res.Stats.Failed++
		}
	}
	res.Stats.Files += len(problems)
	sortFailures(fails)
	printFailures(j.e, fails)
	for _, d := range res.Documents {
		for _, w := range d.Warnings {
			fmt.Fprintf(j.e.stderr, "styrdok: %s: warning: %s\n", quoteName(d.File), w)
		}
	}
	return fails
}

// report writes the reports (or with --shard the part file) into OUT;
// when that fails it records the run's end, prints why and returns
// false with the exit code.
func (j *runJob) report(ctx context.Context, res *corpus.BatchResult, fails []analysis.Failure, limits string, inputs partInputs) ([]corpus.OutputFile, int, bool) {
	e, out := j.e, *j.f.out
	rep := &reports.Report{Documents: res.Documents, Failures: fails, Codebook: j.a.Codebook, Registry: j.s.reg, County: j.s.countyCode, Skip: j.s.skipped, Lang: *j.f.lang,
		Run: &reports.RunInfo{Version: Version, Args: j.s.paths, Options: runOptions(j.fs, j.a, j.asOf), StartedAt: j.started, FinishedAt: time.Now()}}
	if res.Full != nil { // a nil *Documents in the interface would not read as "no source"
		rep.Source = res.Full
	}
	if j.st != nil && !j.s.shard.on() { // beside the store: what the next run's similarity needs
		rep.SimilarityState = j.st.Path() + ".simstate"
		// and what the per-document writers rendered (reports' fragments)
		rep.Fragments = j.st.Path() + ".fragments"
	}
	var outputs []corpus.OutputFile
	var removed []string
	var err error
	if j.st != nil && !j.s.shard.on() {
		j.reportsKey, _ = j.reportsKeyOf(res, fails)
		rep.Previous = j.previousOutputs(out)
	}
	if j.s.shard.on() {
		outputs, removed, err = writeShardOutputs(ctx, out, rep, partMeta{Shard: j.s.shard.K, Of: j.s.shard.N, Version: Version, CodebookHash: j.key.CodebookHash,
			Limits: limits, AsOf: j.asOf, MinConfidence: strconv.FormatFloat(*j.f.minConf, 'g', -1, 64), Inputs: inputs, Args: j.s.paths, Options: rep.Run.Options}, j.s.parquet)
	} else if old, ok := j.keptReports(out, j.reportsKey); ok {
		outputs, removed, err = writeRunJSONOnly(out, rep, old)
	} else {
		outputs, removed, err = writeReports(ctx, out, rep, j.s.parquet)
	}
	if err != nil {
		status := "failed"
		if ctx.Err() != nil {
			status = "interrupted"
		}
		j.finish(corpus.RunEnd{Status: status, Stats: res.Stats, Failures: runFailures(fails)})
		if ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "styrdok: interrupted while writing the reports; the analyses are stored and the reports in %s are as before (run again to write them)\n", out)
			return nil, exitInterrupted, false
		}
		fmt.Fprintf(e.stderr, "styrdok run: %v (the reports in %s are as before)\n", err, out)
		return nil, exitFailure, false
	}
	for _, r := range removed {
		fmt.Fprintf(e.stderr, "styrdok: removed %s: an earlier run's report this run does not make\n", filepath.Join(out, r))
	}
	if w := rep.SimilarityWarning(); w != "" {
		fmt.Fprintf(e.stderr, "styrdok: %s: warning: %s\n", quoteName(rep.SimilarityState), w)
	}
	if n := rep.FragmentsNote(); n != "" {
		fmt.Fprintf(e.stderr, "styrdok: %s: note: %s\n", quoteName(rep.Fragments), n)
	}
	return outputs, exitOK, true
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

// runLimits is a run's limits as the inputs digest and the stored
// failures name them (corpus.LimitsKey). The full key names the OCR
// too, which asks Tesseract (two processes, --list-langs and
// --version: about 0.2 s of CPU, a fifth of a one-file re-run of 1,000
// text files, issue 17 item 3); it is looked up only when a failure
// needs it.
type runLimits struct {
	// full is corpus.LimitsKey of the run's options, found once.
	full func() string
	// noOCR is the key of the same limits and OCR mode without asking
	// Tesseract: what the inputs digest names when no file failed. OCR
	// decides only whether a file fails (a stored failure is re-used
	// under the same key: corpus.LimitsKey), so without a failure the
	// reports depend on the mode, not on the Tesseract installed.
	noOCR string
}

func newRunLimits(o ingest.Options) *runLimits {
	without := o
	without.OCR = ingest.OCRNever
	return &runLimits{full: sync.OnceValue(func() string { return corpus.LimitsKey(o) }), noOCR: corpus.LimitsKey(without) + " ocr-mode=" + o.OCR.String()}
}

// digest is the limits as the inputs digest over entries names them:
// the full key when an entry is a failure, else noOCR.
func (l *runLimits) digest(entries []inputEntry) string {
	for _, en := range entries {
		if en.fail != nil {
			return l.full()
		}
	}
	return l.noOCR
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
func upToDate(st *corpus.Store, key corpus.AnalysisKey, limits *runLimits, formats string, files []string, problems []*ingest.FileError, out string, sigs fileSigs) ([]inputEntry, bool) {
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
		} else if k, ok := failed[f]; ok && k.Size == size && k.MtimeNS == mtime && k.Limits == limits.full() {
			entries = append(entries, failedInput(analysis.StoredFailure(f, k.Reason)))
		} else {
			return nil, false
		}
	}
	for _, f := range analysis.WalkFailures(problems) {
		entries = append(entries, failedInput(f))
	}
	if inputsDigest(key, limits.digest(entries), formats, entries) != last {
		return nil, false
	}
	for _, o := range outputs {
		if !sigs.sameOutput(out, o) {
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
