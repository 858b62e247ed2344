// Package gen generates synthetic corpora of steering documents by
// recombining the paragraphs of real ones under other municipalities'
// names. It is used by tools/gencorpus (benchmarks) and by tests that need
// a corpus of a few hundred documents.
package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/styrdok/styrdok/registry"
)

// Options say what to generate.
type Options struct {
	Source string // folder of real .txt documents
	Out    string // output folder
	Texts  int    // number of .txt documents
	PDFs   int    // number of .pdf documents
	Seed   uint64 // the same seed gives the same corpus
}

// Stats describe what was written.
type Stats struct {
	Texts, PDFs, Pages int
	Bytes              int64
}

// source is one real document split into blocks (paragraphs, headings,
// table rows separated by blank lines).
type source struct {
	name   string
	blocks []string
}

// sourceNames are the municipalities of the bundled documents; their
// names are replaced by the generated document's municipality.
var sourceNames = regexp.MustCompile(`(^|[^\p{L}])(Tierps|Tierp|Ales|Ale|Alingsås|Gislaveds|Gislaved)([^\p{L}]|$)`)

// kinds are document kinds as they appear in file names and titles.
var kinds = []struct{ slug, title string }{
	{"integrationsplan", "Integrationsplan"}, {"handlingsplan-integration", "Handlingsplan för integration"},
	{"integrationsstrategi", "Integrationsstrategi"}, {"integrationspolicy", "Integrationspolicy"},
	{"riktlinjer-integration", "Riktlinjer för integration"}, {"integrationsprogram", "Integrationsprogram"},
}

// Generate writes the corpus described by o.
func Generate(o Options) (Stats, error) {
	var st Stats
	srcs, err := readSources(o.Source)
	if err != nil {
		return st, err
	}
	reg, err := registry.LoadRegistry()
	if err != nil {
		return st, err
	}
	munis := reg.Municipalities()
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return st, fmt.Errorf("%s: %w", o.Out, err)
	}
	var pool []string
	for _, s := range srcs {
		pool = append(pool, s.blocks...)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5717d0c))
	for i := 0; i < o.Texts+o.PDFs; i++ {
		m := munis[rng.IntN(len(munis))]
		k := kinds[rng.IntN(len(kinds))]
		year := 2010 + rng.IntN(15)
		text := document(rng, srcs, pool, m.Name, k.title, year)
		base := fmt.Sprintf("%04d-%s-%s-%d", i, slug(m.Name), k.slug, year)
		var path string
		var data []byte
		if i < o.Texts {
			path = filepath.Join(o.Out, base+".txt")
			data = []byte(text)
			st.Texts++
		} else {
			path = filepath.Join(o.Out, "p"+base+".pdf")
			var pages int
			data, pages = PDF(text)
			st.PDFs++
			st.Pages += pages
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return st, fmt.Errorf("%s: %w", path, err)
		}
		st.Bytes += int64(len(data))
	}
	return st, nil
}

// document builds one document: a title and front matter, the opening of
// a real document, then paragraphs drawn from all of them.
func document(rng *rand.Rand, srcs []source, pool []string, name, kind string, year int) string {
	tmpl := srcs[rng.IntN(len(srcs))]
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n\nAntagen av kommunfullmäktige %d-%02d-%02d, § %d\nDiarienummer KS %d/%d\n\n",
		kind, kommun(name), year, 1+rng.IntN(12), 1+rng.IntN(28), 1+rng.IntN(150), year, 100+rng.IntN(900))
	head := min(6, len(tmpl.blocks))
	blocks := append([]string(nil), tmpl.blocks[:head]...)
	n := 20 + rng.IntN(60)
	for j := 0; j < n; j++ {
		blocks = append(blocks, pool[rng.IntN(len(pool))])
	}
	for _, bl := range blocks {
		b.WriteString(rename(bl, name))
		b.WriteString("\n\n")
	}
	return b.String()
}

// rename replaces the source municipalities' names by name, keeping the
// genitive where the source had one.
func rename(s, name string) string {
	return sourceNames.ReplaceAllStringFunc(s, func(m string) string {
		sub := sourceNames.FindStringSubmatch(m)
		word := sub[2]
		repl := name
		if word == "Tierps" || word == "Ales" || word == "Gislaveds" {
			repl = genitive(name)
		}
		return sub[1] + repl + sub[3]
	})
}

// kommun names the municipality as its documents do: "Tierps kommun",
// "Alingsås kommun", but "Ale kommun" and "Järfälla kommun" (docs/domain.md,
// "Naming municipalities").
func kommun(name string) string {
	if strings.ContainsRune("aeiouyåäö", []rune(name)[len([]rune(name))-1]) {
		return name + " kommun"
	}
	return genitive(name) + " kommun"
}

// genitive adds -s unless the name ends in s, x or z (docs/domain.md,
// "Naming municipalities").
func genitive(name string) string {
	switch name[len(name)-1] {
	case 's', 'x', 'z':
		return name
	}
	return name + "s"
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'å' || r == 'ä':
			b.WriteByte('a')
		case r == 'ö':
			b.WriteByte('o')
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

func readSources(dir string) ([]source, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .txt source documents", dir)
	}
	var out []source
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		s := source{name: filepath.Base(p)}
		for _, bl := range regexp.MustCompile(`\n\s*\n`).Split(strings.ReplaceAll(string(data), "\r\n", "\n"), -1) {
			if bl = strings.Trim(bl, "\n"); strings.TrimSpace(bl) != "" {
				s.blocks = append(s.blocks, bl)
			}
		}
		if len(s.blocks) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}
