package reports

import (
	"bytes"
	"math"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// TestAppendDecided: the same decisions append the same bytes, and
// changing any one field of the attribution (every field, found by
// reflection, so a field added later is checked too), the file name or
// the status appends other bytes; two strings moved between neighbouring
// fields do too.
func TestAppendDecided(t *testing.T) {
	base := analysis.DocumentAnalysis{File: "a.txt"}
	base.Meta.Status = "current"
	base.Municipality = analysis.Attribution{Code: "1780", Name: "Karlstad", Confidence: 0.9, Reason: "r",
		Candidates: [2]analysis.Candidate{{Code: "1780", Name: "Karlstad"}, {Code: "1715"}}}
	want := AppendDecided(nil, &base)
	copyOf := base
	if got := AppendDecided(nil, &copyOf); !bytes.Equal(got, want) {
		t.Fatal("the same decisions append other bytes")
	}
	changed := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
			return
		case reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), path+"[]")
			}
			return
		}
		old := reflect.ValueOf(v.Interface())
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Float64:
			v.SetFloat(math.Nextafter(v.Float(), 2))
		case reflect.Int, reflect.Int64, reflect.Int32:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		default:
			t.Fatalf("%s: a %s: the test cannot change it", path, v.Kind())
		}
		if got := AppendDecided(nil, &copyOf); bytes.Equal(got, want) {
			t.Errorf("%s changed: the same bytes", path)
		}
		v.Set(old)
		changed++
	}
	walk(reflect.ValueOf(&copyOf.Municipality).Elem(), "Municipality")
	if changed < 10 {
		t.Fatalf("only %d fields changed", changed)
	}
	if got := AppendDecided(nil, &copyOf); !bytes.Equal(got, want) {
		t.Fatal("the fields set back append other bytes")
	}
	for _, edit := range []func(d *analysis.DocumentAnalysis){
		func(d *analysis.DocumentAnalysis) { d.File = "b.txt" },
		func(d *analysis.DocumentAnalysis) { d.Meta.Status = "expired" },
		func(d *analysis.DocumentAnalysis) { d.Municipality.Code, d.Municipality.Name = "1780K", "arlstad" },
		func(d *analysis.DocumentAnalysis) { d.File, d.Municipality.Code = "a.txt1780", "" },
	} {
		d := base
		edit(&d)
		if bytes.Equal(AppendDecided(nil, &d), want) {
			t.Errorf("%+v: the same bytes as %+v", d.Municipality, base.Municipality)
		}
	}
}
