package corpus

import "runtime/metrics"

// The collector's headroom follows what the process has allocated so far
// (headroomAfter): small while a run has allocated little, liveHeadroom
// once it has allocated several times that.
//
// Why: the heap's headroom is paid in one of two ways. Each collection
// marks the live heap; each page the heap grows into is a fresh page the
// kernel faults in on first touch (about 6 µs a 4 kB page on this
// machine's VM, docs/benchmarks.md session 28: a fifth of a one-file
// re-run's CPU). A run that allocates many times its headroom (a cold
// run: gigabytes over a live heap of tens of megabytes) faults its pages
// in once and then re-uses them after every collection, so a large
// headroom saves collections for good. A run that allocates about one
// headroom in all (a one-file re-run at 1,000 documents: ~56 MB, most of
// it in the report writers) never collects and never re-uses a page:
// with 48 MB of headroom its heap grew 5 → 52 MB, all of it fresh pages
// (14,700 minor faults), for garbage a collection of its ~15 MB live
// heap would have given back. So the headroom starts at startHeadroom and
// grows with the bytes allocated (an allocShare-th of them) up to
// liveHeadroom, which it reaches once the process has allocated
// allocShare·liveHeadroom (192 MB): a cold run gets there early in its
// analysis, with a few more collections of a small live heap on the way.
//
// Measured at 1,000 documents (one changed file, the run's headroom
// forced to 16 MB, 10 pairs at load ~8): CPU 0.600 → 0.535 s median,
// minor faults 14,900 → 10,100, peak RSS 81 → 62 MB; forced to 16 MB
// for a whole cold run it cost 7–10% CPU (more collections of the live
// rows), which this rule does not do.

// startHeadroom is the headroom of a process that has allocated little.
const startHeadroom = 16 << 20

// allocShare: the headroom is an allocShare-th of the bytes allocated so
// far (between startHeadroom and liveHeadroom).
const allocShare = 4

// headroomAfter is the headroom over the live heap once allocated bytes
// have been allocated.
func headroomAfter(allocated uint64) uint64 {
	return min(liveHeadroom, max(startHeadroom, allocated/allocShare))
}

// heapAllocated is the bytes the process has allocated on the heap so
// far (all of them, freed or not).
func heapAllocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return s[0].Value.Uint64()
	}
	return 0
}
