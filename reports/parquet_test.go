package reports

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestParquetReadBack writes the parquet files for the bundled corpus and
// reads them back with parquet-go's reader.
func TestParquetReadBack(t *testing.T) {
	files := bundledFiles(t)
	r := analyzeFiles(t, files...)
	dir := t.TempDir()
	written, err := WriteParquet(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, dir, written, "documents.parquet", "coverage_long.parquet", "evidence.parquet")
	docs, err := parquet.ReadFile[DocumentRow](filepath.Join(dir, "documents.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(files) || docs[0].File != r.Documents[0].File || docs[0].Words != int64(r.Documents[0].Words) {
		t.Fatalf("documents.parquet: %d rows, first %+v", len(docs), docs[0])
	}
	cov, err := parquet.ReadFile[CoverageRow](filepath.Join(dir, "coverage_long.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cov) != len(files)*len(r.Codebook.Themes) {
		t.Fatalf("coverage_long.parquet: %d rows, want %d", len(cov), len(files)*len(r.Codebook.Themes))
	}
	ev, err := parquet.ReadFile[EvidenceRow](filepath.Join(dir, "evidence.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	var want []EvidenceRow
	for _, d := range r.Documents {
		for _, th := range d.Themes {
			for _, h := range th.Evidence {
				want = append(want, EvidenceRow{Document: d.File, Theme: th.ID, Sentence: int64(h.Sentence), Start: int64(h.Start),
					End: int64(h.End), Page: int64(h.Page), Kind: string(h.Kind), Score: h.Score, Matched: h.MatchedWords(), Text: h.Text})
			}
		}
	}
	if len(want) == 0 || !reflect.DeepEqual(ev, want) {
		t.Fatalf("evidence.parquet: %d rows read back, want %d identical rows", len(ev), len(want))
	}
	// Deterministic: writing again gives the same bytes.
	var b1, b2 bytes.Buffer
	WriteEvidenceParquet(&b1, r)
	WriteEvidenceParquet(&b2, r)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("evidence.parquet is not deterministic")
	}
}
