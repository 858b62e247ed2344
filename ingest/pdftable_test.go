package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBorderlessActionTable: action tables set without any rules, cells
// wrapped and vertically centred, come out as one TAB-separated row per
// table row, compared cell by cell with the table they were made from.
// Before, each printed line became its own row with the wrapped cells'
// lines interleaved. The fixtures (tools/genfixtures, gen.sh):
// Tierp's six-column tables and Ale's committing sentences typeset by the
// generator (borderless.go: rows apart by a wider gap, 1.2 em gutters),
// and Tierp's and Ale's actions in a Writer table without borders,
// vertically centred, exported by LibreOffice itself.
func TestBorderlessActionTable(t *testing.T) {
	for _, name := range []string{"borderless-tierp", "borderless-ale", "libreoffice-actions"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "testdata", "ingest", name+".tsv"))
			if err != nil {
				t.Fatal(err)
			}
			// the default options: running lines are looked for, as for any
			// document (the generator's files are all table; Writer's has
			// a title above it)
			doc, err := Load(filepath.Join("..", "testdata", "ingest", name+".pdf"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			// every line is a row
			var got []string
			for _, l := range strings.FieldsFunc(doc.Text, func(r rune) bool { return r == '\n' || r == '\f' }) {
				if strings.TrimSpace(l) != "" {
					got = append(got, l)
				}
			}
			wantRows := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
			if len(got) != len(wantRows) {
				t.Errorf("%d table rows, want %d", len(got), len(wantRows))
			}
			cells, ok := 0, 0
			for i := 0; i < min(len(got), len(wantRows)); i++ {
				g, w := strings.Split(got[i], "\t"), strings.Split(wantRows[i], "\t")
				for c := range w {
					cells++
					if c < len(g) && g[c] == w[c] {
						ok++
						continue
					}
					gc := ""
					if c < len(g) {
						gc = g[c]
					}
					t.Errorf("row %d cell %d: %q, want %q", i+1, c+1, gc, w[c])
				}
				if len(g) > len(w) {
					t.Errorf("row %d: %d cells, want %d: %q", i+1, len(g), len(w), got[i])
				}
			}
			t.Logf("%d of %d cells right", ok, cells)
		})
	}
}

// TestTwoColumnPage: a page set in two columns of text is read column by
// column, not line across line.
func TestTwoColumnPage(t *testing.T) {
	left := []string{"Integrationsplanen beskriver hur kommunen", "arbetar med mottagandet av nyanlanda och", "vilka mal som galler for arbete och bostad.", "Planen foljs upp varje ar av kommunstyrelsen", "som rapporterar till kommunfullmaktige.", "Alla forvaltningar ansvarar for sina delar.", "Samverkan sker med Arbetsformedlingen."}
	right := []string{"Sprakutveckling ar en nyckel till arbete och", "darfor erbjuds sfi pa flera nivaer i kommunen.", "Foreningslivet bidrar med motesplatser for", "nyanlanda och etablerade invanare i alla", "delar av kommunen under hela aret.", "Biblioteken erbjuder sprakcafeer varje vecka.", "Uppfoljning sker i samband med bokslutet."}
	var c strings.Builder
	for i := range left {
		y := 700 - 14*i
		fmt.Fprintf(&c, "BT /F1 10 Tf 1 0 0 1 56 %d Tm (%s) Tj ET\n", y, left[i])
		fmt.Fprintf(&c, "BT /F1 10 Tf 1 0 0 1 336 %d Tm (%s) Tj ET\n", y, right[i])
	}
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + strings.Repeat("600 ", 95) + "] >>"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		streamObj(c.String(), ""), font,
	}
	doc, err := Parse("columns.pdf", pdfFile(objs, false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(left, "\n") + "\n\n" + strings.Join(right, "\n")
	if doc.Text != want {
		t.Errorf("text\n%s\nwant\n%s", doc.Text, want)
	}
}
