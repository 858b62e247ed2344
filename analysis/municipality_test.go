package analysis

import (
	"testing"

	"github.com/styrdok/styrdok/corpus"
)

func newTestAttributor(t testing.TB) (*MunicipalityAttributor, *corpus.Registry) {
	t.Helper()
	reg, err := corpus.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return NewMunicipalityAttributor(reg), reg
}

func TestAttributeGold(t *testing.T) {
	a, _ := newTestAttributor(t)
	for code, row := range loadGold(t) {
		t.Run(row["municipality"], func(t *testing.T) {
			got := a.Attribute(readCorpus(t, goldFiles[code]))
			if got.Code != row["municipality_code"] || got.CountyCode != row["county_code"] {
				t.Errorf("Attribute = %s/%s (%s), want %s/%s", got.Code, got.CountyCode, got.Reason, row["municipality_code"], row["county_code"])
			}
			if got.Confidence < 0.7 {
				t.Errorf("confidence %.2f too low for a clear document (%s)", got.Confidence, got.Reason)
			}
			t.Logf("%+v", got)
		})
	}
}
