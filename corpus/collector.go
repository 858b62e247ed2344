package corpus

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// liveHeadroom is how much the heap may grow over the live heap before
// the collector runs once the process has allocated a few times this
// (headroomAfter: less before, headroom.go), and at least an eighth of
// the live heap (liveShare, see gcPercent). What stays live during a run is the
// documents' output rows, which the reports need; everything else is
// short-lived.
const liveHeadroom = 48 << 20

// liveShare: the headroom is at least live/liveShare. It was a quarter;
// at 50,000 documents the similarity search holds 340 to 400 MB live,
// and a quarter over it was 85 to 100 MB of the run's peak RSS
// (docs/benchmarks.md, "Memory at 50,000 documents (session 8)"). An
// eighth binds only above 384 MB live (below, liveHeadroom is more), so
// runs of up to about 10,000 documents collect as before; above, the
// collector marks the live heap twice as often per byte allocated.
const liveShare = 8

// gcPercent is the GOGC value that lets the heap grow by the headroom
// for allocated bytes allocated so far (headroomAfter: liveHeadroom once
// a run has allocated a few times that), or live/liveShare, whichever is
// more, over a live heap of live bytes.
//
// Why not GOGC's default (100): it lets the heap double, and on 2,000
// documents peak RSS went from 300 to 460 MB. Why not a fixed soft memory
// limit (224 MiB, the first version): the limit counts all the runtime's
// memory, not the heap, so as the live rows grew the room left for
// garbage shrank to nothing; on 6,000 documents (430 MB live) the run took
// 43 s CPU, 14 s of it in the collector. A headroom proportional to live
// (never under live/liveShare) keeps the collector's work per byte allocated
// the same on any corpus size: each collection marks the live heap, and
// one comes every headroom bytes. Measured (`/usr/bin/time`, peak RSS,
// CPU): 2,000 documents 266 MB, 7.8 s (64 MiB floor: 296 MB; the limit:
// 250 MB, 8.0 s); 6,000 documents 683 MB, 31.7 s (the limit: 606 MB,
// 43 s). RSS is the heap plus SQLite's page cache and the runtime's own.
// (Those figures are from when every analysis stayed in memory and the
// share was a quarter; see liveShare.)
func gcPercent(live, allocated uint64) int {
	if live == 0 {
		return 100
	}
	return max(100/liveShare, int(100*max(headroomAfter(allocated), live/liveShare)/live))
}

// liveHeap is the heap that survived the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return s[0].Value.Uint64()
	}
	return 0
}

// tuneEvery is how many documents a Run analyses between two settings of
// GOGC (BatchOptions.Collector): often enough to follow the live heap,
// rarely enough that reading the runtime's metrics costs nothing.
const tuneEvery = 64

// followEvery is how often a Collector looks whether a collection has
// run since it last set GOGC, and if so sets it for the live heap found.
// Between the documents of a run Run retunes it, but the report writers
// grow the live heap too (similarity's vectors and search, the county
// tables, the pages' rows): tuned once when they started, GOGC stayed at
// what suited the summaries alone (106% on 10,000 documents, live 45 MB)
// while the live heap reached 77 MB, and the heap was let grow to 164 MB
// instead of 125 (docs/benchmarks.md, "Memory at 50,000 documents").
const followEvery = 100 * time.Millisecond

// Collector tunes the garbage collector to a batch run's live heap:
// while documents are analysed the live heap grows by each document's
// output rows, and GOGC follows it (gcPercent); it goes on following it
// after each collection until Restore, through the report writers. The
// collector is the process's, so a command makes one Collector for its
// run, hands it to Run (BatchOptions.Collector) and restores GOGC when
// done.
//
// A nil *Collector tunes nothing; its methods may be called all the same.
type Collector struct {
	prev    int   // GOGC before the run, for Restore
	prevMem int64 // the memory limit before the run, for Restore
	mu      sync.Mutex
	percent int    // GOGC as last set (guarded by mu)
	cycles  uint64 // collections seen when last set (guarded by mu)
	stop    chan struct{}
	done    chan struct{}
	restore sync.Once
}

// TuneCollector sets GOGC for the live heap now and returns the Collector
// that keeps it tuned, or nil when the user set GOGC or GOMEMLIMIT: their
// setting is kept.
func TuneCollector() *Collector {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	c := &Collector{stop: make(chan struct{}), done: make(chan struct{})}
	live := liveHeap()
	c.percent = gcPercent(live, heapAllocated())
	c.prev = debug.SetGCPercent(c.percent)
	c.prevMem = debug.SetMemoryLimit(memoryLimit(live, c.percent))
	go c.follow()
	return c
}

// follow retunes after every collection (looked for every followEvery)
// until Restore.
func (c *Collector) follow() {
	defer close(c.done)
	t := time.NewTicker(followEvery)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.retuneAfterCollection()
		}
	}
}

// retuneAfterCollection retunes when a collection has run since the
// last setting: the live heap is only known anew then.
func (c *Collector) retuneAfterCollection() {
	c.mu.Lock()
	seen := c.cycles
	c.mu.Unlock()
	if gcCycles() != seen {
		c.Retune()
	}
}

// gcCycles is the number of completed collections.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return s[0].Value.Uint64()
	}
	return 0
}

// Retune sets GOGC for the live heap now: Run calls it as documents are
// done, and a command after Run, since the report writers make garbage
// over the same live rows.
func (c *Collector) Retune() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cycles = gcCycles()
	live := liveHeap()
	if p := gcPercent(live, heapAllocated()); p != c.percent {
		c.percent = p
		debug.SetGCPercent(p)
	}
	debug.SetMemoryLimit(memoryLimit(live, c.percent))
}

// memoryLimit is the soft memory limit set beside GOGC: the heap goal
// (live heap grown by percent) plus limitSlack for what the runtime holds
// beside the heap. It is not there to make the collector run sooner (the
// goal is below it) but to make the runtime give back the free pages it
// keeps after a burst: at 50,000 documents 50 to 150 MB of the heap were
// free spans not returned while the search's large arrays were allocated
// anew beside them, and peak RSS went 100 MB over the heap goal
// (docs/benchmarks.md, "Memory at 50,000 documents"). Over the limit,
// the runtime returns them at once.
func memoryLimit(live uint64, percent int) int64 {
	goal := live + live*uint64(percent)/100
	return int64(goal + limitSlack)
}

// limitSlack is how far the memory limit sits above the heap goal. It was
// an eighth of the goal and 32 MB more, and a run's peak RSS rode that
// limit (make bench: 465 MB at 50,000 documents for a limit of about
// 460). The runtime's own memory beside the heap (the collector's
// metadata, stacks) is a few MB, so 16 MB keeps the limit just above the
// goal while the free spans above it go back to the system: peak RSS at
// 50,000 documents 457 → 430 MB, 14% more collections in the run,
// whose share of CPU stays 2-3% (docs/benchmarks.md, "Memory at 50,000
// documents (session 11)").
const limitSlack = 16 << 20

// Restore stops following the live heap and gives GOGC back the value it
// had before TuneCollector. Calls after the first do nothing.
func (c *Collector) Restore() {
	if c == nil {
		return
	}
	c.restore.Do(func() {
		close(c.stop)
		<-c.done
		debug.SetGCPercent(c.prev)
		debug.SetMemoryLimit(c.prevMem)
	})
}
