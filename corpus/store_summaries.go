package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync"
	"unsafe"

	"github.com/styrdok/styrdok/analysis"
)

// The summaries file, `<store>.summaries` beside the store, keeps what a
// batch run with a spill takes from each stored analysis it re-uses: the
// document's Summary with its term bag, and the SHA-256 of the analysis
// as stored (the spill's digest, which the report writers' fragments are
// keyed by). A re-run that finds a document there reads a few KB from
// this file instead of the document's 19 KB analysis from SQLite,
// decompressing it and reading over its evidence (issue 17 item 3: that
// was a third to a half of a re-run after one changed file). The
// analysis itself is read from the store only if a report writer needs
// it (no fragment of it: Documents.EachWhere), and then checked against
// the digest.
//
// It is a cache: a file that is missing, damaged, of another format or
// styrdok version is not read (the analyses are read from the store, as
// without it) and the run writes a new one, beside the old one as
// `<store>.summaries.tmp` (what a killed run left is overwritten by the
// next), renamed over it when done. A run that found a usable file adds
// to it in place instead (summariesWriter): its index and trailer are
// cut off, the records that are new (or changed) are appended, and a new
// index, which refers to the kept records where they are, and trailer
// end it. Rewriting every record was ~15 MB of writes at 2,000
// documents and ~75 MB at 10,000 after one changed file. Until the new
// trailer is written the file has none, so a run stopped at any moment
// leaves a file that reads as unfinished (not used, and written anew by
// the next run) or the new one, whole; a run that fails before it
// commits puts the old index back. When the records no longer indexed
// outweigh the indexed ones the file is compacted into a new one.
// Nothing is fsynced: a file torn by a crash fails its checksums and is
// not read.
//
// Layout: a header (summariesMagic, the format and styrdok's version),
// then the records, then the index (per entry the analysis key's content
// hash, pipeline version and codebook hash, and where its record is),
// then a trailer: the index's offset and length, its CRC-32C, and
// summariesMagic again. A record is its CRC-32C, the digest (32 bytes),
// the summary without its term bag in the store's binary form of an
// analysis (analysis.AppendEncoded; length first), the text filter
// (analysis.AppendTextFilter, length first; empty when the run that made
// the record did not have the text) and the term bag (the count of
// terms, then each stem, length first, and its count; uvarints).

// summariesMagic starts and ends a summaries file.
const summariesMagic = "styrdok-summaries"

// summariesFormat is the layout's version; a file of another is not read
// (2: the summary in binary, not JSON; 3: the text filter).
const summariesFormat = 3

// SummariesSuffix is the suffix of the summaries file beside the store.
const SummariesSuffix = ".summaries"

// maxSummaryRecord bounds a record read back: far above any summary (a
// few KB and the term bag of a text within the text limit).
const maxSummaryRecord = 64 << 20

// summaryKey is what a summaries entry is found by: the content and the
// analysis key's pipeline version and codebook (the store's).
type summaryKey struct {
	sha, version, codebook string
}

type summaryPos struct {
	off int64
	n   int32
}

// summaries is an open summaries file, read by the workers of a Run at
// once (ReadAt).
type summaries struct {
	f     *os.File
	index map[summaryKey]summaryPos
	// end is where the records end (the index's offset); tail is the
	// index and trailer as read, put back by a run that added to the
	// file and stopped before its commit (summariesWriter.abort).
	end  int64
	tail []byte
	head []byte // the header, which a compacted file starts with

	// handed is where each record lookup gave out is, by content,
	// checksum and length: a record the run writes back unchanged is
	// indexed where it is instead of appended again (summariesWriter.add).
	mu     sync.Mutex
	handed map[handedRecord]int64

	// free is the records and term bags the run's collector is done
	// with, for lookup and decodeSummaryRecord to fill again.
	free recordFreeList
}

// handedRecord identifies a record given out by lookup: its content's
// hash, its CRC-32C (its first four bytes, over all the others) and its
// length. A record changed since (withTextFilter) has another checksum.
type handedRecord struct {
	sha string
	crc uint32
	n   int32
}

// errSummariesUnfinished: the file has no trailer, as a run stopped while
// adding to it leaves it. It is not used, and written anew, without a
// warning: a stopped run is not damage.
var errSummariesUnfinished = errors.New("no trailer (an unfinished file)")

// openSummaries opens the summaries file at path made by styrdok version
// v. A missing file is (nil, nil); a file that cannot be used is nil and
// the reason, which the run names and goes on without it.
func openSummaries(path, v string) (*summaries, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s, err := readSummariesIndex(f, v)
	if errors.Is(err, errSummariesUnfinished) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w (not used; a new one is written)", path, err)
	}
	return s, nil
}

func summariesHeader(v string) []byte {
	b := append([]byte(summariesMagic), summariesFormat)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// summariesTrailer is the trailer's length: index offset, index length,
// the index's CRC-32C, the magic.
const summariesTrailer = 8 + 8 + 4 + len(summariesMagic)

func readSummariesIndex(f *os.File, v string) (*summaries, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	head := summariesHeader(v)
	if fi.Size() < int64(len(head)+summariesTrailer) {
		return nil, errors.New("too short")
	}
	got := make([]byte, len(head))
	if _, err := f.ReadAt(got, 0); err != nil {
		return nil, err
	}
	if !bytes.Equal(got, head) {
		return nil, errors.New("another format or styrdok version")
	}
	tr := make([]byte, summariesTrailer)
	if _, err := f.ReadAt(tr, fi.Size()-int64(summariesTrailer)); err != nil {
		return nil, err
	}
	if string(tr[20:]) != summariesMagic {
		return nil, errSummariesUnfinished
	}
	off, n := int64(binary.LittleEndian.Uint64(tr)), int64(binary.LittleEndian.Uint64(tr[8:]))
	if off < int64(len(head)) || n < 0 || off+n != fi.Size()-int64(summariesTrailer) {
		return nil, errors.New("damaged trailer")
	}
	b := make([]byte, n)
	if _, err := f.ReadAt(b, off); err != nil {
		return nil, err
	}
	if crc32.Checksum(b, castagnoli) != binary.LittleEndian.Uint32(tr[16:]) {
		return nil, errors.New("damaged index")
	}
	s := &summaries{f: f, index: map[summaryKey]summaryPos{}, end: off, tail: append(b, tr...), head: head,
		handed: map[handedRecord]int64{}}
	r := byteReader{b: b}
	count := r.uvarint()
	for i := uint64(0); i < count && r.err == nil; i++ {
		k := summaryKey{sha: r.str(), version: r.str(), codebook: r.str()}
		at, rn := int64(r.uvarint()), r.uvarint()
		if r.err == nil && (at < int64(len(head)) || rn > maxSummaryRecord || at+int64(rn) > off) {
			r.err = errors.New("entry out of bounds")
		}
		s.index[k] = summaryPos{off: at, n: int32(rn)}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errors.New("damaged index")
	}
	return s, nil
}

// lookup returns the record of content sha analysed with key k, or nil
// when there is none; win is the calling worker's read window (nil: the
// record alone is read).
func (s *summaries) lookup(sha string, k AnalysisKey, win *summariesWindow) ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	p, ok := s.index[summaryKey{sha, k.PipelineVersion, k.CodebookHash}]
	if !ok {
		return nil, nil
	}
	rec := s.free.record(int(p.n))
	var err error
	if win != nil && int64(p.n) <= summariesWindowSize/4 {
		err = win.read(s.f, rec, p.off)
	} else {
		_, err = s.f.ReadAt(rec, p.off)
	}
	if err != nil {
		return nil, fmt.Errorf("summaries file %s: %w", s.f.Name(), err)
	}
	if len(rec) >= 4 {
		s.mu.Lock()
		s.handed[handedRecord{sha, binary.LittleEndian.Uint32(rec), p.n}] = p.off
		s.mu.Unlock()
	}
	return rec, nil
}

// handedAt is where record rec of content sha is in the file, when
// lookup gave it out and it is unchanged.
func (s *summaries) handedAt(sha string, rec []byte) (int64, bool) {
	if s == nil || len(rec) < 4 {
		return 0, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	off, ok := s.handed[handedRecord{sha, binary.LittleEndian.Uint32(rec), int32(len(rec))}]
	return off, ok
}

// recycle gives back record rec and its decoded term bag once the run's
// collector is done with both (the spill has taken the bag's stems, the
// summaries writer the record): the next lookup and decodeSummaryRecord
// fill them again.
func (s *summaries) recycle(rec []byte, bag analysis.TermBag) {
	if s != nil {
		s.free.put(rec, bag)
	}
}

// recordFreeList keeps the summaries records and term bags a run's
// collector is done with (summaries.recycle) for the workers to fill
// again. A re-run reads every kept document's record (14.6 MB at 2,000
// documents) and decodes its term bag; in fresh memory for each, copying
// the record out of the read window and filling the bag's slices were
// ~0.2 s of a one-file re-run's ~2 s of CPU at 2,000 documents (a
// growing heap's page faults, most of it). The records are handed out
// and back in about the same order, so a few dozen buffers serve them
// all. Bounded: at most maxFreeRecords of each kind, none larger than
// maxFreeRecordSize bytes or maxFreeBagTerms terms.
type recordFreeList struct {
	mu     sync.Mutex
	recs   [][]byte
	stems  [][]string
	counts [][]int32
}

const (
	maxFreeRecords    = 64
	maxFreeRecordSize = 64 << 10
	maxFreeBagTerms   = 8192
)

// record is a buffer of n bytes, a free one when one is large enough.
func (l *recordFreeList) record(n int) []byte {
	if l != nil && n <= maxFreeRecordSize {
		l.mu.Lock()
		for k := len(l.recs) - 1; k >= 0; k-- {
			if b := l.recs[k]; cap(b) >= n {
				last := len(l.recs) - 1
				l.recs[k], l.recs[last] = l.recs[last], nil
				l.recs = l.recs[:last]
				l.mu.Unlock()
				return b[:n]
			}
		}
		l.mu.Unlock()
		// Rounded up, so that a buffer given back fits most records after it.
		return make([]byte, n, (n+4095)&^4095)
	}
	return make([]byte, n)
}

// bag is an empty term bag with room for n terms, free slices when
// large enough.
func (l *recordFreeList) bag(n int) analysis.TermBag {
	if l != nil && n <= maxFreeBagTerms {
		l.mu.Lock()
		for k := len(l.stems) - 1; k >= 0; k-- {
			if cap(l.stems[k]) >= n && cap(l.counts[k]) >= n {
				last := len(l.stems) - 1
				bag := analysis.TermBag{Stems: l.stems[k][:0], Counts: l.counts[k][:0]}
				l.stems[k], l.stems[last] = l.stems[last], nil
				l.counts[k], l.counts[last] = l.counts[last], nil
				l.stems, l.counts = l.stems[:last], l.counts[:last]
				l.mu.Unlock()
				return bag
			}
		}
		l.mu.Unlock()
		n = (n + 255) &^ 255
	}
	return analysis.TermBag{Stems: make([]string, 0, n), Counts: make([]int32, 0, n)}
}

// put keeps rec and bag for the next record; what is too large, or
// beyond the list's bound, is left to the garbage collector.
func (l *recordFreeList) put(rec []byte, bag analysis.TermBag) {
	keepBag := cap(bag.Stems) > 0 && cap(bag.Stems) <= maxFreeBagTerms && cap(bag.Counts) >= cap(bag.Stems)
	if keepBag {
		// The stems are pieces of a record: cleared, so that none is
		// read once its bytes are another record's. (Past len they were
		// cleared when the slice was last given back.)
		clear(bag.Stems)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if rec != nil && cap(rec) <= maxFreeRecordSize && len(l.recs) < maxFreeRecords {
		l.recs = append(l.recs, rec)
	}
	if keepBag && len(l.stems) < maxFreeRecords {
		l.stems = append(l.stems, bag.Stems)
		l.counts = append(l.counts, bag.Counts)
	}
}

// freeList is s's list of records and bags to fill again; nil without a
// file.
func (s *summaries) freeList() *recordFreeList {
	if s == nil {
		return nil
	}
	return &s.free
}

// summariesWindowSize is a worker's read window of the summaries file.
const summariesWindowSize = 256 << 10

// summariesWindow is a piece of the summaries file a worker read: a
// re-run asks for the records in about the order the last run wrote them
// (the order of the files), so one read serves the next few dozen
// records instead of one pread each (a tenth of a re-run's system time
// after one changed file of 2,000). The records are copied out of it: a
// record's term bag refers to its bytes until the run's collector has
// taken them, and the window is read over by then.
type summariesWindow struct {
	f   *os.File
	off int64
	b   []byte
}

// read fills rec with the file's bytes at off, from the window, or from
// a new window read at off.
func (w *summariesWindow) read(f *os.File, rec []byte, off int64) error {
	if w.f != f || off < w.off || off+int64(len(rec)) > w.off+int64(len(w.b)) {
		if cap(w.b) < summariesWindowSize {
			w.b = make([]byte, summariesWindowSize)
		}
		w.f, w.off = nil, off
		n, err := f.ReadAt(w.b[:summariesWindowSize], off)
		if n < len(rec) {
			w.b = w.b[:0]
			if err == nil {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		w.f, w.b = f, w.b[:n]
	}
	copy(rec, w.b[off-w.off:])
	return nil
}

func (s *summaries) close() {
	if s != nil {
		s.f.Close()
	}
}

// encodeSummaryRecord makes the record of summary d (analysis.Summary,
// its Terms set) whose stored analysis has digest sum: the summary
// without its term bag in the store's own binary form
// (analysis.AppendEncoded; a summary has no evidence, sections or
// actions to encode) and without its file name, which the run that
// reads it sets, then the text's filter (nil: none) and the term bag.
// Format 1 kept the summary as JSON, whose decoding was 60% of a
// record's.
func encodeSummaryRecord(d *analysis.DocumentAnalysis, sum [sha256.Size]byte, filter []byte) []byte {
	doc := *d
	doc.File, doc.Terms = "", analysis.TermBag{}
	enc := analysis.AppendEncoded(nil, &doc)
	// The term bag's bytes counted exactly: guessed at 8 bytes a stem,
	// the record outgrew its buffer and was copied once more (17 of the
	// 32 MB the records allocated on 2,000 documents).
	bag := binary.MaxVarintLen64
	for i, st := range d.Terms.Stems {
		bag += uvarintLen(uint64(len(st))) + len(st) + uvarintLen(uint64(uint32(d.Terms.Counts[i])))
	}
	b := make([]byte, 4, 4+len(sum)+2*binary.MaxVarintLen64+len(enc)+len(filter)+bag)
	b = append(b, sum[:]...)
	b = binary.AppendUvarint(b, uint64(len(enc)))
	b = append(b, enc...)
	b = binary.AppendUvarint(b, uint64(len(filter)))
	b = append(b, filter...)
	b = binary.AppendUvarint(b, uint64(len(d.Terms.Stems)))
	for i, st := range d.Terms.Stems {
		b = binary.AppendUvarint(b, uint64(len(st)))
		b = append(b, st...)
		b = binary.AppendUvarint(b, uint64(uint32(d.Terms.Counts[i])))
	}
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

// uvarintLen is the length of binary.AppendUvarint's encoding of v.
func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// decodeSummaryRecord reads a record back: the summary (analysis.Summary
// of what was stored, its Terms set; File is empty) and the digest.
// small is the caller's table of shared short strings
// (analysis.DecodeShared) for the summary's; the term bag's slices come
// from free (nil: new ones). The term bag's stems are
// rec's bytes, not copies: rec must not change while the bag is used.
// (Copying them, or sharing them through small, cost 60 µs a record,
// 40% of decoding one: BenchmarkSummaryRecord.)
func decodeSummaryRecord(rec []byte, small map[string]string, free *recordFreeList) (*analysis.DocumentAnalysis, [sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	if len(rec) < 4+len(sum) || crc32.Checksum(rec[4:], castagnoli) != binary.LittleEndian.Uint32(rec) {
		return nil, sum, errors.New("damaged record (checksum)")
	}
	copy(sum[:], rec[4:])
	r := byteReader{b: rec[4+len(sum):]}
	enc := r.bytes()
	if r.err != nil {
		return nil, sum, errors.New("damaged record")
	}
	d, err := analysis.DecodeSummary(enc, small)
	if err != nil {
		return nil, sum, fmt.Errorf("damaged record (%w)", err)
	}
	r.bytes() // the text filter (summaryRecordFilter)
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errors.New("term count")
	}
	d.Terms = analysis.TermBag{}
	if n > 0 && r.err == nil {
		d.Terms = free.bag(int(n))
	}
	for i := uint64(0); i < n && r.err == nil; i++ {
		b := r.bytes()
		c := r.uvarint()
		var st string
		if len(b) > 0 {
			// The record's own bytes: the bag lives only until the spill
			// has taken its stems (Spill.add copies each new stem into
			// its vocabulary), and nothing writes into rec.
			st = unsafe.String(&b[0], len(b))
		}
		d.Terms.Stems = append(d.Terms.Stems, st)
		d.Terms.Counts = append(d.Terms.Counts, int32(uint32(c)))
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, sum, errors.New("damaged record (terms)")
	}
	return d, sum, nil
}

// summaryRecordFilter is the text filter of record rec (empty when it
// has none), rec's checksum checked: a filter decides that a document's
// kept analysis is used without its text, so a damaged one is not read
// (false).
func summaryRecordFilter(rec []byte) ([]byte, bool) {
	if len(rec) < 4+sha256.Size || crc32.Checksum(rec[4:], castagnoli) != binary.LittleEndian.Uint32(rec) {
		return nil, false
	}
	r := byteReader{b: rec[4+sha256.Size:]}
	r.bytes() // the summary
	f := r.bytes()
	return f, r.err == nil
}

// withTextFilter is record rec with filter in place of the one it has
// (a record made without the text, given the filter when a run has the
// text at hand); rec itself when it cannot be read.
func withTextFilter(rec, filter []byte) []byte {
	if _, ok := summaryRecordFilter(rec); !ok {
		return rec
	}
	r := byteReader{b: rec[4+sha256.Size:]}
	r.bytes()
	at := len(rec) - len(r.b) // the filter's length
	r.bytes()
	rest := r.b // the term bag
	b := make([]byte, 0, len(rec)+len(filter)+binary.MaxVarintLen64)
	b = append(b, rec[:at]...)
	b = binary.AppendUvarint(b, uint64(len(filter)))
	b = append(b, filter...)
	b = append(b, rest...)
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

// byteReader reads uvarints and length-prefixed strings; the first
// problem sticks in err.
type byteReader struct {
	b   []byte
	err error
}

func (r *byteReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *byteReader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *byteReader) str() string { return string(r.bytes()) }

// summariesWriter writes a run's summaries file: in place, after the
// records of the file the run read (old), or under a temporary name
// beside path, renamed to path by commit.
type summariesWriter struct {
	path string
	f    *os.File
	w    *bufio.Writer
	off  int64
	// old is the file the run read, when the writer adds to it (f is
	// then that file, opened for writing); nil when f is a new file.
	old     *summaries
	entries []summaryEntry
	live    int64               // bytes of the indexed records
	slack   int64               // summariesCompactSlack (a test sets it lower)
	seen    map[summaryKey]bool // the same content under two paths: one entry
	err     error
}

// summaryEntry is one entry of the index being written.
type summaryEntry struct {
	key summaryKey
	pos summaryPos
}

// summariesCompactSlack is how many bytes of records no longer indexed
// a file may hold beyond its indexed ones before it is compacted.
const summariesCompactSlack = 1 << 20

// newSummariesWriter starts the summaries file at path of styrdok
// version v; old is the file the run read there (nil: none usable), which
// the run then adds to.
func newSummariesWriter(path, v string, old *summaries) (*summariesWriter, error) {
	if old != nil {
		if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
			// Without its index and trailer the file reads as
			// unfinished until commit writes them.
			if err = f.Truncate(old.end); err == nil {
				_, err = f.Seek(old.end, io.SeekStart)
			}
			if err == nil {
				return &summariesWriter{path: path, f: f, w: bufio.NewWriterSize(f, 256<<10), off: old.end, old: old,
					seen: map[summaryKey]bool{}, slack: summariesCompactSlack}, nil
			}
			f.Close()
		}
		// Not writable in place: a new file, as without one.
	}
	// One name, as the similarity state's: what a killed run left is
	// overwritten by the next, not left to pile up.
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return nil, err
	}
	w := &summariesWriter{path: path, f: f, w: bufio.NewWriterSize(f, 256<<10), seen: map[summaryKey]bool{}}
	w.write(summariesHeader(v))
	return w, w.err
}

func (w *summariesWriter) write(b []byte) {
	if w.err != nil {
		return
	}
	if _, err := w.w.Write(b); err != nil {
		w.err = err
	}
	w.off += int64(len(b))
}

// add makes record rec the entry of content sha analysed with key k: a
// record the file already holds as it is (given out by lookup,
// unchanged) is indexed where it is, any other appended.
func (w *summariesWriter) add(sha string, k AnalysisKey, rec []byte) {
	sk := summaryKey{sha, k.PipelineVersion, k.CodebookHash}
	if w.err != nil || len(rec) > maxSummaryRecord || w.seen[sk] {
		return
	}
	w.seen[sk] = true
	pos := summaryPos{off: w.off, n: int32(len(rec))}
	if off, ok := w.old.handedAt(sha, rec); ok {
		pos.off = off
	} else {
		w.write(rec)
	}
	w.entries = append(w.entries, summaryEntry{sk, pos})
	w.live += int64(len(rec))
}

// commit writes the index and trailer, after compacting a file added to
// whose records are mostly no longer indexed, and renames a new file to
// its path (old, the file read, is closed).
func (w *summariesWriter) commit(old *summaries) error {
	if err := w.w.Flush(); w.err == nil {
		w.err = err
	}
	if w.err == nil && w.old != nil && w.off > 2*w.live+w.slack {
		w.err = w.compact()
	}
	idx := binary.AppendUvarint(nil, uint64(len(w.entries)))
	for _, e := range w.entries {
		for _, s := range []string{e.key.sha, e.key.version, e.key.codebook} {
			idx = binary.AppendUvarint(idx, uint64(len(s)))
			idx = append(idx, s...)
		}
		idx = binary.AppendUvarint(idx, uint64(e.pos.off))
		idx = binary.AppendUvarint(idx, uint64(e.pos.n))
	}
	at := w.off
	w.write(idx)
	tr := binary.LittleEndian.AppendUint64(nil, uint64(at))
	tr = binary.LittleEndian.AppendUint64(tr, uint64(len(idx)))
	tr = binary.LittleEndian.AppendUint32(tr, crc32.Checksum(idx, castagnoli))
	w.write(append(tr, summariesMagic...))
	if err := w.w.Flush(); w.err == nil {
		w.err = err
	}
	if err := w.f.Close(); w.err == nil {
		w.err = err
	}
	old.close()
	if w.err == nil && w.old == nil {
		w.err = os.Rename(w.f.Name(), w.path)
	}
	if w.err != nil {
		os.Remove(w.f.Name())
		return fmt.Errorf("summaries file %s: %w", w.path, w.err)
	}
	return nil
}

// compact copies the indexed records of the file added to into a new
// file (w's from then on), in the index's order, their offsets with
// them. The records written by this run are flushed, so the old file's
// reader sees them.
func (w *summariesWriter) compact() error {
	dst, err := os.Create(w.path + ".tmp")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(dst, 256<<10)
	bw.Write(w.old.head)
	off := int64(len(w.old.head))
	var buf []byte
	for k := range w.entries {
		p := &w.entries[k].pos
		buf = grow(buf, int(p.n))
		if _, err = w.old.f.ReadAt(buf, p.off); err == nil {
			_, err = bw.Write(buf)
		}
		if err != nil {
			dst.Close()
			os.Remove(dst.Name())
			return err
		}
		p.off = off
		off += int64(p.n)
	}
	w.f.Close()
	w.f, w.w, w.off, w.old = dst, bw, off, nil
	return nil
}

// abort drops what the run wrote: an unfinished new file is removed, a
// file added to gets its old index and trailer back (failing that, it
// stays unfinished and is written anew by the next run).
func (w *summariesWriter) abort() {
	if w.old != nil {
		if err := w.f.Truncate(w.old.end); err == nil {
			w.f.WriteAt(w.old.tail, w.old.end)
		}
		w.f.Close()
		return
	}
	w.f.Close()
	os.Remove(w.f.Name())
}
