package corpus

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// liveHeadroom is how much the heap may grow over the live heap before
// the collector runs: at least this, and a quarter of the live heap (see
// gcPercent). What stays live during a run is the documents' output rows,
// which the reports need; everything else is short-lived.
const liveHeadroom = 48 << 20

// gcPercent is the GOGC value that lets the heap grow by liveHeadroom (or
// a quarter of live, whichever is more) over a live heap of live bytes.
//
// Why not GOGC's default (100): it lets the heap double, and on 2,000
// documents peak RSS went from 300 to 460 MB. Why not a fixed soft memory
// limit (224 MiB, the first version): the limit counts all the runtime's
// memory, not the heap, so as the live rows grew the room left for
// garbage shrank to nothing; on 6,000 documents (430 MB live) the run took
// 43 s CPU, 14 s of it in the collector. A headroom proportional to live
// (never under a quarter) keeps the collector's work per byte allocated
// the same on any corpus size: each collection marks the live heap, and
// one comes every headroom bytes. Measured (`/usr/bin/time`, peak RSS,
// CPU): 2,000 documents 266 MB, 7.8 s (64 MiB floor: 296 MB; the limit:
// 250 MB, 8.0 s); 6,000 documents 683 MB, 31.7 s (the limit: 606 MB,
// 43 s). RSS is the heap plus SQLite's page cache and the runtime's own.
func gcPercent(live uint64) int {
	if live == 0 {
		return 100
	}
	return max(25, int(100*max(liveHeadroom, live/4)/live))
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

// Collector tunes the garbage collector to a batch run's live heap:
// while documents are analysed the live heap grows by each document's
// output rows, and GOGC follows it (gcPercent). The collector is the
// process's, so a command makes one Collector for its run, hands it to
// Run (BatchOptions.Collector) and restores GOGC when done.
//
// A nil *Collector tunes nothing; its methods may be called all the same.
type Collector struct {
	prev int // GOGC before the run, for Restore
}

// TuneCollector sets GOGC for the live heap now and returns the Collector
// that keeps it tuned, or nil when the user set GOGC or GOMEMLIMIT: their
// setting is kept.
func TuneCollector() *Collector {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return &Collector{prev: debug.SetGCPercent(gcPercent(liveHeap()))}
}

// Retune sets GOGC for the live heap now: Run calls it as documents are
// done, and a command after Run, since the report writers make garbage
// over the same live rows.
func (c *Collector) Retune() {
	if c != nil {
		debug.SetGCPercent(gcPercent(liveHeap()))
	}
}

// Restore gives GOGC back the value it had before TuneCollector.
func (c *Collector) Restore() {
	if c != nil {
		debug.SetGCPercent(c.prev)
	}
}
