package analysis

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// muniGoldRow is one line of testdata/gold/documents.tsv.
type muniGoldRow map[string]string

// muniGoldFiles maps the gold file ids to the bundled corpus files.
var muniGoldFiles = map[string]string{
	"1440": "ale-integrationsplan-2018-2021.txt",
	"1489": "alingsas-riktlinjer-integration.txt",
	"0662": "gislaved-projektplan-integrationsstrategi-2012.txt",
	"0360": "tierp-handlingsplan-integration-2017.txt",
}

// loadMuniGold reads the expert metadata, keyed by municipality code; "-"
// becomes "".
func loadMuniGold(t *testing.T) map[string]muniGoldRow {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "gold", "documents.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var head []string
	out := map[string]muniGoldRow{}
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = cols
			continue
		}
		row := muniGoldRow{}
		for i, c := range cols {
			if c == "-" {
				c = ""
			}
			row[head[i]] = c
		}
		out[row["municipality_code"]] = row
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(muniGoldFiles) {
		t.Fatalf("gold has %d rows, want %d", len(out), len(muniGoldFiles))
	}
	return out
}

func readMuniCorpus(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var muniAsOf = time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)

func TestMetadataGold(t *testing.T) {
	for code, row := range loadMuniGold(t) {
		t.Run(row["municipality"], func(t *testing.T) {
			md := ExtractMetadata(readMuniCorpus(t, muniGoldFiles[code]), muniAsOf)
			got := map[string]string{
				"kind": md.Kind, "year": md.Year, "reference": md.Reference, "adopted_by": md.AdoptedBy,
				"adopted_on": md.AdoptedOn, "valid_from": md.ValidFrom, "valid_to": md.ValidTo,
			}
			for k, v := range got {
				if v != row[k] {
					t.Errorf("%s = %q, want %q", k, v, row[k])
				}
			}
			t.Logf("%+v", md)
		})
	}
}

func TestExtractMetadataFrontMatter(t *testing.T) {
	body := "\n\nBakgrund\n\n" + strings.Repeat("Kommunen ska arbeta aktivt med integration och samverka med civilsamhället, näringslivet och Arbetsförmedlingen så att nyanlända snabbt kommer i arbete. ", 3) + "\n"
	tests := []struct {
		name, text string
		want       Metadata
	}{
		{
			name: "KF adoption with paragraph, Gäller range",
			text: "Integrationsprogram för Vara kommun\n\nAntagen av kommunfullmäktige 2019-03-25 § 34\nGäller 2020–2023\nDnr KS 2016/379" + body,
			want: Metadata{Kind: KindProgram, Title: "Integrationsprogram för Vara kommun", Reference: "Dnr KS 2016/379",
				AdoptedBy: "kommunfullmäktige", AdoptedOn: "2019-03-25", ValidFrom: "2020", ValidTo: "2023", Year: "2019", Status: StatusCurrent},
		},
		{
			name: "nämnd adoption with Swedish date and Diarienummer label",
			text: "Riktlinjer för mottagande av nyanlända\n\nFastställd av Socialnämnden den 12 mars 2018\nDiarienummer: SN 2018/112\nGäller till och med 2019-05-31" + body,
			want: Metadata{Kind: KindGuidelines, Title: "Riktlinjer för mottagande av nyanlända", Reference: "SN 2018/112",
				AdoptedBy: "socialnämnden", AdoptedOn: "2018-03-12", ValidTo: "2019-05-31", Year: "2018", Status: StatusExpired},
		},
		{
			name: "two-part nämnd, month precision, slash reference with dnr",
			text: "Handlingsplan för språkutveckling\ndnr KS/2015/0173\nAntagen av Barn- och utbildningsnämnden i april 2016" + body,
			want: Metadata{Kind: KindActionPlan, Title: "Handlingsplan för språkutveckling", Reference: "dnr KS/2015/0173",
				AdoptedBy: "barn- och utbildningsnämnden", AdoptedOn: "2016-04", Year: "2016", Status: StatusUnknown},
		},
		{
			name: "KS2016/726/01 unlabelled, KS abbreviation, template date",
			text: "Integrationsplan för Sunne kommun KS2016/726/01\nAntagen av KS 2016-XX-XX, § XX" + body,
			want: Metadata{Kind: KindPlan, Title: "Integrationsplan för Sunne kommun KS2016/726/01", Reference: "KS2016/726/01",
				AdoptedBy: "kommunstyrelsen", AdoptedOn: "2016", Year: "2016", Status: StatusUnknown},
		},
		{
			name: "KS-2013/1073 in title, policy, adoption at the end",
			text: "Policy för integration och social sammanhållning KS-2013/1073" + body + "\nAntagen av kommunfullmäktige 2014-02-24, § 12\n",
			want: Metadata{Kind: KindPolicy, Title: "Policy för integration och social sammanhållning KS-2013/1073", Reference: "KS-2013/1073",
				AdoptedBy: "kommunfullmäktige", AdoptedOn: "2014-02-24", Year: "2014", Status: StatusUnknown},
		},
		{
			name: "tabbed front matter, Dokumenttyp decides, validity from-to",
			text: "Mångfald i Nora\n\nDokumenttyp Strategi\t\nFastställd av Kommunstyrelsen § 45.2020\tFastställd datum 2020-04-14\nDiarienummer KS 2020.77\tGäller fr.o.m. 2020-05-01 t.o.m. 2024-12-31" + body,
			want: Metadata{Kind: KindStrategy, Title: "Mångfald i Nora", Reference: "KS 2020.77",
				AdoptedBy: "kommunstyrelsen", AdoptedOn: "2020-04-14", ValidFrom: "2020-05-01", ValidTo: "2024-12-31", Year: "2020", Status: StatusCurrent},
		},
		{
			name: "validity stated in the body by the document about itself",
			text: "Integrationsstrategi" + body + "Strategin gäller för perioden 2015-2018 och följs upp varje år.\n",
			want: Metadata{Kind: KindStrategy, Title: "Integrationsstrategi", ValidFrom: "2015", ValidTo: "2018", Year: "2015", Status: StatusExpired},
		},
		{
			name: "other document's adoption in the body is ignored",
			text: "Handlingsplan för integration" + body + "Kommunfullmäktige antog 2016-09-20 en strategi för integration. Avtalet med Migrationsverket gäller t.o.m. 2017-12-31.\n",
			want: Metadata{Kind: KindActionPlan, Title: "Handlingsplan för integration", Status: StatusUnknown},
		},
		{
			name: "short opening paragraph about another document",
			text: "Handlingsplan för integration\n\nStrategin antogs av kommunfullmäktige 2016-09-20.\nUnder 2017 tog kommunen emot 94 personer.\n",
			want: Metadata{Kind: KindActionPlan, Title: "Handlingsplan för integration", Status: StatusUnknown},
		},
		{
			name: "undated text",
			text: "Om integration i vår kommun" + body,
			want: Metadata{Kind: KindOther, Title: "Om integration i vår kommun", Status: StatusUnknown},
		},
		{
			name: "överenskommelse is other; year from title",
			text: "Lokal överenskommelse om samverkan 2017\n\nMellan kommunen och civilsamhället" + body,
			want: Metadata{Kind: KindOther, Title: "Lokal överenskommelse om samverkan 2017", Year: "2017", Status: StatusUnknown},
		},
		{
			name: "strategisk inriktning, tills vidare",
			text: "Strategisk inriktning för integration\nGäller tills vidare" + body,
			want: Metadata{Kind: KindStrategy, Title: "Strategisk inriktning för integration", Status: StatusUnknown},
		},
		{
			name: "empty text",
			text: "",
			want: Metadata{Kind: KindOther, Status: StatusUnknown},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExtractMetadata(tc.text, muniAsOf); got != tc.want {
				t.Errorf("ExtractMetadata =\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}

func TestMetadataStatus(t *testing.T) {
	tests := []struct {
		validTo, asOf, want string
	}{
		{"2018-12-31", "2018-12-31", StatusCurrent},
		{"2018-12-31", "2019-01-01", StatusExpired},
		{"2021", "2021-12-31", StatusCurrent},
		{"2021", "2022-01-01", StatusExpired},
		{"2020-02", "2020-02-29", StatusCurrent},
		{"2020-02", "2020-03-01", StatusExpired},
		{"", "2020-01-01", StatusUnknown},
		{"tills vidare", "2020-01-01", StatusUnknown},
	}
	for _, tc := range tests {
		asOf, err := time.Parse("2006-01-02", tc.asOf)
		if err != nil {
			t.Fatal(err)
		}
		if got := validityStatus(tc.validTo, asOf.Add(15*time.Hour)); got != tc.want {
			t.Errorf("validityStatus(%q, %s) = %s, want %s", tc.validTo, tc.asOf, got, tc.want)
		}
	}
}

func TestMetadataScrapedTranscript(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "attribution", "scraped-harnosand.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := ExtractMetadata(string(b), muniAsOf)
	want := Metadata{Kind: KindStrategy, Title: "Strategi för integration i Härnösands kommun",
		AdoptedBy: "kommunfullmäktige", AdoptedOn: "2017-11-27", ValidFrom: "2018", ValidTo: "2022", Year: "2017", Status: StatusCurrent}
	if got != want {
		t.Errorf("ExtractMetadata =\n %+v\nwant\n %+v", got, want)
	}
}

func BenchmarkExtractMetadata(b *testing.B) {
	text := readMuniCorpus(b, muniGoldFiles["1489"])
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ExtractMetadata(text, muniAsOf)
	}
}
