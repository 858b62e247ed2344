package analysis

import "testing"

// TestFlatNavigation: the flattened navigation shapes are found, and real
// lines that look a little like them (slashes in reference numbers and
// table headers, numbers in dates) are not. Sources: realtexts m056
// (http://www.morbylanga.se/stod-omsorg/invandring-integration/), issue 14,
// and the bundled corpus (Söderhamn, Sunne, Tierp).
func TestFlatNavigation(t *testing.T) {
	for line, want := range map[string]bool{
		"Du är här: Start/Stöd & Omsorg /Invandring och integration":                              true,
		"Inledning 3 Avgränsning 4 Integration 4":                                                 true,
		"dnr KS/2015/0173 Integrationsstrategi Öppna Söderhamn en kommun för alla":                false,
		"Antagen av kommunfullmäktige 25 januari 2016, 14/16":                                     false,
		"Mål/delmål för område Boende\tProblem/behov\tAktivitet\tHuvudansvar\tTidplan":            false,
		"Ungdomspolitisk Strategi Strategi Plan/program Riktlinje Regler och instruktioner":       false,
		"Kommunen tog emot 12 personer 2015, 14 personer 2016 och 20 personer 2017 enligt planen": false,
	} {
		if got := isFlatNavigation(line); got != want {
			t.Errorf("isFlatNavigation(%q) = %v, want %v", line, got, want)
		}
	}
}
