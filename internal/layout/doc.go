// Package layout holds no code: its test checks that the packages' imports and doc.go openings match docs/architecture.md.
//
// The map in docs/architecture.md is what a newcomer reads to find their
// way; a test that compares it with `go list` keeps it true. Adding an
// import between styrdok's packages means adding its arrow there, in the
// same commit, which is the moment to ask whether the arrow belongs.
package layout
