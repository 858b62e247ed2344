package reports

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
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

// TestPairRule checks newSimilarity against all pairs computed one by one:
// the peers are each document's best, and the pairs are each document's
// PairPeers best at MinPairSimilarity or more plus every near duplicate,
// once each.
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
	s := newSimilarity(docs, m)
	n := len(docs)
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
	m := newTFIDF(bags)
	one := similarityWith(docs, m, 1)
	for _, w := range []int{2, 3, 7} {
		if got := similarityWith(docs, m, w); !reflect.DeepEqual(got, one) {
			t.Fatalf("%d workers give another result than one", w)
		}
	}
	if len(one.Pairs) == 0 {
		t.Fatal("no pairs: the test compares nothing")
	}
}
