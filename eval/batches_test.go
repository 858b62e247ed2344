package eval

import (
	"fmt"
	"testing"
)

// seriesBatches are the batches from 19 on, whose municipal texts take the
// prefix n (m999 was the last m-name), with the name ranges each was
// written for: n, o, t and p (from batch 27 on), first and last number.
var seriesBatches = []struct {
	name    string
	p       func(string) bool
	n, o, t [2]int
	pNames  [2]int // the other part's p-names (o999 was the last o-name)
}{
	{"batch19", batch19, [2]int{1, 23}, [2]int{913, 927}, [2]int{76, 81}, [2]int{1, 0}},
	{"batch20", batch20, [2]int{24, 44}, [2]int{928, 940}, [2]int{82, 89}, [2]int{1, 0}},
	{"batch21", batch21, [2]int{45, 66}, [2]int{941, 952}, [2]int{90, 98}, [2]int{1, 0}},
	{"batch22", batch22, [2]int{67, 89}, [2]int{953, 965}, [2]int{99, 107}, [2]int{1, 0}},
	{"batch23", batch23, [2]int{90, 110}, [2]int{966, 977}, [2]int{108, 115}, [2]int{1, 0}},
	{"batch24", batch24, [2]int{111, 125}, [2]int{978, 983}, [2]int{116, 123}, [2]int{1, 0}},
	{"batch25", batch25, [2]int{126, 134}, [2]int{984, 987}, [2]int{1, 0}, [2]int{1, 0}}, // no titles
	{"batch26", batch26, [2]int{135, 145}, [2]int{988, 996}, [2]int{1, 0}, [2]int{1, 0}}, // no titles
	{"batch27", batch27, [2]int{146, 157}, [2]int{997, 999}, [2]int{1, 0}, [2]int{1, 6}}, // no titles
	{"batch28", batch28, [2]int{1, 0}, [2]int{1, 0}, [2]int{124, 141}, [2]int{1, 0}},     // titles only
	{"batch29", batch29, [2]int{158, 165}, [2]int{1, 0}, [2]int{1, 0}, [2]int{7, 16}},    // no titles
	{"batch30", batch30, [2]int{166, 185}, [2]int{1, 0}, [2]int{1, 0}, [2]int{17, 25}},   // no titles
	{"batch31", batch31, [2]int{186, 201}, [2]int{1, 0}, [2]int{1, 0}, [2]int{26, 34}},   // no titles
	{"batch32", batch32, [2]int{202, 220}, [2]int{1, 0}, [2]int{1, 0}, [2]int{35, 49}},   // no titles
	{"batch33", batch33, [2]int{221, 237}, [2]int{1, 0}, [2]int{1, 0}, [2]int{50, 59}},   // no titles
	{"batch34", batch34, [2]int{238, 252}, [2]int{1, 0}, [2]int{1, 0}, [2]int{60, 74}},   // no titles
}

// TestBatchPredicatesMissNNames checks that the batch predicates the
// floors are split by reach the names they were written for and no
// other: each batch from 19 on matches exactly its own n-, o-, t- and p-names
// (and no m- or r-name), and no earlier predicate matches any of them. A
// predicate testing a string range without its prefix ("m888" <= x)
// would take n-names into the texts an older floor was set on.
func TestBatchPredicatesMissNNames(t *testing.T) {
	earlier := map[string]func(string) bool{
		"batch6": batch6, "batch7": batch7, "batch8": batch8, "batch9": batch9,
		"batch10": batch10, "batch11": batch11, "batch12m": batch12m, "batch12Other": batch12Other,
		"batch13m": batch13m, "batch13Other": batch13Other, "batch14m": batch14m,
		"batch14Other": batch14Other, "batch15m": batch15m, "batch15Other": batch15Other,
		"batch16m": batch16m, "batch16Other": batch16Other, "batch17": batch17, "batch18": batch18,
		"fresh14": fresh14, "fresh15": fresh15, "fresh16": fresh16, "fresh17": fresh17,
		"fresh18": fresh18, "fresh19": fresh19, "fresh20": fresh20, "fresh21": fresh21, "fresh22": fresh22,
	}
	in := func(r [2]int, i int) bool { return i >= r[0] && i <= r[1] }
	for _, prefix := range []string{"m", "n", "o", "p", "t", "r"} {
		for i := 1; i <= 999; i++ {
			name := fmt.Sprintf("texts/%s%03d.txt", prefix, i)
			owners := 0
			for _, b := range seriesBatches {
				want := (prefix == "n" && in(b.n, i)) || (prefix == "o" && in(b.o, i)) || (prefix == "t" && in(b.t, i)) || (prefix == "p" && in(b.pNames, i))
				if got := b.p(name); got != want {
					t.Errorf("%s(%s) = %v, want %v", b.name, name, got, want)
				}
				if want {
					owners++
				}
			}
			if owners > 1 {
				t.Errorf("%s is in the ranges of %d batches", name, owners)
			}
			if owners == 0 {
				continue
			}
			for pname, p := range earlier {
				if p(name) {
					t.Errorf("%s matches %s, a text of batch 19 or later", pname, name)
				}
			}
		}
	}
}
