package analysis

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/codebook"
)

// TestThemeErrorClasses runs the real sentences of testdata/theme-errors.tsv
// (each copied with its source address) through Analyze, one document
// each, and checks the themes they get evidence for: organisations and
// institution names are actors, "jobba med"/"i arbetet med" is not
// employment, navigation is not counted, a bare list names themes without
// treating them. The rows marked + are the controls that keep each rule
// from swallowing real treatment. The recall-word rows (themes round 6)
// are dev sentences a labeller marked with a theme that no codebook word
// reached: common Swedish ways of saying it (tenses of "ta emot", "på
// flykt", "bosätta sig", "självförsörjande", "på arabiska", "hemlöshet",
// leisure facilities), each class with a control that keeps the word's
// false friend out ("tas emot" in minutes, "respektive", "hyresavtal", a
// corona banner).
func TestThemeErrorClasses(t *testing.T) {
	data, err := os.ReadFile("testdata/theme-errors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	rows := 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "class\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %d: %d fields", n+1, len(f))
		}
		rows++
		class, expect, sentence := f[0], strings.Fields(f[2]), f[3]
		res := a.Analyze(docFromText(sentence + "\n"))
		evidence := map[string]bool{}
		for _, c := range res.Themes {
			evidence[c.ID] = len(c.Evidence) > 0
		}
		for _, e := range expect {
			switch {
			case e == "navigation":
				if len(res.Segments) != 1 || res.Segments[0].Kind != KindNavigation {
					t.Errorf("%s: %q: segments %+v, want one navigation segment", class, sentence, res.Segments)
				}
			case strings.HasPrefix(e, "-") && evidence[e[1:]]:
				t.Errorf("%s: %q: evidence for %s", class, sentence, e[1:])
			case strings.HasPrefix(e, "+") && !evidence[e[1:]]:
				t.Errorf("%s: %q: no evidence for %s", class, sentence, e[1:])
			}
		}
	}
	if rows < 15 {
		t.Errorf("%d rows", rows)
	}
}

// TestCodebookOrganisations: a codebook's organisations: adds names to the
// embedded list, and a name's theme words stop counting; without the name
// the same word counts (so the test can fail).
func TestCodebookOrganisations(t *testing.T) {
	base := "version: 1\nthemes:\n  - id: work\n    terms: [{term: jobb, weight: 2}]\n"
	text := "Kommunen samarbetar med Jobbtorg Stockholm om nyanlända."
	for _, c := range []struct {
		extra string
		want  bool
	}{{"", true}, {"organisations: [Jobbtorg  Stockholm]\n", false}} {
		cb, err := ParseCodebook([]byte(base+c.extra), "user.yaml")
		if err != nil {
			t.Fatal(err)
		}
		a := NewAnalyzer(cb, nil, testDate)
		if got := len(a.Tag(text)) > 0 && a.Tag(text)[0].Theme == "work"; got != c.want {
			t.Errorf("organisations %q: work %v, want %v (%+v)", c.extra, got, c.want, a.Tag(text))
		}
	}
	if _, err := ParseCodebook([]byte(base+"organisations: [\" \"]\n"), "user.yaml"); err == nil || !strings.Contains(err.Error(), "user.yaml") {
		t.Errorf("empty organisation name: %v", err)
	}
}

// TestLevelErrorClasses analyses the real paragraphs of
// testdata/level-errors.tsv (each with its source address), one document
// each, and checks a theme's level: a segment whose only word for the
// theme is a weak one names it on the way (two of them are not a
// treatment), a heading with no section under it and no own words for
// the theme is a link or a label, a line broken mid-sentence names no
// theme, and a heading that says more than the theme's name over a
// section that never names the theme is a title of something else
// (session 10), and a word of two senses ("etablering") names reception
// only beside a word of the target group (session 12), and a theme named
// only as one item of a list of other things is a passing mention, and
// a theme word in its other sense (an association's name) counts toward
// no level (session 14), and a theme named only in bullet fragments
// and list items of other things is level 0 (session 15). The rows with a level above 0 are the controls (a
// segment of substance beside a goal list's item, a heading over a
// section, a bare title, the theme's name over its section). Each row
// of the classes gave the wrong level before its rule.
func TestLevelErrorClasses(t *testing.T) {
	data, err := os.ReadFile("testdata/level-errors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	rows := map[string]int{}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "class\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("line %d: %d fields", n+1, len(f))
		}
		want, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("line %d: level %q", n+1, f[3])
		}
		rows[f[0]]++
		res := a.Analyze(docFromText(strings.ReplaceAll(f[4], `\n`, "\n") + "\n"))
		cov, err := res.Theme(f[2])
		if err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if cov.Level != want {
			_, rule := GradeRule(cov, res.Sentences)
			t.Errorf("line %d (%s, %s): %s level %d, want %d (%s)", n+1, f[0], f[1], f[2], cov.Level, want, rule)
		}
	}
	for class, n := range map[string]int{"weak_mention": 3, "lone_heading": 3, "broken_heading": 2, "title_heading": 3, "context_term": 3, "list_mention": 2, "word_sense": 2, "list_only": 2, "party_cooperation": 2} {
		if rows[class] < n {
			t.Errorf("%s: %d rows", class, rows[class])
		}
	}
}

// TestBrokenHeading: a short line ending in a preposition or conjunction
// is a sentence broken by the layout, not a heading that names a theme;
// headings ending in a noun or a question mark are headings.
func TestBrokenHeading(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"7. Att vårda sin hälsa i", true},            // testdata/realtexts m238
		{"3. Att försörja sig och utvecklas i", true}, // m238
		{"Kommunen arbetar i samverkan med", true},
		{"Hälsa och sjukvård", false},
		{"2. Boende", false},
		{"Vad innehåller kursen?", false},
		{"i", false}, // one word: nothing to break
	} {
		if got := brokenHeading(c.text); got != c.want {
			t.Errorf("brokenHeading(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestClaimsOnlyMovesNoLevel: a claims_only term (codebook.Term.ClaimsOnly)
// is evidence for its theme and counts toward no level. Real dev sentences
// (testdata/realtexts m536, https://equmenia.se/2016/08/15/det-ar-jesus-som-gor-det/,
// whose sentences are labelled meeting places): with the default codebook,
// where språkcafé is claims_only under meeting_places, the theme has
// evidence at level 0 and no counted segment; with the same terms counted
// (claims_only: false) it is level 1, so the test can fail; no other
// theme's level differs between the two.
func TestClaimsOnlyMovesNoLevel(t *testing.T) {
	text := "Så kom vi på idén att starta upp ett språkcafé.\n" +
		"Som ett komplement till språkcafét har Bifrostkyrkan även läxläsning på måndagar.\n" +
		"Nyheten om språkcafét har spridit sig långsamt, från en person till nästa.\n" +
		"Ida ser tydligt att språkcafét engagerar nya grupper i och i närheten av församlingen.\n"
	yaml := string(codebook.DefaultYAML())
	if !strings.Contains(yaml, "{term: språkcafé,") || !strings.Contains(yaml, "claims_only: true") {
		t.Fatal("the default codebook has no claims_only språkcafé")
	}
	counted, err := ParseCodebook([]byte(strings.ReplaceAll(yaml, "claims_only: true", "claims_only: false")), "counted")
	if err != nil {
		t.Fatal(err)
	}
	claims := testAnalyzer(t).Analyze(docFromText(text))
	all := NewAnalyzer(counted, nil, testDate).Analyze(docFromText(text))
	for i, c := range claims.Themes {
		o := all.Themes[i]
		if c.ID != "meeting_places" {
			if c.Level != o.Level {
				t.Errorf("%s: level %d with claims_only, %d without", c.ID, c.Level, o.Level)
			}
			continue
		}
		if len(c.Evidence) != 4 || c.Level != 0 || c.Sentences != 0 || c.OwnSentences != 0 {
			t.Errorf("meeting_places with claims_only: %d evidence, level %d, %d sentences, %d own; want 4, 0, 0, 0", len(c.Evidence), c.Level, c.Sentences, c.OwnSentences)
		}
		if len(o.Evidence) != 4 || o.Level != 1 {
			t.Errorf("meeting_places counted: %d evidence, level %d; want 4, 1", len(o.Evidence), o.Level)
		}
	}
}

// TestClaimsOnlyTermTakesNoCountedWord: adding a claims_only term moves no
// level even where it matches a word a counted term matches too. Real dev
// text (testdata/realtexts o389,
// https://www.storsthlm.se/utbildning-och-arbetsmarknad/nyheter/2016/2016-04-21-sa-ordnar-kommunerna-boenden-till-nyanlanda.html):
// a claims_only "anvisas" (the settlement law's verb, session 17) took
// "anvisas" from the counted "anvisad" in the dedupe of overlapping
// matches and lowered the reception level 1 → 0 (session 18). Two
// additions are checked: a claims_only term of the same weight as the
// counted one, and a heavier claims_only phrase over it; each must gain
// the claim on "anvisats" (which no counted term matches) and leave every
// level as the default codebook has it.
func TestClaimsOnlyTermTakesNoCountedWord(t *testing.T) {
	text := "Så ordnar kommunerna boenden till nyanlända\n\n" +
		"Sedan den 1 mars har kommunerna ansvar att ordna bostäder till personer som fått uppehållstillstånd i Sverige och anvisats till en kommun. " +
		"Enligt Länsstyrelsen handlar det i år om närmare 6 700 personer som kommer att anvisas till någon av kommunerna i Stockholms län.\n\n" +
		"Länsstyrelsen släppte idag rapporten ”Bosättning av nyanlända – utmaningar och möjligheter i Stockholms län”. " +
		"Rapporten är framtagen av det regionala rådet för etablerings- och flyktingfrågor, där KSL deltar. " +
		"Rapporten ger en överblick över hur kommunerna löser bostadsfrågan. " +
		"Länsstyrelsen lyfter att det i kommunerna pågår ett aktivt arbete för att skapa bostäder till nyanlända.\n"
	yaml := string(codebook.DefaultYAML())
	counted := "      - {term: anvisad, as: [word], weight: 1.5}\n"
	if !strings.Contains(yaml, counted) {
		t.Fatal("the default codebook has no counted term anvisad")
	}
	base := testAnalyzer(t).Analyze(docFromText(text))
	reception := func(r *DocumentAnalysis) ThemeCoverage {
		for _, c := range r.Themes {
			if c.ID == "reception" {
				return c
			}
		}
		t.Fatal("no reception theme")
		return ThemeCoverage{}
	}
	if reception(base).Level != 1 {
		t.Fatalf("reception level %d with the default codebook, want 1", reception(base).Level)
	}
	recPhrases := "      - {phrase: \"mottagning av\", weight: 2}\n"
	if !strings.Contains(yaml, recPhrases) {
		t.Fatal("the default codebook has no reception phrase \"mottagning av\"")
	}
	for _, add := range []struct{ term, phrases string }{
		{"      - {term: anvisas, forms: [anvisats, anvisades], as: [word], weight: 1.5, claims_only: true}\n", ""},
		{"      - {term: anvisats, as: [word], weight: 1.5, claims_only: true}\n",
			"      - {phrase: \"anvisas till\", weight: 2, claims_only: true}\n"},
	} {
		y := strings.Replace(yaml, counted, counted+add.term, 1)
		y = strings.Replace(y, recPhrases, recPhrases+add.phrases, 1)
		cb, err := ParseCodebook([]byte(y), "claims")
		if err != nil {
			t.Fatal(err)
		}
		got := NewAnalyzer(cb, nil, testDate).Analyze(docFromText(text))
		for i, c := range got.Themes {
			if b := base.Themes[i]; c.Level != b.Level || c.OwnSentences != b.OwnSentences {
				t.Errorf("%q: %s level %d, %d own sentences; default codebook %d, %d", add, c.ID, c.Level, c.OwnSentences, b.Level, b.OwnSentences)
			}
		}
		if r := reception(got); !strings.Contains(fmtMatches(r), "anvisats=") {
			t.Errorf("%q: no claim on \"anvisats\": %s", add, fmtMatches(r))
		}
	}
}

func fmtMatches(c ThemeCoverage) string {
	var b strings.Builder
	for _, e := range c.Evidence {
		for _, m := range e.Matched {
			fmt.Fprintf(&b, "%s=%s/%g ", m.Text, m.Term, m.Weight)
		}
	}
	return b.String()
}

// TestClaimsOnlyTermOfACountedWordMovesNoLevel: a codebook may list one
// word twice, counted and claims_only ("nyanländ" counted at 0.5, a
// claims_only "nyanländ" at 1: session 19's reception group). The
// claims_only mark was looked up by the term's name, so the counted
// matches of "nyanländ" became claims_only too and left the levels
// (held-out level ≥ 1 P moved 0.7221 → 0.7215). The sentence is real
// (testdata/realtexts m051, dev), https://gnosjo.se/omsorg--hjalp/invandring-och-integration.html:
// its only reception words are two "nyanlända" at 0.5, so it counts for
// reception (an own sentence, which levels read) with the default
// codebook, and must with the claims_only term added.
func TestClaimsOnlyTermOfACountedWordMovesNoLevel(t *testing.T) {
	text := "Även nyanlända i åldern 18-19 år, som saknar föräldrar i Sverige, omfattas av den nya lagen liksom anhöriga till nyanlända.\n"
	yaml := string(codebook.DefaultYAML())
	counted := "      - {term: nyanländ, forms: [nyanlända], as: [word], weight: 0.5}\n"
	if !strings.Contains(yaml, counted) {
		t.Fatal("the default codebook has no counted term nyanländ at 0.5")
	}
	base := testAnalyzer(t).Analyze(docFromText(text))
	var rec ThemeCoverage
	for _, c := range base.Themes {
		if c.ID == "reception" {
			rec = c
		}
	}
	if rec.OwnSentences != 1 {
		t.Fatalf("default codebook: reception %d own sentences, want 1", rec.OwnSentences)
	}
	for _, add := range []string{
		"      - {term: nyanländ, forms: [nyanlända, nyanlände, nyanländes], as: [word], weight: 1, claims_only: true}\n",
		"      - {term: nyanländ, forms: [nyanlända], as: [word], weight: 0.5, claims_only: true}\n",
		"      - {term: nyanländ, as: [word], weight: 0.25, claims_only: true}\n",
	} {
		cb, err := ParseCodebook([]byte(strings.Replace(yaml, counted, counted+add, 1)), "claims")
		if err != nil {
			t.Fatal(err)
		}
		got := NewAnalyzer(cb, nil, testDate).Analyze(docFromText(text))
		for i, c := range got.Themes {
			if b := base.Themes[i]; c.Level != b.Level || c.OwnSentences != b.OwnSentences || c.Sentences != b.Sentences {
				t.Errorf("%q: %s level %d, %d own sentences, %d sentences; default codebook %d, %d, %d", add, c.ID, c.Level, c.OwnSentences, c.Sentences, b.Level, b.OwnSentences, b.Sentences)
			}
		}
	}
}
