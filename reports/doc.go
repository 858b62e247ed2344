// Package reports shapes analysed documents into what users read and load:
// the coverage matrix (municipalities × themes) as CSV in wide and tidy
// long form, the evidence behind every cell, the document list with
// metadata, the failures of a run, and a readable summary.md.
//
// All writers are deterministic: rows are sorted, floats are printed with
// a fixed number of decimals, and no timestamps are written into data
// files, so two runs over the same input give the same bytes.
package reports
