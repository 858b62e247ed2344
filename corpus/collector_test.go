package corpus

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestCollectorFollowsLiveHeap: after a collection the Collector sets
// GOGC for the live heap as it is then (the report writers grow it after
// Run's last retuning), and Restore stops it and gives GOGC back.
func TestCollectorFollowsLiveHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: the Collector keeps the user's setting")
	}
	before := debug.SetGCPercent(137)
	defer debug.SetGCPercent(before)
	beforeMem := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(beforeMem)
	runtime.GC()
	c := TuneCollector()
	if c == nil {
		t.Fatal("no Collector without GOGC or GOMEMLIMIT set")
	}
	small := percentOf(c)
	// a live heap well above liveHeadroom, and allocated past
	// allocShare·liveHeadroom: the headroom is liveHeadroom's
	ballast := make([]byte, 256<<20)
	for i := range ballast {
		ballast[i] = byte(i)
	}
	runtime.GC()
	c.retuneAfterCollection()
	live := liveHeap()
	want := gcPercent(live, heapAllocated())
	if got := percentOf(c); got != want || want > 100*liveHeadroom/(256<<20) || want >= small {
		t.Errorf("GOGC %d after the live heap grew by 256 MB (was %d), want %d", percentOf(c), small, want)
	}
	if got := debug.SetGCPercent(want); got != want {
		t.Errorf("the runtime's GOGC is %d, the Collector's %d", got, want)
	}
	// the soft limit sits above the heap goal, so the collector is not
	// made to run sooner by it, but no more than limitSlack above: the
	// free pages over the goal go back to the system
	limit := debug.SetMemoryLimit(-1)
	if goal := int64(live) * int64(100+want) / 100; limit <= goal || limit > goal+limitSlack+1 {
		t.Errorf("memory limit %d MB with a heap goal of %d MB, want at most %d MB over it", limit>>20, goal>>20, limitSlack>>20)
	}
	runtime.KeepAlive(ballast)
	c.Restore()
	c.Restore() // a second call does nothing
	select {
	case <-c.done:
	default:
		t.Error("the Collector still follows the heap after Restore")
	}
	if got := debug.SetGCPercent(before); got != 137 {
		t.Errorf("GOGC %d after Restore, want 137 as before", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit %d after Restore, want %d as before", got, int64(1<<40))
	}
	var none *Collector
	none.Retune()
	none.Restore()
}

// TestGCPercent: the headroom over the live heap is liveHeadroom up to
// liveShare·liveHeadroom live (384 MB), and live/liveShare above: the
// heap goal at 400 MB live (a 50,000-document run's search) is 450 MB,
// not 500 as with a quarter.
func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{24 << 20, 200},
		{96 << 20, 50},
		{192 << 20, 25},
		{384 << 20, 12},
		{400 << 20, 12},
		{4 << 30, 12},
	} {
		if got := gcPercent(c.live, 1<<40); got != c.want {
			t.Errorf("gcPercent(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// percentOf reads c's GOGC under its lock: the Collector's own goroutine
// retunes it after every collection while the test reads it.
func percentOf(c *Collector) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.percent
}

// TestHeadroomAfter: a process that has allocated little gets
// startHeadroom (a one-file re-run's report writers collect and re-use
// their pages instead of faulting in 48 MB of fresh ones); the headroom
// grows with the bytes allocated, an allocShare-th of them, up to
// liveHeadroom (a cold run, past 192 MB allocated); live/liveShare still
// binds above.
func TestHeadroomAfter(t *testing.T) {
	for _, c := range []struct{ allocated, want uint64 }{
		{0, 16 << 20},
		{56 << 20, 16 << 20},
		{64 << 20, 16 << 20},
		{100 << 20, 25 << 20},
		{192 << 20, 48 << 20},
		{4 << 30, 48 << 20},
	} {
		if got := headroomAfter(c.allocated); got != c.want {
			t.Errorf("headroomAfter(%d MB) = %d MB, want %d MB", c.allocated>>20, got>>20, c.want>>20)
		}
	}
	for _, c := range []struct {
		live, allocated uint64
		want            int
	}{
		{8 << 20, 30 << 20, 200},  // a re-run's start: 16 MB over 8 MB live
		{16 << 20, 56 << 20, 100}, // a re-run's report writers
		{16 << 20, 1 << 30, 300},  // a cold run's: liveHeadroom
		{400 << 20, 100 << 20, 12},
	} {
		if got := gcPercent(c.live, c.allocated); got != c.want {
			t.Errorf("gcPercent(%d MB live, %d MB allocated) = %d, want %d", c.live>>20, c.allocated>>20, got, c.want)
		}
	}
}
