package reports

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/styrdok/styrdok/analysis"
)

// metadataTestDoc is an analysis whose every metadata field holds a value
// of its own (dates as the documents write them).
func metadataTestDoc() *analysis.DocumentAnalysis {
	d := &analysis.DocumentAnalysis{File: "a.txt"}
	d.Municipality.Code, d.Municipality.Name, d.Municipality.CountyCode, d.Municipality.CountyName = "0360", "Tierp", "03", "Uppsala län"
	d.Meta = analysis.Metadata{Kind: "plan", Title: "Integrationsplan", Reference: "KS 2017.411", AdoptedBy: "kommunfullmäktige",
		AdoptedOn: "2017-05-30", ValidFrom: "2018", ValidTo: "2021-06", Year: "2017", Status: "expired"}
	return d
}

// TestDocumentColumnsFollowMetadataFields: documents.csv (and so its
// XLSX sheet and, through TestParquetColumns, documents.parquet) has the
// metadata fields in analysis.MetadataFields' order, each date with its
// precision, and each field's column holds that field's value.
func TestDocumentColumnsFollowMetadataFields(t *testing.T) {
	d := metadataTestDoc()
	var row []string
	for r := range documentsTable(&Report{Documents: []*analysis.DocumentAnalysis{d}}).rows {
		row = r
	}
	var names []string
	for _, f := range analysis.MetadataFields {
		i := slices.Index(DocumentColumns, f.Name)
		if i < 0 {
			t.Fatalf("documents.csv has no column %s", f.Name)
		}
		names = append(names, f.Name)
		want := f.Value(d)
		if f.Type == analysis.FieldDate || f.Type == analysis.FieldDateEnd {
			want, _ = ISODate(want, f.Type == analysis.FieldDateEnd)
			if DocumentColumns[i+1] != f.Name+"_precision" {
				t.Errorf("date %s is not followed by its precision but by %s", f.Name, DocumentColumns[i+1])
			}
		}
		if row[i] != want {
			t.Errorf("column %s holds %q, want %q", f.Name, row[i], want)
		}
	}
	var order []string
	for _, c := range DocumentColumns {
		if slices.Contains(names, c) {
			order = append(order, c)
		}
	}
	if !slices.Equal(order, names) {
		t.Errorf("documents.csv's metadata columns in the order %v, want %v", order, names)
	}
}

// TestJSONMetadataFields: the JSON forms (DocumentHead) carry every
// metadata field under its name, in analysis.MetadataFields' order, the
// municipality and county as {code, name} objects.
func TestJSONMetadataFields(t *testing.T) {
	d := metadataTestDoc()
	data, err := json.Marshal(newDocumentHead(d))
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatal(err)
	}
	nested := map[string][2]string{"municipality_code": {"municipality", "code"}, "municipality": {"municipality", "name"},
		"county_code": {"county", "code"}, "county": {"county", "name"}}
	last := -1
	for _, f := range analysis.MetadataFields {
		key, inner := f.Name, ""
		if n, ok := nested[f.Name]; ok {
			key, inner = n[0], n[1]
		}
		raw, ok := obj[key]
		if !ok {
			t.Errorf("JSON has no key %s (field %s)", key, f.Name)
			continue
		}
		var got string
		if inner != "" {
			var cn map[string]string
			if err := json.Unmarshal(raw, &cn); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			got = cn[inner]
		} else if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if got != f.Value(d) {
			t.Errorf("field %s: JSON holds %q, want %q", f.Name, got, f.Value(d))
		}
		at := slices.Index(jsonKeys(t, data), key)
		if at < last {
			t.Errorf("field %s: key %s out of analysis.MetadataFields' order", f.Name, key)
		}
		last = at
	}
}

// jsonKeys are the top-level keys of a JSON object, in order.
func jsonKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	var keys []string
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
