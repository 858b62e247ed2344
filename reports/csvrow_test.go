package reports

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendCSVRowMatchesEncodingCSV: writeTable's rows are the bytes
// encoding/csv's Writer gives for the CSVSafe'd fields, for fields that
// need quoting for every reason it has (comma, quote, CR, LF, leading
// white space including Unicode's, `\.`), formula leads, and random
// mixtures of them.
func TestAppendCSVRowMatchesEncodingCSV(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\rhere", "crlf\r\n", " lead", "\tlead", "\u00a0nbsp", "\u2003em",
		`\.`, `\..`, "=SUM(A1)", "+1", "-1", "-x", "@x", "'=x", "''", "12.5", "trail ", "å,ä", "\xff", `"`, `""`}
	check := func(row []string) {
		t.Helper()
		var want bytes.Buffer
		cw := csv.NewWriter(&want)
		safe := make([]string, len(row))
		for i, f := range row {
			safe[i] = CSVSafe(f)
		}
		if err := cw.Write(safe); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		if got := appendCSVRow(nil, row); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%q:\n got %q\nwant %q", row, got, want.Bytes())
		}
	}
	for _, f := range fields {
		check([]string{f})
		check([]string{f, f})
		// the same in a long field, at its start, middle and end
		long := strings.Repeat("x", csvScanShort)
		check([]string{f + long, long + f + long, long + f})
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", ",", `"`, "\r", "\n", " ", "\t", "=", "-", "'", "ö", "\u2028", "1", "."}
	for range 3000 {
		row := make([]string, 1+rng.IntN(4))
		for i := range row {
			var b strings.Builder
			n := rng.IntN(6)
			if rng.IntN(3) == 0 { // long enough for csvNeedsQuotes' IndexByte search
				n = csvScanShort + rng.IntN(40)
			}
			for range n {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			row[i] = b.String()
		}
		check(row)
	}
}
