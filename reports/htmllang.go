package reports

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// report.html is written in Swedish (the language of the documents and
// of most of its readers, the county boards) unless Report.Lang is "en".
// The page's English source (htmlSource, htmlScript) is the reference;
// the Swedish page is made from it by replacing whole phrases
// (htmlSwedish), once per process, so both pages have the same markup and
// one script whose hash the Content-Security-Policy names.

// Languages of report.html.
const (
	LangSwedish = "sv"
	LangEnglish = "en"
)

// htmlSwedish are the page's English phrases and their Swedish, longest
// first where one contains another.
var htmlSwedish = []string{
	`<html lang="en">`, `<html lang="sv">`,
	"styrdok coverage report", "styrdok täckningsrapport",
	" documents analysed", " dokument analyserade",
	", {{len .}} failed", ", {{len .}} misslyckades",
	". Cells show the level (0 absent or passing mention, 1 treated, 2 heading, focus area or goal) and the theme's share of the document's sentences. Click a cell to see its evidence (up to {{.EvidenceCap}} sentences per cell, the strongest; evidence.csv has every one).",
	". Cellerna visar nivån (0 saknas eller nämns i förbigående, 1 behandlas, 2 rubrik, fokusområde eller mål) och temats andel av dokumentets meningar. Klicka på en cell för att se beläggen (upp till {{.EvidenceCap}} meningar per cell, de starkaste; evidence.csv har alla).",
	`">level `, `">nivå `,
	"<strong>Status as of {{.}}</strong>: a document is in force when its period of validity covers this date (run --as-of).",
	"<strong>Status per {{.}}</strong>: ett dokument gäller när dess giltighetstid omfattar detta datum (run --as-of).",
	" {{.Expired}} more with an expired plan only.", " Ytterligare {{.Expired}} har bara en utgången plan.",
	"more with an expired plan, level ≥", "fler med bara utgången plan, nivå ≥",
	" (not counted)<", " (räknas inte)<",
	`">expired<`, `">utgånget<`,
	`">no document<`, `">inget dokument<`,
	"Coverage by document", "Täckning per dokument",
	`>Evidence<`, `>Belägg<`,
	"Regional coverage", "Regional täckning",
	`>Map<`, `>Karta<`,
	"Similar documents", "Liknande dokument",
	`>Failures<`, `>Filer som inte kunde läsas<`,
	"<label>County: ", "<label>Län: ",
	">all counties<", ">alla län<",
	`<th class="rl">municipality</th>`, `<th class="rl">kommun</th>`,
	`<th class="rl">document</th>`, `<th class="rl">dokument</th>`,
	`<th class="rl">code</th>`, `<th class="rl">kod</th>`,
	`<th class="rl">file</th>`, `<th class="rl">fil</th>`,
	`<th class="rl">reason</th>`, `<th class="rl">orsak</th>`,
	`<th>cosine</th>`, `<th>cosinus</th>`,
	`<th class="rl">near duplicate</th>`, `<th class="rl">nästan dubblett</th>`,
	"{{if .NearDuplicate}}yes{{end}}", "{{if .NearDuplicate}}ja{{end}}",
	"Click a cell of a table or a municipality on the map.", "Klicka på en cell i en tabell eller på en kommun på kartan.",
	" of {{.Total}} municipalities have a usable document.", " av {{.Total}} kommuner har ett användbart dokument.",
	"county: municipalities at level ≥", "länet: kommuner på nivå ≥",
	"<label>Theme: ", "<label>Tema: ",
	"Colour: the municipality's best level among its usable documents. Click a municipality for its evidence.",
	"Färg: kommunens högsta nivå bland dess användbara dokument. Klicka på en kommun för att se beläggen.",
	`aria-label="map of municipalities"`, `aria-label="karta över kommunerna"`,
	`aria-label="contents"`, `aria-label="innehåll"`,
	"The {{len .}} most similar of {{$.PairsTotal}} pairs; all are in similarity.csv, which ", "De {{len .}} mest lika av {{$.PairsTotal}} paren; alla finns i similarity.csv, som ",
	"lists for every document its 5 most similar documents with cosine at least 0.2, and every pair with cosine at least 0.9 (near duplicates).",
	"listar de 5 mest lika dokumenten för varje dokument med cosinus minst 0,2, och varje par med cosinus minst 0,9 (nästan dubbletter).",
	// the script
	`"(unknown municipality)"`, `"(okänd kommun)"`,
	`" \u00b7 level "`, `" \u00b7 nivå "`,
	`"% of sentences"`, `"% av meningarna"`,
	`"Most similar: "`, `"Mest lika: "`,
	`"No evidence: the theme is not mentioned."`, `"Inga belägg: temat nämns inte."`,
	`"Showing " + t.h.length + " of " + t.n + " evidence sentences: the strongest, " +
        "own words before sentences counted through a heading. All " + t.n + " are in evidence.csv."`,
	`"Visar " + t.h.length + " av " + t.n + " meningar: de starkaste, " +
        "egna ord före meningar som räknas genom en rubrik. Alla " + t.n + " finns i evidence.csv."`,
	`"p. "`, `"s. "`,
	`" \u00b7 under a heading naming the theme"`, `" \u00b7 under en rubrik som nämner temat"`,
	`" (a sentence of " + s.c + " characters, shown around its matched words; evidence.csv has it whole)"`,
	`" (en mening på " + s.c + " tecken, visad kring de träffade orden; evidence.csv har den hel)"`,
	`": no document"`, `": inget dokument"`,
}

// rowStatusSV are the county tables' statuses (Row*) as the Swedish page
// shows them; the CSV files keep the English values, their data.
var rowStatusSV = map[string]string{RowCurrent: "gällande", RowUnknown: "okänd giltighet", RowExpired: "utgånget", RowNoDocument: "inget dokument"}

// CountyRuleSV is CountyRule in Swedish, for the Swedish report.html.
const CountyRuleSV = `Varje kommun i länet är en rad. Status: "gällande" när minst ett av dess dokument gäller; ` +
	`"okänd giltighet" när inget vet gälla men ett saknar slutdatum (sådana dokument används); ` +
	`"utgånget" när alla har gått ut (deras värden visas men räknas inte i länsraden); "inget dokument" när korpusen saknar dokument. ` +
	`Varje tema visar den högsta nivån (sedan andelen) bland dokumenten med den statusen; det avgörande dokumentet är det nyaste av högsta slag ` +
	`(policy > strategy > program > plan > action_plan > guidelines > project_plan > other), och varje värdes källa anges. ` +
	`Länsrader: andelen av länets alla kommuner vars användbara värden når nivå 1 och nivå 2; ` +
	`raderna "fler med bara utgången plan" räknar kommuner vars enda dokument har gått ut men som skulle nå nivån (ingår inte i andelen).`

// htmlLang is report.html in one language: its template, its script
// and the county rule.
type htmlLang struct {
	template *template.Template
	script   string
	rule     string
}

// htmlLangs are the two pages, built on first use (parsing both
// templates was most of the package's start-up, paid by every process,
// `styrdok text` and `version` too) and only read after that.
var htmlLangs = sync.OnceValue(func() map[string]htmlLang {
	sv := strings.NewReplacer(htmlSwedish...)
	out := map[string]htmlLang{}
	for _, l := range []struct {
		lang, source, script, rule string
	}{
		{LangEnglish, htmlSource, htmlScript, CountyRule},
		{LangSwedish, sv.Replace(htmlSource), sv.Replace(htmlScript), CountyRuleSV},
	} {
		out[l.lang] = htmlLang{template: template.Must(template.New("report").Parse(strings.NewReplacer(
			"@CSP@", htmlCSP(l.script)).Replace(l.source))), script: l.script, rule: l.rule}
	}
	return out
})

// pageLang is the language of report.html for lang ("" is Swedish).
func pageLang(lang string) (htmlLang, string, error) {
	if lang == "" {
		lang = LangSwedish
	}
	l, ok := htmlLangs()[lang]
	if !ok {
		return htmlLang{}, "", fmt.Errorf("report.html: unknown language %q (sv or en)", lang)
	}
	return l, lang, nil
}

// htmlCSP allows nothing from the network and only the page's script.
func htmlCSP(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
