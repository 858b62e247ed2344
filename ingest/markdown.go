package ingest

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// markdownRegexps are the patterns markdownText and inlineMarkdown use.
type markdownRegexps struct {
	heading, image, link, refLink, emphasis, code *regexp.Regexp
	tableSep, refDef, rule, blockQuote, htmlTag   *regexp.Regexp
}

// mdRegexps compiles them on first use: a process that reads no Markdown
// (pdftext, most `styrdok text` runs) no longer compiles eleven patterns
// at start-up.
var mdRegexps = sync.OnceValue(func() *markdownRegexps {
	return &markdownRegexps{
		heading:    regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`),
		image:      regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`),
		link:       regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`),
		refLink:    regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`),
		emphasis:   regexp.MustCompile(`(\*\*|__|\*|_|~~)(\S(?:.*?\S)?)(\*\*|__|\*|_|~~)`),
		code:       regexp.MustCompile("`([^`]*)`"),
		tableSep:   regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`),
		refDef:     regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`),
		rule:       regexp.MustCompile(`^\s{0,3}([-*_])(\s*([-*_]))(\s*([-*_]))+\s*$`),
		blockQuote: regexp.MustCompile(`^\s{0,3}>\s?`),
		htmlTag:    regexp.MustCompile(`</?[a-zA-Z][^>]*>`),
	}
})

// markdownText strips Markdown syntax, keeping the text: headings on their
// own paragraph, links as their text, emphasis markers removed, pipe
// tables as TAB-separated rows. List markers ("- ") are kept.
//
// The deadline is checked per line, and per piece of a long line (see
// inlineBounded).
func markdownText(s string, b *budget) (string, error) {
	re := mdRegexps()
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
		if re.tableSep.MatchString(l) && strings.Contains(l, "-") && strings.Contains(l, "|") || re.refDef.MatchString(l) || re.rule.MatchString(l) {
			continue
		}
		if m := re.heading.FindStringSubmatch(l); m != nil {
			h, err := inlineBounded(m[1], b)
			if err != nil {
				return "", err
			}
			out = append(out, "", h, "")
			continue
		}
		l = re.blockQuote.ReplaceAllString(l, "")
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
			cells := strings.Split(t[1:len(t)-1], "|")
			for i := range cells {
				c, err := inlineBounded(strings.TrimSpace(cells[i]), b)
				if err != nil {
					return "", err
				}
				cells[i] = c
			}
			out = append(out, strings.Join(cells, "\t"))
			continue
		}
		l, err := inlineBounded(l, b)
		if err != nil {
			return "", err
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n"), nil
}

// maxInline is the longest piece of a line the inline patterns see at
// once. They run in time linear in the piece, but one 15 MB line took
// 9 s of CPU in one call the deadline could not interrupt; in pieces cut
// at a space, it is checked between them. Emphasis or a link spanning a
// cut keeps its markers, in a line no real document has.
const maxInline = 64 << 10

func inlineBounded(s string, b *budget) (string, error) {
	if len(s) <= maxInline {
		return inlineMarkdown(s), nil
	}
	var out strings.Builder
	for s != "" {
		if err := b.checkOf(); err != nil {
			return "", err
		}
		cut := len(s)
		if cut > maxInline {
			if cut = strings.LastIndexByte(s[:maxInline], ' ') + 1; cut == 0 {
				cut = maxInline
				for cut > 0 && !utf8.RuneStart(s[cut]) {
					cut--
				}
			}
		}
		out.WriteString(inlineMarkdown(s[:cut]))
		s = s[cut:]
	}
	return out.String(), nil
}

// inlineMarkdown removes inline syntax. Each pattern runs only on text
// holding the character it starts with: most lines hold none, and the
// emphasis pattern, which has no literal prefix to search for, cost
// most of a Markdown file's parse.
func inlineMarkdown(s string) string {
	re := mdRegexps()
	if strings.IndexByte(s, '[') >= 0 {
		s = re.image.ReplaceAllString(s, "$1")
		s = re.link.ReplaceAllString(s, "$1")
		s = re.refLink.ReplaceAllString(s, "$1")
	}
	if strings.IndexByte(s, '`') >= 0 {
		s = re.code.ReplaceAllString(s, "$1")
	}
	for i := 0; i < 3 && strings.ContainsAny(s, "*_~"); i++ {
		s = re.emphasis.ReplaceAllStringFunc(s, func(m string) string {
			sm := re.emphasis.FindStringSubmatch(m)
			if sm[1] != sm[3] {
				return m
			}
			if (sm[1] == "_" || sm[1] == "__") && !strings.ContainsAny(sm[2], " ") && strings.Contains(sm[2], "_") {
				return m
			}
			return sm[2]
		})
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = re.htmlTag.ReplaceAllString(s, "")
	}
	return strings.ReplaceAll(s, `\`, "")
}
