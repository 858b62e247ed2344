package reports

import (
	"encoding/binary"
	"slices"
	"sync"
)

// The cold search as it was before session 17 (one index over the whole
// corpus, 32-bit document numbers): the cold search now goes through
// searchColdBlocks and the incremental search through sweepRows, and these
// stay as the tests' reference that both give the same lists and peers.

func newPrunedIndex(sv *searchVecs) *prunedIndex {
	return newPrunedIndexRows(packRows(sv), sv.terms, sv)
}

// prunedTop is each document's depth most similar others by the search
// vectors (prunedDot's figures), exactly: all pairs through the pruned
// index, each pair once (row i reads the postings after i). Rows are
// shared out in turn among the workers, which offer to one set of lists
// (sharedLists); a list holds the depth best of what it was offered,
// whatever the order, so the result does not depend on the workers.
func prunedTop(sv *searchVecs, ix *prunedIndex, workers, depth int) [][]prunedEntry {
	return prunedTopRows(packRows(sv), sv.terms, ix, workers, depth)
}

// prunedTopRows is prunedTop on the search vectors' terms (packRows) and
// their index: it reads no vector weight (the index's are the same).
func prunedTopRows(rows *rowTerms, terms int, ix *prunedIndex, workers, depth int) [][]prunedEntry {
	n := len(rows.start) - 1
	shared := newSharedLists(n, depth)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]float64, n)
			cursor := make([]int32, terms)
			// row i's own best among the documents after it, offered to
			// list i once the row is done: list i's lock is taken once a
			// row, not once a pair (the other workers offer it pairs too)
			mine := make([]prunedEntry, 0, depth)
			var mineFloor float32
			for i := g; i < n; i += workers {
				// the row's terms; its weights are the index's (ws[c] below is
				// val·scale as newPrunedIndex made it, the same float32)
				ti := int32(0)
				for b := rows.b[rows.start[i]:rows.start[i+1]]; len(b) > 0; {
					gap, k := binary.Uvarint(b)
					b, ti = b[k:], ti+int32(gap)
					post, ws := ix.of(ti)
					c := cursor[ti]
					for post[c] != int32(i) {
						c++
					}
					cursor[ti] = c + 1
					w := float64(ws[c])
					rest := post[c+1:]
					ws = ws[c+1:][:len(rest)] // same length: no bounds check in the loop
					for x, j := range rest {
						acc[j] += w * float64(ws[x])
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

// searchCold is the search from nothing: the exact pruned lists of every
// document and their candidate pairs, scored.
//
// When m can be weighed again (vecSet.reweigh), its terms and weights
// are let go while the lists are searched and made again for the
// scoring: the search reads the terms packed (packRows, made first, so
// that the index is made from them without the vectors' terms) and the
// index's weights only, and holding the index beside the vectors was the largest
// heap of a run (at 50,000 documents the head's terms and values 88 MB,
// the tail 27 MB, the index 88 MB; docs/benchmarks.md, session 12).
func searchCold[W weight](m *vecSet[W], workers int, p searchParams) *searched {
	sv := pruneVectors(m, p)
	// Let go of each part of m once the search has what it needs of it,
	// so that m is not held whole beside the index being built.
	lean := m.reweigh != nil
	if lean {
		m.tidx, m.tcnt, m.over = nil, nil, nil // the tail: the search reads the head
	}
	rows, terms := packRows(sv), sv.terms
	if lean {
		m.idx, sv.idx = nil, nil // the rows hold the terms
	}
	ix := newPrunedIndexRows(rows, terms, sv)
	if lean {
		m.val, sv = nil, nil // the index holds the weights
	}
	// the pairs and the lists' documents before the vectors are weighed
	// again: the index, the rows and the lists' figures are not used
	// after this (so not live)
	lists := prunedTopRows(rows, terms, ix, workers, p.depth)
	r := &searched{cuts: cutLists(lists, p.depth), pairs: prunedPairs(lists, p.candidates), lists: docsOf(lists)}
	if lean {
		*m = *m.reweigh(nil)
	}
	r.sims = scorePairs(m, r.pairs, workers)
	return r
}

// prunedIndex is the search vectors' inverted index: per term, the
// documents that hold it (in order) and their unit-length weights
// (val·scale as float32).
type prunedIndex struct {
	start []int
	doc   []int32
	w     []float32
}

func (p *prunedIndex) of(t int32) ([]int32, []float32) {
	return p.doc[p.start[t]:p.start[t+1]], p.w[p.start[t]:p.start[t+1]]
}

// newPrunedIndexRows is newPrunedIndex made from the search vectors'
// terms packed (packRows) and their weights, so that the vectors' terms
// need not be held beside the index while it is made: at 50,000
// documents the head's terms are 44 MB, the packed rows about a third of
// that, and the index's making was the run's largest heap
// (docs/benchmarks.md, session 13). The same index, to the bit.
func newPrunedIndexRows(rows *rowTerms, terms int, sv *searchVecs) *prunedIndex {
	p := &prunedIndex{start: make([]int, terms+1)}
	n := len(rows.start) - 1
	eachTerm := func(d int, fn func(k int, ti int32)) {
		ti := int32(0)
		for b, k := rows.b[rows.start[d]:rows.start[d+1]], 0; len(b) > 0; k++ {
			gap, size := binary.Uvarint(b)
			b, ti = b[size:], ti+int32(gap)
			fn(k, ti)
		}
	}
	for d := range n {
		eachTerm(d, func(_ int, ti int32) { p.start[ti+1]++ })
	}
	for t := range terms {
		p.start[t+1] += p.start[t]
	}
	p.doc, p.w = make([]int32, p.start[terms]), make([]float32, p.start[terms])
	fill := slices.Clone(p.start[:terms])
	for d := range n {
		val, sc := sv.val[sv.lo[d]:sv.hi[d]], sv.scale[d]
		eachTerm(d, func(k int, ti int32) {
			p.doc[fill[ti]], p.w[fill[ti]] = int32(d), val[k]*sc
			fill[ti]++
		})
	}
	return p
}
