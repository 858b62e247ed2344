package analysis

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestSegmentTokensBuffer: segmentTokens, whose tokens share one buffer
// kept from document to document, gives every segment of the bundled
// corpus the tokens Tokenize gives it, asked once or twice, by of and by
// tokenize, and no slice handed out changes while later segments (and, on
// the next document, the emptied buffer's array) are tokenised after it.
func TestSegmentTokensBuffer(t *testing.T) {
	a := testAnalyzer(t)
	var c segmentTokens
	c.buf = make([]Token, 0, 3) // small, so that the buffer moves to new arrays
	moved := 0
	for _, text := range corpusTexts(t) {
		res, err := a.AnalyzeContext(context.Background(), mustDoc(t, "x.txt", []byte(text)))
		if err != nil {
			t.Fatal(err)
		}
		c.start(a.matcher, text)
		type handed struct {
			toks []Token
			want []Token
		}
		var out []handed
		for pass := range 2 {
			for i := range res.Segments {
				s := &res.Segments[i]
				want := a.matcher.Tokenize(text[s.Start:s.End], s.Start)
				arr := cap(c.buf)
				var got []Token
				if (i+pass)%3 == 0 {
					got = c.tokenize(s.Start, s.End)
				} else {
					got = c.of(i, s)
				}
				if cap(c.buf) != arr {
					moved++
				}
				if cap(got) != len(got) {
					t.Fatalf("segment %d: capacity %d past its %d tokens", i, cap(got), len(got))
				}
				if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Fatalf("segment %d %q: tokens differ from Tokenize's", i, s.Text)
				}
				out = append(out, handed{got, want})
			}
		}
		for k, h := range out {
			if !reflect.DeepEqual(h.toks, h.want) && !(len(h.toks) == 0 && len(h.want) == 0) {
				t.Fatalf("slice %d changed after later segments were tokenised", k)
			}
		}
		a.recycleSegments(res)
		c.reset()
		if len(c.buf) != 0 || len(c.toks) != 0 || c.text != "" {
			t.Fatal("reset left a document in the buffer")
		}
	}
	if moved == 0 {
		t.Fatal("the buffer never moved to a larger array: the test did not reach that case")
	}
	// A segment of one-letter words has more tokens than the room made
	// for it: the tokeniser's own append moves the buffer.
	text := "Plan: " + strings.Repeat("a ", 600) + "och " + strings.Repeat("b ", 3000)
	c = segmentTokens{}
	c.start(a.matcher, text)
	first := c.tokenize(0, 6)
	arr := cap(c.buf)
	got := c.tokenize(6, len(text))
	if cap(c.buf) == arr || cap(c.buf) == max(2*arr, 2*((len(text)-6)/6+1), 256) {
		t.Fatalf("buffer capacity %d (was %d): the tokeniser's append did not move it", cap(c.buf), arr)
	}
	if want := a.matcher.Tokenize(text[6:], 6); !reflect.DeepEqual(got, want) || cap(got) != len(got) {
		t.Fatal("the one-letter words' tokens differ from Tokenize's")
	}
	if want := a.matcher.Tokenize(text[:6], 0); !reflect.DeepEqual(first, want) {
		t.Fatal("the first segment's tokens changed")
	}
	c.reset()
}

// TestStructureBuffers: buildStructureInto, with its chains in buffers
// kept from document to document, builds the structure buildStructure
// builds with new arrays, for every ordered pair of texts (the bundled
// documents and their second halves, whose first segments stand in no
// section): the second text is built after the first in the same
// buffers, so that it meets the first's chains in the arrays.
func TestStructureBuffers(t *testing.T) {
	a := testAnalyzer(t)
	minScore := a.Codebook.MinScore
	type built struct {
		text   string
		segs   []Sentence
		scores []map[string]float64
		want   structure
	}
	var docs []built
	for _, text := range corpusTexts(t) {
		half := text[strings.IndexByte(text[len(text)/2:], '\n')+len(text)/2+1:]
		for _, text := range []string{text, half} {
			doc := mustDoc(t, "x.txt", []byte(text))
			sc := &analyzeScratch{terms: map[string]int{}}
			segs := matchedSegments(a, sc, doc)
			docs = append(docs, built{doc.Text, segs, sc.scores, buildStructure(doc.Text, segs, sc.scores, minScore, a.themeOrder())})
		}
	}
	withChains, without := 0, 0
	for _, d := range docs {
		for _, ch := range d.want.chain {
			if len(ch) > 0 {
				withChains++
			} else {
				without++
			}
		}
	}
	if withChains == 0 || without == 0 {
		t.Fatalf("%d segments in sections, %d in none: the test needs both", withChains, without)
	}
	for j, first := range docs {
		for k, d := range docs {
			var b structureBuffers
			buildStructureInto(&b, first.text, first.segs, first.scores, minScore, a.themeOrder())
			b.reset()
			got := buildStructureInto(&b, d.text, d.segs, d.scores, minScore, a.themeOrder())
			if !reflect.DeepEqual(got, d.want) {
				t.Fatalf("text %d after text %d: the structure built in kept buffers differs", k, j)
			}
		}
	}
}

// TestSegmentBuffers: segmentLinesInto, with its spans and blocks in
// buffers kept from document to document, segments every text as
// segmentLines does with new slices, for every ordered pair of texts
// (the bundled documents, their second halves and a few made of page
// breaks and blank lines), the second segmented after the first in the
// same buffers.
func TestSegmentBuffers(t *testing.T) {
	var texts []string
	for _, text := range corpusTexts(t) {
		texts = append(texts, text, text[strings.IndexByte(text[len(text)/2:], '\n')+len(text)/2+1:])
	}
	texts = append(texts, "", "\n\n", "Rubrik\n\nen rad som\nfortsätter här.\n\f\nSida två\ttabell\tx\n- punkt\n- punkt två\n", "a\nb\n\nc\n\n\nd\n")
	for j, first := range texts {
		for k, text := range texts {
			want := segmentLines(nil, splitLines(text), text, nil)
			var b segmentBuffers
			segmentLinesInto(&b, nil, splitLines(first), first, nil)
			b.reset()
			got := segmentLinesInto(&b, nil, splitLines(text), text, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d after text %d: segments differ with kept buffers", k, j)
			}
			if len(b.spans) != 0 || len(b.block) != 0 {
				t.Fatal("the buffers came back not emptied")
			}
		}
	}
}
