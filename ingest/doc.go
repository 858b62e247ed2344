// Package ingest turns the files municipalities publish (PDF, Word, web
// pages, plain text in any of the encodings they come in) into clean,
// page-numbered text for analysis, or into a per-file error that names the
// file and the reason.
//
// A Document keeps the text analysis sees and the byte range of every page
// in it, so that a sentence found later can be traced back to its page.
// Nothing here knows about themes or municipalities: ingest imports no
// other package of styrdok, so it is the bottom of the import graph
// (analysis, corpus, reports and cmd/styrdok all import it).
package ingest
