package layout

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/styrdok/styrdok"

// pkg is what go list says of one package.
type pkg struct {
	path    string // relative to the module: "analysis", "cmd/styrdok"
	doc     string // the doc comment's first sentence
	imports []string
}

// listPackages runs go list over the module: every package, its first
// doc sentence and its imports (test files left out).
func listPackages(t *testing.T) []pkg {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		// go test runs under the go command, so it is on PATH.
		t.Fatalf("the go command is needed to list the imports: %v", err)
	}
	cmd := exec.Command(goBin, "list", "-f", "{{.ImportPath}}\t{{.Doc}}\t{{join .Imports \" \"}}", "./...")
	cmd.Dir = filepath.Join("..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			t.Fatalf("go list: unexpected line %q", sc.Text())
		}
		p := pkg{path: strings.TrimPrefix(f[0], module+"/"), doc: f[1]}
		for _, imp := range strings.Fields(f[2]) {
			if strings.HasPrefix(imp, module+"/") {
				p.imports = append(p.imports, strings.TrimPrefix(imp, module+"/"))
			}
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	return pkgs
}

// readMap returns the arrows of the ```imports block of
// docs/architecture.md and the page itself.
func readMap(t *testing.T) (map[string]bool, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	start := strings.Index(page, "```imports\n")
	if start < 0 {
		t.Fatal("docs/architecture.md: no ```imports block")
	}
	block := page[start+len("```imports\n"):]
	end := strings.Index(block, "```")
	if end < 0 {
		t.Fatal("docs/architecture.md: the ```imports block is not closed")
	}
	arrows := map[string]bool{}
	for _, l := range strings.Split(block[:end], "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		from, to, ok := strings.Cut(l, " -> ")
		if !ok || strings.ContainsAny(from+to, " \t") {
			t.Fatalf("docs/architecture.md: %q is not an arrow (write: from -> to)", l)
		}
		arrows[from+" -> "+to] = true
	}
	return arrows, page
}

// TestImportMap: every import between the module's packages is an arrow
// of docs/architecture.md's map, and every arrow there is an import.
func TestImportMap(t *testing.T) {
	pkgs := listPackages(t)
	arrows, _ := readMap(t)
	actual := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range p.imports {
			actual[p.path+" -> "+imp] = true
		}
	}
	var extra, stale []string
	for a := range actual {
		if !arrows[a] {
			extra = append(extra, a)
		}
	}
	for a := range arrows {
		if !actual[a] {
			stale = append(stale, a)
		}
	}
	sort.Strings(extra)
	sort.Strings(stale)
	for _, a := range extra {
		t.Errorf("import %s is not on the map in docs/architecture.md: add it there if it belongs, or remove the import", a)
	}
	for _, a := range stale {
		t.Errorf("the map in docs/architecture.md has %s, which no package imports any more: remove it", a)
	}
}

// TestPackageSentences: docs/architecture.md's table quotes the sentence
// each package's doc.go opens with, for every package.
func TestPackageSentences(t *testing.T) {
	_, page := readMap(t)
	for _, p := range listPackages(t) {
		if p.doc == "" {
			t.Errorf("%s has no package doc comment", p.path)
			continue
		}
		row := "| " + p.path + " | " + p.doc + " |"
		if !strings.Contains(page, row) {
			t.Errorf("docs/architecture.md lacks the row\n%s", row)
		}
	}
}
