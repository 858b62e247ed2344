package reports

import (
	"bytes"
	"fmt"
	"testing"
)

// xlsxBenchCopies is how many times the bundled corpus is repeated: 25
// copies of its four documents give 7,100 evidence rows, enough for
// the rows (not the fixed parts of the workbook) to dominate.
const xlsxBenchCopies = 25

// benchReport is the bundled corpus repeated xlsxBenchCopies times, each
// copy under its own file names so that rows differ as they do in a run.
func benchReport(b *testing.B) *Report {
	b.Helper()
	base := bundledReport(b)
	r := &Report{Codebook: base.Codebook, Registry: base.Registry}
	for i := range xlsxBenchCopies {
		for _, d := range base.Documents {
			c := *d
			c.File = fmt.Sprintf("testdata/corpus/copy%02d/%s", i, d.File[len("testdata/corpus/"):])
			r.Documents = append(r.Documents, &c)
		}
	}
	return r
}

// BenchmarkWriteXLSX measures coverage.xlsx alone: a first write before
// the timer computes what the report caches (similarity), which the run
// shares with other writers.
func BenchmarkWriteXLSX(b *testing.B) {
	r := benchReport(b)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := WriteXLSX(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	// after the loop: ResetTimer drops metrics reported before it
	b.ReportMetric(float64(evidenceTable(r, r.EachFull).size()), "evidence-rows")
	b.ReportMetric(float64(buf.Len()), "file-bytes")
}

// BenchmarkWriteXLSXSource measures coverage.xlsx written from a source
// that decodes each analysis as it gives it (as a run's spill does):
// "shared" reads the evidence and actions sheets from one pass (as
// WriteAll does), "own" from a pass each (as before). The bytes are the
// same (TestXLSXSharedPass).
func BenchmarkWriteXLSXSource(b *testing.B) {
	base := benchReport(b)
	src := newRoundTripSource(b, base.Documents)
	r := &Report{Documents: src.sums, Source: src, Codebook: base.Codebook, Registry: base.Registry}
	for _, mode := range []string{"shared", "own"} {
		b.Run(mode, func(b *testing.B) {
			write := func(buf *bytes.Buffer) error {
				if mode == "shared" {
					return writeWorkbookEach(buf, r, XLSXSheets(r), r.EachFull)
				}
				return writeWorkbook(buf, r, XLSXSheets(r))
			}
			var buf bytes.Buffer
			if err := write(&buf); err != nil { // the similarities, computed once
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				buf.Reset()
				if err := write(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
