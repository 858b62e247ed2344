package ingest

import (
	"regexp"
	"strings"
)

var (
	mdHeading   = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	mdImage     = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink   = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdEmphasis  = regexp.MustCompile(`(\*\*|__|\*|_|~~)(\S(?:.*?\S)?)(\*\*|__|\*|_|~~)`)
	mdCode      = regexp.MustCompile("`([^`]*)`")
	mdTableSep  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdRefDef    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdRule      = regexp.MustCompile(`^\s{0,3}([-*_])(\s*([-*_]))(\s*([-*_]))+\s*$`)
	mdBlockQuot = regexp.MustCompile(`^\s{0,3}>\s?`)
	mdHTMLTag   = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// markdownText strips Markdown syntax, keeping the text: headings on their
// own paragraph, links as their text, emphasis markers removed, pipe
// tables as TAB-separated rows. List markers ("- ") are kept.
//
// The deadline is checked per line: the inline patterns run in time
// linear in a line's length, and a line is at most the text limit.
func markdownText(s string, b *budget) (string, error) {
	var out []string
	fence := false
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if err := b.checkOf(); err != nil {
			return "", err
		}
		if strings.HasPrefix(strings.TrimSpace(l), "```") || strings.HasPrefix(strings.TrimSpace(l), "~~~") {
			fence = !fence
			continue
		}
		if fence {
			out = append(out, l)
			continue
		}
		if mdTableSep.MatchString(l) && strings.Contains(l, "-") && strings.Contains(l, "|") || mdRefDef.MatchString(l) || mdRule.MatchString(l) {
			continue
		}
		if m := mdHeading.FindStringSubmatch(l); m != nil {
			out = append(out, "", inlineMarkdown(m[1]), "")
			continue
		}
		l = mdBlockQuot.ReplaceAllString(l, "")
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
			cells := strings.Split(t[1:len(t)-1], "|")
			for i := range cells {
				cells[i] = inlineMarkdown(strings.TrimSpace(cells[i]))
			}
			out = append(out, strings.Join(cells, "\t"))
			continue
		}
		out = append(out, inlineMarkdown(l))
	}
	return strings.Join(out, "\n"), nil
}

func inlineMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	for i := 0; i < 3; i++ {
		s = mdEmphasis.ReplaceAllStringFunc(s, func(m string) string {
			sm := mdEmphasis.FindStringSubmatch(m)
			if sm[1] != sm[3] {
				return m
			}
			if (sm[1] == "_" || sm[1] == "__") && strings.ContainsAny(sm[2], " ") == false && strings.Contains(sm[2], "_") {
				return m
			}
			return sm[2]
		})
	}
	s = mdHTMLTag.ReplaceAllString(s, "")
	return strings.ReplaceAll(s, `\`, "")
}
