package reports

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestScatter: scatter leaves acc bit for bit as the one-at-a-time loop
// it replaced in allPairsTop, for float32 and float64 weights, postings
// of every length up to 40 (each remainder of four), repeated documents
// in one posting, weights of every size, 0, subnormal and negative, and
// sums that round differently in another order.
func TestScatter(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 2))
	for round := range 20000 {
		n := 1 + rng.IntN(50)
		acc32 := make([]float64, n)
		for j := range acc32 {
			if rng.IntN(2) == 0 {
				acc32[j] = rng.Float64() * math.Pow(10, float64(rng.IntN(20)-10))
			}
		}
		acc64, want32, want64 := append([]float64(nil), acc32...), append([]float64(nil), acc32...), append([]float64(nil), acc32...)
		for range 1 + rng.IntN(4) { // several terms into one acc, as a row's terms are
			w := []float64{rng.Float64(), 1e-300, 0, -rng.Float64(), 1 / 3.0, rng.Float64() * 1e8}[rng.IntN(6)]
			k := rng.IntN(41)
			rest := make([]int32, k)
			ws32 := make([]float32, k+rng.IntN(3)) // ws may be longer than rest
			ws64 := make([]float64, len(ws32))
			for x := range rest {
				rest[x] = int32(rng.IntN(n))
			}
			for x := range ws32 {
				ws32[x] = []float32{rng.Float32(), 1e-40, 0, -rng.Float32(), float32(rng.Float64() * 1e6)}[rng.IntN(5)]
				ws64[x] = rng.Float64() / float64(1+rng.IntN(1000))
			}
			scatter(acc32, w, rest, ws32)
			scatter(acc64, w, rest, ws64)
			for x, j := range rest {
				want32[j] += w * float64(ws32[x])
				want64[j] += w * ws64[x]
			}
		}
		for j := range acc32 {
			if math.Float64bits(acc32[j]) != math.Float64bits(want32[j]) || math.Float64bits(acc64[j]) != math.Float64bits(want64[j]) {
				t.Fatalf("round %d, acc[%d]: %v and %v, want %v and %v", round, j, acc32[j], acc64[j], want32[j], want64[j])
			}
		}
	}
}
