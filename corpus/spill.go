package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"strings"
	"sync"

	"github.com/klauspost/compress/s2"

	"github.com/styrdok/styrdok/analysis"
)

// Spill keeps the full analyses of a batch run on disk, so that the run
// holds only a Summary of each document in memory, however large the
// corpus (issue 17: every analysis in memory until the reports were
// written was about 75 KB per document, 4.5 GB at 50,000). Run appends
// each analysis as it finishes (its stored encoding, codec.go,
// S2-compressed) and the report writers read them back one at a time
// (Documents.Each). A spill is a hidden temporary file, removed by
// Close; a run puts it in the output folder's staging area, where a
// killed run's leftover is cleaned up by the next.
//
// The documents' term bags, similarity's input, go to a second file of
// their own beside it (termFile): packed, they were 3.6 KB a document
// held in memory from the analysis to the similarity vectors, 180 MB at
// 50,000 (docs/benchmarks.md, "Memory at 50,000 documents"); their own
// file keeps the two passes similarity reads them in short.
//
// It is written by one goroutine (Run's collector) and, once Run has
// returned, read by any number at once.
type Spill struct {
	f     *os.File
	w     *bufio.Writer
	off   int64
	terms termFile
	done  bool
	// store is where the analyses spilled by reference (addStored) are
	// read from.
	store *Store
}

// termFile is a spill's file of term bags: per document a record of the
// bag's terms as vocabulary indices and counts (uvarints, the count of
// terms first) after its CRC-32C, so that a damaged file is an error,
// not a wrong similarity. The vocabulary (each stem once) stays in
// memory.
type termFile struct {
	f     *os.File
	w     *bufio.Writer
	off   int64
	index map[string]uint32 // stem -> vocabulary index, while bags are added
	vocab []string
	buf   []byte
	// block holds the vocabulary's stems, packed (keep).
	block strings.Builder
}

// vocabBlock is the size of one block of stems: a stem of a few bytes
// cloned alone took a 16-byte size class and was one more object for
// the collector to mark, and the vocabulary is held for the whole run.
const vocabBlock = 64 << 10

// keep returns a copy of st in the vocabulary's current block, starting
// a new block when st does not fit. What a strings.Builder has written
// is never overwritten (it grows by copying), so the strings taken from
// a block stay valid while it is filled.
func (t *termFile) keep(st string) string {
	if len(st) > vocabBlock/4 {
		return strings.Clone(st)
	}
	if t.block.Cap()-t.block.Len() < len(st) {
		t.block = strings.Builder{}
		t.block.Grow(vocabBlock)
	}
	start := t.block.Len()
	t.block.WriteString(st)
	return t.block.String()[start:]
}

// spillRef is where one document is in a spill: its analysis (off, n)
// and its term bag (toff, tn) in the spill's term file.
type spillRef struct {
	off  int64
	toff int64
	n    int32
	tn   int32
	// sum is the SHA-256 of the spilled bytes: the identity of the full
	// analysis (a re-used analysis is spilled as the store holds it, and
	// a fresh one as it is stored), which the report writers' cached
	// fragments are keyed by (Documents.Digest).
	sum [sha256.Size]byte
	// stored, when set, is where the analysis is instead of the spill
	// file: the store, whose bytes have the digest sum (addStored).
	stored *storedAnalysis
}

// storedAnalysis is an analysis in the store: the content's hash and the
// analysis key it was made with.
type storedAnalysis struct {
	sha string
	key AnalysisKey
}

// NewSpill creates a spill file in dir, named after pattern
// (os.CreateTemp), and its term file beside it, named alike.
func NewSpill(dir, pattern string) (*Spill, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("spill file in %s: %w", dir, err)
	}
	tf, err := os.CreateTemp(dir, pattern)
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("spill file in %s: %w", dir, err)
	}
	return &Spill{f: f, w: bufio.NewWriterSize(f, 256<<10),
		terms: termFile{f: tf, w: bufio.NewWriterSize(tf, 64<<10), index: map[string]uint32{}}}, nil
}

// Name is the spill file's path.
func (s *Spill) Name() string { return s.f.Name() }

// TermsName is the path of the spill's term file.
func (s *Spill) TermsName() string { return s.terms.f.Name() }

// maxSpillRecord bounds one record of a spill: an int32 length. An
// analysis is bounded far below by the text limit (ingest's
// MaxTextBytes).
const maxSpillRecord = 1<<31 - 1

// add appends one S2-compressed analysis, whose SHA-256 is sum, and its
// term bag.
func (s *Spill) add(packed []byte, sum [sha256.Size]byte, bag analysis.TermBag) (spillRef, error) {
	if len(packed) > maxSpillRecord {
		return spillRef{}, fmt.Errorf("spill file %s: an analysis of %d bytes", s.f.Name(), len(packed))
	}
	if _, err := s.w.Write(packed); err != nil {
		return spillRef{}, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	ref := spillRef{off: s.off, n: int32(len(packed)), sum: sum}
	s.off += int64(len(packed))
	var err error
	ref.toff, ref.tn, err = s.terms.add(bag)
	return ref, err
}

// addStored adds an analysis the store holds (at), whose stored bytes
// have the SHA-256 sum, by reference: the spill file gets its term bag
// only, and the analysis is read from the store if a report writer reads
// it (Documents.EachWhere). A run whose summaries came from the store's
// summaries file need not read the analyses of the documents that did
// not change at all.
func (s *Spill) addStored(at *storedAnalysis, sum [sha256.Size]byte, bag analysis.TermBag) (spillRef, error) {
	if s.store == nil {
		return spillRef{}, fmt.Errorf("spill file %s: an analysis by reference without a store", s.f.Name())
	}
	ref := spillRef{sum: sum, stored: at}
	var err error
	ref.toff, ref.tn, err = s.terms.add(bag)
	return ref, err
}

// add appends bag's record; it returns where the record is.
func (t *termFile) add(bag analysis.TermBag) (int64, int32, error) {
	b := append(t.buf[:0], 0, 0, 0, 0) // the CRC, below
	b = binary.AppendUvarint(b, uint64(len(bag.Stems)))
	for k, st := range bag.Stems {
		id, ok := t.index[st]
		if !ok {
			id = uint32(len(t.vocab))
			st = t.keep(st) // kept for the run: not a piece of a text
			t.index[st] = id
			t.vocab = append(t.vocab, st)
		}
		b = binary.AppendUvarint(b, uint64(id))
		b = binary.AppendUvarint(b, uint64(uint32(bag.Counts[k])))
	}
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	t.buf = b
	if len(b) > maxSpillRecord {
		return 0, 0, fmt.Errorf("spill file %s: a term bag of %d terms", t.f.Name(), len(bag.Stems))
	}
	if _, err := t.w.Write(b); err != nil {
		return 0, 0, fmt.Errorf("spill file %s: %w", t.f.Name(), err)
	}
	off := t.off
	t.off += int64(len(b))
	return off, int32(len(b)), nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// read decodes the term bag of the record at off (n bytes) into bag,
// re-using its slices; buf is the caller's scratch space.
func (t *termFile) read(off int64, n int32, buf *[]byte, bag *analysis.TermBag) error {
	if cap(*buf) < int(n) {
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	if _, err := t.f.ReadAt(b, off); err != nil {
		return fmt.Errorf("spill file %s: %w", t.f.Name(), err)
	}
	damaged := func(what string) error {
		return fmt.Errorf("spill file %s: the term bag at byte %d is damaged (%s)", t.f.Name(), off, what)
	}
	if len(b) < 4 || binary.LittleEndian.Uint32(b) != crc32.Checksum(b[4:], castagnoli) {
		return damaged("checksum")
	}
	b = b[4:]
	next := func() (uint64, bool) {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, false
		}
		b = b[k:]
		return v, true
	}
	terms, ok := next()
	if !ok || terms > uint64(len(b))/2 {
		return damaged("length")
	}
	bag.Stems, bag.Counts = bag.Stems[:0], bag.Counts[:0]
	for range terms {
		id, ok1 := next()
		c, ok2 := next()
		if !ok1 || !ok2 || id >= uint64(len(t.vocab)) || c > math.MaxUint32 {
			return damaged("term")
		}
		bag.Stems = append(bag.Stems, t.vocab[id])
		bag.Counts = append(bag.Counts, int32(uint32(c)))
	}
	if len(b) != 0 {
		return damaged("trailing bytes")
	}
	return nil
}

// finish makes what was added readable.
func (s *Spill) finish() error {
	if s.done {
		return nil
	}
	s.done = true
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	if err := s.terms.w.Flush(); err != nil {
		return fmt.Errorf("spill file %s: %w", s.terms.f.Name(), err)
	}
	s.terms.index, s.terms.buf = nil, nil // no more bags: the vocabulary alone is read
	s.terms.block = strings.Builder{}     // its blocks stay alive through vocab
	return nil
}

// read decodes the analysis at ref; buf and zbuf are the caller's
// scratch space (grown and returned), small its shared short strings
// (decodeAnalysis).
func (s *Spill) read(ref spillRef, zbuf, buf *[]byte, small map[string]string) (*analysis.DocumentAnalysis, error) {
	if ref.stored != nil {
		return s.readStored(ref, buf, small)
	}
	if cap(*zbuf) < int(ref.n) {
		*zbuf = make([]byte, ref.n)
	}
	z := (*zbuf)[:ref.n]
	if _, err := s.f.ReadAt(z, ref.off); err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	d, err := decodePacked(z, buf, small)
	if err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return d, nil
}

// readStored decodes the analysis ref refers to in the store; its bytes
// must still have the digest they had when summarised, or the reports
// would not be the summary's.
func (s *Spill) readStored(ref spillRef, buf *[]byte, small map[string]string) (*analysis.DocumentAnalysis, error) {
	z, err := s.store.LoadPackedAnalysis(ref.stored.sha, ref.stored.key)
	if err == nil && sha256.Sum256(z) != ref.sum {
		err = fmt.Errorf("store %s: the analysis of %s is not the one its summary in %s was made from", s.store.Path(), ref.stored.sha, s.summariesPath())
	}
	if err != nil {
		// The store changed under its summaries file (damaged, or
		// replaced): without the file, the next run reads every analysis
		// from the store, names what is damaged and analyses it again.
		if rerr := os.Remove(s.summariesPath()); rerr == nil || errors.Is(rerr, os.ErrNotExist) {
			err = fmt.Errorf("%w (%s removed: run again)", err, s.summariesPath())
		}
		return nil, err
	}
	d, err := decodePacked(z, buf, small)
	if err != nil {
		return nil, fmt.Errorf("store %s: analysis of %s: %w", s.store.Path(), ref.stored.sha, err)
	}
	return d, nil
}

func (s *Spill) summariesPath() string { return s.store.Path() + SummariesSuffix }

// decodePacked decodes an S2-compressed analysis encoding z; buf is the
// caller's scratch space.
func decodePacked(z []byte, buf *[]byte, small map[string]string) (*analysis.DocumentAnalysis, error) {
	n, err := s2.DecodedLen(z)
	if err != nil {
		return nil, err
	}
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	data, err := s2.Decode((*buf)[:n], z)
	if err != nil {
		return nil, err
	}
	return analysis.DecodeShared(data, small)
}

// Close closes and removes the spill file.
func (s *Spill) Close() error {
	var errs []error
	for _, f := range []*os.File{s.f, s.terms.f} {
		errs = append(errs, f.Close(), os.Remove(f.Name()))
	}
	return errors.Join(errs...)
}

// Documents is the documents of a batch run with a spill (BatchResult):
// their summaries in memory, sorted by file, and the full analyses and
// term bags on disk, read back one at a time in the same order. It is
// the document source of the report writers (reports.Source).
type Documents struct {
	spill *Spill
	refs  []spillRef // refs[i]: where the analysis and term bag of summary i are
	sums  []*analysis.DocumentAnalysis
	arena *analysis.SummaryArena // where sums are kept, their themes packed
	bufs  sync.Pool              // ReadTermBag's read buffers (*[]byte): a run reads every bag twice
}

// SummaryThemes returns the themes of d, one of the summaries
// (BatchResult.Documents), decoded into buf (re-used when large enough):
// the summaries keep them packed, not in d.Themes
// (analysis.SummaryArena). For any other document, d.Themes. Several
// goroutines may call it at once.
func (ds *Documents) SummaryThemes(d *analysis.DocumentAnalysis, buf []analysis.ThemeCoverage) []analysis.ThemeCoverage {
	return ds.arena.Themes(d, buf)
}

// ReadTermBag reads document i's term bag (analysis.DocumentAnalysis.Terms,
// which the summaries leave out) into bag, re-using its slices; the
// stems are shared with every bag read. The error names the spill file
// and the document. Several goroutines may read at once, each into its
// own bag.
func (ds *Documents) ReadTermBag(i int, bag *analysis.TermBag) error {
	buf, _ := ds.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer ds.bufs.Put(buf)
	if err := ds.spill.terms.read(ds.refs[i].toff, ds.refs[i].tn, buf, bag); err != nil {
		return fmt.Errorf("%s: %w", ds.sums[i].File, err)
	}
	return nil
}

// Len is the number of documents.
func (ds *Documents) Len() int { return len(ds.refs) }

// Each calls fn with the full analysis of every document, in the order
// of the summaries, each decoded from the spill when its turn comes; d
// is fn's alone and not kept by Each. What can change after the
// analysis was made is taken from the summary: the file name (the same
// content may sit under several paths), the attribution (decided at the
// run's threshold) and the status (judged at the run's date). Each may
// be called by several goroutines at once; each call reads the spill on
// its own. It stops at fn's first error and returns it, or the first
// read error, naming the spill file and the document.
func (ds *Documents) Each(fn func(i int, d *analysis.DocumentAnalysis) error) error {
	return ds.EachWhere(nil, fn)
}

// Digest is the SHA-256 of document i's full analysis as spilled (its
// stored S2 encoding): two documents with the same digest decode to the
// same analysis, before Each sets what the summary decides (file,
// attribution, status).
func (ds *Documents) Digest(i int) [sha256.Size]byte { return ds.refs[i].sum }

// EachWhere is Each, but reads and decodes document i only when need(i)
// (nil: every document), and otherwise calls fn(i, nil): the report
// writers that hold a document's rendered rows from an earlier run
// (reports' fragments) need not decode it.
func (ds *Documents) EachWhere(need func(i int) bool, fn func(i int, d *analysis.DocumentAnalysis) error) error {
	var zbuf, buf []byte
	small := map[string]string{}
	for i, ref := range ds.refs {
		if need != nil && !need(i) {
			if err := fn(i, nil); err != nil {
				return err
			}
			continue
		}
		if len(small) > maxSharedStrings {
			clear(small)
		}
		d, err := ds.spill.read(ref, &zbuf, &buf, small)
		if err != nil {
			return fmt.Errorf("%s: %w", ds.sums[i].File, err)
		}
		s := ds.sums[i]
		d.File, d.Municipality, d.Meta.Status = s.File, s.Municipality, s.Meta.Status
		if err := fn(i, d); err != nil {
			return err
		}
	}
	return nil
}
