package reports

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/styrdok/styrdok/analysis"
)

// The appenders below write the per-document JSON of documents.jsonl
// (RunDocumentJSON) and of report.html's data block (htmlDoc) byte for
// byte as encoding/json's Encoder does: the same key order, escaping,
// number forms, null for nil slices and maps, and the newline Encode
// ends a value with. encoding/json walks every value by reflection and
// builds each number and string through an intermediate buffer; on
// 2,000 documents the two writers spent 0.43 s of CPU in it, a tenth of
// a one-file re-run (docs/benchmarks.md, "One changed file"). The
// structs keep their json tags: `styrdok analyze` and the tests still
// use encoding/json, and TestJSONAppendersMatchEncodingJSON fills every
// field of these types by reflection and compares the two encodings, so
// a field added to one of them (analysis.Section, analysis.Quality,
// DocumentHead...) fails the test until it is added here too.

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it: with escapeHTML, "<", ">" and "&" as \u003c, \u003e and
// \u0026 (what keeps a document's text from ending report.html's script
// element); invalid UTF-8 as \ufffd; U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string, escapeHTML bool) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonPlain[b] && (!escapeHTML || b != '<' && b != '>' && b != '&') {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(dst, s[start:]...), '"')
}

// jsonPlain tells which ASCII bytes a JSON string holds as they are
// (encoding/json's safeSet): from space up, DEL included, but '"' and
// '\\'.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// errJSONFloat is what encoding/json refuses: NaN and the infinities.
type errJSONFloat float64

func (e errJSONFloat) Error() string {
	return "json: unsupported value: " + strconv.FormatFloat(float64(e), 'g', -1, 64)
}

// appendJSONFloat appends f as encoding/json writes a float64 (ES6
// number form: 'f' unless tiny or huge, then 'e' with the exponent
// unpadded); NaN and the infinities are an error, as there.
func appendJSONFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, errJSONFloat(f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

// jsonBuf is an appender with sticky float errors, so that the object
// writers read as a list of keys.
type jsonBuf struct {
	b          []byte
	escapeHTML bool
	err        error
}

func (j *jsonBuf) raw(s string) { j.b = append(j.b, s...) }
func (j *jsonBuf) str(s string) { j.b = appendJSONString(j.b, s, j.escapeHTML) }
func (j *jsonBuf) int(i int)    { j.b = strconv.AppendInt(j.b, int64(i), 10) }
func (j *jsonBuf) bool(v bool)  { j.b = strconv.AppendBool(j.b, v) }
func (j *jsonBuf) float(f float64) {
	var err error
	if j.b, err = appendJSONFloat(j.b, f); err != nil && j.err == nil {
		j.err = err
	}
}

// jsonArray appends xs as a JSON array, each element written by elem;
// null when xs is nil, as encoding/json writes a nil slice.
func jsonArray[T any](j *jsonBuf, xs []T, elem func(x *T)) {
	if xs == nil {
		j.raw("null")
		return
	}
	j.b = append(j.b, '[')
	for k := range xs {
		if k > 0 {
			j.b = append(j.b, ',')
		}
		elem(&xs[k])
	}
	j.b = append(j.b, ']')
}

// ints appends a []int (null when nil).
func (j *jsonBuf) ints(v []int) { jsonArray(j, v, func(x *int) { j.int(*x) }) }

// strs appends a []string (null when nil).
func (j *jsonBuf) strs(v []string) { jsonArray(j, v, func(x *string) { j.str(*x) }) }

// documentHead appends the fields of a DocumentHead (without braces: it
// is embedded).
func (j *jsonBuf) documentHead(h *DocumentHead) {
	j.raw(`"file":`)
	j.str(h.File)
	j.raw(`,"sha256":`)
	j.str(h.SHA256)
	j.raw(`,"format":`)
	j.str(h.Format)
	j.raw(`,"municipality":{"code":`)
	j.str(h.Municipality.Code)
	j.raw(`,"name":`)
	j.str(h.Municipality.Name)
	j.raw(`},"county":{"code":`)
	j.str(h.County.Code)
	j.raw(`,"name":`)
	j.str(h.County.Name)
	j.raw(`},"attribution":{"confidence":`)
	j.float(h.Attribution.Confidence)
	j.raw(`,"reason":`)
	j.str(h.Attribution.Reason)
	j.raw(`,"runner_up":`)
	if ru := h.Attribution.RunnerUp; ru == nil {
		j.raw("null")
	} else {
		j.raw(`{"code":`)
		j.str(ru.Code)
		j.raw(`,"name":`)
		j.str(ru.Name)
		j.raw(`,"confidence":`)
		j.float(ru.Confidence)
		j.raw(`,"evidence":`)
		j.str(ru.Evidence)
		j.raw(`}`)
	}
	j.raw(`},"kind":`)
	j.str(h.Kind)
	j.raw(`,"title":`)
	j.str(h.Title)
	j.raw(`,"reference":`)
	j.str(h.Reference)
	j.raw(`,"adopted_by":`)
	j.str(h.AdoptedBy)
	j.raw(`,"adopted_on":`)
	j.str(h.AdoptedOn)
	j.raw(`,"valid_from":`)
	j.str(h.ValidFrom)
	j.raw(`,"valid_to":`)
	j.str(h.ValidTo)
	j.raw(`,"year":`)
	j.str(h.Year)
	j.raw(`,"status":`)
	j.str(h.Status)
	j.raw(`,"words":`)
	j.int(h.Words)
	j.raw(`,"sentences":`)
	j.int(h.Sentences)
	j.raw(`,"ocr_pages":`)
	j.str(h.OCRPages)
}

// section appends an analysis.Section.
func (j *jsonBuf) section(s *analysis.Section) {
	j.raw(`{"heading":`)
	j.str(s.Heading)
	j.raw(`,"sentence":`)
	j.int(s.Sentence)
	j.raw(`,"level":`)
	j.int(s.Level)
	j.raw(`,"start":`)
	j.int(s.Start)
	j.raw(`,"end":`)
	j.int(s.End)
	j.raw(`,"parent":`)
	j.int(s.Parent)
	if s.Table {
		j.raw(`,"table":true`)
	}
	if s.Title {
		j.raw(`,"title":true`)
	}
	j.raw(`,"themes":`)
	j.strs(s.Themes)
	j.raw(`}`)
}

// quality appends an analysis.Quality.
func (j *jsonBuf) quality(q *analysis.Quality) {
	j.raw(`{"actions":`)
	j.int(q.Actions)
	j.raw(`,"goals":`)
	j.int(q.Goals)
	j.raw(`,"actions_with_responsible":`)
	j.int(q.WithResponsible)
	j.raw(`,"actions_with_time":`)
	j.int(q.WithTime)
	j.raw(`,"actions_with_follow_up":`)
	j.int(q.WithFollowUp)
	j.raw(`,"share_with_responsible":`)
	j.float(q.ShareResponsible)
	j.raw(`,"share_with_time":`)
	j.float(q.ShareTime)
	j.raw(`,"share_with_follow_up":`)
	j.float(q.ShareFollowUp)
	j.raw(`,"evaluation_mentioned":`)
	j.bool(q.EvaluationMentioned)
	j.raw(`,"has_evaluation":`)
	j.bool(q.HasEvaluation)
	j.raw(`,"evaluation_sentences":`)
	j.ints(q.EvaluationSentences)
	j.raw(`}`)
}

// modalities appends a modality count map, keys sorted as encoding/json
// sorts them (null when nil).
func (j *jsonBuf) modalities(m map[analysis.Modality]int) {
	if m == nil {
		j.raw("null")
		return
	}
	keys := make([]analysis.Modality, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	j.b = append(j.b, '{')
	for k, key := range keys {
		if k > 0 {
			j.b = append(j.b, ',')
		}
		j.str(string(key))
		j.b = append(j.b, ':')
		j.int(m[key])
	}
	j.b = append(j.b, '}')
}

// appendRunDocumentJSON appends d as one line of documents.jsonl:
// json.Encoder with SetEscapeHTML(false), newline included.
func appendRunDocumentJSON(dst []byte, d *RunDocumentJSON) ([]byte, error) {
	j := &jsonBuf{b: dst}
	j.raw("{")
	j.documentHead(&d.DocumentHead)
	j.raw(`,"themes":`)
	jsonArray(j, d.Themes, func(t *ThemeCountsJSON) {
		j.raw(`{"id":`)
		j.str(t.ID)
		j.raw(`,"sentences":`)
		j.int(t.Sentences)
		j.raw(`,"share":`)
		j.float(t.Share)
		j.raw(`,"level":`)
		j.int(t.Level)
		j.raw(`,"own_sentences":`)
		j.int(t.OwnSentences)
		j.raw(`,"inherited":`)
		j.int(t.Inherited)
		j.raw(`,"commitments":`)
		j.int(t.Commitments)
		j.raw(`,"recommendations":`)
		j.int(t.Recommendations)
		j.raw(`,"intents":`)
		j.int(t.Intents)
		j.raw("}")
	})
	j.raw(`,"sections":`)
	jsonArray(j, d.Sections, j.section)
	j.raw(`,"modalities":`)
	j.modalities(d.Modalities)
	j.raw(`,"actions":`)
	j.int(d.Actions)
	j.raw(`,"quality":`)
	j.quality(&d.Quality)
	j.raw(`,"peers":`)
	j.runPeers(d.Peers)
	j.raw("}\n")
	if j.err != nil {
		return dst, fmt.Errorf("%s: %w", d.File, j.err)
	}
	return j.b, nil
}

// appendJSON appends hd as report.html's data block holds it:
// json.Encoder with HTML escaping (its default), newline included.
func (hd *htmlDoc) appendJSON(dst []byte) ([]byte, error) {
	j := &jsonBuf{b: dst, escapeHTML: true}
	j.raw(`{"f":`)
	j.str(hd.File)
	j.raw(`,"m":`)
	j.str(hd.Municipality)
	j.raw(`,"p":`)
	j.htmlPeers(hd.Peers)
	j.raw(`,"s":`)
	jsonArray(j, hd.Sentences, func(s *htmlSentence) {
		j.raw(`{"p":`)
		j.int(s.Page)
		j.raw(`,"k":`)
		j.str(s.Kind)
		j.raw(`,"t":`)
		j.str(s.Text)
		if s.Full != 0 {
			j.raw(`,"c":`)
			j.int(s.Full)
		}
		j.raw("}")
	})
	j.raw(`,"t":`)
	jsonArray(j, hd.Themes, func(t *htmlDocTh) {
		j.raw(`{"l":`)
		j.int(t.Level)
		j.raw(`,"s":`)
		j.float(t.Share)
		j.raw(`,"n":`)
		j.int(t.Total)
		j.raw(`,"h":`)
		jsonArray(j, t.Hits, func(h *[]int) { j.ints(*h) })
		j.raw("}")
	})
	j.raw("}\n")
	if j.err != nil {
		return dst, fmt.Errorf("%s: %w", hd.File, j.err)
	}
	return j.b, nil
}

// runPeers appends documents.jsonl's peers array.
func (j *jsonBuf) runPeers(peers []PeerJSON) {
	jsonArray(j, peers, func(p *PeerJSON) {
		j.raw(`{"file":`)
		j.str(p.File)
		j.raw(`,"similarity":`)
		j.float(p.Similarity)
		j.raw("}")
	})
}

// htmlPeers appends the peers array of a document in report.html's
// data.
func (j *jsonBuf) htmlPeers(peers []htmlPeer) {
	jsonArray(j, peers, func(p *htmlPeer) {
		j.raw(`{"d":`)
		j.int(p.Doc)
		j.raw(`,"s":`)
		j.float(p.Similarity)
		j.raw("}")
	})
}
