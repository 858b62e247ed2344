package reports

import (
	"errors"
	"sync"

	"github.com/styrdok/styrdok/analysis"
)

// eachFunc is a pass over the full analyses of a report's documents, in
// order (Source.Each's signature).
type eachFunc = func(fn func(i int, d *analysis.DocumentAnalysis) error) error

// fanout is one pass over a Source shared by several writers that run at
// the same time: each document is read (decoded) once and handed to
// every writer. Reading each analysis back once per writer cost a
// quarter more CPU on 2,000 documents than the run with every analysis
// in memory; shared, the pass costs one decoding per document.
//
// The writers are known in advance (ticket): the pass starts when every
// ticket has either subscribed (ticket.each) or been given back unused
// (ticket.done: its writer failed before reading, or did not need to),
// so a writer that fails early cannot leave the others waiting. A writer
// that stops early (an error) drops out and the pass goes on for the
// rest. The writers run concurrently; each gets the same analysis, which
// they only read. The documents a slow writer has not taken yet wait in
// its buffer (fanoutBuffer): memory holds at most that many analyses
// per writer.
type fanout struct {
	src     Source
	mu      sync.Mutex
	pending int // tickets neither subscribed nor given back
	subs    []*subscriber
	err     error // the source's error, read after the subscribers' channels close
}

// fanoutBuffer is how many documents a writer may lag behind the pass.
const fanoutBuffer = 8

type subscriber struct {
	ch   chan fanItem
	quit chan struct{} // closed when the writer stops reading
}

type fanItem struct {
	i int
	d *analysis.DocumentAnalysis
}

// ticket is one writer's place in a fanout.
type ticket struct {
	f    *fanout
	used bool // guarded by f.mu
}

func newFanout(src Source) *fanout { return &fanout{src: src} }

// ticket reserves a place for one writer; every ticket must end with
// done.
func (f *fanout) ticket() *ticket {
	f.pending++
	return &ticket{f: f}
}

// each is the writer's pass (an eachFunc); a ticket is good for one.
func (t *ticket) each(fn func(i int, d *analysis.DocumentAnalysis) error) error {
	f := t.f
	sub := &subscriber{ch: make(chan fanItem, fanoutBuffer), quit: make(chan struct{})}
	f.mu.Lock()
	if t.used {
		f.mu.Unlock()
		return errors.New("reports: a shared pass over the documents read twice by one writer")
	}
	t.used = true
	f.subs = append(f.subs, sub)
	f.arrived()
	f.mu.Unlock()
	var err error
	for it := range sub.ch {
		if err = fn(it.i, it.d); err != nil {
			close(sub.quit) // the pass goes on without this writer
			return err
		}
	}
	return f.err
}

// done gives back a ticket its writer did not use (it failed before
// reading, or had nothing to read); a used ticket is left as it is.
func (t *ticket) done() {
	f := t.f
	f.mu.Lock()
	defer f.mu.Unlock()
	if !t.used {
		t.used = true
		f.arrived()
	}
}

// arrived counts one ticket in (f.mu held) and starts the pass when the
// last is in.
func (f *fanout) arrived() {
	f.pending--
	if f.pending == 0 {
		go f.run(f.subs)
	}
}

// errNoReaders ends the pass when every writer has stopped reading.
var errNoReaders = errors.New("no reader left")

func (f *fanout) run(subs []*subscriber) {
	err := f.src.Each(func(i int, d *analysis.DocumentAnalysis) error {
		live := 0
		for _, s := range subs {
			select {
			case <-s.quit:
				continue
			default:
			}
			select {
			case s.ch <- fanItem{i, d}:
				live++
			case <-s.quit:
			}
		}
		if live == 0 && len(subs) > 0 {
			return errNoReaders
		}
		return nil
	})
	if !errors.Is(err, errNoReaders) {
		f.err = err
	}
	for _, s := range subs {
		close(s.ch) // after f.err is set: the readers see it
	}
}
