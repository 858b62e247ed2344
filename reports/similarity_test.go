package reports

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// tol is the tolerance for hand-computed similarities: the values below
// are written to 1e-9 and only summation order separates Go's result from
// them.
const tol = 1e-9

func ExampleCosine() {
	// (1,2,3)·(4,5,6) = 32; |a| = √14, |b| = √77; 32 / √1078 ≈ 0.974632
	fmt.Printf("%.6f\n", Cosine([]float64{1, 2, 3}, []float64{4, 5, 6}))
	fmt.Printf("%.6f\n", Cosine([]float64{1, 0}, []float64{0, 1}))
	fmt.Printf("%.6f\n", Cosine([]float64{0, 0}, []float64{0, 1}))
	// Output:
	// 0.974632
	// 0.000000
	// 0.000000
}

func ExampleNewTFIDF() {
	m := NewTFIDF([]map[string]int{{"arbet": 2, "bostad": 1}, {"arbet": 1, "språk": 1}})
	fmt.Printf("%.4f\n", m.Vectors[0].Dot(m.Vectors[1]))
	// Output: 0.4461
}

// TestTFIDFHandComputed checks the weights against a hand computation.
// Two documents, N = 2:
//
//	d1 = {a:2, b:1}, d2 = {a:1, c:1}
//	idf(a) = 1 + ln(3/3) = 1; idf(b) = idf(c) = 1 + ln(3/2) = 1.4054651081
//	tf(a, d1) = 1 + ln 2 = 1.6931471806; every other tf is 1
//	d1 = (1.6931471806, 1.4054651081, 0) / 2.2004794   = (0.7694470730, 0.6387105776, 0)
//	d2 = (1, 0, 1.4054651081) / 1.7249122              = (0.5797396, 0, 0.8147983)
//	cos = 1.6931471806 / (2.2004794 · 1.7249122)       = 0.4460782239
func TestTFIDFHandComputed(t *testing.T) {
	m := NewTFIDF([]map[string]int{{"a": 2, "b": 1}, {"a": 1, "c": 1}})
	if strings.Join(m.Terms, ",") != "a,b,c" {
		t.Fatalf("terms %v", m.Terms)
	}
	wantIDF := []float64{1, 1.4054651081081644, 1.4054651081081644}
	for i, w := range wantIDF {
		if math.Abs(m.IDF[i]-w) > tol {
			t.Errorf("idf(%s) = %.12f, want %.12f", m.Terms[i], m.IDF[i], w)
		}
	}
	v := m.Vectors[0]
	if len(v.Index) != 2 || math.Abs(v.Value[0]-0.7694470729725092) > tol || math.Abs(v.Value[1]-0.6387105775654869) > tol {
		t.Errorf("d1 = %+v", v)
	}
	if got := m.Vectors[0].Dot(m.Vectors[1]); math.Abs(got-0.4460782239036279) > tol {
		t.Errorf("cosine = %.12f, want 0.446078223904", got)
	}
	// the sparse dot product equals the dense cosine of the same vectors
	dense := func(v SparseVector) []float64 {
		out := make([]float64, len(m.Terms))
		for k, i := range v.Index {
			out[i] = v.Value[k]
		}
		return out
	}
	if got := Cosine(dense(m.Vectors[0]), dense(m.Vectors[1])); math.Abs(got-0.4460782239036279) > tol {
		t.Errorf("dense cosine = %.12f", got)
	}
	// identical documents: cosine 1 even when every term is in every document
	m = NewTFIDF([]map[string]int{{"a": 1}, {"a": 1}})
	if got := m.Vectors[0].Dot(m.Vectors[1]); math.Abs(got-1) > tol {
		t.Errorf("identical: %v", got)
	}
	// an empty document is similar to nothing
	m = NewTFIDF([]map[string]int{{}, {"a": 1}})
	if got := m.Vectors[0].Dot(m.Vectors[1]); got != 0 {
		t.Errorf("empty: %v", got)
	}
}

// TestNearDuplicate: a plan copied with another municipality's name is
// flagged; the bundled plans, each written by its own municipality, are
// not.
func TestNearDuplicate(t *testing.T) {
	r := bundledReport(t)
	copied := *r.Documents[0] // Ale's plan, re-used by Lerum
	copied.File = "testdata/corpus/lerum-copy.txt"
	copied.Municipality = analysis.Attribution{Code: "1441", Name: "Lerum"}
	var segs []analysis.Sentence
	for _, s := range copied.Segments {
		s.Text = strings.ReplaceAll(s.Text, "Ale", "Lerum")
		segs = append(segs, s)
	}
	copied.Segments = segs
	r.Documents = append(r.Documents, &copied)
	s := NewSimilarity(r.Documents)
	if len(s.Pairs) == 0 || s.Pairs[0].A != 0 || s.Pairs[0].B != len(r.Documents)-1 || s.Pairs[0].Similarity < NearDuplicate {
		t.Fatalf("top pair %+v, want Ale and its copy above %v", s.Pairs[0], NearDuplicate)
	}
	for _, p := range s.Pairs[1:] {
		if p.Similarity >= NearDuplicate {
			t.Errorf("%s and %s flagged as near duplicates (%v)", s.Docs[p.A].File, s.Docs[p.B].File, p.Similarity)
		}
	}
	var buf bytes.Buffer
	if err := WriteSimilarity(&buf, r); err != nil {
		t.Fatal(err)
	}
	if line := strings.Split(buf.String(), "\n")[1]; !strings.HasSuffix(line, ",true") {
		t.Errorf("first row not flagged: %s", line)
	}
}

func TestSimilarityGolden(t *testing.T) {
	r := bundledReport(t)
	var buf bytes.Buffer
	if err := WriteSimilarity(&buf, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "similarity.csv", buf.Bytes())
	buf.Reset()
	if err := WriteDocumentsJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"peers":[`) || strings.Count(buf.String(), `"similarity"`) != 3*len(r.Documents) {
		t.Errorf("documents.jsonl: want 3 peers per document")
	}
}

// TestPairRule checks all pairs, and the search on a corpus small enough
// for its lists to hold every other document, against pairs computed one
// by one: the peers are each document's best, and the pairs are each
// document's PairPeers best at MinPairSimilarity or more plus every near
// duplicate, once each.
func TestPairRule(t *testing.T) {
	var counts []map[string]int
	var docs []*analysis.DocumentAnalysis
	words := []string{"arbet", "bostad", "språk", "hälsa", "skola", "förening", "praktik", "mottag", "samverk", "jämställd"}
	for i := 0; i < 40; i++ {
		c := map[string]int{}
		for k, w := range words {
			if (i*7+k*3)%5 != 0 {
				c[w] = 1 + (i*k)%4
			}
		}
		if i%13 == 0 && i > 0 { // near duplicates of the previous document
			c = counts[i-1]
		}
		counts = append(counts, c)
		docs = append(docs, &analysis.DocumentAnalysis{File: fmt.Sprintf("d%02d", i)})
	}
	m := NewTFIDF(counts)
	bags := make([]analysis.TermBag, len(counts))
	for i, c := range counts {
		bags[i] = bagOf(c)
	}
	v := exactVecs(bags)
	checkPairRule(t, m, allPairs(docs, v, 1, false))
	checkPairRule(t, m, similarityWith(docs, v, 2, defaultSearch()))
}

// exactVecs are the vectors of bags as NewTFIDF weighs them, in float64
// and uncut: the oracle's.
func exactVecs(bags []analysis.TermBag) *vecSet[float64] {
	return buildVecs[float64](len(bags), func(i int) analysis.TermBag { return bags[i] }, 0, 1)
}

// runVecs are the vectors of bags as a run builds them.
func runVecs(bags []analysis.TermBag) *vecSet[float32] {
	return buildVecs[float32](len(bags), func(i int) analysis.TermBag { return bags[i] }, vectorTerms, defaultSearch().maxDFShare)
}

// TestBuildVecs: a run's vectors carry NewTFIDF's weights (to float32),
// without the terms of one document, and a vector over the bound keeps
// its heaviest terms, renormalised.
func TestBuildVecs(t *testing.T) {
	counts := []map[string]int{
		{"all": 5, "one": 9, "a": 4, "b": 3, "c": 2, "d": 1},
		{"all": 1, "a": 1, "b": 1, "c": 1, "d": 1},
		{"all": 1},
	}
	m := NewTFIDF(counts)
	bags := make([]analysis.TermBag, len(counts))
	for i, c := range counts {
		bags[i] = bagOf(c)
	}
	// "all", in every document, is numbered last (split 0.7: two documents of three at most)
	v := buildVecs[float32](len(bags), func(i int) analysis.TermBag { return bags[i] }, 0, 0.7)
	if want := []string{"a", "b", "c", "d", "one", "all"}; !reflect.DeepEqual(v.terms, want) {
		t.Errorf("vocabulary %v, want %v", v.terms, want)
	}
	for d := range counts {
		idx, val := v.full(d, nil, nil)
		var got, want []string
		for _, ti := range idx {
			got = append(got, v.terms[ti])
		}
		for k, ti := range m.Vectors[d].Index {
			if m.Terms[ti] == "one" {
				continue
			}
			want = append(want, m.Terms[ti])
			if x := slices.Index(v.terms, m.Terms[ti]); x < 0 || val[slices.Index(idx, int32(x))] != float32(m.Vectors[d].Value[k]) {
				t.Errorf("doc %d term %s: weights %v, want %v", d, m.Terms[ti], val, m.Vectors[d].Value[k])
			}
		}
		slices.SortFunc(want, func(a, b string) int { return slices.Index(v.terms, a) - slices.Index(v.terms, b) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("doc %d: terms %v, want %v", d, got, want)
		}
	}
	cut := buildVecs[float64](len(bags), func(i int) analysis.TermBag { return bags[i] }, 2, 1)
	idx, val := cut.full(0, nil, nil)
	var names []string
	for _, ti := range idx {
		names = append(names, cut.terms[ti])
	}
	if !reflect.DeepEqual(names, []string{"a", "b"}) { // "all" is light: in every document
		t.Errorf("cut vector keeps %v, want a, b", names)
	}
	if norm := val[0]*val[0] + val[1]*val[1]; math.Abs(norm-1) > 1e-12 || val[0] <= val[1] {
		t.Errorf("cut weights %v", val)
	}
	if idx, _ := cut.full(2, nil, nil); len(idx) != 1 {
		t.Errorf("short vector cut: %v", idx)
	}
}

func checkPairRule(t *testing.T, m *TFIDF, s *Similarity) {
	t.Helper()
	n := len(s.Docs)
	sim := func(i, j int) float64 { return round4(m.Vectors[i].Dot(m.Vectors[j])) }
	want := map[[2]int]float64{}
	for i := 0; i < n; i++ {
		var all []Peer
		for j := 0; j < n; j++ {
			if j != i {
				all = append(all, Peer{Index: j, Similarity: sim(i, j)})
			}
		}
		sortStable(all, func(a, b Peer) bool { return a.Similarity > b.Similarity })
		for r, p := range all[:keepPeers] {
			if got := s.Peers[i][r]; got.Index != p.Index || math.Abs(got.Similarity-p.Similarity) > 1e-4 {
				t.Fatalf("doc %d peer %d: %+v, want %+v", i, r, got, p)
			}
			if r < PairPeers && p.Similarity >= MinPairSimilarity {
				want[[2]int{min(i, p.Index), max(i, p.Index)}] = p.Similarity
			}
		}
		for _, p := range all {
			if p.Similarity >= NearDuplicate {
				want[[2]int{min(i, p.Index), max(i, p.Index)}] = p.Similarity
			}
		}
	}
	if len(s.Pairs) != len(want) {
		t.Errorf("%d pairs, want %d", len(s.Pairs), len(want))
	}
	for k, p := range s.Pairs {
		if _, ok := want[[2]int{p.A, p.B}]; !ok || p.A >= p.B {
			t.Errorf("pair %+v not selected by the rule", p)
		}
		if k > 0 && s.Pairs[k-1].Similarity < p.Similarity {
			t.Errorf("pairs not sorted at %d", k)
		}
	}
}

// TestSimilarityWorkers: the result does not depend on how many workers
// share the rows (ties included: the bags repeat, so many cosines tie).
func TestSimilarityWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"arbet", "bostad", "språk", "möt", "förening", "skol", "häls", "jämställd", "samverk", "attityd"}
	var docs []*analysis.DocumentAnalysis
	var bags []analysis.TermBag
	for i := range 300 {
		c := map[string]int{}
		for range 3 + rng.IntN(6) {
			c[words[rng.IntN(len(words))]] += 1 + rng.IntN(3)
		}
		docs = append(docs, &analysis.DocumentAnalysis{File: fmt.Sprintf("d%03d.txt", i)})
		bags = append(bags, bagOf(c))
	}
	m := runVecs(bags)
	one := similarityWith(docs, m, 1, defaultSearch())
	exact := allPairs(docs, m, 1, false)
	for _, w := range []int{2, 3, 7} {
		if got := similarityWith(docs, m, w, defaultSearch()); !reflect.DeepEqual(got, one) {
			t.Fatalf("search: %d workers give another result than one", w)
		}
		if got := allPairs(docs, m, w, false); !reflect.DeepEqual(got, exact) {
			t.Fatalf("all pairs: %d workers give another result than one", w)
		}
	}
	if len(one.Pairs) == 0 {
		t.Fatal("no pairs: the test compares nothing")
	}
}

// genreCorpus generates n term bags shaped like the bench corpus
// (tools/gencorpus): plans of one genre, each the opening passages of one
// of four templates followed by 20 to 80 passages drawn from a shared
// pool of 160, over a vocabulary of 1,500 stems drawn by Zipf's law, plus
// a municipality name of 290. So nearly every term is in a large share of
// the documents, which is what makes all pairs quadratic. One document in
// forty is a copy of an earlier one with its name swapped and up to four
// passages added: a near duplicate, or just short of one.
func genreCorpus(n int, seed uint64) []analysis.TermBag {
	rng := rand.New(rand.NewPCG(seed, 17))
	zipf := rand.NewZipf(rng, 1.1, 4, 1499)
	passages := make([]map[int]int, 160)
	for p := range passages {
		passages[p] = map[int]int{}
		for range 20 + rng.IntN(60) {
			passages[p][int(zipf.Uint64())]++
		}
	}
	var heads [4][]int
	for t := range heads {
		for range 6 {
			heads[t] = append(heads[t], rng.IntN(len(passages)))
		}
	}
	stems := make([]string, 1500)
	for i := range stems {
		stems[i] = fmt.Sprintf("t%04d", i)
	}
	add := func(c map[string]int, p int) {
		for term, k := range passages[p] {
			c[stems[term]] += k
		}
	}
	name := func() string { return fmt.Sprintf("kommun%03d", rng.IntN(290)) }
	counts := make([]map[string]int, n)
	names := make([]string, n)
	for d := range n {
		c := map[string]int{}
		if d > 0 && rng.IntN(40) == 0 {
			src := rng.IntN(d)
			for term, k := range counts[src] {
				c[term] = k
			}
			delete(c, names[src])
			for range rng.IntN(5) {
				add(c, rng.IntN(len(passages)))
			}
		} else {
			for _, p := range heads[rng.IntN(len(heads))] {
				add(c, p)
			}
			for range 20 + rng.IntN(60) {
				add(c, rng.IntN(len(passages)))
			}
		}
		names[d] = name()
		c[names[d]] += 3
		counts[d] = c
	}
	bags := make([]analysis.TermBag, n)
	for d, c := range counts {
		bags[d] = bagOf(c)
	}
	return bags
}

// searchVersusExact compares a run's similarities with the exact
// all-pairs oracle (allPairs on NewTFIDF's vectors, float64, uncut) on
// bags: the run's way (all pairs up to allPairsUpTo, the search above)
// on its compact vectors, forced to the search when search is true. The
// near-duplicate pairs must be the same, every figure within one
// rounding step (1e-4: float32 weights) of the exact cosine. It returns
// the share of each document's exact PairPeers best (at
// MinPairSimilarity or more) that the run lists among its own PairPeers
// best (a peer tied with the last of those counts as found when the run
// has another peer at that figure), how many of the oracle's
// similarity.csv rows the run's lacks (each replaced by another pair,
// since each document still gets its five best), and how many near
// duplicates there are.
func searchVersusExact(t *testing.T, bags []analysis.TermBag, search bool) (recall float64, differ, near int) {
	t.Helper()
	docs := make([]*analysis.DocumentAnalysis, len(bags))
	for i := range docs {
		docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%05d.txt", i)}
	}
	ex := exactVecs(bags)
	exact := allPairs(docs, ex, 2, false)
	rv := runVecs(bags)
	var got *Similarity
	if search {
		got = similarityWith(docs, rv, 2, defaultSearch())
	} else {
		got = newSimilarity(docs, rv)
	}
	rv = nil
	dups := func(s *Similarity) map[[2]int]float64 {
		out := map[[2]int]float64{}
		for _, p := range s.Pairs {
			if p.Similarity >= NearDuplicate {
				out[[2]int{p.A, p.B}] = p.Similarity
			}
		}
		return out
	}
	de, dg := dups(exact), dups(got)
	if len(de) != len(dg) {
		t.Errorf("near duplicates: %d found, all pairs have %d", len(dg), len(de))
	}
	for k, f := range de {
		if g, ok := dg[k]; !ok || math.Abs(g-f) > 1.5e-4 {
			t.Errorf("near duplicate %v (%v): found %v, %v", k, f, ok, g)
		}
	}
	dot := func(a, b int) float64 {
		ia, va := ex.full(a, nil, nil)
		ib, vb := ex.full(b, nil, nil)
		s := 0.0
		forShared(ia, ib, func(i, j int) { s += va[i] * vb[j] })
		return round4(s)
	}
	for _, p := range got.Pairs {
		if want := dot(p.A, p.B); math.Abs(p.Similarity-want) > 1.5e-4 {
			t.Fatalf("pair %+v: exact cosine %v", p, want)
		}
	}
	hit, total := 0, 0
	for i := range exact.Peers {
		var want []Peer
		for _, p := range exact.Peers[i] {
			if len(want) < PairPeers && p.Similarity >= MinPairSimilarity {
				want = append(want, p)
			}
		}
		found := got.TopPeers(i, PairPeers, nil)
		for _, w := range want {
			total++
			for _, f := range found {
				if f.Index == w.Index || (math.Abs(f.Similarity-w.Similarity) <= 1.5e-4 && w.Similarity == want[len(want)-1].Similarity) {
					hit++
					break
				}
			}
		}
	}
	rows := map[[2]int]bool{}
	for _, p := range got.Pairs {
		rows[[2]int{p.A, p.B}] = true
	}
	for _, p := range exact.Pairs {
		if !rows[[2]int{p.A, p.B}] {
			differ++
		}
	}
	return float64(hit) / float64(total), differ, len(de)
}

// TestSearchVersusExact: on 2,000 generated plans the search finds the
// near duplicates all pairs find and 98% of each document's five nearest.
// STYRDOK_SIMILARITY_10K=1 adds 10,000 plans (a minute of all pairs).
func TestSearchVersusExact(t *testing.T) {
	sizes := []int{2000}
	if testing.Short() {
		sizes = []int{500}
	}
	if os.Getenv("STYRDOK_SIMILARITY_10K") != "" {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		bags := genreCorpus(n, 1)
		for _, search := range []bool{false, true} {
			recall, differ, near := searchVersusExact(t, bags, search)
			t.Logf("%d documents, search %v: top-%d recall %.4f, %d rows of similarity.csv differ, %d near duplicates", n, search, PairPeers, recall, differ, near)
			if near == 0 {
				t.Errorf("no near duplicates: the corpus tests none")
			}
			if recall < 0.98 {
				t.Errorf("%d documents, search %v: top-%d recall %.4f, want 0.98 or more", n, search, PairPeers, recall)
			}
		}
	}
}

// TestSearchVersusExactBenchCorpus compares the search with all pairs on
// the bench corpus itself: STYRDOK_SIMILARITY_BENCH=2000,10000 generates
// those many plans with tools/gencorpus (seed 1, as make bench does) and
// analyses them, minutes at 10,000. Its near-duplicate pairs must be the
// same and its top-5 recall 0.98 or more.
func TestSearchVersusExactBenchCorpus(t *testing.T) {
	sizes := os.Getenv("STYRDOK_SIMILARITY_BENCH")
	if sizes == "" {
		t.Skip("STYRDOK_SIMILARITY_BENCH not set")
	}
	cb, err := analysis.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	a := analysis.NewAnalyzer(cb, testRegistry(t), time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC))
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if _, err := gen.Generate(gen.Options{Source: "../testdata/corpus", Out: dir, Texts: n, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := corpus.Run(context.Background(), a, files, corpus.BatchOptions{})
		if err != nil || len(res.Failures) > 0 {
			t.Fatalf("%v, %d failures", err, len(res.Failures))
		}
		bags := make([]analysis.TermBag, len(res.Documents))
		for i, d := range res.Documents {
			bags[i] = d.Terms
		}
		for _, search := range []bool{false, true} {
			recall, differ, near := searchVersusExact(t, bags, search)
			t.Logf("bench corpus, %d documents, search %v: top-%d recall %.4f, %d of similarity.csv's rows differ, %d near duplicates", n, search, PairPeers, recall, differ, near)
			if recall < 0.98 {
				t.Errorf("%d documents, search %v: top-%d recall %.4f, want 0.98 or more", n, search, PairPeers, recall)
			}
		}
	}
}

// TestNearDuplicateCluster: 60 copies of one plan are 1,770 near-duplicate
// pairs, about as many as the copies' candidate lists hold;
// closeDuplicates finds them all.
func TestNearDuplicateCluster(t *testing.T) {
	bags := genreCorpus(400, 3)
	for i := range 60 {
		bags[5+i*5] = bags[0]
	}
	if _, _, near := searchVersusExact(t, bags, true); near < 60*59/2 {
		t.Errorf("%d near duplicates, want at least the copies' %d", near, 60*59/2)
	}
}

// BenchmarkSimilarity measures the candidate search (search) and all
// pairs (allpairs) on generated plans (genreCorpus) at three corpus
// sizes, in ns/doc: the search's should not grow with the corpus. All
// pairs at 50,000 documents takes minutes and is left out. The model
// (a run's vectors) is built outside the timer.
func BenchmarkSimilarity(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		// made by the first sub-benchmark that runs, so that -bench
		// picking one size does not generate the others
		var m *vecSet[float32]
		model := func(b *testing.B) *vecSet[float32] {
			if m == nil {
				m = runVecs(genreCorpus(n, 1))
				b.ResetTimer()
			}
			return m
		}
		docs := make([]*analysis.DocumentAnalysis, n)
		for i := range docs {
			docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprint(i)}
		}
		workers := runtime.GOMAXPROCS(0)
		b.Run(fmt.Sprintf("search/docs=%d", n), func(b *testing.B) {
			m := model(b)
			for range b.N {
				similarityWith(docs, m, workers, defaultSearch())
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/doc")
		})
		if n > 10000 {
			continue
		}
		b.Run(fmt.Sprintf("allpairs/docs=%d", n), func(b *testing.B) {
			m := model(b)
			for range b.N {
				allPairs(docs, m, workers, false)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/doc")
		})
	}
}

// TestPrunedTop: the pruned lists are each document's depth best others
// by prunedDot over every other document (ties by document), whatever the
// number of workers, and sweepRows gives the same figures from either
// side of a pair.
func TestPrunedTop(t *testing.T) {
	m := runVecs(genreCorpus(300, 8))
	p := defaultSearch()
	sv := pruneVectors(m, p)
	ix := newPrunedIndex(sv)
	n := m.len()
	one := prunedTop(sv, ix, 1, p.depth)
	for _, w := range []int{2, 3} {
		if got := prunedTop(sv, ix, w, p.depth); !reflect.DeepEqual(got, one) {
			t.Fatalf("%d workers: other lists than one worker's", w)
		}
	}
	// short lists fill early, and most pairs are then skipped by a
	// list's floor (sharedLists.below): the lists must be the first
	// entries of the deep ones all the same
	for _, w := range []int{1, 2} {
		short := prunedTop(sv, ix, w, 3)
		for i := range n {
			if want := one[i][:min(3, len(one[i]))]; !reflect.DeepEqual(short[i], want) {
				t.Fatalf("%d workers, depth 3, document %d: %v, want %v", w, i, short[i], want)
			}
		}
	}
	rows := make([]map[int]float32, n)
	all := make([]int, n)
	for i := range all {
		all[i], rows[i] = i, map[int]float32{}
	}
	sweepRows(sv, all, 1, func(a, j int, s float32) { rows[a][j] = s })
	ties := 0
	for i := range n {
		var want []prunedEntry
		for j := range n {
			if j == i {
				continue
			}
			s := prunedDot(sv, i, j)
			if r := rows[j][i]; r != s {
				t.Fatalf("pair %d, %d: prunedDot %v, row of %d %v", i, j, s, j, r)
			}
			if s > 0 {
				want = append(want, prunedEntry{doc: int32(j), sim: s})
			}
		}
		slices.SortFunc(want, func(a, b prunedEntry) int {
			if a.before(b) {
				return -1
			}
			return 1
		})
		for k := 1; k < len(want); k++ {
			if want[k].sim == want[k-1].sim {
				ties++
			}
		}
		want = want[:min(len(want), p.depth)]
		if !reflect.DeepEqual(one[i], want) {
			t.Fatalf("document %d: list %v, want %v", i, one[i], want)
		}
	}
	t.Logf("%d documents, %d ties among the figures", n, ties)
}

// TestPrunedIndexRows: the index made from the packed rows (searchCold
// lets go of the vectors' terms first) holds, per term, the documents
// with it in order and their weights val·scale, to the bit, as read from
// the vectors one document at a time.
func TestPrunedIndexRows(t *testing.T) {
	m := runVecs(genreCorpus(300, 4))
	sv := pruneVectors(m, defaultSearch())
	docs, ws := make([][]int32, sv.terms), make([][]float32, sv.terms)
	for d := range len(sv.lo) {
		idx, val := sv.vec(d)
		for k, ti := range idx {
			docs[ti], ws[ti] = append(docs[ti], int32(d)), append(ws[ti], val[k]*sv.scale[d])
		}
	}
	got := newPrunedIndexRows(packRows(sv), sv.terms, sv)
	entries := 0
	for ti := range sv.terms {
		d, w := got.of(int32(ti))
		if !slices.Equal(d, docs[ti]) || !slices.Equal(w, ws[ti]) {
			t.Fatalf("term %d: documents %v weights %v, want %v %v", ti, d, w, docs[ti], ws[ti])
		}
		entries += len(d)
	}
	if entries == 0 || entries != len(got.doc) {
		t.Fatalf("%d entries by term, %d in the index", entries, len(got.doc))
	}
}

// TestPruneVectors: a term in more than half the documents and a term of
// one document leave the search vectors, a vector keeps its strongest
// terms (renormalised, in term order).
func TestPruneVectors(t *testing.T) {
	counts := []map[string]int{
		{"all": 5, "one": 9, "a": 4, "b": 3, "c": 2, "d": 1},
		{"all": 1, "a": 1, "b": 1, "c": 1, "d": 1},
		{"all": 1},
		{"all": 1},
		{"all": 1},
	}
	bags := make([]analysis.TermBag, len(counts))
	for i, c := range counts {
		bags[i] = bagOf(c)
	}
	p := defaultSearch()
	p.strongest = 3
	rv := runVecs(bags)
	sv := pruneVectors(rv, p)
	name := func(idx []int32) []string {
		var out []string
		for _, i := range idx {
			out = append(out, rv.terms[i])
		}
		return out
	}
	idx, val := sv.vec(0)
	if got := name(idx); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("vector 0 keeps %v, want a, b, c", got)
	}
	norm := 0.0
	for _, v := range val {
		norm += float64(v*sv.scale[0]) * float64(v*sv.scale[0])
	}
	if math.Abs(norm-1) > 1e-6 || !(val[0] > val[1] && val[1] > val[2]) {
		t.Errorf("weights %v", val)
	}
	// all of document 2's terms are pruned: it keeps those in two or more
	if idx, _ := sv.vec(2); !reflect.DeepEqual(name(idx), []string{"all"}) {
		t.Errorf("vector 2 %v, want all", name(idx))
	}
	// uncut, a run's search vectors are the first part of its vectors,
	// not a copy; the oracle's float64 vectors are copied, to the same
	// search vectors
	shared := pruneVectors(rv, defaultSearch())
	if &shared.idx[0] != &rv.idx[0] || &shared.val[0] != &rv.val[0] {
		t.Errorf("a run's search vectors are a copy")
	}
	ex := exactVecs(bags)
	copied := pruneVectors(ex, defaultSearch())
	for d := range bags {
		si, sval := shared.vec(d)
		ci, cval := copied.vec(d)
		if got, want := name(si), func() (out []string) {
			for _, i := range ci {
				out = append(out, ex.terms[i])
			}
			return out
		}(); !reflect.DeepEqual(got, want) {
			t.Errorf("doc %d: search terms %v, copied %v", d, got, want)
		}
		for x := range sval {
			if a, b := sval[x]*shared.scale[d], cval[x]*copied.scale[d]; math.Abs(float64(a-b)) > 1e-6 {
				t.Errorf("doc %d: search weight %v, copied %v", d, a, b)
			}
		}
	}
}

// readBags is a termSource like corpus.Documents: each bag is copied
// into the reader's, whose slices it re-uses, so a reader that kept a
// bag would see it overwritten; bad names a bag whose read fails.
type readBags struct {
	bags  []analysis.TermBag
	reads []int
	bad   int
}

func (r *readBags) ReadTermBag(i int, b *analysis.TermBag) error {
	if i == r.bad {
		return fmt.Errorf("d%03d.txt: spill file x: the term bag at byte 0 is damaged (checksum)", i)
	}
	r.reads[i]++
	b.Stems = append(b.Stems[:0], r.bags[i].Stems...)
	b.Counts = append(b.Counts[:0], r.bags[i].Counts...)
	return nil
}

// TestSimilarityReadsBags: similarity read from a source, one bag at a
// time into one re-used bag, is the one of the bags kept in memory, and
// each bag is read twice (buildVecs' two passes), no more.
func TestSimilarityReadsBags(t *testing.T) {
	bags := genreCorpus(300, 2)
	docs := make([]*analysis.DocumentAnalysis, len(bags))
	for i := range docs {
		docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%03d.txt", i)}
	}
	src := &readBags{bags: bags, reads: make([]int, len(bags)), bad: -1}
	got, _, _, err := newSimilarityOf(docs, src, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := newSimilarity(docs, runVecs(bags)); !reflect.DeepEqual(got, want) {
		t.Errorf("similarities differ when the bags are read one at a time")
	}
	for i, n := range src.reads {
		if n != 2 {
			t.Errorf("bag %d read %d times, want 2", i, n)
		}
	}
	if len(got.Pairs) == 0 {
		t.Fatal("no pairs: the test compares nothing")
	}
}

// TestSearchReweighs: above all pairs, the cold search lets the vectors'
// weights go while it searches and weighs them again from the bags for
// the scoring (vecSet.reweigh): each bag is read a third time, and the
// result is the one of vectors kept whole, with and without a state; a
// bag that fails on that third reading fails the similarities with its
// error.
func TestSearchReweighs(t *testing.T) {
	bags := genreCorpus(300, 5)
	docs := make([]*analysis.DocumentAnalysis, len(bags))
	for i := range docs {
		docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%03d.txt", i)}
	}
	want := similarityWith(docs, runVecs(bags), 2, defaultSearch())
	if len(want.Pairs) == 0 {
		t.Fatal("no pairs: the test compares nothing")
	}
	for _, state := range []string{"", filepath.Join(t.TempDir(), "sim.state")} {
		src := &readBags{bags: bags, reads: make([]int, len(bags)), bad: -1}
		got, _, _, err := similarityOf(docs, src, state, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("state %q: the search with its weights read again differs from the one that kept them", state)
		}
		for i, n := range src.reads {
			if n != 3 {
				t.Fatalf("state %q: bag %d read %d times, want 3 (the weights were not let go)", state, i, n)
			}
		}
	}
	src := &failingRead{readBags: readBags{bags: bags, reads: make([]int, len(bags)), bad: -1}, bag: 123, read: 3}
	if _, _, _, err := similarityOf(docs, src, "", 10); err == nil || !strings.Contains(err.Error(), "d123.txt") {
		t.Errorf("a bag failing when read again: %v, want its error", err)
	}
}

// failingRead is readBags whose bag fails on its read-th reading.
type failingRead struct {
	readBags
	bag, read int
}

func (r *failingRead) ReadTermBag(i int, b *analysis.TermBag) error {
	if i == r.bag && r.reads[i] == r.read-1 {
		return fmt.Errorf("d%03d.txt: spill file x: the term bag at byte 0 is damaged (checksum)", i)
	}
	return r.readBags.ReadTermBag(i, b)
}

// TestSimilarityBagReadError: a bag that cannot be read fails the
// writers of similarities with the source's error (naming the file),
// and nothing panics.
func TestSimilarityBagReadError(t *testing.T) {
	bags := genreCorpus(40, 2)
	docs := make([]*analysis.DocumentAnalysis, len(bags))
	for i := range docs {
		docs[i] = &analysis.DocumentAnalysis{File: fmt.Sprintf("d%03d.txt", i)}
	}
	r := &Report{Documents: docs, Source: &bagSource{readBags{bags: bags, reads: make([]int, len(bags)), bad: 17}}}
	var buf bytes.Buffer
	if err := WriteSimilarity(&buf, r); err == nil || !strings.Contains(err.Error(), "d017.txt") || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("similarity.csv with a damaged bag: %v, want the bag's error", err)
	}
	if err := writeDocumentsJSON(&buf, r, eachPasser(r.Source.Each)); err == nil || !strings.Contains(err.Error(), "d017.txt") {
		t.Errorf("documents.jsonl with a damaged bag: %v, want the bag's error", err)
	}
}

// bagSource is a Source whose term bags are read (readBags); its full
// analyses are the documents themselves.
type bagSource struct{ readBags }

func (s *bagSource) Each(fn func(i int, d *analysis.DocumentAnalysis) error) error {
	for i := range s.bags {
		if err := fn(i, &analysis.DocumentAnalysis{File: fmt.Sprintf("d%03d.txt", i)}); err != nil {
			return err
		}
	}
	return nil
}

// TestVecTail: the tail of a vector (its terms in more than the split
// share of the documents, kept as a term offset and a count) reads back
// the very weights buildVecs computed, to the last bit, for counts under
// and over a byte's range and for vectors cut to their heaviest terms;
// the head holds the rest, and a document with no head term keeps its
// tail terms in the head.
func TestVecTail(t *testing.T) {
	bags := commonAndRareBags(rand.New(rand.NewPCG(7, 8)), 200, "w%03d", 200)
	bags = append(bags, bagOf(map[string]int{"c1": 3, "c2": 1})) // only common terms: no head
	for _, maxTerms := range []int{0, 12} {
		v := buildVecs[float32](len(bags), func(i int) analysis.TermBag { return bags[i] }, maxTerms, 0.5)
		// the reference: every term in the head (split 1 numbers the
		// terms otherwise, so compare by stem)
		ref := buildVecs[float32](len(bags), func(i int) analysis.TermBag { return bags[i] }, maxTerms, 1)
		if len(v.tidx) == 0 || len(v.over) == 0 {
			t.Fatalf("maxTerms %d: %d tail entries, %d counts over a byte: the test tests nothing", maxTerms, len(v.tidx), len(v.over))
		}
		if len(ref.tidx) != 0 {
			t.Errorf("split 1 has a tail of %d", len(ref.tidx))
		}
		for d := range bags {
			idx, val := v.full(d, nil, nil)
			ri, rval := ref.full(d, nil, nil)
			got, want := map[string]float32{}, map[string]float32{}
			for k, ti := range idx {
				got[v.terms[ti]] = val[k]
				if k > 0 && idx[k-1] >= ti {
					t.Errorf("doc %d: terms out of order", d)
				}
			}
			for k, ti := range ri {
				want[ref.terms[ti]] = rval[k]
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("maxTerms %d doc %d: weights %v, want %v", maxTerms, d, got, want)
			}
			if hi, _ := v.head(d); len(hi) > 0 && hi[len(hi)-1] >= v.tail0 && v.tailLen(d) > 0 {
				t.Errorf("doc %d: tail terms in the head beside a tail", d)
			}
		}
		if last := len(bags) - 1; v.tailLen(last) != 0 || v.start[last+1]-v.start[last] != 2 {
			t.Errorf("a document with no head term: head %d, tail %d, want 2, 0", v.start[last+1]-v.start[last], v.tailLen(last))
		}
	}
}

// BenchmarkPrunedTop measures the cold search's exact lists (prunedTop)
// alone on generated plans at 20,000 documents, above allPairsUpTo where
// a run uses it; the vectors and the index are built outside the timer.
func BenchmarkPrunedTop(b *testing.B) {
	m := runVecs(genreCorpus(20000, 1))
	p := defaultSearch()
	sv := pruneVectors(m, p)
	ix := newPrunedIndex(sv)
	b.ResetTimer()
	for range b.N {
		prunedTop(sv, ix, 2, p.depth)
	}
}

// commonAndRareBags makes n term bags of ten common terms (each in about
// four documents of five, so in the vectors' tail) and 5-44 rare ones
// drawn from vocab words named by form; one count in thirty is over a
// byte's range, so packed counts must carry it.
func commonAndRareBags(rng *rand.Rand, n int, form string, vocab int) []analysis.TermBag {
	var bags []analysis.TermBag
	for range n {
		c := map[string]int{}
		add := func(w string) {
			c[w] += 1 + rng.IntN(3)
			if rng.IntN(30) == 0 {
				c[w] += 250 + rng.IntN(5000) // over a byte
			}
		}
		for k := range 10 { // common terms: most in more than half the documents
			if rng.IntN(10) < 8 {
				add(fmt.Sprintf("c%d", k))
			}
		}
		for range 5 + rng.IntN(40) {
			add(fmt.Sprintf(form, rng.IntN(vocab)))
		}
		bags = append(bags, bagOf(c))
	}
	return bags
}
