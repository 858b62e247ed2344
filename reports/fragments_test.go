package reports

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// digestRoundTrip is a roundTripSource that tells its documents' analyses
// apart, as corpus.Documents does, and counts the documents it decodes.
type digestRoundTrip struct {
	*roundTripSource
	decoded atomic.Int32
}

func (s *digestRoundTrip) Digest(i int) [sha256.Size]byte { return sha256.Sum256(s.encoded[i]) }

func (s *digestRoundTrip) EachWhere(need func(int) bool, fn func(int, *analysis.DocumentAnalysis) error) error {
	return s.roundTripSource.Each(func(i int, d *analysis.DocumentAnalysis) error {
		if need != nil && !need(i) {
			return fn(i, nil)
		}
		s.decoded.Add(1)
		return fn(i, d)
	})
}

// fragmentsReport is a report of docs read through a digestRoundTrip,
// keeping its fragments in dir ("" for none).
func fragmentsReport(t *testing.T, base *Report, docs []*analysis.DocumentAnalysis, dir, asOf string) (*Report, *digestRoundTrip) {
	t.Helper()
	src := &digestRoundTrip{roundTripSource: newRoundTripSource(t, docs)}
	r := &Report{Documents: src.sums, Source: src, Codebook: base.Codebook, Registry: base.Registry, Fragments: dir,
		Run: &RunInfo{Version: "test", Options: map[string]string{"as-of": asOf}}}
	return r, src
}

// outputsOf writes every report of r into a new folder and returns the
// files' contents.
func outputsOf(t *testing.T, r *Report) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	return filesIn(t, dir)
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: %s differs from the run without fragments", what, name)
		}
	}
}

// bundledFull is the bundled documents' full analyses, many times over
// under other names (so that the evidence sheet's row limit and the
// windows of the fragments files are crossed), normalised as a run's.
func bundledFull(t *testing.T, copies int) (*Report, []*analysis.DocumentAnalysis) {
	t.Helper()
	base := bundledReport(t)
	var docs []*analysis.DocumentAnalysis
	for k := range copies {
		for _, d := range base.Documents {
			c := cloneAnalysis(t, d)
			c.File = fmt.Sprintf("%s-%03d", d.File, k)
			docs = append(docs, c)
		}
	}
	sort.Slice(docs, func(a, b int) bool { return docs[a].File < docs[b].File })
	return base, docs
}

// TestFragmentsReRun: a second WriteAll over the same documents decodes
// none of them and writes the same bytes; after one document changed,
// only it is decoded, and every file is what a report without fragments
// writes; a damaged, truncated or stale fragments file is not used,
// with a note, and the reports are still right.
func TestFragmentsReRun(t *testing.T) {
	base, docs := bundledFull(t, 40)
	dir := filepath.Join(t.TempDir(), "styrdok.db.fragments")
	plain, _ := fragmentsReport(t, base, docs, "", "2019-06-01")
	want := outputsOf(t, plain)

	r, src := fragmentsReport(t, base, docs, dir, "2019-06-01")
	sameFiles(t, "cold", outputsOf(t, r), want)
	if n := src.decoded.Load(); int(n) != len(docs) {
		t.Errorf("cold: %d documents decoded, want %d", n, len(docs))
	}
	r, src = fragmentsReport(t, base, docs, dir, "2019-06-01")
	sameFiles(t, "again", outputsOf(t, r), want)
	if n := src.decoded.Load(); n != 0 {
		t.Errorf("again: %d documents decoded, want none", n)
	}
	if note := r.FragmentsNote(); note != "" {
		t.Errorf("again: note %q", note)
	}

	// One document changed: its evidence says something else.
	changed := cloneAnalysis(t, docs[17])
	for ti := range changed.Themes {
		for hi := range changed.Themes[ti].Evidence {
			changed.Themes[ti].Evidence[hi].Text += " (ändrad)"
		}
	}
	docs[17] = changed
	plain, _ = fragmentsReport(t, base, docs, "", "2019-06-01")
	want = outputsOf(t, plain)
	r, src = fragmentsReport(t, base, docs, dir, "2019-06-01")
	sameFiles(t, "one changed", outputsOf(t, r), want)
	if n := src.decoded.Load(); n != 1 {
		t.Errorf("one changed: %d documents decoded, want 1", n)
	}

	// One removed and its attribution changed on another: the file name
	// and attribution are part of the key.
	// (as a run at another --min-confidence decides it on the summary).
	docs = append(docs[:3:3], docs[4:]...)
	report := func(dir, asOf string) (*Report, *digestRoundTrip) {
		r, src := fragmentsReport(t, base, docs, dir, asOf)
		r.Documents[9].Municipality.Reason = "decided again"
		return r, src
	}
	plain, _ = report("", "2019-06-01")
	want = outputsOf(t, plain)
	r, src = report(dir, "2019-06-01")
	sameFiles(t, "one removed, one attributed again", outputsOf(t, r), want)
	if n := src.decoded.Load(); n != 1 {
		t.Errorf("one removed, one attributed again: %d documents decoded, want 1", n)
	}

	for _, c := range []struct {
		name, file, note string
		edit             func([]byte) []byte
	}{
		{"damaged fragment", "evidence.csv.frag", "checksum does not match", func(b []byte) []byte { b[10] ^= 1; return b }},
		{"damaged index", "report.html.frag", "index's checksum", func(b []byte) []byte { b[len(b)-fragTrailerSize-3] ^= 1; return b }},
		{"truncated", "documents.jsonl.frag", "not a fragments file", func(b []byte) []byte { return b[:len(b)-5] }},
		{"empty", "actions.csv.frag", "shorter than its trailer", func([]byte) []byte { return nil }},
		{"peers moved", "report.html.frag", "peers out of place", nil},
	} {
		path := filepath.Join(dir, c.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.edit == nil { // a valid file whose first fragment's peers are one byte off
			c.edit = func(b []byte) []byte { return shiftFirstPeers(t, b) }
		}
		if err := os.WriteFile(path, c.edit(data), 0o644); err != nil {
			t.Fatal(err)
		}
		r, _ = report(dir, "2019-06-01")
		sameFiles(t, c.name, outputsOf(t, r), want)
		if note := r.FragmentsNote(); !strings.Contains(note, c.note) || !strings.Contains(note, c.file) {
			t.Errorf("%s: note %q, want %q about %s", c.name, note, c.note, c.file)
		}
		// The run after makes the file anew (one found damaged while in
		// use was removed: every document is rendered again), and the
		// next re-uses every fragment.
		for _, after := range []string{", the run after", ", the run after that"} {
			r, src = report(dir, "2019-06-01")
			sameFiles(t, c.name+after, outputsOf(t, r), want)
			if note := r.FragmentsNote(); note != "" {
				t.Errorf("%s%s: note %q", c.name, after, note)
			}
		}
		if n := src.decoded.Load(); n != 0 {
			t.Errorf("%s, the run after that: %d documents decoded, want none", c.name, n)
		}
	}

	// Another --as-of: every file is stale.
	plain, _ = report("", "2030-01-01")
	want = outputsOf(t, plain)
	r, src = report(dir, "2030-01-01")
	sameFiles(t, "another as-of", outputsOf(t, r), want)
	if n := src.decoded.Load(); int(n) != len(docs) || !strings.Contains(r.FragmentsNote(), "--as-of") {
		t.Errorf("another as-of: %d documents decoded, note %q; want all, and a note", n, r.FragmentsNote())
	}
}

// shiftFirstPeers rewrites a fragments file's index so that its first
// fragment's peers are one byte later, with every checksum right: only
// the check of the peers' place can find it.
func shiftFirstPeers(t *testing.T, b []byte) []byte {
	t.Helper()
	le := binary.LittleEndian
	tr := b[len(b)-fragTrailerSize:]
	var ctx [sha256.Size]byte
	copy(ctx[:], tr[28:60])
	count, end := int(le.Uint32(tr[12:])), int64(le.Uint64(tr[16:]))
	index := append([]byte(nil), b[end:len(b)-fragTrailerSize]...)
	if count == 0 || len(index) != count*fragEntrySize {
		t.Fatalf("index of %d bytes for %d fragments", len(index), count)
	}
	le.PutUint32(index[48:], le.Uint32(index[48:])+1)
	var out bytes.Buffer
	out.Write(b[:end])
	if err := writeFragIndex(bufio.NewWriter(&out), index, count, end, ctx); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// cloneAnalysis is a copy of d through its stored encoding.
func cloneAnalysis(t *testing.T, d *analysis.DocumentAnalysis) *analysis.DocumentAnalysis {
	t.Helper()
	c, err := analysis.DecodeAnalysis(analysis.EncodeAnalysis(d))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFragmentsFormat holds what the writers render of each bundled
// document (the fragments' bytes) to a digest in testdata/golden. When
// it fails because a writer renders a document differently, bump
// fragFormat (fragments.go), so that the fragments an earlier build kept
// are not taken for this one's; then run the test with -update.
func TestFragmentsFormat(t *testing.T) {
	base, docs := bundledFull(t, 1)
	dir := filepath.Join(t.TempDir(), "f")
	r, _ := fragmentsReport(t, base, docs, dir, "2019-06-01")
	outputsOf(t, r)
	// the pass's parts, then (a line of their own, added later) the
	// tables' (writeTableParts)
	h, tables := sha256.New(), sha256.New()
	for p := range fragParts {
		h := h
		if p >= fragDocumentsCSV {
			h = tables
		}
		data, err := os.ReadFile(filepath.Join(dir, fragPartFiles[p]))
		if err != nil {
			t.Fatal(err)
		}
		// the fragments only: the index holds the keys, which the
		// analyses' encoding decides
		end := len(data) - fragTrailerSize - len(docs)*fragEntrySize
		if end < 0 {
			t.Fatalf("%s: %d bytes", fragPartFiles[p], len(data))
		}
		h.Write(data[:end])
	}
	golden(t, "fragments.sha256", fmt.Appendf(nil, "format %d\n%s\n%s\n", fragFormat, hex.EncodeToString(h.Sum(nil)), hex.EncodeToString(tables.Sum(nil))))
}
