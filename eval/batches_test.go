package eval

import (
	"fmt"
	"testing"
)

// TestBatchPredicatesMissNNames checks that the batch predicates the
// floors are split by reach the names they were written for and no
// other: from batch 19 on the municipal texts take the prefix n (batch
// 19: n001-n023, batch 20: n024-n044, batch 21: n045-n066, batch 22:
// n067-n089, batch 23: n090-n110, batch 24: n111-n125), and a
// predicate testing a string range without its prefix ("m888" <= x) would
// take n-names into the texts an older floor was set on.
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
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		if got, want := batch24(name), i >= 111 && i <= 125; got != want {
			t.Errorf("batch24(%s) = %v, want %v", name, got, want)
		}
		if batch24(name) && (batch19(name) || batch20(name) || batch21(name) || batch22(name) || batch23(name)) {
			t.Errorf("batch24 and an earlier batch both match %s", name)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m111.txt", false}, {"texts/m125.txt", false}, {"texts/o977.txt", false},
		{"texts/o978.txt", true}, {"texts/o983.txt", true}, {"texts/o984.txt", false},
		{"texts/t115.txt", false}, {"texts/t116.txt", true}, {"texts/t123.txt", true},
		{"texts/t124.txt", false}, {"texts/n110.txt", false}, {"texts/n126.txt", false},
		{"texts/r111.txt", false},
	} {
		if got := batch24(c.name); got != c.want {
			t.Errorf("batch24(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	batch24Names := []string{"texts/n111.txt", "texts/n125.txt", "texts/o978.txt", "texts/o983.txt", "texts/t116.txt", "texts/t123.txt"}
	for pname, p := range earlier {
		for _, name := range batch24Names {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 24", pname, name)
			}
		}
	}
	for _, name := range batch24Names {
		if batch19(name) || batch20(name) || batch21(name) || batch22(name) || batch23(name) {
			t.Errorf("batch19, batch20, batch21, batch22 or batch23 matches %s, a text of batch 24", name)
		}
	}
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		if got, want := batch23(name), i >= 90 && i <= 110; got != want {
			t.Errorf("batch23(%s) = %v, want %v", name, got, want)
		}
		if batch23(name) && (batch19(name) || batch20(name) || batch21(name) || batch22(name)) {
			t.Errorf("batch23 and an earlier batch both match %s", name)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m090.txt", false}, {"texts/m110.txt", false}, {"texts/o965.txt", false},
		{"texts/o966.txt", true}, {"texts/o977.txt", true}, {"texts/o978.txt", false},
		{"texts/t107.txt", false}, {"texts/t108.txt", true}, {"texts/t115.txt", true},
		{"texts/t116.txt", false}, {"texts/n089.txt", false}, {"texts/n111.txt", false},
		{"texts/r090.txt", false},
	} {
		if got := batch23(c.name); got != c.want {
			t.Errorf("batch23(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	batch23Names := []string{"texts/n090.txt", "texts/n110.txt", "texts/o966.txt", "texts/o977.txt", "texts/t108.txt", "texts/t115.txt"}
	for pname, p := range earlier {
		for _, name := range batch23Names {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 23", pname, name)
			}
		}
	}
	for _, name := range batch23Names {
		if batch19(name) || batch20(name) || batch21(name) || batch22(name) {
			t.Errorf("batch19, batch20, batch21 or batch22 matches %s, a text of batch 23", name)
		}
	}
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		if got, want := batch22(name), i >= 67 && i <= 89; got != want {
			t.Errorf("batch22(%s) = %v, want %v", name, got, want)
		}
		if batch22(name) && (batch19(name) || batch20(name) || batch21(name)) {
			t.Errorf("batch22 and an earlier batch both match %s", name)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m067.txt", false}, {"texts/m089.txt", false}, {"texts/o952.txt", false},
		{"texts/o953.txt", true}, {"texts/o965.txt", true}, {"texts/o966.txt", false},
		{"texts/t098.txt", false}, {"texts/t099.txt", true}, {"texts/t107.txt", true},
		{"texts/t108.txt", false}, {"texts/n066.txt", false}, {"texts/n090.txt", false},
	} {
		if got := batch22(c.name); got != c.want {
			t.Errorf("batch22(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	batch22Names := []string{"texts/n067.txt", "texts/n089.txt", "texts/o953.txt", "texts/o965.txt", "texts/t099.txt", "texts/t107.txt"}
	for pname, p := range earlier {
		for _, name := range batch22Names {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 22", pname, name)
			}
		}
	}
	for _, name := range batch22Names {
		if batch19(name) || batch20(name) || batch21(name) {
			t.Errorf("batch19, batch20 or batch21 matches %s, a text of batch 22", name)
		}
	}
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		if got, want := batch21(name), i >= 45 && i <= 66; got != want {
			t.Errorf("batch21(%s) = %v, want %v", name, got, want)
		}
		if batch21(name) && (batch19(name) || batch20(name)) {
			t.Errorf("batch21 and an earlier batch both match %s", name)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m045.txt", false}, {"texts/m066.txt", false}, {"texts/o940.txt", false},
		{"texts/o941.txt", true}, {"texts/o952.txt", true}, {"texts/o953.txt", false},
		{"texts/t089.txt", false}, {"texts/t090.txt", true}, {"texts/t098.txt", true},
		{"texts/t099.txt", false}, {"texts/n044.txt", false}, {"texts/n067.txt", false},
	} {
		if got := batch21(c.name); got != c.want {
			t.Errorf("batch21(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	batch21Names := []string{"texts/n045.txt", "texts/n066.txt", "texts/o941.txt", "texts/o952.txt", "texts/t090.txt", "texts/t098.txt"}
	for pname, p := range earlier {
		for _, name := range batch21Names {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 21", pname, name)
			}
		}
	}
	for _, name := range batch21Names {
		if batch19(name) || batch20(name) {
			t.Errorf("batch19 or batch20 matches %s, a text of batch 21", name)
		}
	}
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		if got, want := batch20(name), i >= 24 && i <= 44; got != want {
			t.Errorf("batch20(%s) = %v, want %v", name, got, want)
		}
		if batch19(name) && batch20(name) {
			t.Errorf("batch19 and batch20 both match %s", name)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m024.txt", false}, {"texts/m041.txt", false}, {"texts/o927.txt", false},
		{"texts/o928.txt", true}, {"texts/o940.txt", true}, {"texts/o941.txt", false},
		{"texts/t081.txt", false}, {"texts/t082.txt", true}, {"texts/t089.txt", true},
		{"texts/t090.txt", false},
	} {
		if got := batch20(c.name); got != c.want {
			t.Errorf("batch20(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	for pname, p := range earlier {
		for _, name := range []string{"texts/o928.txt", "texts/o940.txt", "texts/t082.txt", "texts/t089.txt"} {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 20", pname, name)
			}
		}
	}
	for _, name := range []string{"texts/o928.txt", "texts/o940.txt", "texts/t082.txt", "texts/t089.txt"} {
		if batch19(name) {
			t.Errorf("batch19 matches %s, a text of batch 20", name)
		}
	}
	for i := 1; i <= 999; i++ {
		name := fmt.Sprintf("texts/n%03d.txt", i)
		for pname, p := range earlier {
			if p(name) {
				t.Errorf("%s matches %s, a municipal text of batch 19 or later", pname, name)
			}
		}
		if got, want := batch19(name), i <= 23; got != want {
			t.Errorf("batch19(%s) = %v, want %v", name, got, want)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"texts/m999.txt", false}, {"texts/o912.txt", false}, {"texts/o913.txt", true},
		{"texts/o927.txt", true}, {"texts/o928.txt", false}, {"texts/t075.txt", false},
		{"texts/t076.txt", true}, {"texts/t081.txt", true}, {"texts/t082.txt", false},
	} {
		if got := batch19(c.name); got != c.want {
			t.Errorf("batch19(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	for pname, p := range earlier {
		for _, name := range []string{"texts/o913.txt", "texts/o927.txt", "texts/t076.txt", "texts/t081.txt"} {
			if p(name) {
				t.Errorf("%s matches %s, a text of batch 19", pname, name)
			}
		}
	}
}
