package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
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
		b := newBuffer(strings.NewReader(in+" "), 0)
		var got, want any
		func() {
			defer func() {
				if r := recover(); r != nil {
					got = fmt.Sprint("panic ", r)
				}
			}()
			got = b.readKeyword()
		}()
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
			t.Errorf("readKeyword(%q) = %#v, want %#v", in, got, want)
		}
	}
}
