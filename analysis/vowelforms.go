package analysis

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// vowelformsTSV is the table of Swedish nouns whose plural changes the
// vowel (bostad -> bostäder, stad -> städer, man -> män), generated from
// Debian's hunspell-sv by tools/vowelforms/gen.py (LGPL-3, noted in the
// file). It is embedded, not read from /usr/share/hunspell, because
// styrdok runs offline on machines without the dictionary.
//
//go:embed vowelforms.tsv
var vowelformsTSV string

// vowelTable is the parsed table, read-only after package initialisation:
// lemma -> the plural's written forms, and the lemmas longest first (for
// compounds: the longest head decides).
type vowelTable struct {
	forms  map[string][]string
	lemmas []string
}

var vowels = sync.OnceValue(func() vowelTable { return parseVowelForms(vowelformsTSV) })

// parseVowelForms reads the table: "lemma<TAB>form form ...", # comments.
// The table is generated and checked by TestVowelFormsTable, so a
// malformed line is a build defect, not input: it is skipped there and
// fails that test.
func parseVowelForms(data string) vowelTable {
	t := vowelTable{forms: map[string][]string{}}
	for _, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lemma, forms, ok := strings.Cut(line, "\t")
		if !ok || lemma == "" || len(strings.Fields(forms)) == 0 {
			continue
		}
		t.forms[lemma] = strings.Fields(forms)
		t.lemmas = append(t.lemmas, lemma)
	}
	sort.Slice(t.lemmas, func(i, j int) bool {
		if len(t.lemmas[i]) != len(t.lemmas[j]) {
			return len(t.lemmas[i]) > len(t.lemmas[j])
		}
		return t.lemmas[i] < t.lemmas[j]
	})
	return t
}

// minVowelPrefix is the shortest first part a compound may have to take
// its head's vowel-changed forms (hyres+bostad -> hyresbostäder): the
// generator leaves such compounds out of the table on the same rule.
const minVowelPrefix = 2

// vowelForms returns the vowel-changed plural forms of a lower-case base
// form: the table's, or for a compound ending in a lemma of the table
// (the longest), the compound's first part joined to the head's forms.
func vowelForms(term string) []string { return vowels().formsOf(term) }

func (t vowelTable) formsOf(term string) []string {
	if fs, ok := t.forms[term]; ok {
		return fs
	}
	for _, l := range t.lemmas {
		if len(l) >= len(term) || !strings.HasSuffix(term, l) {
			continue
		}
		prefix := term[:len(term)-len(l)]
		if utf8.RuneCountInString(prefix) < minVowelPrefix || !strings.ContainsAny(prefix, "aeiouyåäö") {
			continue
		}
		out := make([]string, len(t.forms[l]))
		for i, f := range t.forms[l] {
			out[i] = prefix + f
		}
		return out
	}
	return nil
}

// organisationsTXT is the embedded list of organisation names (see the
// file's comments; Matcher.orgAt).
//
//go:embed organisations.txt
var organisationsTXT string

// defaultOrganisations are the names of organisationsTXT and
// defaultActorWords its words for kinds of actors (lines starting with
// *), lower case, spaces folded; read-only after initialisation.
var defaultOrganisations, defaultActorWords = func() (names, actors []string) {
	for _, line := range strings.Split(organisationsTXT, "\n") {
		line = strings.ToLower(strings.Join(strings.Fields(line), " "))
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "*"):
			actors = append(actors, strings.TrimPrefix(line, "*"))
		default:
			names = append(names, line)
		}
	}
	return names, actors
}()
