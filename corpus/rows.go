package corpus

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The sentences and theme hits of an analysis are stored as one compact
// JSON array each (analyses.sentence_rows, analyses.hit_rows) and read in
// SQL through the views `sentences` and `theme_hits` (json_each). Inserting
// them row by row was the largest cost of the store: about 240,000
// sentence rows and 150,000 hit rows for 2,000 documents took 0.9 s of CPU
// in SQLite's B-tree inserts and argument binding, against milliseconds
// for two strings per document. The views give researchers the same
// columns as tables would.

// sentenceRowsJSON encodes rows as [[idx, start, end, page, kind, section], ...].
// buf is scratch space for the encoding (see jsonRows).
func sentenceRowsJSON(buf *[]byte, rows []SentenceRow) string {
	return jsonRows(buf, rows, func(b []byte, r SentenceRow) []byte {
		b = strconv.AppendInt(b, int64(r.Index), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.End), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.Page), 10)
		b = append(b, ',')
		b = appendJSONString(b, r.Kind)
		b = append(b, ',')
		return strconv.AppendInt(b, int64(r.Section), 10)
	})
}

// hitRowsJSON encodes rows as [[theme, sentence, score, matched], ...].
// buf is scratch space for the encoding (see jsonRows).
func hitRowsJSON(buf *[]byte, rows []HitRow) string {
	return jsonRows(buf, rows, func(b []byte, r HitRow) []byte {
		b = appendJSONString(b, r.Theme)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.Sentence), 10)
		b = append(b, ',')
		b = appendJSONNumber(b, r.Score)
		b = append(b, ',')
		return appendJSONString(b, r.Matched)
	})
}

// jsonRows encodes rows as a JSON array of arrays; row appends one row's
// values (without brackets). The encoding is built in *buf, which is kept
// (grown) for the next call, so that only the resulting string is
// allocated: growing a fresh buffer per document and copying it into the
// string was 35 MB of garbage on 2,000 documents.
func jsonRows[R any](buf *[]byte, rows []R, row func([]byte, R) []byte) string {
	b := append((*buf)[:0], '[')
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = row(b, r)
		b = append(b, ']')
	}
	b = append(b, ']')
	*buf = b[:0]
	return string(b)
}

// appendJSONNumber appends f as a JSON number (null for NaN and
// infinities, which JSON cannot hold; scores are never either).
func appendJSONNumber(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, all else
// as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, "\ufffd"...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
