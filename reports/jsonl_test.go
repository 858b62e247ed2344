package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestDocumentsJSONLines: documents.jsonl is JSON Lines, one complete
// object per document in the run's order, each line ended by "\n", no
// array around them; a run without documents writes an empty file.
func TestDocumentsJSONLines(t *testing.T) {
	r := hostileReport(t) // its last document's text carries markup: still one line
	var buf bytes.Buffer
	if err := WriteDocumentsJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "\n") || strings.HasPrefix(out, "[") {
		t.Fatalf("documents.jsonl is not JSON Lines: starts %.20q, ends %q", out, out[max(0, len(out)-10):])
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(r.Documents) {
		t.Fatalf("%d lines, want one per document (%d)", len(lines), len(r.Documents))
	}
	for i, line := range lines {
		var d RunDocumentJSON
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if dec.More() {
			t.Errorf("line %d holds more than one value", i+1)
		}
		if d.File != r.Documents[i].File || len(d.Themes) != len(r.Codebook.Themes) {
			t.Errorf("line %d: file %q with %d themes, want %q with %d", i+1, d.File, len(d.Themes), r.Documents[i].File, len(r.Codebook.Themes))
		}
	}
	empty := &Report{Codebook: r.Codebook}
	buf.Reset()
	if err := WriteDocumentsJSON(&buf, empty); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("no documents: documents.jsonl should be empty, got %q", buf.String())
	}
}
