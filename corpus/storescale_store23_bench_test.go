package corpus

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStoreWriteScaleStore23 is BenchmarkStoreWriteScale at 30,000
// records too, where a cold run's store writes grew per record (session
// 21, issue 17 item 2): the indexes keyed by SHA-256 outgrow SQLite's
// default page cache and every commit rewrites most of their leaves.
func BenchmarkStoreWriteScaleStore23(b *testing.B) {
	docs := storeBenchDocs(b)
	for _, records := range []int{2000, 10000, 30000} {
		b.Run(fmt.Sprintf("records=%d", records), func(b *testing.B) {
			dir := b.TempDir()
			n := 0
			var cpu time.Duration
			for b.Loop() {
				n++
				path := filepath.Join(dir, fmt.Sprintf("s%d.db", n))
				c0 := processCPUTime(b)
				st, err := OpenStore(path)
				if err != nil {
					b.Fatal(err)
				}
				writeBenchRecords(b, st, docs, records)
				cpu += processCPUTime(b) - c0
				b.StopTimer()
				removeStore(b, path)
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(n*records), "cpu-ns/record")
		})
	}
}
