package reports

import (
	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"io"

	"github.com/parquet-go/parquet-go"
)

// DocumentRow is one row of documents.parquet (the columns of documents.csv, typed).
type DocumentRow struct {
	File                  string  `parquet:"file"`
	SHA256                string  `parquet:"sha256"`
	MunicipalityCode      string  `parquet:"municipality_code"`
	Municipality          string  `parquet:"municipality"`
	CountyCode            string  `parquet:"county_code"`
	County                string  `parquet:"county"`
	Kind                  string  `parquet:"kind"`
	Title                 string  `parquet:"title"`
	Reference             string  `parquet:"reference"`
	AdoptedBy             string  `parquet:"adopted_by"`
	AdoptedOn             string  `parquet:"adopted_on"`
	ValidFrom             string  `parquet:"valid_from"`
	ValidTo               string  `parquet:"valid_to"`
	Year                  string  `parquet:"year"`
	Status                string  `parquet:"status"`
	Words                 int64   `parquet:"words"`
	Sentences             int64   `parquet:"sentences"`
	AttributionConfidence float64 `parquet:"attribution_confidence"`
	AttributionReason     string  `parquet:"attribution_reason"`
}

// CoverageRow is one row of coverage_long.parquet.
type CoverageRow struct {
	Document         string  `parquet:"document"`
	MunicipalityCode string  `parquet:"municipality_code"`
	Theme            string  `parquet:"theme"`
	Sentences        int64   `parquet:"sentences"`
	Share            float64 `parquet:"share"`
	Level            int64   `parquet:"level"`
}

// EvidenceRow is one row of evidence.parquet.
type EvidenceRow struct {
	Document string  `parquet:"document"`
	Theme    string  `parquet:"theme"`
	Sentence int64   `parquet:"sentence"`
	Start    int64   `parquet:"start"`
	End      int64   `parquet:"end"`
	Page     int64   `parquet:"page"`
	Kind     string  `parquet:"kind"`
	Score    float64 `parquet:"score"`
	Matched  string  `parquet:"matched"`
	Text     string  `parquet:"text"`
}

// WriteParquet writes documents.parquet, coverage_long.parquet and
// evidence.parquet into dir: the tidy tables with typed columns, Snappy
// compressed, for DuckDB, pandas (pyarrow) and R arrow. Rows are written
// document by document, so no second copy of the tables is held.
func WriteParquet(dir string, r *Report) ([]corpus.OutputFile, error) {
	return writeFiles(dir, []fileJob{
		{"documents.parquet", func(w io.Writer) error { return WriteDocumentsParquet(w, r) }},
		{"coverage_long.parquet", func(w io.Writer) error { return WriteCoverageParquet(w, r) }},
		{"evidence.parquet", func(w io.Writer) error { return WriteEvidenceParquet(w, r) }},
	})
}

// writeParquetRows writes one Parquet file of T, document by document
// (rows appends a document's rows), so no table is held whole.
func writeParquetRows[T any](w io.Writer, r *Report, rows func([]T, *analysis.DocumentAnalysis) []T) error {
	pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy), parquet.CreatedBy("styrdok", "", ""))
	var buf []T
	for _, d := range r.Documents {
		buf = rows(buf[:0], d)
		if len(buf) == 0 {
			continue
		}
		if _, err := pw.Write(buf); err != nil {
			return err
		}
	}
	return pw.Close()
}

// WriteDocumentsParquet writes documents.parquet.
func WriteDocumentsParquet(w io.Writer, r *Report) error {
	return writeParquetRows(w, r, func(rows []DocumentRow, d *analysis.DocumentAnalysis) []DocumentRow {
		m, meta := d.Municipality, d.Meta
		return append(rows, DocumentRow{File: d.File, SHA256: d.SHA256, MunicipalityCode: m.Code, Municipality: m.Name,
			CountyCode: m.CountyCode, County: m.CountyName, Kind: meta.Kind, Title: meta.Title, Reference: meta.Reference,
			AdoptedBy: meta.AdoptedBy, AdoptedOn: meta.AdoptedOn, ValidFrom: meta.ValidFrom, ValidTo: meta.ValidTo,
			Year: meta.Year, Status: meta.Status, Words: int64(d.Words), Sentences: int64(d.Sentences),
			AttributionConfidence: m.Confidence, AttributionReason: m.Reason})
	})
}

// WriteCoverageParquet writes coverage_long.parquet.
func WriteCoverageParquet(w io.Writer, r *Report) error {
	return writeParquetRows(w, r, func(rows []CoverageRow, d *analysis.DocumentAnalysis) []CoverageRow {
		for _, t := range d.Themes {
			rows = append(rows, CoverageRow{Document: d.File, MunicipalityCode: d.Municipality.Code, Theme: t.ID,
				Sentences: int64(t.Sentences), Share: t.Share, Level: int64(t.Level)})
		}
		return rows
	})
}

// WriteEvidenceParquet writes evidence.parquet.
func WriteEvidenceParquet(w io.Writer, r *Report) error {
	return writeParquetRows(w, r, func(rows []EvidenceRow, d *analysis.DocumentAnalysis) []EvidenceRow {
		for _, t := range d.Themes {
			for _, h := range t.Evidence {
				rows = append(rows, EvidenceRow{Document: d.File, Theme: t.ID, Sentence: int64(h.Sentence), Start: int64(h.Start),
					End: int64(h.End), Page: int64(h.Page), Kind: string(h.Kind), Score: h.Score, Matched: h.MatchedWords(), Text: h.Text})
			}
		}
		return rows
	})
}
