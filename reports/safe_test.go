package reports

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/styrdok/styrdok/analysis"
)

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"plan.txt":                  "plan.txt",
		"=1+1":                      "'=1+1",
		`=HYPERLINK("http://x")`:    `'=HYPERLINK("http://x")`,
		"+SUM(1)":                   "'+SUM(1)",
		"-2+3":                      "'-2+3",
		"@A1":                       "'@A1",
		"\t=1+1":                    "'\t=1+1",
		"\r=1":                      "'\r=1",
		"-1":                        "-1", // numbers stay numbers
		"-0.5":                      "-0.5",
		"+3":                        "+3",
		"-2e3":                      "-2e3",
		"-":                         "'-",
		"-.5":                       "'-.5",
		"-Inf":                      "'-Inf",
		"'=1":                       "''=1", // so that UndoCSVSafe can tell it from a neutralised "=1"
		"'quoted":                   "'quoted",
		"''":                        "''",
		"a=b":                       "a=b",
		"0360":                      "0360",
		"−2 (a minus sign, U+2212)": "−2 (a minus sign, U+2212)",
	} {
		if got := CSVSafe(in); got != want {
			t.Errorf("CSVSafe(%q) = %q, want %q", in, got, want)
		}
		if back := UndoCSVSafe(CSVSafe(in)); back != in {
			t.Errorf("UndoCSVSafe(CSVSafe(%q)) = %q", in, back)
		}
	}
}

// hostileNames are the file names of the shared make-hostile-names.sh.
var hostileNames = []string{"new\nline.txt", "com,ma.txt", `dq"uote.txt`, `=HYPERLINK("http:evil.example","x").txt`, "+SUM(1).txt",
	"-2+3.txt", "@A1.txt", "tab\t=1+1.txt", "<img src=x onerror=alert(1)>.txt", "pipe|name|.txt", "=1+1.txt",
	"[click](https:evil.example).txt", "![img](http:evil.example).txt", `\| escaped pipe.txt`, "www.evil.example.txt",
	"a@evil.example.txt", "`code`.txt", "**bold**.txt", "&lt;b&gt;.txt"}

// hostileOutputReport is the hostile documents of ../testdata/hostile, the
// bundled corpus under hostile file names (bare, as `styrdok run` given
// relative paths names them), and failures with hostile names and
// reasons.
func hostileOutputReport(t testing.TB) *Report {
	files, err := filepath.Glob("../testdata/hostile/files/inject-*")
	if err != nil || len(files) != 3 {
		t.Fatalf("../testdata/hostile: %v %v", files, err)
	}
	r := analyzeFiles(t, append(files, bundledFiles(t)...)...)
	bundled := r.Documents[3:]
	r.Documents = r.Documents[:3]
	for i, n := range hostileNames {
		d := *bundled[i%len(bundled)] // the writers only read: sharing the analysis's slices is fine
		d.File = n
		r.Documents = append(r.Documents, &d)
	}
	slices.SortFunc(r.Documents, func(a, b *analysis.DocumentAnalysis) int { return strings.Compare(a.File, b.File) })
	for _, n := range hostileNames {
		r.Failures = append(r.Failures, analysis.Failure{File: n, Reason: "not a valid PDF file: [x](javascript:alert(1)) <b>" + n})
	}
	return r
}

// TestHostileCSV: no cell of any CSV file starts with a formula
// character unless it is a number, and the neutralised text is all
// there (UndoCSVSafe gives back the input).
func TestHostileCSV(t *testing.T) {
	r := hostileOutputReport(t)
	dir := t.TempDir()
	if _, err := WriteAll(dir, r); err != nil {
		t.Fatal(err)
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(csvs) < 7 {
		t.Fatalf("only %d CSV files", len(csvs))
	}
	seen := map[string]bool{}
	for _, f := range csvs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, row := range rows {
			for _, c := range row {
				if c != "" && formulaLead(c[0]) && !isDecimal(c) {
					t.Errorf("%s: cell %q would be executed", filepath.Base(f), c)
				}
				seen[UndoCSVSafe(c)] = true
			}
		}
	}
	for _, want := range []string{`=HYPERLINK("http:evil.example","x").txt`, "-2+3.txt", "@A1 Personalchef", "-2+3"} {
		if !seen[want] {
			t.Errorf("no cell reads %q after UndoCSVSafe", want)
		}
	}
}

// TestHostileXLSX: coverage.xlsx keeps its text as inline strings, with no
// formula anywhere, and the text as it is (no apostrophe: a spreadsheet
// never evaluates an inline string).
func TestHostileXLSX(t *testing.T) {
	r := hostileOutputReport(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte("<f>")) || bytes.Contains(data, []byte("<f ")) {
			t.Errorf("%s has a formula", f.Name)
		}
		all.Write(data)
	}
	if !strings.Contains(all.String(), `t="inlineStr"><is><t>=HYPERLINK("http:evil.example","x").txt</t>`) {
		t.Error("the hostile file name is not an inline string as it is")
	}
}

// TestHostileSummary: summary.md shows hostile file names, reasons and
// document text as text: no link, image, tag or autolink.
func TestHostileSummary(t *testing.T) {
	r := hostileOutputReport(t)
	var buf bytes.Buffer
	if err := WriteSummary(&buf, r); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if bad := mdUnsafe(md); bad != "" {
		t.Errorf("summary.md has %s", bad)
	}
	if !strings.Contains(md, `\!\[img\](http\:evil.example).txt`) || !strings.Contains(md, `pipe\|name\|.txt`) {
		t.Error("a hostile file name is missing from summary.md")
	}
	// one table row per document: no name broke its row
	if n := strings.Count(md, "\n| "); n < len(r.Documents)+len(r.Failures) {
		t.Errorf("%d table rows for %d documents and %d failures", n, len(r.Documents), len(r.Failures))
	}
}

// mdUnsafe describes the first Markdown construct in md that could make a
// link, image, raw HTML, entity or autolink, "" when there is none: an
// unescaped "<", "&", "](", "][", "`", "www.", "://" or "@". Escapes are
// followed as CommonMark does (a backslash before ASCII punctuation).
func mdUnsafe(md string) string {
	esc := make([]bool, len(md)) // md[i] is escaped
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
			esc[i+1] = true
			i++
		}
	}
	for i := 0; i < len(md); i++ {
		if esc[i] {
			continue
		}
		c := md[i]
		switch {
		case c == '<' || c == '&' || c == '`':
			return "an unescaped " + string(c) + " at " + around(md, i)
		case c == ']' && i+1 < len(md) && (md[i+1] == '(' || md[i+1] == '['):
			return "a link at " + around(md, i)
		case c == ':' && strings.HasPrefix(md[i:], "://"):
			return "a URL at " + around(md, i)
		case c == '@' && i > 0 && i+1 < len(md) && isWordByte(md[i-1]) && isWordByte(md[i+1]):
			return "an e-mail autolink at " + around(md, i)
		case (c == 'w' || c == 'W') && len(md) >= i+4 && strings.EqualFold(md[i:i+3], "www") && md[i+3] == '.' && !esc[i+3]:
			return "a www autolink at " + around(md, i)
		}
	}
	return ""
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func around(s string, i int) string { return "…" + s[max(0, i-30):min(len(s), i+30)] + "…" }

// TestHostileHTML: report.html over the hostile documents and names has
// only its own elements and attributes (htmlUnsafe).
func TestHostileHTML(t *testing.T) {
	r := hostileOutputReport(t)
	page := renderHTML(t, r)
	if bad := htmlUnsafe(page); bad != "" {
		t.Error(bad)
	}
	for _, want := range []string{`\u003cimg src=x onerror=alert(1)\u003e.txt`, `&lt;img src=x onerror=alert(1)&gt;.txt`, `\u003cscript\u003ealert(12)\u003c/script\u003e Ordna praktik`} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks the escaped %s", want)
		}
	}
}

// htmlTags are the elements report.html writes itself, and htmlAttrs
// their attributes.
var (
	htmlTags  = regexp.MustCompile(`^(html|head|meta|title|style|body|h1|h2|h3|p|span|table|tr|th|td|br|small|div|label|select|option|svg|path|script|nav|ul|ol|li|a|text)$`)
	htmlAttrs = regexp.MustCompile(`^(class|id|lang|charset|http-equiv|content|name|title|colspan|tabindex|value|xmlns|viewbox|width|height|role|d|type|x|y|selected|hidden|data-[a-z]+|aria-[a-z]+)$`)
)

// htmlUnsafe describes the first element, attribute or script in page
// that is not the report's own, "" when there is none: the page is
// tokenised as a browser would, every element and attribute must be one
// of the report's, the only scripts are the data block (JSON, which
// holds the documents' text, must have no "<" or ">" at all) and the
// page script, and a link may only point into the page.
func htmlUnsafe(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	scripts := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err().Error()
			}
			if scripts != 2 {
				return "want 2 script elements (the data block and the page script), got " + strconv.Itoa(scripts)
			}
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !htmlTags.MatchString(tok.Data) {
				return "an element of a document: " + tok.String()
			}
			for _, a := range tok.Attr {
				if !htmlAttrs.MatchString(a.Key) && !(tok.Data == "a" && a.Key == "href" && strings.HasPrefix(a.Val, "#")) {
					return "an attribute of a document: " + tok.String()
				}
			}
			if tok.Data == "script" {
				scripts++
				if z.Next() != html.TextToken {
					continue
				}
				body := string(z.Text())
				if scripts == 1 && strings.ContainsAny(body, "<>") {
					return "markup in the data block: " + around(body, strings.IndexAny(body, "<>"))
				}
				if scripts == 2 && body != htmlLangs()[LangSwedish].script && body != htmlLangs()[LangEnglish].script {
					return "a script that is not the page's"
				}
			}
		}
	}
}
