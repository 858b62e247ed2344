package reports

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/klauspost/compress/flate"
)

// Sheet blocks: the evidence and actions sheets of coverage.xlsx are
// written as one deflate block per document (issue 17 item 3: after one
// changed file of 2,000, compressing the two sheets again was a tenth
// of the re-run's CPU). Each document's rows are compressed on their
// own, from a fresh compressor, and end with a sync flush (an empty
// stored block, so the next starts on a byte boundary): the blocks of
// the documents one after the other, between the sheet's compressed
// head and tail, are one valid deflate stream, whatever run compressed
// each. A document's block is kept with the fragments (fragEvidenceSheet,
// fragActionsSheet) and the next run copies it into the workbook as it
// is, compressing only the changed documents' rows; a cold run writes
// the same blocks, so the bytes do not depend on what was kept.
//
// The rows of a block carry no row number (`<row>`, not `<row r="7">`),
// and a blank cell before a filled one is written as `<c/>` rather than
// giving the next cell a reference ("C7"): both the row's and the
// cell's references are optional (ECMA-376 Part 1, 18.3.1.73 and
// 18.3.1.4), and a reader without them takes the next row and the next
// column, as Excel, LibreOffice, openpyxl (hence pandas) and excelize
// do (TestXLSXReadByOpenpyxl). A row number would tie a document's bytes
// to the rows before it.
//
// Blocks are for a sheet of documents with many rows each (the
// evidence sheet: about 15 KB of XML a document): the actions sheet,
// about 2.5 KB a document, came out 3.7 times as large in blocks (1.0
// against 0.28 MB of 5.2 MB at 2,000 documents), since each block
// starts without the document before to refer to. Its fragments are
// its rows' XML without row numbers, compressed as one stream as the
// workbook is written (XLSXSheet.blocks).
//
// A block's fragment is sheetBlockHead bytes (the CRC-32 of its rows'
// XML, which the zip entry's CRC is combined from, and their length)
// then the compressed bytes.
const sheetBlockHead = 8

// blockDeflater compresses sheet blocks.
type blockDeflater struct {
	fw  *flate.Writer
	out appendWriter
}

// appendWriter appends what is written to b.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// block appends raw's block (head and compressed bytes) to dst. An
// empty raw gives a head with no compressed bytes.
func (z *blockDeflater) block(dst, raw []byte) ([]byte, error) {
	if int64(len(raw)) > maxFragmentFile {
		return nil, fmt.Errorf("a document's rows of %d bytes", len(raw))
	}
	le := binary.LittleEndian
	dst = le.AppendUint32(dst, crc32.ChecksumIEEE(raw))
	dst = le.AppendUint32(dst, uint32(len(raw)))
	if len(raw) == 0 {
		return dst, nil
	}
	z.out.b = dst
	if z.fw == nil {
		var err error
		if z.fw, err = flate.NewWriter(&z.out, xlsxDeflateLevel); err != nil {
			return nil, err
		}
	} else {
		z.fw.Reset(&z.out)
	}
	if _, err := z.fw.Write(raw); err != nil {
		return nil, err
	}
	if err := z.fw.Flush(); err != nil { // a sync flush: ends on a byte boundary
		return nil, err
	}
	dst, z.out.b = z.out.b, nil
	return dst, nil
}

// deflateEnd is a final, empty stored block: it ends a stream of sync
// flushed blocks (BFINAL 1, BTYPE 00, LEN 0, NLEN 0xFFFF).
var deflateEnd = []byte{0x01, 0x00, 0x00, 0xff, 0xff}

// errBlock: a kept block whose head does not fit it.
var errBlock = errors.New("a sheet block's head does not fit it")

// blockRows is the XML of the rows of block b, decompressed and checked
// against its head.
func blockRows(b []byte) ([]byte, error) {
	if len(b) < sheetBlockHead {
		return nil, errBlock
	}
	le := binary.LittleEndian
	crc, n := le.Uint32(b), le.Uint32(b[4:])
	raw := make([]byte, 0, n)
	if n > 0 {
		zr := flate.NewReader(io.MultiReader(bytes.NewReader(b[sheetBlockHead:]), bytes.NewReader(deflateEnd)))
		var err error
		if raw, err = io.ReadAll(io.LimitReader(zr, int64(n)+1)); err != nil {
			return nil, fmt.Errorf("a sheet block: %w", err)
		}
	}
	if uint32(len(raw)) != n || crc32.ChecksumIEEE(raw) != crc {
		return nil, errBlock
	}
	return raw, nil
}

// firstRows is rows (a block's XML) cut after its first k rows.
func firstRows(rows []byte, k int) []byte {
	at := 0
	for range k {
		i := bytes.Index(rows[at:], []byte(`</row>`))
		if i < 0 {
			return rows
		}
		at += i + len(`</row>`)
	}
	return rows[:at]
}

// sheetStream writes a worksheet's zip entry, already compressed, from
// blocks, or (whole) from the rows' XML compressed as one stream: it
// keeps what the entry's header needs (the CRC-32 and length of the
// XML, the compressed length).
type sheetStream struct {
	w io.Writer
	// whole, when not nil, compresses the sheet as one stream (into w,
	// through zcount): its documents' fragments are their rows' XML.
	whole  *flate.Writer
	zcount *countingWriter
	z      blockDeflater
	crc    uint32
	size   int64 // the XML's bytes
	zsize  int64 // compressed
	buf    []byte
	closed bool
}

// newSheetStream is a sheet stream into w, of blocks or (whole) one.
func newSheetStream(w io.Writer, whole bool) (*sheetStream, error) {
	s := &sheetStream{w: w}
	if whole {
		s.zcount = &countingWriter{w: w}
		var err error
		if s.whole, err = flate.NewWriter(s.zcount, xlsxDeflateLevel); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// countingWriter counts what goes through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// add writes a document's fragment: block b (with its head), or its
// rows' XML when whole.
func (s *sheetStream) add(b []byte) error {
	if s.whole != nil {
		s.crc = crc32.Update(s.crc, crc32.IEEETable, b)
		s.size += int64(len(b))
		_, err := s.whole.Write(b)
		return err
	}
	if len(b) < sheetBlockHead {
		return errBlock
	}
	le := binary.LittleEndian
	n := le.Uint32(b[4:])
	if n == 0 {
		return nil
	}
	if _, err := s.w.Write(b[sheetBlockHead:]); err != nil {
		return err
	}
	s.crc = crc32Combine(s.crc, le.Uint32(b), int64(n))
	s.size += int64(n)
	s.zsize += int64(len(b) - sheetBlockHead)
	return nil
}

// xml compresses raw as a block of its own and writes it (the sheet's
// head and tail).
func (s *sheetStream) xml(raw []byte) error {
	if s.whole != nil {
		return s.add(raw)
	}
	var err error
	if s.buf, err = s.z.block(s.buf[:0], raw); err != nil {
		return err
	}
	return s.add(s.buf)
}

// end ends the stream (the final block).
func (s *sheetStream) end() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.whole != nil {
		err := s.whole.Close()
		s.zsize = s.zcount.n
		return err
	}
	if _, err := s.w.Write(deflateEnd); err != nil {
		return err
	}
	s.zsize += int64(len(deflateEnd))
	return nil
}

// crc32Combine is the CRC-32 (IEEE) of A followed by B, from A's CRC,
// B's and B's length (zlib's crc32_combine: B's length in zeros
// appended to A's CRC by squaring the operator for one zero bit).
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	row := uint32(1)
	for i := 1; i < 32; i++ {
		odd[i] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd) // the first: one zero byte
		if lenB&1 != 0 {
			crcA = gf2Times(&even, crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
		gf2Square(&odd, &even)
		if lenB&1 != 0 {
			crcA = gf2Times(&odd, crcA)
		}
		lenB >>= 1
		if lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
