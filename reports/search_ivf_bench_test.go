package reports

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// ivfCandidates is an inverted-file candidate search (measured, not
// used): spherical k-means on the search vectors (k clusters, iters
// rounds, seeded with every (n/k)th document), then each document's
// depth best by the search vectors among the members of its probe
// nearest clusters. It returns the candidate pairs (a < b) and the
// documents a row scanned.
func ivfCandidates(sv *searchVecs, k, iters, probe, depth int) (map[[2]int32]bool, float64) {
	n := len(sv.lo)
	T := sv.terms
	cent := make([][]float32, k)
	for c := range k {
		cent[c] = make([]float32, T)
		d := c * n / k
		idx, val := sv.vec(d)
		for x, ti := range idx {
			cent[c][ti] = val[x] * sv.scale[d]
		}
	}
	assign := make([]int, n)
	dotC := func(d, c int) float32 {
		idx, val := sv.vec(d)
		s := float32(0)
		for x, ti := range idx {
			s += val[x] * cent[c][ti]
		}
		return s * sv.scale[d]
	}
	for it := 0; it <= iters; it++ {
		for d := range n {
			best, bs := 0, float32(-1)
			for c := range k {
				if s := dotC(d, c); s > bs {
					best, bs = c, s
				}
			}
			assign[d] = best
		}
		if it == iters {
			break
		}
		for c := range k {
			clear(cent[c])
		}
		for d := range n {
			idx, val := sv.vec(d)
			for x, ti := range idx {
				cent[assign[d]][ti] += val[x] * sv.scale[d]
			}
		}
		for c := range k {
			s := float32(0)
			for _, v := range cent[c] {
				s += v * v
			}
			if s > 0 {
				inv := 1 / float32(math.Sqrt(float64(s)))
				for t := range cent[c] {
					cent[c][t] *= inv
				}
			}
		}
	}
	members := make([][]int32, k)
	for d := range n {
		members[assign[d]] = append(members[assign[d]], int32(d))
	}
	pairs := map[[2]int32]bool{}
	dense := make([]float32, T)
	scanned := 0
	type cs struct {
		c int
		s float32
	}
	order := make([]cs, k)
	for i := range n {
		for c := range k {
			order[c] = cs{c, dotC(i, c)}
		}
		slices.SortFunc(order, func(a, b cs) int {
			if a.s > b.s {
				return -1
			}
			if a.s < b.s {
				return 1
			}
			return a.c - b.c
		})
		idx, val := sv.vec(i)
		for x, ti := range idx {
			dense[ti] = val[x] * sv.scale[i]
		}
		var l []prunedEntry
		for _, o := range order[:min(probe, k)] {
			for _, j := range members[o.c] {
				if int(j) == i {
					continue
				}
				scanned++
				jdx, jval := sv.vec(int(j))
				s := float32(0)
				for x, tj := range jdx {
					s += dense[tj] * jval[x]
				}
				l = offerPruned(l, depth, prunedEntry{doc: j, sim: s * sv.scale[j]})
			}
		}
		for _, ti := range idx {
			dense[ti] = 0
		}
		for _, e := range l {
			a, b := int32(i), e.doc
			if a > b {
				a, b = b, a
			}
			pairs[[2]int32{a, b}] = true
		}
	}
	return pairs, float64(scanned) / float64(n)
}

// BenchmarkIVFCandidates measures a coarser candidate set than the exact
// lists (coldTop): spherical k-means on the search vectors (a cluster of
// about 100 documents), each document's candidates its 60 nearest among
// the members of its probe nearest clusters. It reports the top-5
// recall of those candidates against the exact oracle (NewTFIDF's
// vectors, all pairs: the measure of TestSearchVersusExact; a true peer
// among the candidate pairs is found, since every candidate is scored
// exactly), the documents a row scans and the CPU a document, beside the
// exact lists' (probe=exact). On 2,000 generated plans it needs 91% of
// the corpus scanned for a recall of 0.99 (docs/benchmarks.md, session
// 19): the clusters of a one-genre corpus do not hold a document's
// nearest peers.
func BenchmarkIVFCandidates(b *testing.B) {
	const per = 100
	for _, n := range []int{2000} {
		bags := genreCorpus(n, 1)
		docs := make([]*analysis.DocumentAnalysis, n)
		for i := range docs {
			docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%05d.txt", i)}
		}
		exact := allPairs(docs, exactVecs(bags), 2, false)
		var truth [][2]int32
		for i := range exact.Peers {
			c := 0
			for _, p := range exact.Peers[i] {
				if c < PairPeers && p.Similarity >= MinPairSimilarity {
					truth = append(truth, [2]int32{int32(min(i, p.Index)), int32(max(i, p.Index))})
					c++
				}
			}
		}
		recall := func(ps map[[2]int32]bool) float64 {
			h := 0
			for _, p := range truth {
				if ps[p] {
					h++
				}
			}
			return float64(h) / float64(len(truth))
		}
		sv := pruneVectors(runVecs(bags), defaultSearch())
		b.Run(fmt.Sprintf("docs=%d/probe=exact", n), func(b *testing.B) {
			rows, terms := packRows(sv), sv.terms
			ix := newColdWeights(rows, terms, sv, blockDocs)
			ix.fillDocs(rows)
			var ps map[[2]int32]bool
			cpu0 := processCPU(b)
			for b.Loop() {
				lists := coldTop(rows, terms, ix, 1, defaultSearch().depth)
				ps = map[[2]int32]bool{}
				for _, p := range prunedPairs(lists, defaultSearch().candidates) {
					ps[p] = true
				}
			}
			b.ReportMetric(float64(processCPU(b)-cpu0)/float64(b.N*n), "cpu-ns/doc")
			b.ReportMetric(recall(ps), "top5-recall")
		})
		k := n / per
		for _, probe := range []int{1, 2, 4, 8, 16} {
			b.Run(fmt.Sprintf("docs=%d/probe=%d", n, probe), func(b *testing.B) {
				var ps map[[2]int32]bool
				var scanned float64
				cpu0 := processCPU(b)
				for b.Loop() {
					ps, scanned = ivfCandidates(sv, k, 4, probe, defaultSearch().candidates)
				}
				b.ReportMetric(float64(processCPU(b)-cpu0)/float64(b.N*n), "cpu-ns/doc")
				b.ReportMetric(recall(ps), "top5-recall")
				b.ReportMetric(scanned, "scanned/doc")
			})
		}
	}
}
