package reports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"

	"gonum.org/v1/gonum/floats"

	"github.com/styrdok/styrdok/analysis"
)

// Similarity thresholds. Plans of one genre share much vocabulary, so
// pairs below MinPairSimilarity say little and are left out of
// similarity.csv; NearDuplicate marks a plan that is (nearly) a copy of
// another: re-saved in another format, or one municipality adopting its
// neighbour's text with the names changed.
//
// similarity.csv does not list every pair above MinPairSimilarity: on a
// corpus of one genre that is nearly all n(n-1)/2 pairs (1.8 million rows,
// 280 MB for 2,000 plans). It lists each document's PairPeers nearest
// peers at or above MinPairSimilarity, and every near-duplicate pair
// whatever its rank (PairRule says so in words).
const (
	MinPairSimilarity = 0.2
	NearDuplicate     = 0.9
	PairPeers         = 5  // nearest peers per document in similarity.csv
	maxPeers          = 3  // peers in documents.jsonl, report.html and benchmarks
	keepPeers         = 10 // candidates kept per document, so a caller can skip a municipality's own documents
	// allPairsUpTo is the largest corpus whose similarities are computed
	// over all pairs; larger ones use the candidate search (search.go).
	// All pairs cost grows with the corpus per document, the search's
	// does not; they cost about the same here (BenchmarkSimilarity,
	// docs/benchmarks.md), and below it all pairs is exact as well.
	allPairsUpTo = 10000
)

// PairRule is the selection rule of similarity.csv in words, for the
// command's help, report.html and the package documentation.
const PairRule = "similarity.csv lists, for every document, its 5 most similar documents with cosine at least 0.2, and every pair with cosine at least 0.9 (near_duplicate true); each pair once (document_a before document_b in run order), most similar first"

// SparseVector is a document's TF-IDF vector: Index holds term indices in
// increasing order, Value the weights.
type SparseVector struct {
	Index []int
	Value []float64
}

// Dot returns the dot product of two sparse vectors.
func (v SparseVector) Dot(w SparseVector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(v.Index) && j < len(w.Index); {
		switch {
		case v.Index[i] < w.Index[j]:
			i++
		case v.Index[i] > w.Index[j]:
			j++
		default:
			s += v.Value[i] * w.Value[j]
			i++
			j++
		}
	}
	return s
}

// TFIDF is the TF-IDF model of a set of documents.
type TFIDF struct {
	Terms   []string       // vocabulary, sorted
	IDF     []float64      // per term
	Vectors []SparseVector // per document, L2-normalised (all zero for an empty document)
}

// NewTFIDF weighs term counts, one map per document. A term's weight is
// its sublinear frequency times its smoothed inverse document frequency,
//
//	tf  = 1 + ln(count)
//	idf = 1 + ln((1 + N) / (1 + df))
//
// (scikit-learn's defaults with sublinear_tf): sublinear so a long plan
// that repeats "integration" a hundred times does not drown every other
// word, smoothed so a term found in every document still counts a little
// and a corpus of two identical plans still has non-zero vectors. Each
// vector is normalised to unit length, so cosine is a dot product.
func NewTFIDF(counts []map[string]int) *TFIDF {
	bags := make([]analysis.TermBag, len(counts))
	for i, c := range counts {
		bags[i] = bagOf(c)
	}
	return newTFIDF(bags)
}

// bagOf is c as a TermBag: stems sorted, zero counts left out.
func bagOf(c map[string]int) analysis.TermBag {
	var b analysis.TermBag
	for t, n := range c {
		if n > 0 {
			b.Stems = append(b.Stems, t)
		}
	}
	sort.Strings(b.Stems)
	for _, t := range b.Stems {
		b.Counts = append(b.Counts, int32(c[t]))
	}
	return b
}

// newTFIDF is NewTFIDF on bags of words, the form a batch run keeps per
// document: their stems are sorted like the vocabulary, so each vector's
// indices come out in order, with no map per document to build and sort
// (that was half the cost of similarity.csv on 2,000 documents).
func newTFIDF(bags []analysis.TermBag) *TFIDF {
	return newTFIDFOf(len(bags), func(i int) analysis.TermBag { return bags[i] })
}

// documentFrequencies counts, for each stem, the documents among the n
// bags that hold it (a count of 0 is no occurrence).
func documentFrequencies(n int, bag func(i int) analysis.TermBag) map[string]int {
	df := map[string]int{}
	for i := range n {
		b := bag(i)
		for k, t := range b.Stems {
			if b.Counts[k] > 0 {
				df[t]++
			}
		}
	}
	return df
}

// newTFIDFOf is newTFIDF on n bags that bag gives one at a time (twice
// each), so that they need not all be held at once: a batch run keeps
// them packed (corpus.Documents.TermBag), at a third of a TermBag's
// memory.
func newTFIDFOf(n int, bag func(i int) analysis.TermBag) *TFIDF {
	df := documentFrequencies(n, bag)
	m := &TFIDF{Terms: make([]string, 0, len(df))}
	for t := range df {
		m.Terms = append(m.Terms, t)
	}
	sort.Strings(m.Terms)
	index := make(map[string]int, len(m.Terms))
	docs := float64(n)
	m.IDF = make([]float64, len(m.Terms))
	for i, t := range m.Terms {
		index[t] = i
		m.IDF[i] = 1 + math.Log((1+docs)/(1+float64(df[t])))
	}
	m.Vectors = make([]SparseVector, n)
	for d := range n {
		b := bag(d)
		v := SparseVector{Index: make([]int, 0, len(b.Stems)), Value: make([]float64, 0, len(b.Stems))}
		for k, t := range b.Stems {
			if b.Counts[k] > 0 {
				ti := index[t]
				v.Index = append(v.Index, ti)
				v.Value = append(v.Value, (1+math.Log(float64(b.Counts[k])))*m.IDF[ti])
			}
		}
		if !sort.IntsAreSorted(v.Index) { // a bag not sorted by stem: sort both together
			sort.Sort(byIndex(v))
		}
		if norm := floats.Norm(v.Value, 2); norm > 0 {
			floats.Scale(1/norm, v.Value)
		}
		m.Vectors[d] = v
	}
	return m
}

// byIndex sorts a sparse vector's entries by term index.
type byIndex SparseVector

func (v byIndex) Len() int           { return len(v.Index) }
func (v byIndex) Less(i, j int) bool { return v.Index[i] < v.Index[j] }
func (v byIndex) Swap(i, j int) {
	v.Index[i], v.Index[j] = v.Index[j], v.Index[i]
	v.Value[i], v.Value[j] = v.Value[j], v.Value[i]
}

// Cosine returns the cosine of the angle between two dense vectors of
// equal length: 1 for the same direction, 0 for no shared term. A zero
// vector has cosine 0 with everything.
func Cosine(a, b []float64) float64 {
	na, nb := floats.Norm(a, 2), floats.Norm(b, 2)
	if na == 0 || nb == 0 {
		return 0
	}
	return floats.Dot(a, b) / (na * nb)
}

// Pair is two documents (indices into Similarity.Docs, A < B) and their
// cosine similarity.
type Pair struct {
	A, B       int
	Similarity float64
}

// Peer is a document close to another one.
type Peer struct {
	Doc        *analysis.DocumentAnalysis
	Index      int // Doc's index in Similarity.Docs
	Similarity float64
}

// Similarity holds the document similarities of a run.
type Similarity struct {
	Docs  []*analysis.DocumentAnalysis
	Pairs []Pair   // the pairs of similarity.csv (PairRule), most similar first, then by A and B
	Peers [][]Peer // per document, its most similar others, most similar first (up to keepPeers)
}

// NewSimilarity finds each document's most similar others and the near
// duplicates: over all pairs up to allPairsUpTo documents, by a candidate
// search above (newSimilarity).
func NewSimilarity(docs []*analysis.DocumentAnalysis) *Similarity {
	bags := make([]analysis.TermBag, len(docs))
	for i, d := range docs {
		if len(d.Terms.Stems) > 0 {
			bags[i] = d.Terms
		} else { // read back from JSON, without its bag: count its segments
			bags[i] = bagOf(analysis.TermCounts(d))
		}
	}
	return newSimilarity(docs, buildVecs[float32](len(bags), func(i int) analysis.TermBag { return bags[i] }, vectorTerms, defaultSearch().maxDFShare))
}

// termSource is a Source that keeps the documents' term bags itself
// (corpus.Documents: on disk, not in the summaries).
type termSource interface {
	// ReadTermBag reads document i's bag into bag, re-using its slices.
	ReadTermBag(i int, bag *analysis.TermBag) error
}

// newSimilarityOf is NewSimilarity with the bags read from src, one at
// a time (buildVecs keeps no bag), so that they are never all in memory.
// A read error stops the reading (the remaining bags read empty) and is
// returned: the similarities are then not to be written.
//
// With a statePath, the previous run's state is used when it applies
// (similarity_state.go: the same figures as a cold run) and the state is
// written for the next run; how says which way it went, for the
// benchmarks and tests.
func newSimilarityOf(docs []*analysis.DocumentAnalysis, src termSource, statePath string) (s *Similarity, how, warn string, err error) {
	return similarityOf(docs, src, statePath, allPairsUpTo)
}

// similarityOf is newSimilarityOf with all pairs computed up to upTo
// documents and the candidate search above (allPairsUpTo in a run; the
// tests force the search on small corpora).
//
// The bags are read once for their document frequencies and, with a
// state, their hashes; when the state says no bag changed, its result is
// the run's (a cold run computes the same from the same bags) and no
// vector is built. Else the vectors are built in a second reading, and
// all pairs gets the incremental path of the state, the search none.
func similarityOf(docs []*analysis.DocumentAnalysis, src termSource, statePath string, upTo int) (s *Similarity, how, warn string, err error) {
	n := len(docs)
	failed := func(err error) (*Similarity, string, string, error) {
		return &Similarity{Docs: docs, Peers: make([][]Peer, n)}, "", "", err
	}
	var scratch analysis.TermBag
	bag := func(i int) analysis.TermBag {
		if err == nil {
			err = src.ReadTermBag(i, &scratch)
		}
		if err != nil {
			return analysis.TermBag{}
		}
		return scratch
	}
	var hashes []uint64
	if statePath != "" {
		hashes = make([]uint64, n)
	}
	df := documentFrequencies(n, func(i int) analysis.TermBag {
		b := bag(i)
		if hashes != nil {
			hashes[i] = bagHash(b)
		}
		return b
	})
	if err != nil {
		return failed(err)
	}
	exact := n <= upTo
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64+1))
	if statePath == "" {
		m := weighedVecs(n, df, bag, !exact)
		if err != nil {
			return failed(err)
		}
		if exact {
			return allPairs(docs, m, workers, true), "", "", nil
		}
		s := similarityWith(docs, m, workers, defaultSearch())
		if err != nil { // reading the bags again (vecSet.reweigh)
			return failed(err)
		}
		return s, "", "", nil
	}
	files := make([]string, n)
	for i, d := range docs {
		files[i] = d.File
	}
	kind, way := stateKind(exact), "search"
	if exact {
		way = "all pairs"
	}
	old, rerr := readState(statePath)
	switch {
	case rerr != nil:
		how = way + ": " + rerr.Error()
		if !errors.Is(rerr, errNoState) {
			warn = rerr.Error() + "; similarities computed anew"
		}
		old = nil
	case old.kind != kind:
		how = fmt.Sprintf("%s: the state is of another kind (%q, this run %q)", way, old.kind, kind)
		old = nil
	case unchanged(old, files, hashes):
		var top []topPeers
		dups := old.dups
		if exact {
			top = make([]topPeers, n)
			for i, l := range old.lists {
				top[i].c = candidates(l)
			}
		} else {
			top, dups = searchFromState(old, defaultSearch())
		}
		return assemble(docs, top, dups), fmt.Sprintf("reused: no bag of %d changed", n), "", nil
	}
	// which documents are affected is told as the vectors read the bags
	// (affectedMarks), not by a third reading
	marks := newAffectedMarks(old, files, hashes, df)
	vecBag := bag
	if marks != nil {
		vecBag = func(i int) analysis.TermBag {
			b := bag(i)
			marks.mark(i, b)
			return b
		}
	}
	m := weighedVecs(n, df, vecBag, !exact)
	if err != nil {
		return failed(err)
	}
	st := &simState{kind: kind, files: files, hashes: hashes}
	var top []topPeers
	var dups []Pair
	if exact {
		top, dups, how, err = exactTop(m, old, st, how, workers, marks, func(i int) (analysis.TermBag, error) {
			err := src.ReadTermBag(i, &scratch)
			return scratch, err
		})
		if err != nil {
			return failed(err)
		}
	} else {
		var r *searched
		if r, how, err = searchFrom(m, old, st, how, workers, marks, func(i int) (analysis.TermBag, error) {
			err := src.ReadTermBag(i, &scratch)
			return scratch, err
		}); err != nil {
			return failed(err)
		}
		if err != nil { // reading the bags again (vecSet.reweigh)
			return failed(err)
		}
		top, dups = settle(m, r, workers)
		if err != nil { // reading the bags again (scoreOn, for the pairs closeDuplicates adds)
			return failed(err)
		}
		searchState(r, st, defaultSearch())
	}
	if exact {
		st.dups = dups
	}
	if werr := writeState(statePath, st); werr != nil {
		os.Remove(statePath) // the next run computes everything
		how += "; state not written: " + werr.Error()
		warn = werr.Error() + "; the next run computes the similarities anew"
	}
	return assemble(docs, top, dups), how, warn, nil
}

// weighedVecs is buildVecsOf's vectors of the n bags with the document
// frequencies df (which it empties), float32 and cut as a run's are, and
// able to weigh themselves again from the bags (vecSet.reweigh, for the
// cold search): bag must give the same bags each time, and a reading
// error it meets is the caller's to check.
//
// For the search (search true) the tail is left out until reweigh
// (vecSet.headOnly): the search reads the head only and weighs the
// vectors again for the scoring.
func weighedVecs(n int, df map[string]int, bag func(i int) analysis.TermBag, search bool) *vecSet[float32] {
	split := defaultSearch().maxDFShare
	form := vecWhole
	if search {
		form = vecHead
	}
	m := buildVecsSome[float32](n, df, bag, vectorTerms, split, nil, form)
	terms, termDF := m.terms, m.df
	m.reweigh = func(want func(d int) bool) *vecSet[float32] {
		again := make(map[string]int, len(terms))
		for ti, t := range terms {
			again[t] = int(termDF[ti])
		}
		r := buildVecsSome[float32](n, again, bag, vectorTerms, split, want, vecPacked)
		r.reweigh = m.reweigh
		return r
	}
	return m
}

// exactTop is similarityOf's all pairs with a state: the incremental
// path when the previous run's state old applies, else all pairs; the
// lists (stateDepth deep) and the document frequencies go into st for
// the next run. how is what the caller has to say so far.
func exactTop[W weight](m *vecSet[W], old, st *simState, how string, workers int, marks *affectedMarks, bag func(i int) (analysis.TermBag, error)) ([]topPeers, []Pair, string, error) {
	n := m.len()
	st.df = termDF(m)
	var lists []deepList
	var dups []Pair
	if old != nil {
		var affected int
		var ok bool
		var err error
		lists, dups, affected, ok, err = incremental(m, old, st.files, st.hashes, st.df, bag, workers, marks)
		if err != nil {
			return nil, nil, "", err
		}
		how = fmt.Sprintf("incremental: %d of %d documents affected", affected, n)
		if !ok {
			how = fmt.Sprintf("all pairs: the state does not apply (%d of %d documents affected, or other documents)", affected, n)
			lists = nil
		}
	}
	var top []topPeers
	if lists == nil {
		top, dups = allPairsTop(m, workers, true, stateDepth)
		lists = make([]deepList, n)
		for i, t := range top {
			lists[i] = deepList{c: t.c, cut: len(t.c) == stateDepth}
		}
	} else {
		top = make([]topPeers, n)
		for i, l := range lists {
			top[i] = topPeers{c: l.c, k: stateDepth}
		}
	}
	deep := make([][]candidate, n)
	st.cuts = make([]bool, n)
	for i, l := range lists {
		deep[i], st.cuts[i] = l.c, l.cut
	}
	st.lists = stateLists(deep)
	return top, dups, how, nil
}

// termDF is every term's document frequency, by term, for the state.
func termDF[W weight](m *vecSet[W]) map[string]int32 {
	df := make(map[string]int32, len(m.terms))
	for ti, t := range m.terms {
		df[t] = m.df[ti]
	}
	return df
}

// searchFrom is similarityOf's search with a state: searchIncremental
// when the previous run's state old applies (the same files, at most
// maxAffected of them affected), else searchCold; the document
// frequencies go into st for the next run. how is what the caller has to
// say so far.
func searchFrom[W weight](m *vecSet[W], old, st *simState, how string, workers int, marks *affectedMarks, bag func(i int) (analysis.TermBag, error)) (*searched, string, error) {
	n := m.len()
	st.df = termDF(m)
	p := defaultSearch()
	if old != nil {
		if !sameDocs(old, st.files) {
			return searchColdBlocks(m, workers, p), "search: the state does not apply (other documents)", nil
		}
		aff, affected, ok := marks.result()
		if !ok {
			var err error
			if aff, affected, err = affectedDocs(old, st.hashes, st.df, bag); err != nil {
				return nil, "", err
			}
		}
		old.df = nil // read by affectedDocs only: a map of the vocabulary, let go before the search
		if float64(affected) > maxAffected*float64(n) {
			return searchColdBlocks(m, workers, p), fmt.Sprintf("search: the state does not apply (%d of %d documents affected)", affected, n), nil
		}
		m.weighHead() // the rows read the head's weights: made before the search, as when they were weighed with the head
		r, rows, scored := searchIncremental(m, old, aff, workers, p)
		return r, fmt.Sprintf("search incremental: %d of %d documents affected, %d rows, %d of %d pairs scored", affected, n, rows, scored, len(r.pairs)), nil
	}
	return searchColdBlocks(m, workers, p), how, nil
}

// allPairs computes every pair's cosine once (the dot product is
// symmetric) and keeps each document's keepPeers best and the near
// duplicates. It is how similarity.csv is made up to allPairsUpTo
// documents, and the oracle the search is tested against. The products
// are accumulated row by row through an inverted index: for document i, the rest of each of its terms' postings (the documents
// after i) are its pairs. Rows are shared out among the workers (row i to
// worker i mod the count); each keeps its own best lists, merged at the
// end, so the result is the same for any number of workers.
//
// With free, m's weights are dropped once the postings hold them (a row
// reads its own weights there): the caller must not use m afterwards.
func allPairs[W weight](docs []*analysis.DocumentAnalysis, m *vecSet[W], workers int, free bool) *Similarity {
	top, dups := allPairsTop(m, workers, free, keepPeers)
	return assemble(docs, top, dups)
}

// scatter adds w times ws[x] to acc[rest[x]] for each x, in order: the
// inner loop of allPairsTop, most of its instructions. Four at a time
// (the loop's own count, compare and branch once for four); each acc[j]
// gets the same products in the same order as one at a time, so every
// sum, and every cosine, is the same to the last bit (TestScatter). ws
// is at least as long as rest.
func scatter[W weight](acc []float64, w float64, rest []int32, ws []W) {
	n := len(rest)
	ws = ws[:n] // same length: no bounds check on ws in the loops
	x := 0
	for ; x < n-3; x += 4 {
		j0, j1, j2, j3 := rest[x], rest[x+1], rest[x+2], rest[x+3]
		v0, v1, v2, v3 := float64(ws[x]), float64(ws[x+1]), float64(ws[x+2]), float64(ws[x+3])
		acc[j0] += w * v0
		acc[j1] += w * v1
		acc[j2] += w * v2
		acc[j3] += w * v3
	}
	for ; x < n; x++ {
		acc[rest[x]] += w * float64(ws[x])
	}
}

// allPairsTop is allPairs' work: each document's depth most similar
// others (depth at least keepPeers) and the near-duplicate pairs.
func allPairsTop[W weight](m *vecSet[W], workers int, free bool, depth int) ([]topPeers, []Pair) {
	m.weighHead() // the head's weights, where only its counts are kept
	nt := len(m.terms)
	// The postings, term by term, in two flat arrays (documents in
	// order): counted first, then filled, instead of grown by appending
	// (30 MB of garbage on 2,000 documents).
	start := make([]int, nt+1)
	for _, ti := range m.idx {
		start[ti+1]++
	}
	for p := range m.tidx {
		start[m.tailTerm(p)+1]++
	}
	for t := range nt {
		start[t+1] += start[t]
	}
	flatDoc := make([]int32, start[nt])
	flatW := make([]W, start[nt])
	fill := slices.Clone(start[:nt])
	var idx []int32
	var val []W
	for di := range m.len() {
		idx, val = m.full(di, idx[:0], val[:0])
		for k, ti := range idx {
			flatDoc[fill[ti]], flatW[fill[ti]] = int32(di), val[k]
			fill[ti]++
		}
	}
	if free {
		m.val = nil
	}
	postDoc := make([][]int32, nt)
	postW := make([][]W, nt)
	for t := range nt {
		postDoc[t], postW[t] = flatDoc[start[t]:start[t+1]], flatW[start[t]:start[t+1]]
	}
	n := m.len()
	type part struct {
		top  []topPeers
		dups []Pair
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			top := newTops(n, depth)
			var dups []Pair
			acc := make([]float64, n)
			// cursor[ti]: where this worker's next row is in term ti's
			// posting (rows come in increasing order, so it only moves on).
			cursor := make([]int32, nt)
			var row []int32
			for i := g; i < n; i += workers {
				row = m.termsOf(i, row[:0])
				for _, ti := range row {
					post := postDoc[ti]
					c := cursor[ti]
					for post[c] != int32(i) {
						c++
					}
					cursor[ti] = c + 1
					scatter(acc, float64(postW[ti][c]), post[c+1:], postW[ti][c+1:])
				}
				for j := i + 1; j < n; j++ {
					if acc[j] <= 0 {
						continue
					}
					sim := round4(acc[j])
					acc[j] = 0
					if top[i].admits(j, sim) {
						top[i].insert(j, sim)
					}
					if top[j].admits(i, sim) {
						top[j].insert(i, sim)
					}
					if sim >= NearDuplicate {
						dups = append(dups, Pair{A: i, B: j, Similarity: sim})
					}
				}
			}
			parts[g] = part{top, dups}
		}()
	}
	wg.Wait()
	top := parts[0].top
	var dups []Pair
	for g, p := range parts {
		dups = append(dups, p.dups...)
		if g == 0 {
			continue
		}
		for k := range top {
			for _, c := range p.top[k].c {
				top[k].offer(c.doc, c.sim)
			}
		}
	}
	return top, dups
}

// newTops are n empty lists of depth entries each (0: keepPeers).
func newTops(n, depth int) []topPeers {
	top := make([]topPeers, n)
	if depth != keepPeers {
		for i := range top {
			top[i].k = depth
		}
	}
	return top
}

// newSimilarity compares all pairs of a corpus of up to allPairsUpTo
// documents; a larger one it searches without comparing all pairs (see
// search.go): each document's candidates are its nearest by pruned
// vectors, exactly, and every candidate pair is scored on the run's
// vectors, so a figure in similarity.csv is the one all pairs gives;
// what the search can miss is a peer (0.5% of the five nearest on
// generated plans), never a value, and no near duplicate on the tests'
// corpora. The run's vectors hold float32 weights and at most
// vectorTerms terms: a figure is the exact float64 cosine to 1e-4 (one
// step of the fourth decimal, tested against the exact oracle), and
// exact where no vector is cut.
func newSimilarity[W weight](docs []*analysis.DocumentAnalysis, m *vecSet[W]) *Similarity {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)/64+1)) // small corpora: one
	if len(docs) <= allPairsUpTo {
		return allPairs(docs, m, workers, true)
	}
	return similarityWith(docs, m, workers, defaultSearch())
}

// similarityWith is newSimilarity with the given number of workers and
// search parameters. The result does not depend on the workers.
func similarityWith[W weight](docs []*analysis.DocumentAnalysis, m *vecSet[W], workers int, p searchParams) *Similarity {
	top, dups := searchTop(m, workers, p)
	return assemble(docs, top, dups)
}

// searchTop is similarityWith's work: each document's keepPeers most
// similar others among its candidates, and the near-duplicate pairs.
func searchTop[W weight](m *vecSet[W], workers int, p searchParams) ([]topPeers, []Pair) {
	return settle(m, searchColdBlocks(m, workers, p), workers)
}

// closeDuplicates scores, until there are none left, the pairs of two
// near duplicates of one document not scored yet: a document copied
// many times is a cluster of near duplicates that a sketch may not
// gather in one bucket, and two copies of one text are very likely
// copies of each other. The pairs added are few (the clusters' sizes
// squared) and scored like the others. pairs comes sorted and without
// repeats (candidatePairs), so whether a pair is scored is a binary
// search there or a look-up among the few added: no set of all the
// candidate pairs (about 60 a document, 3 million at 50,000) is built.
func closeDuplicates[W weight](m *vecSet[W], pairs [][2]int32, sims []float64, workers int) ([][2]int32, []float64) {
	searched := len(pairs)
	added := map[[2]int32]bool{}
	scored := func(pr [2]int32) bool {
		if _, ok := slices.BinarySearchFunc(pairs[:searched], pr, comparePairs); ok {
			return true
		}
		return added[pr]
	}
	partners := map[int32][]int32{}
	note := func(from int, to []float64) {
		for k := from; k < len(pairs); k++ {
			if to[k-from] >= NearDuplicate {
				a, b := pairs[k][0], pairs[k][1]
				partners[a] = append(partners[a], b)
				partners[b] = append(partners[b], a)
			}
		}
	}
	note(0, sims)
	for {
		var more [][2]int32
		for v, ps := range partners {
			ps = append(ps, v)
			for _, a := range ps {
				for _, b := range ps {
					if pr := [2]int32{a, b}; a < b && !scored(pr) {
						added[pr] = true
						more = append(more, pr)
					}
				}
			}
		}
		if len(more) == 0 {
			return pairs, sims
		}
		slices.SortFunc(more, comparePairs)
		s := scoreOn(m, more, workers)
		from := len(pairs)
		pairs, sims = append(pairs, more...), append(sims, s...)
		note(from, s)
	}
}

// assemble builds the Similarity from each document's best peers and the
// near-duplicate pairs: the peers as they are, the pairs by PairRule.
func assemble(docs []*analysis.DocumentAnalysis, top []topPeers, dups []Pair) *Similarity {
	s := &Similarity{Docs: docs, Peers: make([][]Peer, len(docs))}
	seen := map[[2]int]bool{}
	add := func(p Pair) {
		if k := [2]int{p.A, p.B}; !seen[k] {
			seen[k] = true
			s.Pairs = append(s.Pairs, p)
		}
	}
	// every document's peers cut from one array (appended one by one,
	// each list was grown four times)
	total := 0
	for i := range top {
		total += min(len(top[i].c), keepPeers)
	}
	room := make([]Peer, total)
	for i := range top {
		if k := min(len(top[i].c), keepPeers); k > 0 {
			s.Peers[i], room = room[:0:k], room[k:]
		}
		for r, c := range top[i].c[:min(len(top[i].c), keepPeers)] { // a deeper list is the incremental state's
			s.Peers[i] = append(s.Peers[i], Peer{Doc: docs[c.doc], Index: c.doc, Similarity: c.sim})
			if r < PairPeers && c.sim >= MinPairSimilarity {
				add(Pair{A: min(i, c.doc), B: max(i, c.doc), Similarity: c.sim})
			}
		}
	}
	for _, p := range dups {
		add(p)
	}
	sort.Slice(s.Pairs, func(a, b int) bool {
		pa, pb := s.Pairs[a], s.Pairs[b]
		if pa.Similarity != pb.Similarity {
			return pa.Similarity > pb.Similarity
		}
		if pa.A != pb.A {
			return pa.A < pb.A
		}
		return pa.B < pb.B
	})
	return s
}

// topPeers keeps a document's keepPeers most similar others, most similar
// first, ties by document order (as a stable sort of all of them would).
type topPeers struct {
	c []candidate
	k int // the list's length when full; 0 means keepPeers
}

type candidate struct {
	doc int
	sim float64
}

func (t *topPeers) offer(doc int, sim float64) {
	if t.admits(doc, sim) {
		t.insert(doc, sim)
	}
}

// admits reports whether doc would enter the list. Small enough to be
// inlined, so all pairs, which offers every pair twice (100 million
// offers at 10,000 documents, nearly all turned away), calls insert only
// for those that enter.
func (t *topPeers) admits(doc int, sim float64) bool {
	k := t.limit()
	if len(t.c) < k {
		return true
	}
	last := &t.c[k-1]
	return sim > last.sim || (sim == last.sim && doc < last.doc)
}

// limit is the list's length when full.
func (t *topPeers) limit() int {
	if t.k > 0 {
		return t.k
	}
	return keepPeers
}

func (t *topPeers) insert(doc int, sim float64) {
	better := func(c candidate) bool { return sim > c.sim || (sim == c.sim && doc < c.doc) }
	i := len(t.c)
	for i > 0 && better(t.c[i-1]) {
		i--
	}
	if len(t.c) < t.limit() {
		t.c = append(t.c, candidate{})
	}
	copy(t.c[i+1:], t.c[i:])
	t.c[i] = candidate{doc, sim}
}

// round4 rounds to four decimals, so that the order of floating-point
// sums cannot change a printed figure or a tie between two peers.
func round4(f float64) float64 { return math.Round(f*10000) / 10000 }

// TopPeers returns up to n most similar documents to doc i, skipping
// documents for which skip returns true (nil skips none).
func (s *Similarity) TopPeers(i, n int, skip func(*analysis.DocumentAnalysis) bool) []Peer {
	var out []Peer
	for _, p := range s.Peers[i] {
		if len(out) == n {
			break
		}
		if skip == nil || !skip(p.Doc) {
			out = append(out, p)
		}
	}
	return out
}

// similarity computes the report's document similarities once, by the
// first writer that needs them; the others wait for it.
// When the term bags cannot be read back (a damaged spill), it is empty
// and similarityErr says why: the writers that print similarities
// return that error instead of writing none.
func (r *Report) similarity() *Similarity {
	r.simOnce.Do(func() {
		if ts, ok := r.Source.(termSource); ok {
			r.sim, r.simHow, r.simWarn, r.simErr = newSimilarityOf(r.Documents, ts, r.SimilarityState)
		} else {
			r.sim = NewSimilarity(r.Documents)
		}
	})
	return r.sim
}

// similarityErr is why the similarities could not be computed, nil
// when they were (similarity computes them first).
func (r *Report) similarityErr() error {
	r.similarity()
	return r.simErr
}

// SimilarityWarning says what went wrong with the similarity state
// beside the store, "" when nothing did: a state that is there but cannot
// be read (damaged, another version), or one that could not be written.
// The similarities are right either way (all pairs were computed); the
// warning says why this run or the next is not incremental. Call it after
// the reports are written.
func (r *Report) SimilarityWarning() string {
	return r.simWarn
}

// SimilarityColumns are the columns of similarity.csv.
var SimilarityColumns = []string{"document_a", "municipality_a", "document_b", "municipality_b", "similarity", "near_duplicate"}

// WriteSimilarity writes similarity.csv: the pairs of PairRule, most
// similar first, near_duplicate "true" from NearDuplicate up.
func WriteSimilarity(w io.Writer, r *Report) error { return writeTable(w, similarityTable(r)) }

func similarityTable(r *Report) table {
	var err error
	return table{header: SimilarityColumns, types: "TTTTFB", err: &err, rows: func(yield func([]string) bool) {
		s := r.similarity()
		if err = r.similarityErr(); err != nil {
			return
		}
		for _, p := range s.Pairs {
			a, b := s.Docs[p.A], s.Docs[p.B]
			if !yield([]string{a.File, a.Municipality.Name, b.File, b.Municipality.Name,
				fmtFloat(p.Similarity, 4), strconv.FormatBool(p.Similarity >= NearDuplicate)}) {
				return
			}
		}
	}}
}
