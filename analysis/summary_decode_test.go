package analysis

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// summaryOfFull is what DecodeSummary must equal: the full decode's
// summary.
func summaryOfFull(data []byte) (*DocumentAnalysis, error) {
	d, err := DecodeShared(data, nil)
	if err != nil {
		return nil, err
	}
	return Summary(d), nil
}

// sameSummary fails t unless DecodeSummary and the full decode's summary
// both fail, or both give the same analysis. Compared as encodings when
// DeepEqual says no: random bytes can decode to a NaN, unequal to itself.
func sameSummary(t *testing.T, what string, data []byte) {
	t.Helper()
	got, gerr := DecodeSummary(data, map[string]string{})
	want, werr := summaryOfFull(data)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("%s: DecodeSummary err = %v, full decode err = %v", what, gerr, werr)
	}
	if gerr != nil {
		if gerr.Error() != werr.Error() {
			t.Fatalf("%s: DecodeSummary err = %v, full decode err = %v", what, gerr, werr)
		}
		return
	}
	if !IsSummary(got) {
		t.Fatalf("%s: DecodeSummary kept evidence, headings, sections or actions", what)
	}
	if !reflect.DeepEqual(got, want) && !bytes.Equal(EncodeAnalysis(got), EncodeAnalysis(want)) {
		t.Fatalf("%s: DecodeSummary\n got %+v\nwant %+v", what, got, want)
	}
}

// TestDecodeSummaryMatchesFull: on analyses with every field set, on the
// analyses of the bundled corpus, on every truncation of one of them and
// on randomly damaged copies, DecodeSummary gives the full decode's
// summary, or fails where the full decode fails with the same error.
func TestDecodeSummaryMatchesFull(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 11))
		var d DocumentAnalysis
		fillValue(t, reflect.ValueOf(&d).Elem(), rng, "DocumentAnalysis")
		d.Segments = nil
		sameSummary(t, "filled", EncodeAnalysis(&d))
	}
	sameSummary(t, "empty", EncodeAnalysis(&DocumentAnalysis{}))

	a := testAnalyzer(t)
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files (%v)", err)
	}
	var data []byte
	for _, f := range files {
		doc, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := a.Analyze(doc)
		if len(d.Themes) == 0 || len(d.Sections) == 0 {
			t.Fatalf("%s: no themes or sections: the test would not read over them", f)
		}
		data = EncodeAnalysis(d)
		sameSummary(t, f, data)
	}
	for n := 0; n < len(data); n += 1 + n/100 {
		sameSummary(t, "truncated", data[:n])
	}
	sameSummary(t, "a byte too many", append(bytes.Clone(data), 0))
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		b := bytes.Clone(data)
		for range 1 + rng.IntN(4) {
			b[len(codecMagic)+rng.IntN(len(b)-len(codecMagic))] = byte(rng.IntN(256))
		}
		sameSummary(t, "damaged", b)
	}
}

// FuzzDecodeSummary: for any input DecodeSummary agrees with the full
// decode followed by Summary.
func FuzzDecodeSummary(f *testing.F) {
	f.Add(EncodeAnalysis(&DocumentAnalysis{File: "a.txt", Themes: []ThemeCoverage{{ID: "work", Headings: []int{3}, Evidence: []ThemeHit{{Theme: "work", Matched: []Match{{Text: "arbete"}}}}}},
		Sections: []Section{{Heading: "Mål", Themes: []string{"work"}}}, Actions: []Action{{Text: "x"}},
		Modalities: map[Modality]int{ModCommitment: 2}, Warnings: []string{"w"}}))
	f.Add([]byte(codecMagic))
	f.Fuzz(func(t *testing.T, b []byte) { sameSummary(t, "fuzz", b) })
}
