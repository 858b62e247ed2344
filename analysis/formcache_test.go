package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// TestFormCacheSameForms: the cache answers every word with the form the
// matcher's memo gives (the same pointer), on the bundled corpus's words
// and on words made to meet in one slot, to be longer than a slot holds
// or to differ from a cached word only in length or case; and tokenising
// through the cache gives the tokens the matcher gives. The words repeat,
// so some answers come from the cache (counted) and some from the memo.
func TestFormCacheSameForms(t *testing.T) {
	cb, err := DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(cb)
	c := newFormCache(m)
	var words []string
	for _, text := range corpusTexts(t) {
		for _, tok := range Tokenize(text, 0) {
			words = append(words, tok.Text)
		}
	}
	// Two words of one slot, met in turn, each push the other out.
	a, b := "och", ""
	for i := 0; b == ""; i++ {
		w := "ord" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
		if w != a && formHash(w)&(formCacheSlots-1) == formHash(a)&(formCacheSlots-1) {
			b = w
		}
	}
	long := strings.Repeat("arbetsmarknad", 3) // over formCacheKey bytes
	made := []string{a, b, a, b, long, long, "Och", "OCH", "oc", "ochx", strings.Repeat("x", formCacheKey), strings.Repeat("x", formCacheKey+1), "kultur-", "SFI-undervisning", "åäö", "ÅÄÖ"}
	words = append(words, made...)
	words = append(words, made...)
	hits := 0
	for _, w := range words {
		s := &c.slots[formHash(w)&(formCacheSlots-1)]
		cached := s.form != nil && string(s.key[:s.n]) == w
		if got, want := c.form(w), m.form(w); got != want {
			t.Fatalf("form(%q) from the cache is not the memo's", w)
		}
		if cached {
			hits++
		}
	}
	if hits == 0 || hits == len(words) {
		t.Fatalf("%d of %d words answered by the cache: the comparison tests one path only", hits, len(words))
	}
	for _, text := range corpusTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			got := c.tokenizeInto(nil, line, 7)
			want := m.tokenizeInto(nil, line, 7)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("tokens of %q differ through the cache:\n got %+v\nwant %+v", line, got, want)
			}
		}
	}
}

// BenchmarkFormLookup: the words of 20 generated documents looked up in
// turn, through the shared memo ("memo", as main did) and through a
// worker's cache in front of it ("cache"); both warm.
func BenchmarkFormLookup(b *testing.B) {
	cb, err := DefaultCodebook()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(cb)
	var words []string
	for _, d := range generatedDocs(b, 20) {
		for _, tok := range Tokenize(d.Text, 0) {
			words = append(words, tok.Text)
		}
	}
	run := func(b *testing.B, form func(string) *wordForm) {
		for _, w := range words {
			form(w)
		}
		b.ResetTimer()
		n := 0
		for i := range b.N {
			if form(words[i%len(words)]).word {
				n++
			}
		}
		_ = n
	}
	b.Run("memo", func(b *testing.B) { run(b, m.form) })
	b.Run("cache", func(b *testing.B) { run(b, newFormCache(m).form) })
}
