package reports

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"sync"
)

// The candidate search behind newSimilarity. Comparing every document
// with every other over the whole vectors is quadratic in practice: on a
// corpus of one genre almost every term is shared by a large share of
// the documents, so even an inverted index multiplies nearly all pairs
// (65% of a 50,000-document run). The search instead
//
//   - prunes the vectors it compares: terms in more than maxDFShare of the
//     documents (they tell the plans apart no more than the stop words
//     analysis already drops, and they are most of all pairs' products)
//     and terms of one document (they are shared with nobody) are left
//     out, and each vector keeps at most its strongest terms, so one
//     comparison is bounded whatever the document. The bound is loose
//     (vectorTerms, 1,024, the run's own vectors' bound; the bench
//     corpus's pruned vectors have 236 terms on average): on a corpus of
//     one genre the nearest peers differ in many middling terms, and
//     vectors cut to their 64 or 128 strongest ranked only 68% or 80% of
//     the true five nearest among their 20 nearest. These vectors are
//     not a copy: they are the first part of each run vector (see
//     vecSet), scaled to unit length;
//   - takes each document's candidates nearest others by those vectors,
//     exactly (prunedTop, similarity_pruned.go): a list that depends on
//     the document's own vector and the others' one pair at a time, so
//     that a re-run after one changed file re-derives only the lists it
//     can change (searchIncremental). It replaced NN-descent with random
//     projection trees and a MinHash sketch (searchVersion 1), whose
//     lists depended on the whole corpus (docs/benchmarks.md, session 11).
//
// Every candidate pair is then scored on the run's TF-IDF vectors (all
// their terms, see buildVecs), in the same order of terms as an all-pairs
// computation, so the figures are the ones all pairs gives; the search
// only decides which pairs are looked at. Near duplicates are among a
// document's candidates (their pruned vectors are nearly the same), and
// clusters of copies larger than a list are closed by closeDuplicates.
// Every step's result is independent of the order in which workers
// finish, so the output depends on the input only.

// searchParams tune the candidate search.
type searchParams struct {
	maxDFShare float64 // search vectors leave out terms in more than this share of the documents
	strongest  int     // and keep at most this many terms each, the heaviest
	candidates int     // each document's candidates: its this many nearest by the search vectors
	depth      int     // the lists the state keeps (at least candidates): a re-run's margin
}

// defaultSearch are the parameters newSimilarity uses, measured against
// all pairs on generated plans (docs/benchmarks.md, session 11): the
// exact 20, 40 and 60 nearest by the search vectors hold 94.1%, 98.5% and
// 99.5% of the five nearest by the whole vectors at 2,000 documents
// (TestSearchVersusExact). The state keeps ten more, so that a few of a
// list's entries leaving it after a change leave it at least candidates
// certain ones.
func defaultSearch() searchParams {
	return searchParams{
		maxDFShare: 0.5,
		strongest:  vectorTerms, // a run's vectors have no more: the search shares them
		candidates: 60,
		depth:      70,
	}
}

// searchVecs are the pruned vectors of the search: document d's terms
// are idx[lo[d]:hi[d]] (increasing), its weights val[...] times scale[d]
// (unit length over those terms). In a run idx and val are the vecSet's
// own arrays, not a copy: its vocabulary puts the terms the search leaves
// out last, so a document's search terms are the first part of its
// vector.
type searchVecs struct {
	lo, hi []int
	idx    []int32
	val    []float32
	scale  []float32
	terms  int
	// weight, when val is nil, is the weight at position p (term ti) of
	// document d: the vecSet's head holds counts (vecSet.hcnt), and the
	// cold search reads the weights once, making its index
	// (newColdWeights).
	weight func(d, p int, ti int32) float32
}

func (s *searchVecs) vec(d int) ([]int32, []float32) {
	return s.idx[s.lo[d]:s.hi[d]], s.val[s.lo[d]:s.hi[d]]
}

// pruneVectors makes the search vectors of m. A document all of whose
// terms are pruned keeps its terms found in two documents or more (all
// of a vecSet's), so that it is still compared by what it has.
func pruneVectors[W weight](m *vecSet[W], p searchParams) *searchVecs {
	n := m.len()
	// the bags' document frequencies, not the vectors' (which a cut
	// vector would lower): a term is pruned by what the state compares
	// between runs (affectedDocs), so that a list changes only with an
	// affected document
	df := m.df
	// a document's terms, head and tail; its weights are read from the
	// head, and the tail's computed only for a document whose kept terms
	// reach into it (none in a run, but for a document with no head term)
	var idx, scratch []int32
	var val []W
	weights := func(d int, keep []int) []W {
		if heads := m.start[d+1] - m.start[d]; len(keep) == 0 || keep[len(keep)-1] < heads {
			if m.hcnt != nil {
				val = m.headVals(d, val[:0])
				return val
			}
			return m.val[m.start[d]:m.start[d+1]]
		}
		scratch, val = m.full(d, scratch[:0], val[:0])
		return val
	}
	maxDF := int32(p.maxDFShare * float64(n))
	s := &searchVecs{lo: make([]int, n), hi: make([]int, n), scale: make([]float32, n), terms: len(m.terms)}
	keeps := func(d int, keep []int) []int {
		idx = m.termsOf(d, idx[:0])
		keep = keep[:0]
		for k, ti := range idx {
			if df[ti] >= 2 && df[ti] <= maxDF {
				keep = append(keep, k)
			}
		}
		if len(keep) == 0 {
			for k, ti := range idx {
				if df[ti] >= 2 {
					keep = append(keep, k)
				}
			}
		}
		return keep
	}
	// shared when every document's search terms are the first part of its
	// vector and none is cut (always so in a run: buildVecs' vocabulary
	// order, vectorTerms below p.strongest), else a copy
	var keep []int
	vals, shared := any(m.val).([]float32)
	counted := m.hcnt != nil // the head's weights computed when read: none kept
	shared = shared || counted
	for d := 0; shared && d < n; d++ {
		keep = keeps(d, keep)
		shared = len(keep) <= p.strongest && (len(keep) == 0 || keep[len(keep)-1] == len(keep)-1) &&
			len(keep) <= m.start[d+1]-m.start[d] // and in the head
	}
	if shared {
		s.idx, s.val = m.idx, vals
		if counted {
			s.val, s.weight = nil, func(d, p int, ti int32) float32 { return float32(m.headWeight(d, p, ti)) }
		}
	}
	for d := range n {
		keep = keeps(d, keep)
		val := weights(d, keep)
		if len(keep) > p.strongest { // the heaviest, ties by term; then back in term order
			sort.Slice(keep, func(a, b int) bool {
				wa, wb := val[keep[a]], val[keep[b]]
				return wa > wb || (wa == wb && keep[a] < keep[b])
			})
			keep = keep[:p.strongest]
			sort.Ints(keep)
		}
		norm := 0.0
		for _, k := range keep {
			norm += float64(val[k]) * float64(val[k])
		}
		if norm > 0 {
			s.scale[d] = float32(1 / math.Sqrt(norm))
		}
		if shared {
			s.lo[d] = m.start[d]
			s.hi[d] = m.start[d] + len(keep)
		} else {
			s.lo[d] = len(s.idx)
			for _, k := range keep {
				s.idx = append(s.idx, idx[k])
				s.val = append(s.val, float32(val[k]))
			}
			s.hi[d] = len(s.idx)
		}
	}
	return s
}

// comparePairs orders pairs by first document, then second.
func comparePairs(a, b [2]int32) int {
	if a[0] != b[0] {
		return int(a[0] - b[0])
	}
	return int(a[1] - b[1])
}

// scorePairs computes the exact cosine of each pair (sorted by a) on the
// full vectors, rounded with round4. Document a's vector is spread into a
// dense array once for all its pairs and each b's terms read against it,
// in b's term order: the same products summed in the same order as the
// all-pairs computation, so the same figures to the last bit.
func scorePairs[W weight](m *vecSet[W], pairs [][2]int32, workers int) []float64 {
	sims := make([]float64, len(pairs))
	scorePairsTo(m, pairs, workers, func(k int, s float64) { sims[k] = round4(s) })
	return sims
}

// scorePairsTo is scorePairs' work: set(k, s) is given pair k's cosine s,
// not rounded, once for each pair, from several goroutines (each k from
// one).
func scorePairsTo[W weight](m *vecSet[W], pairs [][2]int32, workers int, set func(k int, s float64)) {
	if !m.packed {
		m.weighHead() // the head's weights, where only its counts are kept
	}
	// chunks of whole groups of the same a, shared out in turn
	var bounds []int
	for k := 0; k < len(pairs); {
		bounds = append(bounds, k)
		end := min(k+4096, len(pairs))
		for end < len(pairs) && pairs[end][0] == pairs[end-1][0] {
			end++
		}
		k = end
	}
	bounds = append(bounds, len(pairs))
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dense := make([]W, len(m.terms))
			var aIdx []int32
			var aVal []W
			clearA := func(a int) {
				for _, ti := range aIdx {
					dense[ti] = 0
				}
			}
			for c := g; c+1 < len(bounds); c += workers {
				a := -1
				for k := bounds[c]; k < bounds[c+1]; k++ {
					if int(pairs[k][0]) != a {
						if a >= 0 {
							clearA(a)
						}
						a = int(pairs[k][0])
						aIdx, aVal = m.full(a, aIdx[:0], aVal[:0])
						for x, ti := range aIdx {
							dense[ti] = aVal[x]
						}
					}
					// b's head, then its tail: its terms in order
					b := int(pairs[k][1])
					if m.packed {
						set(k, m.packedDot(b, dense))
						continue
					}
					idx, val := m.head(b)
					s := 0.0
					for x, ti := range idx {
						if w := dense[ti]; w != 0 {
							s += float64(w) * float64(val[x])
						}
					}
					for p := m.tstart[b]; p < m.tstart[b+1]; p++ {
						if w := dense[m.tailTerm(p)]; w != 0 {
							s += float64(w) * float64(m.tailWeight(b, p))
						}
					}
					set(k, s)
				}
				if a >= 0 {
					clearA(a)
				}
			}
		}()
	}
	wg.Wait()
}

// scoreTenThousandths scores pairs as scorePairs does, with the figures
// kept as round4 keeps them, in ten-thousandths (uint16: 2 bytes a pair
// where a float64 is 8; the rare figure out of its range in odd), and
// then lets m's vectors go (vecSet.reweigh: none weighed) before the
// figures are made float64s: at 50,000 documents the packed vectors (48
// MB) were held beside the pairs (24 MB) and their float64 figures (24
// MB), the scoring step of the cold search's peak (docs/benchmarks.md,
// session 21). The figures are scorePairs', to the bit: round4 is
// math.Round(s*10000)/10000, and the count of ten-thousandths is an
// integer a float64 holds exactly.
func scoreTenThousandths[W weight](m *vecSet[W], pairs [][2]int32, workers int) []float64 {
	tenth := make([]uint16, len(pairs))
	var mu sync.Mutex
	odd := map[int]float64{}
	scorePairsTo(m, pairs, workers, func(k int, s float64) {
		r := math.Round(s * 10000)
		if r >= 0 && r <= math.MaxUint16 && !math.Signbit(r) {
			tenth[k] = uint16(r)
			return
		}
		mu.Lock()
		odd[k] = r / 10000
		mu.Unlock()
	})
	*m = *m.reweigh(func(int) bool { return false })
	sims := make([]float64, len(pairs))
	for k, t := range tenth {
		sims[k] = float64(t) / 10000
	}
	for k, s := range odd {
		sims[k] = s
	}
	return sims
}

// blockDocs is the number of documents of a block of the cold search's
// index (coldIndex): a document is its offset in its block, a uint16.
const blockDocs = 1 << 16

// coldIndex is the cold search's inverted index of the search vectors:
// prunedIndex's postings and weights (val·scale as float32, the same
// bits), cut into blocks of blockDocs documents, each document named by
// its offset in its block (2 bytes where prunedIndex holds an int32).
// Block b's postings of term t are doc[b][start[b][t]:start[b][t+1]],
// their weights w[b][...]. Its weights are made first (newColdWeights),
// while the vectors' weights are still held, and its documents after
// they are let go (fillDocs): at 50,000 documents the vectors' weights
// are 44 MB, the index's 44 and its documents 22 (prunedIndex's 44),
// and the index's making beside the vectors' weights was the cold
// search's largest live heap (docs/benchmarks.md, session 17).
type coldIndex struct {
	per   int // documents a block (blockDocs; the tests make it smaller)
	start [][]int
	doc   [][]uint16
	w     [][]float32
}

// eachRowTerm calls fn with each term of row d of rows, in order, and
// its position in the row.
func eachRowTerm(rows *rowTerms, d int, fn func(k int, ti int32)) {
	ti := int32(0)
	for b, k := rows.b[rows.start[d]:rows.start[d+1]], 0; len(b) > 0; k++ {
		gap, size := binary.Uvarint(b)
		b, ti = b[size:], ti+int32(gap)
		fn(k, ti)
	}
}

// newColdWeights is a coldIndex of the search vectors' terms (rows) and
// weights (sv) with its weights filled and its documents not yet
// (fillDocs): sv's weights are not read after it.
func newColdWeights(rows *rowTerms, terms int, sv *searchVecs, per int) *coldIndex {
	n := len(rows.start) - 1
	blocks := (n + per - 1) / per
	ix := &coldIndex{per: per, start: make([][]int, blocks), doc: make([][]uint16, blocks), w: make([][]float32, blocks)}
	for b := range blocks {
		start := make([]int, terms+1)
		for d := b * ix.per; d < min(n, (b+1)*ix.per); d++ {
			eachRowTerm(rows, d, func(_ int, ti int32) { start[ti+1]++ })
		}
		for t := range terms {
			start[t+1] += start[t]
		}
		w := make([]float32, start[terms])
		fill := slices.Clone(start[:terms])
		for d := b * ix.per; d < min(n, (b+1)*ix.per); d++ {
			sc := sv.scale[d]
			if sv.val == nil { // computed from the head's counts (searchVecs.weight)
				lo := sv.lo[d]
				eachRowTerm(rows, d, func(k int, ti int32) {
					w[fill[ti]] = sv.weight(d, lo+k, ti) * sc
					fill[ti]++
				})
				continue
			}
			val := sv.val[sv.lo[d]:sv.hi[d]]
			eachRowTerm(rows, d, func(k int, ti int32) {
				w[fill[ti]] = val[k] * sc
				fill[ti]++
			})
		}
		ix.start[b], ix.w[b] = start, w
	}
	return ix
}

// fillDocs fills the index's documents from the rows it was made from.
func (ix *coldIndex) fillDocs(rows *rowTerms) {
	n := len(rows.start) - 1
	for b, start := range ix.start {
		terms := len(start) - 1
		doc := make([]uint16, start[terms])
		fill := slices.Clone(start[:terms])
		for d := b * ix.per; d < min(n, (b+1)*ix.per); d++ {
			eachRowTerm(rows, d, func(_ int, ti int32) {
				doc[fill[ti]] = uint16(d - b*ix.per)
				fill[ti]++
			})
		}
		ix.doc[b] = doc
	}
}

// of is block b's postings of term t: its documents' offsets and weights.
func (ix *coldIndex) of(b int, t int32) ([]uint16, []float32) {
	lo, hi := ix.start[b][t], ix.start[b][t+1]
	return ix.doc[b][lo:hi], ix.w[b][lo:hi]
}

// coldTop is prunedTopRows on a coldIndex: each document's depth most
// similar others by the search vectors, exactly, the same lists to the
// bit (each pair's products summed in term order, as prunedDot sums
// them; a row reads its block's postings after its own entry, then the
// later blocks' whole). Rows are shared out in turn among the workers,
// which offer to one set of lists (sharedLists), so the result does not
// depend on the workers.
func coldTop(rows *rowTerms, terms int, ix *coldIndex, workers, depth int) [][]prunedEntry {
	n := len(rows.start) - 1
	shared := newSharedLists(n, depth)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]float64, n)
			// cursor[ti]: where this worker's next row is in term ti's
			// posting of the row's block (rows come in increasing order,
			// so it only moves on; set back to 0 at a new block)
			cursor := make([]int32, terms)
			block := 0
			// row i's own best among the documents after it, offered to
			// list i once the row is done (its lock taken once a row)
			mine := make([]prunedEntry, 0, depth)
			var mineFloor float32
			for i := g; i < n; i += workers {
				if i/ix.per != block {
					block = i / ix.per
					clear(cursor)
				}
				base, own := block*ix.per, uint16(i%ix.per)
				ti := int32(0)
				for b := rows.b[rows.start[i]:rows.start[i+1]]; len(b) > 0; {
					gap, k := binary.Uvarint(b)
					b, ti = b[k:], ti+int32(gap)
					post, ws := ix.of(block, ti)
					c := cursor[ti]
					for post[c] != own {
						c++
					}
					cursor[ti] = c + 1
					w := float64(ws[c])
					rest := post[c+1:]
					ws = ws[c+1:][:len(rest)] // same length: no bounds check in the loop
					at := acc[base:]
					for x, j := range rest {
						at[j] += w * float64(ws[x])
					}
					for later := block + 1; later < len(ix.start); later++ {
						post, ws := ix.of(later, ti)
						ws = ws[:len(post)]
						at := acc[later*ix.per:]
						for x, j := range post {
							at[j] += w * float64(ws[x])
						}
					}
				}
				mine, mineFloor = mine[:0], 0
				for j := i + 1; j < n; j++ {
					s := acc[j]
					if s <= 0 {
						continue
					}
					acc[j] = 0
					sim := float32(s)
					if sim >= mineFloor {
						mine = offerPruned(mine, depth, prunedEntry{doc: int32(j), sim: sim})
						if len(mine) == depth {
							mineFloor = mine[depth-1].sim
						}
					}
					if !shared.below(j, sim) {
						shared.offer(j, prunedEntry{doc: int32(i), sim: sim})
					}
				}
				shared.offerAll(i, mine)
			}
		}()
	}
	wg.Wait()
	return shared.lists
}

// searchColdBlocks is the search from nothing (searchCold's result, the
// same to the bit) on a coldIndex: the exact pruned lists of every
// document and their candidate pairs, scored on the vectors weighed
// again, packed (vecSet.reweigh).
//
// When m can be weighed again, its parts are let go as soon as the
// search has what it needs of them: the tail first (the search reads
// the head), the head's terms once they are packed (packRows), its
// weights once the index holds them (newColdWeights), before the index's
// documents are made; and the index and the lists' figures once the
// lists are made, before the vectors are weighed again for the scoring;
// and those once the pairs are scored (scoreTenThousandths).
func searchColdBlocks[W weight](m *vecSet[W], workers int, p searchParams) *searched {
	sv := pruneVectors(m, p)
	lean := m.reweigh != nil
	if lean {
		m.tidx, m.tcnt, m.over = nil, nil, nil
	}
	rows, terms := packRows(sv), sv.terms
	if lean {
		m.idx, sv.idx = nil, nil
	}
	ix := newColdWeights(rows, terms, sv, blockDocs)
	if lean {
		m.val, m.hcnt, m.hover, sv = nil, nil, nil, nil
	}
	ix.fillDocs(rows)
	lists := coldTop(rows, terms, ix, workers, p.depth)
	r := &searched{cuts: cutLists(lists, p.depth), pairs: prunedPairs(lists, p.candidates), lists: docsOf(lists)}
	if !lean {
		r.sims = scorePairs(m, r.pairs, workers)
		return r
	}
	*m = *m.reweigh(nil)
	r.sims = scoreTenThousandths(m, r.pairs, workers) // m none weighed after: the pairs closeDuplicates adds are weighed for (scoreOn)
	return r
}
