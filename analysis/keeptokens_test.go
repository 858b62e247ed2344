package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// TestKeptTokens: the tokens a document keeps for the themes' coverage
// (analyzeScratch.keepTokens) are, segment by segment, what tokenising
// the segment again gives, on the bundled documents; every segment that
// focusAreaSpans or a list mention would tokenise again is kept; and the
// bound holds (a document past maxKeptTokens keeps no more). It fails
// when a kept segment's tokens differ, or when the rule keeps none of
// either kind (the comparison would test nothing).
func TestKeptTokens(t *testing.T) {
	a := testAnalyzer(t)
	areas, lists := 0, 0
	for _, doc := range foldDocs(t) {
		sc := &analyzeScratch{terms: map[string]int{}}
		segs := Segment(doc, nil)
		sc.scores, sc.segMatches = grow(sc.scores, len(segs)), grow(sc.segMatches, len(segs))
		for i, s := range segs {
			sc.toks = a.matcher.tokenizeInto(sc.toks, doc[s.Start:s.End], s.Start)
			a.matchSegment(sc, s.Kind, i)
			sc.keepTokens(i, &segs[i])
		}
		if len(sc.keptToks) > maxKeptTokens {
			t.Fatalf("%d tokens kept, more than %d", len(sc.keptToks), maxKeptTokens)
		}
		for i := range segs {
			s := &segs[i]
			area := s.Kind != KindHeading && s.Kind != KindNavigation && strings.Contains(s.Text, "mråd")
			list := s.Kind != KindHeading && s.Kind != KindNavigation && s.Kind != KindTableRow && mayBeListMention(doc, s, sc.segMatches[i])
			want := a.matcher.Tokenize(doc[s.Start:s.End], s.Start)
			got, ok := sc.kept[i]
			if !ok {
				if (area || list) && len(want) > 0 && len(sc.keptToks)+len(want) <= maxKeptTokens {
					t.Fatalf("segment %d (%q) is read again but was not kept", i, s.Text)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("segment %d (%q): kept tokens differ from tokenising again", i, s.Text)
			}
			if area {
				areas++
			}
			if list {
				lists++
			}
		}
		sc.reset()
		if len(sc.kept) != 0 || len(sc.keptToks) != 0 {
			t.Fatalf("reset leaves %d kept segments, %d tokens", len(sc.kept), len(sc.keptToks))
		}
	}
	if areas == 0 || lists == 0 {
		t.Fatalf("%d segments kept for focus areas, %d for list mentions: the rule keeps none of one kind", areas, lists)
	}
	t.Logf("%d segments kept for focus areas, %d for list mentions", areas, lists)
}
