package reports

import (
	"io"
	"slices"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/styrdok/styrdok/analysis"
	"github.com/styrdok/styrdok/corpus"
	"github.com/styrdok/styrdok/ingest"
)

// The Parquet files carry every column of their CSV file, typed: integers
// as INT, shares and scores as DOUBLE, booleans as BOOLEAN, dates as
// DATE, matched words as a LIST of strings, and a missing value as null
// (an empty string in the CSV file; in evidence, a heading of -1). A
// test (TestParquetColumns) keeps the columns in step with the CSV
// headers.

// DocumentRow is one row of documents.parquet (the columns of documents.csv, typed).
// Its metadata columns are written out, not derived from
// analysis.MetadataFields: parquet-go takes the schema (types, optional,
// dates) from the struct's tags, and TestParquetColumns holds them to
// DocumentColumns, which is derived.
type DocumentRow struct {
	Document               string   `parquet:"document"`
	SHA256                 string   `parquet:"sha256"`
	MunicipalityCode       *string  `parquet:"municipality_code,optional"`
	Municipality           *string  `parquet:"municipality,optional"`
	CountyCode             *string  `parquet:"county_code,optional"`
	County                 *string  `parquet:"county,optional"`
	Kind                   *string  `parquet:"kind,optional"`
	Title                  *string  `parquet:"title,optional"`
	Reference              *string  `parquet:"reference,optional"`
	AdoptedBy              *string  `parquet:"adopted_by,optional"`
	AdoptedOn              *int32   `parquet:"adopted_on,optional,date"`
	AdoptedOnPrecision     *string  `parquet:"adopted_on_precision,optional"`
	ValidFrom              *int32   `parquet:"valid_from,optional,date"`
	ValidFromPrecision     *string  `parquet:"valid_from_precision,optional"`
	ValidTo                *int32   `parquet:"valid_to,optional,date"`
	ValidToPrecision       *string  `parquet:"valid_to_precision,optional"`
	Year                   *int32   `parquet:"year,optional,int(32)"`
	Status                 *string  `parquet:"status,optional"`
	Words                  int64    `parquet:"words,int(64)"`
	Sentences              int64    `parquet:"sentences,int(64)"`
	AttributionConfidence  float64  `parquet:"attribution_confidence"`
	AttributionReason      *string  `parquet:"attribution_reason,optional"`
	RunnerUpCode           *string  `parquet:"runner_up_code,optional"`
	RunnerUp               *string  `parquet:"runner_up,optional"`
	RunnerUpConfidence     *float64 `parquet:"runner_up_confidence,optional"` // null when there is no runner-up, as documents.csv leaves it empty
	RunnerUpEvidence       *string  `parquet:"runner_up_evidence,optional"`
	Actions                int64    `parquet:"actions,int(64)"`
	ActionsWithResponsible int64    `parquet:"actions_with_responsible,int(64)"`
	ActionsWithTime        int64    `parquet:"actions_with_time,int(64)"`
	ActionsWithFollowUp    int64    `parquet:"actions_with_follow_up,int(64)"`
	HasEvaluation          bool     `parquet:"has_evaluation"`
	OCRPages               *string  `parquet:"ocr_pages,optional"`
}

// CoverageRow is one row of coverage_long.parquet.
type CoverageRow struct {
	Document         string  `parquet:"document"`
	MunicipalityCode *string `parquet:"municipality_code,optional"`
	Theme            string  `parquet:"theme"`
	Sentences        int64   `parquet:"sentences,int(64)"`
	Share            float64 `parquet:"share"`
	Level            int32   `parquet:"level,int(32)"`
	OwnSentences     int64   `parquet:"own_sentences,int(64)"`
	Commitments      int64   `parquet:"commitments,int(64)"`
	Recommendations  int64   `parquet:"recommendations,int(64)"`
	Intents          int64   `parquet:"intents,int(64)"`
}

// EvidenceRow is one row of evidence.parquet.
type EvidenceRow struct {
	Document string   `parquet:"document"`
	Theme    string   `parquet:"theme"`
	Sentence int64    `parquet:"sentence,int(64)"`
	Start    int64    `parquet:"start,int(64)"`
	End      int64    `parquet:"end,int(64)"`
	Page     int64    `parquet:"page,int(64)"`
	Kind     string   `parquet:"kind"`
	Score    float64  `parquet:"score"`
	Matched  []string `parquet:"matched,list"`
	Text     string   `parquet:"text"`
	Source   string   `parquet:"source"`
	Heading  *int64   `parquet:"heading,optional,int(64)"` // null for a hit on the segment's own words (-1 in evidence.csv)
	Modality *string  `parquet:"modality,optional"`
}

// WriteParquet writes documents.parquet, coverage_long.parquet and
// evidence.parquet into dir: the tidy tables with typed columns, Snappy
// compressed, for DuckDB, pandas (pyarrow) and R arrow. Rows are written
// document by document, so no second copy of the tables is held.
func WriteParquet(dir string, r *Report) ([]corpus.OutputFile, error) {
	writers := []func(io.Writer, *Report) error{WriteDocumentsParquet, WriteCoverageParquet, WriteEvidenceParquet}
	var jobs []fileJob
	for i, name := range parquetFiles {
		if !slices.Contains(r.Skip, name) { // run --skip
			jobs = append(jobs, fileJob{name: name, write: func(w io.Writer) error { return writers[i](w, r) }})
		}
	}
	return writeFiles(dir, jobs)
}

// parquetFiles are the files WriteParquet writes, in its order.
var parquetFiles = []string{"documents.parquet", "coverage_long.parquet", "evidence.parquet"}

// writeParquetRows writes one Parquet file of T, document by document
// (rows appends a document's rows), so no table is held whole.
// full says whether the rows need the full analyses (Report.Source) or
// the summaries will do.
func writeParquetRows[T any](w io.Writer, r *Report, full bool, rows func([]T, *analysis.DocumentAnalysis) []T) error {
	pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy), parquet.CreatedBy("styrdok", "", ""))
	var buf []T
	each := func(_ int, d *analysis.DocumentAnalysis) error {
		buf = rows(buf[:0], d)
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		return err
	}
	var err error
	if full {
		err = r.EachFull(each)
	} else {
		for i, d := range r.Documents {
			if err = each(i, d); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return pw.Close()
}

// str is s, or nil (null) for "".
func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// date is ISODate's day as Parquet's DATE (days since 1970-01-01), or
// nil (null) for none. (An int32 rather than a time.Time: parquet-go
// v0.32 reads a *time.Time DATE column back as nonsense.)
func date(v string, end bool) (*int32, *string) {
	d, p := ISODate(v, end)
	if d == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return nil, nil
	}
	days := int32(t.Unix() / 86400)
	return &days, &p
}

// year is a year as an integer, or nil (null) for none or not a year.
func year(v string) *int32 {
	if len(v) != 4 {
		return nil
	}
	n := int32(0)
	for i := range 4 {
		if v[i] < '0' || v[i] > '9' {
			return nil
		}
		n = n*10 + int32(v[i]-'0')
	}
	return &n
}

// WriteDocumentsParquet writes documents.parquet.
func WriteDocumentsParquet(w io.Writer, r *Report) error {
	return writeParquetRows(w, r, false, func(rows []DocumentRow, d *analysis.DocumentAnalysis) []DocumentRow {
		m, meta, q := d.Municipality, d.Meta, d.Quality
		row := DocumentRow{Document: d.File, SHA256: d.SHA256, MunicipalityCode: str(m.Code), Municipality: str(m.Name),
			CountyCode: str(m.CountyCode), County: str(m.CountyName), Kind: str(meta.Kind), Title: str(meta.Title),
			Reference: str(meta.Reference), AdoptedBy: str(meta.AdoptedBy), Year: year(meta.Year), Status: str(meta.Status),
			Words: int64(d.Words), Sentences: int64(d.Sentences), AttributionConfidence: m.Confidence, AttributionReason: str(m.Reason),
			RunnerUpCode: str(m.RunnerUp.Code), RunnerUp: str(m.RunnerUp.Name), RunnerUpConfidence: runnerUpConf(m.RunnerUp), RunnerUpEvidence: str(m.RunnerUp.Evidence),
			Actions: int64(q.Actions), ActionsWithResponsible: int64(q.WithResponsible), ActionsWithTime: int64(q.WithTime),
			ActionsWithFollowUp: int64(q.WithFollowUp), HasEvaluation: q.HasEvaluation,
			OCRPages: str(ingest.PageRanges(d.OCRPages))}
		row.AdoptedOn, row.AdoptedOnPrecision = date(meta.AdoptedOn, false)
		row.ValidFrom, row.ValidFromPrecision = date(meta.ValidFrom, false)
		row.ValidTo, row.ValidToPrecision = date(meta.ValidTo, true)
		return append(rows, row)
	})
}

// WriteCoverageParquet writes coverage_long.parquet.
func WriteCoverageParquet(w io.Writer, r *Report) error {
	var themes []analysis.ThemeCoverage
	return writeParquetRows(w, r, false, func(rows []CoverageRow, d *analysis.DocumentAnalysis) []CoverageRow {
		themes = r.themes(d, themes)
		for _, t := range themes {
			rows = append(rows, CoverageRow{Document: d.File, MunicipalityCode: str(d.Municipality.Code), Theme: t.ID,
				Sentences: int64(t.Sentences), Share: t.Share, Level: int32(t.Level), OwnSentences: int64(t.OwnSentences),
				Commitments: int64(t.Commitments), Recommendations: int64(t.Recommendations), Intents: int64(t.Intents)})
		}
		return rows
	})
}

// evidenceRow is a hit as a row of evidence.parquet.
func evidenceRow(d *analysis.DocumentAnalysis, theme string, h analysis.ThemeHit) EvidenceRow {
	row := EvidenceRow{Document: d.File, Theme: theme, Sentence: int64(h.Sentence), Start: int64(h.Start),
		End: int64(h.End), Page: int64(h.Page), Kind: string(h.Kind), Score: h.Score, Matched: matchedWords(h), Text: h.Text,
		Source: h.Source(), Modality: str(string(h.Modality))}
	if row.Matched == nil {
		row.Matched = []string{}
	}
	if h.Heading >= 0 {
		heading := int64(h.Heading)
		row.Heading = &heading
	}
	return row
}

// WriteEvidenceParquet writes evidence.parquet.
func WriteEvidenceParquet(w io.Writer, r *Report) error {
	return writeParquetRows(w, r, true, func(rows []EvidenceRow, d *analysis.DocumentAnalysis) []EvidenceRow {
		for _, t := range d.Themes {
			for _, h := range t.Evidence {
				rows = append(rows, evidenceRow(d, t.ID, h))
			}
		}
		return rows
	})
}

// runnerUpConf is the runner-up's confidence, nil when there is none
// (documents.csv's empty cell).
func runnerUpConf(c analysis.Candidate) *float64 {
	if c.Code == "" {
		return nil
	}
	v := c.Confidence
	return &v
}
