// Package golden compares test output with golden files, for the test
// packages that keep large outputs as files (cmd/styrdok, reports).
package golden

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// Check compares got with the file at path, or rewrites the file when
// update is set (the tests' -update flag). pkg names the package whose
// -update rewrites it, for the message.
func Check(t testing.TB, path string, got []byte, update bool, pkg string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update to create it)", err, pkg)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (if intended: go test %s -update, and review the diff):\n%s", path, pkg, FirstDiff(want, got))
	}
}

// FirstDiff shows the first line where want and got differ.
func FirstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n want: %.200s\n  got: %.200s", i+1, w, g)
		}
	}
	return ""
}
