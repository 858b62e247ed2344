package analysis

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
)

// A municipality's official name is sometimes not its registry name: Falun
// calls itself "Falu kommun" (issue 14, session 14: dev m542, m544, m551,
// Falun's own council news, name it only so). The form before "kommun" is
// a composition form that alone names other things ("Falu gruva", "Falu
// resecentrum"), so unlike the aliases of aliases.txt ("Väsby") it counts
// only as the organisation: where an institution word follows it.

// parseInstitutionAliases reads institution-aliases.txt: NAME<TAB>4-digit
// SCB code a line.
func parseInstitutionAliases(fsys fs.FS) (map[string]string, error) {
	const file = "institution-aliases.txt"
	lines, err := readList(fsys, file)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(lines))
	for _, l := range lines {
		name, code, ok := strings.Cut(l, "\t")
		name, code = strings.TrimSpace(name), strings.TrimSpace(code)
		if !ok || name == "" || len(code) != 4 {
			return nil, fmt.Errorf("attribution list %s: %q: want NAME<TAB>4-digit code", file, l)
		}
		out[name] = code
	}
	return out, nil
}

// addInstitutionAliases adds the institution-only names as name variants
// of the municipalities they name; a code not in the registry is left out.
func (a *MunicipalityAttributor) addInstitutionAliases(byCode map[string]int) {
	for _, alias := range slices.Sorted(maps.Keys(a.lists.institutionAliases)) {
		i, ok := byCode[a.lists.institutionAliases[alias]]
		if !ok {
			continue
		}
		words := splitWords(strings.ToLower(alias))
		a.byFirst[words[0]] = append(a.byFirst[words[0]], nameVariant{muni: i, words: words, institutionOnly: true})
	}
}

// countsAs reports whether a match of v classified as kind is a mention of
// its municipality: an institution-only name is one only as the
// organisation ("Falu kommun"), never bare ("Falu resecentrum").
func (v nameVariant) countsAs(kind mentionKind) bool {
	return kind != mentionNone && (!v.institutionOnly || kind == mentionStrong)
}
