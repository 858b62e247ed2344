package reports

import (
	"io"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/floats"

	"github.com/styrdok/styrdok/analysis"
)

// Similarity thresholds. Plans of one genre share much vocabulary, so
// pairs below MinPairSimilarity say little and are left out of
// similarity.csv; NearDuplicate marks a plan that is (nearly) a copy of
// another: re-saved in another format, or one municipality adopting its
// neighbour's text with the names changed.
const (
	MinPairSimilarity = 0.2
	NearDuplicate     = 0.9
	maxPeers          = 3
	keepPeers         = 10 // candidates kept per document, so a caller can skip a municipality's own documents
)

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
	df := map[string]int{}
	for _, c := range counts {
		for t, n := range c {
			if n > 0 {
				df[t]++
			}
		}
	}
	m := &TFIDF{}
	for t := range df {
		m.Terms = append(m.Terms, t)
	}
	sort.Strings(m.Terms)
	index := make(map[string]int, len(m.Terms))
	n := float64(len(counts))
	for i, t := range m.Terms {
		index[t] = i
		m.IDF = append(m.IDF, 1+math.Log((1+n)/(1+float64(df[t]))))
	}
	for _, c := range counts {
		var v SparseVector
		for t, k := range c {
			if k > 0 {
				v.Index = append(v.Index, index[t])
			}
		}
		sort.Ints(v.Index)
		v.Value = make([]float64, len(v.Index))
		for i, ti := range v.Index {
			v.Value[i] = (1 + math.Log(float64(c[m.Terms[ti]]))) * m.IDF[ti]
		}
		if norm := floats.Norm(v.Value, 2); norm > 0 {
			floats.Scale(1/norm, v.Value)
		}
		m.Vectors = append(m.Vectors, v)
	}
	return m
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
	Similarity float64
}

// Similarity holds the document similarities of a run.
type Similarity struct {
	Docs  []*analysis.DocumentAnalysis
	Pairs []Pair   // pairs with similarity >= MinPairSimilarity, most similar first
	Peers [][]Peer // per document, its most similar others, most similar first (up to keepPeers)
}

// NewSimilarity compares every document with every other. The pairwise
// products are accumulated through an inverted index (term -> documents),
// so only documents sharing a term are ever multiplied.
func NewSimilarity(docs []*analysis.DocumentAnalysis) *Similarity {
	counts := make([]map[string]int, len(docs))
	for i, d := range docs {
		counts[i] = analysis.TermCounts(d)
	}
	return newSimilarity(docs, NewTFIDF(counts))
}

func newSimilarity(docs []*analysis.DocumentAnalysis, m *TFIDF) *Similarity {
	type posting struct {
		doc int
		w   float64
	}
	postings := make([][]posting, len(m.Terms))
	for di, v := range m.Vectors {
		for k, ti := range v.Index {
			postings[ti] = append(postings[ti], posting{di, v.Value[k]})
		}
	}
	s := &Similarity{Docs: docs, Peers: make([][]Peer, len(docs))}
	acc := make([]float64, len(docs))
	for i, v := range m.Vectors {
		for j := range acc {
			acc[j] = 0
		}
		for k, ti := range v.Index {
			for _, p := range postings[ti] {
				if p.doc != i {
					acc[p.doc] += v.Value[k] * p.w
				}
			}
		}
		var peers []Peer
		for j, sim := range acc {
			if j == i || sim <= 0 {
				continue
			}
			sim = round4(sim)
			peers = append(peers, Peer{Doc: docs[j], Similarity: sim})
			if j > i && sim >= MinPairSimilarity {
				s.Pairs = append(s.Pairs, Pair{A: i, B: j, Similarity: sim})
			}
		}
		sort.SliceStable(peers, func(a, b int) bool { return peers[a].Similarity > peers[b].Similarity })
		if len(peers) > keepPeers {
			peers = peers[:keepPeers]
		}
		s.Peers[i] = peers
	}
	sort.SliceStable(s.Pairs, func(a, b int) bool { return s.Pairs[a].Similarity > s.Pairs[b].Similarity })
	return s
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

// derived holds what several writers of one report share.
type derived struct {
	sim *Similarity
}

// similarity computes the report's document similarities once. Writers
// run one after another, so no locking is needed.
func (r *Report) similarity() *Similarity {
	if r.derived == nil {
		r.derived = &derived{}
	}
	if r.derived.sim == nil {
		r.derived.sim = NewSimilarity(r.Documents)
	}
	return r.derived.sim
}

// SimilarityColumns are the columns of similarity.csv.
var SimilarityColumns = []string{"file_a", "municipality_a", "file_b", "municipality_b", "similarity", "near_duplicate"}

// WriteSimilarity writes similarity.csv: document pairs whose TF-IDF
// cosine similarity is at least MinPairSimilarity, most similar first,
// near_duplicate "true" from NearDuplicate up.
func WriteSimilarity(w io.Writer, r *Report) error {
	s := r.similarity()
	var rows [][]string
	for _, p := range s.Pairs {
		a, b := s.Docs[p.A], s.Docs[p.B]
		rows = append(rows, []string{a.File, a.Municipality.Name, b.File, b.Municipality.Name,
			fmtFloat(p.Similarity, 4), strconv.FormatBool(p.Similarity >= NearDuplicate)})
	}
	return writeCSV(w, SimilarityColumns, rows)
}
