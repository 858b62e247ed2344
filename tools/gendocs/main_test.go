package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCodebookDocUpToDate regenerates docs/codebook.md in memory and
// compares it with the committed file, so a codebook change cannot ship
// without its documentation.
func TestCodebookDocUpToDate(t *testing.T) {
	root := filepath.Join("..", "..")
	got, err := Render(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "docs", "codebook.md"))
	if err != nil {
		t.Fatalf("%v: run make docs", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("docs/codebook.md is out of date: run make docs")
	}
}
