package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// goldRow is one line of testdata/gold/documents.tsv.
type goldRow map[string]string

// goldFiles maps the gold file ids to the bundled corpus files.
var goldFiles = map[string]string{
	"1440": "ale-integrationsplan-2018-2021.txt",
	"1489": "alingsas-riktlinjer-integration.txt",
	"0662": "gislaved-projektplan-integrationsstrategi-2012.txt",
	"0360": "tierp-handlingsplan-integration-2017.txt",
}

// loadGold reads the expert metadata, keyed by municipality code; "-"
// becomes "".
func loadGold(t *testing.T) map[string]goldRow {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "gold", "documents.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var head []string
	out := map[string]goldRow{}
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = cols
			continue
		}
		row := goldRow{}
		for i, c := range cols {
			if c == "-" {
				c = ""
			}
			row[head[i]] = c
		}
		out[row["municipality_code"]] = row
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(goldFiles) {
		t.Fatalf("gold has %d rows, want %d", len(out), len(goldFiles))
	}
	return out
}

func readCorpus(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var asOf2019 = time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)

func TestMetadataGold(t *testing.T) {
	for code, row := range loadGold(t) {
		t.Run(row["municipality"], func(t *testing.T) {
			md := ExtractMetadata(readCorpus(t, goldFiles[code]), asOf2019)
			got := map[string]string{
				"kind": md.Kind, "year": md.Year, "reference": md.Reference, "adopted_by": md.AdoptedBy,
				"adopted_on": md.AdoptedOn, "valid_from": md.ValidFrom, "valid_to": md.ValidTo,
			}
			for k, v := range got {
				if v != row[k] {
					t.Errorf("%s = %q, want %q", k, v, row[k])
				}
			}
			t.Logf("%+v", md)
		})
	}
}
