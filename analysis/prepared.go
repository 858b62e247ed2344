package analysis

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"time"

	"github.com/styrdok/styrdok/ingest"
)

// The prepared form of a document is the part of its analysis that does
// not read the codebook: the segments (offsets, pages, kinds), the
// municipality attribution, the metadata, the word and segment counts,
// each segment's modality, the bag of words for similarity, the
// warnings and which segments say how the plan is followed up. The store
// keeps it once per content and pipeline version (corpus/store.go, table
// prepared), so a run with another codebook re-tags a document from its
// stored text and this form (Retag) instead of analysing it again: that
// skips segmentation, attribution, metadata, modality and the bag of
// words, about two thirds of an analysis's CPU time.
//
// What reads the codebook, and so is redone by Retag: tokenising (the
// matcher's word forms carry the terms each word contains), matching,
// the segments' theme scores, the sections (a heading passes on the
// themes it names), the themes' coverage and levels, the action rows
// (their themes, and the codebook's role words) and the plan-quality
// counts of actions.
//
// The layout follows codec.go (zig-zag varints, strings as a length and
// their bytes): segments as the gap since the previous segment's end,
// their length, the page's change and a kind byte; modalities as bytes;
// the text of a segment is not stored but folded again from the
// document's stored text, which the prepared form is read against.
// TestPreparedCoversAnalysis holds Retag to Analyze on every document of
// testdata/corpus and testdata/mixed.

// preparedMagic starts every prepared form: format name and layout
// version. A new layout needs a new pipeline version (cmd/styrdok's
// Version), which keys the stored forms, besides a new magic: rows of the
// old layout are then not read at all instead of failing one by one.
const preparedMagic = "styrdok-prepared/1\x00"

// ErrPrepared marks a stored prepared form that cannot be used: not
// this layout, cut short, or not fitting the text it belongs to.
var ErrPrepared = errors.New("damaged prepared analysis")

// segmentKinds and modalityCodes number the kinds and modalities in the
// prepared form; a new kind or modality goes at the end.
var (
	segmentKinds  = [...]SentenceKind{KindSentence, KindHeading, KindListItem, KindTableRow, KindNavigation, KindCredit}
	modalityCodes = [...]Modality{ModCommitment, ModRecommendation, ModIntent, ModPossibility, ModDescription}
)

// AppendPrepared appends the prepared form of d, a fresh analysis with
// its Segments (not one decoded from the store), to b.
func AppendPrepared(b []byte, d *DocumentAnalysis) []byte {
	e := &encoder{b: append(b, preparedMagic...)}
	e.str(d.Format)
	e.attribution(&d.Municipality)
	md := d.Meta // Status is judged again at the re-tagging run's date
	for _, s := range [...]string{md.Kind, md.Title, md.Reference, md.AdoptedBy, md.AdoptedOn, md.ValidFrom, md.ValidTo, md.Year} {
		e.str(s)
	}
	e.int(d.Words)
	e.int(d.Sentences)
	e.uint(len(d.Segments))
	end, page := 0, 0
	for i, s := range d.Segments {
		e.uint(s.Start - end)
		e.uint(s.End - s.Start)
		e.int(s.Page - page)
		e.b = append(e.b, byte(slices.Index(segmentKinds[:], s.Kind)), byte(slices.Index(modalityCodes[:], d.Modality[i])))
		end, page = s.End, s.Page
	}
	q := d.Quality
	e.bool(q.EvaluationMentioned)
	e.bool(q.HasEvaluation)
	e.ints(q.EvaluationSentences)
	// The stems are sorted: each is written as the length of the prefix
	// it shares with the one before and the rest (front coding), which
	// halves them.
	e.uint(len(d.Terms.Stems))
	prev := ""
	for _, st := range d.Terms.Stems {
		k := commonPrefix(prev, st)
		e.uint(k)
		e.str(st[k:])
		prev = st
	}
	e.uint(len(d.Terms.Counts))
	for _, c := range d.Terms.Counts {
		e.int(int(c))
	}
	e.strs(d.Warnings)
	body := e.b[len(b)+len(preparedMagic):]
	return binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(body, castagnoli))
}

// castagnoli is the CRC-32C table of the prepared form's checksum, which
// ends it: a changed byte that would still decode (a letter of a stem,
// an offset that stays inside the text) would make a wrong analysis
// rather than an error, and S2's block format has no checksum of its own.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// commonPrefix is the length of the prefix a and b share, in bytes.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// frontCoded reads strings written as a shared prefix's length and the
// rest (AppendPrepared's stems), interned like str's.
func (d *decoder) frontCoded() []string {
	out := make([]string, d.count())
	var buf []byte
	for i := range out {
		k, rest := d.uint(), d.uint()
		if k > len(buf) || rest > len(d.b) {
			d.fail()
			return nil
		}
		buf = append(buf[:k], d.b[:rest]...)
		d.b = d.b[rest:]
		if s, ok := d.small[string(buf)]; ok { // no allocation for the lookup
			out[i] = s
			continue
		}
		s := string(buf)
		if len(s) <= 24 {
			d.small[s] = s
		}
		out[i] = s
	}
	return out
}

// prepared is a decoded prepared form, its segments read against the
// document's text.
type prepared struct {
	res      *DocumentAnalysis // everything but what Retag computes
	segs     []Sentence
	modality []Modality
}

// decodePrepared reads data against doc's text; segs is a slice to fill
// (from the analyzer's pool). Every offset, kind and index is checked,
// so damaged data gives ErrPrepared, never a panic or a wrong segment.
func decodePrepared(data []byte, doc *ingest.Document, segs []Sentence, asOf time.Time, small map[string]string) (*prepared, error) {
	if len(data) < len(preparedMagic)+4 || string(data[:len(preparedMagic)]) != preparedMagic {
		return nil, fmt.Errorf("%w: not a prepared analysis of this version", ErrPrepared)
	}
	body, sum := data[len(preparedMagic):len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(sum) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrPrepared)
	}
	if small == nil {
		small = map[string]string{}
	}
	d := &decoder{b: body, small: small}
	res := &DocumentAnalysis{File: doc.Path, SHA256: doc.SHA256, Format: d.str(), OCRPages: slices.Clone(doc.OCRPages)}
	at := d.attribution()
	res.Municipality = at
	res.Meta = Metadata{Kind: d.str(), Title: d.str(), Reference: d.str(), AdoptedBy: d.str(), AdoptedOn: d.str(),
		ValidFrom: d.str(), ValidTo: d.str(), Year: d.str()}
	res.Meta.Status = validityStatus(res.Meta.ValidTo, asOf)
	res.Words, res.Sentences = d.int(), d.int()
	n := d.count()
	text := doc.Text
	p := &prepared{res: res, segs: segs[:0], modality: make([]Modality, 0, n)}
	end, page, section := 0, 0, -1
	for i := range n {
		gap, length, dpage := d.uint(), d.uint(), d.int()
		if d.err != nil || len(d.b) < 2 {
			d.fail()
			break
		}
		kind, mod := int(d.b[0]), int(d.b[1])
		d.b = d.b[2:]
		start := end + gap
		if kind >= len(segmentKinds) || mod >= len(modalityCodes) || length == 0 || start > len(text) || length > len(text)-start {
			d.fail()
			break
		}
		end, page = start+length, page+dpage
		s := Sentence{Index: i, Start: start, End: end, Page: page, Kind: segmentKinds[kind], Text: foldSpace(text[start:end]), Section: section}
		// As segmentLines numbers them: a segment stands under the
		// last heading before it, a heading under none.
		if s.Kind == KindHeading {
			s.Section, section = -1, i
		}
		p.segs = append(p.segs, s)
		p.modality = append(p.modality, modalityCodes[mod])
	}
	res.Quality = Quality{EvaluationMentioned: d.bool(), HasEvaluation: d.bool(), EvaluationSentences: d.ints()}
	for _, k := range res.Quality.EvaluationSentences {
		if k < 0 || k >= len(p.segs) {
			d.fail()
		}
	}
	res.Terms.Stems = d.frontCoded()
	res.Terms.Counts = make([]int32, d.count())
	for i := range res.Terms.Counts {
		res.Terms.Counts[i] = int32(d.int())
	}
	if len(res.Terms.Counts) != len(res.Terms.Stems) {
		d.fail()
	}
	res.Warnings = d.strs()
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes left over", len(d.b))
	}
	if d.err != nil {
		clear(p.segs)
		return nil, fmt.Errorf("%w: %w", ErrPrepared, d.err)
	}
	return p, nil
}

// Retag analyses doc, whose prepared form (AppendPrepared, made by any
// analyzer of the same pipeline version) is data, with a's codebook: the
// same analysis AnalyzeContext makes, with only the codebook-dependent
// steps done again. Damaged data gives an error wrapping ErrPrepared (the
// caller analyses the document afresh); like AnalyzeContext it gives up
// with ctx's error once ctx is done.
//
// small is as for DecodeShared: the caller's table of short strings (the
// bag of words' stems) that the analyses share, nil for none. Interning
// each document's stems in a table of its own was a tenth of Retag.
func (a *Analyzer) Retag(ctx context.Context, doc *ingest.Document, data []byte, small map[string]string) (*DocumentAnalysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := a.takeScratch()
	defer a.scratch.Put(sc)
	defer sc.reset()
	var segs []Sentence
	if p, ok := a.segments.Get().(*[]Sentence); ok {
		segs = *p
	}
	p, err := decodePrepared(data, doc, segs, a.asOf, small)
	if err != nil {
		if segs != nil {
			segs = segs[:0]
			a.segments.Put(&segs)
		}
		return nil, err
	}
	res, segs := p.res, p.segs
	res.Segments = segs
	res.Municipality = res.Municipality.Decide(a.MinConfidence)
	sc.lines = splitLinesInto(sc.lines, doc.Text)
	sc.scores, sc.segMatches = grow(sc.scores, len(segs)), grow(sc.segMatches, len(segs))
	for i, s := range segs {
		if i%ctxCheckEvery == ctxCheckEvery-1 && ctx.Err() != nil {
			a.recycleSegments(res)
			return nil, ctx.Err()
		}
		sc.toks = a.matcher.tokenizeCached(sc.toks, doc.Text[s.Start:s.End], s.Start, &sc.forms)
		a.matchSegment(sc, s.Kind, i)
	}
	res.Modality, res.Modalities = classifySegments(segs, func(i int) Modality { return p.modality[i] })
	if err := a.tag(ctx, res, doc.Text, segs, sc); err != nil {
		a.recycleSegments(res)
		return nil, err
	}
	// The evaluation flags read the segments' words only: they are
	// stored, not looked for again (assessQuality looks in res.Segments,
	// so it is given none; it counts the action rows).
	eval := res.Quality
	res.Segments = nil
	res.Quality = assessQuality(res)
	res.Segments = segs
	res.Quality.EvaluationMentioned, res.Quality.HasEvaluation, res.Quality.EvaluationSentences = eval.EvaluationMentioned, eval.HasEvaluation, eval.EvaluationSentences
	return res, nil
}
