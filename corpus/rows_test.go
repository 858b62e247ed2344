package corpus

import (
	"encoding/json"
	"testing"
)

// TestRowsJSON: the hand-written encoders give what encoding/json reads
// back, for awkward strings too; the scratch buffer they share leaves
// earlier results as they were.
func TestRowsJSON(t *testing.T) {
	buf := new([]byte)
	odd := "a\"b\\c\nd\te\x01f å 😀 \xff </script>"
	hits := []HitRow{{Theme: "work", Sentence: 3, Score: 1.25, Matched: odd}, {Theme: "housing", Sentence: 0, Score: 0.000001, Matched: ""}}
	var got [][]any
	hitsJSON := hitRowsJSON(buf, hits)
	if err := json.Unmarshal([]byte(hitsJSON), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0][0] != "work" || got[0][1] != 3.0 || got[0][2] != 1.25 || got[0][3] != "a\"b\\c\nd\te\x01f å 😀 \ufffd </script>" || got[1][2] != 0.000001 {
		t.Fatalf("hits: %#v", got)
	}
	sents := []SentenceRow{{Index: 0, Start: 5, End: 17, Page: 2, Kind: "heading", Section: -1}}
	if err := json.Unmarshal([]byte(sentenceRowsJSON(buf, sents)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0][1] != 5.0 || got[0][4] != "heading" || got[0][5] != -1.0 {
		t.Fatalf("sentences: %#v", got)
	}
	if sentenceRowsJSON(buf, nil) != "[]" || hitRowsJSON(buf, nil) != "[]" {
		t.Fatal("empty rows must be []")
	}
	if again := hitRowsJSON(new([]byte), hits); hitsJSON != again {
		t.Fatalf("hits' JSON changed after the buffer was reused: %s, now %s", hitsJSON, again)
	}
}
