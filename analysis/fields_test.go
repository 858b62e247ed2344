package analysis

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestJoinFieldsAndMoreFields: the allocation-free helpers agree with
// strings.Fields on hand-picked and random strings of spaces, tabs,
// newlines, no-break spaces and Swedish letters.
func TestJoinFieldsAndMoreFields(t *testing.T) {
	cases := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "å ä ö", "x\u00a0y", "\u00a0", "  ", "Kultur- och fritidschef"}
	alphabet := []string{"a", "ö", " ", " ", "\t", "\n", "\r", "\v", "\f", "\x1c", "\u00a0", "\u0085", "\u2003", "\xc2", "\x85", "-", "."}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 5000 {
		var b strings.Builder
		for range rng.IntN(8 + k%4*10) { // up to 37 pieces: past the callers' limits of words
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		want := strings.Join(strings.Fields(s), " ")
		if got := joinFields(s); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
		for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 8, 14, 20} {
			if got, want := moreFields(s, n), len(strings.Fields(s)) > n; got != want {
				t.Fatalf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestMatcherTokenizeMemo: the matcher's memoised tokeniser gives the same
// tokens as the plain one, on first sight of each word and from the memo,
// coordinated compounds and capitalised words included.
func TestMatcherTokenizeMemo(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	texts := []string{"Asyl- och flyktingmottagandet, SFI-undervisningen och Kultur-, idrotts- och föreningslivet.", "ARBETSMARKNAD Arbetsmarknaden arbetsmarknaden"}
	for _, name := range []string{"tierp-handlingsplan-integration-2017.txt", "ale-integrationsplan-2018-2021.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
		if err == nil {
			texts = append(texts, string(data))
		}
	}
	if len(texts) < 4 {
		t.Fatal("corpus documents missing")
	}
	forms := 0
	for round := range 2 {
		for _, s := range texts {
			got, want := m.Tokenize(s, 7), Tokenize(s, 7)
			for k, tk := range got {
				// A token's form is its word's: the same lower case and
				// stem, and the same facts as looked up directly.
				if f := tk.form; f != nil {
					forms++
					if f.lower != tk.Lower || f.stem != tk.Stem || strings.HasSuffix(tk.Text, "-") {
						t.Fatalf("token %q has the form of %q (%q)", tk.Text, f.lower, f.stem)
					}
					if !reflect.DeepEqual(f.matches, m.matchWord(tk.Lower)) || !reflect.DeepEqual(f.phrases, m.phrases[tk.Stem]) ||
						f.termable != termable(tk.Stem) || f.role != m.isRoleWord(tk.Lower) || !reflect.DeepEqual(f.class, classOf(tk.Lower)) {
						t.Fatalf("the form of %q differs from its words looked up directly", tk.Text)
					}
				}
				got[k].form = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: memoised tokens differ for %.40q", round, s)
			}
		}
	}
	if forms == 0 {
		t.Fatal("no token has a form")
	}
}

// TestAppendLowerLatin agrees with strings.ToLower on Swedish text and on
// every Latin-1 letter.
func TestAppendLowerLatin(t *testing.T) {
	cases := []string{"UPPFÖLJNING och Utvärdering", "ÅÄÖ åäö ÉÜ é ×÷ ß", "Målvärde: 5 %", ""}
	var all strings.Builder
	for r := rune(0x20); r < 0x250; r++ {
		all.WriteRune(r)
	}
	cases = append(cases, all.String())
	for _, s := range cases {
		got := string(appendLowerLatin(nil, s))
		want := strings.ToLower(s)
		if s == all.String() {
			// Only Latin-1 is folded: compare the part up to U+00FF.
			cut := strings.IndexRune(s, 0x100)
			got, want = string(appendLowerLatin(nil, s[:cut])), strings.ToLower(s[:cut])
		}
		if got != want {
			t.Errorf("appendLowerLatin(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMetadataPrefilters: the cheap conditions that guard the adoption and
// validity expressions are necessary ones, on every line of the bundled
// documents and on lines written to match.
func TestMetadataPrefilters(t *testing.T) {
	lines := []string{"Antagen av kommunfullmäktige 2019-03-25 § 34", "FASTSTÄLLD AV KS 2017-05-30", "Beslutsdatum: 12 mars 2018",
		"Datum för beslut 2016-01-01", "Kommunfullmäktige 2019-03-25, § 34", "Gäller från och med 2018-01-01 till 2021-12-31",
		"Giltighetstid: t.o.m. 2022", "Perioden 2018–2021", "Planen avser åren 2019-2022", "GODKÄND: 2020-02-02"}
	lines = append(lines, corpusLines(t)...)
	matched := 0
	for _, l := range lines {
		digit := strings.ContainsAny(l, "0123456789")
		adopt := adoptByRe().MatchString(l) || adoptOnRe().MatchString(l)
		valid := validFromRe().MatchString(l) || validToRe().MatchString(l) || validRangeRe().MatchString(l)
		if adopt || valid {
			matched++
		}
		if adopt && !adoptionStems.has(l) {
			t.Errorf("adoption expression matches %q without an adoption word", l)
		}
		if bodyDateRe().MatchString(l) && !digit {
			t.Errorf("bodyDateRe matches %q without a digit", l)
		}
		if valid && (!digit || !validityStems.has(l)) {
			t.Errorf("validity expression matches %q without a digit or a validity word", l)
		}
	}
	if matched < 10 {
		t.Fatalf("only %d lines match at all: the test checks nothing", matched)
	}
}

// TestMayNameOrg: mayNameOrg is a necessary condition for orgNameRe, on
// every line of the bundled documents and on lines written to probe its
// edges, and it rules out most lines that merely say "kommunen".
func TestMayNameOrg(t *testing.T) {
	lines := []string{"Tierps kommun", "Upplands-Bro kommuns plan", "uppSala kommun", "Lilla Edets kommun,", "GÖTEBORGS STAD", "Malmö stad\tx",
		"i kommunen", "i kommun", "Xy\u00a0kommun", "Östra Göinge  kommun.", "Stockholmsregionen", "Region Skåne", "Landstinget Dalarna",
		"A kommun", "Ab\tKOMMUNS", "Ale-kommun", "Kommunen", "Sala kommunala", "Sala stadsdel", "Sala stads"}
	lines = append(lines, corpusLines(t)...)
	matched, kommunen, passed := 0, 0, 0
	for _, l := range lines {
		if orgNameRe().MatchString(l) {
			matched++
			if !mayNameOrg(l) {
				t.Errorf("orgNameRe matches %q but mayNameOrg says no", l)
			}
		} else if strings.Contains(l, "kommunen") {
			kommunen++
			if mayNameOrg(l) {
				passed++
			}
		}
	}
	if matched < 20 || kommunen < 20 {
		t.Fatalf("%d matching lines, %d with only 'kommunen': too few to test", matched, kommunen)
	}
	if passed*2 > kommunen {
		t.Errorf("mayNameOrg passes %d of %d lines that only say 'kommunen': no filter", passed, kommunen)
	}
}

// corpusLines are the lines of the bundled documents.
func corpusLines(t testing.TB) []string {
	return fileLines(t, filepath.Join("..", "testdata", "corpus", "*.txt"), 1)
}

// fileLines are the lines of the files matching pattern; fewer than min
// files is a failure (the test would read nothing).
func fileLines(t testing.TB, pattern string, min int) []string {
	files, _ := filepath.Glob(pattern)
	if len(files) < min {
		t.Fatalf("%s: only %d files", pattern, len(files))
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}

// evaluationRe states the rule mentionsEvaluation reads word by word:
// Swedish follow-up and evaluation vocabulary (uppföljning, följa/följs
// upp, utvärdering, indikatorer, mätbara mål, nyckeltal, mäta/mäts,
// redovisa, återrapportera).
var evaluationRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(uppfölj\p{L}*|följ(a|s|er|t|des)?\s+upp|utvärder\p{L}*|indikator\p{L}*|mätbar\p{L}*|nyckeltal\p{L}*|målvärde\p{L}*|mät(a|as|s|er)|redovisa\p{L}*|återrapport\p{L}*)(?:$|[^\p{L}])`)

// TestMentionsEvaluation: mentionsEvaluation agrees with evaluationRe on
// every line of the bundled documents, on lines written to match and to
// probe the edges (capitals, odd case folds, spacing, word boundaries,
// long words), and on every segment of the synthetic mix below.
func TestMentionsEvaluation(t *testing.T) {
	lines := []string{"Planen följs upp årligen", "UPPFÖLJNING SKER I ÅRSREDOVISNINGEN", "Utvärderas 2025", "Indikatorer tas fram",
		"Nyckeltal och målvärden", "Vi mäter resultatet", "Återrapportering till KS", "Redovisas i bokslutet",
		"följa\tupp", "följa\n\r upp", "följa\u00a0upp", "följa-upp", "följa upp-", "följa uppåt", "följ upp", "följdes upp.", "följde upp",
		"följa 2 upp", "följa  upp", "FÖLJA UPP", "följa upp", "Följa upp", "mät", "mäta", "mätas", "mätning", "mätbara mål", "ommäta",
		"2uppföljning", "uppföljning2", "xuppföljning", "omredovisa", "redovisas", "REDOVISA", "ÅTERRAPPORTERA", "ÅTERRAPPORTERA",
		"nyckeltaLen", "NYCKELTAL", "indikatorSystemet", "İNDIKATOR", "ındikator", "Mätbar", "MÄTER", "mÄtEr", "målvärde", "MÅLVÄRDE", "MÅLVÄRDE",
		"utvärdering\u0301", "u\u0308ppföljning", "uppfölj\xffning", "\xffredovisa", "följa\xffupp", "följs upp upp", "följer upp", "följt upp",
		"följaupp", "upp följa", "en mycket lång sammansättning utvärderingsinstrumentsutvecklingsarbetet", "följdesföljdesföljdes upp",
		"följ" + strings.Repeat("a", 40) + " upp", strings.Repeat("x", 40) + "mäter", "redovisa" + strings.Repeat("ö", 30), ""}
	lines = append(lines, corpusLines(t)...)
	matched := 0
	for _, l := range lines {
		want := evaluationRe.MatchString(l)
		if want {
			matched++
		}
		if got := mentionsEvaluation(l); got != want {
			t.Errorf("mentionsEvaluation(%q) = %v, the expression says %v", l, got, want)
		}
	}
	if matched < 40 {
		t.Fatalf("only %d lines match: the test checks little", matched)
	}
	// Random strings over an alphabet of the rule's letters and separators.
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"följ", "a", "s", "er", "t", "des", "upp", " ", "\t", "\u00a0", "-", "mät", "mätbar", "uppfölj", "ning", "redovisa",
		"Ö", "Å", "Ä", "ö", "2", "x", "ſ", "K", "indikator", "\xff", "Upp", "FÖLJ"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		l := b.String()
		if got, want := mentionsEvaluation(l), evaluationRe.MatchString(l); got != want {
			t.Fatalf("mentionsEvaluation(%q) = %v, the expression says %v", l, got, want)
		}
	}
}

// TestFoldLetter: foldLetter equates two letters exactly when a
// case-insensitive regular expression does, for every letter of the
// evaluation rule against every rune.
func TestFoldLetter(t *testing.T) {
	for _, c := range "abcdefghijklmnopqrstuvwxyzåäö" {
		re := regexp.MustCompile("(?i)^" + string(c) + "$")
		for r := rune(0); r <= 0x2FFFF; r++ {
			if !utf8.ValidRune(r) || !unicode.IsLetter(r) {
				continue
			}
			if got, want := foldLetter(r) == c, re.MatchString(string(r)); got != want {
				t.Errorf("foldLetter(%q) = %q: equal to %q is %v, (?i) says %v", r, foldLetter(r), c, got, want)
			}
		}
	}
}

// TestTimeStarts: timeStarts, at a word's start, are necessary for
// timeWords, on every alternative of the expression (in capitals too,
// after letters, digits and other runes), every line of the bundled
// documents and 20,000 random mixes; and they rule out the sentences on
// "utveckling" the stems anywhere let through.
func TestTimeStarts(t *testing.T) {
	words := []string{"årligen", "årlig", "varje år", "per år", "halvåret", "kvartalsvis", "månadsvis", "terminen", "löpande",
		"kontinuerligt", "våren", "vårterminen", "hösten", "höstterminen", "vt", "ht", "januari", "februari", "mars", "april",
		"maj", "juni", "juli", "augusti", "september", "oktober", "november", "december", "veckan", "veckovis",
		"mandatperioden", "årsredovisningen", "delårsrapporten", "bokslutet", "verksamhetsberättelsen", "budgetåret",
		"senast", "fortlöpande", "under året", "varje månad", "varje halvår", "varje kvartal", "varje termin", "varje vecka"}
	var lines []string
	for _, w := range words {
		lines = append(lines, "Följs upp "+w+".", strings.ToUpper("Följs upp "+w+"."), w, "x"+w, "ö"+w, "1"+w, "–"+w, "Ö"+strings.ToUpper(w))
	}
	lines = append(lines, corpusLines(t)...)
	pieces := append(slices.Clone(words), " ", ".", "-", "ö", "Å", "é", "x", "1", "_", "\u00a0", "ſ", "utveckling", "ht", "VT")
	lines = append(lines, randomJoins(pieces, 23, 5)...)
	matched := 0
	for _, l := range lines {
		if timeWords().MatchString(l) {
			matched++
			if !timeStarts.hasAtWordStart(l) && !strings.Contains(l, "ſ") { // the long s folds to s, and only in the expression
				t.Errorf("timeWords matches %q, timeStarts say no", l)
			}
		}
	}
	if matched < 2*len(words) {
		t.Fatalf("only %d lines match: a written case no longer matches timeWords", matched)
	}
	if timeStarts.hasAtWordStart("Arbetet med utveckling av verksamheten fortsätter.") {
		t.Error("a stem inside a word passes")
	}
}

// TestHasYear: hasYear says what actionYearRe says, on every line of the
// bundled documents and 20,000 random mixes of digits, letters and other
// runes.
func TestHasYear(t *testing.T) {
	lines := corpusLines(t)
	lines = append(lines, randomJoins([]string{"19", "20", "2", "1", "9", "0", "5", "a", "Z", "_", "ö", " ", "-", ".", "\xc3", "²"}, 29, 9)...)
	years := 0
	for _, l := range lines {
		want := actionYearRe().MatchString(l)
		if got := hasYear(l); got != want {
			t.Errorf("hasYear(%q) = %v, actionYearRe: %v", l, got, want)
		}
		if want {
			years++
		}
	}
	if years < 100 {
		t.Fatalf("only %d lines with a year: the test checks little", years)
	}
}

// TestNeedsFolding: the byte-level check agrees with its definition (a
// run of two spaces, or any other white space) on random strings.
func TestNeedsFolding(t *testing.T) {
	alphabet := []string{"a", "ö", " ", " ", "\t", "\n", "\u00a0", "\u2003", "\v", "x"}
	rng := rand.New(rand.NewPCG(4, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		want := strings.Contains(s, "  ")
		for _, r := range s {
			if r != ' ' && unicode.IsSpace(r) {
				want = true
			}
		}
		if got := needsFolding(s); got != want {
			t.Fatalf("needsFolding(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkMentionsEvaluation reads every line of the bundled documents.
func BenchmarkMentionsEvaluation(b *testing.B) {
	lines := corpusLines(b)
	for b.Loop() {
		for _, l := range lines {
			mentionsEvaluation(l)
		}
	}
}

// FuzzMentionsEvaluation: mentionsEvaluation and the expression that
// states its rule agree on any text (`make fuzz`).
func FuzzMentionsEvaluation(f *testing.F) {
	for _, s := range []string{"Planen följs upp årligen", "FÖLJA\tUPP", "följa\u00a0upp", "mätbara", "İNDIKATOR", "ſ", "uppfölj\xffning"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mentionsEvaluation(s), evaluationRe.MatchString(s); got != want {
			t.Errorf("mentionsEvaluation(%q) = %v, the expression says %v", s, got, want)
		}
	})
}
