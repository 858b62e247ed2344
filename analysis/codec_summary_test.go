package analysis

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// TestDecodeSummary: DecodeSummary gives exactly Summary of the full
// decoding, for every document of testdata/corpus and the mixed folder,
// and refuses what DecodeShared refuses (every cut of an encoding).
func TestDecodeSummary(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	m, _ := filepath.Glob("../testdata/mixed/good-*")
	files = append(files, m...)
	n := 0
	for _, f := range files {
		doc, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			continue
		}
		d := a.Analyze(doc)
		NormalizeEmpty(d)
		data := EncodeAnalysis(d)
		full, err := DecodeShared(data, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeSummary(data, nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if want := Summary(full); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: DecodeSummary differs from Summary of the full decoding", f)
		}
		for cut := len(codecMagic); cut < len(data); cut += 1 + len(data)/97 {
			_, errFull := DecodeShared(data[:cut], nil)
			_, errSum := DecodeSummary(data[:cut], nil)
			if (errFull == nil) != (errSum == nil) || (errSum != nil && !errors.Is(errSum, errCorrupt)) {
				t.Fatalf("%s cut at %d: DecodeSummary %v, DecodeShared %v", f, cut, errSum, errFull)
			}
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d documents", n)
	}
}
