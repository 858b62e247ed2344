package reports

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/styrdok/styrdok/analysis"
)

// Exact incremental similarity (issue 17 item 3b, option (a) of
// docs/benchmarks.md "One changed file").
//
// A term's weight depends on its document frequency, so one changed file
// changes the vectors of every document that shares a term whose document
// frequency moved (on the 2,000-document bench corpus one appended
// sentence moved two stems' and changed 399 vectors), and the number of
// documents changes every weight. A re-run can still give a cold run's
// bytes without comparing all pairs again, from what the previous run
// kept beside the store (simState):
//
//   - each document's term bag's hash, in the run's order, and the
//     document frequency of every term;
//   - each document's stateDepth most similar others (all pairs' ranking:
//     most similar first, ties by document), and the near-duplicate pairs.
//
// A document is affected when its bag changed or it holds a term whose
// document frequency changed; only the pairs with an affected document
// are computed again, by the same products in the same order as all
// pairs. An unaffected document's similarity to another unaffected one
// has not changed, so its new ranking is its kept list without the
// affected documents, merged with its new similarities to them, exact as
// far as the kept list reached (an unaffected document beyond it ranked
// lower before and still does). When that leaves fewer than keepPeers
// certain entries, its row is computed whole.
//
// The state is used only when it is whole (version, checksum), of the
// run's kind (stateKind: all pairs or the search, with the parameters
// its result depends on), the run has as many documents (a file added
// or removed changes every weight: the run computes everything) and at
// most maxAffected of the documents are affected; else the run computes
// all pairs as always and writes a new state.
//
// A document is known to the state by its place in the run's order and
// its bag's hash, not by its file: the similarities depend on the bags
// and their order (ties go to the document first in it), not on the
// names, so a corpus moved, copied or named by another path (another
// working directory, a mounted archive) finds its state. The run's
// order is its files' (corpus sorts the documents by path), which a
// common prefix does not change. A document whose place holds another
// bag than before is affected, as a changed one is: its row is computed
// again, so a state meeting the documents shifted by a rename is still
// exact, and merely cheaper or not used (maxAffected).
//
// Above allPairsUpTo documents the candidate search computes the
// similarities (search.go), and the state keeps its lists instead:
// each document's searchParams.depth nearest by the pruned vectors
// (their ranking, whether cut, and the last one's figure), the full
// figures of its candidates, and the pairs closeDuplicates added. A
// pruned list depends on a pair's figure at a time, so the same
// argument re-derives it (searchIncremental): an unaffected document's
// list keeps its unaffected entries, gains the affected documents by
// their rows, and is certain up to its old last entry; a candidate pair
// of two unaffected documents keeps its figure. The state also serves
// a run in which no bag changed (a codebook change: the bags are stems
// of the text, which no codebook touches; a file touched but not
// changed in its words), at any size and for all pairs too: then no
// vector is built and no pair compared.

// stateDepth is how many of each document's most similar others the state
// keeps: three times what the reports need, so that a few affected
// documents in a list leave keepPeers certain ones.
const stateDepth = 3 * keepPeers

// maxAffected is the share of affected documents above which all pairs
// is cheaper than recomputing their rows and merging.
const maxAffected = 0.4

// stateMagic starts a state file; the digit is its format version.
// Version 4 keeps no file names (see the top of this file).
const stateMagic = "styrdok-similarity-state-4\n"

// stateMagicNamed starts a state of version 3, which kept each
// document's file before its hash: read as version 4 with the names
// skipped (a store's state from before keeps serving its re-runs).
const stateMagicNamed = "styrdok-similarity-state-3\n"

// maxStateBytes bounds the state on disk and read back. All pairs' state
// is about 270 bytes a document (3 MB at 10,000), the search's about 370
// (hash, searchParams.depth peers, the candidates' figures: about 18 MB
// at 50,000), so it holds over 150,000 documents; a larger
// one is not written and the next run computes the similarities anew.
const maxStateBytes = 64 << 20

// searchVersion is part of the search's state kind: a change to the
// search's code that changes what it finds must change it, so that no
// state of the old search serves the new one.
const searchVersion = 2

// stateKind names what a state holds, so that a state serves only a run
// that would compute the same: all pairs' exact lists (stateDepth deep,
// on vectors of at most vectorTerms terms), or the search's result with
// its parameters.
func stateKind(exact bool) string {
	if exact {
		return fmt.Sprintf("all pairs; vector terms %d; depth %d", vectorTerms, stateDepth)
	}
	return fmt.Sprintf("search %d; vector terms %d; keep %d; %+v", searchVersion, vectorTerms, keepPeers, defaultSearch())
}

// unchanged reports whether the run has old's bags in old's order, so
// that old's lists and near duplicates are the run's: a cold run
// computes the same from the same bags (all pairs and the search are
// deterministic), whatever the files are called. A list cut short of
// keepPeers (which incremental leaves to be computed again, never in a
// state it wrote) does not count.
func unchanged(old *simState, files []string, hashes []uint64) bool {
	if !sameDocs(old, files) {
		return false
	}
	for i := range files {
		if old.hashes[i] != hashes[i] || (old.cuts[i] && len(old.lists[i]) < keepPeers) {
			return false
		}
	}
	return true
}

// simState is what a run keeps for the next one's incremental similarity.
type simState struct {
	kind   string   // stateKind
	files  []string // the run's files (similarityOf's); not kept: a state read back has none
	hashes []uint64 // per document, in the run's order: bagHash
	df     map[string]int32
	lists  [][]stateEntry // per document, its most similar (at most stateDepth), by all pairs' order
	cuts   []bool         // per document: others may rank after its list (deepList.cut)
	last   []float32      // the search's: per document, its pruned list's last figure (searchState)
	dups   []Pair         // all pairs': the near-duplicate pairs; the search's: the pairs closeDuplicates added
}

// stateEntry is one entry of a state's list: a document and its
// figure, round4's, in ten-thousandths (as the file holds it). It is 6
// bytes where a candidate is 16: a re-run holds the previous run's lists
// (at 50,000 documents 3.5 million entries) through its incremental
// search, the peak of a one-file re-run (docs/benchmarks.md, session 15).
// The document is two halves, not an int32, so that the entry aligns to
// 2 bytes: an int32 beside the uint16 made it 8 (7 MB more at 50,000,
// held beside the head and the lists: session 18).
type stateEntry struct {
	lo, hi uint16 // the document, its low and high 16 bits
	q      uint16
}

// newStateEntry is the entry of document doc (0 or more) with figure q.
func newStateEntry(doc int32, q uint16) stateEntry {
	return stateEntry{lo: uint16(doc), hi: uint16(uint32(doc) >> 16), q: q}
}

// doc is the entry's document.
func (e stateEntry) doc() int32 { return int32(uint32(e.hi)<<16 | uint32(e.lo)) }

// sim is the entry's figure, as round4 gave it (the same float64).
func (e stateEntry) sim() float64 { return float64(e.q) / 10000 }

// stateEntryOf is c as a state keeps it; c.sim is a figure of round4
// (0 to 1).
func stateEntryOf(c candidate) stateEntry {
	return newStateEntry(int32(c.doc), uint16(math.Round(c.sim*10000)))
}

// stateLists are lists as a state keeps them, in one array.
func stateLists(lists [][]candidate) [][]stateEntry {
	total := 0
	for _, l := range lists {
		total += len(l)
	}
	flat := make([]stateEntry, 0, total)
	out := make([][]stateEntry, len(lists))
	for i, l := range lists {
		at := len(flat)
		for _, c := range l {
			flat = append(flat, stateEntryOf(c))
		}
		out[i] = flat[at:len(flat):len(flat)]
	}
	return out
}

// candidates are a state's list l as candidates.
func candidates(l []stateEntry) []candidate {
	c := make([]candidate, len(l))
	for k, e := range l {
		c[k] = candidate{doc: int(e.doc()), sim: e.sim()}
	}
	return c
}

// bagHash identifies a term bag's content.
func bagHash(b analysis.TermBag) uint64 {
	h := fnv.New64a()
	var buf [binary.MaxVarintLen64]byte
	for k, t := range b.Stems {
		if b.Counts[k] <= 0 {
			continue
		}
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(len(t)))])
		h.Write([]byte(t))
		h.Write(buf[:binary.PutUvarint(buf[:], uint64(b.Counts[k]))])
	}
	return h.Sum64()
}

// writeState writes st to path (through a temporary file renamed over it,
// so a run stopped half-way leaves the old state or none, never half of
// one): the magic line, the body, and the body's CRC-32C.
func writeState(path string, st *simState) error {
	var body []byte
	u := func(x uint64) { body = binary.AppendUvarint(body, x) }
	str := func(s string) { u(uint64(len(s))); body = append(body, s...) }
	str(st.kind)
	u(uint64(len(st.hashes)))
	for i, h := range st.hashes {
		body = binary.LittleEndian.AppendUint64(body, h)
		cut := uint64(0)
		if st.cuts[i] {
			cut = 1
		}
		u(cut)
		var last float32
		if st.last != nil {
			last = st.last[i]
		}
		body = binary.LittleEndian.AppendUint32(body, math.Float32bits(last))
		u(uint64(len(st.lists[i])))
		for _, c := range st.lists[i] {
			u(uint64(c.doc()))
			u(uint64(c.q)) // round4's figure, exactly
		}
	}
	terms := make([]string, 0, len(st.df))
	for t := range st.df {
		terms = append(terms, t)
	}
	slices.Sort(terms) // same state, same bytes
	u(uint64(len(terms)))
	for _, t := range terms {
		str(t)
		u(uint64(st.df[t]))
	}
	u(uint64(len(st.dups)))
	for _, p := range st.dups {
		u(uint64(p.A))
		u(uint64(p.B))
		u(uint64(math.Round(p.Similarity * 10000)))
	}
	if len(stateMagic)+len(body)+4 > maxStateBytes {
		return fmt.Errorf("similarity state %s: %d bytes, more than the %d a state may have", path, len(stateMagic)+len(body)+4, maxStateBytes)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("similarity state: %w", err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(stateMagic)
	w.Write(body)
	w.Write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli))))
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("similarity state %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("similarity state %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("similarity state: %w", err)
	}
	return nil
}

// errNoState is readState's answer when there is no state file.
var errNoState = errors.New("no similarity state")

// readState reads a state written by writeState; an error names the file
// and what is wrong with it (the caller then computes everything).
func readState(path string) (*simState, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNoState
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() > maxStateBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes or unreadable", path, maxStateBytes)
	}
	data, err := readAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	bad := func(why string) (*simState, error) { return nil, fmt.Errorf("%s: %s", path, why) }
	named := bytes.HasPrefix(data, []byte(stateMagicNamed))
	if !named && !bytes.HasPrefix(data, []byte(stateMagic)) {
		return bad("not a similarity state of this version")
	}
	data = data[len(stateMagic):] // both magics are as long
	if len(data) < 4 {
		return bad("cut short")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != sum {
		return bad("checksum does not match (damaged)")
	}
	r := &stateReader{b: body}
	st := &simState{kind: r.str(), df: map[string]int32{}}
	n := r.count(len(body))
	// the lists' entries in blocks of 64K (512 KB), not one allocation a
	// list
	var flat []stateEntry
	for range n {
		if r.err != nil {
			break
		}
		if named {
			r.str() // version 3's file name
		}
		st.hashes = append(st.hashes, r.u64())
		st.cuts = append(st.cuts, r.count(1) == 1)
		st.last = append(st.last, math.Float32frombits(r.u32()))
		k := r.count(max(stateDepth, defaultSearch().depth))
		if cap(flat)-len(flat) < k {
			flat = make([]stateEntry, 0, max(k, 64<<10))
		}
		at := len(flat)
		for range k {
			doc := r.count(n - 1)
			flat = append(flat, newStateEntry(int32(doc), uint16(r.count(10000))))
		}
		st.lists = append(st.lists, flat[at:len(flat):len(flat)])
	}
	nt := r.count(len(body))
	for range nt {
		if r.err != nil {
			break
		}
		t := r.str()
		st.df[t] = int32(r.count(n))
	}
	nd := r.count(len(body))
	for range nd {
		if r.err != nil {
			break
		}
		a, b := r.count(n-1), r.count(n-1)
		st.dups = append(st.dups, Pair{A: a, B: b, Similarity: float64(r.count(10000)) / 10000})
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errors.New("bytes after the end")
	}
	if r.err != nil {
		return bad(r.err.Error())
	}
	return st, nil
}

func readAll(f *os.File) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(f)
	return buf.Bytes(), err
}

// stateReader decodes a state's body; the first error sticks.
type stateReader struct {
	b   []byte
	err error
}

// count reads a uvarint that must be at most limit.
func (r *stateReader) count(limit int) int {
	if r.err != nil {
		return 0
	}
	x, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errors.New("cut short or damaged")
		return 0
	}
	r.b = r.b[k:]
	if limit < 0 || x > uint64(limit) {
		r.err = fmt.Errorf("a count of %d where at most %d fits", x, max(limit, 0))
		return 0
	}
	return int(x)
}

func (r *stateReader) str() string {
	n := r.count(len(r.b))
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *stateReader) u32() uint32 {
	if b := r.fixed(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *stateReader) u64() uint64 {
	if b := r.fixed(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// fixed reads k bytes, nil when cut short.
func (r *stateReader) fixed(k int) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.b) < k {
		r.err = errors.New("cut short")
		return nil
	}
	b := r.b[:k]
	r.b = r.b[k:]
	return b
}

// deepList is one document's entry of the state: its most similar
// others, most similar first (at most stateDepth), and whether others may
// rank after them (cut): then only the listed ones are certain.
type deepList struct {
	c   []candidate
	cut bool
}

// incremental computes the similarities of a run from the previous run's
// state, as all pairs would (see the comment at the top of this file):
// the deep lists and near-duplicate pairs of the run, or ok false when
// the state does not apply and all pairs must be computed. terms(i)
// gives document i's bag (its stems are read only); hashes are the run's
// bag hashes, df its document frequencies (by term).
func incremental[W weight](m *vecSet[W], old *simState, files []string, hashes []uint64, df map[string]int32,
	bag func(i int) (analysis.TermBag, error), workers int, marks *affectedMarks) (lists []deepList, dups []Pair, affected int, ok bool, err error) {
	n := m.len()
	if !sameDocs(old, files) {
		return nil, nil, 0, false, nil
	}
	aff, affected, ok := marks.result()
	if !ok {
		if aff, affected, err = affectedDocs(old, hashes, df, bag); err != nil {
			return nil, nil, 0, false, err
		}
	}
	if float64(affected) > maxAffected*float64(n) {
		return nil, nil, affected, false, nil
	}
	// the unaffected documents' lists: their unaffected entries, certain
	// up to the old list's last entry when it was cut
	top := newTops(n, stateDepth)
	bound := make([]*candidate, n)
	// each unaffected list cut from one array, with room for its kept
	// entries and one more (an affected document's offer): grown by
	// appending, they were a thousand small arrays copied two or three times
	slab := 0
	for i := range n {
		if !aff[i] {
			slab += min(len(old.lists[i]), stateDepth) + 1
		}
	}
	room := make([]candidate, slab)
	for i := range n {
		if aff[i] {
			continue
		}
		k := min(len(old.lists[i]), stateDepth) + 1
		top[i].c, room = room[:0:k], room[k:]
		for _, c := range old.lists[i] {
			if !aff[c.doc()] {
				top[i].insert(int(c.doc()), c.sim())
			}
		}
		if l := old.lists[i]; old.cuts[i] && len(l) > 0 {
			bound[i] = &candidate{doc: int(l[len(l)-1].doc()), sim: l[len(l)-1].sim()}
		}
	}
	for _, p := range old.dups {
		if !aff[p.A] && !aff[p.B] {
			dups = append(dups, p)
		}
	}
	// the affected documents' rows, whole
	var rows []int
	for i := range n {
		if aff[i] {
			rows = append(rows, i)
		}
	}
	forRows(m, rows, workers, func(a int, row []candidate) {
		for _, c := range row {
			top[a].offer(c.doc, c.sim)
			if !aff[c.doc] {
				top[c.doc].offer(a, c.sim)
			}
			if c.sim >= NearDuplicate && (!aff[c.doc] || a < c.doc) {
				dups = append(dups, Pair{A: min(a, c.doc), B: max(a, c.doc), Similarity: c.sim})
			}
		}
	})
	lists = make([]deepList, n)
	var again []int
	for i := range n {
		l := top[i].c
		cut := len(l) == stateDepth
		if b := bound[i]; b != nil {
			k := 0
			for k < len(l) && (l[k].sim > b.sim || (l[k].sim == b.sim && l[k].doc <= b.doc)) {
				k++
			}
			l, cut = l[:k], true
		}
		lists[i] = deepList{c: l, cut: cut}
		if cut && len(l) < keepPeers && !aff[i] {
			again = append(again, i)
		}
	}
	// a document left with fewer certain entries than the reports need:
	// its row whole
	forRows(m, again, workers, func(i int, row []candidate) {
		t := topPeers{k: stateDepth}
		for _, c := range row {
			t.offer(c.doc, c.sim)
		}
		lists[i] = deepList{c: t.c, cut: len(t.c) == stateDepth}
	})
	return lists, dups, affected, true, nil
}

// affectedDocs are the documents whose vectors are not what they were
// in old's run: their bag changed (hashes) or they hold a term whose
// document frequency changed (df against old's; bag gives a document's
// bag, read only then). old has the run's files.
func affectedDocs(old *simState, hashes []uint64, df map[string]int32, bag func(i int) (analysis.TermBag, error)) (aff []bool, affected int, err error) {
	n := len(hashes)
	changed := changedTerms(old.df, df)
	aff = make([]bool, n)
	for i := range n {
		if hashes[i] != old.hashes[i] {
			aff[i] = true
			affected++
			continue
		}
		if len(changed) == 0 {
			continue
		}
		b, err := bag(i)
		if err != nil {
			return nil, 0, err
		}
		if holdsAny(b, changed) {
			aff[i] = true
			affected++
		}
	}
	return aff, affected, nil
}

// changedTerms are the terms whose document frequency is not old's (a
// term in one of the two only too).
func changedTerms[F int | int32](old map[string]int32, df map[string]F) map[string]bool {
	changed := map[string]bool{}
	for t, f := range df {
		if old[t] != int32(f) {
			changed[t] = true
		}
	}
	for t := range old {
		if _, ok := df[t]; !ok {
			changed[t] = true
		}
	}
	return changed
}

// holdsAny reports whether b has a term of changed.
func holdsAny(b analysis.TermBag, changed map[string]bool) bool {
	for _, t := range b.Stems {
		if changed[t] {
			return true
		}
	}
	return false
}

// affectedMarks is affectedDocs' answer taken as the vectors are built:
// each bag read for its vector is marked (mark), so that the bags are
// not read a third time (at 1,000 documents a reading is ~10 ms of a
// one-file re-run). Its changed terms come from the document
// frequencies the vectors are built with, which are termDF's of the
// vectors (every term of every bag is in their vocabulary): the same
// documents as affectedDocs.
type affectedMarks struct {
	old     *simState
	hashes  []uint64
	changed map[string]bool
	aff     []bool
	marked  []bool
}

// newAffectedMarks is nil when old does not apply to the run's
// documents (sameDocs).
func newAffectedMarks(old *simState, files []string, hashes []uint64, df map[string]int) *affectedMarks {
	if old == nil || !sameDocs(old, files) {
		return nil
	}
	return &affectedMarks{old: old, hashes: hashes, changed: changedTerms(old.df, df), aff: make([]bool, len(files)), marked: make([]bool, len(files))}
}

// mark notes whether document i, whose bag is b, is affected.
func (a *affectedMarks) mark(i int, b analysis.TermBag) {
	a.aff[i] = a.hashes[i] != a.old.hashes[i] || (len(a.changed) > 0 && holdsAny(b, a.changed))
	a.marked[i] = true
}

// result is affectedDocs' answer; false when a document was not marked
// (its bag not read), or with no marks.
func (a *affectedMarks) result() (aff []bool, affected int, ok bool) {
	if a == nil {
		return nil, 0, false
	}
	for i, m := range a.marked {
		if !m {
			return nil, 0, false
		}
		if a.aff[i] {
			affected++
		}
	}
	return a.aff, affected, true
}

// sameDocs reports whether old was a run of as many documents as files:
// then its document i is the run's document i, whose bag tells whether
// it changed (old.hashes). The files' names are not compared: the state
// keeps none (see the top of this file).
func sameDocs(old *simState, files []string) bool {
	n := len(files)
	return len(old.hashes) == n && len(old.lists) == n && len(old.cuts) == n
}

// rowBatch is how many rows forRows computes before it hands them on.
const rowBatch = 256

// forRows calls fn with each document of rows and its similarities
// (rowSims), in the order of rows, computing rowBatch rows at a time.
func forRows[W weight](m *vecSet[W], rows []int, workers int, fn func(i int, row []candidate)) {
	if len(rows) == 0 {
		return
	}
	if len(rows) <= directRows {
		for x, row := range rowSimsDirect(m, rows, workers) {
			fn(rows[x], row)
		}
		return
	}
	post := newPostings(m)
	for lo := 0; lo < len(rows); lo += rowBatch {
		batch := rows[lo:min(lo+rowBatch, len(rows))]
		for x, row := range rowSims(m, post, batch, workers) {
			fn(batch[x], row)
		}
	}
}

// rowSims computes, for each document of rows, its similarity to every
// other document that shares a term with it, as all pairs computes it:
// through the same inverted index, the products of the shared terms
// summed in term order (the same order from either side of a pair, and
// each product the same either way), rounded by round4; a row only
// reads the postings of its own terms.
func rowSims[W weight](m *vecSet[W], post *postings[W], rows []int, workers int) [][]candidate {
	out := make([][]candidate, len(rows))
	n := m.len()
	eachRowParallel(len(rows), workers, func() func(x int) {
		acc := make([]float64, n)
		var idx []int32
		var val []W
		return func(x int) {
			a := rows[x]
			idx, val = m.full(a, idx[:0], val[:0])
			for k, ti := range idx {
				w := float64(val[k])
				docs, ws := post.of(ti)
				for y, b := range docs {
					acc[b] += w * float64(ws[y])
				}
			}
			var row []candidate
			for b := range n {
				if acc[b] > 0 && b != a {
					row = append(row, candidate{doc: b, sim: round4(acc[b])})
				}
				acc[b] = 0
			}
			out[x] = row
		}
	})
	return out
}

// eachRowParallel calls work(x) for every x in [0, n) on up to workers
// goroutines, each with its own scratch state made by newWorker. Rows
// are handed out one at a time, so one long row holds up no other
// worker; each x is done exactly once, by one worker.
func eachRowParallel(n, workers int, newWorker func() func(x int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for {
				x := int(next.Add(1) - 1)
				if x >= n {
					return
				}
				work(x)
			}
		}()
	}
	wg.Wait()
}

// directRows is the most rows forRows computes without the inverted
// index: building it reads and copies every vector (at 1,000 documents
// 14 ms, for the one or two rows a one-file re-run computes), where a
// row by itself reads every vector once (rowSimsDirect).
const directRows = 4

// rowSimsDirect is rowSims without the inverted index: a row's weights
// are spread over the terms and every other document's vector is read
// against them, its terms in order. The products are those rowSims
// forms (the row's weight times the other's, each as float64) and are
// summed in the same term order from 0, so every figure is rowSims'
// to the bit (TestRowSimsDirect).
func rowSimsDirect[W weight](m *vecSet[W], rows []int, workers int) [][]candidate {
	out := make([][]candidate, len(rows))
	n := m.len()
	eachRowParallel(len(rows), min(workers, len(rows)), func() func(x int) {
		d := newDirectRow[W](m)
		sums := make([]float64, n)
		return func(x int) {
			a := rows[x]
			d.sums(m, a, sums)
			var row []candidate
			for b, s := range sums {
				if s > 0 && b != a {
					row = append(row, candidate{doc: b, sim: round4(s)})
				}
			}
			out[x] = row
		}
	})
	return out
}

// directRow is a row's weights spread over the terms, and which row put
// them there (stamp), so that loading the next row clears nothing.
type directRow[W weight] struct {
	w     []float64
	stamp []int32
	row   int32
	idx   []int32
	val   []W
}

func newDirectRow[W weight](m *vecSet[W]) *directRow[W] {
	return &directRow[W]{w: make([]float64, len(m.terms)), stamp: make([]int32, len(m.terms))}
}

// sums sets sums[b] to document a's dot product with each document b
// (a's own included) as rowSims accumulates it: b's terms in order, the
// shared ones' products added to 0.
func (d *directRow[W]) sums(m *vecSet[W], a int, sums []float64) {
	d.row++
	d.idx, d.val = m.full(a, d.idx[:0], d.val[:0])
	for k, ti := range d.idx {
		d.w[ti], d.stamp[ti] = float64(d.val[k]), d.row
	}
	for b := range sums {
		d.idx, d.val = m.full(b, d.idx[:0], d.val[:0])
		s := 0.0
		for k, ti := range d.idx {
			if d.stamp[ti] == d.row {
				s += d.w[ti] * float64(d.val[k])
			}
		}
		sums[b] = s
	}
}

// postings are a vecSet's inverted index: per term, the documents that
// have it (in order) and their weights, in two flat arrays.
type postings[W weight] struct {
	start []int
	doc   []int32
	w     []W
}

func (p *postings[W]) of(t int32) ([]int32, []W) {
	return p.doc[p.start[t]:p.start[t+1]], p.w[p.start[t]:p.start[t+1]]
}

func newPostings[W weight](m *vecSet[W]) *postings[W] {
	nt := len(m.terms)
	p := &postings[W]{start: make([]int, nt+1)}
	for _, ti := range m.idx {
		p.start[ti+1]++
	}
	for q := range m.tidx {
		p.start[m.tailTerm(q)+1]++
	}
	for t := range nt {
		p.start[t+1] += p.start[t]
	}
	p.doc, p.w = make([]int32, p.start[nt]), make([]W, p.start[nt])
	fill := slices.Clone(p.start[:nt])
	var idx []int32
	var val []W
	for d := range m.len() {
		idx, val = m.full(d, idx[:0], val[:0])
		for k, ti := range idx {
			p.doc[fill[ti]], p.w[fill[ti]] = int32(d), val[k]
			fill[ti]++
		}
	}
	return p
}
