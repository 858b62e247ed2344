//go:build unix

package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user + system CPU time: the machine these run
// on is shared, so pages per CPU-second is the comparable figure (wall
// time depends on the load).
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchPDFSets are the PDFs BenchmarkPDFExtract reads: the fixtures made by
// tools/genfixtures, the real PDFs with a text layer, and, when
// STYRDOK_BENCH_PDFS names a folder, the bench generator's PDFs in it
// (go run ./tools/gencorpus -out DIR -n 0 -pdf 200 -seed 1).
func benchPDFSets(b *testing.B) map[string][]string {
	sets := map[string][]string{}
	glob := func(pat string) []string {
		m, err := filepath.Glob(pat)
		if err != nil {
			b.Fatal(err)
		}
		sort.Strings(m)
		return m
	}
	for _, f := range glob("../testdata/ingest/*.pdf") {
		if filepath.Base(f) != "scan-gislaved.pdf" { // no text layer
			sets["fixtures"] = append(sets["fixtures"], f)
		}
	}
	for _, f := range glob("../testdata/ingest/real/*.pdf") {
		if filepath.Base(f) != "kalmar-nation-bokslut-1990-scan.pdf" {
			sets["real"] = append(sets["real"], f)
		}
	}
	if dir := os.Getenv("STYRDOK_BENCH_PDFS"); dir != "" {
		sets["gencorpus"] = glob(filepath.Join(dir, "*.pdf"))
	}
	return sets
}

// BenchmarkPDFExtract parses every PDF of a set per op (files read
// beforehand, OCR off, running lines removed as `styrdok run` does) and
// reports pages per CPU-second, the figure issue 17 compares with
// pdftotext's (docs/benchmarks.md):
//
//	go test ./ingest -run '^$' -bench BenchmarkPDFExtract -benchtime 20x -count 5
func BenchmarkPDFExtract(b *testing.B) {
	sets := benchPDFSets(b)
	names := make([]string, 0, len(sets))
	for n := range sets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		files := sets[name]
		data := make([][]byte, len(files))
		for i, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			data[i] = d
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			pages, bytes := 0, 0
			start := cpuTime(b)
			for i := 0; i < b.N; i++ {
				for k, d := range data {
					doc, err := Parse(files[k], d, Options{OCR: OCRNever})
					if err != nil {
						b.Fatalf("%s: %v", files[k], err)
					}
					pages += len(doc.Pages)
					bytes += len(d)
				}
			}
			cpu := cpuTime(b) - start
			b.SetBytes(int64(bytes / b.N))
			b.ReportMetric(float64(pages)/cpu.Seconds(), "pages/cpu-s")
			b.ReportMetric(float64(pages/b.N), "pages/op")
		})
	}
}
