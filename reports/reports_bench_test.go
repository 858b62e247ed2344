package reports

import (
	"path/filepath"
	"slices"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// reportsBenchDocs is how many generated documents BenchmarkReports
// writes the reports of: enough for the rows, not the fixed parts (the
// page's script, the map, the workbook's skeleton), to dominate.
const reportsBenchDocs = 200

// BenchmarkReports measures the report phase of a run (WriteAll, every
// file but Parquet) over generated documents given by a source that
// decodes each analysis afresh, as a run's spill does: "all" writes
// every file as a run does (the writers at the same time); each other
// sub-benchmark writes one file alone (run --skip for the rest), so
// its cost is the writer's own and the fanout's decoding. The
// similarities are computed before the timer (the Report keeps them):
// they are BenchmarkSimilarity's. ns/doc is per document written;
// cpu-ns/op is the process's CPU (user and system, all threads, the
// garbage collector's too) per op, steadier than the time on a loaded
// machine.
func BenchmarkReports(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "testdata", "corpus"), Out: dir, Texts: reportsBenchDocs, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != reportsBenchDocs {
		b.Fatalf("generated %d files (%v), want %d", len(files), err, reportsBenchDocs)
	}
	sort.Strings(files)
	full := analyzeFiles(b, files...)
	src := newRoundTripSource(b, full.Documents)
	r := &Report{Documents: src.sums, Source: src, Codebook: full.Codebook, Registry: full.Registry}
	r.similarity() // shared by the writers, computed once
	names := []string{"all", "coverage.xlsx", "report.html", "evidence.csv", "actions.csv", "documents.jsonl", "documents.csv", "coverage_long.csv", "summary.md"}
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			run := Report{Documents: r.Documents, Source: r.Source, Codebook: r.Codebook, Registry: r.Registry, sim: r.sim, simErr: r.simErr}
			run.simOnce.Do(func() {}) // r's similarities, already computed
			if name != "all" {
				for _, n := range OutputNames() {
					if n != name {
						run.Skip = append(run.Skip, n)
					}
				}
			}
			out := b.TempDir()
			var bytes int64
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := processCPU(b)
			for b.Loop() {
				written, err := WriteAll(out, &run)
				if err != nil {
					b.Fatal(err)
				}
				bytes = 0
				for _, f := range written {
					if !slices.Contains(run.Skip, f.Name) {
						bytes += f.Size
					}
				}
			}
			b.ReportMetric(float64((processCPU(b)-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*reportsBenchDocs), "ns/doc")
			b.ReportMetric(float64(bytes), "out-bytes")
		})
	}
}

// processCPU is the CPU time the process has used, user and system.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
