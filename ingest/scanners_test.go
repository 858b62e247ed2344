package ingest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The regexps the PDF path used before its scanners were written by hand
// (no regexp is compiled on a PDF's path: each cost every process its
// start-up); each scanner is checked against its regexp here.
var (
	xrefRE           = regexp.MustCompile(`(?:^|[\r\n])xref\s+`)
	sizeRE           = regexp.MustCompile(`/Size\s+(\d+)`)
	indexRE          = regexp.MustCompile(`/Index\s*\[([0-9\s]*)\]`)
	pdfHeaderRE      = regexp.MustCompile(`^%PDF-[0-9]\.[0-9]`)
	leaderRE         = regexp.MustCompile(`\s*(?:\.\s*){4,}`)
	digitsRE         = regexp.MustCompile(`\d+`)
	pageNumberLineRE = regexp.MustCompile(`^(?i)[-–—\s]*(sida|s\.|page|p\.)?\s*\d{1,3}\s*((av|of|/|\()\s*\d{1,3}\)?)?[-–—\s]*$`)
	spaceRunRE       = regexp.MustCompile(`  +`)
)

// randomStrings are n strings of up to maxLen pieces drawn from pieces,
// the same for every run (fixed seed).
func randomStrings(n, maxLen int, pieces []string) []string {
	rng := rand.New(rand.NewSource(17))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := rng.Intn(maxLen + 1); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// pdfTexts are the bytes of every PDF the golden test pins and of the
// real PDFs.
func pdfTexts(t *testing.T) []string {
	var out []string
	for _, p := range goldenPDFs(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestPDFKeyArgsMatchRegexps(t *testing.T) {
	inputs := append(pdfTexts(t), randomStrings(20000, 10, []string{"/Size", "/Index", " ", "\n", "\t", "[", "]", "1", "23", "x", "/Si", "ze"})...)
	inputs = append(inputs, "", "/Size", "/Size 12", "/Size12", "/Size  \n 7/Size 8", "/Index[]", "/Index [0 3 10 2]", "/Index [0 3", "/Index [/Index [1 2]]", "/Size /Size 3")
	submatches := func(re *regexp.Regexp, in string) string {
		var out []string
		for _, m := range re.FindAllStringSubmatch(in, -1) {
			out = append(out, m[1])
		}
		return fmt.Sprintf("%q", out)
	}
	asStrings := func(ms [][]byte) string {
		var out []string
		for _, m := range ms {
			out = append(out, string(m))
		}
		return fmt.Sprintf("%q", out)
	}
	indexClass := func(c byte) bool { return isDigit(c) || isRESpace(c) }
	for _, in := range inputs {
		if got, want := asStrings(pdfKeyArgs([]byte(in), "/Size", false, isDigit)), submatches(sizeRE, in); got != want {
			t.Errorf("/Size args of %.60q: %s, regexp %s", in, got, want)
		}
		if got, want := asStrings(pdfKeyArgs([]byte(in), "/Index", true, indexClass)), submatches(indexRE, in); got != want {
			t.Errorf("/Index args of %.60q: %s, regexp %s", in, got, want)
		}
		if got, want := hasPDFHeader([]byte(in)), pdfHeaderRE.MatchString(in); got != want {
			t.Errorf("hasPDFHeader(%.60q) = %v, regexp %v", in, got, want)
		}
	}
	for _, in := range randomStrings(5000, 6, []string{"%PDF-", "%", "PDF", "-", "1", ".", "7", "x", "\n"}) {
		if got, want := hasPDFHeader([]byte(in)), pdfHeaderRE.MatchString(in); got != want {
			t.Errorf("hasPDFHeader(%q) = %v, regexp %v", in, got, want)
		}
	}
}

func TestLineScannersMatchRegexps(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\r", "\f", "\v", "-", "–", "—", ".", ". ", "..", "/", "(", ")", "0", "1", "12", "345", "7",
		"sida", "Sida", "SIDA", "s", "S", "ſ", "ſida", "s.", "S.", "page", "Page", "PAGE", "p", "p.", "P.", "av", "AV", "Av", "of", "OF", "a", "v", "o", "f",
		"x", "Integration", "å", "\u00a0", "\xff", "K"}
	inputs := randomStrings(200000, 9, pieces)
	inputs = append(inputs, "", "12", "- 12 -", "Sida 3 av 9", "s. 4", "Page 2 of 7", "3/9", "3 (9)", "1234", "12 av 1234", "SIDA 3 AV 9",
		"ſida 2", "sida", "3 (9", "3 9", "Innehåll ..... 5", "a . . . . b", "....", "...", " .... ", "a  b   c", "  ", "x 2020 y 31")
	for _, in := range inputs {
		if got, want := isPageNumberLine(in), pageNumberLineRE.MatchString(in); got != want {
			t.Errorf("isPageNumberLine(%q) = %v, regexp %v", in, got, want)
		}
		if got, want := replaceLeaders(in), leaderRE.ReplaceAllString(in, "\t"); got != want {
			t.Errorf("replaceLeaders(%q) = %q, regexp %q", in, got, want)
		}
		if got, want := collapseSpaces(in), spaceRunRE.ReplaceAllString(in, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, regexp %q", in, got, want)
		}
		key := strings.ToLower(strings.Join(strings.Fields(in), " "))
		if got, want := runningKey(in), digitsRE.ReplaceAllString(key, "#"); got != want {
			t.Errorf("runningKey(%q) = %q, regexp %q", in, got, want)
		}
	}
}

// TestNoRegexpAtStartUp: no package-level variable of ingest is
// initialised by compiling a regexp (one outside a function literal, such
// as Markdown's sync.OnceValue): the PDF path has none, and each was a
// cost every process paid at start-up.
func TestNoRegexpAtStartUp(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			ast.Inspect(gd, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.SelectorExpr:
					if id, ok := n.X.(*ast.Ident); ok && id.Name == "regexp" && strings.HasPrefix(n.Sel.Name, "MustCompile") {
						t.Errorf("%s: a regexp compiled at start-up", fset.Position(n.Pos()))
					}
				}
				return true
			})
		}
	}
	if checked < 10 {
		t.Fatalf("checked %d files", checked)
	}
}
