package ingest

import (
	"errors"
	"io"

	"github.com/ledongthuc/pdf"
)

// errOpenHexString is a content stream that ends inside a hex string
// ("<4142" and no ">"). The library's lexer reads such a string forever
// (at the end of a stream it keeps returning a line feed, which its hex
// string loop skips as white space), inside one call, where neither the
// --timeout deadline nor a panic can stop it; FuzzParsePDF found it.
var errOpenHexString = errors.New("damaged content stream (ends inside a hex string)")

// contentReader reads a page's or form's content: one stream or an array
// of them read one after the other, as pdf.Interpret reads it.
func contentReader(content pdf.Value) io.Reader {
	if content.Kind() == pdf.Array {
		rs := make([]io.Reader, 0, content.Len())
		for i := 0; i < content.Len(); i++ {
			rs = append(rs, content.Index(i).Reader())
		}
		return io.MultiReader(rs...)
	}
	return content.Reader()
}

// checkHexStrings reads r with the tokenising rules of the library's
// lexer that decide where strings start and end (comments, literal
// strings with escapes and nesting, "<<" against "<") and reports
// errOpenHexString if r ends inside a hex string. check is called after
// every buffer read, so the deadline holds here too.
func checkHexStrings(r io.Reader, check func() error) error {
	const (
		normal = iota
		comment
		literal
		hex
	)
	state, depth := normal, 0
	escaped, lt := false, false // after a backslash in a literal; after a '<' in normal text
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			if lt { // the byte after '<': a second '<' opens a dictionary, anything else a hex string
				lt = false
				if c == '<' {
					continue
				}
				state = hex
			}
			switch state {
			case normal:
				switch c {
				case '%':
					state = comment
				case '(':
					state, depth = literal, 1
				case '<':
					lt = true
				}
			case comment:
				if c == '\r' || c == '\n' {
					state = normal
				}
			case literal:
				switch {
				case escaped:
					escaped = false
				case c == '\\':
					escaped = true
				case c == '(':
					depth++
				case c == ')':
					if depth--; depth == 0 {
						state = normal
					}
				}
			case hex:
				if c == '>' {
					state = normal
				}
			}
		}
		if e := check(); e != nil {
			return e
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if state == hex || lt { // a last '<' opens a hex string too: the lexer cannot un-read at the end
		return errOpenHexString
	}
	return nil
}
