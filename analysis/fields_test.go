package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJoinFieldsAndCountFields: the allocation-free helpers agree with
// strings.Fields on hand-picked and random strings of spaces, tabs,
// newlines, no-break spaces and Swedish letters.
func TestJoinFieldsAndCountFields(t *testing.T) {
	cases := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "å ä ö", "x\u00a0y", "\u00a0", "  ", "Kultur- och fritidschef"}
	alphabet := []string{"a", "ö", " ", " ", "\t", "\n", "\u00a0", "-", "."}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		want := strings.Join(strings.Fields(s), " ")
		if got := joinFields(s); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}
