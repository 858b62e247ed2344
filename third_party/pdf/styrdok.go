// Patches made for styrdok (github.com/styrdok/styrdok); see PATCHES.md.
// Everything new lives in this file; the edits to the original files are
// marked "styrdok patch".

package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"
)

// ReaderOptions configures a Reader made by NewReaderOptions.
type ReaderOptions struct {
	// WrapStream, when set, wraps the decoded data of every stream the
	// Reader hands out (content streams, object streams, cross-reference
	// streams, CMaps), whatever the stream's dictionary says: a caller
	// counts or limits decompressed bytes here.
	WrapStream func(io.Reader) io.Reader

	// Repair rebuilds the cross-reference table by scanning the file for
	// "N G obj" headers when the table the trailer points to cannot be read
	// (as poppler and pdf.js do), instead of failing.
	Repair bool
}

// Abort is implemented by panic values (or errors) that a caller raises
// inside the library to stop it (a deadline, a size limit): the library's
// own recovers, which turn malformed input into errors or skip a bad
// operand, pass them on unchanged.
type Abort interface{ AbortPDF() }

func isAbort(x any) bool {
	if _, ok := x.(Abort); ok {
		return true
	}
	if e, ok := x.(error); ok {
		var a Abort
		return errors.As(e, &a)
	}
	return false
}

// errXrefLoop is a /Prev chain that comes back to a section already read:
// without the check the chain is followed forever.
var errXrefLoop = errors.New("malformed PDF: cross-reference /Prev chain loops")

const (
	// maxPrevChain bounds the incremental updates followed; real files
	// have a handful.
	maxPrevChain = 10000
	// maxCachedObjects bounds the object cache (a million parsed objects
	// is far beyond any real document).
	maxCachedObjects = 1 << 20
	// maxEndstreamSearch bounds how far a stream whose /Length is wrong is
	// searched for its "endstream".
	maxEndstreamSearch = 256 << 20
)

// Repaired returns why the cross-reference table was rebuilt by scanning
// the file (ReaderOptions.Repair), or nil when it was read as written.
func (r *Reader) Repaired() error { return r.repaired }

func (r *Reader) readXrefOrRepair() error {
	err := r.readXrefFromEnd()
	if err == nil {
		if r.opts.Repair && !r.rootUsable() {
			err = errors.New("malformed PDF: trailer has no usable /Root")
		} else {
			return nil
		}
	}
	if !r.opts.Repair {
		return err
	}
	if rerr := r.rebuildXref(); rerr != nil {
		return fmt.Errorf("%v (rebuilding the cross-reference table by scanning failed too: %v)", err, rerr)
	}
	r.repaired = err
	return nil
}

// rootUsable reports whether the trailer's /Root resolves to a catalog
// with a page tree.
func (r *Reader) rootUsable() (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if isAbort(x) {
				panic(x)
			}
			ok = false
		}
	}()
	return r.Trailer().Key("Root").Key("Pages").Kind() == Dict
}

// objHeader finds "N G obj" headers; compiled on first use, as only a
// repair needs it (a process reading sound files never compiles it).
var objHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)
})

// rebuildXref makes the cross-reference table from the objects found in
// the file: the last definition of a number wins (incremental updates are
// appended), objects inside object streams are found through their
// streams' headers, and the trailer is the last one found (a "trailer"
// dictionary or a cross-reference stream's), with /Root replaced by a
// catalog found in the file when it does not resolve.
func (r *Reader) rebuildXref() (err error) {
	defer func() {
		if x := recover(); x != nil {
			if isAbort(x) {
				panic(x)
			}
			err = fmt.Errorf("%v", x)
		}
	}()
	data := make([]byte, r.end)
	if n, err := r.f.ReadAt(data, 0); n < len(data) && err != nil {
		return err
	}
	r.xref, r.cache, r.trailer, r.trailerptr = nil, nil, nil, objptr{}
	var table []xref
	for _, m := range objHeader().FindAllSubmatchIndex(data, -1) {
		if m[0] > 0 && !isSpace(data[m[0]-1]) && !isDelim(data[m[0]-1]) {
			continue // the end of a longer token
		}
		id, err1 := strconv.ParseUint(string(data[m[2]:m[3]]), 10, 32)
		gen, err2 := strconv.ParseUint(string(data[m[4]:m[5]]), 10, 16)
		if err1 != nil || err2 != nil || id == 0 || id > uint64(len(data)) {
			continue
		}
		table = ensureXrefLen(table, int(id))
		table[id] = xref{ptr: objptr{uint32(id), uint16(gen)}, offset: int64(m[0])}
	}
	if len(table) == 0 {
		return errors.New("no objects found")
	}
	r.xref = table
	var (
		trailer dict
		catalog objptr
	)
	for id := range table {
		x := table[id]
		if x.offset == 0 || x.inStream {
			continue
		}
		v, ok := r.tryResolve(x.ptr)
		if !ok {
			continue
		}
		switch v.Key("Type").Name() {
		case "Catalog":
			if v.Key("Pages").Kind() == Dict {
				catalog = x.ptr
			}
		case "XRef":
			if s, ok := v.data.(stream); ok {
				trailer = mergeTrailer(trailer, s.hdr)
			}
		case "ObjStm":
			for _, oid := range r.objStmIDs(v) {
				if oid > 0 && oid < 1<<24 {
					r.xref = ensureXrefLen(r.xref, int(oid))
					if r.xref[oid].offset == 0 && !r.xref[oid].inStream {
						r.xref[oid] = xref{ptr: objptr{oid, 0}, inStream: true, stream: x.ptr}
					}
				}
			}
		}
	}
	// "trailer" dictionaries, in file order so the last one wins
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte("trailer"))
		if i < 0 {
			break
		}
		pos += i + len("trailer")
		func() {
			defer func() {
				if x := recover(); x != nil && isAbort(x) {
					panic(x)
				}
			}()
			b := newBuffer(bytes.NewReader(data[pos:]), int64(pos))
			b.allowEOF = true
			if d, ok := b.readObject().(dict); ok {
				trailer = mergeTrailer(trailer, d)
			}
		}()
	}
	if trailer == nil {
		trailer = dict{}
	}
	delete(trailer, "Prev")
	r.trailer = trailer
	r.cache = nil // objects resolved before the object streams were known
	if !r.rootUsable() {
		if catalog == (objptr{}) {
			// a catalog stored in an object stream
			for id := range r.xref {
				if x := r.xref[id]; x.inStream {
					if v, ok := r.tryResolve(x.ptr); ok && v.Key("Type").Name() == "Catalog" && v.Key("Pages").Kind() == Dict {
						catalog = x.ptr
					}
				}
			}
		}
		if catalog == (objptr{}) {
			return errors.New("no document catalog found")
		}
		trailer["Root"] = catalog
	}
	return nil
}

// mergeTrailer lays the entries of next over base.
func mergeTrailer(base, next dict) dict {
	out := dict{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range next {
		switch k {
		case "Length", "Filter", "DecodeParms", "W", "Index", "Type":
			continue
		}
		out[k] = v
	}
	return out
}

func (r *Reader) tryResolve(ptr objptr) (v Value, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if isAbort(x) {
				panic(x)
			}
			ok = false
		}
	}()
	return r.resolve(objptr{}, ptr), true
}

// objStmIDs lists the object numbers an object stream holds.
func (r *Reader) objStmIDs(strm Value) []uint32 {
	n := int(strm.Key("N").Int64())
	b := newBuffer(strm.Reader(), 0)
	b.allowEOF = true
	var ids []uint32
	for i := 0; i < n && i < 1<<20; i++ {
		id, ok1 := b.readToken().(int64)
		_, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 {
			break
		}
		ids = append(ids, uint32(id))
	}
	return ids
}

// streamLength returns the length of the stream data starting at off: the
// declared length when "endstream" follows it, else the distance to the
// next "endstream" (a /Length that is too short or too long, which
// Acrobat and poppler read through).
func (r *Reader) streamLength(off, declared int64) int64 {
	if n, ok := r.lengths[off]; ok {
		return n
	}
	if declared >= 0 && off+declared <= r.end && r.endstreamAt(off+declared) {
		return declared
	}
	n := declared
	if found := r.findEndstream(off); found >= 0 {
		n = found
	}
	if r.lengths == nil {
		r.lengths = map[int64]int64{}
	}
	r.lengths[off] = n
	return n
}

// endstreamAt reports whether "endstream" follows pos after optional
// white space.
func (r *Reader) endstreamAt(pos int64) bool {
	buf := make([]byte, 32)
	n, _ := r.f.ReadAt(buf, pos)
	rest := bytes.TrimLeft(buf[:n], " \t\r\n\f\x00")
	return bytes.HasPrefix(rest, []byte("endstream")) || (n < len(buf) && len(rest) == 0)
}

// findEndstream returns the length of the data from off to the next
// "endstream" (minus the end-of-line before it), or -1.
func (r *Reader) findEndstream(off int64) int64 {
	const chunk = 64 << 10
	kw := []byte("endstream")
	buf := make([]byte, chunk+len(kw))
	for pos := off; pos < r.end && pos-off < maxEndstreamSearch; pos += chunk {
		n, _ := r.f.ReadAt(buf, pos)
		if n <= 0 {
			break
		}
		if i := bytes.Index(buf[:n], kw); i >= 0 {
			end := pos + int64(i)
			// drop the end-of-line that precedes the keyword
			var tail [2]byte
			if end-2 >= off {
				r.f.ReadAt(tail[:], end-2)
				if tail[0] == '\r' && tail[1] == '\n' {
					return end - 2 - off
				}
			}
			if end-1 >= off && (tail[1] == '\n' || tail[1] == '\r') {
				return end - 1 - off
			}
			return end - off
		}
	}
	return -1
}

// ToUnicode returns the font's /ToUnicode CMap as an encoding, or nil when
// it has none (or it cannot be read). Encoder prefers /Encoding for simple
// fonts; a caller that wants the ToUnicode map first (as poppler and
// pdf.js do, e.g. for Type3 fonts whose /Differences name glyphs "g1",
// "g2") uses this. Codes the map does not cover decode to U+FFFD.
func (f Font) ToUnicode() TextEncoding {
	tu := f.V.Key("ToUnicode")
	if tu.Kind() != Stream {
		return nil
	}
	if m := readCmap(tu); m != nil {
		return m
	}
	return nil
}

// RefOf returns the object number and generation of the indirect
// reference stored under key in the dictionary (or stream dictionary) v;
// ok is false when the entry is absent or a direct object. Two entries
// with the same reference resolve to the same object, so a caller can
// keep what it derives from a shared object (a font drawn on every page)
// by this identity instead of deriving it again.
func (v Value) RefOf(key string) (id uint32, gen uint16, ok bool) {
	x, isDict := v.data.(dict)
	if !isDict {
		strm, isStream := v.data.(stream)
		if !isStream {
			return 0, 0, false
		}
		x = strm.hdr
	}
	ptr, ok := x[name(key)].(objptr)
	return ptr.id, ptr.gen, ok
}

// maxInflaters bounds the zlib readers a Reader keeps for reuse: streams
// are read one at a time (a content stream, then a font's CMap while it is
// open), so a few suffice.
const maxInflaters = 8

// inflater is a zlib reader with the buffered reader it reads through:
// each holds a 32 kB window and a 4 kB buffer, which zlib.NewReader made
// anew for every stream (a fifth of the bytes allocated on real PDFs).
type inflater struct {
	br *bufio.Reader
	zr io.ReadCloser // also a zlib.Resetter
}

// inflate returns a reader of the zlib data in rd, with an inflater the
// Reader kept from a stream read to its end, or a new one. A bad header
// panics with zlib's error, as zlib.NewReader's error did in applyFilter.
func (r *Reader) inflate(rd io.Reader) io.Reader {
	var in *inflater
	if n := len(r.inflaters); n > 0 {
		in = r.inflaters[n-1]
		r.inflaters = r.inflaters[:n-1]
		in.br.Reset(rd)
		if err := in.zr.(zlib.Resetter).Reset(in.br, nil); err != nil {
			panic(err)
		}
	} else {
		in = &inflater{br: bufio.NewReader(rd)}
		zr, err := zlib.NewReader(in.br)
		if err != nil {
			panic(err)
		}
		in.zr = zr
	}
	return &inflating{r: r, in: in}
}

// inflating reads one stream through an inflater and gives the inflater
// back to its Reader when the stream ends (or fails): every later read
// returns that same error, as the zlib reader itself would, without
// touching the inflater another stream may be using by then. A stream
// abandoned before its end keeps its inflater, which is then collected.
type inflating struct {
	r   *Reader
	in  *inflater
	err error
}

func (s *inflating) Read(p []byte) (int, error) {
	if s.in == nil {
		return 0, s.err
	}
	n, err := s.in.zr.Read(p)
	if err != nil {
		s.err = err
		if len(s.r.inflaters) < maxInflaters {
			s.r.inflaters = append(s.r.inflaters, s.in)
		}
		s.in = nil
	}
	return n, err
}

// objectBuffer is newBuffer(rd, offset) for resolve's reading of one
// indirect object from the file, re-using the Reader's one buffer (its
// 4 kB of input, its token scratch) instead of making a new one per
// object: 150 new buffers, 600 kB, on the 37-page Word report of
// styrdok's testdata/ingest/real. Safe because nothing resolve reads
// keeps the buffer (strings and names are copied out, a stream keeps its
// offset) and resolve is not re-entered while the buffer reads; a panic
// leaves it to be reset by the next call. Like the object cache, not for
// concurrent use of one Reader.
func (r *Reader) objectBuffer(rd io.Reader, offset int64) *buffer {
	b := r.objBuf
	if b == nil {
		b = newBuffer(rd, offset)
		r.objBuf = b
		return b
	}
	clear(b.arrTmp[:cap(b.arrTmp)])
	*b = buffer{
		r:           rd,
		offset:      offset,
		buf:         b.buf[:0],
		tmp:         b.tmp[:0],
		arrTmp:      b.arrTmp[:0],
		allowObjptr: true,
		allowStream: true,
	}
	return b
}
