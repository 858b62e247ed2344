//go:build unix

package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLoadMappedSameDocument: a file Load maps (one file, no buffer, at
// least minMappedSize) gives the Document that parsing its bytes read
// into memory gives, every field, for each real PDF large enough.
func TestLoadMappedSameDocument(t *testing.T) {
	files, err := filepath.Glob("../testdata/ingest/real/*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	mapped := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < minMappedSize {
			continue
		}
		mapped++
		opts := Options{OCR: OCRNever}
		want, wantErr := Parse(path, data, opts)
		got, gotErr := Load(path, opts)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotErr, wantErr) {
			t.Errorf("%s: mapped %v, %v; read %v, %v", path, summary(got), gotErr, summary(want), wantErr)
		}
	}
	if mapped < 3 {
		t.Fatalf("only %d real PDFs of %d bytes or more", mapped, minMappedSize)
	}
}

func summary(d *Document) string {
	if d == nil {
		return "no document"
	}
	return d.SHA256 + " " + d.Text[:min(len(d.Text), 60)]
}

// TestLoadMappedTruncated: a file cut short after it was mapped makes
// reading the lost pages fault; that is a FileError naming the file and
// saying it changed, not a crash.
func TestLoadMappedTruncated(t *testing.T) {
	src, err := os.ReadFile("../testdata/ingest/real/simrishamn-kfn-bokslut-2025.pdf")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cut.pdf")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	data, unmap, ok := mapFile(f, st.Size())
	if !ok {
		t.Skip("the file system cannot map files")
	}
	defer unmap()
	if err := os.Truncate(path, 4096); err != nil {
		t.Fatal(err)
	}
	doc, err := parseMapped(path, f, st, data, Options{OCR: OCRNever})
	fe, isFE := err.(*FileError)
	if doc != nil || !isFE || fe.Path != path || !strings.Contains(fe.Reason, "changed while it was read") {
		t.Fatalf("got %v, %v; want a FileError naming %s, saying it changed", summary(doc), err, path)
	}
}
