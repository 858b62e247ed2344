// Package corpus holds what styrdok knows about Sweden and what it keeps
// between runs: the registry of the 290 municipalities and 21 counties
// (SCB codes, embedded from data/municipalities.csv), their boundaries for
// maps (data/*.geojson), and the embedded SQLite store of analysed
// documents (store.go; docs/store.md), which keeps texts as
// ingest.Documents.
//
// The registry data and its provenance are described in data/README.md.
package corpus
