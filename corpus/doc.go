// Package corpus keeps what styrdok knows between runs and runs the batch
// that fills it: the embedded SQLite store of analysed documents
// (store.go; docs/store.md), which keeps texts as ingest.Documents, and
// Run (batch.go), which analyses many files in parallel with an
// analysis.Analyzer, re-using what the store holds.
//
// Run reads each file with ingest, analyses it with analysis, writes the
// new analyses to the store and, with a Spill (spill.go), keeps only each
// document's summary in memory; Documents reads the full analyses back
// for the report writers one at a time. The summaries file beside the
// store (store_summaries.go) spares a re-run reading the stored analysis
// of a document that did not change: its summary is read from there,
// and the spill refers to the store for the analysis; after a change of
// codebook terms, its text filter says which documents the change
// cannot touch without their text being read (reuse.go). Collector (collector.go) tunes
// the garbage collector to the run's live heap. The arrow is corpus ->
// analysis -> ingest: analysis knows nothing of the store.
package corpus
