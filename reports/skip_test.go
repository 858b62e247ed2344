package reports

import (
	"strings"
	"testing"

	"github.com/styrdok/styrdok/registry"
)

// TestCheckSkip: every output file's name is taken, and county-CODE.csv
// for a county that exists; anything else is refused with the list.
func TestCheckSkip(t *testing.T) {
	reg, err := registry.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckSkip(append(OutputNames(), "county-14.csv", "county-01.csv"), reg); err != nil {
		t.Errorf("valid names refused: %v", err)
	}
	for _, bad := range []string{"county-99.csv", "county-14", "county-Skåne.csv", "Report.html", "documents", "*.csv"} {
		err := CheckSkip([]string{"documents.csv", bad}, reg)
		if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "evidence.parquet") {
			t.Errorf("%q: %v; want an error naming it and listing the outputs", bad, err)
		}
	}
}
