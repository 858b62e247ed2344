package corpus

import (
	"bufio"
	"fmt"
	"os"

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
// It is written by one goroutine (Run's collector) and, once Run has
// returned, read by any number at once.
type Spill struct {
	f    *os.File
	w    *bufio.Writer
	off  int64
	done bool
}

// spillRef is where one analysis is in a spill.
type spillRef struct {
	off int64
	n   int
}

// NewSpill creates a spill file in dir, named after pattern
// (os.CreateTemp).
func NewSpill(dir, pattern string) (*Spill, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("spill file in %s: %w", dir, err)
	}
	return &Spill{f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// Name is the spill file's path.
func (s *Spill) Name() string { return s.f.Name() }

// add appends one S2-compressed analysis.
func (s *Spill) add(packed []byte) (spillRef, error) {
	if _, err := s.w.Write(packed); err != nil {
		return spillRef{}, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	ref := spillRef{s.off, len(packed)}
	s.off += int64(len(packed))
	return ref, nil
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
	return nil
}

// read decodes the analysis at ref; buf and zbuf are the caller's
// scratch space (grown and returned), small its shared short strings
// (decodeAnalysis).
func (s *Spill) read(ref spillRef, zbuf, buf *[]byte, small map[string]string) (*analysis.DocumentAnalysis, error) {
	if cap(*zbuf) < ref.n {
		*zbuf = make([]byte, ref.n)
	}
	z := (*zbuf)[:ref.n]
	if _, err := s.f.ReadAt(z, ref.off); err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	n, err := s2.DecodedLen(z)
	if err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	data, err := s2.Decode((*buf)[:n], z)
	if err != nil {
		return nil, fmt.Errorf("spill file %s: %w", s.f.Name(), err)
	}
	return analysis.DecodeShared(data, small)
}

// Close closes and removes the spill file.
func (s *Spill) Close() error {
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	return err
}

// Documents is the documents of a batch run with a spill (BatchResult):
// their summaries in memory, sorted by file, and the full analyses on
// disk, read back one at a time in the same order. It is the document
// source of the report writers (reports.Source).
//
// The summaries' term bags are kept packed beside them (TermBag): an
// analysis.TermBag costs 20 bytes a term (a string header and a count), about
// 8 KB per document, the largest part of a summary; packed, a term is
// a vocabulary index and a count in 8 bytes.
type Documents struct {
	spill *Spill
	refs  []spillRef // refs[i]: where the analysis of summary i is
	sums  []*analysis.DocumentAnalysis
	terms [][]uint64 // terms[i]: summary i's bag, vocabulary index << 32 | count, in the bag's order
	vocab []string
}

// termPacker packs term bags against one vocabulary (Documents.terms).
type termPacker struct {
	index map[string]uint32
	vocab []string
}

func (p *termPacker) pack(b analysis.TermBag) []uint64 {
	if p.index == nil {
		p.index = map[string]uint32{}
	}
	out := make([]uint64, len(b.Stems))
	for k, st := range b.Stems {
		id, ok := p.index[st]
		if !ok {
			id = uint32(len(p.vocab))
			p.index[st] = id
			p.vocab = append(p.vocab, st)
		}
		out[k] = uint64(id)<<32 | uint64(uint32(b.Counts[k]))
	}
	return out
}

// TermBag is document i's term bag (analysis.DocumentAnalysis.Terms),
// made anew from its packed form: the caller may keep or drop it.
func (ds *Documents) TermBag(i int) analysis.TermBag {
	p := ds.terms[i]
	b := analysis.TermBag{Stems: make([]string, len(p)), Counts: make([]int32, len(p))}
	for k, v := range p {
		b.Stems[k], b.Counts[k] = ds.vocab[v>>32], int32(uint32(v))
	}
	return b
}

// ReleaseTermBag drops document i's packed bag: similarity, its only
// reader, calls it once it has weighed the bag, so that the bags and
// the TF-IDF vectors made of them are not all held at once (issue 17).
// TermBag(i) is empty afterwards.
func (ds *Documents) ReleaseTermBag(i int) { ds.terms[i] = nil }

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
	var zbuf, buf []byte
	small := map[string]string{}
	for i, ref := range ds.refs {
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
