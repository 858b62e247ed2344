package reports

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// encodeStd is what json.Encoder writes for v (newline included).
func encodeStd(t *testing.T, v any, escapeHTML bool) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestAppendJSONStringMatches: strings are escaped as encoding/json
// escapes them, with and without HTML escaping, on every ASCII byte,
// invalid UTF-8, U+2028/2029 and random mixtures of them.
func TestAppendJSONStringMatches(t *testing.T) {
	cases := []string{"", "plain", "å ä ö é", "<script>&</script>", "\u2028\u2029", "\xff\xfe", "a\xc3", "\x7f\x00\x1f",
		"tab\there\nnl\r\b\f\"\\", "\uFFFD", "😀 emoji"}
	for c := 0; c < 128; c++ {
		cases = append(cases, string(rune(c)))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "<", ">", "&", "\"", "\\", "\n", "\x01", "\x7f", "\xff", "\xe2\x80\xa8", "\xe2\x80", "ö", "\u2029", " ", "€"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, esc := range []bool{false, true} {
			want := encodeStd(t, s, esc)
			got := append(appendJSONString(nil, s, esc), '\n')
			if !bytes.Equal(got, want) {
				t.Fatalf("%q (escapeHTML %v): got %s, want %s", s, esc, got, want)
			}
		}
	}
}

// TestAppendJSONFloatMatches: numbers take encoding/json's form at the
// edges of its 'f'/'e' switch and elsewhere; NaN and infinities fail.
func TestAppendJSONFloatMatches(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.0 / 3, 0.25, 123.456, 1e-6, 9.99999e-7, 1e-7, 1.5e-10,
		-2.5e-300, 5e-324, 1e20, 1e21, 1.2e21, -1e21, math.MaxFloat64, 0.9999, 0.12345678901234567}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		vals = append(vals, rng.Float64(), rng.NormFloat64()*1e6, math.Float64frombits(rng.Uint64()))
	}
	for _, f := range vals {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendJSONFloat(nil, f)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%v: got %s (%v), want %s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := appendJSONFloat(nil, f); err == nil {
			t.Errorf("%v: no error; encoding/json refuses it", f)
		}
	}
	if _, err := appendRunDocumentJSON(nil, &RunDocumentJSON{Quality: analysis.Quality{ShareTime: math.NaN()}}); err == nil {
		t.Error("a NaN share: documents.jsonl's appender gave no error")
	}
}

// fillValue sets every field of v (a pointer) to a value no zero value
// equals, recursively: strings carry their field's name and markup,
// numbers count up, bools are true, slices and maps get two elements,
// pointers are set. A field a JSON appender forgets then shows in
// encoding/json's output and not in the appender's.
func fillValue(v reflect.Value, n *int, name string) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(name + "<&>\u2028\"é" + strings.Repeat("x", *n%3))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem(), n, name)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fillValue(s.Index(i), n, name)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillValue(k, n, name+"key")
			fillValue(e, n, name)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillValue(v.Field(i), n, v.Type().Field(i).Name)
			}
		}
	default:
		panic("fillValue: no case for " + v.Kind().String())
	}
}

// TestJSONAppendersMatchEncodingJSON: documents.jsonl's lines and
// report.html's document entries are encoding/json's bytes, for values
// with every field set (fillValue: a field added to DocumentHead,
// analysis.Section, analysis.Quality... and not to the appenders fails
// here), for zero values (nulls for nil slices and maps), and for the
// real analyses of the bundled corpus and a hostile document.
func TestJSONAppendersMatchEncodingJSON(t *testing.T) {
	checkRun := func(what string, d *RunDocumentJSON) {
		t.Helper()
		got, err := appendRunDocumentJSON(nil, d)
		if err != nil {
			t.Fatal(err)
		}
		if want := encodeStd(t, d, false); !bytes.Equal(got, want) {
			t.Fatalf("%s: documents.jsonl line\n got %s\nwant %s", what, got, want)
		}
	}
	checkHTML := func(what string, d *htmlDoc) {
		t.Helper()
		got, err := d.appendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := encodeStd(t, d, true); !bytes.Equal(got, want) {
			t.Fatalf("%s: report.html entry\n got %s\nwant %s", what, got, want)
		}
	}
	for i := range 3 { // different counters: omitempty fields and small numbers differ
		var rd RunDocumentJSON
		var hd htmlDoc
		n := i
		fillValue(reflect.ValueOf(&rd).Elem(), &n, "")
		fillValue(reflect.ValueOf(&hd).Elem(), &n, "")
		checkRun("filled", &rd)
		checkHTML("filled", &hd)
	}
	checkRun("zero", &RunDocumentJSON{})
	checkHTML("zero", &htmlDoc{})
	checkHTML("omitempty", &htmlDoc{Sentences: []htmlSentence{{Page: 1, Kind: "sentence", Text: "t"}}, Themes: []htmlDocTh{{Hits: [][]int{nil, {}}}}})

	for _, r := range []*Report{hostileReport(t)} { // the bundled corpus and a document of markup
		sim := r.similarity()
		for i, d := range r.Documents {
			dj := newRunDocumentJSON(d)
			for _, p := range sim.TopPeers(i, maxPeers, nil) {
				dj.Peers = append(dj.Peers, PeerJSON{File: p.Doc.File, Similarity: p.Similarity})
			}
			checkRun(d.File, &dj)
			hd := newHTMLDoc(d, sim.TopPeers(i, maxPeers, nil))
			checkHTML(d.File, &hd)
		}
	}
}
