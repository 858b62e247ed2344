package analysis

import (
	"strings"
	"testing"
)

// m005Lansstyrelsen is lines 9-25 of testdata/realtexts/texts/m005.txt
// (dev; Ekerö kommun, "Så här fungerar mottagandet av nyanlända"): a
// lead-in sentence ending "består i att;" and five dash items, each a
// block of its own, that go on from it in lower case.
const m005Lansstyrelsen = `Länsstyrelsen

Länsstyrelsens uppdrag innehåller flera delar på nationell, regional och lokal nivå. Integrationsuppdraget består i att;

-      medverka till att det finns beredskap hos kommunerna i länet att ta emot nyanlända

-      teckna överenskommelser med kommunerna om mottagande av nyanlända

-      stödja kommunerna i samordningen av kommunal verksamhet såsom sfi och samhällsorientering

-      verka för att öka regional samverkan mellan kommuner, myndigheter, organisationer och företag som anordnar aktiviteter för nyanlända

-      följa upp organisering och genomförande av insatser på regional och lokal nivå

Arbetsförmedlingen

Sedan 2010 har Arbetsförmedlingen det samordnade ansvaret för nyanländas etablering i det svenska samhället, detta regleras i Lagen om etableringsinatser för vissa nyanlända. I ansvaret ingår bl a att;
`

// TestClauseItemsAreNotNavigation: a list item that starts, its bullet
// aside, with a lower-case word is a clause going on from the sentence
// that leads into the list, the text's own statement, not the title of a
// link or a contents entry (titles start with a capital). Such items do
// not make a run of short blocks navigation: m005's five items were
// navigation, and its labelled cooperation, language and reception
// sentences counted nothing.
func TestClauseItemsAreNotNavigation(t *testing.T) {
	segs := Segment(m005Lansstyrelsen, nil)
	items := 0
	for _, s := range segs {
		if strings.HasPrefix(s.Text, "-") {
			items++
			if s.Kind != KindListItem {
				t.Errorf("%q: kind %s, want list_item", s.Text, s.Kind)
			}
		}
		if s.Kind == KindNavigation {
			t.Errorf("%q: navigation", s.Text)
		}
	}
	if items != 5 {
		t.Errorf("list items: %d, want 5: %v", items, segTexts(segs))
	}
}

// TestCapitalisedItemsStayNavigation: the control. The same run with
// items that are titles (capitalised, no full stop), as a scraped page's
// list of links to other pages, is still navigation.
func TestCapitalisedItemsStayNavigation(t *testing.T) {
	var b strings.Builder
	b.WriteString("Länsstyrelsen\n\n")
	for _, title := range []string{"Medverka till beredskap i länet", "Överenskommelser om mottagande",
		"Samordning av sfi och samhällsorientering", "Regional samverkan", "Uppföljning av insatser"} {
		b.WriteString("-      " + title + "\n\n")
	}
	b.WriteString("Arbetsförmedlingen\n\nSedan 2010 har Arbetsförmedlingen det samordnade ansvaret för nyanländas etablering i det svenska samhället.\n")
	segs := Segment(b.String(), nil)
	for _, s := range segs {
		if strings.HasPrefix(s.Text, "-") && s.Kind != KindNavigation {
			t.Errorf("%q: kind %s, want navigation", s.Text, s.Kind)
		}
	}
}
