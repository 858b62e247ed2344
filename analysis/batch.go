package analysis

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
)

// Failure is a file that could not be analysed, with the reason.
type Failure struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Unsupported reports a file that is not a document styrdok reads (an
// image, an archive): it is skipped and listed, not failed. The reason
// says so (ingest.ErrUnsupported's text), so cached failures keep it.
func (f Failure) Unsupported() bool {
	return strings.HasPrefix(f.Reason, ingest.ErrUnsupported.Error())
}

// Status is "unsupported" for skipped non-documents, "failed" otherwise.
func (f Failure) Status() string {
	if f.Unsupported() {
		return "unsupported"
	}
	return "failed"
}

// CountFailed counts the failures that are not unsupported files: these
// make `styrdok run` exit 1.
func CountFailed(fs []Failure) int {
	n := 0
	for _, f := range fs {
		if !f.Unsupported() {
			n++
		}
	}
	return n
}

// BatchOptions configure Run and AnalyzeFiles.
type BatchOptions struct {
	Workers  int            // parallel workers; 0 means the number of CPUs
	Ingest   ingest.Options // per-file limits
	Progress func(done, total, failed int, file string)

	// Store, when set, makes the run incremental: unchanged files are not
	// read again, known contents are not parsed again, and analyses made
	// with the same Key are re-used. New results are written to it.
	Store *corpus.Store
	// Key identifies the analyses Run may re-use and writes. Its
	// CodebookHash defaults to the analyzer's codebook.
	Key corpus.AnalysisKey
	// RunID is the store's record of this run (corpus.Store.BeginRun).
	RunID int64
	// KeepSegments keeps every DocumentAnalysis's Segments. By default
	// Run drops them once the document is tagged (they are in the store's
	// sentences table), so memory does not grow with the corpus.
	KeepSegments bool
	// Spill, when set, bounds the run's memory: each analysis goes to
	// the spill as it finishes and BatchResult.Documents holds only its
	// Summary; BatchResult.Full reads the analyses back one at a time.
	// KeepSegments is then ignored.
	Spill *Spill
}

// BatchResult is the outcome of Run: the documents sorted by file, the
// failures sorted by file, and what was done with each file.
type BatchResult struct {
	// Documents are the analyses, or with BatchOptions.Spill their
	// summaries (Summary), which Full reads back in full.
	Documents []*DocumentAnalysis
	Full      *Documents // nil without a spill
	Failures  []Failure
	Stats     corpus.RunStats
	// Interrupted: ctx was cancelled before every file was done; the
	// files not done are failures with ReasonInterrupted.
	Interrupted bool
}

// ReasonInterrupted is the failure reason of the files a cancelled Run
// did not finish.
const ReasonInterrupted = "not analysed: run interrupted"

// How a file's analysis was obtained.
const (
	howFailed = iota
	howParsed
	howRetagged
	howReused
)

type outcome struct {
	doc  *DocumentAnalysis
	fail *Failure
	rec  *corpus.Record // what to write to the store; nil when nothing is new
	// packed is the analysis for the spill (S2-compressed encoding) when
	// the run has one; doc is then its Summary.
	packed []byte
	how    int
	file   string
	// interrupted: the run's ctx stopped the file, not its own limits.
	interrupted bool
}

// snapshot is what the store held when the run started.
type snapshot struct {
	files    map[string]corpus.FileState
	failures map[string]corpus.FailureState
	texts    map[string]bool
	analysed map[string]bool
	// limits is LimitsKey of the run's options, found once: it asks
	// whether Tesseract is installed.
	limits string
}

// AnalyzeFiles ingests and analyses files in parallel without a store,
// keeping each document's Segments. Every file ends up either in the
// results or in the failures, both sorted by file name.
func (a *Analyzer) AnalyzeFiles(ctx context.Context, files []string, opt BatchOptions) ([]*DocumentAnalysis, []Failure) {
	opt.Store = nil
	opt.KeepSegments = true
	res, _ := a.Run(ctx, files, opt)
	return res.Documents, res.Failures
}

// Run ingests and analyses files in parallel, re-using and filling
// opt.Store when set. Every file ends up either in the documents or in
// the failures, both sorted by file name, so the result does not depend
// on scheduling; a panic while analysing one file becomes that file's
// failure. When ctx is cancelled, the files not yet done are failures
// ("run interrupted") and everything done so far is committed to the
// store. The error is a store error; the result is still complete then.
func (a *Analyzer) Run(ctx context.Context, files []string, opt BatchOptions) (*BatchResult, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Key.CodebookHash == "" {
		opt.Key.CodebookHash = a.Codebook.Hash()
	}
	snap := &snapshot{limits: LimitsKey(opt.Ingest)}
	var w *corpus.StoreWriter
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
		w = opt.Store.Writer(opt.RunID, opt.Key)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan string)
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
			for f := range jobs {
				o := a.process(ctx, f, snap, &opt, ws)
				select {
				case results <- o:
				case <-ctx.Done(): // nobody reads any more: do not block
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	res := &BatchResult{}
	var refs []spillRef
	var terms [][]uint64
	var packer termPacker
	var storeErr error
	seen := make(map[string]bool, len(files))
	done := 0
	// Once ctx is done, Run returns without waiting for the workers: a
	// file being parsed stops only at its own time limit (the parsers do
	// not see ctx), and Ctrl-C must not wait for that. Results already
	// sent are still taken and stored.
	stopped := ctx.Done()
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
		if ctx.Err() != nil && o.how == howFailed && o.interrupted {
			continue // listed below with the files never started
		}
		done++
		seen[o.file] = true
		if o.doc != nil && opt.Spill != nil && storeErr == nil {
			// Before the store's Add, which recycles o.packed's buffer
			// once written.
			ref, err := opt.Spill.add(o.packed)
			if storeErr = err; err != nil {
				cancel()
			}
			refs = append(refs, ref)
			// The bag leaves the summary for its packed form.
			terms = append(terms, packer.pack(o.doc.Terms))
			o.doc.Terms = TermBag{}
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
			res.Documents = append(res.Documents, o.doc)
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
	if done < len(files) {
		res.Interrupted = true
		for _, f := range files {
			if !seen[f] {
				res.Failures = append(res.Failures, Failure{File: f, Reason: ReasonInterrupted})
				res.Stats.Failed++
			}
		}
	}
	res.Stats.Files = len(files)
	ApplyDate(res.Documents, a.asOf)
	if opt.Spill != nil && len(refs) == len(res.Documents) {
		// Sorted together: refs[i] is where res.Documents[i] is spilled.
		order := make([]int, len(refs))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool { return res.Documents[order[i]].File < res.Documents[order[j]].File })
		full := &Documents{spill: opt.Spill, refs: make([]spillRef, len(refs)), sums: make([]*DocumentAnalysis, len(refs)),
			terms: make([][]uint64, len(refs)), vocab: packer.vocab}
		for k, i := range order {
			full.refs[k], full.sums[k], full.terms[k] = refs[i], res.Documents[i], terms[i]
		}
		res.Documents, res.Full = full.sums, full
	} else {
		sort.Slice(res.Documents, func(i, j int) bool { return res.Documents[i].File < res.Documents[j].File })
	}
	sort.Slice(res.Failures, func(i, j int) bool { return res.Failures[i].File < res.Failures[j].File })
	return res, storeErr
}

// workerScratch is what one worker of Run keeps from file to file: the
// buffer files are read into (ingest.LoadInto) and the short strings of
// the analyses it decoded from the store (stems, terms, theme and kind
// names), shared among them: decoded one copy per document, they were
// most of an incremental run's garbage and of the heap the collector
// then walked.
type workerScratch struct {
	buf  []byte
	strs map[string]string
}

// maxSharedStrings bounds workerScratch.strs; when full it is cleared.
const maxSharedStrings = 200000

// process obtains one file's analysis the cheapest way the store allows:
// re-used as stored, re-tagged from stored text, or read and parsed.
//
// The file's whole work, reading, parsing and analysis, is bounded by one
// deadline, opt.Ingest's timeout: the parser gets what is left of it, and
// analysis looks at it as it goes (AnalyzeContext).
func (a *Analyzer) process(runCtx context.Context, path string, snap *snapshot, opt *BatchOptions, ws *workerScratch) (o outcome) {
	o.file = path
	defer func() {
		if p := recover(); p != nil {
			o = outcome{file: path, how: howFailed, fail: &Failure{File: path, Reason: fmt.Sprintf("internal error while analysing: %v", p)}}
		}
	}()
	if runCtx.Err() != nil {
		return outcome{file: path, how: howFailed, interrupted: true, fail: &Failure{File: path, Reason: ReasonInterrupted}}
	}
	timeout := ingest.DefaultOptions().Timeout
	if opt.Ingest.Timeout > 0 {
		timeout = opt.Ingest.Timeout
	}
	ctx, cancel := context.WithTimeout(runCtx, timeout)
	defer cancel()
	limits := snap.limits
	st := opt.Store
	var size, mtime int64
	statOK := false
	if st != nil {
		if fi, err := os.Stat(path); err == nil {
			size, mtime, statOK = fi.Size(), fi.ModTime().UnixNano(), true
		}
		if f, ok := snap.failures[path]; ok && statOK && f.Size == size && f.MtimeNS == mtime && f.Limits == limits {
			return outcome{file: path, how: howFailed, fail: &Failure{File: path, Reason: f.Reason}}
		}
		if known, ok := snap.files[path]; ok && statOK && known.Size == size && known.MtimeNS == mtime {
			if snap.analysed[known.SHA256] {
				if d, packed, err := a.loadAnalysis(st, known.SHA256, path, opt, ws); err == nil {
					return outcome{file: path, doc: d, packed: packed, how: howReused}
				}
			}
			if snap.texts[known.SHA256] {
				if doc, err := st.LoadText(known.SHA256, opt.Key.PipelineVersion, path); err == nil {
					return a.analyzed(ctx, doc, &corpus.Record{SHA256: doc.SHA256}, howRetagged, opt, timeout)
				}
			}
		}
	}
	failed := func(reason string) outcome {
		o := outcome{file: path, how: howFailed, fail: &Failure{File: path, Reason: reason}}
		if st != nil && statOK {
			o.rec = &corpus.Record{Path: path, Size: size, MtimeNS: mtime, Failure: reason, Limits: limits}
		}
		return o
	}
	// The parser's own clock starts when it starts, a little after ctx's
	// (reading the file): its deadline is at most the read's time later,
	// and its failure names the limit as given.
	doc, err := ingest.LoadInto(path, opt.Ingest, &ws.buf)
	if err != nil {
		if runCtx.Err() != nil { // stopped by Ctrl-C, not by the file
			return outcome{file: path, how: howFailed, interrupted: true, fail: &Failure{File: path, Reason: ReasonInterrupted}}
		}
		return failed(ReasonOf(err))
	}
	// The parsers enforce the text budget as they extract; this is the
	// same bound for any text that reaches analysis, whatever produced
	// it, since analysis's memory grows with the text.
	maxText := ingest.DefaultOptions().MaxTextBytes
	if opt.Ingest.MaxTextBytes > 0 {
		maxText = opt.Ingest.MaxTextBytes
	}
	if int64(len(doc.Text)) > maxText {
		return failed(fmt.Sprintf("extracted text exceeds the text limit (%d bytes; --max-text)", maxText))
	}
	rec := &corpus.Record{Path: path, Size: size, MtimeNS: mtime, SHA256: doc.SHA256}
	if !statOK { // not remembered: read again next time
		rec.Path = ""
	}
	if _, failed := snap.failures[path]; failed {
		rec.ClearFailure = true
	}
	if st != nil && snap.analysed[doc.SHA256] { // known content under a new path or a touched file
		if d, packed, err := a.loadAnalysis(st, doc.SHA256, path, opt, ws); err == nil {
			return outcome{file: path, doc: d, packed: packed, rec: rec, how: howParsed}
		}
	}
	if st != nil && !snap.texts[doc.SHA256] {
		rec.Text = doc
	}
	o = a.analyzed(ctx, doc, rec, howParsed, opt, timeout)
	if o.how == howFailed && !o.interrupted && st != nil && statOK {
		o.rec = &corpus.Record{Path: path, Size: size, MtimeNS: mtime, Failure: o.fail.Reason, Limits: limits}
	}
	return o
}

// analyzed analyses doc and fills rec with the analysis to store. When
// ctx ends first the file fails: on its deadline with a reason naming
// the time limit, on the run's end as interrupted.
func (a *Analyzer) analyzed(ctx context.Context, doc *ingest.Document, rec *corpus.Record, how int, opt *BatchOptions, timeout time.Duration) outcome {
	d, err := a.AnalyzeContext(ctx, doc)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return outcome{file: doc.Path, how: howFailed, fail: &Failure{File: doc.Path,
				Reason: fmt.Sprintf("reading and analysing took longer than the time limit (%s; --timeout)", timeout)}}
		}
		return outcome{file: doc.Path, how: howFailed, interrupted: true, fail: &Failure{File: doc.Path, Reason: ReasonInterrupted}}
	}
	NormalizeEmpty(d)
	o := outcome{file: doc.Path, doc: d, how: how}
	if opt.Spill != nil && opt.Store == nil {
		rs, _ := a.records.Get().(*recordScratch)
		if rs == nil {
			rs = new(recordScratch)
		}
		rs.data = appendAnalysis(rs.data[:0], d)
		o.packed = s2.Encode(nil, rs.data)
		a.records.Put(rs)
	}
	if opt.Store != nil {
		rs, _ := a.records.Get().(*recordScratch)
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
		a.records.Put(rs)
		rec.Analysis = ar
		o.rec = rec
	}
	if !opt.KeepSegments || opt.Spill != nil {
		a.recycleSegments(d)
	}
	if opt.Spill != nil {
		o.doc = Summary(d)
	}
	return o
}

// loadAnalysis decodes a stored analysis; with a spill it returns the
// analysis's Summary and what to spill.
func (a *Analyzer) loadAnalysis(st *corpus.Store, sha, path string, opt *BatchOptions, ws *workerScratch) (*DocumentAnalysis, []byte, error) {
	data, err := st.LoadAnalysis(sha, opt.Key)
	if err != nil {
		return nil, nil, err
	}
	if len(ws.strs) > maxSharedStrings {
		clear(ws.strs)
	}
	d, err := decodeAnalysis(data, ws.strs)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: stored analysis: %w", path, err)
	}
	d.File = path // the same content may sit under several paths
	if opt.Spill == nil {
		return d, nil, nil
	}
	return Summary(d), s2.Encode(nil, data), nil
}

// recordScratch is the working space of storeRecord, recycled once the
// record is sealed (corpus.Store.Seal: the store then needs only the
// compressed data and the rows' JSON).
type recordScratch struct {
	data  []byte
	sents []corpus.SentenceRow
	hits  []corpus.HitRow
}

// release takes back what r borrowed from rs; r is sealed.
func (rs *recordScratch) release(r *corpus.AnalysisRecord) {
	clear(r.Hits) // their matched words: no document's text stays alive
	rs.sents, rs.hits = r.Sentences[:0], r.Hits[:0]
	r.Data, r.Sentences, r.Hits = nil, nil, nil
}

// storeRecord converts an analysis to its stored form, in rs's space.
func storeRecord(d *DocumentAnalysis, rs *recordScratch) *corpus.AnalysisRecord {
	rs.data = appendAnalysis(rs.data[:0], d)
	data := rs.data
	m, meta := d.Municipality, d.Meta
	r := &corpus.AnalysisRecord{Data: data, Document: corpus.DocumentRow{
		MunicipalityCode: m.Code, Municipality: m.Name, CountyCode: m.CountyCode, County: m.CountyName,
		AttributionConfidence: m.Confidence, AttributionReason: m.Reason,
		Kind: meta.Kind, Title: meta.Title, Reference: meta.Reference, AdoptedBy: meta.AdoptedBy, AdoptedOn: meta.AdoptedOn,
		ValidFrom: meta.ValidFrom, ValidTo: meta.ValidTo, Year: meta.Year, Status: meta.Status,
		Words: d.Words, Sentences: d.Sentences,
	}}
	r.Sentences = grow(rs.sents, len(d.Segments))
	for i, s := range d.Segments {
		r.Sentences[i] = corpus.SentenceRow{Index: s.Index, Start: s.Start, End: s.End, Page: s.Page, Kind: string(s.Kind), Section: s.Section}
	}
	nHits := 0
	for _, t := range d.Themes {
		nHits += len(t.Evidence)
	}
	r.Coverage = make([]corpus.CoverageRow, 0, len(d.Themes))
	r.Hits = slices.Grow(rs.hits[:0], nHits)
	for _, t := range d.Themes {
		r.Coverage = append(r.Coverage, corpus.CoverageRow{Theme: t.ID, Sentences: t.Sentences, Share: t.Share, Level: t.Level})
		for _, h := range t.Evidence {
			r.Hits = append(r.Hits, corpus.HitRow{Theme: t.ID, Sentence: h.Sentence, Score: h.Score, Matched: h.MatchedWords()})
		}
	}
	return r
}

// EncodeAnalysis serializes an analysis for the store (codec.go: every
// exported field, including those JSON leaves out). Segments are left
// out: the store keeps them in its sentences view.
func EncodeAnalysis(d *DocumentAnalysis) []byte { return appendAnalysis(nil, d) }

// DecodeAnalysis reverses EncodeAnalysis. Its slices and maps are empty,
// never nil, as NormalizeEmpty makes fresh analyses (Run normalises
// them), so re-used and fresh analyses are identical; Segments is nil.
func DecodeAnalysis(data []byte) (*DocumentAnalysis, error) { return decodeAnalysis(data, nil) }

// NormalizeEmpty replaces every nil slice and map reachable through d's
// exported fields by an empty one (JSON writes [] and {} rather than
// null), so an analysis reads the same after a trip through the store.
func NormalizeEmpty(d *DocumentAnalysis) {
	normalizeAlong(reflect.ValueOf(d).Elem(), analysisPlan)
}

// normPlan says where in a type nil slices and maps can hide: the fields
// of a struct, the elements of a slice, array or pointer that need
// walking. Walking a plan made once from the type (analysisPlan) instead
// of asking reflection for every field of every theme hit made
// NormalizeEmpty several times cheaper.
type normPlan struct {
	kind    reflect.Kind
	fields  []int       // struct: exported fields that need walking
	plans   []*normPlan // struct: their plans
	elem    *normPlan   // slice, array, pointer: the element's plan (nil: no need)
	dynamic bool        // too deep to plan: walk by reflection
}

// analysisPlan is DocumentAnalysis's plan, made once; it is never changed.
var analysisPlan = planFor(reflect.TypeOf(DocumentAnalysis{}), 0)

// planFor makes t's plan, or nil when t holds no slice or map.
func planFor(t reflect.Type, depth int) *normPlan {
	if !hasNilable(t, depth) {
		return nil
	}
	if depth > 8 {
		return &normPlan{dynamic: true}
	}
	p := &normPlan{kind: t.Kind()}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				if fp := planFor(f.Type, depth+1); fp != nil {
					p.fields, p.plans = append(p.fields, i), append(p.plans, fp)
				}
			}
		}
	case reflect.Slice, reflect.Array, reflect.Pointer:
		p.elem = planFor(t.Elem(), depth+1)
	}
	return p
}

// normalizeAlong is normalizeEmptyValue guided by a plan.
func normalizeAlong(v reflect.Value, p *normPlan) {
	if p.dynamic {
		normalizeEmptyValue(v)
		return
	}
	switch p.kind {
	case reflect.Struct:
		for k, i := range p.fields {
			normalizeAlong(v.Field(i), p.plans[k])
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if p.elem != nil {
			for i := 0; i < v.Len(); i++ {
				normalizeAlong(v.Index(i), p.elem)
			}
		}
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Pointer:
		if !v.IsNil() && p.elem != nil {
			normalizeAlong(v.Elem(), p.elem)
		}
	case reflect.Array:
		if p.elem != nil {
			for i := 0; i < v.Len(); i++ {
				normalizeAlong(v.Index(i), p.elem)
			}
		}
	}
}

// hasNilable reports whether values of t can hold a slice or map, so
// that elements of a []t need walking (a []Match does not).
func hasNilable(t reflect.Type, depth int) bool {
	if depth > 8 {
		return true // deep or recursive types: walk to be safe
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Map:
		return true
	case reflect.Pointer, reflect.Array:
		return hasNilable(t.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && hasNilable(f.Type, depth+1) {
				return true
			}
		}
	}
	return false
}

func normalizeEmptyValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if t.Field(i).IsExported() {
				normalizeEmptyValue(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		if hasNilable(v.Type().Elem(), 0) {
			for i := 0; i < v.Len(); i++ {
				normalizeEmptyValue(v.Index(i))
			}
		}
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			normalizeEmptyValue(v.Elem())
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			normalizeEmptyValue(v.Index(i))
		}
	}
}

// ApplyDate judges each document's status (current, expired, unknown)
// at asOf. The status is the one part of an analysis that depends on the
// day; Run applies the analyzer's date to every document, fresh or
// re-used from the store, so stored analyses do not depend on the day
// they were made (corpus.AnalysisKey).
func ApplyDate(docs []*DocumentAnalysis, asOf time.Time) {
	for _, d := range docs {
		d.Meta.Status = validityStatus(d.Meta.ValidTo, asOf)
	}
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

// ReasonOf gives the short reason of an ingest error, without the file
// name (failures.csv has it in its own column).
func ReasonOf(err error) string {
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return fe.Detail()
	}
	return err.Error()
}

// WalkFailures turns the problems ingest.Walk met (symlink loops,
// unreadable folders) into failures, so they are listed with the rest.
func WalkFailures(problems []*ingest.FileError) []Failure {
	out := make([]Failure, 0, len(problems))
	for _, p := range problems {
		out = append(out, Failure{File: p.Path, Reason: p.Detail()})
	}
	return out
}
