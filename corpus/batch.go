package corpus

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/ingest"
)

// BatchOptions configure Run and AnalyzeFiles.
type BatchOptions struct {
	Workers  int            // parallel workers; 0 means the number of CPUs
	Ingest   ingest.Options // per-file limits
	Progress func(done, total, failed int, file string)

	// Store, when set, makes the run incremental: unchanged files are not
	// read again, known contents are not parsed again, and analyses made
	// with the same Key are re-used. New results are written to it.
	Store *Store
	// Key identifies the analyses Run may re-use and writes. Its
	// CodebookHash defaults to the analyzer's codebook.
	Key AnalysisKey
	// RunID is the store's record of this run (Store.BeginRun).
	RunID int64
	// KeepSegments keeps every analysis.DocumentAnalysis's Segments. By default
	// Run drops them once the document is tagged (they are in the store's
	// sentences table), so memory does not grow with the
	KeepSegments bool
	// Spill, when set, bounds the run's memory: each analysis goes to
	// the spill as it finishes and BatchResult.Documents holds only its
	// Summary; BatchResult.Full reads the analyses back one at a time.
	// KeepSegments is then ignored.
	Spill *Spill
	// Collector, when set, keeps GOGC tuned to the live heap as the
	// documents are done (TuneCollector).
	Collector *Collector
	// Limits, when set, is LimitsKey of Ingest as the caller finds it
	// (once; it may block while Tesseract is asked). Run calls it only
	// when a file's failure is looked up or recorded, so a run whose
	// files all read well never waits for it; nil: Run calls LimitsKey
	// itself, once, when a file first needs it.
	Limits func() string
}

// BatchResult is the outcome of Run: the documents sorted by file, the
// failures sorted by file, and what was done with each file.
type BatchResult struct {
	// Documents are the analyses, or with BatchOptions.Spill their
	// summaries (Summary), which Full reads back in full.
	Documents []*analysis.DocumentAnalysis
	Full      *Documents // nil without a spill
	Failures  []analysis.Failure
	Stats     RunStats
	// Problems are the store's rows that could not be used, each naming
	// its file and saying what was done instead (the file was analysed
	// or read again), sorted: the results do not suffer, but a damaged
	// store should not go unnoticed.
	Problems []StoreProblem
	// Interrupted: ctx was cancelled before every file was done; the
	// files not done are failures of kind analysis.FailInterrupted.
	Interrupted bool
	// kept counts the analyses kept from another codebook (batch.kept),
	// for tests: the reports cannot tell them from re-tagged ones.
	kept int
}

// StoreProblem is a file whose stored rows could not be used: Problem
// says which, why, and what was done instead.
type StoreProblem struct{ File, Problem string }

// How a file's analysis was obtained.
const (
	howFailed = iota
	howParsed
	howRetagged
	howReused
)

type outcome struct {
	doc  *analysis.DocumentAnalysis
	fail *analysis.Failure
	rec  *Record // what to write to the store; nil when nothing is new
	// packed is the analysis for the spill (S2-compressed encoding) when
	// the run has one; doc is then its Summary.
	packed []byte
	how    int
	file   string
	// problem, when set, says which stored rows of the file could not be
	// used (BatchResult.Problems).
	problem string
	// kept: the analysis is one made with another codebook that the
	// run's change of terms cannot touch (batch.kept).
	kept bool
	// summary is the document's record for the run's summaries file
	// (store_summaries.go), digest the SHA-256 of packed, when the run
	// has a store and a spill; nil when it could not be made.
	summary []byte
	digest  [sha256.Size]byte
	// lazy is set instead of packed when the summary came from the
	// summaries file: the stored analysis the spill reads on demand.
	lazy *storedAnalysis
}

// snapshot is what the store held when the run started.
type snapshot struct {
	files    map[string]FileState
	failures map[string]FailureState
	texts    map[string]bool
	analysed map[string]bool
	prepared map[string]bool // contents with a prepared analysis of the run's version
	// base is the stored codebook whose analyses a re-tag may keep
	// (baseFor), looked for once, when the first file needs re-tagging.
	baseOnce sync.Once
	base     *baseAnalyses
	// limits is LimitsKey of the run's options, found once and only
	// when a failure needs it: it asks whether Tesseract is installed
	// (two processes, about 0.1 s, which a run of text files need not
	// wait for).
	limits func() string
}

// AnalyzeFiles ingests and analyses files in parallel without a store,
// keeping each document's Segments. Every file ends up either in the
// results or in the failures, both sorted by file name.
func AnalyzeFiles(ctx context.Context, a *analysis.Analyzer, files []string, opt BatchOptions) ([]*analysis.DocumentAnalysis, []analysis.Failure) {
	opt.Store = nil
	opt.KeepSegments = true
	res, _ := Run(ctx, a, files, opt)
	return res.Documents, res.Failures
}

// Run ingests and analyses files in parallel, re-using and filling
// opt.Store when set. Every file ends up either in the documents or in
// the failures, both sorted by file name, so the result does not depend
// on scheduling; a panic while analysing one file becomes that file's
// failure. When ctx is cancelled, the files not yet done are failures
// ("run interrupted") and everything done so far is committed to the
// store. The error is a store error; the result is still complete then.
func Run(ctx context.Context, a *analysis.Analyzer, files []string, opt BatchOptions) (*BatchResult, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Key.CodebookHash == "" {
		opt.Key.CodebookHash = a.Codebook.Hash()
	}
	snap := &snapshot{limits: opt.Limits}
	if snap.limits == nil {
		snap.limits = sync.OnceValue(func() string { return LimitsKey(opt.Ingest) })
	}
	var w *StoreWriter
	if opt.Store != nil {
		var err error
		if snap.files, err = opt.Store.FileStates(); err != nil {
			return &BatchResult{}, err
		}
		if snap.failures, err = opt.Store.FailureStates(opt.Key.PipelineVersion); err != nil {
			return &BatchResult{}, err
		}
		if snap.texts, err = opt.Store.TextHashes(opt.Key.PipelineVersion); err != nil {
			return &BatchResult{}, err
		}
		if snap.analysed, err = opt.Store.AnalysedHashes(opt.Key); err != nil {
			return &BatchResult{}, err
		}
		if snap.prepared, err = opt.Store.PreparedHashes(opt.Key.PipelineVersion); err != nil {
			return &BatchResult{}, err
		}
		w = opt.Store.Writer(opt.RunID, opt.Key)
	}
	b := &batch{a: a}
	res := &BatchResult{}
	var sumw *summariesWriter
	if opt.Store != nil && opt.Spill != nil {
		opt.Spill.store = opt.Store
		path := opt.Store.Path() + SummariesSuffix
		var err error
		if b.summaries, err = openSummaries(path, opt.Key.PipelineVersion); err != nil {
			res.Problems = append(res.Problems, StoreProblem{File: path, Problem: err.Error()})
		}
		if sumw, err = newSummariesWriter(path, opt.Key.PipelineVersion, b.summaries); err != nil {
			res.Problems = append(res.Problems, StoreProblem{File: path, Problem: fmt.Sprintf("not written (%v)", err)})
			sumw = nil
		}
	}
	defer b.summaries.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The workers take the files in order by a shared index (nextFile),
	// not from a feeding goroutine: see its doc comment.
	var next nextFile
	// Room for the results of a store commit's duration: with room for
	// only one per worker, each worker waited about 0.25 s in all on
	// 2,000 documents while the store committed (fsync); the rows wait here
	// instead, a few MB at most.
	results := make(chan outcome, 16*workers+16)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := &workerScratch{strs: map[string]string{}}
			for {
				f, ok := next.take(ctx, files)
				if !ok {
					return
				}
				o := b.process(ctx, f, snap, &opt, ws)
				select {
				case results <- o:
				case <-ctx.Done(): // nobody reads any more: do not block
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var refs []spillRef
	var storeErr error
	seen := make(map[string]bool, len(files))
	done := 0
	// Once ctx is done, Run returns without waiting for the workers: a
	// file being parsed stops only at its own time limit (the parsers do
	// not see ctx), and Ctrl-C must not wait for that. Results already
	// sent are still taken and stored.
	stopped := ctx.Done()
	sums := new(analysis.SummaryArena) // with a spill, the summaries; their themes packed
	for {
		var o outcome
		var ok bool
		select {
		case o, ok = <-results:
		case <-stopped:
			select {
			case o, ok = <-results:
			default:
				ok = false
			}
		}
		if !ok {
			break
		}
		if ctx.Err() != nil && o.how == howFailed && o.fail.Kind == analysis.FailInterrupted {
			continue // listed below with the files never started
		}
		done++
		seen[o.file] = true
		if o.problem != "" {
			res.Problems = append(res.Problems, StoreProblem{File: o.file, Problem: o.problem})
		}
		if o.doc != nil && opt.Spill != nil && storeErr == nil {
			// Before the store's Add, which recycles o.packed's buffer
			// once written.
			// The bag leaves the summary for the spill's term file.
			var ref spillRef
			var err error
			if o.lazy != nil {
				ref, err = opt.Spill.addStored(o.lazy, o.digest, o.doc.Terms)
			} else {
				if o.summary == nil {
					o.digest = sha256.Sum256(o.packed)
				}
				ref, err = opt.Spill.add(o.packed, o.digest, o.doc.Terms)
			}
			if storeErr = err; err != nil {
				cancel()
			}
			refs = append(refs, ref)
			if sumw != nil && o.summary != nil {
				sumw.add(o.doc.SHA256, opt.Key, o.summary)
			}
			if o.lazy != nil && storeErr == nil {
				// A record's: the spill and the summaries writer have
				// taken what they keep of both.
				b.summaries.recycle(o.summary, o.doc.Terms)
			}
			o.doc.Terms = analysis.TermBag{}
		}
		if o.rec != nil && w != nil && storeErr == nil {
			if storeErr = w.Add(o.rec); storeErr != nil {
				cancel()
			}
		}
		switch o.how {
		case howFailed:
			res.Failures = append(res.Failures, *o.fail)
			if o.fail.Unsupported() {
				res.Stats.Unsupported++
			} else {
				res.Stats.Failed++
			}
		case howParsed:
			res.Stats.Parsed++
		case howRetagged:
			res.Stats.Retagged++
		case howReused:
			res.Stats.Reused++
		}
		if o.doc != nil {
			if opt.Spill != nil {
				o.doc = sums.Keep(o.doc) // held to the end of the run: in blocks
			}
			res.Documents = append(res.Documents, o.doc)
		}
		if o.kept {
			res.kept++
		}
		if done%tuneEvery == 0 {
			opt.Collector.Retune()
		}
		if opt.Progress != nil {
			opt.Progress(done, len(files), len(res.Failures), o.file)
		}
	}
	if w != nil && storeErr == nil {
		storeErr = w.Flush()
	}
	if opt.Spill != nil && storeErr == nil {
		storeErr = opt.Spill.finish()
	}
	if sumw != nil {
		// Only once the store holds what the entries summarise; the
		// file read so far is closed first (commit).
		if storeErr != nil {
			sumw.abort()
		} else if err := sumw.commit(b.summaries); err != nil {
			res.Problems = append(res.Problems, StoreProblem{File: sumw.path, Problem: err.Error()})
		}
		// b.summaries stays: a worker Run no longer waits for (it was
		// stopped) may still look it up, and gets an error (closed).
	}
	if done < len(files) {
		res.Interrupted = true
		for _, f := range files {
			if !seen[f] {
				res.Failures = append(res.Failures, analysis.Interrupted(f))
				res.Stats.Failed++
			}
		}
	}
	res.Stats.Files = len(files)
	analysis.ApplyDate(res.Documents, a.AsOf())
	if opt.Spill != nil && len(refs) == len(res.Documents) {
		// Sorted together: refs[i] is where res.Documents[i] is spilled.
		order := make([]int, len(refs))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool { return res.Documents[order[i]].File < res.Documents[order[j]].File })
		full := &Documents{spill: opt.Spill, refs: make([]spillRef, len(refs)), sums: make([]*analysis.DocumentAnalysis, len(refs)), arena: sums}
		for k, i := range order {
			full.refs[k], full.sums[k] = refs[i], res.Documents[i]
		}
		res.Documents, res.Full = full.sums, full
	} else {
		for _, d := range res.Documents { // no spill to read them with (the run stopped): the summaries whole again
			if d.Themes == nil {
				d.Themes = sums.Themes(d, nil)
			}
		}
		sort.Slice(res.Documents, func(i, j int) bool { return res.Documents[i].File < res.Documents[j].File })
	}
	sort.Slice(res.Failures, func(i, j int) bool { return res.Failures[i].File < res.Failures[j].File })
	sort.Slice(res.Problems, func(i, j int) bool { return res.Problems[i].File < res.Problems[j].File })
	return res, storeErr
}

// batch is what the workers of one Run share besides its options: the
// analyzer, and the working space of storing analyses, recycled from
// document to document.
type batch struct {
	a       *analysis.Analyzer
	records sync.Pool // *recordScratch (storeRecord)
	// summaries is the summaries file of the store as the run found it
	// (store_summaries.go); nil without one.
	summaries *summaries
}

// workerScratch is what one worker of Run keeps from file to file: the
// buffer files are read into (ingest.LoadInto) and the short strings of
// the analyses it decoded from the store (stems, terms, theme and kind
// names), shared among them: decoded one copy per document, they were
// most of an incremental run's garbage and of the heap the collector
// then walked.
type workerScratch struct {
	buf   []byte
	strs  map[string]string
	lower []byte // a text lower-cased (CodebookChange.Touches)
	plain []byte // a stored analysis decompressed (loadAnalysis)
	sums  summariesWindow
}

// maxSharedStrings bounds workerScratch.strs; when full it is cleared.
const maxSharedStrings = 200000

// process obtains one file's analysis the cheapest way the store allows:
// re-used as stored, re-tagged from its stored prepared analysis and
// text, analysed again from stored text, or read and parsed. A stored
// row that cannot be used is passed over for the next way, and named in
// the outcome's problem.
//
// The file's whole work, reading, parsing and analysis, is bounded by one
// deadline, opt.Ingest's timeout: the parser gets what is left of it, and
// analysis looks at it as it goes (AnalyzeContext).
func (b *batch) process(runCtx context.Context, path string, snap *snapshot, opt *BatchOptions, ws *workerScratch) (o outcome) {
	var problems []string
	defer func() {
		if p := recover(); p != nil {
			o = outcome{file: path, how: howFailed, fail: ptr(analysis.Internal(path, p))}
		}
		if len(problems) > 0 {
			if o.problem != "" {
				problems = append(problems, o.problem)
			}
			o.problem = strings.Join(problems, "; ")
		}
	}()
	if runCtx.Err() != nil {
		return outcome{file: path, how: howFailed, fail: ptr(analysis.Interrupted(path))}
	}
	timeout := ingest.DefaultOptions().Timeout
	if opt.Ingest.Timeout > 0 {
		timeout = opt.Ingest.Timeout
	}
	ctx, cancel := context.WithTimeout(runCtx, timeout)
	defer cancel()
	st := opt.Store
	var size, mtime int64
	statOK := false
	if st != nil {
		if fi, err := os.Stat(path); err == nil {
			size, mtime, statOK = fi.Size(), fi.ModTime().UnixNano(), true
		}
		if f, ok := snap.failures[path]; ok && statOK && f.Size == size && f.MtimeNS == mtime && f.Limits == snap.limits() {
			return outcome{file: path, how: howFailed, fail: ptr(analysis.StoredFailure(path, f.Reason))}
		}
		if known, ok := snap.files[path]; ok && statOK && known.Size == size && known.MtimeNS == mtime {
			if snap.analysed[known.SHA256] {
				o, err := b.loadAnalysis(st, known.SHA256, path, opt.Key, opt, ws)
				if err == nil {
					o.file, o.how = path, howReused
					return o
				}
				problems = append(problems, unusable("analysis", "analysed again", err))
			}
			if snap.texts[known.SHA256] {
				if o, ok := b.keptUnread(known.SHA256, path, snap, opt, ws); ok {
					return o
				}
				doc, err := st.LoadText(known.SHA256, opt.Key.PipelineVersion, path)
				if err == nil {
					return b.retag(ctx, doc, &Record{SHA256: doc.SHA256}, howRetagged, snap, opt, timeout, ws)
				}
				problems = append(problems, unusable("text", "read again", err))
			}
		}
	}
	failed := func(f analysis.Failure) outcome {
		o := outcome{file: path, how: howFailed, fail: &f}
		if st != nil && statOK {
			o.rec = &Record{Path: path, Size: size, MtimeNS: mtime, Failure: f.Reason, Limits: snap.limits()}
		}
		return o
	}
	// The parser's own clock starts when it starts, a little after ctx's
	// (reading the file): its deadline is at most the read's time later,
	// and its failure names the limit as given.
	doc, err := ingest.LoadInto(path, opt.Ingest, &ws.buf)
	if err != nil {
		if runCtx.Err() != nil { // stopped by Ctrl-C, not by the file
			return outcome{file: path, how: howFailed, fail: ptr(analysis.Interrupted(path))}
		}
		return failed(analysis.FailureOf(path, err))
	}
	// The parsers enforce the text budget as they extract; this is the
	// same bound for any text that reaches analysis, whatever produced
	// it, since analysis's memory grows with the text.
	maxText := ingest.DefaultOptions().MaxTextBytes
	if opt.Ingest.MaxTextBytes > 0 {
		maxText = opt.Ingest.MaxTextBytes
	}
	if int64(len(doc.Text)) > maxText {
		return failed(analysis.TooLarge(path, maxText))
	}
	rec := &Record{Path: path, Size: size, MtimeNS: mtime, SHA256: doc.SHA256}
	if !statOK { // not remembered: read again next time
		rec.Path = ""
	}
	if _, failed := snap.failures[path]; failed {
		rec.ClearFailure = true
	}
	if st != nil && snap.analysed[doc.SHA256] { // known content under a new path or a touched file
		o, err := b.loadAnalysis(st, doc.SHA256, path, opt.Key, opt, ws)
		if err == nil {
			o.file, o.rec, o.how = path, rec, howParsed
			return o
		}
		problems = append(problems, unusable("analysis", "analysed again", err))
	}
	if st != nil && !snap.texts[doc.SHA256] {
		rec.Text = doc
	}
	o = b.retag(ctx, doc, rec, howParsed, snap, opt, timeout, ws)
	if o.how == howFailed && o.fail.Kind != analysis.FailInterrupted && st != nil && statOK {
		o.rec = &Record{Path: path, Size: size, MtimeNS: mtime, Failure: o.fail.Reason, Limits: snap.limits()}
	}
	return o
}

// unusable says that a file's stored row of the kind named could not be
// used, why, and what was done instead (StoreProblem).
func unusable(what, instead string, err error) string {
	return fmt.Sprintf("the stored %s could not be used (%v); %s", what, err, instead)
}

// retag analyses doc with the run's codebook: re-tagged from its stored
// prepared analysis when the store has one for this content and version
// (analysis.Retag: the codebook-independent part is not done again),
// else, or when that one is damaged, afresh (analyzed), storing the
// prepared analysis for the next run.
func (b *batch) retag(ctx context.Context, doc *ingest.Document, rec *Record, how int, snap *snapshot, opt *BatchOptions, timeout time.Duration, ws *workerScratch) outcome {
	if opt.Store == nil {
		return b.analyzed(ctx, doc, rec, how, opt, timeout, false)
	}
	o, ok, problem := b.kept(doc, rec, how, snap, opt, ws)
	if ok {
		return o
	}
	if problem != "" {
		o := b.retagged(ctx, doc, rec, how, snap, opt, timeout, ws)
		o.problem = strings.Join(slices.DeleteFunc([]string{problem, o.problem}, func(s string) bool { return s == "" }), "; ")
		return o
	}
	return b.retagged(ctx, doc, rec, how, snap, opt, timeout, ws)
}

// retagged is retag without a kept analysis: from the prepared analysis
// when there is one, else afresh.
func (b *batch) retagged(ctx context.Context, doc *ingest.Document, rec *Record, how int, snap *snapshot, opt *BatchOptions, timeout time.Duration, ws *workerScratch) outcome {
	if !snap.prepared[doc.SHA256] {
		return b.analyzed(ctx, doc, rec, how, opt, timeout, true)
	}
	data, err := opt.Store.LoadPrepared(doc.SHA256, opt.Key.PipelineVersion)
	if err == nil {
		var d *analysis.DocumentAnalysis
		if len(ws.strs) > maxSharedStrings {
			clear(ws.strs)
		}
		if d, err = b.a.Retag(ctx, doc, data, ws.strs); !errors.Is(err, analysis.ErrPrepared) {
			return b.finished(doc, d, err, rec, how, opt, timeout)
		}
	}
	o := b.analyzed(ctx, doc, rec, how, opt, timeout, true) // its prepared analysis replaces the damaged one
	o.problem = unusable("prepared analysis", "analysed again", err)
	return o
}

// baseAnalyses is a codebook the store holds analyses of that differs
// from the run's in terms only (analysis.TermChange): the analyses of
// the documents the change cannot touch are the run's as they are.
type baseAnalyses struct {
	opt      BatchOptions // the run's, with the base codebook's key
	change   *analysis.CodebookChange
	analysed map[string]bool
}

// maxBaseCodebooks bounds the stored codebooks compared with the run's.
const maxBaseCodebooks = 8

// baseFor finds the run's base codebook once: of the codebooks the store
// holds analyses of by this pipeline version, latest run first, the
// first whose difference from the run's is terms only. A stored codebook
// whose hash this version does not give it again (other word lists,
// another codebook format) is passed over. Nil when there is none, or
// the store cannot say: the documents are then re-tagged.
func (s *snapshot) baseFor(a *analysis.Analyzer, opt *BatchOptions) *baseAnalyses {
	s.baseOnce.Do(func() {
		cbs, err := opt.Store.AnalysedCodebooks(opt.Key.PipelineVersion, opt.Key.CodebookHash, maxBaseCodebooks)
		if err != nil {
			return
		}
		for _, c := range cbs {
			old, err := analysis.ParseCodebook([]byte(c.JSON), "stored codebook "+c.Hash)
			if err != nil || old.Hash() != c.Hash {
				continue
			}
			change, ok := analysis.TermChange(old, a.Codebook)
			if !ok {
				continue
			}
			base := &baseAnalyses{opt: *opt, change: change}
			base.opt.Key.CodebookHash = c.Hash
			if base.analysed, err = opt.Store.AnalysedHashes(base.opt.Key); err != nil {
				return
			}
			s.base = base
			return
		}
	})
	return s.base
}

// kept is doc's analysis by the base codebook (baseFor), as stored, when
// the codebook change cannot touch doc: the spill and the reports get it
// as a re-used analysis, and the store a copy of its row (Record.
// KeptFrom). ok is false when there is none to keep; problem names a
// base analysis that could not be used (the document is re-tagged).
func (b *batch) kept(doc *ingest.Document, rec *Record, how int, snap *snapshot, opt *BatchOptions, ws *workerScratch) (o outcome, ok bool, problem string) {
	if !snap.prepared[doc.SHA256] {
		// Content new to the store (a changed file): no codebook has an
		// analysis of it to keep, and the stored codebooks are not
		// compared for nothing.
		return outcome{}, false, ""
	}
	base := snap.baseFor(b.a, opt)
	if base == nil || !base.analysed[doc.SHA256] {
		return outcome{}, false, ""
	}
	touched, lower := base.change.Touches(doc.Text, ws.lower)
	if cap(lower) <= 1<<20 { // a huge text's copy is not kept for the next
		ws.lower = lower[:0]
	}
	if touched {
		return outcome{}, false, ""
	}
	o, err := b.loadAnalysis(opt.Store, doc.SHA256, doc.Path, base.opt.Key, opt, ws)
	if err != nil {
		return outcome{}, false, unusable("analysis of codebook "+base.opt.Key.CodebookHash[:12], "re-tagged", err)
	}
	if f, ok := summaryRecordFilter(o.summary); ok && len(f) == 0 {
		o.summary = withTextFilter(o.summary, b.textFilter(doc.Text))
	}
	rec.KeptFrom = base.opt.Key.CodebookHash
	o.file, o.rec, o.how, o.kept = doc.Path, rec, how, true
	return o, true, ""
}

// analyzed analyses doc afresh and fills rec with the analysis to store,
// and, when prepare is set, with its prepared analysis. When ctx ends
// first the file fails: on its deadline with a reason naming the time
// limit, on the run's end as interrupted.
func (b *batch) analyzed(ctx context.Context, doc *ingest.Document, rec *Record, how int, opt *BatchOptions, timeout time.Duration, prepare bool) outcome {
	d, err := b.a.AnalyzeContext(ctx, doc)
	if err == nil && prepare {
		rs, _ := b.records.Get().(*recordScratch)
		if rs == nil {
			rs = new(recordScratch)
		}
		rs.data = analysis.AppendPrepared(rs.data[:0], d)
		rec.Prepared = s2.Encode(nil, rs.data)
		b.records.Put(rs)
	}
	return b.finished(doc, d, err, rec, how, opt, timeout)
}

// finished turns an analysis of doc (or the error that ended it) into
// the outcome: the failure, or the analysis with what to store and
// spill.
func (b *batch) finished(doc *ingest.Document, d *analysis.DocumentAnalysis, err error, rec *Record, how int, opt *BatchOptions, timeout time.Duration) outcome {
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return outcome{file: doc.Path, how: howFailed, fail: ptr(analysis.TimedOut(doc.Path, timeout))}
		}
		return outcome{file: doc.Path, how: howFailed, fail: ptr(analysis.Interrupted(doc.Path))}
	}
	analysis.NormalizeEmpty(d)
	o := outcome{file: doc.Path, doc: d, how: how}
	if opt.Spill != nil && opt.Store == nil {
		rs, _ := b.records.Get().(*recordScratch)
		if rs == nil {
			rs = new(recordScratch)
		}
		rs.data = analysis.AppendEncoded(rs.data[:0], d)
		o.packed = s2.Encode(nil, rs.data)
		b.records.Put(rs)
	}
	if opt.Store != nil {
		rs, _ := b.records.Get().(*recordScratch)
		if rs == nil {
			rs = new(recordScratch)
		}
		ar := storeRecord(d, rs)
		// Compressed and encoded here, in parallel, not in the one
		// writer; the encoding's buffer and the row slices are then free
		// for the next document (new ones each time were 110 MB of
		// garbage on 2,000 documents).
		opt.Store.Seal(ar)
		o.packed = ar.Packed() // the spill's copy: the same bytes as the store's
		rs.release(ar)
		b.records.Put(rs)
		rec.Analysis = ar
		o.rec = rec
	}
	if !opt.KeepSegments || opt.Spill != nil {
		b.a.RecycleSegments(d)
	}
	if opt.Spill != nil {
		o.doc = analysis.Summary(d)
		if opt.Store != nil {
			o.summarize(b.textFilter(doc.Text))
		}
	}
	return o
}

// summarize makes o's record for the summaries file from its summary
// and packed analysis, here in the worker rather than in Run's one
// collector.
func (o *outcome) summarize(filter []byte) {
	o.digest = sha256.Sum256(o.packed)
	o.summary = encodeSummaryRecord(o.doc, o.digest, filter)
}

// loadAnalysis decodes the stored analysis of content sha with key k
// (the run's, or for a kept analysis the base codebook's, batch.kept)
// into the outcome's doc; with a spill that is the analysis's Summary,
// and packed what to spill. The analysis is decompressed into the
// worker's buffer (ws.plain), which nothing decoded refers to. With a
// store and a spill the summary is taken from the summaries file when it
// has the analysis (store_summaries.go): the analysis is then not read
// at all, and the spill reads it from the store if a report writer
// needs it (outcome.lazy).
func (b *batch) loadAnalysis(st *Store, sha, path string, k AnalysisKey, opt *BatchOptions, ws *workerScratch) (outcome, error) {
	if len(ws.strs) > maxSharedStrings {
		clear(ws.strs)
	}
	if opt.Spill != nil {
		// A record that cannot be read or used is passed over: the
		// analysis is read from the store as without the file, and the
		// run writes its record again.
		if rec, err := b.summaries.lookup(sha, k, &ws.sums); err == nil && rec != nil {
			if d, sum, err := decodeSummaryRecord(rec, ws.strs, b.summaries.freeList()); err == nil && d.SHA256 == sha {
				d.File = path // the same content may sit under several paths
				return outcome{doc: d, summary: rec, digest: sum, lazy: &storedAnalysis{sha: sha, key: k}}, nil
			}
		}
	}
	packed, data, err := st.loadAnalysisPacked(sha, k, ws.plain)
	if err != nil {
		return outcome{}, err
	}
	// With a spill only the summary stays in memory, and the stored bytes
	// go to the spill as they are: the evidence, sections and actions are
	// read over, not built (analysis.DecodeSummary: decoding all of it
	// was 0.97 s of 1.4 s of keeping 2,000 analyses), and the reports
	// decode them from the spill once. Without a spill the run returns
	// whole analyses.
	decode := analysis.DecodeShared
	if opt.Spill != nil {
		decode = analysis.DecodeSummary
	}
	d, err := decode(data, ws.strs)
	ws.plain = data[:0]
	if cap(data) > 1<<22 { // a huge analysis's buffer is not kept for the next
		ws.plain = nil
	}
	if err != nil {
		return outcome{}, fmt.Errorf("%s: stored analysis: %w", path, err)
	}
	d.File = path // the same content may sit under several paths
	if opt.Spill == nil {
		return outcome{doc: d}, nil
	}
	o := outcome{doc: d, packed: packed}
	o.summarize(nil) // no text at hand: a filter is added when there is (batch.kept)
	return o, nil
}

// recordScratch is the working space of storeRecord, recycled once the
// record is sealed (Store.Seal: the store then needs only the
// compressed data and the rows' JSON).
type recordScratch struct {
	data  []byte
	lower []byte // a text lower-cased (batch.textFilter)
	sents []SentenceRow
	hits  []HitRow
}

// release takes back what r borrowed from rs; r is sealed.
func (rs *recordScratch) release(r *AnalysisRecord) {
	clear(r.Hits) // their matched words: no document's text stays alive
	rs.sents, rs.hits = r.Sentences[:0], r.Hits[:0]
	r.Data, r.Sentences, r.Hits = nil, nil, nil
}

// ptr is a pointer to a copy of v (outcome.fail).
func ptr[T any](v T) *T { return &v }

// grow returns s[:n], reallocated when its capacity is short, with no
// elements from earlier use (the caller clears them when done).
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// storeRecord converts an analysis to its stored form, in rs's space.
func storeRecord(d *analysis.DocumentAnalysis, rs *recordScratch) *AnalysisRecord {
	rs.data = analysis.AppendEncoded(rs.data[:0], d)
	data := rs.data
	meta := make([]string, len(analysis.MetadataFields))
	for i, f := range analysis.MetadataFields {
		meta[i] = f.Value(d)
	}
	r := &AnalysisRecord{Data: data, Document: DocumentRow{Metadata: meta,
		AttributionConfidence: d.Municipality.Confidence, AttributionReason: d.Municipality.Reason,
		Words: d.Words, Sentences: d.Sentences,
	}}
	r.Sentences = grow(rs.sents, len(d.Segments))
	for i, s := range d.Segments {
		r.Sentences[i] = SentenceRow{Index: s.Index, Start: s.Start, End: s.End, Page: s.Page, Kind: string(s.Kind), Section: s.Section}
	}
	nHits := 0
	for _, t := range d.Themes {
		nHits += len(t.Evidence)
	}
	r.Coverage = make([]CoverageRow, 0, len(d.Themes))
	r.Hits = slices.Grow(rs.hits[:0], nHits)
	for _, t := range d.Themes {
		r.Coverage = append(r.Coverage, CoverageRow{Theme: t.ID, Sentences: t.Sentences, Share: t.Share, Level: t.Level})
		for _, h := range t.Evidence {
			r.Hits = append(r.Hits, HitRow{Theme: t.ID, Sentence: h.Sentence, Score: h.Score, Matched: h.MatchedWords()})
		}
	}
	return r
}

// LimitsKey names the limits a file's failure may depend on (size,
// expansion, text, time), resolved to their defaults, and the OCR it
// was read with (ingest.OCRKey: the mode and whether Tesseract is
// installed). A stored failure is re-used only under the same key: a file
// that failed on --max-bytes must be read again when the limit is
// raised, a scan that failed without Tesseract once it is installed. It
// looks Tesseract up, so a batch calls it once.
func LimitsKey(o ingest.Options) string {
	d := ingest.DefaultOptions()
	pick := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	timeout := d.Timeout
	if o.Timeout > 0 {
		timeout = o.Timeout
	}
	return fmt.Sprintf("max-bytes=%d max-decompressed=%d max-text=%d timeout=%s ocr=%s",
		pick(o.MaxBytes, d.MaxBytes), pick(o.MaxDecompressedBytes, d.MaxDecompressedBytes), pick(o.MaxTextBytes, d.MaxTextBytes), timeout,
		ingest.OCRKey(context.Background(), o.OCR))
}
