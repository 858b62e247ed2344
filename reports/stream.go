package reports

import (
	"errors"
	"fmt"
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
//
// With fragments (frags, fragments.go) a writer may subscribe for parts
// (ticket.parts): it then gets each document's fragment of each part,
// the last run's when the store holds one that checks, else rendered
// from the analysis and kept for the next run. The pass reads and
// decodes a document only when some writer still reading lacks one of
// its fragments (or reads analyses, ticket.each).
type fanout struct {
	src     Source
	frags   *fragStore // nil: no fragments (every part rendered)
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
	// parts are the fragments the writer reads (ticket.parts); nil for
	// a writer of analyses (ticket.each), which needs every document
	// decoded.
	parts []fragPart
}

type fanItem struct {
	i int
	d *analysis.DocumentAnalysis // nil when every reader has its fragments
	// cached[k] is the last run's fragment of the reader's parts[k],
	// nil when it must be rendered.
	cached []*fragEntry
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
	sub, err := t.subscribe(nil)
	if err != nil {
		return err
	}
	for it := range sub.ch {
		if err = fn(it.i, it.d); err != nil {
			close(sub.quit) // the pass goes on without this writer
			return err
		}
	}
	return t.f.err
}

// parts is the writer's pass by fragments (a partPass) over the parts
// given, renders[k] rendering parts[k]; a ticket is good for one. What
// is rendered is kept for the next run with the fanout's fragments.
func (t *ticket) parts(parts []fragPart, renders []fragRender) partPass {
	return func(fn func(i int, frags []fragment) error) error {
		var out []*fragWriter // the parts' files for the next run, when kept
		if fs := t.f.frags; fs != nil && !t.used {
			// before subscribing: the pass, which may start then, reads
			// the last run's files
			for _, p := range parts {
				w := fs.newFragWriter(p)
				out = append(out, w)
				if w != nil {
					defer w.finish()
				}
			}
		}
		sub, err := t.subscribe(parts)
		if err != nil {
			return err
		}
		frags := make([]fragment, len(parts))
		bufs := make([][]byte, len(parts)) // re-used from document to document
		next := func(it fanItem) error {
			for k := range parts {
				var err error
				if e := it.cached[k]; e != nil {
					frags[k] = e.fragment()
					if out != nil && out[k] != nil {
						out[k].addCached(it.i, e)
					}
				} else {
					if it.d == nil {
						return fmt.Errorf("reports: document %d neither decoded nor in %s", it.i, fragPartFiles[parts[k]])
					}
					if frags[k], err = renders[k](bufs[k][:0], it.d); err != nil {
						return err
					}
					if out != nil && out[k] != nil {
						out[k].add(it.i, frags[k])
					}
					bufs[k] = frags[k].b
				}
			}
			err := fn(it.i, frags)
			for _, e := range it.cached {
				if e != nil {
					e.release() // its fragment is used
				}
			}
			return err
		}
		for it := range sub.ch {
			if err = next(it); err != nil {
				close(sub.quit) // the pass goes on without this writer
				return err
			}
		}
		return t.f.err
	}
}

// subscribe enters the ticket's writer into the pass, reading parts
// (nil: analyses).
func (t *ticket) subscribe(parts []fragPart) (*subscriber, error) {
	f := t.f
	sub := &subscriber{ch: make(chan fanItem, fanoutBuffer), quit: make(chan struct{}), parts: parts}
	f.mu.Lock()
	defer f.mu.Unlock()
	if t.used {
		return nil, errors.New("reports: a shared pass over the documents read twice by one writer")
	}
	t.used = true
	f.subs = append(f.subs, sub)
	f.arrived()
	return sub, nil
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
	quit := func(s *subscriber) bool {
		select {
		case <-s.quit:
			return true
		default:
			return false
		}
	}
	// cached[s][k]: document i's fragment of subs[s].parts[k], looked
	// up by need before the document is read.
	cached := make([][]*fragEntry, len(subs))
	need := func(i int) bool {
		decode := false
		for s, sub := range subs {
			cached[s] = nil
			if quit(sub) {
				continue
			}
			if sub.parts == nil || f.frags == nil {
				decode = true
				continue
			}
			c := make([]*fragEntry, len(sub.parts)) // the reader's own: it may lag behind the pass
			for k, p := range sub.parts {
				if c[k] = f.frags.cached(p, f.frags.keys[i]); c[k] == nil {
					decode = true
				}
			}
			cached[s] = c
		}
		return decode
	}
	send := func(i int, d *analysis.DocumentAnalysis) error {
		live := 0
		for s, sub := range subs {
			if quit(sub) {
				continue
			}
			c := cached[s]
			if c == nil && sub.parts != nil {
				c = make([]*fragEntry, len(sub.parts))
			}
			select {
			case sub.ch <- fanItem{i, d, c}:
				live++
			case <-sub.quit:
			}
		}
		if live == 0 && len(subs) > 0 {
			return errNoReaders
		}
		return nil
	}
	var err error
	if ds, ok := f.src.(digestSource); ok && f.frags != nil {
		err = ds.EachWhere(need, send)
	} else {
		err = f.src.Each(func(i int, d *analysis.DocumentAnalysis) error {
			for s := range cached {
				cached[s] = nil
			}
			return send(i, d)
		})
	}
	if !errors.Is(err, errNoReaders) {
		f.err = err
	}
	if f.frags != nil {
		// The pass's windows of the last run's files: the fragments
		// handed out hold their own (mapped windows are unmapped when
		// the last is released).
		for _, sub := range subs {
			for _, p := range sub.parts {
				if ff := f.frags.old[p]; ff != nil {
					ff.dropWindow()
				}
			}
		}
	}
	for _, s := range subs {
		close(s.ch) // after f.err is set: the readers see it
	}
}
