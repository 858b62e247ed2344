package reports

import (
	"io"
	"os"
	"path/filepath"
	"testing"
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
	if err := writeFile(filepath.Join(dir, "x.csv"), func(w io.Writer) error { _, err := io.WriteString(w, "a\n"); return err }); err != nil {
		t.Fatal(err)
	}
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
