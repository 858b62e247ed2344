package analysis

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/ingest"
	"github.com/styrdok/styrdok/registry"
)

// ThemeScore is one theme's weight in a segment.
type ThemeScore struct {
	Theme string  `json:"theme"`
	Score float64 `json:"score"`
}

// ThemeHit is a segment that counts toward a theme, with the words that
// made it count. Start and End are the segment's byte offsets.
type ThemeHit struct {
	Theme    string       `json:"theme"`
	Sentence int          `json:"sentence"`
	Start    int          `json:"start"`
	End      int          `json:"end"`
	Page     int          `json:"page"`
	Kind     SentenceKind `json:"kind"`
	Score    float64      `json:"score"`
	Text     string       `json:"text"`
	Matched  []Match      `json:"matched"`
	// Inherited hits count because the segment stands under a heading
	// (or table section) naming the theme; Heading is that heading's
	// segment index, -1 for hits on the segment's own words.
	Inherited bool     `json:"inherited"`
	Heading   int      `json:"heading"`
	Modality  Modality `json:"modality"`
}

// ThemeCoverage is how a document covers one theme.
type ThemeCoverage struct {
	ID        string     `json:"id"`
	Sentences int        `json:"sentences"` // segments that count toward the theme
	Share     float64    `json:"share"`     // Sentences / content segments
	Level     int        `json:"level"`     // 0 absent or passing, 1 treated, 2 heading or goal
	Headings  []int      `json:"headings"`  // indices of headings that name the theme
	Evidence  []ThemeHit `json:"evidence"`
	// Structure and commitment (structure.go): OwnSentences counts the
	// segments whose own words reach the theme, Inherited those counted
	// through their heading; Sentences is both.
	OwnSentences    int `json:"own_sentences"`
	Inherited       int `json:"inherited"`
	Commitments     int `json:"commitments"`
	Recommendations int `json:"recommendations"`
	Intents         int `json:"intents"`
	// Passing counts the own-word segments that mention the theme on the
	// way, which GradeRule counts half: those (not table rows: an action
	// row that names the theme plans something for it) in which another
	// theme scores higher and no phrase of this theme matched ("komma i
	// försörjning genom arbete eller studier" mentions education on the
	// way to work); bullet fragments (bulletFragment, outside a list of
	// goals); headings whose words only touch the theme (headingNames).
	Passing int `json:"passing"`
	// listed counts the Passing segments that are passing by their form:
	// bullet fragments (bulletFragment, outside a list of goals) and one
	// item of a list of other things (levellist.go). When every segment
	// that names the theme is one, the theme is a bullet-only mention or
	// a list, level 0 (GradeRule). Unexported, as it is no output of
	// its own (the level is); the store keeps it (codec.go), so GradeRule
	// reads a decoded coverage as it read the fresh one.
	listed int
	// listMentions counts the listed segments that are one item of a list
	// of other things (levellist.go), not bullet fragments. Such a
	// segment counts nothing toward the two sentences of substance level 1
	// needs (GradeRule): one sentence and two list mentions are not two
	// (docs/validity-themes.md, sessions 19 and 20). Kept like listed.
	listMentions int
}

// DocumentAnalysis is everything styrdok reads out of one document.
type DocumentAnalysis struct {
	File         string          `json:"file"`
	SHA256       string          `json:"sha256"`
	Format       string          `json:"format"`
	Municipality Attribution     `json:"-"`
	Meta         Metadata        `json:"-"`
	Words        int             `json:"words"`
	Sentences    int             `json:"sentences"` // content segments (navigation excluded)
	Segments     []Sentence      `json:"-"`
	Themes       []ThemeCoverage `json:"themes"`

	// Structure, commitment and plan quality (structure.go, modality.go,
	// actions.go, quality.go).
	Sections   []Section        `json:"sections"`
	Modality   []Modality       `json:"-"`          // per segment
	Modalities map[Modality]int `json:"modalities"` // content segments per modality
	Actions    []Action         `json:"actions"`
	Quality    Quality          `json:"quality"`

	// Terms is TermCounts kept for document similarity when a batch run
	// drops Segments (corpus/batch.go); nil otherwise.
	Terms TermBag `json:"-"`

	// OCRPages are the PDF pages, numbered from 1, whose text was read
	// by OCR (ingest.Document.OCRPages); documents.csv's ocr_pages.
	OCRPages []int `json:"-"`

	// Warnings are problems that did not stop the document: what
	// extraction reported (a PDF page it could not read) and what
	// analysis did about bad layout (segments cut at MaxSegmentBytes).
	Warnings []string `json:"warnings"`
}

// Analyzer holds what analysis needs across documents: the codebook's
// matcher, the municipality registry and the reference date. It is safe
// for concurrent use by many workers.
type Analyzer struct {
	Codebook   *codebook.Codebook
	matcher    *Matcher
	attributor *MunicipalityAttributor
	asOf       time.Time
	// MinConfidence is the attribution confidence an answer needs
	// (Attribution.Decide); NewAnalyzer sets DefaultMinConfidence and a
	// command may change it before the first document.
	MinConfidence float64
	scratch       sync.Pool // *analyzeScratch, Analyze's working space
	// segments recycles segment slices (*[]Sentence) that a batch run is
	// done with (recycleSegments): the segments are the largest part of
	// an analysis that the run does not keep.
	segments sync.Pool
}

// recycleSegments hands d's segments back for a later Analyze to fill
// and drops them from d. Nothing may use them afterwards.
func (a *Analyzer) recycleSegments(d *DocumentAnalysis) {
	if d.Segments == nil {
		return
	}
	segs := d.Segments
	clear(segs[:cap(segs)]) // no document's text stays alive through the pool
	segs = segs[:0]
	d.Segments = nil
	a.segments.Put(&segs)
}

// NewAnalyzer builds an analyzer; a nil registry means the embedded SCB
// registry. asOf is the date statuses (current,
// expired) are judged at.
func NewAnalyzer(cb *codebook.Codebook, reg *registry.Registry, asOf time.Time) *Analyzer {
	if reg == nil {
		// The embedded registry is validated by a test; failing here would
		// mean a broken build, not bad input.
		var err error
		if reg, err = registry.LoadRegistry(); err != nil {
			panic(err)
		}
	}
	return &Analyzer{Codebook: cb, matcher: NewMatcher(cb), attributor: NewMunicipalityAttributor(reg), asOf: asOf, MinConfidence: DefaultMinConfidence}
}

// Analyze runs the whole chain on one ingested document.
func (a *Analyzer) Analyze(doc *ingest.Document) *DocumentAnalysis {
	res, _ := a.AnalyzeContext(context.Background(), doc) // never cancelled: no error
	return res
}

// ctxCheckEvery is how many segments Analyze tags between looks at its
// context: a look costs about what tagging one segment costs.
const ctxCheckEvery = 64

// AnalyzeContext is Analyze that gives up, with ctx's error, once ctx is
// done (a batch run's per-file deadline, or Ctrl-C): it looks between its
// steps and every ctxCheckEvery segments while tagging, so a document
// stops within a few milliseconds of work, whatever its size.
func (a *Analyzer) AnalyzeContext(ctx context.Context, doc *ingest.Document) (*DocumentAnalysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := a.takeScratch()
	defer a.scratch.Put(sc)
	defer sc.reset() // before the Put above: deferred calls run last first
	sc.lines = splitLinesInto(sc.lines, doc.Text)
	var segs []Sentence
	if p, ok := a.segments.Get().(*[]Sentence); ok {
		segs = *p
	}
	segs = segmentLinesInto(&sc.segBufs, segs, sc.lines, doc.Text, doc.PageAt)
	res := &DocumentAnalysis{File: doc.Path, SHA256: doc.SHA256, Format: string(doc.Format), Segments: segs,
		Warnings: slices.Clone(doc.Warnings), OCRPages: slices.Clone(doc.OCRPages)}
	if n := CutSegments(segs); n > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d segments cut at %d bytes: text without sentence ends there (a layout or extraction problem)", n, MaxSegmentBytes))
	}
	if err := ctx.Err(); err != nil {
		a.recycleSegments(res)
		return nil, err
	}
	lay := layoutDocumentInto(sc.layout, doc.Text)
	sc.layout = lay.lines
	res.Meta = extractMetadata(doc.Text, lay, a.asOf)

	// Each segment is tokenised once; matching, modality, the bag of
	// words for similarity and the attribution (after the loop) all read
	// the same tokens.
	sc.scores, sc.segMatches, sc.modality = grow(sc.scores, len(segs)), grow(sc.segMatches, len(segs)), grow(sc.modality, len(segs))
	modality := sc.modality
	sc.words.reset(doc.Text)
	for i, s := range segs {
		if i%ctxCheckEvery == ctxCheckEvery-1 && ctx.Err() != nil {
			a.recycleSegments(res)
			return nil, ctx.Err()
		}
		raw := doc.Text[s.Start:s.End]
		sc.toks = a.matcher.tokenizeCached(sc.toks, raw, s.Start, &sc.forms)
		toks := sc.toks
		sc.words.addSegment(s.Start, s.End, toks)
		modality[i] = classifyTokensWith(raw, s.Start, toks, &sc.modal)
		if s.Kind.counted() {
			res.Words += len(toks)
			res.Sentences++
			addTerms(sc.terms, toks)
		}
		a.matchSegment(sc, s.Kind, i)
	}
	if err := ctx.Err(); err != nil {
		a.recycleSegments(res)
		return nil, err
	}
	lay.words = sc.words.finish()
	res.Municipality = a.attributor.attribute(doc.Text, lay).Decide(a.MinConfidence)
	res.Terms, sc.termKeys = newTermBag(sc.terms, sc.termKeys)
	res.Modality, res.Modalities = classifySegments(segs, func(i int) Modality { return modality[i] })
	if err := a.tag(ctx, res, doc.Text, segs, sc); err != nil {
		a.recycleSegments(res)
		return nil, err
	}
	res.Quality = assessQuality(res)
	return res, nil
}

// matchSegment matches segment i, of the given kind, whose tokens are
// sc.toks, into sc.segMatches[i] and sc.scores[i].
func (a *Analyzer) matchSegment(sc *analyzeScratch, kind SentenceKind, i int) {
	// Every segment's matches go into one recycled slice; matches[i] is
	// its part (capacity cut, so no append runs into the next).
	first := len(sc.matches)
	sc.matches = a.matcher.appendSegmentMatches(sc.matches, sc.toks, kind)
	if kind == KindHeading {
		sc.matches = a.matcher.dedupeFrom(a.matcher.appendHeading(sc.matches, sc.toks), first)
	}
	sc.segMatches[i] = sc.matches[first:len(sc.matches):len(sc.matches)]
	sc.scores[i] = sc.sumScores(sc.segMatches[i])
}

// tag is the codebook-dependent end of an analysis, shared by
// AnalyzeContext and Retag: from the segments' matches and scores (sc)
// and res.Modality, the sections, the themes' coverage and the action
// rows. The plan-quality counts are left to the caller.
func (a *Analyzer) tag(ctx context.Context, res *DocumentAnalysis, text string, segs []Sentence, sc *analyzeScratch) error {
	a.dampContextTerms(text, segs, sc) // a word of two senses, away from the newcomers (targetgroup.go)
	scores := sc.scores
	// Sections, levels and action rows read the scores without the
	// codebook's claims_only words, so that such a word adds evidence
	// (a claim) and moves nothing else.
	off := offSenseMatches(text, sc.segMatches[:len(segs)]) // a word in its other sense (levelsense.go)
	levels := a.levelScores(scores, sc.segMatches, off)
	st := buildStructureInto(&sc.structure, text, segs, levels, a.Codebook.MinScore, a.themeOrder())
	res.Sections = st.sections
	if res.Sections == nil {
		res.Sections = []Section{}
	}
	sc.segToks.start(a.matcher, text)
	res.Themes = a.themeCoverage(res, text, segs, scores, levels, sc.segMatches, st, off, &sc.segToks)
	if err := ctx.Err(); err != nil {
		return err
	}
	res.Actions = a.extractActions(text, sc.lines, segs, st, levels)
	return nil
}

// grow returns s[:n], reallocated when its capacity is short, with no
// elements from earlier use (the caller clears them when done).
// levelScores returns the segments' scores without the matches of
// claims_only terms and phrases (codebook.Term.ClaimsOnly) and those in
// off, the words in their other sense (offSenseMatches): scores itself
// when no segment has one.
func (a *Analyzer) levelScores(scores []map[string]float64, matches [][]Match, off map[senseKey]bool) []map[string]float64 {
	var levels []map[string]float64
	uncounted := a.uncounted(off)
	for i, ms := range matches[:len(scores)] {
		if !a.hasUncounted(ms, off) {
			continue
		}
		if levels == nil {
			levels = slices.Clone(scores)
		}
		sum := map[string]float64{}
		for _, m := range ms {
			if !uncounted(m) {
				sum[m.Theme] += m.Weight
			}
		}
		levels[i] = sum
	}
	if levels == nil {
		return scores
	}
	return levels
}

// levelMatches returns ms without the matches of claims_only terms and
// phrases and those in off: ms itself when it has none.
func (a *Analyzer) levelMatches(ms []Match, off map[senseKey]bool) []Match {
	if !a.hasUncounted(ms, off) {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), a.uncounted(off))
}

// hasUncounted reports whether any of ms counts toward no level
// (uncounted); without off, the matcher's quick test for claims_only
// terms, which most codebooks lack.
func (a *Analyzer) hasUncounted(ms []Match, off map[senseKey]bool) bool {
	if len(off) == 0 {
		return a.matcher.hasClaimsOnly(ms)
	}
	return slices.ContainsFunc(ms, a.uncounted(off))
}

// uncounted returns whether a match counts toward no level: a claims_only
// term's or phrase's, or one in off (a word in its other sense).
func (a *Analyzer) uncounted(off map[senseKey]bool) func(Match) bool {
	if len(off) == 0 {
		return Match.isClaimsOnly
	}
	return func(m Match) bool { return m.isClaimsOnly() || off[senseKey{m.Theme, m.Start}] }
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// themeCoverage collects each theme's evidence: the segments whose own
// words reach the theme (not navigation), and the sentences, list items
// and table rows that inherit it from the heading they stand under
// (structure.go), in segment order. Levels are graded on own words and
// headings only, so inheritance cannot inflate a level.
//
// The hits of all themes share one array, and their matched words
// another, each sized by a counting pass: growing them by appending
// (and the inherited hits onto the own ones) was 100 MB of garbage on
// 2,000 documents.
//
// levels are scores without the claims_only words (levelScores): a
// segment whose own words reach min_score only with them is evidence,
// a claim, that no count a level reads (OwnSentences, Sentences,
// Headings, Passing, the modality counts) includes.
//
// segToks tokenises the segments it reads again (the focus areas' and
// the list mentions'), ready for text (segmentTokens.start).
func (a *Analyzer) themeCoverage(res *DocumentAnalysis, text string, segs []Sentence, scores, levels []map[string]float64, matches [][]Match, st structure, off map[senseKey]bool, segToks *segmentTokens) []ThemeCoverage {
	minScore := a.Codebook.MinScore
	inherits := func(i int, theme string) int {
		if k := segs[i].Kind; k != KindSentence && k != KindListItem && k != KindTableRow {
			return -1
		}
		return st.sectionHeading(i, theme)
	}
	// Most segments are a hit of no theme; the passes below look, for
	// each theme, only at those that may be one of some theme.
	cands := themeCandidates(segs, scores, minScore, st)
	// own(k, t): candidate k is a counted segment whose score for theme t
	// is at least minScore; counts(k, t): its level score is. Marked once
	// per candidate (markThemes) from the few themes its maps hold: the
	// passes below asked the maps for every theme of every candidate, two
	// to four times.
	ownMarks := markThemes(cands, a.Codebook.Themes, minScore, func(i int) map[string]float64 {
		if !segs[i].Kind.counted() {
			return nil
		}
		return scores[i]
	})
	countMarks := markThemes(cands, a.Codebook.Themes, minScore, func(i int) map[string]float64 { return levels[i] })
	own := func(k, t int) bool { return ownMarks.has(k, t) && segs[cands[k]].Kind.counted() }
	counts := countMarks.has
	nHits, nMatched := 0, 0
	for t, th := range a.Codebook.Themes {
		for k, i := range cands {
			if own(k, t) {
				nHits++
				for _, m := range matches[i] {
					if m.Theme == th.ID {
						nMatched++
					}
				}
			} else if inherits(i, th.ID) >= 0 {
				nHits++
			}
		}
	}
	areas := a.focusAreaSpans(text, segs, matches, segToks)
	hits := make([]ThemeHit, 0, nHits)
	matched := make([]Match, 0, nMatched)
	themes := make([]ThemeCoverage, 0, len(a.Codebook.Themes))
	for t, th := range a.Codebook.Themes {
		cov := ThemeCoverage{ID: th.ID, Headings: []int{}}
		first, claims := len(hits), 0
		for k, i := range cands {
			// Most segments are no hit of a theme: the hit is made only
			// for those that are (making it first was a third of this
			// function's time).
			isOwn, h := own(k, t), -1
			claim := isOwn && !counts(k, t)
			if claim {
				// by its claims_only words alone: inherited as before,
				// if its section names the theme
				if h = inherits(i, th.ID); h >= 0 {
					isOwn, claim = false, false
				}
			}
			if !isOwn {
				if h = inherits(i, th.ID); h < 0 {
					continue
				}
			}
			s := &segs[i]
			hit := ThemeHit{Theme: th.ID, Sentence: i, Start: s.Start, End: s.End, Page: s.Page, Kind: s.Kind,
				Score: round3(scores[i][th.ID]), Text: s.Text, Heading: -1, Modality: res.Modality[i]}
			if isOwn {
				m0 := len(matched)
				matched = appendThemeMatches(matched, matches[i], th.ID)
				if len(matched) > m0 {
					hit.Matched = matched[m0:len(matched):len(matched)]
				}
				if claim {
					claims++
					hits = append(hits, hit)
					continue
				}
				cov.OwnSentences++
				lm := a.levelMatches(hit.Matched, off)
				// a heading names the theme (level 2) unless its words are weak
				// or it is a line broken mid-sentence (explain.go)
				if s.Kind == KindHeading && headingNames(levels[i][th.ID], minScore) && !brokenHeading(s.Text) {
					cov.Headings = append(cov.Headings, i)
				} else if s.Kind != KindHeading && s.Kind.counted() && len(areas) > 0 && areas[i].names(lm) {
					// a focus area named in running text ("De fem
					// områdena är Arbete, Boende, ..."): as a heading
					cov.Headings = append(cov.Headings, i)
				} else if s.Kind == KindHeading || (s.Kind == KindListItem && bulletFragment(s.Text) && !goalList(segs, i)) || (s.Kind != KindTableRow && (outscored(levels[i], th.ID) || (weakMention(levels[i][th.ID], minScore) && !goalList(segs, i))) && !hasPhrase(lm)) {
					// a heading that only touches the theme, a bullet
					// fragment, a segment about another theme, a
					// segment whose only words for the theme are weak
					// (GradeRule): half
					cov.Passing++
					if s.Kind == KindListItem && bulletFragment(s.Text) && !goalList(segs, i) {
						cov.listed++
					}
				} else if s.Kind != KindTableRow && !hasPhrase(lm) && mayBeListMention(text, s, lm) && listMention(segToks.of(i, s), lm) {
					// one item of a list of other things (levellist.go):
					// passing, and nothing toward level 1 (GradeRule)
					cov.Passing++
					cov.listed++
					cov.listMentions++
				}
			} else {
				hit.Matched, hit.Inherited, hit.Heading = []Match{}, true, h
				cov.Inherited++
			}
			switch hit.Modality {
			case ModCommitment:
				cov.Commitments++
			case ModRecommendation:
				cov.Recommendations++
			case ModIntent:
				cov.Intents++
			}
			hits = append(hits, hit)
		}
		cov.Evidence = hits[first:len(hits):len(hits)]
		cov.Sentences = len(cov.Evidence) - claims
		if res.Sentences > 0 {
			cov.Share = round4(float64(cov.Sentences) / float64(res.Sentences))
		}
		cov.Level = grade(cov, res.Sentences)
		themes = append(themes, cov)
	}
	return themes
}

// themeMarks are, for each candidate segment of themeCoverage, the
// themes (by their index in the codebook) whose score in the segment's
// map is at least a minimum, a missing theme's score being 0: bit t%64 of
// word k*stride+t/64.
type themeMarks struct {
	bits   []uint64
	stride int
}

// markThemes marks, for each of cands, the themes whose score in
// scoresOf(cands[k]) is at least minScore (scoresOf(i)[themes[t].ID] >=
// minScore), reading each map's few entries instead of asking it for
// every theme.
func markThemes(cands []int, themes []codebook.Theme, minScore float64, scoresOf func(i int) map[string]float64) themeMarks {
	tm := themeMarks{stride: (len(themes) + 63) / 64}
	tm.bits = make([]uint64, len(cands)*tm.stride)
	for k, i := range cands {
		row := tm.bits[k*tm.stride : (k+1)*tm.stride]
		if 0 >= minScore {
			// a theme the map does not hold scores 0, which is enough
			for t := range themes {
				row[t/64] |= 1 << (t % 64)
			}
		}
		for id, v := range scoresOf(i) {
			for t := range themes {
				if themes[t].ID != id {
					continue
				}
				if v >= minScore {
					row[t/64] |= 1 << (t % 64)
				} else {
					row[t/64] &^= 1 << (t % 64)
				}
			}
		}
	}
	return tm
}

// has reports whether candidate k's score for theme t is marked.
func (tm themeMarks) has(k, t int) bool { return tm.bits[k*tm.stride+t/64]>>(t%64)&1 != 0 }

// themeCandidates returns, in order, the segments that may be a hit of
// some theme in themeCoverage: those with a score for any theme (own
// words), and the sentences, list items and table rows in a section
// whose heading names a theme (inherited). A segment left out is a hit
// of no theme, since own needs a score of at least minScore (none is
// no score, 0, when minScore > 0) and inherits a section naming the
// theme; with minScore <= 0 every segment may be one.
func themeCandidates(segs []Sentence, scores []map[string]float64, minScore float64, st structure) []int {
	cands := make([]int, 0, len(segs))
	for i := range segs {
		if minScore <= 0 || (segs[i].Kind.counted() && len(scores[i]) > 0) || st.mayInherit(i, segs[i].Kind) {
			cands = append(cands, i)
		}
	}
	return cands
}

// byteSpan is a span of the document's text, [start, end); the zero
// span holds nothing.
type byteSpan struct{ start, end int }

// names reports whether one of ms lies in the span.
func (b byteSpan) names(ms []Match) bool {
	for _, m := range ms {
		if m.Start >= b.start && m.End <= b.end && b.end > b.start {
			return true
		}
	}
	return false
}

// focusAreaSpans returns, per segment, the enumeration of the document's
// own focus areas it holds (Matcher.focusAreas), by its text's offsets;
// the zero span for the others. Only segments with a word for areas
// ("område", "områdena") are tokenised again, so the cost is a few
// segments a document; nil when none holds one. The tokens go into
// segToks's buffer (segmentTokens.tokenize), ready for text.
func (a *Analyzer) focusAreaSpans(text string, segs []Sentence, matches [][]Match, segToks *segmentTokens) []byteSpan {
	var spans []byteSpan
	for i := range segs {
		s := &segs[i]
		if s.Kind == KindHeading || !s.Kind.counted() || !strings.Contains(s.Text, "mråd") || s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		toks := segToks.tokenize(s.Start, s.End)
		lo, hi, ok := a.matcher.focusAreas(toks, matches[i])
		if !ok {
			continue
		}
		if spans == nil {
			spans = make([]byteSpan, len(segs))
		}
		spans[i] = byteSpan{toks[lo].Start, toks[hi-1].End}
	}
	return spans
}

// outscored reports whether another theme scores higher than theme in a
// segment's scores: the segment is about that other theme and names this
// one in passing.
func outscored(scores map[string]float64, theme string) bool {
	own := scores[theme]
	for th, s := range scores {
		if th != theme && s > own {
			return true
		}
	}
	return false
}

// hasPhrase reports whether a phrase is among a segment's matches for a
// theme: "knyta nya kontakter", "möten mellan människor" state the theme
// on purpose even beside a stronger theme's words, where a lone noun in
// a coordination ("boende och skola") is a passing mention.
func hasPhrase(ms []Match) bool {
	for _, m := range ms {
		if m.As == "phrase" {
			return true
		}
	}
	return false
}

// analyzeScratch is Analyze's working space, recycled from document to
// document (per document it was over 100 MB of garbage on 2,000
// documents): the stem counts, the token slice and modality's slices.
// Nothing in an analysis refers to it.
type analyzeScratch struct {
	terms      map[string]int
	termKeys   []termKey // newTermBag's sort buffer
	toks       []Token
	matches    []Match              // every segment's matches, one after the other
	segMatches [][]Match            // per segment, its part of matches
	scores     []map[string]float64 // per segment, theme -> score
	modality   []Modality           // per segment
	modal      modalityScratch
	// scoreMaps are the segments' score maps, cleared and handed out
	// again document after document (sumScores); the first nScoreMaps are
	// in use. A new map per segment with matches was 20 MB of garbage on
	// 2,000 documents.
	scoreMaps  []map[string]float64
	nScoreMaps int
	lines      []line    // the document's lines (splitLines)
	layout     []docLine // its non-blank lines (layoutDocument)
	words      documentWords
	forms      formCache        // word forms met in the document (formcache.go)
	segToks    segmentTokens    // the segments themeCoverage tokenises again
	structure  structureBuffers // the arrays of the document's structure (its chains)
	segBufs    segmentBuffers   // segmenting's spans and blocks
}

// reset empties the scratch for the next document, keeping its capacity
// but no document's text alive through the pool.
func (sc *analyzeScratch) reset() {
	clear(sc.terms)
	sc.toks, sc.matches, sc.segMatches, sc.scores = emptied(sc.toks), emptied(sc.matches), emptied(sc.segMatches), emptied(sc.scores)
	sc.modality, sc.lines, sc.layout = emptied(sc.modality), emptied(sc.lines), emptied(sc.layout)
	sc.nScoreMaps = 0
	sc.words.reset("") // sc.forms stays: its slots are the forms' own (formcache.go)
	sc.segToks.reset()
	sc.structure.reset()
	sc.segBufs.reset()
}

// emptied clears s (no element keeps anything alive) and returns s[:0].
func emptied[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// sumScores is the package's sumScores in one of the scratch's maps,
// valid until the document is done.
func (sc *analyzeScratch) sumScores(ms []Match) map[string]float64 {
	if len(ms) == 0 {
		return nil
	}
	if sc.nScoreMaps == len(sc.scoreMaps) {
		sc.scoreMaps = append(sc.scoreMaps, make(map[string]float64, len(ms)))
	}
	s := sc.scoreMaps[sc.nScoreMaps]
	sc.nScoreMaps++
	clear(s)
	return addScores(s, ms)
}

// grade turns a theme's evidence into the expert scale (docs/domain.md,
// "Levels"; testdata/gold/theme-levels.tsv); GradeRule states the rule.
// content is the number of content segments of the document.
func grade(c ThemeCoverage, content int) int {
	level, _ := GradeRule(c, content)
	return level
}

// Tag scores one free-standing segment (a sentence, a table row with cells
// separated by tabs or " | "): the themes found, best first.
func (a *Analyzer) Tag(segment string) []ThemeScore {
	return a.rank(sumScores(a.matcher.MatchTokens(a.matcher.Tokenize(segment, 0))))
}

func (a *Analyzer) rank(scores map[string]float64) []ThemeScore {
	var out []ThemeScore
	order := map[string]int{}
	for i, t := range a.Codebook.Themes {
		order[t.ID] = i
	}
	for th, s := range scores {
		if s >= a.Codebook.MinScore {
			out = append(out, ThemeScore{Theme: th, Score: round3(s)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return order[out[i].Theme] < order[out[j].Theme]
	})
	return out
}

func sumScores(ms []Match) map[string]float64 {
	if len(ms) == 0 {
		return nil // most segments match nothing; a nil map reads as all zero
	}
	return addScores(make(map[string]float64, len(ms)), ms)
}

// addScores adds each match's weight to its theme's score in s.
func addScores(s map[string]float64, ms []Match) map[string]float64 {
	for _, m := range ms {
		s[m.Theme] += m.Weight
	}
	return s
}

// appendThemeMatches appends the matches of one theme in ms to out,
// without the analysis's own claimsOnly mark (an output carries no
// unexported state).
func appendThemeMatches(out, ms []Match, theme string) []Match {
	for _, m := range ms {
		if m.Theme == theme {
			m.claimsOnly = false
			out = append(out, m)
		}
	}
	return out
}

// MatchedWords lists a hit's matched words, in text order, without repeats.
func (h ThemeHit) MatchedWords() string {
	switch len(h.Matched) {
	case 0:
		return ""
	case 1: // most hits: no map, no join
		return h.Matched[0].Text
	}
	out := make([]string, 0, len(h.Matched))
	for _, m := range h.Matched {
		if !slices.Contains(out, m.Text) { // a handful of words: a scan beats a map
			out = append(out, m.Text)
		}
	}
	return strings.Join(out, "; ")
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
func round4(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }

// Theme returns the coverage of one theme.
func (d *DocumentAnalysis) Theme(id string) (ThemeCoverage, error) {
	for _, t := range d.Themes {
		if t.ID == id {
			return t, nil
		}
	}
	return ThemeCoverage{}, fmt.Errorf("no theme %q in the codebook", id)
}

// takeScratch takes a worker's scratch from the pool (a new one when it
// is empty); the caller puts it back, reset, when the document is done.
func (a *Analyzer) takeScratch() *analyzeScratch {
	if sc, _ := a.scratch.Get().(*analyzeScratch); sc != nil {
		return sc
	}
	return &analyzeScratch{terms: map[string]int{}}
}
