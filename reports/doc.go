// Package reports shapes analysed documents into what users read and load:
// the coverage matrix (municipalities × themes) as CSV in wide and tidy
// long form, the evidence behind every cell, the document list with
// metadata, the failures of a run, and a readable summary.md.
//
// For county boards and researchers it also writes:
//   - county-CODE.csv: every municipality of a county, with or without a
//     document in force (the selection rule is CountyRule; KindOrder is
//     the "highest kind" order);
//   - similarity.csv and the peers of documents.json: TF-IDF cosine
//     similarity over stems, near duplicates flagged;
//   - benchmark-CODE.{csv,md} (styrdok benchmark): one municipality next
//     to its county's and the corpus's medians;
//   - report.html: one offline page with heatmap, county tables, map and
//     evidence drill-down;
//   - coverage.xlsx: the CSV tables as sheets of one workbook.
//
// All writers are deterministic: rows are sorted, floats are printed with
// a fixed number of decimals, and no timestamps are written into data
// files, so two runs over the same input give the same bytes (the xlsx
// too: see WriteXLSX).
package reports
