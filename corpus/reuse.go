package corpus

import (
	"fmt"

	"github.com/klauspost/compress/s2"
	"github.com/styrdok/styrdok/analysis"
)

// loadAnalysisPacked returns the stored analysis of content sha256 made
// with key k both as stored (S2-compressed, the spill's form:
// LoadPackedAnalysis) and uncompressed (LoadAnalysis), decompressed into
// plain when it is large enough. A batch run re-using an analysis spills
// the stored bytes as they are: compressing the decompressed analysis
// again for the spill cost as much as decompressing it (0.2 s of CPU on
// 2,000 documents) and gave the same analysis back. Decompressing is
// still needed, for the summary, and it checks the stored bytes as
// before.
func (s *Store) loadAnalysisPacked(sha256 string, k AnalysisKey, plain []byte) (packed, data []byte, err error) {
	if packed, err = s.LoadPackedAnalysis(sha256, k); err != nil {
		return nil, nil, err
	}
	n, err := s2.DecodedLen(packed)
	if err == nil {
		if n > cap(plain) {
			plain = make([]byte, n)
		}
		data, err = s2.Decode(plain[:cap(plain)], packed)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store %s: analysis of %s: %w", s.path, sha256, err)
	}
	return packed, data, nil
}

// keptUnread is batch.kept without reading the text: when the summaries
// file holds the base codebook's record of content sha with a text
// filter by which the change of terms cannot touch it
// (analysis.CodebookChange.MayTouch), the base's analysis is kept as
// batch.kept keeps it, from the record. Reading every stored text for
// the needle search was most of a re-run after a change of terms (at
// 1,000 documents: SQLite emptied its page cache before each read, the
// run's own writes of the kept rows having come in between). False
// when the filter cannot decide (none, damaged, or a possible match):
// the text is read and Touches decides.
func (b *batch) keptUnread(sha, path string, snap *snapshot, opt *BatchOptions, ws *workerScratch) (outcome, bool) {
	if opt.Spill == nil || b.summaries == nil || !snap.prepared[sha] {
		return outcome{}, false
	}
	base := snap.baseFor(b.a, opt)
	if base == nil || !base.analysed[sha] {
		return outcome{}, false
	}
	rec, err := b.summaries.lookup(sha, base.opt.Key, &ws.sums)
	if err != nil || rec == nil {
		return outcome{}, false
	}
	if f, ok := summaryRecordFilter(rec); !ok || len(f) == 0 || base.change.MayTouch(f) {
		return outcome{}, false
	}
	if len(ws.strs) > maxSharedStrings {
		clear(ws.strs)
	}
	d, sum, err := decodeSummaryRecord(rec, ws.strs, b.summaries.freeList())
	if err != nil || d.SHA256 != sha {
		return outcome{}, false
	}
	d.File = path // the same content may sit under several paths
	return outcome{doc: d, summary: rec, digest: sum, lazy: &storedAnalysis{sha: sha, key: base.opt.Key},
		file: path, how: howRetagged, kept: true, rec: &Record{SHA256: sha, KeptFrom: base.opt.Key.CodebookHash}}, true
}

// textFilter is the text filter of a document's summaries record
// (analysis.AppendTextFilter), made where its text is at hand.
func (b *batch) textFilter(text string) []byte {
	rs, _ := b.records.Get().(*recordScratch)
	if rs == nil {
		rs = new(recordScratch)
	}
	var f []byte
	f, rs.lower = analysis.AppendTextFilter(nil, text, rs.lower)
	if cap(rs.lower) > 1<<20 { // a huge text's copy is not kept for the next
		rs.lower = nil
	}
	b.records.Put(rs)
	return f
}
