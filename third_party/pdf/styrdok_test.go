package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// Tests of the styrdok patches (PATCHES.md).

func testPDF(content string, lengthDelta int, prevSelf bool) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+lengthDelta, content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	prev := ""
	if prevSelf {
		prev = fmt.Sprintf(" /Prev %d", x)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, prev, x)
	return b.Bytes()
}

func contentOf(t *testing.T, r *Reader) string {
	t.Helper()
	data, err := io.ReadAll(r.Page(1).V.Key("Contents").Reader())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestPrevLoop(t *testing.T) {
	data := testPDF("BT ET", 0, true)
	if _, err := NewReader(bytes.NewReader(data), int64(len(data))); !errors.Is(err, errXrefLoop) {
		t.Fatalf("err = %v, want the loop", err)
	}
	r, err := NewReaderOptions(bytes.NewReader(data), int64(len(data)), nil, ReaderOptions{Repair: true})
	if err != nil || !errors.Is(r.Repaired(), errXrefLoop) {
		t.Fatalf("repair: %v, %v", err, r.Repaired())
	}
	if got := contentOf(t, r); got != "BT ET" {
		t.Errorf("content %q", got)
	}
}

func TestStreamLength(t *testing.T) {
	for _, d := range []int{-3, 0, 7} {
		data := testPDF("BT (abc) Tj ET", d, false)
		r, err := NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		if got := contentOf(t, r); got != "BT (abc) Tj ET" {
			t.Errorf("length %+d: content %q", d, got)
		}
	}
}

func TestOpenHexStringEnds(t *testing.T) {
	for _, c := range []string{"BT <4142", "BT <", "<41 42 4"} {
		data := testPDF(c, 0, false)
		r, err := NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		Interpret(r.Page(1).V.Key("Contents"), func(stk *Stack, op string) { n++ }) // returns
	}
}

type abortErr struct{}

func (abortErr) Error() string { return "stop" }
func (abortErr) AbortPDF()     {}

// An abort raised while a stream is read passes the library's recovers.
func TestWrapStreamAbort(t *testing.T) {
	data := testPDF("BT /F1 12 Tf (x) Tj ET", 0, false)
	r, err := NewReaderOptions(bytes.NewReader(data), int64(len(data)), nil, ReaderOptions{
		WrapStream: func(rd io.Reader) io.Reader { return abortReader{} },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if x := recover(); x == nil || !isAbort(x) {
			t.Errorf("recovered %v, want the abort", x)
		}
	}()
	Interpret(r.Page(1).V.Key("Contents"), func(stk *Stack, op string) {})
}

type abortReader struct{}

func (abortReader) Read([]byte) (int, error) { panic(abortErr{}) }

func TestXrefStreamWidths(t *testing.T) {
	strm := stream{hdr: dict{"W": array{int64(1), int64(1 << 30), int64(1)}, "Length": int64(0)}}
	_, err := readXrefStreamData(&Reader{}, strm, nil, 1)
	if err == nil || !strings.Contains(err.Error(), "invalid W") {
		t.Errorf("err = %v", err)
	}
}

// TestReadKeywordNumbers: the allocation-free number and operator paths
// give what strconv and a fresh keyword gave.
func TestReadKeywordNumbers(t *testing.T) {
	for _, in := range []string{"0", "-0", "+7", "123456789012345678", "-123456789012345678", "1234567890123456789", "-9223372036854775808", "3.25", "-.5", "+4.", "1.2.3", "Tj", "TJ", "foo", "true", "false", "null", "99999999999999999999"} {
		// read in place (the token ends inside the buffer), byte by byte
		// (one byte per read: every token crosses the buffer's end) and at
		// the end of the input; the token after it must be read intact
		for _, src := range []func(string) io.Reader{
			func(s string) io.Reader { return strings.NewReader(s) },
			func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		} {
			for _, tail := range []string{" (after)", "/after", ""} {
				b := newBuffer(src(in+tail), 0)
				b.allowEOF = true
				var got, want any
				func() {
					defer func() {
						if r := recover(); r != nil {
							got = fmt.Sprint("panic ", r)
						}
					}()
					got = b.readToken() // fills the buffer, then readKeyword
				}()
				if _, panicked := got.(string); !panicked && tail != "" {
					if next := b.readToken(); next != "after" && next != name("after") {
						t.Errorf("%q: the next token is %#v", in+tail, next)
					}
				}
				switch {
				case in == "true":
					want = true
				case in == "false":
					want = false
				case isInteger(in):
					if x, err := strconv.ParseInt(in, 10, 64); err == nil {
						want = x
					} else {
						want = fmt.Sprint("panic ", fmt.Errorf("invalid integer %s", in))
					}
				case isReal(in):
					x, _ := strconv.ParseFloat(in, 64)
					want = x
				default:
					want = keyword(in)
				}
				if got != want {
					t.Errorf("readKeyword(%q) = %#v, want %#v", in+tail, got, want)
				}
			}
		}
	}
}

// TestRefOf: an indirect entry gives its reference, a direct one or a
// missing key none, on a dictionary and on a stream's dictionary.
func TestRefOf(t *testing.T) {
	data := testPDF("BT ET", 0, false)
	r, err := NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	page := r.Page(1).V
	if id, gen, ok := page.RefOf("Contents"); !ok || id != 4 || gen != 0 {
		t.Errorf("Contents: %d %d %v, want 4 0 true", id, gen, ok)
	}
	if id, gen, ok := page.RefOf("Parent"); !ok || id != 2 || gen != 0 {
		t.Errorf("Parent: %d %d %v, want 2 0 true", id, gen, ok)
	}
	for _, k := range []string{"MediaBox", "Type", "Missing"} {
		if _, _, ok := page.RefOf(k); ok {
			t.Errorf("%s: a direct or missing entry has no reference", k)
		}
	}
	if _, _, ok := page.Key("Contents").RefOf("Length"); ok {
		t.Error("stream /Length is direct")
	}
	if _, _, ok := page.Key("MediaBox").RefOf("Length"); ok {
		t.Error("an array has no entries")
	}
}

func zlibBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestInflaterReuse: a stream read to its end gives its inflater to the
// next, a finished stream keeps returning EOF without touching the reused
// inflater, two streams open at once each read their own data, and a bad
// header panics as zlib.NewReader's error did.
func TestInflaterReuse(t *testing.T) {
	r := &Reader{}
	read := func(rd io.Reader) string {
		t.Helper()
		b, err := io.ReadAll(rd)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	long := strings.Repeat("abcdefghij", 10000) // past one window
	a := r.inflate(bytes.NewReader(zlibBytes(t, long)))
	if got := read(a); got != long {
		t.Fatalf("first stream: %d bytes", len(got))
	}
	if len(r.inflaters) != 1 {
		t.Fatalf("%d inflaters kept, want 1", len(r.inflaters))
	}
	b := r.inflate(bytes.NewReader(zlibBytes(t, "second")))
	if len(r.inflaters) != 0 {
		t.Fatal("the kept inflater was not reused")
	}
	var p [8]byte
	if n, err := a.Read(p[:]); n != 0 || err != io.EOF {
		t.Fatalf("finished stream read again: %d, %v", n, err)
	}
	c := r.inflate(bytes.NewReader(zlibBytes(t, "third")))
	if got := read(c) + read(b); got != "thirdsecond" {
		t.Fatalf("interleaved streams: %q", got)
	}
	func() {
		defer func() {
			if x := recover(); x != zlib.ErrHeader {
				t.Errorf("bad header: panic %v, want %v", x, zlib.ErrHeader)
			}
		}()
		r.inflate(strings.NewReader("not zlib"))
	}()
	// a truncated stream fails, and its error stays
	z := zlibBytes(t, long)
	d := r.inflate(bytes.NewReader(z[:len(z)/2]))
	if _, err := io.ReadAll(d); err == nil {
		t.Fatal("truncated stream read without error")
	}
	if _, err := d.Read(p[:]); err != io.ErrUnexpectedEOF {
		t.Fatalf("truncated stream read again: %v", err)
	}
	if got := read(r.inflate(bytes.NewReader(zlibBytes(t, "after")))); got != "after" {
		t.Fatalf("after a failed stream: %q", got)
	}
}

// TestReadArrayNested: arrays gathered on the scratch stack come out as
// before, nested and empty ones included (an empty array is nil, as
// upstream's), and a malformed element leaves the scratch empty.
func TestReadArrayNested(t *testing.T) {
	b := newBuffer(strings.NewReader("[1 [2 (x) /N] [] [[4.5]] 5] [<41> [] ]"), 0)
	b.allowEOF = true
	got := fmt.Sprintf("%#v %#v", b.readObject(), b.readObject())
	want := `pdf.array{1, pdf.array{2, "x", "N"}, pdf.array(nil), pdf.array{pdf.array{4.5}}, 5} pdf.array{"A", pdf.array(nil)}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(b.arrTmp) != 0 {
		t.Errorf("scratch holds %d elements", len(b.arrTmp))
	}
	b = newBuffer(strings.NewReader("[1 [2 <4x>] 3]"), 0)
	b.allowEOF = true
	func() {
		defer func() { recover() }()
		b.readObject()
		t.Error("a malformed hex string did not panic")
	}()
	if len(b.arrTmp) != 0 {
		t.Errorf("after a panic the scratch holds %d elements", len(b.arrTmp))
	}
}

// TestGlyphNamesSorted checks what nameToRune's binary search needs:
// glyphNames sorted by name, each name once; and a few lookups,
// present, absent and at both ends.
func TestGlyphNamesSorted(t *testing.T) {
	for i := 1; i < len(glyphNames); i++ {
		if glyphNames[i-1].name >= glyphNames[i].name {
			t.Fatalf("glyphNames[%d] %q not before [%d] %q", i-1, glyphNames[i-1].name, i, glyphNames[i].name)
		}
	}
	for _, c := range []struct {
		name string
		want rune
	}{
		{"adieresis", 'ä'}, {"Aring", 'Å'}, {"odieresis", 'ö'}, {"nbspace", 0xA0},
		{"endash", '–'}, {"quotedblright", '”'}, {"bullet", '•'}, {"space", ' '},
		{glyphNames[0].name, glyphNames[0].r},
		{glyphNames[len(glyphNames)-1].name, glyphNames[len(glyphNames)-1].r},
		{"", 0}, {"g1", 0}, {"adieresis ", 0}, {"zzzzzz", 0}, {"\x00", 0},
	} {
		if got := nameToRune(c.name); got != c.want {
			t.Errorf("nameToRune(%q) = %U, want %U", c.name, got, c.want)
		}
	}
}

// TestObjectBufferReuse: reading indirect objects one after another
// through the Reader's one re-used buffer gives the objects a new buffer
// per object gives, in either order and after an object whose reading
// panicked (a malformed array), including a string longer than the
// buffer's 4 kB.
func TestObjectBufferReuse(t *testing.T) {
	long := strings.Repeat("abc\\(def\\) ", 700)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> >>",
		"(" + long + ")",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica#20Bold /Widths [1 2.5 -3 [4 [5]] /N <414243>] >>",
		"<< /A [1 2 (unclosed >>",
		"[ 12345678901234567890.5 true false null /Name 7 0 R ]",
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offsets := make([]int64, len(objs)+1)
	for i, o := range objs {
		offsets[i+1] = int64(buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	data := buf.Bytes()
	r := &Reader{f: bytes.NewReader(data), end: int64(len(data))}
	read := func(b *buffer) (obj object, panicked bool) {
		defer func() {
			if recover() != nil {
				obj, panicked = nil, true
			}
		}()
		return b.readObject(), false
	}
	order := []int{1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1}
	for _, id := range order {
		off := offsets[id]
		want, wantPanic := read(newBuffer(io.NewSectionReader(r.f, off, r.end-off), off))
		got, gotPanic := read(r.objectBuffer(io.NewSectionReader(r.f, off, r.end-off), off))
		if gotPanic != wantPanic || !reflect.DeepEqual(got, want) {
			t.Errorf("object %d: re-used buffer %v (panicked %v), new buffer %v (panicked %v)", id, got, gotPanic, want, wantPanic)
		}
	}
	if _, panicked := read(newBuffer(io.NewSectionReader(r.f, offsets[6], r.end-offsets[6]), offsets[6])); !panicked {
		t.Log("object 6 read without a panic: the test no longer checks reuse after one")
	}
}

// TestIndexStringNoAlloc: reading a string element of an array through
// Value.Index does not allocate (resolve returns the element's interface
// value as it is), and gives the string.
func TestIndexStringNoAlloc(t *testing.T) {
	v := Value{data: array{"Hel", int64(-20), "lo"}}
	if got := v.Index(2).RawString(); got != "lo" {
		t.Fatalf("Index(2) = %q, want lo", got)
	}
	allocs := testing.AllocsPerRun(100, func() {
		if v.Index(0).Kind() != String || v.Index(2).Kind() != String {
			t.Fatal("not a string")
		}
	})
	if allocs != 0 {
		t.Errorf("Index of a string element allocated %.0f times", allocs)
	}
}
