// Package corpus keeps what styrdok knows between runs: the embedded
// SQLite store of analysed documents (store.go; docs/store.md), which
// keeps texts as ingest.Documents.
package corpus
