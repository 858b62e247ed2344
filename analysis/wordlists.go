package analysis

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// The word lists of segmentation, modality, levels and similarity are data
// (data/lists/*, each file says what it holds and where it comes from),
// embedded in the binary like the codebook: tuning which abbreviations
// keep a sentence going or which verbs bind is an edit of a text file,
// not of code. They are parsed once at start-up and never changed.
//
//go:embed data/lists/*
var listData embed.FS

// listLines returns the non-comment, non-blank lines of one list file of
// data/lists.
func listLines(name string) ([]string, error) {
	return dataLines(listData, "data/lists/"+name, "word list "+name)
}

// dataLines returns the non-comment, non-blank lines of an embedded data
// file, with surrounding spaces trimmed (inner spaces are kept: "t ex");
// what names the file in errors.
func dataLines(fsys fs.FS, path, what string) ([]string, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: empty", what)
	}
	return out, nil
}

// fields splits a TSV line of a list into exactly n fields.
func fields(name, line string, n int) ([]string, error) {
	f := strings.Split(line, "\t")
	if len(f) != n {
		return nil, fmt.Errorf("word list %s: %q: want %d tab-separated fields", name, line, n)
	}
	return f, nil
}

// mustList panics on an embedded list that does not parse: the lists are
// checked by TestWordLists, so this is a broken build, not bad input.
func mustList[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// wordSet reads a list of words into a set; stem, when not nil, maps
// each word first.
func wordSet(name string, stem func(string) string) (map[string]bool, error) {
	lines, err := listLines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]bool, len(lines))
	for _, w := range lines {
		if stem != nil {
			w = stem(w)
		}
		m[w] = true
	}
	return m, nil
}

// listPairs reads a list of two tab-separated fields a line, calling
// add with each line and its fields; the first error stops the reading.
func listPairs(name string, add func(line, a, b string) error) error {
	lines, err := listLines(name)
	if err != nil {
		return err
	}
	for _, l := range lines {
		f, err := fields(name, l, 2)
		if err != nil {
			return err
		}
		if err := add(l, f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}

// modalVerbList reads modal-verbs.tsv: word, class.
func modalVerbList() (map[string]Modality, error) {
	const name = "modal-verbs.tsv"
	m := map[string]Modality{}
	err := listPairs(name, func(l, word, class string) error {
		switch c := Modality(class); c {
		case ModCommitment, ModRecommendation, ModIntent, ModPossibility:
			m[word] = c
			return nil
		}
		return fmt.Errorf("word list %s: %q: unknown class %q", name, l, class)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// intentVerbList reads intent-verbs.tsv: verb, the particles it needs
// ("-" for none, kept as "").
func intentVerbList() (map[string][]string, error) {
	const name = "intent-verbs.tsv"
	lines, err := listLines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string][]string, len(lines))
	for _, l := range lines {
		f, err := fields(name, l, 2)
		if err != nil {
			return nil, err
		}
		var ps []string
		for _, p := range strings.Fields(f[1]) {
			if p == "-" {
				p = ""
			}
			ps = append(ps, p)
		}
		if len(ps) == 0 {
			return nil, fmt.Errorf("word list %s: %q: no particle (write - for none)", name, l)
		}
		m[f[0]] = ps
	}
	return m, nil
}
