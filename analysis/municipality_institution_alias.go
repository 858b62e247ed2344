package analysis

import (
	"fmt"
	"io/fs"
	"strings"
)

// Some municipalities call themselves by a form of their name that is not
// the registry's and means something else alone: Falun is "Falu kommun"
// (the old genitive), while a bare "Falu" is the town's mine, energy
// company or travel centre. Such a form counts only where the municipality
// is named as an organisation ("Falu kommun", "Falu kommuns"), never as a
// bare name: data/attribution/institution-aliases.txt (issue 14, session
// 13). aliases.txt holds the short forms that count everywhere ("Väsby").

const institutionAliasesFile = "institution-aliases.txt"

// embeddedInstitutionAliases is the embedded list (name as written ->
// SCB code), parsed once.
var embeddedInstitutionAliases = parsedOnce(parseInstitutionAliases)

// parseInstitutionAliases reads the list: one capitalised name a line, a
// tab, the four-digit SCB code of its municipality.
func parseInstitutionAliases(fsys fs.FS) (map[string]string, error) {
	lines, err := readList(fsys, institutionAliasesFile)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range lines {
		name, code, ok := strings.Cut(l, "\t")
		if !ok || len(splitWords(name)) == 0 || strings.ToLower(name) == name || len(code) != 4 || strings.Trim(code, "0123456789") != "" {
			return nil, fmt.Errorf("attribution list %s: %q: want Capitalised-name<TAB>four-digit SCB code", institutionAliasesFile, l)
		}
		if prev, dup := out[name]; dup && prev != code {
			return nil, fmt.Errorf("attribution list %s: %q listed for both %s and %s", institutionAliasesFile, name, prev, code)
		}
		out[name] = code
	}
	return out, nil
}
