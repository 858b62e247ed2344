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
