package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkStoreWriteScale writes records into one fresh store, as
// BenchmarkStoreWrite does, at three store sizes (30,000 since session
// 21: the indexes keyed by SHA-256 outgrow SQLite's default page cache
// there, docs/benchmarks.md), and reports the CPU a
// record (getrusage, user+system): a cold run's store writes should cost
// the same a document whatever the corpus (issue 17 item 2). One op is
// one store of that many records (the bundled corpus's texts under
// distinct hashes: about 40 KB a record on disk).
func BenchmarkStoreWriteScale(b *testing.B) {
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

func processCPUTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// removeStore deletes a store's files between turns (the disk is shared).
func removeStore(b *testing.B, path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
	}
}
