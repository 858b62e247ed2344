package reports

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// HTMLBytesPerDocument is the stated bound of report.html's growth: at
// most this many bytes per document above the page of an empty run (its
// script, styles and the map of all 290 municipalities). Measured on the
// 2,000-document bench corpus (go run ./tools/gencorpus -out C -n 2000
// -pdf 0; styrdok run --no-store --out O C): 22,059,395 bytes, 11.0 KB
// per document; from 40 to 120 generated documents it grows 11.5 KB a
// document, and a small run pays more a document (16.1 KB at 40) for the
// county tables, which list every municipality of each county with a
// document (at most the country's 290 rows in all). What bounds a
// document's share: at most HTMLEvidencePerCell sentences per theme, each
// shown in at most about htmlSentenceMax bytes, and 3 peers.
const HTMLBytesPerDocument = 20 << 10

// TestHTMLSizeLinear: report.html of a generated corpus grows at most
// linearly, by HTMLBytesPerDocument a document, from 40 to 120
// documents, and stays under the bound counted from the empty page. Sizes
// are deterministic (same input, same bytes), so this is no timing.
func TestHTMLSizeLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 120 generated documents")
	}
	dir := t.TempDir()
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "testdata", "corpus"), Out: dir, Texts: 120, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 120 {
		t.Fatalf("generated %d files (%v), want 120", len(files), err)
	}
	sort.Strings(files)
	empty := len(renderHTML(t, &Report{Codebook: bundledReport(t).Codebook, Registry: testRegistry(t)}))
	sizes := map[int]int{}
	for _, n := range []int{40, 120} {
		sizes[n] = len(renderHTML(t, analyzeFiles(t, files[:n]...)))
		per := float64(sizes[n]-empty) / float64(n)
		t.Logf("%d documents: report.html %d bytes, empty page %d, %.0f bytes per document", n, sizes[n], empty, per)
		if sizes[n] > empty+n*HTMLBytesPerDocument {
			t.Errorf("%d documents: report.html is %d bytes, over the bound %d + %d × %d", n, sizes[n], empty, n, HTMLBytesPerDocument)
		}
	}
	if grow := sizes[120] - sizes[40]; grow > 80*HTMLBytesPerDocument || grow <= 0 {
		t.Errorf("40 → 120 documents: report.html grew by %d bytes, want 0 < growth ≤ 80 × %d", grow, HTMLBytesPerDocument)
	}
}
