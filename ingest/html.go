package ingest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeHTML returns the page's bytes as UTF-8, honouring a BOM, a
// <meta charset> or, failing both, sniffing the bytes like DecodeText.
// The deadline is checked as it decodes; the markup is not text, so the
// text limit applies to what is extracted from it, not here.
func decodeHTML(data []byte, b *budget) (string, error) {
	sniffed := func() (string, error) {
		tb := *b
		tb.maxText = math.MaxInt64
		return decodeText(data, &tb)
	}
	_, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain || name == "utf-8" {
		if utf8.Valid(data) {
			return strings.TrimPrefix(string(data), "\uFEFF"), nil
		}
		if !certain {
			return sniffed()
		}
	}
	r, err := charset.NewReaderLabel(name, bytes.NewReader(data))
	if err != nil {
		return sniffed()
	}
	var out bytes.Buffer
	chunk := make([]byte, 64<<10)
	for {
		if err := b.check(); err != nil {
			return "", err
		}
		n, err := r.Read(chunk)
		out.Write(chunk[:n])
		if err == io.EOF {
			return out.String(), nil
		}
		if err != nil {
			return sniffed()
		}
	}
}

// parseHTML extracts the visible text of a web page: scripts, styles,
// navigation, cookie banners, forms and page footers are dropped; when the
// page marks its content with <main> or <article>, only that is kept.
// Headings and paragraphs become paragraphs; table rows become lines of
// TAB-separated cells.
func parseHTML(data []byte, b *budget) (string, error) {
	page, err := decodeHTML(data, b)
	if err != nil {
		return "", err
	}
	root, err := html.Parse(newHTMLStream(page, b))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			// x/net/html's own nesting bound (512), in words
			return "", &limitError{"HTML elements nested more than 512 deep (the HTML parser's limit)", LimitStructure}
		}
		return "", err
	}
	content, err := findContent(root, b)
	if err != nil {
		return "", err
	}
	w := &htmlWriter{b: b}
	if err := w.walk(content); err != nil {
		return "", err
	}
	w.block()
	return w.out.String(), nil
}

// htmlStream feeds html.Parse a page re-tokenized so that the parser's
// work and memory stay proportional to the page's size:
//
//   - Formatting elements (<b>, <i>, <font>, <a>, ...) become <span>.
//     The HTML5 tree builder re-opens every still-open formatting element
//     in each new paragraph, cloning it: 500 unclosed <b id=...> before
//     50,000 <p> made 25 million nodes (205 KB of HTML, 4.2 GB, 21 s, in
//     one call the deadline could not reach). A <span> is never
//     re-opened, and the text is the same: extraction reads none of
//     these elements' meaning, only their class, id and style, which a
//     <span> keeps.
//   - Text is re-escaped, so the parser sees no tag the tokenizer here did
//     not (the two tokenizers could disagree about raw text inside
//     <svg>). <xmp> and <plaintext>, whose text is shown as written,
//     become <pre> for that reason.
//   - Comments are dropped; they are never text.
//   - Every token counts against MaxHTMLNodes and checks the deadline:
//     html.Parse reads token by token, so the limits stop it between
//     tokens, and the error it gets from Read is the error it returns.
type htmlStream struct {
	z       *html.Tokenizer
	b       *budget
	nodes   int
	foreign int // <svg> and <math> elements open
	pending []byte
	buf     []byte
	err     error
}

func newHTMLStream(page string, b *budget) *htmlStream {
	z := html.NewTokenizer(strings.NewReader(page))
	// One token (a text run, a tag with its attributes) is held whole by
	// this tokenizer, again by html.Parse's and again as a node: a page
	// of one 150 MB paragraph peaked at 2.6 GB before the text limit
	// could count it. None longer than the text limit can be a steering
	// document's.
	z.SetMaxBuf(int(min(b.maxText, math.MaxInt32)))
	return &htmlStream{z: z, b: b}
}

func (s *htmlStream) Read(p []byte) (int, error) {
	for len(s.pending) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		s.next()
	}
	n := copy(p, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

// renamed maps the elements htmlStream rewrites to what it writes instead.
var renamed = map[atom.Atom]atom.Atom{
	atom.A: atom.Span, atom.B: atom.Span, atom.Big: atom.Span, atom.Code: atom.Span, atom.Em: atom.Span,
	atom.Font: atom.Span, atom.I: atom.Span, atom.Nobr: atom.Span, atom.S: atom.Span, atom.Small: atom.Span,
	atom.Strike: atom.Span, atom.Strong: atom.Span, atom.Tt: atom.Span, atom.U: atom.Span,
	atom.Xmp: atom.Pre, atom.Plaintext: atom.Pre,
}

// next turns the next source token into pending bytes, or sets err.
func (s *htmlStream) next() {
	if err := s.b.check(); err != nil {
		s.err = err
		return
	}
	tt := s.z.Next()
	switch tt {
	case html.ErrorToken:
		s.err = s.z.Err() // io.EOF at the end
		if s.err == html.ErrBufferExceeded {
			s.err = &limitError{fmt.Sprintf("HTML text or tag longer than the text limit (%d bytes; --max-text)", s.b.maxText), LimitSize}
		}
		return
	case html.CommentToken:
		return
	}
	if s.nodes++; s.nodes > s.b.maxNodes {
		s.err = &limitError{fmt.Sprintf("HTML has more than %d elements and text runs (the HTML node bound)", s.b.maxNodes), LimitStructure}
		return
	}
	if tt == html.TextToken {
		s.pending = appendEscaped(s.buf[:0], s.z.Text())
		s.buf = s.pending[:0]
		return
	}
	tok := s.z.Token()
	// Inside <svg> and <math>, <style> and <title> hold markup, not raw
	// text, as html.Parse reads them. Counting the open ones is close
	// enough: where the two disagree, the text is escaped either way.
	switch {
	case (tok.DataAtom == atom.Svg || tok.DataAtom == atom.Math) && tt == html.StartTagToken:
		s.foreign++
	case (tok.DataAtom == atom.Svg || tok.DataAtom == atom.Math) && tt == html.EndTagToken && s.foreign > 0:
		s.foreign--
	case s.foreign > 0 && tt == html.StartTagToken:
		s.z.NextIsNotRawText()
	}
	if to, ok := renamed[tok.DataAtom]; ok {
		from := tok.DataAtom
		tok.DataAtom, tok.Data = to, to.String()
		if s.foreign > 0 && (from == atom.A || from == atom.Font && !fontBreaksOut(tok)) {
			// In <svg> an <a> or a plain <font> is an SVG element, but a
			// <span> would end the <svg> (as <b> and the rest do anyway),
			// and its hidden text would show. A name of no element is
			// neither, and no formatting element either, should the count
			// of open <svg> be wrong.
			tok.DataAtom, tok.Data = 0, "styrdok-inline"
		}
	}
	s.pending = append(s.buf[:0], tok.String()...)
	s.buf = s.pending[:0]
}

// fontBreaksOut reports a <font> that ends foreign content, as html.Parse
// has it.
func fontBreaksOut(t html.Token) bool {
	for _, a := range t.Attr {
		if a.Key == "color" || a.Key == "face" || a.Key == "size" {
			return true
		}
	}
	return false
}

// appendEscaped appends text with the characters that could start markup
// or an entity escaped.
func appendEscaped(dst, text []byte) []byte {
	for _, c := range text {
		switch c {
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// findContent returns <main>, else the largest <article>, else <body>.
// Each node is visited once (measuring each <article> apart was
// quadratic in nested ones). The depth of this and the other recursive
// walks is bounded by html.Parse, which fails past 512 open elements.
func findContent(root *html.Node, b *budget) (*html.Node, error) {
	var main, body *html.Node
	var articles []*html.Node
	lens := map[*html.Node]int{} // text length of <main> and each <article>
	// visit returns n's text length as textLen counts it.
	var visit func(n *html.Node) (int, error)
	visit = func(n *html.Node) (int, error) {
		if err := b.check(); err != nil {
			return 0, err
		}
		if n.Type == html.TextNode {
			return len(strings.TrimSpace(n.Data)), nil
		}
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
		t := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			ct, err := visit(c)
			if err != nil {
				return 0, err
			}
			t += ct
		}
		if n.Type == html.ElementNode && skipAlways[n.DataAtom] {
			t = 0
		}
		if n == main || n.DataAtom == atom.Article {
			lens[n] = t
		}
		return t, nil
	}
	if _, err := visit(root); err != nil {
		return nil, err
	}
	if main != nil && lens[main] > 200 {
		return main, nil
	}
	var best *html.Node
	for _, a := range articles {
		if best == nil || lens[a] > lens[best] {
			best = a
		}
	}
	if best != nil && lens[best] > 200 {
		return best, nil
	}
	if body != nil {
		return body, nil
	}
	return root, nil
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

// text adds s to the paragraph or cell being filled and returns the
// number of bytes that added.
func (w *htmlWriter) text(s string) int {
	dst := &w.cur
	if w.cell != nil {
		dst = w.cell
	}
	before := dst.Len()
	if w.pre > 0 {
		dst.WriteString(s)
		return dst.Len() - before
	}
	// collapse whitespace as a browser does
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" && dst.Len() > 0 {
			dst.WriteByte(' ')
		}
		return dst.Len() - before
	}
	if startsSpace(s) && dst.Len() > 0 {
		dst.WriteByte(' ')
	}
	for i, word := range f {
		if i > 0 {
			dst.WriteByte(' ')
		}
		dst.WriteString(word)
	}
	if endsSpace(s) {
		dst.WriteByte(' ')
	}
	return dst.Len() - before
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
		// count what the text adds, after white space is collapsed: the
		// indentation between a page's tags is not text
		return w.b.addText(int64(w.text(n.Data)))
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
