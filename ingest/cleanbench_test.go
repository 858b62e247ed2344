package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCleanText: CleanText over the bundled corpus's documents, one
// page each, as a text file is.
func BenchmarkCleanText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			CleanText(s)
		}
	}
}
