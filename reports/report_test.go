package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/styrdok/styrdok/corpus"
)

// TestWriteAllPermissions: report files get the permissions a plain
// os.Create gives in the same folder (0666 less the umask), not the
// owner-only 0600 of os.CreateTemp.
func TestWriteAllPermissions(t *testing.T) {
	dir := t.TempDir()
	probe, err := os.Create(filepath.Join(dir, "probe"))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := probe.Stat()
	probe.Close()
	want := st.Mode().Perm()
	written, err := writeFile(filepath.Join(dir, "x.csv"), func(w io.Writer) error { _, err := io.WriteString(w, "a\n"); return err })
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, dir, []corpus.OutputFile{written}, "x.csv")
	got, err := os.Stat(filepath.Join(dir, "x.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode().Perm() != want {
		t.Fatalf("x.csv has mode %v, os.Create gives %v", got.Mode().Perm(), want)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".x.csv.tmp*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// checkWritten: what a writer says it wrote (hashed on the way) is the
// named files, in that order, with the size and SHA-256 of the files on
// disk.
func checkWritten(t *testing.T, dir string, written []corpus.OutputFile, names ...string) {
	t.Helper()
	if len(written) != len(names) {
		t.Fatalf("wrote %d files (%v), want %v", len(written), written, names)
	}
	for i, w := range written {
		data, err := os.ReadFile(filepath.Join(dir, names[i]))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if w.Name != names[i] || w.Size != int64(len(data)) || w.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("written %+v, on disk %s: %d bytes, sha256 %x", w, names[i], len(data), sum)
		}
	}
}

// TestAppendPercent: summary.md's cells are the bytes fmt's "%.0f"
// gave, for halves (rounded to even as fmt does), negatives, zeros and
// the values no share should have.
func TestAppendPercent(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 0.5, 1.5, 2.5, 49.5, 99.99, 100, -0.4, -0.5, 1e21, math.Inf(1), math.Inf(-1), math.NaN(), 12.345678}
	for i := range 1000 {
		vals = append(vals, float64(i)/7, 100*float64(i)/999)
	}
	for _, v := range vals {
		if got, want := string(appendPercent(nil, v)), fmt.Sprintf("%.0f", v); got != want {
			t.Errorf("appendPercent(%v) = %q, fmt gives %q", v, got, want)
		}
	}
}
