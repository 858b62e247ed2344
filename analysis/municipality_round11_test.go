package analysis

import (
	"slices"
	"strings"
	"testing"
)

// Session 11 (docs/validity.md, "Attribution on texts that name their
// municipality (session 11 ...)"): the error classes found on the new dev
// texts of batch 7. Real dev texts, copies and sources in
// testdata/attribution/real.

// TestAttributeOfficialNameForm: Falun calls itself "Falu kommun" (its
// official name); its news pages name it no other way and answered
// "no municipality is named" before the alias (aliases.txt). A
// neighbour's page that names "Falu kommun" twice as the place of a
// re-election is not given to Falun (m107, Härjedalen's page: unknown,
// not a wrong answer).
func TestAttributeOfficialNameForm(t *testing.T) {
	a, _ := newTestAttributor(t)
	for _, tc := range []struct{ file, why string }{
		{"m542.txt", "\"nämndstrukturen i Falu kommun\", \"Falu kommuns årsredovisning\""},
		{"m544.txt", "\"landsbygden i Falu kommun\", \"näringslivsstrategi för Falu kommun\""},
		{"m551.txt", "\"parkeringsnorm för Falu kommun\""},
	} {
		got := a.Attribute(readRealAttribution(t, tc.file))
		if got.Code != "2080" {
			t.Errorf("%s (%s): Attribute = %q %.2f (%s), want 2080 Falun", tc.file, tc.why, got.Code, got.Confidence, got.Reason)
		}
	}
	if got := a.Attribute(readRealAttribution(t, "m107.txt")); got.Code == "2080" {
		t.Errorf("m107 (Härjedalen offers early voting for Falun's re-election): Attribute = Falun %.2f, want not Falun", got.Confidence)
	}
	// The alias on a sentence: the form before "kommun", and its genitive.
	for _, s := range []string{
		"Kommunfullmäktige beslutade att anta en ny parkeringsnorm för Falu kommun.",
		"Kommunfullmäktige beslutade också att godkänna Falu kommuns årsredovisning för 2021.",
	} {
		if got := a.Attribute(s); got.Code != "2080" && got.RunnerUp.Code != "2080" {
			t.Errorf("%q: Attribute = %q, runner-up %q; want Falun a candidate", s, got.Code, got.RunnerUp.Code)
		}
	}
}

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
