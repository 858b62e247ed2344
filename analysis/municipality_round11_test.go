package analysis

import (
	"slices"
	"strings"
	"testing"
)

// Session 11 (docs/validity.md, "Attribution, round 11: texts that name
// their municipality (session 11 ...)"): the error class of the new dev
// texts of batch 7 that was fixed and kept. Real dev text, copy and
// source in testdata/attribution/real.

// TestReporterVerbMeddelar: a local news site's list of items on
// Lidköping reports an announcement ("I dag meddelar moderaten Rasmus
// Möller att ..."): "meddelar" is the press's reporting verb, counted with
// "säger" and "uppger" (reporter-voice-words.txt), so the text reads as
// news about Lidköping, which by the owner's rule is Lidköping's (m547:
// cross-validated, the voice model took its answer away without it).
func TestReporterVerbMeddelar(t *testing.T) {
	a, _ := newTestAttributor(t)
	reporter := slices.Index(voiceFeatureNames[:], "reporter")
	text := readRealAttribution(t, "m547.txt")
	got := a.Attribute(text)
	if got.Code != "1494" {
		t.Errorf("m547 (Lidköpingsnytt): Attribute = %q %.2f (%s), want 1494 Lidköping", got.Code, got.Confidence, got.Reason)
	}
	// Page-sized texts (the model judges 31 words or more): the same
	// filler with and without the verb.
	const filler = " Kommunfullmäktige sammanträder nästa gång i oktober, och mötet är öppet för alla som vill lyssna på debatten om budgeten för nästa år och om planerna för skolorna."
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Klarar Lidköpings elnät omställningen?\n\nI dag meddelar moderaten Rasmus Möller att han vill ha en utredning om framtidens elanvändning i Lidköping. Lidköping växer.", true},
		{"Lidköpings kommun meddelade i går att simhallen i Lidköping stänger.", true},
		{"Lidköpings kommun har fattat beslut om en ny detaljplan för Lidköping. Planen gäller till 2030.", false},
	} {
		text := tc.text + filler
		_, x, ok := a.attributeVoice(text, layoutDocument(text))
		if !ok {
			t.Errorf("%q: not judged by the voice model", tc.text)
			continue
		}
		if got := x[reporter] > 0; got != tc.want {
			t.Errorf("%q: reporter feature %.2f, want counted %v", tc.text, x[reporter], tc.want)
		}
	}
	if !strings.Contains(embeddedReporterWords(t), "\nmeddelar\n") {
		t.Errorf("reporter-voice-words.txt: want meddelar")
	}
}

// embeddedReporterWords is the reporter word list as embedded.
func embeddedReporterWords(t *testing.T) string {
	t.Helper()
	b, err := attributionData.ReadFile("data/attribution/reporter-voice-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	return "\n" + string(b)
}
