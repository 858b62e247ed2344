package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeHTML returns the page's bytes as UTF-8, honouring a BOM, a
// <meta charset> or, failing both, sniffing the bytes like DecodeText.
func decodeHTML(data []byte) string {
	_, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain || name == "utf-8" {
		if utf8.Valid(data) {
			return strings.TrimPrefix(string(data), "\uFEFF")
		}
		if !certain {
			s, _ := DecodeText(data)
			return s
		}
	}
	r, err := charset.NewReaderLabel(name, bytes.NewReader(data))
	if err != nil {
		s, _ := DecodeText(data)
		return s
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		s, _ := DecodeText(data)
		return s
	}
	return b.String()
}

// parseHTML extracts the visible text of a web page: scripts, styles,
// navigation, cookie banners, forms and page footers are dropped; when the
// page marks its content with <main> or <article>, only that is kept.
// Headings and paragraphs become paragraphs; table rows become lines of
// TAB-separated cells.
func parseHTML(data []byte, b *budget) (string, error) {
	root, err := html.Parse(strings.NewReader(decodeHTML(data)))
	if err != nil {
		return "", err
	}
	content := findContent(root)
	w := &htmlWriter{b: b}
	if err := w.walk(content); err != nil {
		return "", err
	}
	w.block()
	return w.out.String(), nil
}

// findContent returns <main>, else the largest <article>, else <body>.
func findContent(root *html.Node) *html.Node {
	var main, body *html.Node
	var articles []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Main:
				if main == nil && !boilerplate(n) {
					main = n
				}
			case atom.Article:
				articles = append(articles, n)
			case atom.Body:
				body = n
			}
			if attr(n, "role") == "main" && main == nil {
				main = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if main != nil && textLen(main) > 200 {
		return main
	}
	var best *html.Node
	for _, a := range articles {
		if best == nil || textLen(a) > textLen(best) {
			best = a
		}
	}
	if best != nil && textLen(best) > 200 {
		return best
	}
	if body != nil {
		return body
	}
	return root
}

func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.Type == html.ElementNode && skipAlways[n.DataAtom] {
		return 0
	}
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t += textLen(c)
	}
	return t
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// skipAlways are elements whose content is never visible text.
var skipAlways = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Head: true, atom.Select: true, atom.Button: true, atom.Canvas: true,
	atom.Form: true, atom.Nav: true, atom.Aside: true, atom.Dialog: true,
}

// boilerplateWords in a class or id mark site chrome rather than content.
var boilerplateWords = []string{"cookie", "breadcrumb", "navbar", "nav-", "menu", "skip-link", "skiplink", "sidebar", "share", "social", "banner", "consent", "site-header", "site-footer", "visually-hidden", "sr-only"}

// boilerplate reports elements that are site chrome: hidden elements,
// page headers and footers, navigation by role or by class name.
func boilerplate(n *html.Node) bool {
	if skipAlways[n.DataAtom] {
		return true
	}
	if _, hidden := findAttr(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	switch attr(n, "role") {
	case "navigation", "banner", "contentinfo", "search", "complementary":
		return true
	}
	if n.DataAtom == atom.Footer || n.DataAtom == atom.Header && !insideContent(n) {
		return true
	}
	ci := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range boilerplateWords {
		if strings.Contains(ci, w) {
			return true
		}
	}
	return false
}

func findAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// insideContent reports a <header> within <article> or <main>, which holds
// the document's own title rather than the site's banner.
func insideContent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
			return true
		}
	}
	return false
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true,
	atom.Header: true, atom.Address: true, atom.Hr: true, atom.Table: true, atom.Caption: true,
	atom.Details: true, atom.Summary: true, atom.Fieldset: true, atom.Body: true, atom.Html: true,
}

// htmlWriter collects paragraphs; inline text gathers in cur.
type htmlWriter struct {
	b    *budget
	out  strings.Builder
	cur  strings.Builder
	pre  int
	cell *strings.Builder // the table cell being filled, if any
}

// block ends the current paragraph.
func (w *htmlWriter) block() {
	t := strings.TrimSpace(w.cur.String())
	w.cur.Reset()
	if t == "" {
		return
	}
	w.out.WriteString(t)
	w.out.WriteString("\n\n")
}

func (w *htmlWriter) text(s string) {
	dst := &w.cur
	if w.cell != nil {
		dst = w.cell
	}
	if w.pre > 0 {
		dst.WriteString(s)
		return
	}
	// collapse whitespace as a browser does
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" && dst.Len() > 0 {
			dst.WriteByte(' ')
		}
		return
	}
	if startsSpace(s) && dst.Len() > 0 {
		dst.WriteByte(' ')
	}
	dst.WriteString(strings.Join(f, " "))
	if endsSpace(s) {
		dst.WriteByte(' ')
	}
}

func startsSpace(s string) bool { return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[0])) }
func endsSpace(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[len(s)-1]))
}

func (w *htmlWriter) walk(n *html.Node) error {
	if err := w.b.check(); err != nil {
		return err
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return nil
	case html.ElementNode:
	case html.DocumentNode:
		return w.children(n)
	default:
		return nil
	}
	if boilerplate(n) && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		return nil
	}
	switch n.DataAtom {
	case atom.Br:
		if w.cell != nil {
			w.cell.WriteByte(' ')
		} else {
			w.cur.WriteByte('\n')
		}
		return nil
	case atom.Img:
		return nil
	case atom.Table:
		if w.cell != nil { // nested table: flatten into the cell
			return w.children(n)
		}
		w.block()
		err := w.table(n)
		return err
	case atom.Pre:
		w.block()
		w.pre++
		err := w.children(n)
		w.pre--
		w.block()
		return err
	}
	if blockAtoms[n.DataAtom] {
		if w.cell != nil {
			w.cell.WriteByte(' ')
			return w.children(n)
		}
		w.block()
		err := w.children(n)
		w.block()
		return err
	}
	return w.children(n)
}

func (w *htmlWriter) children(n *html.Node) error {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.walk(c); err != nil {
			return err
		}
	}
	return nil
}

// table writes each row as one line of TAB-separated cells.
func (w *htmlWriter) table(t *html.Node) error {
	var rows []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				find(c)
			case atom.Caption:
				w.cur.WriteString(strings.Join(strings.Fields(nodeText(c)), " "))
				w.block()
			}
		}
	}
	find(t)
	for _, r := range rows {
		var cells []string
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			var sb strings.Builder
			w.cell = &sb
			if err := w.children(c); err != nil {
				w.cell = nil
				return err
			}
			w.cell = nil
			cells = append(cells, strings.Join(strings.Fields(sb.String()), " "))
		}
		line := strings.TrimRight(strings.Join(cells, "\t"), "\t")
		if strings.TrimSpace(line) != "" {
			w.out.WriteString(line)
			w.out.WriteString("\n")
		}
	}
	w.out.WriteString("\n")
	return nil
}

func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
		b.WriteByte(' ')
	}
	return b.String()
}
