// Package reports shapes analysed documents into what users read and load:
// the coverage matrix (municipalities × themes) as CSV in wide and tidy
// long form, the evidence behind every cell, the document list with
// metadata, the failures of a run, and a readable summary.md.
//
// For county boards and researchers it also writes:
//   - county-CODE.csv: every municipality of a county, with or without a
//     document in force (the selection rule is CountyRule; KindOrder is
//     the "highest kind" order);
//   - similarity.csv and the peers of documents.jsonl: TF-IDF cosine
//     similarity over stems, near duplicates flagged. similarity.csv does
//     not list all pairs (on one genre nearly every pair is above any
//     useful threshold: 1.8 million rows for 2,000 plans) but, for every
//     document, its PairPeers (5) most similar documents at
//     MinPairSimilarity (0.2) or more, and every pair at NearDuplicate
//     (0.9) or more; each pair once, most similar first (PairRule);
//   - documents.jsonl (JSON Lines): per document its metadata, municipality, theme
//     counts, sections, quality and 3 nearest peers, one document per line;
//     the evidence is in evidence.csv and the action rows in actions.csv
//     (`styrdok analyze` gives one document with all of it);
//   - benchmark-CODE.{csv,md} (styrdok benchmark): one municipality next
//     to its county's and the corpus's medians;
//   - report.html: one offline page with heatmap, county tables, map and
//     evidence drill-down; each cell embeds up to HTMLEvidencePerCell (20)
//     evidence sentences, the strongest (own words before sentences
//     counted through a heading), and says "showing N of M" when there
//     are more; evidence.csv has them all;
//   - coverage.xlsx: the CSV tables as sheets of one workbook; the
//     evidence sheet holds the first XLSXEvidenceRows (50,000) rows, and
//     the notes sheet says so and points to evidence.csv;
//   - with --format parquet, documents, coverage_long and evidence as
//     typed Parquet files (parquet.go);
//   - run.json: the run's version, options, inputs and counts (runjson.go).
//
// The writers stream: CSV rows, xlsx rows, documents.jsonl and the
// report's data block are produced one document at a time, so a run over
// thousands of documents needs little memory beyond the analyses
// themselves (docs/benchmarks.md, "Reports at corpus scale"). With a
// store, what they render of each document is kept beside it
// (Report.Fragments, fragments.go), and a re-run copies the bytes of the
// documents that did not change instead of decoding and rendering them;
// the workbook's evidence and actions sheets are kept compressed, a
// deflate block a document, and copied into the next workbook as they
// are (xlsx_blocks.go).
//
// All writers are deterministic: rows are sorted, floats are printed with
// a fixed number of decimals, and no timestamps are written into data
// files, so two runs over the same input give the same bytes (the xlsx
// too: see WriteXLSX).
package reports
