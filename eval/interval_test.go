package eval

import (
	"fmt"
	"math"
	"testing"
)

// TestWilson checks the interval against published values (Newcombe
// 1998, Table I, method 3, four decimals: tolerance 5e-5) and against its
// defining property: the bounds are the proportions whose normal test
// statistic for k/n is exactly z (tolerance 1e-9).
func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n   int
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	} {
		lo, hi := Wilson(tc.k, tc.n, Z95)
		if math.Abs(lo-tc.lo) > 5e-5 || math.Abs(hi-tc.hi) > 5e-5 {
			t.Errorf("Wilson(%d, %d) = [%.4f, %.4f], want [%.4f, %.4f]", tc.k, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
	for _, tc := range []struct{ k, n int }{{281, 311}, {95, 99}, {1, 2}, {7, 9}} {
		lo, hi := Wilson(tc.k, tc.n, Z95)
		p, n := float64(tc.k)/float64(tc.n), float64(tc.n)
		for _, b := range []float64{lo, hi} {
			if got := math.Abs(p-b) / math.Sqrt(b*(1-b)/n); math.Abs(got-Z95) > 1e-9 {
				t.Errorf("Wilson(%d, %d): bound %.6f gives z = %.12f, want %.12f", tc.k, tc.n, b, got, Z95)
			}
		}
		if !(lo < p && p < hi) {
			t.Errorf("Wilson(%d, %d) = [%f, %f] does not hold %f", tc.k, tc.n, lo, hi, p)
		}
	}
	if lo, hi := Wilson(5, 5, Z95); hi != 1 || lo <= 0 {
		t.Errorf("Wilson(5, 5) = [%f, %f], want (0, 1]", lo, hi)
	}
	if lo, hi := Wilson(0, 0, Z95); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("Wilson(0, 0) = [%f, %f], want NaN", lo, hi)
	}
}

// The held-out part's texts that name their municipality, after session
// 25: 281 of 311 right. The 97% target lies above the interval.
func ExampleWilson() {
	lo, hi := Wilson(281, 311, Z95)
	fmt.Printf("90.4%% [%.1f%%, %.1f%%]\n", 100*lo, 100*hi)
	// Output: 90.4% [86.6%, 93.2%]
}
