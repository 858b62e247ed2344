package reports

import (
	"bytes"
	"strconv"
	"testing"
)

// TestAppendNumbered: rows rendered with rowPlaceholder for their number
// and numbered by appendNumbered are the rows rendered with their
// numbers, blank cells (whose successors carry a reference with the row
// number) and text that looks like a row included.
func TestAppendNumbered(t *testing.T) {
	recs := [][]string{
		{"a.txt", "0180", "Stockholm", "12", "0.25"},
		{"b.txt", "", "", "3", ""},              // blank cells: the next ones carry a reference
		{`<row r="x">`, "1440", "Ale", "", "1"}, // text like a row's start is escaped
		{"c.txt\x00", "2", "", "", "0.5"},       // a NUL in a cell is dropped, not a placeholder
	}
	types := "TTTIF"
	rw := newSheetRows(len(types))
	for start := 0; start < 3; start++ {
		var want []byte
		for k, rec := range recs {
			want = rw.appendRow(want, []byte(strconv.Itoa(start+k+2)), rec, "", types)
		}
		var frag []byte
		for _, rec := range recs {
			frag = rw.appendRow(frag, []byte{rowPlaceholder}, rec, "", types)
		}
		// two documents' fragments, one row and the rest
		first := bytes.Index(frag[1:], []byte(`<row r="`)) + 1
		p := &xlsxPart{}
		n := start
		var num []byte
		p.appendNumbered(frag[:first], &n, &num)
		p.appendNumbered(frag[first:], &n, &num)
		if !bytes.Equal(p.buf, want) {
			t.Fatalf("from row %d:\n got %q\nwant %q", start+2, p.buf, want)
		}
		if n != start+len(recs) {
			t.Fatalf("from row %d: %d rows counted, want %d", start+2, n-start, len(recs))
		}
	}
}
