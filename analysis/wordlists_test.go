package analysis

import (
	"strings"
	"testing"
)

// TestWordLists: every embedded list of data/lists parses, and each holds
// the entries the rules are documented with (docs/domain.md), so that an
// edit which empties or breaks a list fails here rather than at start-up.
func TestWordLists(t *testing.T) {
	abbr, err := wordSet("abbreviations.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"t.ex", "t ex", "bl.a", "m.m", "dnr", "fr.o.m"} {
		if !abbr[a] {
			t.Errorf("abbreviations.txt lacks %q", a)
		}
	}
	modals, err := modalVerbList()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]Modality{"ska": ModCommitment, "skall": ModCommitment, "bör": ModRecommendation, "kan": ModPossibility, "vill": ModIntent} {
		if modals[w] != want {
			t.Errorf("modal-verbs.tsv: %s is %q, want %q", w, modals[w], want)
		}
	}
	if _, ok := modals["skulle"]; ok {
		t.Error("modal-verbs.tsv lists skulle, which reports rather than binds")
	}
	intents, err := intentVerbList()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(intents["sträva"], ","); got != "efter,mot,till" {
		t.Errorf("intent-verbs.tsv: sträva needs %q, want efter,mot,till", got)
	}
	if got := intents["eftersträva"]; len(got) != 1 || got[0] != "" {
		t.Errorf("intent-verbs.tsv: eftersträva needs %q, want no particle", got)
	}
	stops, err := wordSet("stop-words.txt", Stem)
	if err != nil {
		t.Fatal(err)
	}
	if !stops[Stem("och")] || stops[Stem("bostad")] {
		t.Errorf("stop-words.txt: och %v, bostad %v", stops[Stem("och")], stops[Stem("bostad")])
	}
}

// TestWordListErrors: a malformed line is an error naming the list and
// the line, not a silent skip.
func TestWordListErrors(t *testing.T) {
	if _, err := fields("modal-verbs.tsv", "ska commitment", 2); err == nil || !strings.Contains(err.Error(), "modal-verbs.tsv") {
		t.Errorf("a line without a tab: %v", err)
	}
	if _, err := listLines("no-such-list.txt"); err == nil || !strings.Contains(err.Error(), "no-such-list.txt") {
		t.Errorf("a missing list: %v", err)
	}
}
