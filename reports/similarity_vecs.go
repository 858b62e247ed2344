package reports

import (
	"encoding/binary"
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"

	"github.com/styrdok/styrdok/analysis"
)

// vectorTerms bounds a document's similarity vector: at most its
// vectorTerms heaviest terms (among those shared with another document)
// are kept, so the memory of similarity is at most 8 bytes times
// vectorTerms per document whatever the document's length. The bench
// corpus's documents have 416 terms on average and none above the bound,
// so its figures stay exact; only very long documents (a budget with
// appendices, a compilation of several plans) are cut, and their weights
// renormalised over what is kept (docs/benchmarks.md, "Similarity in
// bounded memory").
const vectorTerms = 1024

// weight is the type of a vector's weights: float32 in a run (half the
// memory), float64 for the exact all-pairs oracle of the tests.
type weight interface{ ~float32 | ~float64 }

// vecSet are the TF-IDF vectors of a corpus, flat, in two parts.
//
// The head: document d's terms numbered below tail0 are
// idx[start[d]:start[d+1]] (vocabulary indices, increasing), their
// weights val[...]. A flat pair of arrays costs 8 bytes a term (float32)
// against a SparseVector's 16 and its two slice headers; there is no map
// and no slice per document. The vocabulary is numbered so that the terms
// in more than a share of the documents (buildVecs' split) come last: the
// head of each vector is then the candidate search's vector (search.go),
// which shares these arrays instead of a copy.
//
// The tail: its terms from tail0 on, those in more than the split share of
// the documents (43% of a vector's terms on the bench corpus). The search
// never reads them, only the scoring of the candidate pairs and all
// pairs, so they are kept in 3 bytes a term instead of 8: the term as an
// offset from tail0 (uint16: there are fewer such terms than twice a
// document's average length, see buildVecs) and its count (uint8, the few
// counts of 255 or more in over), and the weight is computed again when
// read (tailWeight), by the same float64 operations buildVecs used, so it
// is the same to the last bit. A document with no head term keeps all
// its terms in the head, as the search compares it by them.
type vecSet[W weight] struct {
	start []int
	idx   []int32
	val   []W

	// hcnt: the head's counts where its weights are not kept (form
	// vecHead, the cold search's): a byte a term where val is 4 (a count
	// of countOver or more is hover's, by position), each weight computed
	// when read (headWeight) from hidf, every term's idf, by the same
	// float64 operations, so the same bits. At 50,000 documents the head
	// is 11 M entries: its weights were 44 MB, held through the search's
	// first steps, the cold run's peak (docs/benchmarks.md, session 21).
	hcnt  []uint8
	hover map[int32]int32
	hidf  []float64

	tail0  int32               // first tail term; len(terms) when there is no tail
	tstart []int               // document d's tail is tidx[tstart[d]:tstart[d+1]]
	tidx   []uint16            // term - tail0
	tcnt   []uint8             // count, or countOver: the count is over[position]
	over   map[int32]int32     // counts of countOver or more, by position in tidx
	idf    []float64           // per tail term, from tail0
	tf     *[countOver]float64 // tf[c] = 1 + ln(c) for the counts a byte holds: math.Log was 12% of scoring the candidates at 10,000
	inv    []float64           // per document: 1/norm of its uncut vector
	scale  []float64           // per document: the renormalisation of a cut vector, 1 when not cut

	terms []string // the vocabulary, by index
	df    []int32  // per term, its document frequency (the incremental state's)

	// reweigh, when set, builds the set again from its bags (the same
	// set: buildVecsOf is a function of the bags), whole (want nil) or the
	// vectors of the documents want names only (the others empty, their
	// bags not read): the search lets the terms and weights go while it
	// searches (searchCold, searchIncremental) and calls it for them.
	// nil: they are kept throughout.
	reweigh func(want func(d int) bool) *vecSet[W]

	// headOnly: the tail was not kept (buildVecsSome): the search's
	// vectors only, until reweigh gives the whole set for the scoring.
	headOnly bool
	// partial: only the documents buildVecsSome's want named are weighed,
	// the others' vectors are empty: pairs are scored on it by scoreOn.
	partial bool

	// packed: the scoring's form (vecPacked, what reweigh gives): no head
	// and no tail, document d's terms, all of them in order, are rows[d],
	// each as its gap from the one before (a uvarint; the first from 0)
	// and its count (a byte, countOver for a count over it: pover holds
	// it), and every weight is computed when read (weightOf: tail0 is 0,
	// idf is every term's). About 2.4 bytes a term where the head holds 8:
	// at 50,000 documents the whole vectors were 117 MB, held with the
	// candidate pairs through their scoring, the cold search's largest
	// live heap (docs/benchmarks.md, session 17). Only scorePairs reads
	// it (packedDot, full).
	packed bool
	rows   [][]byte
	pover  map[[2]int32]int32
}

// vecForm is what buildVecsSome keeps of the vectors.
type vecForm int

const (
	vecWhole  vecForm = iota // head and tail
	vecHead                  // the head only (vecSet.headOnly): the search's vectors
	vecPacked                // every term packed, weights computed when read (vecSet.packed): the scoring's
)

// packedChunk is the size of the blocks a packed set's rows are cut
// from: allocated one after the other, not grown by appending (which
// would copy the rows so far and leave them as garbage at each step).
const packedChunk = 1 << 20

// countOver marks a tail count too large for a byte.
const countOver = math.MaxUint8

// byteCount is count c as a byte: c itself, or countOver with c kept in
// *over at position at (the map made at its first use).
func byteCount(over *map[int32]int32, at int, c int32) uint8 {
	if c < countOver {
		return uint8(c)
	}
	if *over == nil {
		*over = map[int32]int32{}
	}
	(*over)[int32(at)] = c
	return countOver
}

// maxTailTerms bounds the tail's vocabulary to what a uint16 offset holds.
const maxTailTerms = math.MaxUint16 + 1

// head returns document d's head: terms and weights.
func (s *vecSet[W]) head(d int) ([]int32, []W) {
	return s.idx[s.start[d]:s.start[d+1]], s.val[s.start[d]:s.start[d+1]]
}

func (s *vecSet[W]) len() int { return len(s.start) - 1 }

// tailLen is the number of tail terms of document d.
func (s *vecSet[W]) tailLen(d int) int { return s.tstart[d+1] - s.tstart[d] }

// tailTerm is the term of tail position p.
func (s *vecSet[W]) tailTerm(p int) int32 { return s.tail0 + int32(s.tidx[p]) }

// tailWeight is the weight of tail position p of document d: the value
// buildVecs computed for it, the same float64 operations in the same
// order (explicit conversions, so that no multiply-add is fused).
func (s *vecSet[W]) tailWeight(d, p int) W {
	c := int32(s.tcnt[p])
	if c == countOver {
		c = s.over[int32(p)]
	}
	return s.weightOf(d, s.tailTerm(p), c)
}

// weightOf is the weight of term ti (from tail0 on) of document d when it
// is counted c times: the value buildVecs computed for it, the same
// float64 operations in the same order (explicit conversions, so that no
// multiply-add is fused).
func (s *vecSet[W]) weightOf(d int, ti, c int32) W {
	var tf float64
	if c < countOver {
		tf = s.tf[c]
	} else {
		tf = 1 + math.Log(float64(c))
	}
	w := float64(tf * s.idf[ti-s.tail0])
	w = float64(w * s.inv[d])
	if sc := s.scale[d]; sc != 1 {
		w = float64(w * sc)
	}
	return W(w)
}

// headWeight is the weight of head position p (term ti) of document d,
// whose count hcnt holds: the value buildVecsSome computed for it, the
// same float64 operations in the same order as weightOf.
func (s *vecSet[W]) headWeight(d, p int, ti int32) W {
	c := int32(s.hcnt[p])
	var tf float64
	if c < countOver {
		tf = s.tf[c]
	} else {
		c = s.hover[int32(p)]
		tf = 1 + math.Log(float64(c))
	}
	w := float64(tf * s.hidf[ti])
	w = float64(w * s.inv[d])
	if sc := s.scale[d]; sc != 1 {
		w = float64(w * sc)
	}
	return W(w)
}

// headVals appends document d's head weights to val, kept (val) or
// computed from the counts (hcnt).
func (s *vecSet[W]) headVals(d int, val []W) []W {
	if s.hcnt == nil {
		return append(val, s.val[s.start[d]:s.start[d+1]]...)
	}
	for p := s.start[d]; p < s.start[d+1]; p++ {
		val = append(val, s.headWeight(d, p, s.idx[p]))
	}
	return val
}

// weighHead makes the head's weights (val) from its counts, for the
// readers of head and val (the all-pairs index, a re-run's search, the
// scoring of an unpacked set).
func (s *vecSet[W]) weighHead() {
	if s.hcnt == nil {
		return
	}
	s.val = make([]W, len(s.idx))
	for d := range s.len() {
		for p := s.start[d]; p < s.start[d+1]; p++ {
			s.val[p] = s.headWeight(d, p, s.idx[p])
		}
	}
	s.hcnt, s.hover = nil, nil
}

// packedNext reads the entry of packed document d's row at k: its term
// (the gap added to ti), its count and where the next entry starts.
func (s *vecSet[W]) packedNext(d int, row []byte, k int, ti int32) (int32, int32, int) {
	var g uint64
	if g = uint64(row[k]); g < 0x80 { // one byte: most gaps
		k++
	} else {
		var size int
		g, size = binary.Uvarint(row[k:])
		k += size
	}
	ti += int32(g)
	c := int32(row[k])
	if c == countOver { // rare: a count of 255 or more
		c = s.pover[[2]int32{int32(d), ti}]
	}
	return ti, c, k + 1
}

// packedDot is the dot product of packed document d's vector with a
// dense one: the products of d's terms that dense holds (not 0), in term
// order, summed in float64 as scorePairs sums a head and a tail.
func (s *vecSet[W]) packedDot(d int, dense []W) float64 {
	sum := 0.0
	row := s.rows[d]
	ti := int32(0)
	for k := 0; k < len(row); {
		var c int32
		ti, c, k = s.packedNext(d, row, k, ti)
		if w := dense[ti]; w != 0 {
			sum += float64(w) * float64(s.weightOf(d, ti, c))
		}
	}
	return sum
}

// full appends document d's whole vector, head then tail (in term order:
// the tail's terms are numbered after the head's), to idx and val.
func (s *vecSet[W]) full(d int, idx []int32, val []W) ([]int32, []W) {
	if s.packed {
		row := s.rows[d]
		ti := int32(0)
		for k := 0; k < len(row); {
			var c int32
			ti, c, k = s.packedNext(d, row, k, ti)
			idx, val = append(idx, ti), append(val, s.weightOf(d, ti, c))
		}
		return idx, val
	}
	idx, val = append(idx, s.idx[s.start[d]:s.start[d+1]]...), s.headVals(d, val)
	for p := s.tstart[d]; p < s.tstart[d+1]; p++ {
		idx = append(idx, s.tailTerm(p))
		val = append(val, s.tailWeight(d, p))
	}
	return idx, val
}

// termsOf appends document d's terms, head then tail, to idx.
// It reads no weight (allPairs drops the head's once its postings hold
// them).
func (s *vecSet[W]) termsOf(d int, idx []int32) []int32 {
	idx = append(idx, s.idx[s.start[d]:s.start[d+1]]...)
	for p := s.tstart[d]; p < s.tstart[d+1]; p++ {
		idx = append(idx, s.tailTerm(p))
	}
	return idx
}

// buildVecs weighs n bags (bag gives one at a time, twice each, all of
// them once before any the second time, so they need not all be held at
// once and may be dropped after the second) as NewTFIDF does, and keeps each vector
// compact:
//
//   - the weights are those of NewTFIDF to the last bit before they are
//     stored as W, normalised over all the document's terms;
//   - a term of one document only is left out after that: it is shared
//     with nobody, so it adds nothing to any dot product (on the bench
//     corpus few are, in real plans names, typing errors, numbers);
//   - when more than maxTerms terms remain (maxTerms > 0), the heaviest
//     maxTerms are kept (ties by term) and renormalised.
//
// Terms in more than split of the documents are numbered after the others
// and kept in the tail (vecSet); split 1 keeps the vocabulary in stem
// order and has no tail.
func buildVecs[W weight](n int, bag func(i int) analysis.TermBag, maxTerms int, split float64) *vecSet[W] {
	return buildVecsOf[W](n, documentFrequencies(n, bag), bag, maxTerms, split)
}

// buildVecsOf is buildVecs' second pass, on the document frequencies of
// the n bags (documentFrequencies) counted by the caller: it reads each
// bag once. It empties df.
func buildVecsOf[W weight](n int, df map[string]int, bag func(i int) analysis.TermBag, maxTerms int, split float64) *vecSet[W] {
	return buildVecsSome[W](n, df, bag, maxTerms, split, nil, vecWhole)
}

// buildVecsSome is buildVecsOf with two savings for the search, which
// reads no tail and, in a re-run, scores few pairs:
//
//   - want (nil: every document) names the documents weighed; the others'
//     vectors are empty and their bags not read. A weighed document's
//     vector is the same as buildVecsOf's: its weights depend on its own
//     bag and the document frequencies only.
//   - form vecHead leaves the tail out (vecSet.headOnly): the search's
//     vectors are the head (pruneVectors), and the tail, 27 MB at 50,000
//     documents, was held beside them until the scoring, which weighs the
//     vectors again (docs/benchmarks.md, session 16); and it keeps the
//     head's counts, not its weights (vecSet.hcnt);
//   - form vecPacked keeps every term packed (vecSet.packed), the
//     scoring's form: the same terms, and the same weights when read.
func buildVecsSome[W weight](n int, df map[string]int, bag func(i int) analysis.TermBag, maxTerms int, split float64, want func(d int) bool, form vecForm) *vecSet[W] {
	tail := form == vecWhole
	terms := make([]string, 0, len(df))
	for t := range df {
		terms = append(terms, t)
	}
	maxDF := int(split * float64(n))
	sort.Slice(terms, func(a, b int) bool {
		ca, cb := df[terms[a]] > maxDF, df[terms[b]] > maxDF
		if ca != cb {
			return cb
		}
		return terms[a] < terms[b]
	})
	idf := make([]float64, len(terms))
	dfOf := make([]int32, len(terms))
	docs := float64(n)
	tail0 := int32(len(terms))
	headCap, tailCap := 0, 0 // the entries of each part, cuts aside
	// df becomes the vocabulary's index: each term's frequency, once read
	// into dfOf, is replaced by the term's number, in the map's own slots.
	// A second map of the vocabulary (map[string]int32) was held beside
	// df in both of the cold search's largest steps (the head weighed,
	// and the scoring's reweigh); real plans' vocabulary grows with the
	// corpus (docs/benchmarks.md, session 19).
	for i, t := range terms {
		f := df[t]
		idf[i] = 1 + math.Log((1+docs)/(1+float64(f)))
		dfOf[i] = int32(f)
		switch {
		case f > maxDF:
			tail0 = min(tail0, int32(i))
			tailCap += f
		case f >= 2:
			headCap += f
		}
		df[t] = i
	}
	index := df
	// The tail's terms are each in more than maxDF documents, so there are
	// fewer of them than total/maxDF, about twice a document's average
	// number of terms; a corpus of documents with tens of thousands of
	// distinct stems each would pass the offsets' range: it keeps every
	// term in the head.
	split0 := tail0 // the first term in more than maxDF documents: the vocabulary's order changes there
	if int(int32(len(terms))-tail0) > maxTailTerms {
		tail0 = int32(len(terms))
		headCap, tailCap = headCap+tailCap, 0
	}
	if want != nil { // the few documents weighed: no capacity for all
		headCap, tailCap = 0, 0
	}
	if !tail {
		tailCap = 0
	}
	packed := form == vecPacked
	if packed { // one vocabulary, no tail: every weight is computed from tail0 0
		tail0, headCap, tailCap = 0, 0, 0
	}
	counts := form == vecHead // the head's counts, not its weights
	valCap := headCap
	if counts {
		valCap = 0
	}
	// Each part is allocated at its size, not grown by appending (which
	// would leave the smaller arrays as garbage beside the largest ones);
	// only a document with no head term, whose tail goes to the head, can
	// make the head grow.
	s := &vecSet[W]{start: make([]int, n+1), terms: terms, df: dfOf, tail0: tail0, idf: idf[tail0:], headOnly: form == vecHead, partial: want != nil, packed: packed,
		idx: make([]int32, 0, headCap), val: make([]W, 0, valCap),
		tstart: make([]int, n+1), tidx: make([]uint16, 0, tailCap), tcnt: make([]uint8, 0, tailCap),
		inv: make([]float64, n), scale: make([]float64, n), tf: new([countOver]float64)}
	if counts {
		s.hcnt, s.hidf = make([]uint8, 0, headCap), idf
	}
	for c := 1; c < countOver; c++ {
		s.tf[c] = 1 + math.Log(float64(c)) // the very expression buildVecs weighs with, so the same bits
	}
	var v, late SparseVector
	var keep []int
	var cnt, lateCnt []int32
	var chunk []byte // the packed rows' current block
	if packed {
		s.rows = make([][]byte, n)
	}
	for d := range n {
		if want != nil && !want(d) {
			s.start[d+1], s.tstart[d+1] = len(s.idx), len(s.tidx)
			continue
		}
		b := bag(d)
		v.Index, v.Value, cnt = v.Index[:0], v.Value[:0], cnt[:0]
		late.Index, late.Value, lateCnt = late.Index[:0], late.Value[:0], lateCnt[:0]
		// a bag's stems are sorted, the vocabulary is in stem order before
		// split0 and from it on: the terms from split0 on, put after the
		// others, are then in order with no sort (sorting every vector
		// was a third of building them)
		for k, t := range b.Stems {
			if b.Counts[k] > 0 {
				ti := int32(index[t])
				var w float64
				if c := b.Counts[k]; c < countOver { // 1 + math.Log(c), from the table: the same bits
					w = s.tf[c] * idf[ti]
				} else {
					w = (1 + math.Log(float64(c))) * idf[ti]
				}
				if ti >= split0 {
					late.Index, late.Value, lateCnt = append(late.Index, int(ti)), append(late.Value, w), append(lateCnt, b.Counts[k])
					continue
				}
				v.Index = append(v.Index, int(ti))
				v.Value = append(v.Value, w)
				cnt = append(cnt, b.Counts[k])
			}
		}
		v.Index, v.Value, cnt = append(v.Index, late.Index...), append(v.Value, late.Value...), append(cnt, lateCnt...)
		if !sort.IntsAreSorted(v.Index) { // a bag not sorted by stem: sort the three together
			sort.Sort(byIndexCount{v, cnt})
		}
		s.inv[d] = 1
		if norm := floats.Norm(v.Value, 2); norm > 0 {
			s.inv[d] = 1 / norm
			floats.Scale(s.inv[d], v.Value)
		}
		keep = keep[:0]
		for k, ti := range v.Index {
			if dfOf[ti] >= 2 {
				keep = append(keep, k)
			}
		}
		scale := 1.0
		if maxTerms > 0 && len(keep) > maxTerms { // the heaviest, ties by term; then back in term order
			sort.Slice(keep, func(a, b int) bool {
				wa, wb := v.Value[keep[a]], v.Value[keep[b]]
				return wa > wb || (wa == wb && keep[a] < keep[b])
			})
			keep = keep[:maxTerms]
			sort.Ints(keep)
			norm := 0.0
			for _, k := range keep {
				norm += v.Value[k] * v.Value[k]
			}
			if norm > 0 {
				scale = 1 / math.Sqrt(norm)
			}
		}
		s.scale[d] = scale
		if packed {
			s.packRow(d, v.Index, cnt, keep, &chunk)
			continue
		}
		// a document with no head term keeps its tail in the head
		tailed := len(keep) > 0 && int32(v.Index[keep[0]]) < tail0
		for _, k := range keep {
			ti := int32(v.Index[k])
			if tailed && ti >= tail0 {
				if !tail {
					continue
				}
				s.tcnt = append(s.tcnt, byteCount(&s.over, len(s.tidx), cnt[k]))
				s.tidx = append(s.tidx, uint16(ti-tail0))
				continue
			}
			s.idx = append(s.idx, ti)
			if counts {
				s.hcnt = append(s.hcnt, byteCount(&s.hover, len(s.hcnt), cnt[k]))
				continue
			}
			if scale == 1 {
				s.val = append(s.val, W(v.Value[k]))
			} else {
				s.val = append(s.val, W(v.Value[k]*scale))
			}
		}
		s.start[d+1] = len(s.idx)
		s.tstart[d+1] = len(s.tidx)
	}
	clear(df) // it holds the vocabulary's numbers now, not frequencies
	return s
}

// packRow packs document d's kept terms (keep: positions in index and
// cnt, increasing) into its row, cut from chunk.
func (s *vecSet[W]) packRow(d int, index []int, cnt []int32, keep []int, chunk *[]byte) {
	most := len(keep) * (binary.MaxVarintLen32 + 1)
	if cap(*chunk)-len(*chunk) < most {
		*chunk = make([]byte, 0, max(packedChunk, most))
	}
	at := len(*chunk)
	row := *chunk
	prev := int32(0)
	for _, k := range keep {
		ti, c := int32(index[k]), cnt[k]
		row = binary.AppendUvarint(row, uint64(ti-prev))
		prev = ti
		if c >= countOver {
			if s.pover == nil {
				s.pover = map[[2]int32]int32{}
			}
			s.pover[[2]int32{int32(d), ti}] = c
			c = countOver
		}
		row = append(row, uint8(c))
	}
	*chunk = row
	s.rows[d] = row[at:len(row):len(row)]
}

// byIndexCount sorts a sparse vector's entries and their counts by term
// index.
type byIndexCount struct {
	v   SparseVector
	cnt []int32
}

func (b byIndexCount) Len() int           { return len(b.v.Index) }
func (b byIndexCount) Less(i, j int) bool { return b.v.Index[i] < b.v.Index[j] }
func (b byIndexCount) Swap(i, j int) {
	byIndex(b.v).Swap(i, j)
	b.cnt[i], b.cnt[j] = b.cnt[j], b.cnt[i]
}
