package analysis

import (
	"strings"
	"testing"
)

// A web page's furniture lines (data/lists/page-labels.txt) are
// navigation, not headings (issue 14, session 21).

func TestIsPageLabel(t *testing.T) {
	for line, want := range map[string]bool{
		"Publicerad":                   true,
		"Publicerad:":                  true,
		"Uppdaterad":                   true,
		"Dela sidan på sociala medier": true,
		"Lyssna på sidan Lyssna":       true,
		"Hoppa till huvudinnehållet":   true,
		"Publicerad 12 mars 2021":      false, // a label with its date is a line of text
		"Kontaktinformation":           false, // heads a section of its own
		"Nyanlända":                    false,
		"Publicerad\nUppdaterad":       false,
	} {
		if got := isPageLabel(line); got != want {
			t.Errorf("isPageLabel(%q) = %v, want %v", line, got, want)
		}
	}
}

// o030 (dev; https://www.regeringen.se/pressmeddelanden/2015/11/regionala-konferenser-om-mottagande-och-etablering-av-nyanlanda/,
// the page's beginning as stored): a run of short lines (the minister's
// notices) ends in the headline and the label "Publicerad". The label
// took the run's last place, so the headline went to navigation with
// the rest and the label became the only section, heading the text:
// reception was level 1 where the headline names it (gold 2).
const pageLabelO030 = `Innehållet publicerades under perioden 3 oktober 2014 till den 20 januari 2019

Statsråd på denna sida som har entledigats

Mellan den 3 oktober 2014 och den 10 september 2019 var hon arbetsmarknadsminister.

Statsråd på denna sida som har entledigats

Mellan den 3 oktober 2014 och den 10 september 2019 var hon arbetsmarknadsminister.

Pressmeddelande från Arbetsmarknadsdepartementet

Regionala konferenser om mottagande och etablering av nyanlända

Publicerad

Runt om i landet genomförs just nu akuta insatser för att kunna ta emot de människor som flyr till Sverige. De akuta insatserna är helt avgörande, samtidigt krävs ett mer långsiktigt perspektiv på frågor om mottagande och etablering. Regeringen ger i dag länsstyrelserna i uppdrag att under 2016 arrangera regionala konferenser om mottagande av asylsökande och nyanlända samt nyanländas etablering.

Den 12 oktober hölls den nationella samlingen Sverige tillsammans i syfte att diskutera och utbyta erfarenheter kring nyanländas etablering. Som en fortsättning på den nationella samlingen ska länsstyrelserna bjuda in till regionala konferenser över hela landet under början av 2016. Syftet är att samlat presentera vilka resurser och förutsättningar som finns för kommuner och landsting i form av statliga ersättningar, regelverk och stödinsatser från nationella myndigheter.
`

func TestPageLabelLeavesTheHeadline(t *testing.T) {
	a := testAnalyzer(t)
	res, cov := analyzedTheme(t, a, pageLabelO030, "reception")
	var headings []string
	for _, s := range res.Sections {
		headings = append(headings, s.Heading)
	}
	if len(headings) != 1 || headings[0] != "Regionala konferenser om mottagande och etablering av nyanlända" {
		t.Errorf("sections %q, want the headline alone", headings)
	}
	if cov.Level != 2 {
		t.Errorf("reception level %d, want 2 (the headline names it)", cov.Level)
	}
	for _, s := range Segment(pageLabelO030, nil) {
		if strings.TrimSpace(pageLabelO030[s.Start:s.End]) == "Publicerad" && s.Kind != KindNavigation {
			t.Errorf("%q is %s, want navigation", "Publicerad", s.Kind)
		}
	}
}
