package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/tools/gencorpus/gen"
)

// The list bits (formlists.go) replace map lookups in the attribution's
// word loops. These tests hold the functions that read them to what the
// lookups said: the old functions are kept below as references
// (ref*), and countVoice, rivalAt, namesCompany and reportsOnParties
// must answer as they do on the bundled corpus, generated documents and
// 20,000 random texts made of the lists' own words, with the matcher's
// forms (the bits), without them (the lists asked each time), and with
// lists other than the embedded ones (which never store a form's bits).

// refRivalAt is rivalAt before the list bits.
func refRivalAt(l *attributionLists, text string, words []word, i int, first string) (int, float64) {
	base := strings.TrimSuffix(first, "s")
	if strings.HasSuffix(base, "partiet") {
		return 1, 1
	}
	if strings.HasSuffix(base, "regionen") {
		return 1, partnerRival
	}
	if i+1 < len(words) && joined(text, words[i], words[i+1]) {
		if next := words[i+1].lower(text); next == "nation" || next == "nations" || next == "nationen" {
			return 2, 1
		}
	}
	if first == "region" && i+1 < len(words) && words[i+1].upper && joined(text, words[i], words[i+1]) {
		if words[i+1].lower(text) == "gotland" || words[i+1].lower(text) == "gotlands" {
			return 0, 0
		}
		return 2, partnerRival
	}
	if n := l.memberBodyAt(text, words, i, base); n > 0 {
		return n, partnerRival
	}
	for _, key := range [...]string{first, base} {
		for _, r := range l.rivals[key] {
			ws := r.words
			if i+len(ws) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(ws) && ok; k++ {
				w := words[i+k].lower(text)
				ok = (w == ws[k] || (k == len(ws)-1 && w == ws[k]+"s")) && joined(text, words[i+k-1], words[i+k])
			}
			if ok {
				return len(ws), r.weight
			}
		}
	}
	return 0, 0
}

// refOrgOwnedAt is orgOwnedAt before the list bits.
func refOrgOwnedAt(v *voiceLists, text string, words []word, i int, lw string) bool {
	if !v.orgOwned[lw] {
		return false
	}
	for back := 1; back <= 2 && i-back >= 0; back++ {
		if !sameLine(text, words[i-back], words[i-back+1]) {
			return false
		}
		switch words[i-back].lower(text) {
		case "vår", "vårt", "våra":
			return true
		}
	}
	return false
}

// refPartyAt is partyAt before the list bits.
func refPartyAt(a *MunicipalityAttributor, text string, words []word, i int, lw string) int {
	v := a.lists.voice
	if i > 0 && sameLine(text, words[i-1], words[i]) {
		switch prev := words[i-1].lower(text); {
		case (prev == "vi" || prev == "oss" || prev == "som") && v.partyMember[lw]:
			return partyFirst
		case (prev == "vår" || prev == "vårt" || prev == "våra") && v.partyOwned[lw]:
			return partyFirst
		}
	}
	if lw == "vi" && i+2 < len(words) && sameLine(text, words[i], words[i+1]) && joined(text, words[i+1], words[i+2]) && words[i+2].upper {
		switch p := words[i+1].lower(text); p {
		case "på", "från", "i", "inom":
			if n, _ := refRivalAt(a.lists, text, words, i+2, words[i+2].lower(text)); n > 0 {
				return partyFirst
			}
		}
	}
	for _, seq := range v.partySaid {
		if lw == seq[0] && wordsFollow(text, words, i, seq[1:]) {
			return partyFirst
		}
	}
	if lw == "vi" {
		for _, seq := range v.partyWe {
			if wordsFollow(text, words, i, seq) {
				return partyFirst
			}
		}
	}
	if refOrgOwnedAt(v, text, words, i, lw) {
		return partyFirst
	}
	if v.partyHeading[lw] && v.actHeadingAt(text, words, i) {
		return partyFirst
	}
	for _, o := range v.partyOrgan {
		if strings.HasPrefix(lw, o) {
			return partyOrgan
		}
	}
	return partyNone
}

// refPartyBranchAt is partyBranchAt before the list bits.
func refPartyBranchAt(a *MunicipalityAttributor, text string, words []word, i int, lw string) bool {
	if !words[i].upper {
		return false
	}
	n := 1
	if !a.lists.voice.partyGroups[lw] {
		n, _ = refRivalAt(a.lists, text, words, i, lw)
		if n == 0 || !a.lists.rivalIsParty(text, words, i, n) {
			return false
		}
	}
	if i+n+1 >= len(words) {
		return false
	}
	p, name := words[i+n], words[i+n+1]
	if !joined(text, words[i+n-1], p) || !joined(text, p, name) || !name.upper {
		return false
	}
	switch p.lower(text) {
	case "i", "på":
		return true
	}
	return false
}

// refMemberBodySelfAt is memberBodySelfAt before the list bits.
func refMemberBodySelfAt(a *MunicipalityAttributor, text string, words []word, i int, lw string) bool {
	if i == 0 || words[i].upper || !words[i-1].upper || !joined(text, words[i-1], words[i]) {
		return false
	}
	if p := words[i-1].lower(text); p == "ett" || p == "en" || p == "om" || p == "vissa" {
		return false
	}
	mb := a.lists.memberBodies
	if lw == "förbund" || lw == "förbundet" || !(mb[lw] || mb[lw+"et"]) {
		return false
	}
	name := text[words[i-1].start:words[i-1].end]
	return strings.Count(text, name) >= memberBodyRepeats
}

// refCountVoice is countVoice before the list bits.
func refCountVoice(a *MunicipalityAttributor, text string, words []word, zones []uint8, tv *textVoice) {
	tv.partyFirst += a.partySignatures(text)
	var small [64]byte
	for i, w := range words {
		if zones[i] == zNoise || w.end-w.start > 20 {
			continue
		}
		raw := text[w.start:w.end]
		if a.lists.voice.pressExact[raw] {
			tv.press++
			continue
		}
		if w.start > 0 && w.end < len(text) && text[w.start-1] == '(' && text[w.end] == ')' && a.lists.voice.partyTags[raw] {
			tv.press++
			continue
		}
		if quoteOpens(text, words, i) {
			tv.quotes++
		}
		if a.newsMark(text, words, i) {
			tv.press++
			continue
		}
		lw := w.appendLower(small[:0], text)
		if w.upper && (refPartyBranchAt(a, text, words, i, string(lw)) || a.localPartyAt(string(lw))) && !quoted(text, w.start) {
			tv.partyBranch++
		}
		if w.upper && a.lists.voice.congregationAt(string(lw)) {
			tv.congregation++
		}
		if !w.upper && refMemberBodySelfAt(a, text, words, i, string(lw)) {
			tv.memberBody++
		}
		switch kind := refPartyAt(a, text, words, i, string(lw)); {
		case kind != partyNone && quoted(text, w.start):
		case kind == partyFirst:
			tv.partyFirst++
			if refOrgOwnedAt(a.lists.voice, text, words, i, string(lw)) {
				tv.orgOwned++
			}
		case kind == partyOrgan:
			tv.partyOrgan++
		}
		if string(lw) == "invånare" && i > 0 && isNumber(text[words[i-1].start:words[i-1].end]) && sameLine(text, words[i-1], w) {
			tv.population++
		}
		switch c := a.lists.voiceClasses[string(lw)]; {
		case c.has(voiceWe):
			tv.we++
		case string(lw) == "jag":
			tv.jag++
		case c.has(voicePress):
			tv.press++
		case string(lw) == "kommunen" && i > 0 && a.lists.voice.isAttributing(words[i-1].lower(text)) &&
			!strings.ContainsAny(text[words[i-1].end:w.start], "\n."):
			tv.third++
		}
	}
}

// refNamesCompany is namesCompany before the list bits.
func refNamesCompany(text string, words []word, zones []uint8) bool {
	companyForms := embeddedCompanyForms()
	for i, w := range words {
		if zones[i] == zNoise || !companyForms[text[w.start:w.end]] {
			continue
		}
		if i+1 < len(words) && words[i+1].upper && sameLine(text, w, words[i+1]) {
			return true
		}
		if i > 0 && words[i-1].upper && sameLine(text, words[i-1], w) {
			return true
		}
	}
	return false
}

// refReportsOnParties is reportsOnParties before the list bits.
func refReportsOnParties(a *MunicipalityAttributor, text string, words []word, zones []uint8, tv *textVoice) bool {
	if tv.partyFirst+tv.partyOrgan > 0 {
		return false
	}
	var small [64]byte
	for i, w := range words {
		if zones[i] == zNoise || w.upper || w.end-w.start > 20 {
			continue
		}
		lw := string(w.appendLower(small[:0], text))
		if a.lists.voiceClasses[lw].has(voiceReporter) && !strings.HasPrefix(lw, "foto") {
			return true
		}
	}
	return false
}

// listWordPieces are the words of the lists the bits stand for, as
// written, capitalised, in capitals, with a genitive s and with "et",
// with the neighbours their rules read ("vi", "våra", "på", "(", ")").
func listWordPieces(t *testing.T) []string {
	l := embeddedLists()
	v := l.voice
	var ws []string
	add := func(w string) {
		ws = append(ws, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w), w+"s", w+"et")
	}
	for _, m := range []map[string]bool{v.partyMember, v.partyOwned, v.partyHeading, v.orgOwned, v.partyGroups, l.memberBodies, v.pressExact, v.partyTags, embeddedCompanyForms()} {
		for w := range m {
			add(w)
		}
	}
	for _, seqs := range [][][]string{v.partySaid, v.partyWe} {
		for _, seq := range seqs {
			add(strings.Join(seq, " "))
		}
	}
	for _, o := range v.partyOrgan {
		add(o)
		add(o + "et")
	}
	for _, s := range v.congregations {
		add("bifrost" + s)
	}
	n := 0
	for _, names := range l.rivals {
		for _, r := range names {
			if n++; n%7 == 0 { // a seventh of the rival speakers is plenty
				add(strings.Join(r.words, " "))
			}
		}
	}
	if len(ws) < 500 {
		t.Fatalf("%d list words: the lists were not read", len(ws))
	}
	return append(ws, "vi", "Vi", "oss", "som", "vår", "vårt", "våra", "på", "i", "från", "inom", "Motion:", "(", ")", "(M)", "AB",
		"invånare", "16 700", "jag", "kommunen", "enligt", "Region", "Gotland", "nation", "Kalmar", "Samordningsförbundet", "förbund",
		"förbundet", "Ett", "\n", "\n\n", ". ", ", ", "– ", "\"", "”", "Foto", "säger", "och", "Uppsala", "Kristdemokraterna")
}

// randomListTexts are 20,000 texts of up to 30 of pieces each, joined by
// a space most of the time.
func randomListTexts(pieces []string) []string {
	rng := rand.New(rand.NewPCG(35, 37))
	out := make([]string, 0, 20000)
	for range 20000 {
		var b strings.Builder
		for k := range rng.IntN(30) {
			if k > 0 && rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// listBitTexts are the bundled corpus's documents, 200 generated ones and
// the random texts.
func listBitTexts(t *testing.T) []string {
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	dir := t.TempDir()
	if _, err := gen.Generate(gen.Options{Source: filepath.Join("..", "testdata", "corpus"), Out: dir, Texts: 200, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	generated, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range append(files, generated...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, mustDoc(t, filepath.Base(f), data).Text)
	}
	if len(texts) < 201 {
		t.Fatalf("%d documents: the corpus was not read", len(texts))
	}
	// rules that want more than one list word in a row: each text three
	// times, one word later each time (the tests' zones go by the word)
	for _, h := range []string{
		"Det är enligt kommunen fel, säger enligt kommunen någon.",
		"Orten med sina 16 700 invånare\nhade 9 255 invånare.",
		"VafabMiljö kommunalförbund arbetar.\nVafabMiljö kommunalförbund vill. Om VafabMiljö kommunalförbund och ett Nytt kommunalförbund.",
		"Foto: Anna säger att vi socialdemokrater vill (M) och TT.",
	} {
		texts = append(texts, h, "Så "+h, "Så är "+h)
	}
	return append(texts, randomListTexts(listWordPieces(t))...)
}

// formWords are text's words as the analysis lends them (documentWords),
// with the matcher's forms, made with a single segment when the text's
// own segments cut a word.
func formWords(a *Analyzer, text string) []word {
	var dw documentWords
	dw.reset(text)
	dw.addSegment(0, len(text), a.matcher.Tokenize(text, 0))
	if !dw.ok {
		panic("documentWords gave up on one segment")
	}
	return dw.finish()
}

// TestListBitsOldPath: countVoice, rivalAt at every word, namesCompany
// and reportsOnParties answer as the old functions (ref*) on the texts
// of listBitTexts, with forms, without them and with other lists; every
// count of textVoice the bits feed is non-zero somewhere.
func TestListBitsOldPath(t *testing.T) {
	an := testAnalyzer(t)
	a := an.attributor
	if a.lists != embeddedLists() || !a.lists.embedded {
		t.Fatal("the analyzer's attributor does not read the embedded lists")
	}
	other, err := parseAttributionLists(attributionData)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newTestAttributor(t)
	b.lists = other
	var seen textVoice
	formed, rivals := 0, 0
	for _, text := range listBitTexts(t) {
		words := formWords(an, text)
		bare := make([]word, len(words))
		for i, w := range words {
			bare[i] = word{start: w.start, end: w.end, upper: w.upper}
			if w.form != nil {
				formed++
			}
		}
		zones := make([]uint8, len(words))
		for i := range zones {
			zones[i] = uint8(i % 3) // noise, header and body words all through
		}
		var want textVoice
		refCountVoice(a, text, words, zones, &want)
		wantCompany := refNamesCompany(text, words, zones)
		wantReports := refReportsOnParties(a, text, words, zones, &want)
		for _, c := range []struct {
			name  string
			a     *MunicipalityAttributor
			words []word
		}{{"forms", a, words}, {"no forms", a, bare}, {"other lists", b, words}} {
			before := make([]uint32, len(c.words))
			for i, w := range c.words {
				if w.form != nil {
					before[i] = w.form.voice.v.Load()
				}
			}
			var got textVoice
			c.a.countVoice(text, c.words, zones, &got)
			if got != want {
				t.Fatalf("%s: %q: countVoice %+v, want %+v", c.name, text, got, want)
			}
			if g := namesCompany(text, c.words, zones); g != wantCompany {
				t.Fatalf("%s: %q: namesCompany %v, want %v", c.name, text, g, wantCompany)
			}
			if g := c.a.reportsOnParties(text, c.words, zones, &want); g != wantReports {
				t.Fatalf("%s: %q: reportsOnParties %v, want %v", c.name, text, g, wantReports)
			}
			for i, w := range c.words {
				lw := w.lower(text)
				n, wt := c.a.lists.rivalAt(text, c.words, i, lw)
				rn, rwt := refRivalAt(a.lists, text, words, i, lw)
				if n != rn || wt != rwt {
					t.Fatalf("%s: %q: rivalAt(%d %q) = %d, %v, want %d, %v", c.name, text, i, lw, n, wt, rn, rwt)
				}
				if n > 0 {
					rivals++
				}
				if c.a != a && w.form != nil && w.form.voice.v.Load() != before[i] {
					t.Fatalf("%q: other lists changed the form's bits %x -> %x", lw, before[i], w.form.voice.v.Load())
				}
			}
		}
		seen.partyFirst += want.partyFirst
		seen.partyOrgan += want.partyOrgan
		seen.orgOwned += want.orgOwned
		seen.partyBranch += want.partyBranch
		seen.congregation += want.congregation
		seen.memberBody += want.memberBody
		seen.press += want.press
		seen.we += want.we
		seen.population += want.population
		seen.third += want.third
	}
	if formed == 0 || rivals == 0 || seen.partyFirst == 0 || seen.partyOrgan == 0 || seen.orgOwned == 0 || seen.partyBranch == 0 ||
		seen.congregation == 0 || seen.memberBody == 0 || seen.press == 0 || seen.we == 0 || seen.population == 0 || seen.third == 0 {
		t.Fatalf("%d words with forms, %d rivals, counts %+v: want every count the bits feed", formed, rivals, seen)
	}
}

// TestListBitsForms: on every word with a form of listBitTexts, each list
// bit is what the lists say of the word as written and in lower case
// (onList), from the form and from other lists; the form was made for the
// word as written; and every list read as written holds only words a
// form keeps a copy of (no longer than maxMemoKey, not empty).
func TestListBitsForms(t *testing.T) {
	an := testAnalyzer(t)
	l := an.attributor.lists
	other, err := parseAttributionLists(attributionData)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string]bool{l.voice.pressExact, l.voice.partyTags, embeddedCompanyForms()} {
		for w := range m {
			if w == "" || len(w) > maxMemoKey {
				t.Fatalf("%q is read as written but a form keeps no copy of it", w)
			}
		}
	}
	counts := map[listBits]int{}
	for _, text := range listBitTexts(t) {
		for _, w := range formWords(an, text) {
			f := w.form
			if f == nil {
				continue
			}
			raw, lw := text[w.start:w.end], w.lower(text)
			if (len(raw) <= maxMemoKey && f.written != raw) || f.lower != lw {
				t.Fatalf("%q: the form was made for %q (%q)", raw, f.written, f.lower)
			}
			for bit := listBits(onPartyMember); bit&listBitsAll != 0; bit <<= 1 {
				want := l.onList(raw, lw, bit)
				if got := l.on(text, w, lw, bit); got != want {
					t.Fatalf("%q: bit %x from the form %v, the lists say %v", raw, bit, got, want)
				}
				if got := other.on(text, w, lw, bit); got != want {
					t.Fatalf("%q: bit %x from other lists %v, the lists say %v", raw, bit, got, want)
				}
				if want {
					counts[bit]++
				}
			}
			if v := f.voice.v.Load(); voiceClass(v) != l.voiceClasses[lw] || v&voiceKnown == 0 {
				t.Fatalf("%q: the form caches %x, class %b", raw, v, l.voiceClasses[lw])
			}
		}
	}
	for bit := listBits(onPartyMember); bit&listBitsAll != 0; bit <<= 1 {
		if counts[bit] == 0 {
			t.Errorf("no word on the list of bit %x: the comparison tests one side only", bit)
		}
	}
	if uint64(listBitsAll)>>32 != 0 || listBits(voiceKnown)&listBitsAll != 0 || listBits(0xff)&listBitsAll != 0 {
		t.Fatalf("the list bits %x overlap the class or do not fit 32 bits", listBitsAll)
	}
}
