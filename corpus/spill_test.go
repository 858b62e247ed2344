package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/klauspost/compress/s2"

	"github.com/styrdok/styrdok/analysis"
)

// TestRunSpill: with a spill, Run keeps only summaries (nothing per
// sentence: IsSummary), and Full gives back, in the summaries' order,
// exactly the analyses a run without a spill keeps, fresh, re-tagged
// or re-used from the store; the spill file goes with Close.
func TestRunSpill(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	files = append(files, "../testdata/missing.txt")
	want, _ := AnalyzeFiles(context.Background(), a, files, BatchOptions{Workers: 2})
	for _, d := range want {
		d.Segments = nil // not stored, not spilled
	}
	check := func(name string, res *BatchResult) {
		t.Helper()
		if res.Full == nil || res.Full.Len() != len(want) || len(res.Documents) != len(want) {
			t.Fatalf("%s: %d summaries, Full %v; want %d", name, len(res.Documents), res.Full, len(want))
		}
		for i, d := range res.Documents {
			if !analysis.IsSummary(d) {
				t.Errorf("%s: %s: the run keeps per-sentence data in memory", name, d.File)
			}
			if d.Themes != nil {
				t.Errorf("%s: %s: the summary holds its themes unpacked", name, d.File)
			}
			if got := res.Full.SummaryThemes(d, nil); !reflect.DeepEqual(got, analysis.Summary(want[i]).Themes) {
				t.Errorf("%s: %s: the summary's themes %+v, want %+v", name, d.File, got, analysis.Summary(want[i]).Themes)
			}
			if d.File != want[i].File || !reflect.DeepEqual(readBag(t, res.Full, i), want[i].Terms) || len(d.Terms.Stems) != 0 {
				t.Errorf("%s: summary %d (%s) is not of %s", name, i, d.File, want[i].File)
			}
		}
		n := 0
		err := res.Full.Each(func(i int, d *analysis.DocumentAnalysis) error {
			n++
			if !reflect.DeepEqual(d, want[i]) {
				t.Errorf("%s: %s read back from the spill differs from the analysis", name, d.File)
			}
			return nil
		})
		if err != nil || n != len(want) {
			t.Fatalf("%s: Each: %v after %d documents", name, err, n)
		}
	}

	spill, err := NewSpill(t.TempDir(), ".spill-*")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Spill: spill})
	if err != nil {
		t.Fatal(err)
	}
	check("no store", res)
	if err := spill.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spill.Name()); !os.IsNotExist(err) {
		t.Errorf("spill file left after Close: %v", err)
	}

	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := AnalysisKey{PipelineVersion: "test"}
	for _, name := range []string{"store, cold", "store, re-used"} {
		id, err := st.BeginRun(key, 2, "test")
		if err != nil {
			t.Fatal(err)
		}
		spill, err := NewSpill(t.TempDir(), ".spill-*")
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), a, files, BatchOptions{Workers: 2, Store: st, Key: key, RunID: id, Spill: spill})
		if err != nil {
			t.Fatal(err)
		}
		check(name, res)
		spill.Close()
	}
}

// readBag is document i's term bag read back from ds.
func readBag(t *testing.T, ds *Documents, i int) analysis.TermBag {
	t.Helper()
	var b analysis.TermBag
	if err := ds.ReadTermBag(i, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSpillTermBags: term bags go through the spill's term file and
// come back as they went in, in any order, many times, sharing the
// vocabulary; a damaged or cut term file is an error naming the spill
// file and the document, never a wrong bag.
func TestSpillTermBags(t *testing.T) {
	spill, err := NewSpill(t.TempDir(), ".spill-*")
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	bags := []analysis.TermBag{
		{Stems: []string{"integration", "kommun", "språk"}, Counts: []int32{3, 1, 70000}},
		{}, // a document without terms
		{Stems: []string{"språk", "arbete"}, Counts: []int32{2, 1}},
		{Stems: []string{"ö"}, Counts: []int32{1 << 30}},
	}
	ds := &Documents{spill: spill}
	for i, b := range bags {
		ref, err := spill.add([]byte{byte(i)}, sha256.Sum256([]byte{byte(i)}), b)
		if err != nil {
			t.Fatal(err)
		}
		ds.refs = append(ds.refs, ref)
		ds.sums = append(ds.sums, &analysis.DocumentAnalysis{File: fmt.Sprintf("doc%d.txt", i)})
	}
	if err := spill.finish(); err != nil {
		t.Fatal(err)
	}
	if n := len(spill.terms.vocab); n != 5 {
		t.Errorf("vocabulary of %d stems, want 5 (each once)", n)
	}
	var got analysis.TermBag
	for _, i := range []int{2, 0, 3, 1, 0, 2} {
		if err := ds.ReadTermBag(i, &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Stems) != len(bags[i].Stems) || (len(got.Stems) > 0 && !reflect.DeepEqual(got, bags[i])) {
			t.Errorf("bag %d read back as %v, want %v", i, got, bags[i])
		}
	}

	data, err := os.ReadFile(spill.TermsName())
	if err != nil {
		t.Fatal(err)
	}
	damage := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(spill.TermsName(), b, 0o600); err != nil {
			t.Fatal(err)
		}
		err := ds.ReadTermBag(2, &got)
		if err == nil || !strings.Contains(err.Error(), spill.TermsName()) || !strings.Contains(err.Error(), "doc2.txt") {
			t.Errorf("%s: %v, want an error naming %s and doc2.txt", name, err, spill.TermsName())
		}
	}
	flipped := bytes.Clone(data)
	flipped[ds.refs[2].toff+6] ^= 0x40
	damage("a flipped bit", flipped)
	damage("cut short", data[:ds.refs[2].toff+3])
	// a record whose checksum holds but whose vocabulary index does not
	bad := bytes.Clone(data)
	rec := bad[ds.refs[2].toff : ds.refs[2].toff+int64(ds.refs[2].tn)]
	rec[5] = 0x7f // the first term's index, beyond the vocabulary
	binary.LittleEndian.PutUint32(rec, crc32.Checksum(rec[4:], castagnoli))
	damage("an index beyond the vocabulary", bad)
}

// TestSpillVocabularyBlocks: the vocabulary's stems are copied into
// blocks of vocabBlock bytes, none left a piece of the caller's string;
// past a block's end a new one starts, a stem too long for a block is
// copied alone, and every bag still reads back as it went in.
func TestSpillVocabularyBlocks(t *testing.T) {
	spill, err := NewSpill(t.TempDir(), ".spill-*")
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	ds := &Documents{spill: spill}
	text := strings.Repeat("y", vocabBlock) // the stems below are pieces of it, or of a longer text
	var bags []analysis.TermBag
	for i := range 3 * vocabBlock / 1000 { // about three blocks of stems
		var bag analysis.TermBag
		for k := range 100 {
			st := fmt.Sprintf("stem%07d", i*100+k) // 11 bytes
			bag.Stems = append(bag.Stems, st)
			bag.Counts = append(bag.Counts, int32(k+1))
		}
		bags = append(bags, bag)
	}
	long := text[:vocabBlock/2] + "z"
	bags = append(bags, analysis.TermBag{Stems: []string{text[:7], long}, Counts: []int32{1, 2}})
	spillBags(t, spill, ds, bags)
	vocab := spill.terms.vocab
	adjacent, blocks := 0, 1
	for k := 1; k < len(vocab)-2; k++ {
		if unsafe.StringData(vocab[k]) == (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(vocab[k-1])), len(vocab[k-1]))) {
			adjacent++
		} else {
			blocks++
		}
	}
	if want := (len(vocab) - 2) * 11 / vocabBlock; blocks < want || blocks > want+2 || adjacent < len(vocab)-3-blocks {
		t.Errorf("%d stems in %d blocks (%d adjacent), want about %d blocks, each packed", len(vocab)-2, blocks, adjacent, want)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for _, st := range vocab[len(vocab)-2:] {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(st))); p >= lo && p < lo+uintptr(len(text)) {
			t.Errorf("the stem %.10q... is still a piece of the caller's text", st)
		}
	}
	var got analysis.TermBag
	for i, b := range bags {
		if err := ds.ReadTermBag(i, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, b) {
			t.Fatalf("bag %d read back differs", i)
		}
	}
}

// spillBags adds each bag to spill as document i ("doc<i>.txt") of ds and
// finishes the spill.
func spillBags(tb testing.TB, spill *Spill, ds *Documents, bags []analysis.TermBag) {
	tb.Helper()
	for i, b := range bags {
		ref, err := spill.add(nil, sha256.Sum256(nil), b)
		if err != nil {
			tb.Fatal(err)
		}
		ds.refs = append(ds.refs, ref)
		ds.sums = append(ds.sums, &analysis.DocumentAnalysis{File: fmt.Sprintf("doc%d.txt", i)})
	}
	if err := spill.finish(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReadTermBag is similarity's read of a term bag back from the
// spill (twice a document in a run): 400 terms, the bench corpus's
// average.
func BenchmarkReadTermBag(b *testing.B) {
	spill, err := NewSpill(b.TempDir(), ".spill-*")
	if err != nil {
		b.Fatal(err)
	}
	defer spill.Close()
	ds := &Documents{spill: spill}
	bags := make([]analysis.TermBag, 64)
	for i := range bags {
		for k := range 400 {
			bags[i].Stems = append(bags[i].Stems, fmt.Sprintf("stem%d", (i*37+k*11)%5000))
			bags[i].Counts = append(bags[i].Counts, int32(1+k%7))
		}
	}
	spillBags(b, spill, ds, bags)
	var bag analysis.TermBag
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := ds.ReadTermBag(i%64, &bag); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSpillDigestEachWhere: a document's digest is the SHA-256 of its
// spilled bytes (equal analyses, equal digests), and EachWhere decodes
// only the documents need asks for, giving nil for the others, in
// order, with the summary's file on each decoded one.
func TestSpillDigestEachWhere(t *testing.T) {
	spill, err := NewSpill(t.TempDir(), ".spill-*")
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	ds := &Documents{spill: spill}
	var packed [][]byte
	for i := range 4 {
		d := &analysis.DocumentAnalysis{File: "stored.txt", Words: 10 + i%2} // 0 and 2 alike, 1 and 3 alike
		analysis.NormalizeEmpty(d)
		p := s2.Encode(nil, analysis.EncodeAnalysis(d))
		ref, err := spill.add(p, sha256.Sum256(p), analysis.TermBag{})
		if err != nil {
			t.Fatal(err)
		}
		packed = append(packed, p)
		ds.refs = append(ds.refs, ref)
		ds.sums = append(ds.sums, &analysis.DocumentAnalysis{File: fmt.Sprintf("doc%d.txt", i)})
	}
	if err := spill.finish(); err != nil {
		t.Fatal(err)
	}
	for i, p := range packed {
		if ds.Digest(i) != sha256.Sum256(p) {
			t.Errorf("document %d: digest is not the SHA-256 of its spilled bytes", i)
		}
	}
	if ds.Digest(0) != ds.Digest(2) || ds.Digest(0) == ds.Digest(1) {
		t.Error("equal analyses with different digests, or different ones with equal digests")
	}
	var got []string
	err = ds.EachWhere(func(i int) bool { return i%2 == 1 }, func(i int, d *analysis.DocumentAnalysis) error {
		switch {
		case d == nil:
			got = append(got, fmt.Sprintf("%d:-", i))
		default:
			got = append(got, fmt.Sprintf("%d:%s:%d", i, d.File, d.Words))
		}
		return nil
	})
	if want := []string{"0:-", "1:doc1.txt:11", "2:-", "3:doc3.txt:11"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("EachWhere gave %v, %v; want %v", got, err, want)
	}
}
