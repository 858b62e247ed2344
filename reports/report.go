package reports

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// Report is the input of every writer: the analysed documents of a run
// (sorted by file), the files that failed, and what they were read with.
//
// Documents are either the full analyses (Source nil) or, at corpus
// scale, their summaries (analysis.Summary: no evidence, actions,
// sections or modalities) with Source giving the full analyses back one
// at a time, in the same order. The aggregate reports (documents,
// coverage and county tables, summary.md, similarity, report.html's
// heatmap) read the summaries; the per-sentence ones (evidence.csv,
// actions.csv, documents.jsonl, report.html's drill-down data, the
// evidence sheet and evidence.parquet) make one streaming pass each over
// Source, so a run's memory holds summaries, not analyses.
type Report struct {
	Documents []*analysis.DocumentAnalysis
	// Source, when set, gives the full analysis of each of Documents
	// (see Source); nil: Documents are full.
	Source   Source
	Failures []analysis.Failure
	Codebook *codebook.Codebook
	Registry *registry.Registry
	// Run describes the run for run.json (optional).
	Run    *RunInfo
	County string // --county: the one county to report (code or name); "" reports every county with documents

	// counties holds CountyTables(r) while WriteAll's writers run
	// (countiesKept), so that report.html, the workbook and summary.md
	// do not decide every municipality's row again (countyTables).
	counties     []CountyTable
	countiesKept bool

	simOnce sync.Once   // WriteAll's writers run concurrently: the similarities are computed once, by the first that needs them
	sim     *Similarity // see (*Report).similarity
	simErr  error       // why sim is empty (similarityErr)
	simHow  string      // how sim was computed with a SimilarityState (newSimilarityOf)
	simWarn string      // what went wrong with the SimilarityState (SimilarityWarning)
	// SimilarityState is the file that keeps what the next run needs to
	// compute the similarities incrementally (reports/similarity_state.go),
	// beside the store; "" keeps none.
	SimilarityState string
	// Skip names output files WriteAll leaves out (run --skip).
	Skip []string
	// Lang is the language of report.html: "sv" (also for "") or "en"
	// (run --lang); its theme labels are the codebook's label_sv or
	// label_en.
	Lang string
	// Fragments is the folder that keeps what the per-document writers
	// rendered of each document for the next run (fragments.go), beside
	// the store; "" keeps none. It is used when Source tells its
	// documents' analyses apart (corpus.Documents).
	Fragments string
	fragNotes []string // what went wrong with Fragments (FragmentsNote)

	// Previous are reports the output folder holds as the last run wrote
	// them (checked by the caller: their bytes are these), by name. A
	// writer of one of them that is not in the shared pass composes its
	// bytes in memory first (up to KeepLimit); when they are the same
	// (size and SHA-256), WriteAll leaves the file out of dir and names
	// it in Kept: the report in the output folder is this run's, as it
	// is (a county table of a county where nothing changed, failures.csv
	// with the same failures).
	Previous map[string]corpus.OutputFile
	kept     []string
	// frags are WriteAll's fragments while its writers run (the
	// workbook's table sheets read them: writeSheetFrags).
	frags *fragStore
}

// Kept names, after WriteAll, the reports it did not write because the
// output folder holds them with this run's bytes (Report.Previous).
func (r *Report) Kept() []string { return r.kept }

// KeepLimit caps the size of a report composed in memory to be compared
// with the output folder's (Report.Previous): larger ones are written.
// The reports one changed document leaves as they are are small (a
// county's table is kilobytes, failures.csv); the large ones outside the
// shared pass (documents.csv, similarity.csv) hold every document and
// change with any: compared, they would only hold their bytes in memory.
const KeepLimit = 256 << 10

// FragmentsNote says, after WriteAll, what went wrong with the kept
// fragments (Report.Fragments: a damaged or stale file, not used, or
// one that could not be written), "" when nothing did. The reports are
// right either way: what could not be re-used was rendered.
func (r *Report) FragmentsNote() string { return strings.Join(r.fragNotes, "; ") }

// passer is a writer's one pass over the documents, as full analyses
// (each) or by fragments (parts); the writer calls one of them, once.
type passer interface {
	each(fn func(i int, d *analysis.DocumentAnalysis) error) error
	parts(parts []fragPart, renders []fragRender) partPass
	// done gives the pass back unread (a fanout's ticket: see
	// ticket.done); after a read it does nothing.
	done()
}

// eachPasser is a pass over each's analyses that renders every fragment.
type eachPasser eachFunc

func (e eachPasser) each(fn func(i int, d *analysis.DocumentAnalysis) error) error { return e(fn) }
func (e eachPasser) parts(_ []fragPart, renders []fragRender) partPass {
	return renderedPass(eachFunc(e), renders)
}
func (e eachPasser) done() {}

// Source gives the full analyses of a report's documents one at a time:
// corpus.Documents (a batch run's spill) is one.
type Source interface {
	// Each calls fn with the full analysis of every document, in the
	// order of Report.Documents (i is the index there); the analysis is
	// fn's only during the call. It stops at the first error (fn's, or
	// its own reading one) and returns it. Several writers call Each at
	// the same time.
	Each(fn func(i int, d *analysis.DocumentAnalysis) error) error
}

// themeSource is a Source whose summaries keep their themes packed,
// not in DocumentAnalysis.Themes (corpus.Documents: a run holds 50,000
// summaries, and eleven ThemeCoverage were more than half of one).
type themeSource interface {
	// SummaryThemes returns the themes of d, one of Report.Documents,
	// decoded into buf (re-used when large enough).
	SummaryThemes(d *analysis.DocumentAnalysis, buf []analysis.ThemeCoverage) []analysis.ThemeCoverage
}

// countyTables is CountyTables(r): the tables WriteAll keeps for its
// writers while they run, else computed now.
func (r *Report) countyTables() []CountyTable {
	if r.countiesKept {
		return r.counties
	}
	return CountyTables(r)
}

// themes returns the themes of d, one of r.Documents or a full analysis:
// d.Themes, or when r's summaries keep them packed (themeSource), them
// decoded into buf. The aggregate writers read a summary's themes so;
// buf lets one going through every document allocate once.
func (r *Report) themes(d *analysis.DocumentAnalysis, buf []analysis.ThemeCoverage) []analysis.ThemeCoverage {
	if d.Themes == nil && r != nil {
		if ts, ok := r.Source.(themeSource); ok {
			return ts.SummaryThemes(d, buf)
		}
	}
	return d.Themes
}

// EachFull calls fn with every document's full analysis, in order:
// from r.Source when set, else r.Documents. The report writers and a
// shard's part writer read the analyses this way.
func (r *Report) EachFull(fn func(i int, d *analysis.DocumentAnalysis) error) error {
	if r.Source != nil {
		return r.Source.Each(fn)
	}
	for i, d := range r.Documents {
		if err := fn(i, d); err != nil {
			return err
		}
	}
	return nil
}

// errStop ends an EachFull pass early when its consumer wants no more
// rows: not an error of the report.
var errStop = errors.New("stop")

// fullRows is a table's rows produced from the full analyses that each
// gives: rows yields a document's rows and reports whether to go on. A
// read error of the source is kept in *err (table.err).
func fullRows(err *error, each eachFunc, rows func(d *analysis.DocumentAnalysis, yield func([]string) bool) bool) func(func([]string) bool) {
	return func(yield func([]string) bool) {
		e := each(func(_ int, d *analysis.DocumentAnalysis) error {
			if !rows(d, yield) {
				return errStop
			}
			return nil
		})
		if e != nil && e != errStop {
			*err = e
		}
	}
}

// AsOf is the date the documents' status (current, expired) was judged
// at: run.json's option "as-of", "" when the report carries no run.
func (r *Report) AsOf() string {
	if r.Run == nil {
		return ""
	}
	return r.Run.Options["as-of"]
}

// WriteAll writes every output file of `styrdok run` into dir: the one
// entry point for every report, whether the documents come from a run
// in this process or from elsewhere (a merge of shards). r.Documents
// must be sorted by file, r.Source (when set) give the full analyses in
// that order (see Report). The writers run concurrently, each holding
// at most one full analysis at a time when r.Source is set.
func WriteAll(dir string, r *Report) ([]corpus.OutputFile, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	// The writers are independent (each writes its own file; what they
	// share, the similarities, is computed once under a sync.Once).
	var jobs []fileJob
	var fan *fanout
	if r.Source != nil {
		fan = newFanout(r.Source)
		if fan.frags = openFragments(r); fan.frags != nil {
			defer func() {
				fan.frags.close()
				r.fragNotes = fan.frags.notes // the writers are done
			}()
		}
	}
	for _, w := range reportWriters {
		switch {
		case slices.Contains(r.Skip, w.name):
		case w.rows != nil && fan != nil && fan.frags != nil:
			jobs = append(jobs, fileJob{name: w.name, write: func(f io.Writer) error {
				return writeTableParts(f, r, fan.frags, w.part, w.table(r).header, w.rows)
			}})
		case w.stream == nil:
			jobs = append(jobs, fileJob{name: w.name, write: func(f io.Writer) error { return w.write(f, r) }})
		case fan == nil:
			passes := make([]passer, max(1, w.passes))
			for k := range passes {
				passes[k] = eachPasser(r.EachFull)
			}
			jobs = append(jobs, fileJob{name: w.name, write: func(f io.Writer) error { return w.stream(f, r, passes) }})
		default:
			var tickets []*ticket
			passes := make([]passer, max(1, w.passes))
			for k := range passes {
				t := fan.ticket()
				tickets, passes[k] = append(tickets, t), t
			}
			jobs = append(jobs, fileJob{name: w.name, shared: tickets, write: func(f io.Writer) error { return w.stream(f, r, passes) }})
		}
	}
	if fan != nil && fan.frags != nil {
		r.frags = fan.frags
		defer func() { r.frags = nil }()
	}
	tables := CountyTables(r)
	// Kept for the writers, which read them concurrently and do not
	// change them; dropped when they are done, so that r changed later
	// (another --county) is not reported with these.
	r.counties, r.countiesKept = tables, true
	defer func() { r.counties, r.countiesKept = nil, false }()
	for _, t := range tables {
		if name := "county-" + t.County.Code + ".csv"; !slices.Contains(r.Skip, name) && !slices.Contains(r.Skip, CountyFiles) {
			jobs = append(jobs, fileJob{name: name, write: func(f io.Writer) error { return WriteCounty(f, t) }})
		}
	}
	if len(tables) > 0 && !slices.Contains(r.Skip, "county-summary.csv") {
		jobs = append(jobs, fileJob{name: "county-summary.csv", write: func(f io.Writer) error {
			return writeCSV(f, CountySummaryColumns, CountySummaryRecords(tables))
		}})
	}
	for k := range jobs {
		if o, ok := r.Previous[jobs[k].name]; ok && jobs[k].shared == nil && jobs[k].name != "run.json" && o.Size <= KeepLimit {
			jobs[k].previous = &o
		}
	}
	written, err := writeFiles(dir, jobs)
	r.kept = nil
	for k, j := range jobs {
		if err == nil && j.previous != nil && written[k] == *j.previous {
			r.kept = append(r.kept, j.name)
		}
	}
	return written, err
}

// reportWriters are the files WriteAll writes besides the county tables.
// The writers that read every full analysis (stream) share one pass over
// r.Source (fanout), so each document is decoded once for all of them;
// they run at the same time (writeFiles). coverage.xlsx reads its
// evidence and actions sheets from the same pass (writeWorkbookEach).
var reportWriters = []struct {
	name   string
	write  func(io.Writer, *Report) error
	stream func(io.Writer, *Report, []passer) error
	passes int // how many passes stream reads (0: one)
	// rows, for a table of rows a document (table's), writes it by
	// fragments of part when the report keeps fragments (writeTableParts).
	table func(*Report) table
	rows  docRows
	part  fragPart
}{
	{name: "documents.csv", write: WriteDocuments, table: documentsTable, rows: documentRows, part: fragDocumentsCSV},
	{name: "coverage.csv", write: WriteCoverage, table: coverageTable, rows: coverageRows, part: fragCoverageCSV},
	{name: "coverage_long.csv", write: WriteCoverageLong, table: coverageLongTable, rows: coverageLongRows, part: fragCoverageLongCSV},
	{name: "evidence.csv", stream: func(w io.Writer, _ *Report, p []passer) error {
		return writeCSVParts(w, EvidenceColumns, p[0], fragEvidenceCSV, renderEvidenceCSV)
	}},
	{name: "actions.csv", stream: func(w io.Writer, _ *Report, p []passer) error {
		return writeCSVParts(w, ActionColumns, p[0], fragActionsCSV, renderActionsCSV)
	}},
	{name: "failures.csv", write: WriteFailures},
	{name: "summary.md", write: WriteSummary},
	{name: "run.json", write: WriteRunJSON},
	{name: "similarity.csv", write: WriteSimilarity},
	{name: "documents.jsonl", stream: func(w io.Writer, r *Report, p []passer) error { return writeDocumentsJSON(w, r, p[0]) }},
	{name: "report.html", stream: func(w io.Writer, r *Report, p []passer) error { return writeHTML(w, r, p[0]) }},
	{name: "coverage.xlsx", stream: writeXLSX, passes: xlsxPasses},
}

// writeCSVParts writes a CSV table of header and, per document, its rows
// as part's fragment (render's bytes): evidence.csv and actions.csv. The
// bytes are writeTable's over the same rows.
func writeCSVParts(w io.Writer, header []string, pass passer, part fragPart, render fragRender) error {
	buf := make([]byte, 0, csvChunk+4<<10)
	buf = appendCSVRow(buf, header)
	err := pass.parts([]fragPart{part}, []fragRender{render})(func(_ int, frags []fragment) error {
		if len(buf)+len(frags[0].b) > cap(buf) {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
			if len(frags[0].b) >= csvChunk {
				_, err := w.Write(frags[0].b)
				return err
			}
		}
		buf = append(buf, frags[0].b...)
		return nil
	})
	if err != nil {
		return err
	}
	_, err = w.Write(buf)
	return err
}

// renderEvidenceCSV is a document's rows of evidence.csv, its fragment.
func renderEvidenceCSV(dst []byte, d *analysis.DocumentAnalysis) (fragment, error) {
	n := 0
	evidenceRows(d, make([]string, len(EvidenceColumns)), func(row []string) bool {
		dst = appendCSVRow(dst, row)
		n++
		return true
	})
	return fragment{b: dst, peers: -1, rows: n}, nil
}

// renderActionsCSV is a document's rows of actions.csv, its fragment.
func renderActionsCSV(dst []byte, d *analysis.DocumentAnalysis) (fragment, error) {
	n := 0
	actionRows(d, func(row []string) bool {
		dst = appendCSVRow(dst, row)
		n++
		return true
	})
	return fragment{b: dst, peers: -1, rows: n}, nil
}

// CountyFiles names every county table (county-CODE.csv) at once, for
// Report.Skip.
const CountyFiles = "county-*.csv"

// OutputNames are the files a run can write, as Report.Skip names them:
// WriteAll's (CountyFiles for all the county tables; county-CODE.csv
// names one), then WriteParquet's.
func OutputNames() []string {
	names := make([]string, 0, len(reportWriters)+2+len(parquetFiles))
	for _, w := range reportWriters {
		names = append(names, w.name)
	}
	names = append(names, "county-summary.csv", CountyFiles)
	return append(names, parquetFiles...)
}

// CheckSkip returns an error for the first of names (run --skip) that
// is not an output file: not in OutputNames, nor county-CODE.csv for a
// county of reg. The error lists the names there are.
func CheckSkip(names []string, reg *registry.Registry) error {
	valid := OutputNames()
	for _, n := range names {
		if slices.Contains(valid, n) {
			continue
		}
		if code, ok := strings.CutPrefix(strings.TrimSuffix(n, ".csv"), "county-"); ok && strings.HasSuffix(n, ".csv") {
			if c, found := reg.County(code); found && c.Code == code {
				continue
			}
		}
		return fmt.Errorf("--skip %q: not an output file; the output files are %s (county-CODE.csv for one county's table)", n, strings.Join(valid, ", "))
	}
	return nil
}

// fileJob is one output file and what writes it.
type fileJob struct {
	name  string
	write func(io.Writer) error
	// shared: the job reads a fanout's pass with these tickets. Such
	// jobs all run at once, outside the GOMAXPROCS bound, since the pass
	// waits for every one of them; the tickets are given back when the
	// job ends, read or not.
	shared []*ticket
	// previous is the file the output folder holds (Report.Previous):
	// when the job's bytes are the same, it is not written (writeFile).
	previous *corpus.OutputFile
}

// writeFiles writes the jobs' files into dir concurrently, at most
// GOMAXPROCS at a time, heaviest first (writerWeight), each through
// writeFile, and returns what was written (name, size, SHA-256) in the
// jobs' order. The first error in the jobs' order is returned, whatever
// order they finish in.
func writeFiles(dir string, jobs []fileJob) ([]corpus.OutputFile, error) {
	written := make([]corpus.OutputFile, len(jobs))
	errs := make([]error, len(jobs))
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	// Heaviest first, so that the long writers do not start last.
	sort.SliceStable(order, func(a, b int) bool { return writerWeight[jobs[order[a]].name] > writerWeight[jobs[order[b]].name] })
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, i := range order {
		if ts := jobs[i].shared; ts != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					for _, t := range ts {
						t.done()
					}
				}()
				written[i], errs[i] = writeFile(filepath.Join(dir, jobs[i].name), jobs[i].write)
			}()
		}
	}
	for _, i := range order {
		if jobs[i].shared != nil {
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if p := jobs[i].previous; p != nil {
				written[i], errs[i] = writeFileUnlessSame(filepath.Join(dir, jobs[i].name), jobs[i].write, *p)
				return
			}
			written[i], errs[i] = writeFile(filepath.Join(dir, jobs[i].name), jobs[i].write)
		}()
	}
	wg.Wait()
	if err := firstError(errs); err != nil {
		return nil, err
	}
	return written, nil
}

// writerWeight orders WriteAll's writers: similarity.csv first, since
// report.html, coverage.xlsx and documents.jsonl wait for the similarities
// (computed by all cores at once), then the others by their cost on a
// large corpus (2,000 documents: report.html 0.5 s, coverage.xlsx 0.25 s,
// evidence.csv 0.2 s); unlisted ones are cheap.
var writerWeight = map[string]int{"similarity.csv": 5, "report.html": 4, "coverage.xlsx": 3, "evidence.csv": 2, "documents.jsonl": 1}

// firstError is the first non-nil error of errs.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes through a temporary file and renames it, so a reader
// (or a killed run) never sees half a file. The file gets the permissions
// os.Create would give (0666 less the umask): os.CreateTemp makes files
// only their owner can read, and a county board sharing a report folder
// found them unreadable.
//
// The file's SHA-256 is taken as it is written (the run records it, to
// tell on the next run whether the reports are still as written): reading
// the 100 MB of a 2,000-document run back to hash it took a core 0.1 s
// after everything else was done.
func writeFile(path string, write func(io.Writer) error) (corpus.OutputFile, error) {
	tmp, err := createTemp(path)
	if err != nil {
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	// Buffered before the file: the writers' own buffers (archive/zip's,
	// bufio's default) are 4 KB, which on a 2,000-document run was
	// some 25,000 write calls into the kernel.
	bw := fileBuffers.Get().(*bufio.Writer)
	bw.Reset(tmp)
	defer func() { bw.Reset(nil); fileBuffers.Put(bw) }()
	hw := &hashingWriter{w: bw, h: sha256.New()}
	if err := write(hw); err != nil {
		tmp.Close()
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	return corpus.OutputFile{Name: filepath.Base(path), Size: hw.n, SHA256: hex.EncodeToString(hw.h.Sum(nil))}, nil
}

// writeFileUnlessSame composes the file in memory (up to KeepLimit);
// when it comes out as previous (its size and SHA-256), nothing is
// written and previous is returned: the caller leaves the file in the
// output folder as it is. Else it is written as writeFile writes it.
func writeFileUnlessSame(path string, write func(io.Writer) error, previous corpus.OutputFile) (corpus.OutputFile, error) {
	// room for the previous bytes and a little more: grown by append,
	// the buffer's copies were most of the comparison's cost
	mw := &memWriter{b: make([]byte, 0, min(previous.Size+previous.Size/8+4<<10, KeepLimit)), h: sha256.New()}
	if err := write(mw); err != nil {
		return corpus.OutputFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if mw.over { // past KeepLimit: composed again into the file
		return writeFile(path, write)
	}
	got := corpus.OutputFile{Name: filepath.Base(path), Size: int64(len(mw.b)), SHA256: hex.EncodeToString(mw.h.Sum(nil))}
	if got == previous {
		return got, nil
	}
	return got, writeBytes(path, mw.b)
}

// writeBytes writes b to path as writeFile writes a report (b's size
// and SHA-256 are known).
func writeBytes(path string, b []byte) error {
	tmp, err := createTemp(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// memWriter gathers what is written, up to KeepLimit bytes; past it, it
// only notes that it went over.
type memWriter struct {
	b    []byte
	over bool
	h    hash.Hash
}

func (m *memWriter) Write(p []byte) (int, error) {
	if !m.over {
		if len(m.b)+len(p) > KeepLimit {
			m.over, m.b = true, nil
		} else {
			m.b = append(m.b, p...)
			m.h.Write(p)
		}
	}
	return len(p), nil
}

// fileBuffer is the buffer between a report writer and its file.
const fileBuffer = 128 << 10

// fileBuffers are writeFile's buffers, handed from one report to the
// next: a run writes some 35 files, a few at a time, and a new 128 kB
// buffer for each was 4.5 MB of fresh heap, whose first touch costs a
// page fault a page (a one-file re-run at 1,000 documents:
// docs/benchmarks.md, session 28).
var fileBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, fileBuffer) }}

// hashingWriter writes to w and hashes what was written.
type hashingWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (hw *hashingWriter) Write(p []byte) (int, error) {
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	hw.n += int64(n)
	return n, err
}

// createTemp creates a new hidden file beside path, with a random suffix,
// mode 0666 before the umask.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary name beside %s", path)
}

// table is a CSV table produced row by row, so that writers stream it to
// a CSV file or an xlsx sheet without holding all rows: evidence.csv
// alone has hundreds of thousands. A row slice is valid only during
// yield.
type table struct {
	header []string
	rows   func(yield func([]string) bool)
	size   func() int // rows in all, when counting is cheaper than producing them (nil: produce to count)
	// types has a column type per column (colText...), for the
	// spreadsheet: a code such as "1440" is text even though it looks
	// like a number, "true" a boolean. "" types every column as text.
	types string
	// err, when set, holds what stopped rows early (a source's read
	// error, Report.fullRows); the writer checks it after the rows.
	err *error
}

// failed is the error that stopped t's rows, nil when they all came.
func (t table) failed() error {
	if t.err == nil {
		return nil
	}
	return *t.err
}

// Column types of a table (table.types, one byte per column).
const (
	colText  = 'T'
	colInt   = 'I'
	colFloat = 'F'
	colBool  = 'B'
	colDate  = 'D' // an ISO day: text in the spreadsheet, DATE in Parquet
)

// typesOf is the types of header: named columns as given, the rest
// text.
func typesOf(header []string, named map[string]byte) string {
	b := make([]byte, len(header))
	for i, h := range header {
		b[i] = colText
		if t, ok := named[h]; ok {
			b[i] = t
		}
	}
	return string(b)
}

// writeTable writes t as CSV, every cell through CSVSafe (the header
// too: theme ids come from a user's codebook). The bytes are those of
// encoding/csv's Writer (appendCSVRow), written in chunks of
// csvChunk: evidence.csv is tens of MB, and encoding/csv's 4 KB buffer
// made one write and one hash update per 4 KB.
func writeTable(w io.Writer, t table) error {
	buf := make([]byte, 0, csvChunk+4<<10)
	buf = appendCSVRow(buf, t.header)
	var err error
	t.rows(func(row []string) bool {
		buf = appendCSVRow(buf, row)
		if len(buf) >= csvChunk {
			_, err = w.Write(buf)
			buf = buf[:0]
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	if err := t.failed(); err != nil {
		return err
	}
	_, err = w.Write(buf)
	return err
}

// csvChunk is how much CSV writeTable gathers before writing it.
const csvChunk = 64 << 10

// appendCSVRow appends one CSV record, every field through CSVSafe,
// exactly as encoding/csv's Writer (comma, "\n" line ends) writes it: a
// field is quoted when it holds a comma, quote or line break, begins
// with white space, or is `\.`; quotes in it are doubled. Written
// directly, a row needs no copy of its fields and no call per field
// into a bufio.Writer.
func appendCSVRow(dst []byte, row []string) []byte {
	for n, field := range row {
		if n > 0 {
			dst = append(dst, ',')
		}
		if field = CSVSafe(field); !csvNeedsQuotes(field) {
			dst = append(dst, field...)
			continue
		}
		dst = append(dst, '"')
		for len(field) > 0 {
			i := strings.IndexByte(field, '"')
			if i < 0 {
				dst = append(dst, field...)
				break
			}
			dst = append(dst, field[:i+1]...)
			dst = append(dst, '"')
			field = field[i+1:]
		}
		dst = append(dst, '"')
	}
	return append(dst, '\n')
}

// csvNeedsQuotes is encoding/csv's rule for quoting a field (comma as
// the delimiter).
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	if len(field) < csvScanShort {
		for i := 0; i < len(field); i++ {
			if c := field[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
				return true
			}
		}
	} else if strings.IndexByte(field, ',') >= 0 || strings.IndexByte(field, '"') >= 0 ||
		strings.IndexByte(field, '\n') >= 0 || strings.IndexByte(field, '\r') >= 0 {
		// A long field (a sentence of evidence.csv) is searched for each
		// byte in turn with IndexByte's vector loop: the byte loop above
		// was most of the time of writing evidence.csv's 46 MB (2,000
		// documents: 0.12 of 0.15 s in appendCSVRow). A comma, the most
		// common, is looked for first.
		return true
	}
	r1, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r1)
}

// csvScanShort is the length from which csvNeedsQuotes searches a field
// with strings.IndexByte rather than byte by byte: below it, four calls
// cost more than one short loop.
const csvScanShort = 32

// rowsOf is a table's rows from a slice.
func rowsOf(rows [][]string) func(func([]string) bool) {
	return func(yield func([]string) bool) {
		for _, row := range rows {
			if !yield(row) {
				return
			}
		}
	}
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	return writeTable(w, table{header: header, rows: rowsOf(rows)})
}

// DocumentColumns are the columns of documents.csv.
//
// document is the file as given to the run, the key every table uses
// for a document (document_a and document_b in similarity.csv). Dates
// are ISO days, each with its precision (year, month or day: what the
// document states); a date stated as a year or month is its first day
// for adopted_on and valid_from and its last for valid_to, so that
// valid_from..valid_to spans what the document says (ISODate).
//
// The metadata columns are analysis.MetadataFields, in its order, each
// date followed by its precision.
var DocumentColumns = slices.Concat([]string{"document", "sha256"}, metadataColumns(), []string{
	"words", "sentences", "attribution_confidence", "attribution_reason",
	"runner_up_code", "runner_up", "runner_up_confidence", "runner_up_evidence",
	"actions", "actions_with_responsible", "actions_with_time", "actions_with_follow_up", "has_evaluation", "ocr_pages"})

// isDate reports whether f is a date (FieldDate or FieldDateEnd): a
// column typed as a date, with its precision beside it.
func isDate(f analysis.MetadataField) bool {
	return f.Type == analysis.FieldDate || f.Type == analysis.FieldDateEnd
}

// metadataColumns are the columns of analysis.MetadataFields.
func metadataColumns() []string {
	var cols []string
	for _, f := range analysis.MetadataFields {
		cols = append(cols, f.Name)
		if isDate(f) {
			cols = append(cols, f.Name+"_precision")
		}
	}
	return cols
}

// documentColumnTypes are the typed columns of documents.csv.
func documentColumnTypes() map[string]byte {
	types := map[string]byte{"words": colInt, "sentences": colInt, "attribution_confidence": colFloat, "runner_up_confidence": colFloat, "actions": colInt,
		"actions_with_responsible": colInt, "actions_with_time": colInt, "actions_with_follow_up": colInt, "has_evaluation": colBool}
	for _, f := range analysis.MetadataFields {
		switch {
		case isDate(f):
			types[f.Name] = colDate
		case f.Type == analysis.FieldYear:
			types[f.Name] = colInt
		}
	}
	return types
}

// WriteDocuments writes documents.csv: one row per document.
func WriteDocuments(w io.Writer, r *Report) error { return writeTable(w, documentsTable(r)) }

func documentsTable(r *Report) table {
	return table{header: DocumentColumns, types: typesOf(DocumentColumns, documentColumnTypes()),
		rows: func(yield func([]string) bool) {
			var sc rowScratch
			for _, d := range r.Documents {
				if !documentRows(r, d, &sc, yield) {
					return
				}
			}
		}}
}

// rowScratch is what a table's per-document rows re-use from document
// to document.
type rowScratch struct {
	themes []analysis.ThemeCoverage
}

// docRows yields document d's rows of a table (documentRows,
// coverageRows, coverageLongRows) and reports whether to go on: the
// tables one document's rows after another's, in r.Documents' order,
// whose rows of a document depend on that document only (its analysis
// and what the run decides of it: fragKey), so that a re-run copies the
// rows of the documents that did not change (writeTableParts).
type docRows func(r *Report, d *analysis.DocumentAnalysis, sc *rowScratch, yield func([]string) bool) bool

// documentRows is d's row of documents.csv.
func documentRows(_ *Report, d *analysis.DocumentAnalysis, _ *rowScratch, yield func([]string) bool) bool {
	m := d.Municipality
	row := make([]string, 0, len(DocumentColumns))
	row = append(row, d.File, d.SHA256)
	for _, f := range analysis.MetadataFields {
		if v := f.Value(d); isDate(f) {
			day, precision := ISODate(v, f.Type == analysis.FieldDateEnd)
			row = append(row, day, precision)
		} else {
			row = append(row, v)
		}
	}
	row = append(row, strconv.Itoa(d.Words), strconv.Itoa(d.Sentences), fmtFloat(m.Confidence, 2), m.Reason,
		m.RunnerUp.Code, m.RunnerUp.Name, runnerUpConfidence(m.RunnerUp), m.RunnerUp.Evidence,
		strconv.Itoa(d.Quality.Actions), strconv.Itoa(d.Quality.WithResponsible), strconv.Itoa(d.Quality.WithTime),
		strconv.Itoa(d.Quality.WithFollowUp), strconv.FormatBool(d.Quality.HasEvaluation), ingest.PageRanges(d.OCRPages))
	return yield(row)
}

// runnerUpConfidence is empty when there is no runner-up.
func runnerUpConfidence(c analysis.Candidate) string {
	if c.Code == "" {
		return ""
	}
	return fmtFloat(c.Confidence, 2)
}

// WriteCoverage writes coverage.csv: one row per document, each theme's
// share of the document's sentences and its level.
func WriteCoverage(w io.Writer, r *Report) error { return writeTable(w, coverageTable(r)) }

func coverageTable(r *Report) table {
	ids := r.Codebook.ThemeIDs()
	header := []string{"document", "municipality_code", "municipality", "sentences"}
	header = append(header, ids...)
	for _, id := range ids {
		header = append(header, id+"_level")
	}
	types := "TTTI" + strings.Repeat(string(rune(colFloat)), len(ids)) + strings.Repeat(string(rune(colInt)), len(ids))
	return table{header: header, types: types, rows: func(yield func([]string) bool) {
		var sc rowScratch
		for _, d := range r.Documents {
			if !coverageRows(r, d, &sc, yield) {
				return
			}
		}
	}}
}

// coverageRows is d's row of coverage.csv.
func coverageRows(r *Report, d *analysis.DocumentAnalysis, sc *rowScratch, yield func([]string) bool) bool {
	row := []string{d.File, d.Municipality.Code, d.Municipality.Name, strconv.Itoa(d.Sentences)}
	sc.themes = r.themes(d, sc.themes)
	for _, t := range sc.themes {
		row = append(row, fmtFloat(t.Share, 4))
	}
	for _, t := range sc.themes {
		row = append(row, strconv.Itoa(t.Level))
	}
	return yield(row)
}

// WriteCoverageLong writes coverage_long.csv: one row per document and
// theme, the tidy form R and pandas want. sentences counts every segment
// behind the theme, own_sentences only those whose own words reach it
// (the rest stand under a heading naming it); commitments,
// recommendations and intents count those segments by modality.
func WriteCoverageLong(w io.Writer, r *Report) error { return writeTable(w, coverageLongTable(r)) }

func coverageLongTable(r *Report) table {
	return table{header: []string{"document", "municipality_code", "theme", "sentences", "share", "level",
		"own_sentences", "commitments", "recommendations", "intents"}, types: "TTTIFIIIII", rows: func(yield func([]string) bool) {
		var sc rowScratch
		for _, d := range r.Documents {
			if !coverageLongRows(r, d, &sc, yield) {
				return
			}
		}
	}}
}

// coverageLongRows are d's rows of coverage_long.csv, one a theme.
func coverageLongRows(r *Report, d *analysis.DocumentAnalysis, sc *rowScratch, yield func([]string) bool) bool {
	sc.themes = r.themes(d, sc.themes)
	for _, t := range sc.themes {
		if !yield([]string{d.File, d.Municipality.Code, t.ID, strconv.Itoa(t.Sentences), fmtFloat(t.Share, 4), strconv.Itoa(t.Level),
			strconv.Itoa(t.OwnSentences), strconv.Itoa(t.Commitments), strconv.Itoa(t.Recommendations), strconv.Itoa(t.Intents)}) {
			return false
		}
	}
	return true
}

// WriteEvidence writes evidence.csv: every theme hit with its sentence,
// offsets, page and matched words (the distinct words, in order, joined
// by MatchedSeparator; evidence.parquet has them as a list). source is "text" when the segment's
// own words reach the theme and "heading" when it counts because it
// stands under a heading (or table section) naming the theme; heading is
// then that heading's sentence index (-1 for text). modality is the
// segment's commitment class.
func WriteEvidence(w io.Writer, r *Report) error { return writeTable(w, evidenceTable(r, r.EachFull)) }

// EvidenceColumns are the columns of evidence.csv.
var EvidenceColumns = []string{"document", "theme", "sentence", "start", "end", "page", "kind", "score", "matched", "text",
	"source", "heading", "modality"}

// evidenceTable is evidence.csv's table, its rows from one pass of each.
func evidenceTable(r *Report, each eachFunc) table {
	// A theme's Sentences is its evidence's length (analysis.Analyze),
	// which summaries keep: the count needs no pass over the source.
	size := func() int {
		n := 0
		var themes []analysis.ThemeCoverage
		for _, d := range r.Documents {
			themes = r.themes(d, themes)
			for _, t := range themes {
				n += t.Sentences
			}
		}
		return n
	}
	err := new(error)
	row := make([]string, len(EvidenceColumns)) // re-used: a row is valid only during yield
	return table{header: EvidenceColumns, size: size, types: "TTIIIITFTTTIT", err: err, rows: fullRows(err, each, func(d *analysis.DocumentAnalysis, yield func([]string) bool) bool {
		return evidenceRows(d, row, yield)
	})}
}

// evidenceRows yields d's rows of evidence.csv in row, re-used from row
// to row; false when yield stopped them.
func evidenceRows(d *analysis.DocumentAnalysis, row []string, yield func([]string) bool) bool {
	for _, t := range d.Themes {
		for _, h := range t.Evidence {
			row = append(row[:0], d.File, t.ID, strconv.Itoa(h.Sentence), strconv.Itoa(h.Start), strconv.Itoa(h.End),
				strconv.Itoa(h.Page), string(h.Kind), fmtFloat(h.Score, 3), joinMatched(h), h.Text,
				h.Source(), strconv.Itoa(h.Heading), string(h.Modality))
			if !yield(row) {
				return false
			}
		}
	}
	return true
}

// FailureColumns are the columns of failures.csv.
var FailureColumns = []string{"document", "status", "reason"}

// WriteFailures writes failures.csv: every file that failed, and why;
// status is "failed", or "unsupported" for non-documents that were skipped.
func WriteFailures(w io.Writer, r *Report) error {
	var rows [][]string
	for _, f := range r.Failures {
		rows = append(rows, []string{f.File, f.Status(), f.Reason})
	}
	return writeCSV(w, FailureColumns, rows)
}

// WriteSummary writes summary.md: the coverage matrix as a table with
// municipalities as rows and themes as columns, then the failures.
func WriteSummary(w io.Writer, r *Report) error {
	var b strings.Builder
	ids := r.Codebook.ThemeIDs()
	b.WriteString("# styrdok coverage summary\n\n")
	if asOf := r.AsOf(); asOf != "" {
		fmt.Fprintf(&b, "Status as of %s: a document is in force when its period of validity covers this date (run --as-of).\n\n", mdEscape(asOf))
	}
	fmt.Fprintf(&b, "%d documents analysed, %d failed, %d skipped as unsupported. Cells show level (0 absent or passing, 1 treated, 2 heading, focus area or goal) and the theme's share of the document's sentences.\n\n", len(r.Documents), analysis.CountFailed(r.Failures), len(r.Failures)-analysis.CountFailed(r.Failures))
	b.WriteString("| municipality | document |")
	for _, id := range ids {
		b.WriteString(" " + mdEscape(id) + " |")
	}
	b.WriteString("\n|---|---|")
	for range ids {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	// A row per document, appended rather than through fmt (a call per
	// cell: 110,000 on 10,000 documents, most of this file's time); the
	// bytes are fmt's ("%d", "%.0f": strconv's forms).
	var num []byte
	var themes []analysis.ThemeCoverage
	for _, d := range sortedByMunicipality(r.Documents) {
		name := d.Municipality.Name
		if d.Municipality.Code == "" {
			name = "(unknown)"
		} else {
			name += " (" + d.Municipality.Code + ")"
		}
		b.WriteString("| ")
		b.WriteString(mdEscape(name))
		b.WriteString(" | ")
		b.WriteString(mdEscape(filepath.Base(d.File)))
		b.WriteString(" |")
		themes = r.themes(d, themes)
		for _, t := range themes {
			num = append(num[:0], ' ')
			num = strconv.AppendInt(num, int64(t.Level), 10)
			num = append(num, " · "...)
			num = appendPercent(num, 100*t.Share)
			num = append(num, "% |"...)
			b.Write(num)
		}
		b.WriteString("\n")
	}
	writeCountySummary(&b, r)
	if len(r.Failures) > 0 {
		b.WriteString("\n## Failures\n\n| file | status | reason |\n|---|---|---|\n")
		for _, f := range r.Failures {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdEscape(f.File), f.Status(), mdEscape(f.Reason))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sortedByMunicipality(docs []*analysis.DocumentAnalysis) []*analysis.DocumentAnalysis {
	out := append([]*analysis.DocumentAnalysis(nil), docs...)
	sortStable(out, func(a, b *analysis.DocumentAnalysis) bool {
		ka, kb := a.Municipality.Name, b.Municipality.Name
		if ka == "" {
			ka = "\uffff"
		}
		if kb == "" {
			kb = "\uffff"
		}
		if ka != kb {
			return ka < kb
		}
		return a.File < b.File
	})
	return out
}

func fmtFloat(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }

// appendPercent appends v as fmt's "%.0f" writes it: strconv's digits,
// but fmt drops the plus of "+Inf".
func appendPercent(dst []byte, v float64) []byte {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Appendf(dst, "%.0f", v)
	}
	return strconv.AppendFloat(dst, v, 'f', 0, 64)
}
