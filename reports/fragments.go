package reports

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/styrdok/styrdok/analysis"
)

// Fragments: what the per-document writers rendered for each document
// on the last run, kept beside the store (Report.Fragments, a folder
// "<store>.fragments") so that a re-run copies the bytes of every
// document that did not change instead of decoding its analysis from
// the spill and rendering it again (issue 17 item 3: after one changed
// file of 2,000, decoding every analysis and rendering evidence.csv,
// actions.csv, documents.jsonl, report.html's data and the workbook's
// evidence and actions sheets were ~2 s of a ~4 s re-run).
//
// A fragment is one document's bytes in one writer's output (a
// fragPart): its evidence.csv rows, its actions.csv rows, its
// documents.jsonl line and its report.html data entry, each with empty
// peers (the peers come from the similarity of this run and are spliced
// in where fragment.peers says), and its rows of the evidence and
// actions sheets as a compressed block (xlsx_blocks.go). Each part
// is a file of its own in the folder, written by that writer as it
// goes (so the writers, which run concurrently, share nothing), and
// replaced at the end of the run: it holds the documents of the last
// run only, so its size is bounded by the reports' (S2-compressed;
// maxFragmentFile caps one file).
//
// A fragment is keyed by everything it is made of (fragKey): the
// SHA-256 of the document's full analysis as spilled (which the stored
// analysis, hence its content, codebook and limits, decides), and what
// the run decides after the analysis: the file name, the attribution and
// the status. Everything the part's rendering depends on besides the
// document is in the file's context (fragContext): the format version,
// styrdok's version, --as-of and --lang. A file whose context differs
// is not read (a note says so, and every document is rendered again);
// one that is damaged (its checksums, lengths or layout do not hold) is
// not read either, with a note: a fragment is never trusted unchecked.

// fragPart names one writer's per-document fragment.
type fragPart uint8

const (
	fragEvidenceCSV fragPart = iota
	fragActionsCSV
	fragDocumentsJSONL
	fragReportHTML
	fragEvidenceSheet
	fragActionsSheet
	// the tables of one row (or one row a theme) a document, written
	// from the summaries outside the shared pass (writeTableParts)
	fragDocumentsCSV
	fragCoverageCSV
	fragCoverageLongCSV
	// the workbook's sheets of the same tables (writeSheetFrags)
	fragCoverageSheet
	fragCoverageLongSheet
	fragDocumentsSheet
	fragParts
)

// fragPartFiles are the parts' file names in the fragments folder.
var fragPartFiles = [fragParts]string{"evidence.csv.frag", "actions.csv.frag", "documents.jsonl.frag",
	"report.html.frag", "evidence-sheet.frag", "actions-sheet.frag", "documents.csv.frag", "coverage.csv.frag",
	"coverage_long.csv.frag", "coverage-sheet.frag", "coverage_long-sheet.frag", "documents-sheet.frag"}

// fragFormat is the layout of a fragments file and of the bytes in it.
// Bump it whenever a writer's rendering of one document changes
// (TestFragmentsFormat holds the rendered bytes of the test corpus to a
// digest, so that a change cannot go unnoticed): an old file is then
// stale and ignored.
const fragFormat = 2

// maxFragmentFile caps one part's file: past it, the remaining documents
// are not kept (the next run renders them).
const maxFragmentFile = 1 << 30

// fragment is one document's bytes of one part.
type fragment struct {
	b []byte
	// peers, for documents.jsonl and report.html, is where the empty
	// peers array ("[]") stands in b: the writer puts this run's peers
	// there. -1 for parts without peers.
	peers int
	// rows is how many rows b holds (the sheets, whose row numbers
	// depend on the rows before).
	rows int
}

// fragRender renders one document's fragment of a part, appending to
// dst (its buffer, re-used from document to document).
type fragRender func(dst []byte, d *analysis.DocumentAnalysis) (fragment, error)

// splitPeers is a rendered document's fragment with its peers array,
// rendered empty, found: the first `,"<key>":[]` outside a string. A
// JSON string cannot hold it: a quote inside a string is escaped.
func splitPeers(b []byte, key string) (fragment, error) {
	at := bytes.Index(b, []byte(`,"`+key+`":[]`))
	if at < 0 {
		return fragment{}, fmt.Errorf("no empty %q in a rendered document", key)
	}
	return fragment{b: b, peers: at + len(key) + 4, rows: 1}, nil
}

// fragContext is a fragments file's context: what every fragment in it
// was rendered with besides its document.
func fragContext(r *Report) [sha256.Size]byte {
	h := sha256.New()
	version := ""
	if r.Run != nil {
		version = r.Run.Version
	}
	fmt.Fprintf(h, "styrdok fragments %d\x00%s\x00%s\x00%s", fragFormat, version, r.AsOf(), r.Lang)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// fragKey is document sum's key: the digest of its full analysis and
// what the run decides after it (AppendDecided); buf is the caller's
// scratch space. (The keys of builds that formatted the decisions with
// fmt, the same context, are other keys: their fragments are not found
// and are compacted away.)
func fragKey(digest [sha256.Size]byte, sum *analysis.DocumentAnalysis, buf *[]byte) [sha256.Size]byte {
	b := append((*buf)[:0], "styrdok fragment 2\x00"...)
	b = append(b, digest[:]...)
	b = AppendDecided(b, sum)
	*buf = b
	return sha256.Sum256(b)
}

// digestSource is a Source that says which documents are the same
// analysis as before (corpus.Documents): only such a source's documents
// can be matched with their fragments.
type digestSource interface {
	Source
	// Digest identifies document i's full analysis.
	Digest(i int) [sha256.Size]byte
	// EachWhere is Each, reading document i only when need(i) (fn gets
	// nil otherwise).
	EachWhere(need func(i int) bool, fn func(i int, d *analysis.DocumentAnalysis) error) error
}

// fragStore is a run's fragments: the last run's files (old, read by
// the pass) and the keys of this run's documents.
type fragStore struct {
	dir  string
	ctx  [sha256.Size]byte
	keys [][sha256.Size]byte
	old  [fragParts]*fragFile

	mu     sync.Mutex
	notes  []string
	broken [fragParts]bool // a part's last-run file found damaged while in use
}

// openFragments opens the fragments folder of r, or returns nil when r
// keeps none or its source cannot tell its documents apart.
func openFragments(r *Report) *fragStore {
	src, ok := r.Source.(digestSource)
	if r.Fragments == "" || !ok {
		return nil
	}
	s := &fragStore{dir: r.Fragments, ctx: fragContext(r), keys: make([][sha256.Size]byte, len(r.Documents))}
	var buf []byte
	for i, d := range r.Documents {
		s.keys[i] = fragKey(src.Digest(i), d, &buf)
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		s.note(fmt.Sprintf("%v; the documents' report rows are rendered afresh and not kept", err))
		return nil
	}
	stale := false
	for p := range fragParts {
		path := filepath.Join(s.dir, fragPartFiles[p])
		f, err := openFragFile(path, s.ctx)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case errors.Is(err, errFragStale):
			stale = true
		case err != nil:
			s.note(fmt.Sprintf("%s: %v; not used: its documents' rows are rendered afresh", path, err))
		default:
			s.old[p] = f
		}
	}
	if stale {
		s.note("kept from a run with another version or other --as-of or --lang: not used; every document's rows are rendered afresh")
	}
	return s
}

// note records a note on the fragments (Report.FragmentsNote).
func (s *fragStore) note(n string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notes = append(s.notes, n)
}

// close closes the last run's files.
func (s *fragStore) close() {
	for _, f := range s.old {
		if f != nil {
			f.f.Close()
		}
	}
}

// cached is the stored fragment of part p under key, checked: nil when there is none or it does not check (a damaged file is noted
// and not read again).
func (s *fragStore) cached(p fragPart, key [sha256.Size]byte) *fragEntry {
	f := s.old[p]
	if f == nil {
		return nil
	}
	e, ok := f.index[key]
	if !ok {
		return nil
	}
	z, win, err := f.read(e.off, int(e.n))
	if err != nil {
		s.damaged(p, err)
		return nil
	}
	e.win = win
	if crc32.Checksum(z, fragCRC) != e.crc {
		s.damaged(p, errors.New("a fragment's checksum does not match"))
		return nil
	}
	if e.peers >= 0 && (int(e.peers)+2 > len(z) || string(z[e.peers:e.peers+2]) != "[]") {
		s.damaged(p, errors.New("a fragment's peers out of place"))
		return nil
	}
	e.z = z
	return &e
}

// damaged stops reading part p's file, with a note; its writer removes
// it (fragWriter.finish).
func (s *fragStore) damaged(p fragPart, err error) {
	s.old[p].f.Close()
	s.old[p] = nil
	s.mu.Lock()
	s.broken[p] = true
	s.mu.Unlock()
	s.note(fmt.Sprintf("%s: %v; not used: its documents' rows are rendered afresh", filepath.Join(s.dir, fragPartFiles[p]), err))
}

// Layout of a fragments file: the fragments (S2 blocks) one after the
// other, then the index (fragEntrySize bytes a fragment: key, offset,
// length, CRC-32C of the block, peers, rows), then the trailer
// (fragTrailerSize bytes: fragMagic, format, count, the index's offset
// and CRC-32C, the context, and the trailer's own CRC-32C). Little
// endian.
const (
	fragMagic       = "STYRFRAG"
	fragEntrySize   = 32 + 8 + 4 + 4 + 4 + 4
	fragTrailerSize = 8 + 4 + 4 + 8 + 4 + 32 + 4
)

var fragCRC = crc32.MakeTable(crc32.Castagnoli)

// errFragStale: the file was written with another context.
var errFragStale = errors.New("fragments of another context")

// fragEntry is one fragment of a file.
type fragEntry struct {
	off         int64
	n, crc      uint32
	peers, rows int32
	z           []byte   // the fragment's bytes, once read (fragStore.cached)
	win         *fragWin // the window z is in, held until release
}

// release gives back e's window once its fragment is no longer used.
func (e *fragEntry) release() {
	if e.win != nil {
		e.win.release()
		e.win = nil
	}
}

// fragFile is a part's file of the last run, open for reading.
type fragFile struct {
	f     *os.File
	index map[[sha256.Size]byte]fragEntry
	end   int64 // where the fragments end (the index's offset)
	// win holds the file's bytes from winOff: the documents come in the
	// order of the last run, so the fragments are read a window at a
	// time rather than one read each (12,000 reads for 2,000 documents).
	// The fragments handed out hold their window until their reader
	// releases them (fragEntry.release); a window no one holds is
	// re-used (free): new ones for every megabyte read were most of a
	// re-run's growth in system time and peak RSS.
	win    *fragWin
	winOff int64
	mu     sync.Mutex
	free   []*fragWin
}

// fragWin is a window of a fragments file, held by the file while it
// is the current one and by every fragment handed out of it.
type fragWin struct {
	b    []byte
	refs atomic.Int32
	file *fragFile
	m    []byte // the mapping b is in (mapWindow); nil when b was read
}

// release drops one hold on w; the last unmaps it, or returns it to its
// file's free windows.
func (w *fragWin) release() {
	if w.refs.Add(-1) == 0 {
		if w.m != nil {
			unmapWindow(w.m)
			w.m, w.b = nil, nil
			return
		}
		f := w.file
		f.mu.Lock()
		f.free = append(f.free, w)
		f.mu.Unlock()
	}
}

// dropWindow gives up the file's hold on its current window, once the
// pass reading it has ended (the fragments handed out hold theirs).
func (f *fragFile) dropWindow() {
	if f.win != nil {
		f.win.release()
		f.win = nil
	}
}

// fragWindow is how much of a fragments file is read at a time.
const fragWindow = 1 << 20

// read is the n bytes at off (off+n within the fragments), from the
// window when they are in it, and the window, held for the caller.
func (f *fragFile) read(off int64, n int) ([]byte, *fragWin, error) {
	if w := f.win; w != nil && off >= f.winOff && off+int64(n) <= f.winOff+int64(len(w.b)) {
		w.refs.Add(1)
		return w.b[off-f.winOff : off-f.winOff+int64(n) : off-f.winOff+int64(n)], w, nil
	}
	if f.win != nil {
		f.win.release()
		f.win = nil
	}
	size := int(min(max(int64(n), fragWindow), f.end-off))
	if b, m, err := mapWindow(f.f, off, size); err == nil {
		w := &fragWin{b: b, m: m, file: f}
		w.refs.Store(2) // the file's and the caller's
		f.win, f.winOff = w, off
		return w.b[:n:n], w, nil
	}
	var w *fragWin
	f.mu.Lock()
	for k, fw := range f.free {
		if cap(fw.b) >= size {
			w = fw
			f.free = append(f.free[:k], f.free[k+1:]...)
			break
		}
	}
	f.mu.Unlock()
	if w == nil {
		w = &fragWin{b: make([]byte, size), file: f}
	}
	w.b = w.b[:size]
	if _, err := f.f.ReadAt(w.b, off); err != nil {
		return nil, nil, err
	}
	w.refs.Store(2) // the file's and the caller's
	f.win, f.winOff = w, off
	return w.b[:n:n], w, nil
}

// openFragFile opens and checks a fragments file: errFragStale when its
// context is not ctx, another error when it is damaged.
func openFragFile(path string, ctx [sha256.Size]byte) (*fragFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	ff, err := readFragIndex(f, ctx)
	if err != nil {
		f.Close()
		return nil, err
	}
	return ff, nil
}

func readFragIndex(f *os.File, ctx [sha256.Size]byte) (*fragFile, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size < fragTrailerSize {
		return nil, errors.New("shorter than its trailer")
	}
	var tr [fragTrailerSize]byte
	if _, err := f.ReadAt(tr[:], size-fragTrailerSize); err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	if string(tr[:8]) != fragMagic {
		return nil, errors.New("not a fragments file")
	}
	if crc32.Checksum(tr[:fragTrailerSize-4], fragCRC) != le.Uint32(tr[fragTrailerSize-4:]) {
		return nil, errors.New("its trailer's checksum does not match")
	}
	if le.Uint32(tr[8:]) != fragFormat || !bytes.Equal(tr[28:60], ctx[:]) {
		return nil, errFragStale
	}
	count, indexOff, indexCRC := int64(le.Uint32(tr[12:])), int64(le.Uint64(tr[16:])), le.Uint32(tr[24:])
	if indexOff < 0 || indexOff+count*fragEntrySize != size-fragTrailerSize {
		return nil, errors.New("its index does not fit the file")
	}
	index := make([]byte, count*fragEntrySize)
	if _, err := f.ReadAt(index, indexOff); err != nil {
		return nil, err
	}
	if crc32.Checksum(index, fragCRC) != indexCRC {
		return nil, errors.New("its index's checksum does not match")
	}
	ff := &fragFile{f: f, index: make(map[[sha256.Size]byte]fragEntry, count), end: indexOff}
	for k := range count {
		b := index[k*fragEntrySize:]
		var key [sha256.Size]byte
		copy(key[:], b)
		e := fragEntry{off: int64(le.Uint64(b[32:])), n: le.Uint32(b[40:]), crc: le.Uint32(b[44:]),
			peers: int32(le.Uint32(b[48:])), rows: int32(le.Uint32(b[52:]))}
		if e.off < 0 || e.off+int64(e.n) > indexOff || e.peers < -1 || e.rows < 0 {
			return nil, errors.New("an index entry out of bounds")
		}
		ff.index[key] = e
	}
	return ff, nil
}

// fragment is e's fragment, once read and checked (fragStore.cached).
func (e *fragEntry) fragment() fragment {
	return fragment{b: e.z, peers: int(e.peers), rows: int(e.rows)}
}

// fragWriter writes one part's file for the next run as its writer
// goes. When the last run's file is in use (fragStore.old), the new
// fragments are appended to it in place of its index, and the new index
// refers to the old fragments where they are: a re-run after a small
// change writes the changed documents' fragments and an index, not
// every document's bytes again (the files of 2,000 documents are
// ~115 MB). The old fragments are below where the appending starts, so
// the pass reads them undisturbed. When more than half of the file's
// fragments are no longer indexed, it is compacted (fragWriter.finish).
// Otherwise the file is made anew beside the old one and renamed over
// it.
type fragWriter struct {
	s     *fragStore
	part  fragPart
	f     *os.File
	temp  bool // f is a new file, renamed over the old at the end
	w     *bufio.Writer
	off   int64 // where the next fragment goes
	live  int64 // bytes of the indexed fragments
	index []byte
	count int
	err   error
}

// newFragWriter starts part p's file for the next run (nil when it
// cannot be made: noted).
func (s *fragStore) newFragWriter(p fragPart) *fragWriter {
	path := filepath.Join(s.dir, fragPartFiles[p])
	if old := s.old[p]; old != nil {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			// Without its index and trailer the file reads as damaged
			// until finish writes them: a run killed on the way leaves
			// nothing to trust.
			if err = f.Truncate(old.end); err == nil {
				_, err = f.Seek(old.end, io.SeekStart)
			}
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			s.note(fmt.Sprintf("%s: %v; not kept for the next run", path, err))
			return nil
		}
		return &fragWriter{s: s, part: p, f: f, w: bufio.NewWriterSize(f, 256<<10), off: old.end, index: make([]byte, 0, len(s.keys)*fragEntrySize)}
	}
	f, err := createTemp(path)
	if err != nil {
		s.note(fmt.Sprintf("%s: %v; not kept for the next run", s.dir, err))
		return nil
	}
	return &fragWriter{s: s, part: p, f: f, temp: true, w: bufio.NewWriterSize(f, 256<<10), index: make([]byte, 0, len(s.keys)*fragEntrySize)}
}

// add keeps fr as document i's fragment.
func (w *fragWriter) add(i int, fr fragment) {
	if w.err != nil || w.off > maxFragmentFile {
		return
	}
	if _, w.err = w.w.Write(fr.b); w.err != nil {
		return
	}
	w.addEntry(i, w.off, fr.b, crc32.Checksum(fr.b, fragCRC), fr.peers, fr.rows)
	w.off += int64(len(fr.b))
}

// addCached keeps the last run's fragment e for document i, where it
// is (the file is the last run's, appended to).
func (w *fragWriter) addCached(i int, e *fragEntry) {
	if w.err != nil {
		return
	}
	if w.temp { // the old file went (damaged): the fragment is copied
		w.add(i, e.fragment())
		return
	}
	w.addEntry(i, e.off, e.z, e.crc, int(e.peers), int(e.rows))
}

func (w *fragWriter) addEntry(i int, off int64, b []byte, crc uint32, peers, rows int) {
	le := binary.LittleEndian
	w.index = append(w.index, w.s.keys[i][:]...)
	w.index = le.AppendUint64(w.index, uint64(off))
	w.index = le.AppendUint32(w.index, uint32(len(b)))
	w.index = le.AppendUint32(w.index, crc)
	w.index = le.AppendUint32(w.index, uint32(int32(peers)))
	w.index = le.AppendUint32(w.index, uint32(int32(rows)))
	w.live += int64(len(b))
	w.count++
}

// finish writes the index and trailer (after compacting the file when
// most of it is no longer indexed); a failure is noted, and the file
// removed (the next run renders afresh).
func (w *fragWriter) finish() {
	path := filepath.Join(w.s.dir, fragPartFiles[w.part])
	if w.err == nil {
		w.err = w.w.Flush()
	}
	w.s.mu.Lock()
	broken := w.s.broken[w.part]
	w.s.mu.Unlock()
	if w.err == nil && broken && !w.temp {
		w.err = errors.New("the last run's file was found damaged while in use")
	}
	if w.err == nil && !w.temp && w.off > 2*w.live+fragCompactSlack {
		w.err = w.compact(path)
	}
	if w.err == nil {
		w.err = writeFragIndex(w.w, w.index, w.count, w.off, w.s.ctx)
	}
	if err := w.f.Close(); w.err == nil {
		w.err = err
	}
	if w.err == nil && w.temp {
		w.err = os.Rename(w.f.Name(), path)
	}
	if w.err != nil {
		os.Remove(w.f.Name())
		w.s.note(fmt.Sprintf("%s: %v; not kept for the next run", path, w.err))
	}
}

// fragCompactSlack is how many unindexed bytes a file may hold beyond
// its indexed ones before it is compacted.
const fragCompactSlack = 1 << 20

// compact copies the indexed fragments into a new file (w's from then
// on), in the index's order, rewriting the index's offsets.
func (w *fragWriter) compact(path string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := createTemp(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(dst, 256<<10)
	le := binary.LittleEndian
	var off int64
	var buf []byte
	for k := range w.count {
		e := w.index[k*fragEntrySize:]
		from, n := int64(le.Uint64(e[32:])), int(le.Uint32(e[40:]))
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		if _, err = src.ReadAt(buf[:n], from); err == nil {
			_, err = bw.Write(buf[:n])
		}
		if err != nil {
			dst.Close()
			os.Remove(dst.Name())
			return err
		}
		le.PutUint64(e[32:], uint64(off))
		off += int64(n)
	}
	w.f.Close()
	w.f, w.w, w.temp, w.off = dst, bw, true, off
	return nil
}

// writeFragIndex writes a fragments file's index and trailer, the
// fragments ending at end.
func writeFragIndex(w *bufio.Writer, index []byte, count int, end int64, ctx [sha256.Size]byte) error {
	le := binary.LittleEndian
	tr := make([]byte, 0, fragTrailerSize)
	tr = append(tr, fragMagic...)
	tr = le.AppendUint32(tr, fragFormat)
	tr = le.AppendUint32(tr, uint32(count))
	tr = le.AppendUint64(tr, uint64(end))
	tr = le.AppendUint32(tr, crc32.Checksum(index, fragCRC))
	tr = append(tr, ctx[:]...)
	tr = le.AppendUint32(tr, crc32.Checksum(tr, fragCRC))
	w.Write(index)
	w.Write(tr)
	return w.Flush()
}

// partPass is a writer's pass over the documents by fragments: fn gets
// document i's fragment of each part the pass was made for, in that
// order, cached from the last run or rendered now; they are fn's only
// during the call.
type partPass func(fn func(i int, frags []fragment) error) error

// renderedPass is a partPass over each that renders every fragment:
// what a writer reads without fragments to re-use (a report not made by
// a run with a store, or a writer outside the shared pass).
func renderedPass(each eachFunc, renders []fragRender) partPass {
	return func(fn func(i int, frags []fragment) error) error {
		frags := make([]fragment, len(renders))
		return each(func(i int, d *analysis.DocumentAnalysis) error {
			for k, render := range renders {
				var err error
				if frags[k], err = render(frags[k].b[:0], d); err != nil {
					return err
				}
			}
			return fn(i, frags)
		})
	}
}

// writeFragment writes fr with peers (the peers array's JSON) in place
// of its empty one.
func writeFragment(w io.Writer, fr fragment, peers []byte) error {
	if fr.peers < 0 {
		_, err := w.Write(fr.b)
		return err
	}
	if _, err := w.Write(fr.b[:fr.peers]); err != nil {
		return err
	}
	if _, err := w.Write(peers); err != nil {
		return err
	}
	_, err := w.Write(fr.b[fr.peers+2:])
	return err
}

// writeTableParts writes a table of header and, per document, its rows
// (rows) by fragments of part: a document whose fragment the last run
// kept (the same analysis and decisions: fragKey) gets those bytes as
// they are, the others are rendered and kept for the next run. The bytes
// are writeTable's over the same rows. The table writers read r's
// summaries, not the shared pass: each reads its own part's file (no
// other writer touches it).
func writeTableParts(w io.Writer, r *Report, s *fragStore, part fragPart, header []string, rows docRows) error {
	out := s.newFragWriter(part)
	if out != nil {
		defer out.finish()
	}
	defer func() {
		if f := s.old[part]; f != nil {
			f.dropWindow()
		}
	}()
	buf := make([]byte, 0, csvChunk+4<<10)
	buf = appendCSVRow(buf, header)
	var sc rowScratch
	for i, d := range r.Documents {
		if e := s.cached(part, s.keys[i]); e != nil {
			buf = append(buf, e.z...)
			if out != nil {
				out.addCached(i, e)
			}
			e.release()
		} else {
			start, n := len(buf), 0
			rows(r, d, &sc, func(row []string) bool {
				buf = appendCSVRow(buf, row)
				n++
				return true
			})
			if out != nil {
				out.add(i, fragment{b: buf[start:], peers: -1, rows: n})
			}
		}
		if len(buf) >= csvChunk {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err := w.Write(buf)
	return err
}
