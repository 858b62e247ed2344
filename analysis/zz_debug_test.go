package analysis

import (
	"fmt"
	"testing"
)

func TestZZVoiceDump(t *testing.T) {
	a, _ := newTestAttributor(t)
	rows, _ := loadVoiceRows(t, withoutVoiceModel(a))
	cv := crossValidated(rows)
	for i, r := range rows {
		fmt.Printf("%-28s y=%v cv=%.2f conf=%.2f x=%.2f\n", r.file, r.y, cv[i], r.conf, r.x)
	}
}
