package analysis

import (
	"fmt"
	"strings"
)

// Some municipalities call themselves, as organisations, by a form that
// is no place's name on its own: Falun's council and pages say "Falu
// kommun" and "Falu kommuns", while "Falu" alone only starts the names
// of things in the town ("Falu resecentrum", "Falu lasarett", "Falu
// rödfärg"). Such an alias, marked "institution" in aliases.txt, counts
// only where it names the organisation ("Falu kommun"); alone it names
// nothing (docs/validity.md, round 16).

// institutionAliasMark is the third field of an aliases.txt line whose
// alias names the municipality only as an organisation.
const institutionAliasMark = "institution"

// parseAliases reads aliases.txt lines, "NAME<TAB>code" or
// "NAME<TAB>code<TAB>institution", into dst (name -> code) and returns the
// lower-case names marked institution.
func parseAliases(lines []string, dst map[string]string) (map[string]bool, error) {
	institution := map[string]bool{}
	for _, l := range lines {
		fields := strings.Split(l, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if len(fields) < 2 || len(fields) > 3 || len(fields[1]) != 4 || fields[0] == "" ||
			(len(fields) == 3 && fields[2] != institutionAliasMark) {
			return nil, fmt.Errorf("attribution list aliases.txt: %q: want NAME<TAB>4-digit code[<TAB>%s]", l, institutionAliasMark)
		}
		dst[fields[0]] = fields[1]
		if len(fields) == 3 {
			institution[strings.ToLower(fields[0])] = true
		}
	}
	return institution, nil
}

// institutionAliasAlone reports whether the n tokens at words[i] are an
// institution-only alias (or its genitive) that the text uses alone, not
// as the organisation: the caller has classified the mention as bare.
func (l *attributionLists) institutionAliasAlone(text string, words []word, i, n int) bool {
	if len(l.institutionAliases) == 0 {
		return false
	}
	var b strings.Builder
	for k := i; k < i+n; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(words[k].lower(text))
	}
	name := b.String()
	return l.institutionAliases[name] || (strings.HasSuffix(name, "s") && l.institutionAliases[name[:len(name)-1]])
}
