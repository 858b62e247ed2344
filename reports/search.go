package reports

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sort"
	"sync"
)

// The candidate search behind newSimilarity. Comparing every document
// with every other is quadratic: on a corpus of one genre almost every
// term is shared by a large share of the documents, so even an inverted
// index multiplies nearly all pairs (65% of a 50,000-document run). The
// search instead
//
//   - prunes the vectors it compares: terms in more than maxDFShare of the
//     documents (they tell the plans apart no more than the stop words
//     analysis already drops) and terms of one document (they are shared
//     with nobody) are left out, and each vector keeps at most its
//     strongest terms, so one comparison is bounded whatever the document.
//     The bound is loose (vectorTerms, 1,024, the run's own vectors' bound;
//     the bench corpus's pruned vectors have 236 terms on average): on a
//     corpus of one genre the nearest peers differ in many middling terms,
//     and vectors cut to their 64 or 128 strongest ranked only 68% or 80%
//     of the true five nearest among their 20 nearest, against 99.9%
//     uncut. These vectors are not a copy: they are the first part of each
//     run vector (see vecSet), scaled to unit length;
//   - builds each document's nearest-neighbour list with NN-descent (Dong,
//     Moses and Li, 2011): a neighbour of a neighbour is likely a
//     neighbour, so each round compares each document only with its
//     neighbours' neighbours, and a few rounds settle (8 on 10,000 bench
//     documents). Its cost per document depends on the list length, not
//     on the corpus; the lists start from the leaves of random projection
//     trees;
//   - finds near duplicates with MinHash over the pruned term sets,
//     banded into an LSH table, so copies meet in a bucket whatever their
//     rank among a document's neighbours.
//
// Every candidate pair is then scored on the run's TF-IDF vectors (all
// their terms, see buildVecs), in the same order of terms as an all-pairs
// computation, so the figures are the ones all pairs gives; the search
// only decides which pairs are looked at. All
// randomness is seeded and every step's result is independent of the
// order in which workers finish, so the output depends on the input only.

// searchParams tune the candidate search.
type searchParams struct {
	maxDFShare float64 // search vectors leave out terms in more than this share of the documents
	strongest  int     // and keep at most this many terms each, the heaviest
	neighbours int     // NN-descent's list length per document (K)
	sample     int     // new list entries per document joined in a round
	maxRounds  int     // NN-descent stops after this many rounds
	minChange  float64 // or when fewer than this share of the n·K list entries changed in a round
	trees      int     // random projection trees for the initial lists
	leaf       int     // documents in a leaf of those trees, at most
	bands      int     // MinHash LSH bands
	rows       int     // minima per band
	seed       uint64
}

// defaultSearch are the parameters newSimilarity uses, measured against
// all pairs on the bench corpus (docs/benchmarks.md): lists of 40 with 15
// new entries a round found 98.4% of the five nearest at 2,000 documents
// but 97.2% at 10,000; 60 and 20 find 99.6% and 99.4%, at about twice
// the cost. Eight minima to a band keep the buckets to pairs far above
// the corpus's usual overlap (pruned term sets share 16% of their terms,
// 37% at the 99th percentile), and 24 bands catch a pair sharing 80% of
// its terms with probability 0.99; the clusters of copies are closed by
// closeDuplicates and the neighbour lists hold the rest.
func defaultSearch() searchParams {
	return searchParams{
		maxDFShare: 0.5,
		strongest:  vectorTerms, // a run's vectors have no more: the search shares them
		neighbours: 60,
		sample:     20,
		maxRounds:  12,
		minChange:  0.002,
		trees:      8,
		leaf:       32,
		bands:      24,
		rows:       8,
		seed:       0x5eed5171,
	}
}

// searchVecs are the pruned vectors of the search: document d's terms
// are idx[lo[d]:hi[d]] (increasing), its weights val[...] times scale[d]
// (unit length over those terms). sets holds, per document, the pruned
// term set before the strongest-terms cut, for MinHash (the vector's own
// terms when nothing was cut). In a run idx and val are the vecSet's own
// arrays, not a copy: its vocabulary puts the terms the search leaves out
// last, so a document's search terms are the first part of its vector.
type searchVecs struct {
	lo, hi []int
	idx    []int32
	val    []float32
	scale  []float32
	sets   [][]int32
	terms  int
}

func (s *searchVecs) vec(d int) ([]int32, []float32) {
	return s.idx[s.lo[d]:s.hi[d]], s.val[s.lo[d]:s.hi[d]]
}

// pruneVectors makes the search vectors of m. A document all of whose
// terms are pruned keeps its terms found in two documents or more (all
// of a vecSet's), so that it is still compared by what it has.
func pruneVectors[W weight](m *vecSet[W], p searchParams) *searchVecs {
	n := m.len()
	df := make([]int32, len(m.terms))
	for _, ti := range m.idx {
		df[ti]++
	}
	for p := range m.tidx {
		df[m.tailTerm(p)]++
	}
	// a document's terms, head and tail; its weights are read from the
	// head, and the tail's computed only for a document whose kept terms
	// reach into it (none in a run, but for a document with no head term)
	var idx, scratch []int32
	var val []W
	weights := func(d int, keep []int) []W {
		if hi, hv := m.head(d); len(keep) == 0 || keep[len(keep)-1] < len(hi) {
			return hv
		}
		scratch, val = m.full(d, scratch[:0], val[:0])
		return val
	}
	maxDF := int32(p.maxDFShare * float64(n))
	s := &searchVecs{lo: make([]int, n), hi: make([]int, n), scale: make([]float32, n), sets: make([][]int32, n), terms: len(m.terms)}
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
	for d := 0; shared && d < n; d++ {
		keep = keeps(d, keep)
		shared = len(keep) <= p.strongest && (len(keep) == 0 || keep[len(keep)-1] == len(keep)-1) &&
			len(keep) <= m.start[d+1]-m.start[d] // and in the head
	}
	if shared {
		s.idx, s.val = m.idx, vals
	}
	for d := range n {
		keep = keeps(d, keep)
		val := weights(d, keep)
		if len(keep) > p.strongest { // the heaviest, ties by term; then back in term order
			set := make([]int32, len(keep))
			for x, k := range keep {
				set[x] = idx[k]
			}
			s.sets[d] = set
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
		if s.sets[d] == nil { // not cut: the set is the vector's terms
			s.sets[d] = s.idx[s.lo[d]:s.hi[d]:s.hi[d]]
		}
	}
	return s
}

// candidatePairs returns the pairs to score exactly, each once as (a, b)
// with a < b, sorted: the NN-descent lists and the MinHash buckets.
//
// The order bounds what is live at once (the search's working set is the
// peak of a 50,000-document run, docs/benchmarks.md): the sketch's pairs
// come first, so that its keys (bands per document, 24 bytes each) are
// garbage before NN-descent's lists are made; the pairs are then made in
// one array of the size they need, each pair once (two documents in each
// other's list were two entries and a reallocation when the sketch's
// pairs were appended), and the lists dropped.
func candidatePairs[W weight](m *vecSet[W], workers int, p searchParams) [][2]int32 {
	n := m.len()
	if n < 2 {
		return nil
	}
	sv := pruneVectors(m, p)
	sketched := minhashPairs(sv, p)
	sv.sets = nil // MinHash's alone
	lists := nnDescent(sv, workers, p)
	// v's entry u is the pair's unless v is in u's list too and u < v:
	// then it is u's
	mine := func(v int, u int32) bool { return int(u) > v || !known(lists[u], int32(v)) }
	total := len(sketched)
	for v, l := range lists {
		for _, e := range l {
			if mine(v, e.id) {
				total++
			}
		}
	}
	pairs := make([][2]int32, 0, total)
	for v, l := range lists {
		for _, e := range l {
			if mine(v, e.id) {
				pairs = append(pairs, [2]int32{int32(min(v, int(e.id))), int32(max(v, int(e.id)))})
			}
		}
	}
	lists = nil
	pairs = append(pairs, sketched...)
	sketched = nil
	slices.SortFunc(pairs, comparePairs)
	return slices.Compact(pairs)
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
					sims[k] = round4(s)
				}
				if a >= 0 {
					clearA(a)
				}
			}
		}()
	}
	wg.Wait()
	return sims
}

// entry is one neighbour in an NN-descent list: 12 bytes (round is an
// int16, maxRounds is far below its range), not 16, since the lists
// hold n·K of them (60 a document, 36 MB at 50,000 instead of 48).
type entry struct {
	id    int32
	sim   float32
	round int16 // round in which it entered the list
	fresh bool  // not yet joined as a new neighbour
}

// before orders list entries: most similar first, ties by document.
func (e entry) before(f entry) bool { return e.sim > f.sim || (e.sim == f.sim && e.id < f.id) }

// insert puts e into l (at most k entries, ordered by before) unless it
// is there already or not good enough.
func insert(l []entry, k int, e entry) []entry {
	if len(l) == k && !e.before(l[k-1]) {
		return l
	}
	for _, f := range l {
		if f.id == e.id {
			return l
		}
	}
	i := len(l)
	for i > 0 && e.before(l[i-1]) {
		i--
	}
	if len(l) < k {
		l = append(l, entry{})
	}
	copy(l[i+1:], l[i:])
	l[i] = e
	return l
}

// joinBatch is how many documents NN-descent joins before it applies
// what they found.
const joinBatch = 1024

// proposal offers document id to target's list.
type proposal struct {
	target, id int32
	sim        float32
}

// nnDescent returns each document's approximate nearest neighbours by
// the search vectors, most similar first. A round joins the documents
// joinBatch at a time; each batch reads the lists as they were at its
// start and only then applies what it found, and a list's content is the
// best of everything offered to it under one total order, so the result
// does not depend on the number of workers.
func nnDescent(sv *searchVecs, workers int, p searchParams) [][]entry {
	n := len(sv.lo)
	k := min(p.neighbours, n-1)
	lists := make([][]entry, n)
	flat := make([]entry, n*k)
	for v := range lists {
		lists[v] = flat[v*k : v*k : (v+1)*k]
	}
	if n-1 == k { // every pair fits in the lists
		parallel(n, workers, func(_ int, dense []float32, lo, hi int) {
			for v := lo; v < hi; v++ {
				spread(sv, dense, v)
				for u := range n {
					if u != v {
						lists[v] = insert(lists[v], k, entry{id: int32(u), sim: gather(sv, dense, u), fresh: true})
					}
				}
				unspread(sv, dense, v)
			}
		}, sv.terms)
		return lists
	}
	// the initial lists: the documents that share a leaf of a random
	// projection tree, topped up with random ones
	for t := 0; t < p.trees; t += workers { // a few trees at a time: their pairs are n·leaf each
		for _, pr := range rpForest(sv, workers, p, t, min(t+workers, p.trees)) {
			lists[pr.target] = insert(lists[pr.target], k, entry{id: pr.id, sim: pr.sim, fresh: true})
			lists[pr.id] = insert(lists[pr.id], k, entry{id: pr.target, sim: pr.sim, fresh: true})
		}
	}
	parallel(n, workers, func(_ int, dense []float32, lo, hi int) {
		for v := lo; v < hi; v++ {
			if len(lists[v]) == k {
				continue
			}
			rng := rand.New(rand.NewPCG(p.seed, uint64(v)))
			spread(sv, dense, v)
			for len(lists[v]) < k {
				u := v + 1 + rng.IntN(n-1) // any other document
				if u >= n {
					u -= n
				}
				lists[v] = insert(lists[v], k, entry{id: int32(u), sim: gather(sv, dense, u), fresh: true})
			}
			unspread(sv, dense, v)
		}
	}, sv.terms)
	newC := make([][]int32, n)
	oldC := make([][]int32, n)
	// each worker's proposals of a batch, re-used by the next: grown anew
	// for every batch they were 275 of the 485 MB the search allocated on
	// 10,000 generated plans (BenchmarkSimilarity), the collector's work
	// growing with them
	props := make([][]proposal, workers)
	newR := make([][]int32, n)
	oldR := make([][]int32, n)
	for round := int32(1); round <= int32(min(p.maxRounds, math.MaxInt16)); round++ { // entry.round is an int16
		for v := range n {
			newC[v], oldC[v], newR[v], oldR[v] = newC[v][:0], oldC[v][:0], newR[v][:0], oldR[v][:0]
		}
		for v, l := range lists {
			for x := range l {
				switch {
				case !l[x].fresh:
					oldC[v] = append(oldC[v], l[x].id)
				case len(newC[v]) < p.sample:
					newC[v] = append(newC[v], l[x].id)
					l[x].fresh = false
				}
			}
		}
		for v := range n {
			for _, u := range newC[v] {
				newR[u] = append(newR[u], int32(v))
			}
			for _, u := range oldC[v] {
				oldR[u] = append(oldR[u], int32(v))
			}
		}
		for v := range n {
			newC[v] = union(newC[v], sampleOf(newR[v], p.sample, p.seed, round, v), nil)
			oldC[v] = union(oldC[v], sampleOf(oldR[v], p.sample, p.seed, round, v), newC[v])
		}
		// joined a batch of documents at a time, its proposals applied
		// before the next: the proposals of all documents at once would
		// be gigabytes at 50,000. The batches do not depend on workers.
		for b0 := 0; b0 < n; b0 += joinBatch {
			b1 := min(b0+joinBatch, n)
			parallel(b1-b0, workers, func(g int, dense []float32, lo, hi int) {
				out := props[g][:0]
				offer := func(a, b int32, sim float32) {
					if l := lists[a]; len(l) < k || (entry{id: b, sim: sim}).before(l[k-1]) {
						out = append(out, proposal{a, b, sim})
					}
				}
				for v := b0 + lo; v < b0+hi; v++ {
					nc, oc := newC[v], oldC[v]
					for i, a := range nc {
						spread(sv, dense, int(a))
						join := func(b int32) {
							if a == b || (known(lists[a], b) && known(lists[b], a)) {
								return
							}
							sim := gather(sv, dense, int(b))
							offer(a, b, sim)
							offer(b, a, sim)
						}
						for _, b := range nc[i+1:] {
							join(b)
						}
						for _, b := range oc {
							join(b)
						}
						unspread(sv, dense, int(a))
					}
				}
				props[g] = out
			}, sv.terms)
			for _, ps := range props {
				for _, pr := range ps {
					lists[pr.target] = insert(lists[pr.target], k, entry{id: pr.id, sim: pr.sim, fresh: true, round: int16(round)})
				}
			}
		}
		changed := 0
		for _, l := range lists {
			for _, e := range l {
				if int32(e.round) == round {
					changed++
				}
			}
		}
		if float64(changed) < p.minChange*float64(n*k) {
			break
		}
	}
	return lists
}

// rpForest returns, for random projection trees from..to-1, the pairs of
// documents in the same leaf, with their search similarity.
// A tree splits a node's documents by the hyperplane halfway between two
// of them chosen at random, until a node has at most p.leaf documents:
// documents close in angle mostly land in the same leaf. Each tree's
// choices come from its own seeded generator, whatever the worker.
func rpForest(sv *searchVecs, workers int, p searchParams, from, to int) []proposal {
	n := len(sv.lo)
	out := make([][]proposal, to-from)
	var wg sync.WaitGroup
	next := make(chan int)
	go func() {
		for t := from; t < to; t++ {
			next <- t
		}
		close(next)
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dense := make([]float32, sv.terms)
			side := make([]float32, n)
			for t := range next {
				rng := rand.New(rand.NewPCG(p.seed^0x7ee, uint64(t)))
				docs := make([]int32, n)
				for i := range docs {
					docs[i] = int32(i)
				}
				var res []proposal
				var split func(ds []int32)
				split = func(ds []int32) {
					if len(ds) <= p.leaf {
						for i, a := range ds {
							spread(sv, dense, int(a))
							for _, b := range ds[i+1:] {
								sim := gather(sv, dense, int(b))
								res = append(res, proposal{a, b, sim})
							}
							unspread(sv, dense, int(a))
						}
						return
					}
					a := ds[rng.IntN(len(ds))]
					b := ds[rng.IntN(len(ds))]
					spread(sv, dense, int(a))
					for _, d := range ds {
						side[d] = gather(sv, dense, int(d))
					}
					unspread(sv, dense, int(a))
					spread(sv, dense, int(b))
					for _, d := range ds {
						side[d] -= gather(sv, dense, int(d))
					}
					unspread(sv, dense, int(b))
					// left: closer to a; a tie goes by a coin, so that
					// equal documents do not pile up on one side
					l, r := 0, len(ds)-1
					for l <= r {
						d := ds[l]
						if side[d] > 0 || (side[d] == 0 && rng.IntN(2) == 0) {
							l++
						} else {
							ds[l], ds[r] = ds[r], ds[l]
							r--
						}
					}
					if l == 0 || l == len(ds) { // no split: halves at random
						rng.Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
						l = len(ds) / 2
					}
					split(ds[:l])
					split(ds[l:])
				}
				split(docs)
				out[t-from] = res
			}
		}()
	}
	wg.Wait()
	var all []proposal
	for _, res := range out {
		all = append(all, res...)
	}
	return all
}

// known reports whether id is in l.
func known(l []entry, id int32) bool {
	for _, e := range l {
		if e.id == id {
			return true
		}
	}
	return false
}

// union appends to a the members of b not in a nor in not.
func union(a, b, not []int32) []int32 {
	for _, x := range b {
		if !slices.Contains(a, x) && !slices.Contains(not, x) {
			a = append(a, x)
		}
	}
	return a
}

// sampleOf returns up to k of ids: those with the smallest seeded hash,
// so the choice is random but the same on every run.
func sampleOf(ids []int32, k int, seed uint64, round int32, v int) []int32 {
	if len(ids) <= k {
		return ids
	}
	key := func(u int32) uint64 { return mix64(seed ^ uint64(round)<<48 ^ uint64(v)<<24 ^ uint64(u)) }
	s := slices.Clone(ids)
	slices.SortFunc(s, func(a, b int32) int {
		ka, kb := key(a), key(b)
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return int(a - b)
	})
	return s[:k]
}

// parallel runs f over [0, n) in contiguous parts, one per worker, each
// with its own zeroed dense array of the given size.
func parallel(n, workers int, f func(g int, dense []float32, lo, hi int), size int) {
	var wg sync.WaitGroup
	for g := range workers {
		lo, hi := g*n/workers, (g+1)*n/workers
		if lo == hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(g, make([]float32, size), lo, hi)
		}()
	}
	wg.Wait()
}

func spread(sv *searchVecs, dense []float32, d int) {
	idx, val := sv.vec(d)
	sc := sv.scale[d]
	for x, ti := range idx {
		dense[ti] = val[x] * sc
	}
}

func unspread(sv *searchVecs, dense []float32, d int) {
	idx, _ := sv.vec(d)
	for _, ti := range idx {
		dense[ti] = 0
	}
}

// gather is the dot product of the spread vector with document d's.
func gather(sv *searchVecs, dense []float32, d int) float32 {
	idx, val := sv.vec(d)
	var s float32
	for x, ti := range idx {
		s += dense[ti] * val[x]
	}
	return s * sv.scale[d]
}

// minhashPairs returns the pairs of documents that share a band of their
// MinHash signatures: the pruned term sets hashed with one permutation
// into bands·rows bins (Li, Owen and Zhang, 2012; empty bins filled from
// the next full one), rows minima to a band. Two sets with Jaccard
// similarity J share a band with probability 1 - (1 - J^rows)^bands.
func minhashPairs(sv *searchVecs, p searchParams) [][2]int32 {
	bins := p.bands * p.rows
	type key struct {
		band int32
		h    uint64
		doc  int32
	}
	var keys []key
	sig := make([]uint64, bins)
	for d, set := range sv.sets {
		if len(set) == 0 {
			continue
		}
		for b := range sig {
			sig[b] = math.MaxUint64
		}
		for _, ti := range set {
			h := mix64(p.seed ^ uint64(ti)*0x9e3779b97f4a7c15)
			b, _ := bits.Mul64(h, uint64(bins))
			sig[b] = min(sig[b], h)
		}
		for b := range sig {
			if sig[b] != math.MaxUint64 {
				continue
			}
			for step := 1; step < bins; step++ { // densify: the next full bin's minimum, marked by the distance
				if v := sig[(b+step)%bins]; v != math.MaxUint64 && (b+step)%bins != b {
					sig[b] = mix64(v ^ uint64(step))
					break
				}
			}
		}
		for band := range p.bands {
			h := uint64(band)
			for _, x := range sig[band*p.rows : (band+1)*p.rows] {
				h = mix64(h ^ x)
			}
			keys = append(keys, key{int32(band), h, int32(d)})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		switch {
		case a.band != b.band:
			return int(a.band - b.band)
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return int(a.doc - b.doc)
	})
	var pairs [][2]int32
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].band == keys[i].band && keys[j].h == keys[i].h {
			j++
		}
		for a := i; a < j; a++ {
			for b := a + 1; b < j; b++ {
				pairs = append(pairs, [2]int32{keys[a].doc, keys[b].doc})
			}
		}
		i = j
	}
	return pairs
}

// mix64 is SplitMix64's finaliser: a fixed, well-spread hash of x.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
