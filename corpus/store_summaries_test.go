package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/analysis"
)

// summariesRunner runs batches over the bundled corpus with a store and
// a spill, as `styrdok run` does.
type summariesRunner struct {
	t     *testing.T
	a     *analysis.Analyzer
	files []string
	st    *Store
	key   AnalysisKey
}

func newSummariesRunner(t *testing.T) *summariesRunner {
	t.Helper()
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(files) < 3 {
		t.Fatalf("%d corpus files", len(files))
	}
	st, err := OpenStore(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &summariesRunner{t: t, a: a, files: files, st: st, key: AnalysisKey{PipelineVersion: "test", CodebookHash: a.Codebook.Hash()}}
}

func (r *summariesRunner) run() *BatchResult {
	r.t.Helper()
	id, err := r.st.BeginRun(r.key, 2, "test")
	if err != nil {
		r.t.Fatal(err)
	}
	spill, err := NewSpill(r.t.TempDir(), ".spill-*")
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { spill.Close() })
	res, err := Run(context.Background(), r.a, r.files, BatchOptions{Workers: 2, Store: r.st, Key: r.key, RunID: id, Spill: spill})
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

func (r *summariesRunner) path() string { return r.st.Path() + SummariesSuffix }

// fromSummaries counts the documents of res whose analysis the run did
// not read (spilled by reference to the store).
func fromSummaries(res *BatchResult) int {
	n := 0
	for _, ref := range res.Full.refs {
		if ref.stored != nil {
			n++
		}
	}
	return n
}

// sameResults fails unless got and want hold the same documents: the
// summaries (their themes), term bags, digests and full analyses.
func sameResults(t *testing.T, what string, got, want *BatchResult) {
	t.Helper()
	if got.Full == nil || want.Full == nil || got.Full.Len() != want.Full.Len() {
		t.Fatalf("%s: no spilled documents, or another count", what)
	}
	var full []*analysis.DocumentAnalysis
	if err := want.Full.Each(func(_ int, d *analysis.DocumentAnalysis) error { full = append(full, d); return nil }); err != nil {
		t.Fatal(err)
	}
	err := got.Full.Each(func(i int, d *analysis.DocumentAnalysis) error {
		g, w := *got.Documents[i], *want.Documents[i]
		g.Themes, w.Themes = got.Full.SummaryThemes(&g, nil), want.Full.SummaryThemes(&w, nil)
		if g.Themes = got.Full.SummaryThemes(got.Documents[i], nil); !reflect.DeepEqual(g.Themes, want.Full.SummaryThemes(want.Documents[i], nil)) {
			t.Errorf("%s: %s: themes differ", what, g.File)
		}
		w.Themes = g.Themes
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: %s: summary\n%+v\nwant\n%+v", what, g.File, g, w)
		}
		var gb, wb analysis.TermBag
		if err := got.Full.ReadTermBag(i, &gb); err != nil {
			t.Fatal(err)
		}
		if err := want.Full.ReadTermBag(i, &wb); err != nil {
			t.Fatal(err)
		}
		if len(gb.Stems) == 0 || !reflect.DeepEqual(gb, wb) {
			t.Errorf("%s: %s: term bag of %d terms, want %d", what, g.File, len(gb.Stems), len(wb.Stems))
		}
		if got.Full.Digest(i) != want.Full.Digest(i) {
			t.Errorf("%s: %s: digest differs", what, g.File)
		}
		if !reflect.DeepEqual(d, full[i]) {
			t.Errorf("%s: %s: full analysis differs", what, g.File)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSummariesReRun: a re-run takes every unchanged document's summary,
// term bag and digest from the store's summaries file without reading
// its analysis, and has the same documents as a run that reads every
// analysis from the store; the full analyses are read from the store
// when asked for. A damaged record is passed over (that analysis is read
// from the store), a damaged or foreign file is not read and is named
// in Problems; the run writes the file anew either way.
func TestSummariesReRun(t *testing.T) {
	r := newSummariesRunner(t)
	cold := r.run()
	if fromSummaries(cold) != 0 {
		t.Fatalf("cold run: %d documents from summaries", fromSummaries(cold))
	}
	again := r.run()
	if n := fromSummaries(again); n != len(r.files) || len(again.Problems) != 0 {
		t.Fatalf("re-run: %d of %d documents from the summaries file, problems %v", n, len(r.files), again.Problems)
	}
	sameResults(t, "re-run", again, cold)

	data, err := os.ReadFile(r.path())
	if err != nil {
		t.Fatal(err)
	}
	s, err := readSummariesIndex(mustOpen(t, r.path()), r.key.PipelineVersion)
	if err != nil {
		t.Fatal(err)
	}
	one := s.index[summaryKey{cold.Documents[0].SHA256, r.key.PipelineVersion, r.key.CodebookHash}]
	s.close()
	damaged := append([]byte(nil), data...)
	damaged[one.off+int64(one.n)/2] ^= 0x55 // one record's JSON or terms
	cases := []struct {
		name    string
		data    []byte
		reused  int    // documents expected from the file
		problem string // expected in Problems, naming the file
	}{
		{"damaged record", damaged, len(r.files) - 1, ""},
		{"truncated", data[:len(data)-10], 0, ""}, // as a stopped run leaves it: not damage

		{"empty", nil, 0, "too short"},
		{"other version", append(summariesHeader("0.0.1"), data[len(summariesHeader(r.key.PipelineVersion)):]...), 0, "another format"},
	}
	for _, c := range cases {
		if err := os.WriteFile(r.path(), c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := r.run()
		if n := fromSummaries(res); n != c.reused {
			t.Errorf("%s: %d documents from the summaries file, want %d", c.name, n, c.reused)
		}
		if c.problem == "" && len(res.Problems) != 0 || c.problem != "" && (len(res.Problems) != 1 || res.Problems[0].File != r.path() || !strings.Contains(res.Problems[0].Problem, c.problem)) {
			t.Errorf("%s: problems %v, want one naming %s: %s", c.name, res.Problems, r.path(), c.problem)
		}
		if res.Stats.Reused != len(r.files) {
			t.Errorf("%s: stats %+v, want every document re-used", c.name, res.Stats)
		}
		sameResults(t, c.name, res, cold)
		if after := r.run(); fromSummaries(after) != len(r.files) {
			t.Errorf("%s: the run after: %d documents from the summaries file", c.name, fromSummaries(after))
		}
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSummariesStoreChanged: a stored analysis damaged after its summary
// was written is found when a report writer reads it: the read fails
// naming the store, the summaries file is removed, and the next run
// reads every analysis from the store, names the damaged one and
// analyses its file again.
func TestSummariesStoreChanged(t *testing.T) {
	r := newSummariesRunner(t)
	cold := r.run()
	good, err := r.st.LoadAnalysis(cold.Documents[0].SHA256, r.key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.DB().Exec(`UPDATE analysis_data SET data = ? WHERE id IN (SELECT data_id FROM analyses WHERE sha256 = ?)`,
		s2.Encode(nil, good[:len(good)/2]), cold.Documents[0].SHA256); err != nil {
		t.Fatal(err)
	}
	res := r.run()
	err = res.Full.Each(func(int, *analysis.DocumentAnalysis) error { return nil })
	if err == nil || !strings.Contains(err.Error(), r.st.Path()) || !strings.Contains(err.Error(), "removed: run again") {
		t.Fatalf("reading a changed analysis: %v, want an error naming the store and the removed summaries file", err)
	}
	if _, err := os.Stat(r.path()); !os.IsNotExist(err) {
		t.Fatalf("summaries file after the failed read: %v, want it removed", err)
	}
	next := r.run()
	if len(next.Problems) != 1 || next.Problems[0].File != cold.Documents[0].File || !strings.Contains(next.Problems[0].Problem, "the stored analysis could not be used") {
		t.Fatalf("the run after: problems %v, want %s's stored analysis named", next.Problems, cold.Documents[0].File)
	}
	sameResults(t, "after the damage", next, cold)
}

// BenchmarkSummaryRecord is the summaries file's cost per document: the
// record a cold run makes of each summary (in the workers), and the
// decoding a re-run does instead of reading the stored analysis.
func BenchmarkSummaryRecord(b *testing.B) {
	a := testAnalyzer(b)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	docs, _ := AnalyzeFiles(context.Background(), a, files, BatchOptions{Workers: 2})
	var sums []*analysis.DocumentAnalysis
	for _, d := range docs {
		if len(d.Terms.Stems) == 0 {
			b.Fatalf("%s: no term bag", d.File)
		}
		sums = append(sums, analysis.Summary(d))
	}
	var sum [32]byte
	b.Run("encode", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			encodeSummaryRecord(sums[i%len(sums)], sum, nil)
		}
	})
	var recs [][]byte
	for _, s := range sums {
		recs = append(recs, encodeSummaryRecord(s, sum, nil))
	}
	b.Run("decode", func(b *testing.B) {
		small := map[string]string{} // a worker's (workerScratch.strs)
		for i := 0; b.Loop(); i++ {
			if _, _, err := decodeSummaryRecord(recs[i%len(recs)], small, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestSummaryRecordRoundTrip: a record gives back the summary that
// decoding the stored analysis gives (analysis.DecodeSummary), file name
// aside, with its digest; a share that JSON could not hold (NaN, format
// 1's records) is kept; any changed byte is refused.
func TestSummaryRecordRoundTrip(t *testing.T) {
	a := testAnalyzer(t)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	docs, _ := AnalyzeFiles(context.Background(), a, files, BatchOptions{Workers: 2})
	if len(docs) < 3 {
		t.Fatalf("%d documents", len(docs))
	}
	small := map[string]string{}
	for i, d := range docs {
		if i == 0 && len(d.Themes) > 0 {
			d.Themes[0].Share = math.NaN()
		}
		want, err := analysis.DecodeSummary(analysis.EncodeAnalysis(d), nil)
		if err != nil {
			t.Fatal(err)
		}
		want.File = ""
		sum := [32]byte{byte(i), 7}
		plain := encodeSummaryRecord(analysis.Summary(d), sum, nil)
		filter := []byte(fmt.Sprintf("filter of %d", i))
		rec := encodeSummaryRecord(analysis.Summary(d), sum, filter)
		if f, ok := summaryRecordFilter(plain); !ok || len(f) != 0 {
			t.Errorf("%s: record without a filter: filter %q, %v", d.File, f, ok)
		}
		if f, ok := summaryRecordFilter(rec); !ok || string(f) != string(filter) {
			t.Errorf("%s: filter %q, %v; want %q", d.File, f, ok, filter)
		}
		if added := withTextFilter(plain, filter); !bytes.Equal(added, rec) {
			t.Errorf("%s: a filter added to a record made without one is not the record made with it", d.File)
		}
		got, gotSum, err := decodeSummaryRecord(rec, small, nil)
		if err != nil || gotSum != sum {
			t.Fatalf("%s: %v, digest %x", d.File, err, gotSum[:2])
		}
		if len(got.Terms.Stems) == 0 || !reflect.DeepEqual(got.Terms, want.Terms) {
			t.Errorf("%s: term bag of %d stems, want %d", d.File, len(got.Terms.Stems), len(want.Terms.Stems))
		}
		if i == 0 && (len(got.Themes) == 0 || !math.IsNaN(got.Themes[0].Share)) {
			t.Errorf("%s: the NaN share is lost", d.File)
		}
		if i == 0 { // DeepEqual: NaN is not NaN
			got.Themes[0].Share, want.Themes[0].Share = 0, 0
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: summary\n%+v\nwant\n%+v", d.File, got, want)
		}
		for _, at := range []int{0, 5, len(rec) / 2, len(rec) - 1} {
			bad := slices.Clone(rec)
			bad[at] ^= 0x10
			if _, _, err := decodeSummaryRecord(bad, small, nil); err == nil {
				t.Errorf("%s: byte %d changed: no error", d.File, at)
			}
			if _, ok := summaryRecordFilter(bad); ok {
				t.Errorf("%s: byte %d changed: its filter is read", d.File, at)
			}
		}
		if _, _, err := decodeSummaryRecord(rec[:len(rec)-1], small, nil); err == nil {
			t.Errorf("%s: truncated: no error", d.File)
		}
	}
}

// TestSummariesKeptUnread: after a change of terms, a document whose
// summaries record has a text filter the change cannot touch keeps its
// analysis without its text being read (every stored text is made
// unreadable here: only the documents the filter cannot clear name it),
// and the run has the documents a fresh run with the new codebook has;
// without the file the texts are read, and the records of the analyses
// kept (read from the store, without a filter) get their filters.
func TestSummariesKeptUnread(t *testing.T) {
	r := newSummariesRunner(t)
	save := func(a *analysis.Analyzer) {
		js, _ := json.Marshal(a.Codebook)
		if err := r.st.SaveCodebook(a.Codebook.Hash(), js); err != nil {
			t.Fatal(err)
		}
	}
	save(r.a)
	r.run()
	added := editedAnalyzer(t, "      - {term: arbetsmarknad, weight: 2}\n", "      - {term: arbetsmarknad, weight: 2}\n      - {term: lönearbete, weight: 2}\n")
	fresh := newSummariesRunner(t)
	fresh.a, fresh.key.CodebookHash = added, added.Codebook.Hash()
	want := fresh.run()
	if _, err := r.st.DB().Exec(`CREATE TABLE kept_pages AS SELECT sha256, pages FROM texts; UPDATE texts SET pages = 'not JSON'`); err != nil {
		t.Fatal(err)
	}
	r.a, r.key.CodebookHash = added, added.Codebook.Hash()
	save(added)
	res := r.run()
	if res.kept == 0 || res.Stats.Retagged+res.Stats.Parsed != len(r.files) {
		t.Fatalf("term added: %d of %d kept, stats %+v", res.kept, len(r.files), res.Stats)
	}
	for _, p := range res.Problems {
		if !strings.Contains(p.Problem, "text") {
			t.Errorf("problem %v: want only unreadable texts named", p)
		}
	}
	if len(res.Problems) >= res.kept {
		t.Errorf("%d texts read (named unreadable) against %d analyses kept: want most kept unread", len(res.Problems), res.kept)
	}
	sameResults(t, "term added", res, want)

	// Without the summaries file every text is read (here readable
	// again) for the next change; the records of the analyses kept,
	// read from the store, get their filters from the texts.
	if _, err := r.st.DB().Exec(`UPDATE texts SET pages = (SELECT pages FROM kept_pages k WHERE k.sha256 = texts.sha256)`); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(r.path()); err != nil {
		t.Fatal(err)
	}
	removed := editedAnalyzer(t, "      - {term: arbetsträning, weight: 2}\n", "")
	r.a, r.key.CodebookHash = removed, removed.Codebook.Hash()
	save(removed)
	res = r.run()
	if res.kept == 0 || len(res.Problems) != 0 {
		t.Fatalf("term removed, no summaries file: %d kept, problems %v", res.kept, res.Problems)
	}
	s, err := readSummariesIndex(mustOpen(t, r.path()), r.key.PipelineVersion)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for _, d := range res.Documents {
		rec, err := s.lookup(d.SHA256, r.key, nil)
		if f, ok := summaryRecordFilter(rec); err != nil || !ok || len(f) == 0 {
			t.Errorf("%s: record without a text filter (%v)", d.File, err)
		}
	}
}

// TestSummariesWindow: records read through a worker's window, in the
// file's order, backwards and at random, are the records read one by
// one; a record past the window's end starts a new window.
func TestSummariesWindow(t *testing.T) {
	r := newSummariesRunner(t)
	r.files = append(r.files, r.files...) // the same content twice: one record
	res := r.run()
	s, err := readSummariesIndex(mustOpen(t, r.path()), r.key.PipelineVersion)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	var shas []string
	for _, d := range res.Documents {
		shas = append(shas, d.SHA256)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	orders := [][]string{shas, nil, nil}
	orders[1] = slices.Clone(shas)
	slices.Reverse(orders[1])
	orders[2] = slices.Clone(shas)
	rng.Shuffle(len(orders[2]), func(i, j int) { orders[2][i], orders[2][j] = orders[2][j], orders[2][i] })
	for _, order := range orders {
		var win summariesWindow
		for _, sha := range order {
			want, err := s.lookup(sha, r.key, nil)
			if err != nil || want == nil {
				t.Fatalf("%s: no record (%v)", sha, err)
			}
			got, err := s.lookup(sha, r.key, &win)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s: the window's record differs (%v)", sha, err)
			}
		}
	}
	// A window over the end of a short file holds what there is.
	var win summariesWindow
	rec := make([]byte, 8)
	fi, _ := s.f.Stat()
	if err := win.read(s.f, rec, fi.Size()-8); err != nil || len(win.b) != 8 {
		t.Errorf("window at the file's end: %v, %d bytes", err, len(win.b))
	}
	if err := win.read(s.f, make([]byte, 16), fi.Size()-8); err == nil {
		t.Error("a record past the file's end: no error")
	}
}

// copyCorpus points r at copies of its files in a folder of their own,
// which a test may change.
func (r *summariesRunner) copyCorpus() {
	r.t.Helper()
	dir := r.t.TempDir()
	for i, f := range r.files {
		b, err := os.ReadFile(f)
		if err != nil {
			r.t.Fatal(err)
		}
		r.files[i] = filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(r.files[i], b, 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func openRunSummaries(t *testing.T, r *summariesRunner) *summaries {
	t.Helper()
	s, err := openSummaries(r.path(), r.key.PipelineVersion)
	if err != nil || s == nil {
		t.Fatalf("open: %v", err)
	}
	return s
}

// TestSummariesAddedInPlace: a re-run adds to the summaries file it read
// instead of writing every record again: an unchanged re-run leaves it
// the same size, one changed file adds that file's record (less than a
// tenth of the file), and the documents equal a cold run's on the same
// files; the run after takes every document from the file.
func TestSummariesAddedInPlace(t *testing.T) {
	r := newSummariesRunner(t)
	r.copyCorpus()
	r.run()
	size := fileSize(t, r.path())
	if again := r.run(); fromSummaries(again) != len(r.files) || fileSize(t, r.path()) != size {
		t.Fatalf("unchanged re-run: %d of %d documents from the file, size %d, was %d", fromSummaries(again), len(r.files), fileSize(t, r.path()), size)
	}
	f, err := os.OpenFile(r.files[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nKommunen ska erbjuda språkkafé för nyanlända.\n")
	f.Close()
	s := openRunSummaries(t, r)
	kept := maps.Clone(s.index)
	s.close()
	changed := r.run()
	if n := fromSummaries(changed); n != len(r.files)-1 || len(changed.Problems) != 0 {
		t.Fatalf("one changed file: %d of %d documents from the file, problems %v", n, len(r.files), changed.Problems)
	}
	s = openRunSummaries(t, r)
	defer s.close()
	if len(s.index) != len(r.files) {
		t.Fatalf("one changed file: %d entries, want %d", len(s.index), len(r.files))
	}
	for k, p := range s.index {
		if was, ok := kept[k]; ok && was != p || !ok && p.off < size-int64(len(s.tail)) {
			t.Errorf("one changed file: the record of %.8s at %d, was %v (the records ended at %d): not added in place", k.sha, p.off, was, size-int64(len(s.tail)))
		}
	}
	fresh := newSummariesRunner(t)
	fresh.files = r.files
	sameResults(t, "added in place", changed, fresh.run())
	if after := r.run(); fromSummaries(after) != len(r.files) {
		t.Errorf("the run after: %d of %d documents from the file", fromSummaries(after), len(r.files))
	}
}

// TestSummariesStoppedWriter: a run that fails before its commit puts
// the file's old index back (abort: the file is byte for byte as
// before); one killed while adding leaves a file without a trailer,
// which the next run does not use, without naming it a problem, and
// writes anew. A file added to whose records are mostly no longer
// indexed is compacted: only the indexed records stay, and each reads
// back.
func TestSummariesStoppedWriter(t *testing.T) {
	r := newSummariesRunner(t)
	res := r.run()
	before, err := os.ReadFile(r.path())
	if err != nil {
		t.Fatal(err)
	}
	open := func() *summaries { return openRunSummaries(t, r) }
	other := AnalysisKey{PipelineVersion: r.key.PipelineVersion, CodebookHash: "another"}
	rec := func(s *summaries, i int) []byte {
		b, err := s.lookup(res.Documents[i].SHA256, r.key, nil)
		if err != nil || b == nil {
			t.Fatalf("lookup %d: %v", i, err)
		}
		return b
	}

	s := open()
	w, err := newSummariesWriter(r.path(), r.key.PipelineVersion, s)
	if err != nil || w.old == nil {
		t.Fatalf("writer: %v, in place %v", err, w != nil && w.old != nil)
	}
	w.add(res.Documents[0].SHA256, other, withTextFilter(rec(s, 0), []byte{1, 2, 3}))
	w.w.Flush()
	w.abort()
	s.close()
	if after, _ := os.ReadFile(r.path()); !bytes.Equal(after, before) {
		t.Errorf("after abort: %d bytes, want the %d as before", len(after), len(before))
	}

	s = open()
	w, _ = newSummariesWriter(r.path(), r.key.PipelineVersion, s)
	w.add(res.Documents[0].SHA256, other, withTextFilter(rec(s, 0), []byte{1, 2, 3}))
	w.w.Flush()
	w.f.Close() // killed: no commit, no abort
	s.close()
	if got, err := openSummaries(r.path(), r.key.PipelineVersion); got != nil || err != nil {
		t.Fatalf("a file without its trailer: %v, %v; want neither", got, err)
	}
	stopped := r.run()
	if fromSummaries(stopped) != 0 || len(stopped.Problems) != 0 {
		t.Errorf("after a killed run: %d documents from the file, problems %v", fromSummaries(stopped), stopped.Problems)
	}
	sameResults(t, "after a killed run", stopped, res)
	if after := r.run(); fromSummaries(after) != len(r.files) {
		t.Errorf("the run after: %d of %d documents from the file", fromSummaries(after), len(r.files))
	}

	s = open()
	w, _ = newSummariesWriter(r.path(), r.key.PipelineVersion, s)
	w.slack = 0
	kept := rec(s, 1)
	w.add(res.Documents[1].SHA256, r.key, kept)
	if err := w.commit(s); err != nil {
		t.Fatal(err)
	}
	s = open()
	defer s.close()
	if len(s.index) != 1 || fileSize(t, r.path()) > int64(len(s.head)+len(kept)+len(s.tail)) {
		t.Errorf("compacted: %d entries, %d bytes", len(s.index), fileSize(t, r.path()))
	}
	if got := rec(s, 1); !bytes.Equal(got, kept) {
		t.Error("compacted: the kept record differs")
	}
}

// uvarintLen is the length binary.AppendUvarint writes, at every
// encoding length's edges.
func TestUvarintLen(t *testing.T) {
	for shift := 0; shift < 64; shift++ {
		for _, v := range []uint64{1<<shift - 1, 1 << shift, 1<<shift + 1} {
			if got, want := uvarintLen(v), len(binary.AppendUvarint(nil, v)); got != want {
				t.Errorf("uvarintLen(%d) = %d, want %d", v, got, want)
			}
		}
	}
}
