package reports

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkColdLists times the cold search's lists alone (coldTop, the
// step whose cost per document grows with the corpus) on generated
// plans, in CPU a document as well as wall, since the machine is shared
// (docs/benchmarks.md, session 18):
//
//	go test -c -o reports.test ./reports
//	reports.test -test.run '^$' -test.bench 'ColdLists/docs=(2000|10000|20000)$' -test.benchtime 1x
func BenchmarkColdLists(b *testing.B) {
	for _, n := range []int{2000, 10000, 20000, 50000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			sv := pruneVectors(runVecs(genreCorpus(n, 1)), defaultSearch())
			rows, terms := packRows(sv), sv.terms
			ix := newColdWeights(rows, terms, sv, blockDocs)
			ix.fillDocs(rows)
			workers, depth := runtime.GOMAXPROCS(0), defaultSearch().depth
			b.ResetTimer()
			cpu0 := processCPU(b)
			for range b.N {
				coldTop(rows, terms, ix, workers, depth)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/doc")
			b.ReportMetric(float64(processCPU(b)-cpu0)/float64(b.N*n), "cpu-ns/doc")
		})
	}
}
