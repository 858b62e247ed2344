package codebook

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// DictFormat names a dictionary format of another text-analysis tool.
type DictFormat string

// The dictionary formats styrdok imports and exports.
const (
	// FormatQuanteda is quanteda's YAML dictionary: nested keys ending in
	// lists of glob patterns ("arbet*", "*bostad*", "komma i arbete").
	FormatQuanteda DictFormat = "quanteda"
	// FormatLIWC is the LIWC .dic format: a %-delimited category table
	// (number, name), then one pattern per line with its category numbers.
	FormatLIWC DictFormat = "liwc"
	// FormatWordStat is WordStat's category file (.cat): category names at
	// the margin, nested by tab indentation, entries "PATTERN (weight)".
	FormatWordStat DictFormat = "wordstat"
)

// DictFormats lists the supported formats.
var DictFormats = []DictFormat{FormatQuanteda, FormatLIWC, FormatWordStat}

// GlobTerm maps a one-word glob pattern to a styrdok term. The glob says
// where the pattern may stand in a word, which for Swedish compounds is
// the term's position:
//
//	bostad    the word only (and its inflections): as [word]
//	arbet*    the word or the start of a compound:  as [word, modifier]
//	*bostad   the word or the end of a compound:    as [word, head]
//	*bostad*  anywhere:                             as [word, head, modifier]
//
// Patterns with a wildcard inside ("a*b"), "?" wildcards or regular
// expression syntax have no styrdok equivalent and return an error.
func GlobTerm(pattern string) (Term, error) {
	p := strings.ToLower(strings.TrimSpace(pattern))
	lead, trail := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*")
	core := strings.Trim(p, "*")
	if core == "" {
		return Term{}, fmt.Errorf("pattern %q: nothing but wildcards", pattern)
	}
	if strings.ContainsAny(core, "*?") {
		return Term{}, fmt.Errorf("pattern %q: a wildcard inside a word (only at its start or end maps to compound positions)", pattern)
	}
	for _, r := range core {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return Term{}, fmt.Errorf("pattern %q: %q is not a letter (regular expressions cannot be mapped)", pattern, r)
		}
	}
	t := Term{Term: core, As: []Position{AsWord}}
	if lead {
		t.As = append(t.As, AsHead)
	}
	if trail {
		t.As = append(t.As, AsModifier)
	}
	return t, nil
}

// TermGlobs returns the glob patterns of a term (one per written form) and
// what the glob cannot say. Globs cannot express a position without the
// whole word, so head-only and modifier-only terms are widened.
func TermGlobs(t Term, leadingStar bool) (globs []string, lost []string) {
	as := t.As
	if len(as) == 0 {
		as = []Position{AsWord, AsHead, AsModifier}
	}
	head, mod, word := slices.Contains(as, AsHead), slices.Contains(as, AsModifier), slices.Contains(as, AsWord)
	if !word {
		lost = append(lost, fmt.Sprintf("term %q is %s only; the pattern also matches the whole word", t.Term, positions(as)))
	}
	if head && !leadingStar {
		lost = append(lost, fmt.Sprintf("term %q as head (the end of a compound): the format has no leading wildcard", t.Term))
		head = false
	}
	for _, f := range append([]string{t.Term}, t.Forms...) {
		g := f
		if head {
			g = "*" + g
		}
		if mod {
			g += "*"
		}
		globs = append(globs, g)
	}
	return globs, lost
}

func positions(as []Position) string {
	var s []string
	for _, p := range as {
		s = append(s, string(p))
	}
	return strings.Join(s, "+")
}

// ImportResult is a codebook converted from another format, with what
// could not be carried over.
type ImportResult struct {
	Codebook *Codebook
	YAML     []byte   // the codebook file, notes as comments at the top
	Notes    []string // what was not mapped, and why
}

// dictEntry is one category of a dictionary in another format: its key
// path (nested categories) and its patterns, with optional weights.
type dictEntry struct {
	path     []string
	patterns []string
	weights  map[string]float64
}

// ImportDictionary converts a dictionary file's content to a codebook.
// name is used in messages and the themes' definitions.
func ImportDictionary(format DictFormat, data []byte, name string) (*ImportResult, error) {
	var entries []dictEntry
	var notes []string
	var err error
	switch format {
	case FormatQuanteda:
		entries, notes, err = readQuanteda(data)
	case FormatLIWC:
		entries, notes, err = readLIWC(data)
	case FormatWordStat:
		entries, notes, err = readWordStat(data)
	default:
		return nil, fmt.Errorf("unknown dictionary format %q (want quanteda, liwc or wordstat)", format)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cb := &Codebook{Version: 1}
	ids := map[string]bool{}
	for _, e := range entries {
		label := strings.Join(e.path, "/")
		id := themeIDOf(e.path)
		for n := 2; ids[id]; n++ {
			id = fmt.Sprintf("%s_%d", themeIDOf(e.path), n)
		}
		ids[id] = true
		th := Theme{ID: id, LabelSV: label, LabelEN: label,
			Definition: fmt.Sprintf("Imported from the %s dictionary %s, category %s.", format, baseName(name), label)}
		for _, p := range e.patterns {
			w := e.weights[p]
			if strings.Contains(strings.TrimSpace(p), " ") {
				ph, err := globPhrase(p)
				if err != nil {
					notes = append(notes, fmt.Sprintf("%s: %v: left out", label, err))
					continue
				}
				th.Phrases = append(th.Phrases, Phrase{Phrase: ph, Weight: w})
				continue
			}
			t, err := GlobTerm(p)
			if err != nil {
				notes = append(notes, fmt.Sprintf("%s: %v: left out", label, err))
				continue
			}
			t.Weight = w
			th.Terms = mergeTerm(th.Terms, t)
		}
		if len(th.Terms) == 0 && len(th.Phrases) == 0 {
			notes = append(notes, fmt.Sprintf("%s: no pattern could be mapped: category left out", label))
			ids[id] = false
			continue
		}
		cb.Themes = append(cb.Themes, th)
	}
	if len(cb.Themes) == 0 {
		return nil, fmt.Errorf("%s: no category with a mappable pattern", name)
	}
	notes = append(notes, "plain words (no wildcard) also match their inflected forms in styrdok (bostad: bostaden, bostadens)",
		"multi-word patterns become phrases, matched on Snowball stems (so inflected words match too)")
	data, err = Marshal(cb)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "# Codebook imported by `styrdok codebook import --from %s %s`.\n", format, baseName(name))
	out.WriteString("# Glob patterns map to compound positions: bostad -> word; arbet* -> word,\n# modifier; *bostad -> word, head; *bostad* -> word, head, modifier.\n")
	if len(notes) > 0 {
		out.WriteString("# Not carried over or changed in meaning:\n")
		for _, n := range notes {
			fmt.Fprintf(&out, "#   - %s\n", strings.ReplaceAll(n, "\n", " "))
		}
	}
	out.Write(data)
	parsed, err := Parse(out.Bytes(), name)
	if err != nil {
		return nil, err
	}
	return &ImportResult{Codebook: parsed, YAML: out.Bytes(), Notes: notes}, nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// mergeTerm adds t, or merges its positions into an earlier entry of the
// same term ("arbet" and "arbet*" give one term, as word and modifier).
func mergeTerm(terms []Term, t Term) []Term {
	for i := range terms {
		if terms[i].Term == t.Term {
			for _, p := range t.As {
				if !slices.Contains(terms[i].As, p) {
					terms[i].As = append(terms[i].As, p)
				}
			}
			slices.SortFunc(terms[i].As, func(a, b Position) int { return posOrder(a) - posOrder(b) })
			terms[i].Weight = max(terms[i].Weight, t.Weight)
			return terms
		}
	}
	return append(terms, t)
}

func posOrder(p Position) int {
	return map[Position]int{AsWord: 0, AsHead: 1, AsModifier: 2}[p]
}

// globPhrase maps a multi-word pattern: each word may end in * (a prefix);
// a wildcard elsewhere cannot be mapped.
func globPhrase(p string) (string, error) {
	words := strings.Fields(strings.ToLower(p))
	for _, w := range words {
		core := strings.TrimSuffix(w, "*")
		if core == "" || strings.ContainsAny(core, "*?") {
			return "", fmt.Errorf("phrase %q: word %q has a wildcard that is not at its end", p, w)
		}
	}
	return strings.Join(words, " "), nil
}

var idUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// themeIDOf makes a theme id from a category path: lower case, Swedish
// letters folded (å, ä -> a; ö -> o), other runs of characters to "_".
func themeIDOf(path []string) string {
	s := strings.ToLower(strings.Join(path, "_"))
	s = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "ü", "u").Replace(s)
	s = strings.Trim(idUnsafe.ReplaceAllString(s, "_"), "_")
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		s = "c_" + s
	}
	return s
}

// readQuanteda reads nested YAML keys down to lists of patterns, keeping
// the file's key order (theme order).
func readQuanteda(data []byte) ([]dictEntry, []string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("a quanteda dictionary is a mapping of keys to pattern lists")
	}
	var out []dictEntry
	var notes []string
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i].Value, n.Content[i+1]
			p := append(slices.Clone(path), key)
			switch val.Kind {
			case yaml.MappingNode:
				walk(val, p)
			case yaml.SequenceNode:
				e := dictEntry{path: p}
				for _, item := range val.Content {
					if item.Kind != yaml.ScalarNode {
						notes = append(notes, fmt.Sprintf("%s: line %d: a nested list inside a pattern list: left out", strings.Join(p, "/"), item.Line))
						continue
					}
					e.patterns = append(e.patterns, item.Value)
				}
				out = append(out, e)
			case yaml.ScalarNode:
				out = append(out, dictEntry{path: p, patterns: []string{val.Value}})
			}
		}
	}
	walk(doc.Content[0], nil)
	return out, notes, nil
}

// readLIWC reads a LIWC .dic: "%", category lines "number<TAB>name", "%",
// then "pattern<TAB>number..." lines.
func readLIWC(data []byte) ([]dictEntry, []string, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var notes []string
	cats := map[string]int{} // number -> entry index
	var out []dictEntry
	section, line := 0, 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if l == "" {
			continue
		}
		if l == "%" {
			section++
			continue
		}
		switch section {
		case 0:
			return nil, nil, fmt.Errorf("line %d: a LIWC dictionary starts with a line %%", line)
		case 1:
			f := strings.Fields(l)
			if len(f) < 2 {
				return nil, nil, fmt.Errorf("line %d: want number<TAB>category", line)
			}
			cats[f[0]] = len(out)
			out = append(out, dictEntry{path: []string{strings.Join(f[1:], " ")}})
		default:
			var pattern string
			var nums []string
			if i := strings.IndexByte(l, '\t'); i >= 0 {
				pattern, nums = strings.TrimSpace(l[:i]), strings.Fields(l[i+1:])
			} else {
				f := strings.Fields(l)
				k := len(f)
				for k > 1 && isNumber(f[k-1]) {
					k--
				}
				pattern, nums = strings.Join(f[:k], " "), f[k:]
			}
			for _, n := range nums {
				i, ok := cats[n]
				if !ok {
					notes = append(notes, fmt.Sprintf("line %d: %q: category %s is not declared: left out", line, pattern, n))
					continue
				}
				out[i].patterns = append(out[i].patterns, pattern)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if section < 2 {
		return nil, nil, fmt.Errorf("no %% ... %% category table: not a LIWC dictionary")
	}
	return out, notes, nil
}

func isNumber(s string) bool { _, err := strconv.Atoi(s); return err == nil }

var wordstatWeight = regexp.MustCompile(`\s*\((-?[0-9.]+)\)\s*$`)

// readWordStat reads a WordStat category file: category names flush with
// the indentation of their level, entries "PATTERN (weight)" one tab
// deeper. Underscores join the words of a multi-word entry.
func readWordStat(data []byte) ([]dictEntry, []string, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []dictEntry
	var notes []string
	var path []string
	cur := -1
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r ")
		if strings.TrimSpace(raw) == "" {
			continue
		}
		depth := len(raw) - len(strings.TrimLeft(raw, "\t"))
		text := strings.TrimSpace(raw)
		if m := wordstatWeight.FindStringSubmatch(text); m != nil {
			if cur < 0 {
				return nil, nil, fmt.Errorf("line %d: entry %q before any category", line, text)
			}
			p := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(text[:len(text)-len(m[0])]), "_", " "))
			out[cur].patterns = append(out[cur].patterns, p)
			if w, err := strconv.ParseFloat(m[1], 64); err == nil && w != 1 {
				if w <= 0 {
					notes = append(notes, fmt.Sprintf("line %d: %q: weight %s (styrdok weights are positive): weight 1 used", line, p, m[1]))
				} else {
					out[cur].weights[p] = w
				}
			}
			continue
		}
		if depth > len(path) {
			depth = len(path)
		}
		path = append(path[:depth], text)
		out = append(out, dictEntry{path: slices.Clone(path), weights: map[string]float64{}})
		cur = len(out) - 1
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	// Parent categories that hold only sub-categories are not themes.
	kept := out[:0]
	for _, e := range out {
		if len(e.patterns) > 0 {
			kept = append(kept, e)
		}
	}
	return kept, notes, nil
}

// ExportResult is a codebook in another format, with what was lost.
type ExportResult struct {
	Data  []byte
	Notes []string
}

// ExportDictionary writes a codebook in another tool's format. Weights,
// `not` lists, heading terms, min_score and roles have no equivalent; they
// are listed in Notes and in a comment at the top where the format allows.
func ExportDictionary(cb *Codebook, format DictFormat) (*ExportResult, error) {
	var notes []string
	leading := format != FormatLIWC // LIWC has trailing wildcards only
	type cat struct {
		path     []string
		patterns []string
		weights  []float64
	}
	var cats []cat
	for _, th := range cb.Themes {
		c := cat{path: exportPath(th)}
		add := func(p string, w float64) {
			if !slices.Contains(c.patterns, p) {
				c.patterns = append(c.patterns, p)
				c.weights = append(c.weights, w)
			}
		}
		for _, t := range th.Terms {
			globs, lost := TermGlobs(t, leading)
			for _, l := range lost {
				notes = append(notes, th.ID+": "+l)
			}
			if t.Weight != 1 && format != FormatWordStat {
				notes = append(notes, fmt.Sprintf("%s: term %q: weight %g lost (the format has no weights)", th.ID, t.Term, t.Weight))
			}
			if len(t.Not) > 0 {
				notes = append(notes, fmt.Sprintf("%s: term %q: exclusions (not: %s) lost", th.ID, t.Term, strings.Join(t.Not, ", ")))
			}
			for _, g := range globs {
				add(g, t.Weight)
			}
		}
		for _, p := range th.Phrases {
			if p.Weight != 1 && format != FormatWordStat {
				notes = append(notes, fmt.Sprintf("%s: phrase %q: weight %g lost", th.ID, p.Phrase, p.Weight))
			}
			add(p.Phrase, p.Weight)
		}
		if len(th.HeadingTerms) > 0 {
			notes = append(notes, fmt.Sprintf("%s: heading terms (%s) lost: the format cannot restrict a pattern to headings", th.ID, strings.Join(th.HeadingTerms, ", ")))
		}
		cats = append(cats, c)
	}
	if len(cb.Roles) > 0 {
		notes = append(notes, "roles and role_weight lost (damping of responsible-role table cells)")
	}
	if cb.MinScore != 1 {
		notes = append(notes, fmt.Sprintf("min_score %g lost", cb.MinScore))
	}
	if len(notes) > 0 {
		notes = append(notes, "styrdok matches inflected forms of every term and phrase words on stems; the other tool may match fewer words")
	}
	var b bytes.Buffer
	switch format {
	case FormatQuanteda:
		if len(notes) > 0 {
			b.WriteString("# Exported by styrdok. Not carried over:\n")
			for _, n := range notes {
				fmt.Fprintf(&b, "#   - %s\n", n)
			}
		}
		root := &yaml.Node{Kind: yaml.MappingNode}
		for _, c := range cats {
			n := root
			for i, k := range c.path {
				var next *yaml.Node
				for j := 0; j+1 < len(n.Content); j += 2 {
					if n.Content[j].Value == k && n.Content[j+1].Kind == yaml.MappingNode {
						next = n.Content[j+1]
					}
				}
				if i == len(c.path)-1 {
					seq := &yaml.Node{Kind: yaml.SequenceNode}
					for _, p := range c.patterns {
						seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: p})
					}
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, seq)
					break
				}
				if next == nil {
					next = &yaml.Node{Kind: yaml.MappingNode}
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, next)
				}
				n = next
			}
		}
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(root); err != nil {
			return nil, err
		}
		enc.Close()
	case FormatLIWC:
		// LIWC has no comments: notes go to stderr only.
		b.WriteString("%\n")
		for i, c := range cats {
			fmt.Fprintf(&b, "%d\t%s\n", i+1, strings.Join(c.path, "_"))
		}
		b.WriteString("%\n")
		var order []string
		catsOf := map[string][]string{}
		for i, c := range cats {
			for _, p := range c.patterns {
				if _, ok := catsOf[p]; !ok {
					order = append(order, p)
				}
				catsOf[p] = append(catsOf[p], strconv.Itoa(i+1))
			}
		}
		for _, p := range order {
			fmt.Fprintf(&b, "%s\t%s\n", p, strings.Join(catsOf[p], "\t"))
		}
	case FormatWordStat:
		// WordStat has no comments either: notes go to stderr only.
		var prev []string
		for _, c := range cats {
			common := 0
			for common < len(prev) && common < len(c.path)-1 && prev[common] == c.path[common] {
				common++
			}
			for d := common; d < len(c.path); d++ {
				fmt.Fprintf(&b, "%s%s\n", strings.Repeat("\t", d), strings.ToUpper(c.path[d]))
			}
			for i, p := range c.patterns {
				fmt.Fprintf(&b, "%s%s (%s)\n", strings.Repeat("\t", len(c.path)), strings.ToUpper(strings.ReplaceAll(p, " ", "_")), strconv.FormatFloat(c.weights[i], 'g', -1, 64))
			}
			prev = c.path
		}
	default:
		return nil, fmt.Errorf("unknown dictionary format %q (want quanteda, liwc or wordstat)", format)
	}
	return &ExportResult{Data: b.Bytes(), Notes: notes}, nil
}

// exportPath is a theme's key path in a nested format: the label split on
// "/" when it is the path an import made (it folds back to the id), so an
// imported dictionary exports with its original keys and nesting; the id
// otherwise.
func exportPath(th Theme) []string {
	if th.LabelEN != "" {
		p := strings.Split(th.LabelEN, "/")
		if themeIDOf(p) == th.ID {
			return p
		}
	}
	return []string{th.ID}
}

// Marshal writes a codebook as a compact YAML file in the style of the
// embedded one: one term per line in flow style.
func Marshal(cb *Codebook) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "version: %d\n", max(cb.Version, 1))
	if cb.MinScore != 0 && cb.MinScore != 1 {
		fmt.Fprintf(&b, "min_score: %g\n", cb.MinScore)
	}
	b.WriteString("themes:\n")
	for _, th := range cb.Themes {
		fmt.Fprintf(&b, "  - id: %s\n    label_sv: %s\n    label_en: %s\n    definition: %s\n", th.ID, yq(th.LabelSV), yq(th.LabelEN), yq(th.Definition))
		if len(th.HeadingTerms) > 0 {
			fmt.Fprintf(&b, "    heading_terms: [%s]\n", yqList(th.HeadingTerms))
		}
		if len(th.Terms) > 0 {
			b.WriteString("    terms:\n")
		}
		for _, t := range th.Terms {
			fmt.Fprintf(&b, "      - {term: %s", yq(t.Term))
			if len(t.Forms) > 0 {
				fmt.Fprintf(&b, ", forms: [%s]", yqList(t.Forms))
			}
			if len(t.As) > 0 && len(t.As) < 3 {
				fmt.Fprintf(&b, ", as: [%s]", strings.ReplaceAll(positions(t.As), "+", ", "))
			}
			if t.Weight != 0 && t.Weight != 1 {
				fmt.Fprintf(&b, ", weight: %g", t.Weight)
			}
			if len(t.Not) > 0 {
				fmt.Fprintf(&b, ", not: [%s]", yqList(t.Not))
			}
			b.WriteString("}\n")
		}
		if len(th.Phrases) > 0 {
			b.WriteString("    phrases:\n")
		}
		for _, p := range th.Phrases {
			fmt.Fprintf(&b, "      - {phrase: %s", strconv.Quote(p.Phrase))
			if p.Weight != 0 && p.Weight != 1 {
				fmt.Fprintf(&b, ", weight: %g", p.Weight)
			}
			b.WriteString("}\n")
		}
	}
	return b.Bytes(), nil
}

var plainScalar = regexp.MustCompile(`^\p{L}[\p{L}\p{N}_ -]*$`)

// yq quotes a YAML scalar unless it is plainly safe; YAML's double-quoted
// style accepts Go's escapes for printable text.
func yq(s string) string {
	if plainScalar.MatchString(s) && !slices.Contains([]string{"yes", "no", "true", "false", "null", "on", "off", "y", "n"}, strings.ToLower(s)) {
		return s
	}
	return strconv.Quote(s)
}

func yqList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yq(x)
	}
	return strings.Join(q, ", ")
}
