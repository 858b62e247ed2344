package analysis

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/ingest"
)

// fillValue sets every exported field reachable from v to a non-zero
// value drawn from rng: strings, numbers, bools, slices of two elements,
// maps of two entries.
func fillValue(t *testing.T, v reflect.Value, rng *rand.Rand, path string) {
	switch v.Kind() {
	case reflect.Struct:
		tp := v.Type()
		for i := range v.NumField() {
			if tp.Field(i).IsExported() {
				fillValue(t, v.Field(i), rng, path+"."+tp.Field(i).Name)
			}
		}
	case reflect.String:
		v.SetString([]string{"å", "arbete", "a \"quoted\"\n line", "x"}[rng.IntN(4)] + string(rune('a'+rng.IntN(26))))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(rng.Int64N(2000) - 1000 + 1)
	case reflect.Float64:
		v.SetFloat(rng.Float64() + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fillValue(t, s.Index(i), rng, path+"[]")
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			fillValue(t, v.Index(i), rng, path+"[]")
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			fillValue(t, k, rng, path+"{key}")
			e := reflect.New(v.Type().Elem()).Elem()
			fillValue(t, e, rng, path+"{}")
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		t.Fatalf("%s: the codec test cannot fill a %s; teach it, and the codec", path, v.Kind())
	}
}

// TestCodecCoversEveryField: an analysis with every exported field set
// (except Segments, which the store keeps elsewhere) survives the store
// encoding unchanged. A field added to DocumentAnalysis or the types it
// holds but not to codec.go fails here.
func TestCodecCoversEveryField(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var d DocumentAnalysis
		fillValue(t, reflect.ValueOf(&d).Elem(), rng, "DocumentAnalysis")
		d.Segments = nil
		// The attribution is stored as what it is decided from: only
		// a decided one comes back as it went in.
		d.Municipality = d.Municipality.Decide(d.Municipality.MinConfidence)
		data := EncodeAnalysis(&d)
		got, err := DecodeAnalysis(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, &d) {
			t.Fatalf("seed %d: analysis does not round-trip:\n got %+v\nwant %+v", seed, got, &d)
		}
		again := EncodeAnalysis(got)
		if !bytes.Equal(again, data) {
			t.Fatalf("seed %d: encoding is not deterministic", seed)
		}
	}
}

// TestCodecEmpty: an empty analysis decodes with empty, not nil, slices
// and maps (as NormalizeEmpty makes them).
func TestCodecEmpty(t *testing.T) {
	data := EncodeAnalysis(&DocumentAnalysis{})
	got, err := DecodeAnalysis(data)
	if err != nil {
		t.Fatal(err)
	}
	want := DocumentAnalysis{}
	NormalizeEmpty(&want)
	want.Segments = nil
	want.Municipality = want.Municipality.Decide(0)
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("empty analysis: got %+v, want %+v", got, &want)
	}
}

// TestCodecCorrupt: truncated, extended and random data give an error,
// never a panic or a huge allocation.
func TestCodecCorrupt(t *testing.T) {
	a := testAnalyzer(t)
	doc, err := ingest.Load("../testdata/corpus/tierp-handlingsplan-integration-2017.txt", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := a.Analyze(doc)
	data := EncodeAnalysis(d)
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, err := DecodeAnalysis(data[:n]); !errors.Is(err, errCorrupt) {
			t.Fatalf("%d of %d bytes: err = %v, want errCorrupt", n, len(data), err)
		}
	}
	if _, err := DecodeAnalysis(append(bytes.Clone(data), 0)); !errors.Is(err, errCorrupt) {
		t.Fatalf("a byte too many: err = %v", err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b := bytes.Clone(data)
		for range 1 + rng.IntN(4) {
			b[len(codecMagic)+rng.IntN(len(b)-len(codecMagic))] = byte(rng.IntN(256))
		}
		DecodeAnalysis(b) // must not panic; may or may not notice
	}
	huge := append([]byte(codecMagic), 0xff, 0xff, 0xff, 0xff, 0x07)
	if _, err := DecodeAnalysis(huge); err == nil {
		t.Fatal("a string longer than the data decoded")
	}
}

// FuzzDecodeAnalysis: no input makes the decoder panic, and what it
// accepts survives encoding and decoding again. (The bytes may differ:
// the decoder accepts overlong varints and repeated map keys.)
func FuzzDecodeAnalysis(f *testing.F) {
	data := EncodeAnalysis(&DocumentAnalysis{File: "a.txt", Themes: []ThemeCoverage{{ID: "work", Evidence: []ThemeHit{{Theme: "work", Matched: []Match{{Text: "arbete"}}}}}},
		Modalities: map[Modality]int{ModCommitment: 2}})
	f.Add(data)
	f.Add([]byte(codecMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := DecodeAnalysis(b)
		if err != nil {
			return
		}
		again := EncodeAnalysis(d)
		d2, err := DecodeAnalysis(again)
		if err != nil {
			t.Fatalf("a decoded analysis does not decode again: %v", err)
		}
		// Compared as encodings, which are canonical (DeepEqual would
		// call a NaN from random bytes unequal to itself).
		if third := EncodeAnalysis(d2); !bytes.Equal(third, again) {
			t.Fatal("decoded analysis does not survive another round trip")
		}
	})
}

// TestNormalizeEmptyPlan: the planned walk fills the same nil slices and
// maps as the reflection walk, at every depth.
func TestNormalizeEmptyPlan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	var d DocumentAnalysis
	fillValue(t, reflect.ValueOf(&d).Elem(), rng, "DocumentAnalysis")
	d.Themes[0].Evidence[1].Matched = nil
	d.Themes[1].Headings = nil
	d.Sections[0].Themes = nil
	d.Quality.EvaluationSentences = nil
	d.Modalities = nil
	d.Terms.Stems = nil
	d.Segments = nil
	want := d
	want.Themes = slices.Clone(d.Themes) // the walks write into shared slices
	NormalizeEmpty(&d)
	normalizeEmptyValue(reflect.ValueOf(&want).Elem())
	if !reflect.DeepEqual(d, want) || d.Themes[0].Evidence[1].Matched == nil || d.Modalities == nil {
		t.Fatal("planned and reflective walks differ")
	}
	var zero, zeroWant DocumentAnalysis
	NormalizeEmpty(&zero)
	normalizeEmptyValue(reflect.ValueOf(&zeroWant).Elem())
	if !reflect.DeepEqual(zero, zeroWant) {
		t.Fatal("planned and reflective walks differ on an empty analysis")
	}
}
