package eval

import (
	"testing"
)

// realSetFinal switches TestAttributionHeldOut on. The labelled real set
// (testdata/realtexts) is still growing; its held-out figures are a
// target only once it is final (issue 14). Whoever merges the final set
// sets this to true.
const realSetFinal = false

// TestAttributionHeldOut: on the held-out part of the labelled real set,
// at the default threshold, the attribution meets the targets of
// docs/validity.md: texts that name their municipality right ≥ 97%,
// texts that speak for none unknown ≥ 90%, unnamed unknown ≥ 95%, bare
// titles right ≥ 97%, and answers at confidence ≥ 0.9 right ≥ 97%.
func TestAttributionHeldOut(t *testing.T) {
	if !realSetFinal {
		t.Skip("the labelled real set is not final yet: set realSetFinal in heldout_test.go")
	}
	if testing.Short() {
		t.Skip("reads and analyses the whole held-out part")
	}
	_, ev := analyseRealSplit(t, "heldout")
	targets := map[string]float64{"named": 0.97, "none": 0.90, "unnamed": 0.95, "title": 0.97}
	for _, s := range ev.Municipality {
		if want, ok := targets[s.Category]; ok {
			if s.N == 0 {
				t.Errorf("%s: no held-out texts", s.Category)
				continue
			}
			if float64(s.Accuracy) < want {
				t.Errorf("%s: %d of %d right (%.1f%%), target %.0f%%", s.Category, s.Right, s.N, 100*float64(s.Accuracy), 100*want)
			}
		}
	}
	n, right := 0, 0
	for _, b := range ev.Reliability {
		if b.From >= 0.9 {
			n += b.N
			right += b.Right
		}
	}
	if n == 0 || float64(right) < 0.97*float64(n) {
		t.Errorf("confidence >= 0.9: %d of %d right, target 97%%", right, n)
	}
}
