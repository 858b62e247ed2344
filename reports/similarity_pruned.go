package reports

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// The exact candidate lists of the search above allPairsUpTo (issue 17
// items 2 and 3b; docs/benchmarks.md, session 11).
//
// Each document's candidates are its searchParams.candidates most
// similar others by the search vectors (pruneVectors: the terms in at
// most half the documents, unit length), exactly: an all-pairs product
// through the inverted index of those vectors, whose postings leave out
// the terms of more than half the documents that make all pairs over the
// whole vectors quadratic in practice. Every candidate pair is then
// scored on the run's vectors (scorePairs), as before.
//
// A document's list is a function of its own search vector and the
// others', one pair at a time, not of a search's path through the
// corpus (NN-descent's lists depended on every vector): so when one
// file changed, the lists that can change are those of the documents
// whose vectors changed (affected: the bag changed, or a term's
// document frequency) and those that held one of them or would now admit
// one, and those are found by one row per affected document. The state
// keeps each list (searchDepth deep, the candidates' full similarities)
// for that (similarity_state.go).

// prunedEntry is one entry of a pruned list: a document and its dot
// product with the list's document over the search vectors, as float32
// (8 bytes an entry: the lists hold n·searchDepth of them).
type prunedEntry struct {
	doc int32
	sim float32
}

// before orders list entries: most similar first, ties by document.
func (e prunedEntry) before(f prunedEntry) bool {
	return e.sim > f.sim || (e.sim == f.sim && e.doc < f.doc)
}

// offerPruned puts e into l (at most depth entries, by before) when it
// ranks there; l holds no entry of e.doc (each pair is offered once).
func offerPruned(l []prunedEntry, depth int, e prunedEntry) []prunedEntry {
	if len(l) == depth && !e.before(l[depth-1]) {
		return l
	}
	i := len(l)
	for i > 0 && e.before(l[i-1]) {
		i--
	}
	if len(l) < depth {
		l = append(l, prunedEntry{})
	}
	copy(l[i+1:], l[i:])
	l[i] = e
	return l
}

// newPrunedLists are n empty lists of depth entries, in one array.
func newPrunedLists(n, depth int) [][]prunedEntry {
	flat := make([]prunedEntry, n*depth)
	lists := make([][]prunedEntry, n)
	for v := range lists {
		lists[v] = flat[v*depth : v*depth : (v+1)*depth]
	}
	return lists
}

// prunedDot is the search similarity of documents a and b: the products
// of their shared terms' weights (val·scale as float32, then float64)
// summed in term order, as float32. The rows of sweepRows add the same
// products in the same order, so this is their figure to the last bit.
func prunedDot(sv *searchVecs, a, b int) float32 {
	return float32(prunedDot64(sv, a, b))
}

// prunedDot64 is prunedDot before its rounding to float32 (sweepRows
// gives a pair when this is positive).
func prunedDot64(sv *searchVecs, a, b int) float64 {
	ia, va := sv.vec(a)
	ib, vb := sv.vec(b)
	sa, sb := sv.scale[a], sv.scale[b]
	s := 0.0
	forShared(ia, ib, func(i, j int) { s += float64(va[i]*sa) * float64(vb[j]*sb) })
	return s
}

// forShared calls fn with the positions in ia and ib of each term both
// hold (both increasing), in term order.
func forShared(ia, ib []int32, fn func(i, j int)) {
	for i, j := 0, 0; i < len(ia) && j < len(ib); {
		switch {
		case ia[i] < ib[j]:
			i++
		case ia[i] > ib[j]:
			j++
		default:
			fn(i, j)
			i++
			j++
		}
	}
}

// sweepBlock is how many rows sweepRows computes in one pass over the
// search vectors: the block's postings are about 220 entries a row at
// 50,000 documents (8 bytes each: 1.8 MB a block of 1,024), where a pass
// reads every document's search vector (11 million terms, a few
// hundredths of a CPU-second). Blocks of 4,096 were 7 MB a worker, held
// with the head, the lists and the state's lists: the largest live heap
// of a re-run affecting many documents (docs/benchmarks.md, session 18).
const sweepBlock = 1024

// sweepRows computes, for each document a of rows, its search
// similarity with every other document, and gives emit each pair with a
// positive figure: the products of their shared terms (val·scale as
// float32, then float64) summed in term order, as prunedDot sums them,
// so its figure to the last bit. The rows go in blocks (sweepBlock at
// most, split among the workers: shareRows): a block's terms are
// indexed (per term, the block's rows that hold it, with their weights)
// and every document's search vector is read once against them, in
// document order, term by term. So neither the pruned index of the
// whole corpus nor its packed terms are made (88 + 15 MB at 50,000
// documents, the peak of a re-run that affects many documents:
// docs/benchmarks.md, session 17), the work is the index's (each shared
// term of a row and a document once), and one row costs one pass.
// A row is computed by one worker, so emit may write row a's own result
// unlocked; other results must be merged so that the order does not
// matter (offerPruned's lists).
func sweepRows(sv *searchVecs, rows []int, workers int, emit func(a, j int, s float32)) {
	sweepRowsIn(sv, rows, workers, sweepBlock, emit)
}

// sweepRowsIn is sweepRows in blocks of at most block rows (the tests
// make many small blocks).
func sweepRowsIn(sv *searchVecs, rows []int, workers, block int, emit func(a, j int, s float32)) {
	if len(rows) == 0 {
		return
	}
	n := len(sv.lo)
	workers = max(1, min(workers, len(rows)))
	size := max(1, min(block, (len(rows)+workers-1)/workers))
	var blocks []int // each block's first place in rows
	for lo := 0; lo < len(rows); lo += size {
		blocks = append(blocks, lo)
	}
	shareRows(blocks, workers, func(int) func(lo int) {
		start := make([]int32, sv.terms+1)
		var who []int32  // a posting's row, by its place in the block
		var ws []float32 // its weight, val·scale
		acc := make([]float64, size)
		seen := make([]int32, size) // j+1 once acc[r] holds row r's sum with document j
		var touched []int32
		return func(lo int) {
			block := rows[lo:min(lo+size, len(rows))]
			clear(start)
			for _, a := range block {
				idx, _ := sv.vec(a)
				for _, ti := range idx {
					start[ti+1]++
				}
			}
			for t := range sv.terms {
				start[t+1] += start[t]
			}
			total := int(start[sv.terms])
			who, ws = slices.Grow(who[:0], total)[:total], slices.Grow(ws[:0], total)[:total]
			for r, a := range block {
				idx, val := sv.vec(a)
				sc := sv.scale[a]
				for k, ti := range idx {
					p := start[ti]
					who[p], ws[p] = int32(r), val[k]*sc
					start[ti]++
				}
			}
			copy(start[1:], start[:sv.terms]) // each term's start again
			start[0] = 0
			clear(seen)
			for j := range n {
				idx, val := sv.vec(j)
				sc := sv.scale[j]
				touched = touched[:0]
				for k, ti := range idx {
					from, to := start[ti], start[ti+1]
					if from == to {
						continue
					}
					w := float64(val[k] * sc)
					for p := from; p < to; p++ {
						r := who[p]
						if seen[r] != int32(j+1) {
							seen[r], acc[r] = int32(j+1), 0
							touched = append(touched, r)
						}
						acc[r] += float64(ws[p]) * w // a's weight first, as prunedDot64
					}
				}
				for _, r := range touched {
					if a := block[r]; a != j && acc[r] > 0 {
						emit(a, j, float32(acc[r]))
					}
				}
			}
		}
	})
}

// shareRows shares out rows (sweepRows' blocks) in turn to
// min(workers, len(rows)) goroutines (worker g gets rows g, g+workers,
// ...), each of which computes its rows with row, made for it once by
// worker(g) (its scratch is its own). It returns when every row is done.
func shareRows(rows []int, workers int, worker func(g int) func(a int)) {
	var wg sync.WaitGroup
	workers = max(1, min(workers, len(rows)))
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			row := worker(g)
			for x := g; x < len(rows); x += workers {
				row(rows[x])
			}
		}()
	}
	wg.Wait()
}

// rowTerms are the search vectors' terms as prunedTop reads them: each
// document's as the gaps between them (the first from 0), uvarints in
// one byte array. A term is then one or two bytes where the vectors hold
// an int32, and the vectors need not be held through the search
// (searchCold): at 50,000 documents 11 million terms.
type rowTerms struct {
	start []int // document d's gaps are b[start[d]:start[d+1]]
	b     []byte
}

func packRows(sv *searchVecs) *rowTerms {
	n := len(sv.lo)
	r := &rowTerms{start: make([]int, n+1)}
	var buf [binary.MaxVarintLen32]byte
	for d := range n { // the size first: the array is made at it
		prev, size := int32(0), 0
		for _, ti := range sv.idx[sv.lo[d]:sv.hi[d]] {
			size += binary.PutUvarint(buf[:], uint64(ti-prev))
			prev = ti
		}
		r.start[d+1] = r.start[d] + size
	}
	r.b = make([]byte, 0, r.start[n])
	for d := range n {
		prev := int32(0)
		for _, ti := range sv.idx[sv.lo[d]:sv.hi[d]] {
			r.b = binary.AppendUvarint(r.b, uint64(ti-prev))
			prev = ti
		}
	}
	return r
}

// sharedLists are the lists prunedTopRows fills, one set for all its
// workers. Each worker kept its own set, merged at the end: at 50,000
// documents and depth 70 a set is 28 MB, and the search with its index
// was the run's largest live heap but for the re-weighing after it
// (docs/benchmarks.md, session 14).
type sharedLists struct {
	depth int
	lists [][]prunedEntry
	mu    []sync.Mutex
	// floor[j] is the bits of the figure of list j's last entry once it
	// is full, 0 before (every figure offered is positive, and positive
	// float32s order as their bits): a pair below it cannot enter, and
	// it is read, in order, for every pair of a row, where reading list
	// j's last entry was a scattered load (a fifth of the search at
	// 50,000). Read without j's lock it may be behind, never ahead: the
	// offer then finds out under the lock.
	floor []atomic.Uint32
}

func newSharedLists(n, depth int) *sharedLists {
	return sharedOver(newPrunedLists(n, depth), depth)
}

// sharedOver is lists (each at most depth entries, by before) as
// sharedLists, to be offered more: the floor of each full list is set.
func sharedOver(lists [][]prunedEntry, depth int) *sharedLists {
	s := &sharedLists{depth: depth, lists: lists, mu: make([]sync.Mutex, len(lists)), floor: make([]atomic.Uint32, len(lists))}
	for j, l := range lists {
		if len(l) == depth {
			s.floor[j].Store(math.Float32bits(l[depth-1].sim))
		}
	}
	return s
}

// below says whether a figure cannot enter list j.
func (s *sharedLists) below(j int, sim float32) bool {
	return math.Float32bits(sim) < s.floor[j].Load()
}

// offer offers e to list j.
func (s *sharedLists) offer(j int, e prunedEntry) {
	s.mu[j].Lock()
	s.lists[j] = s.offerLocked(j, e)
	s.mu[j].Unlock()
}

// offerAll offers each of es to list j, under one taking of its lock.
func (s *sharedLists) offerAll(j int, es []prunedEntry) {
	s.mu[j].Lock()
	for _, e := range es {
		s.lists[j] = s.offerLocked(j, e)
	}
	s.mu[j].Unlock()
}

func (s *sharedLists) offerLocked(j int, e prunedEntry) []prunedEntry {
	l := offerPruned(s.lists[j], s.depth, e)
	if len(l) == s.depth {
		s.floor[j].Store(math.Float32bits(l[s.depth-1].sim))
	}
	return l
}

// prunedPairs are the candidate pairs of the lists: each document's
// first c entries, as (a, b) with a < b, sorted, once.
func prunedPairs(lists [][]prunedEntry, c int) [][2]int32 {
	total := 0
	for _, l := range lists {
		total += min(len(l), c)
	}
	pairs := make([][2]int32, 0, total)
	for v, l := range lists {
		for _, e := range l[:min(len(l), c)] {
			pairs = append(pairs, [2]int32{int32(min(v, int(e.doc))), int32(max(v, int(e.doc)))})
		}
	}
	slices.SortFunc(pairs, comparePairs)
	// a pair in both its documents' lists is there twice: the array is
	// made again at its length, not held at twice the pairs' size
	// beside the re-weighed vectors (searchCold)
	return slices.Clone(slices.Compact(pairs))
}

// scoreOn is scorePairs on m; on a partial set (vecSet.partial) the
// documents of pairs are weighed first (vecSet.reweigh), and only they.
func scoreOn[W weight](m *vecSet[W], pairs [][2]int32, workers int) []float64 {
	if !m.partial {
		return scorePairs(m, pairs, workers)
	}
	if len(pairs) == 0 {
		return nil
	}
	need := make([]bool, m.len())
	for _, pr := range pairs {
		need[pr[0]], need[pr[1]] = true, true
	}
	return scorePairs(m.reweigh(func(d int) bool { return need[d] }), pairs, workers)
}

// searched is what the search found: the result's making and the
// state's.
type searched struct {
	lists listDocs   // per document, its pruned list's documents (searchParams.depth at most)
	cuts  []bool     // per document: others may rank after its list
	pairs [][2]int32 // the candidate pairs (prunedPairs)
	sims  []float64  // their figures on the run's vectors (scorePairs)
	extra []Pair     // the pairs closeDuplicates added, with their figures
}

// listDocs are pruned lists as the state keeps them: each list's
// documents, in order, and the figure of its last entry. The lists'
// other figures are not read after prunedPairs, and the documents alone
// are half the entries' size (at 50,000 documents 14 of 28 MB, held
// beside the re-weighed vectors: docs/benchmarks.md, session 14).
type listDocs struct {
	docs [][]int32 // per document, its list's documents, in order (one array)
	last []float32 // per document, the figure of its list's last entry (0: empty)
}

func docsOf(lists [][]prunedEntry) listDocs {
	total := 0
	for _, l := range lists {
		total += len(l)
	}
	flat := make([]int32, 0, total)
	r := listDocs{docs: make([][]int32, len(lists)), last: make([]float32, len(lists))}
	for i, l := range lists {
		at := len(flat)
		for _, e := range l {
			flat = append(flat, e.doc)
		}
		r.docs[i] = flat[at:len(flat):len(flat)]
		if len(l) > 0 {
			r.last[i] = l[len(l)-1].sim
		}
	}
	return r
}

// cutLists says of each list whether it is full (others may rank after
// it): a list shorter than depth holds every document with a positive
// figure.
func cutLists(lists [][]prunedEntry, depth int) []bool {
	cuts := make([]bool, len(lists))
	for i, l := range lists {
		cuts[i] = len(l) == depth
	}
	return cuts
}

// settle closes the near-duplicate clusters (closeDuplicates, the pairs
// it adds kept in r.extra) and makes each document's keepPeers best and
// the near-duplicate pairs from every pair scored.
func settle[W weight](m *vecSet[W], r *searched, workers int) ([]topPeers, []Pair) {
	// m may be partial (searchIncremental): closeDuplicates scores on it
	// by scoreOn
	pairs, sims := closeDuplicates(m, r.pairs, r.sims, workers)
	r.extra = nil
	for k := len(r.pairs); k < len(pairs); k++ {
		r.extra = append(r.extra, Pair{A: int(pairs[k][0]), B: int(pairs[k][1]), Similarity: sims[k]})
	}
	return offerPairs(m.len(), pairs, sims)
}

// offerPairs makes each of n documents' keepPeers best from the scored
// pairs, and the near-duplicate pairs among them. Neither depends on the
// pairs' order.
func offerPairs(n int, pairs [][2]int32, sims []float64) ([]topPeers, []Pair) {
	top := make([]topPeers, n)
	var dups []Pair
	for k, pr := range pairs {
		sim := sims[k]
		if sim <= 0 {
			continue
		}
		a, b := int(pr[0]), int(pr[1])
		top[a].offer(b, sim)
		top[b].offer(a, sim)
		if sim >= NearDuplicate {
			dups = append(dups, Pair{A: a, B: b, Similarity: sim})
		}
	}
	return top, dups
}

// searchState is r as a state's lists: each document's pruned list, the
// first p.candidates entries with their pair's figure (the rest 0), and
// the figure of a cut list's last entry (the bound of what it holds).
func searchState(r *searched, st *simState, p searchParams) {
	n := len(r.lists.docs)
	st.lists, st.cuts, st.last = make([][]stateEntry, n), r.cuts, r.lists.last
	total := 0
	for _, l := range r.lists.docs {
		total += len(l)
	}
	flat := make([]stateEntry, total)
	for i, l := range r.lists.docs {
		c := flat[:len(l):len(l)]
		flat = flat[len(l):]
		for k, d := range l {
			c[k] = newStateEntry(d, 0)
			if k < p.candidates {
				pr := [2]int32{min(int32(i), d), max(int32(i), d)}
				if x, ok := slices.BinarySearchFunc(r.pairs, pr, comparePairs); ok {
					c[k] = stateEntryOf(candidate{doc: int(d), sim: r.sims[x]})
				}
			}
		}
		st.lists[i] = c
	}
	st.dups = r.extra
}

// searchFromState is the result a search state holds, when no bag
// changed: its candidate pairs with their figures and the pairs
// closeDuplicates added, offered as settle offers them (no vector).
func searchFromState(old *simState, p searchParams) ([]topPeers, []Pair) {
	type scored struct {
		pr  [2]int32
		sim float64
	}
	var all []scored
	for i, l := range old.lists {
		for _, c := range l[:min(len(l), p.candidates)] {
			all = append(all, scored{[2]int32{min(int32(i), c.doc()), max(int32(i), c.doc())}, c.sim()})
		}
	}
	slices.SortFunc(all, func(a, b scored) int { return comparePairs(a.pr, b.pr) })
	all = slices.CompactFunc(all, func(a, b scored) bool { return a.pr == b.pr })
	for _, e := range old.dups {
		all = append(all, scored{[2]int32{int32(e.A), int32(e.B)}, e.Similarity})
	}
	pairs, sims := make([][2]int32, len(all)), make([]float64, len(all))
	for k, s := range all {
		pairs[k], sims[k] = s.pr, s.sim
	}
	return offerPairs(len(old.lists), pairs, sims)
}

// keepUnaffected makes the lists of the unaffected documents rows of a
// re-run (searchIncremental): each row's kept unaffected entries, their
// figures computed again (the state keeps a pruned list's documents and
// its last figure, not the others), and the bound a cut list is certain
// up to. At 50,000 documents these are 3.5 million figures, a third of a
// one-file re-run's CPU and, done on one core, a third of its wall
// (docs/benchmarks.md, session 24): the rows are shared among the
// workers (each writes its own lists[i] and bound[i] only), and a row's
// weights are spread once over the terms (denseRow) so that each entry
// reads its own terms against them, where prunedDot merged the two term
// lists again for every entry. The figures are prunedDot's to the bit:
// the same products of the shared terms, summed in term order.
func keepUnaffected(sv *searchVecs, old *simState, aff []bool, rows []int, lists [][]prunedEntry, bound []*prunedEntry, depth, workers int) {
	shareRows(rows, workers, func(int) func(i int) {
		d := newDenseRow(sv.terms)
		return func(i int) {
			d.load(sv, i)
			for _, c := range old.lists[i] {
				if j := int(c.doc()); !aff[j] {
					lists[i] = offerPruned(lists[i], depth, prunedEntry{doc: c.doc(), sim: float32(d.dot(sv, j))})
				}
			}
			if l := old.lists[i]; old.cuts[i] && len(l) > 0 {
				bound[i] = &prunedEntry{doc: l[len(l)-1].doc(), sim: old.last[i]}
			}
		}
	})
}

// denseRow is one document's search vector spread over the terms: its
// weight times its scale at each of its terms, and which row put it
// there (stamp: row+1), so that loading the next row clears nothing.
type denseRow struct {
	w     []float64
	stamp []int32
	row   int32
}

func newDenseRow(terms int) *denseRow {
	return &denseRow{w: make([]float64, terms), stamp: make([]int32, terms)}
}

// load spreads document a's vector.
func (d *denseRow) load(sv *searchVecs, a int) {
	d.row = int32(a) + 1
	ia, va := sv.vec(a)
	sa := sv.scale[a]
	for k, t := range ia {
		d.w[t], d.stamp[t] = float64(va[k]*sa), d.row
	}
}

// dot is prunedDot64 of the loaded document and b: b's terms in order,
// the shared ones' products summed as forShared visits them.
func (d *denseRow) dot(sv *searchVecs, b int) float64 {
	ib, vb := sv.vec(b)
	sb := sv.scale[b]
	s := 0.0
	for k, t := range ib {
		if d.stamp[t] == d.row {
			s += d.w[t] * float64(vb[k]*sb)
		}
	}
	return s
}

// searchIncremental is the search of a run from the previous run's
// state old, when the same files are there and at most maxAffected of
// them are affected (aff): the same lists, pairs and figures as
// searchCold on the run's vectors m, since a pruned list holds the best
// by a figure of two documents only, and that figure changed only for a
// pair with an affected document.
//
//   - an unaffected document's list: its kept unaffected entries (their
//     figures computed again, keepUnaffected: the same as before), and every
//     affected document by its row; certain up to the old list's last
//     entry when it was cut (an unaffected document after it ranked
//     lower and still does); fewer than p.candidates certain entries: its
//     row whole;
//   - an affected document's list: its row, whole;
//   - a candidate pair of two unaffected documents that was a candidate
//     before keeps its figure; the others are scored.
//
// rows says how many rows were computed, scored how many pairs.
//
// The rows are computed on the search vectors (sweepRows), however
// many: no index of the whole corpus is made. When m can be weighed
// again (vecSet.reweigh), its tail is let go while the lists are made
// and the vectors are weighed again for the scoring, only the documents
// of the pairs scored: holding m whole beside the index was the peak of
// a one-file re-run (docs/benchmarks.md, session 15), the index beside
// the head that of a re-run affecting many documents (session 17).
func searchIncremental[W weight](m *vecSet[W], old *simState, aff []bool, workers int, p searchParams) (r *searched, rows, scored int) {
	n := m.len()
	m.weighHead() // the rows read the head's weights (sv.vec), not its counts
	sv := pruneVectors(m, p)
	// the search reads the head only (sv): the tail (at 50,000 documents
	// 27 MB) is let go before the lists are made, not after
	lean := m.reweigh != nil
	if lean {
		m.tidx, m.tcnt, m.over = nil, nil, nil
	}
	lists := newPrunedLists(n, p.depth)
	bound := make([]*prunedEntry, n)
	var affected, kept []int
	for i := range n {
		if aff[i] {
			affected = append(affected, i)
		} else {
			kept = append(kept, i)
		}
	}
	keepUnaffected(sv, old, aff, kept, lists, bound, p.depth, workers)
	// the rows on the search vectors (sweepRows): the pruned index and
	// its packed terms (100 MB at 50,000 documents, beside the head)
	// were the peak of a re-run, with one row (session 16) and with
	// many (session 17)
	if len(affected) > 0 {
		// the rows offer to the lists themselves (sharedLists), not to a
		// set of lists per worker merged after: a set is n·depth entries
		// (28 MB at 50,000 documents), and the re-run's peak was here
		// (docs/benchmarks.md, session 15). A list holds the depth best
		// of what it was offered, whatever the order.
		shared := sharedOver(lists, p.depth)
		sweepRows(sv, affected, workers, func(a, j int, s float32) {
			if aff[j] && j < a { // j's row has the pair
				return
			}
			if !shared.below(a, s) {
				shared.offer(a, prunedEntry{doc: int32(j), sim: s})
			}
			if !shared.below(j, s) {
				shared.offer(j, prunedEntry{doc: int32(a), sim: s})
			}
		})
		lists = shared.lists
	}
	cuts := cutLists(lists, p.depth)
	var again []int
	for i, b := range bound {
		if b == nil {
			continue
		}
		l := lists[i]
		k := 0
		for k < len(l) && !b.before(l[k]) {
			k++
		}
		lists[i], cuts[i] = l[:k], true
		if k < min(p.candidates, n-1) {
			again = append(again, i)
		}
	}
	for _, i := range again {
		lists[i] = lists[i][:0]
	}
	sweepRows(sv, again, workers, func(a, j int, s float32) { // row a's own list: one worker's
		lists[a] = offerPruned(lists[a], p.depth, prunedEntry{doc: int32(j), sim: s})
	})
	sv = nil
	if lean {
		// no vector kept from here on: the head (at 50,000 documents 89
		// MB) was held beside the lists, the state's lists and the
		// candidate pairs being made (prunedPairs: twice their size for a
		// moment), the largest live heap of a re-run affecting many
		// documents (docs/benchmarks.md, session 18). The pairs to score
		// are weighed for (scoreOn), here and in closeDuplicates.
		*m = *m.reweigh(func(int) bool { return false })
	}
	for _, i := range again {
		cuts[i] = len(lists[i]) == p.depth
	}
	// the figures of the pairs that were candidates before, between two
	// unaffected documents
	pairs := prunedPairs(lists, p.candidates)
	sims := make([]float64, len(pairs))
	had := func(a, b int) (float64, bool) {
		l := old.lists[a]
		for _, c := range l[:min(len(l), p.candidates)] {
			if int(c.doc()) == b {
				return c.sim(), true
			}
		}
		return 0, false
	}
	var todo [][2]int32
	var at []int
	for k, pr := range pairs {
		a, b := int(pr[0]), int(pr[1])
		if !aff[a] && !aff[b] {
			if s, ok := had(a, b); ok {
				sims[k] = s
				continue
			}
			if s, ok := had(b, a); ok {
				sims[k] = s
				continue
			}
		}
		todo = append(todo, pr)
		at = append(at, k)
	}
	// the lists' documents before the vectors are weighed again: the
	// lists' figures are not read after this (at 50,000 documents 14 of
	// their 28 MB, held beside the whole vectors, as searchCold does)
	r = &searched{lists: docsOf(lists), cuts: cuts, pairs: pairs, sims: sims}
	for x, s := range scoreOn(m, todo, workers) {
		sims[at[x]] = s
	}
	return r, len(affected) + len(again), len(todo)
}
