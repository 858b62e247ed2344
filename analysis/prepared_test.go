package analysis

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/styrdok/styrdok/codebook"
	"github.com/styrdok/styrdok/ingest"
)

// otherCodebooks are codebooks a user could switch to: the default with
// one term added (the measurement's change), and one that touches what
// the codebook-dependent steps read: a theme dropped, a weight changed,
// a heading term and a role word added, the score threshold raised.
func otherCodebooks(t *testing.T) map[string]*codebook.Codebook {
	t.Helper()
	data, err := os.ReadFile("../codebook/codebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yaml := string(data)
	edit := func(s, old, new string) string {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("codebook.yaml has no %q to edit", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	added := edit(yaml, "      - {term: arbetsmarknad, weight: 2}\n", "      - {term: arbetsmarknad, weight: 2}\n      - {term: lönearbete, weight: 2}\n")
	out := map[string]*codebook.Codebook{}
	for name, y := range map[string]string{"one term added": added} {
		cb, err := ParseCodebook([]byte(y), name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = cb
	}
	// A phrase whose first word is a prefix, and one of one word: a
	// re-tag that skips segments by their words must still find them.
	reshaped := edit(added, "      - {phrase: \"tak över huvudet\", weight: 2}\n", "      - {phrase: \"tak över huvudet\", weight: 2}\n      - {phrase: \"kommun* ska\", weight: 2}\n      - {phrase: \"tillsammans\", weight: 2}\n")
	cb, err := ParseCodebook([]byte(reshaped), "reshaped")
	if err != nil {
		t.Fatal(err)
	}
	cb.Themes = cb.Themes[1:] // the first theme gone
	cb.Themes[0].Terms[0].Weight *= 3
	cb.Themes[1].HeadingTerms = append(cb.Themes[1].HeadingTerms, "mål")
	cb.Roles = append(cb.Roles, "samordnare")
	cb.MinScore += 0.5
	out["reshaped"] = cb
	return out
}

// preparedTestFiles are the documents Retag is held to Analyze on: the
// bundled corpus, the good files of the mixed folder (every input
// format, PDF pages) and, unless -short, the labelled real texts (652
// municipal and other plans, tables and lists of every layout).
func preparedTestFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, g := range []string{"../testdata/corpus/*.txt", "../testdata/mixed/good-*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if !testing.Short() {
		m, _ := filepath.Glob("../testdata/realtexts/texts/*.txt")
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d test files", len(files))
	}
	return files
}

// TestRetagIsAnalyze: a document prepared with one codebook and re-tagged
// with another gives exactly the analysis a fresh Analyze with the other
// gives: every field the store encodes, and the segments.
func TestRetagIsAnalyze(t *testing.T) {
	a := testAnalyzer(t)
	others := otherCodebooks(t)
	for _, f := range preparedTestFiles(t) {
		doc, err := ingest.Load(f, ingest.Options{})
		if err != nil {
			if strings.Contains(f, "mixed") {
				continue // a PDF without poppler's fonts, say: not this test's concern
			}
			t.Fatal(err)
		}
		fresh := a.Analyze(doc)
		data := AppendPrepared(nil, fresh)
		for name, cb := range others {
			b := NewAnalyzer(cb, nil, testDate)
			b.MinConfidence = 0.5 // the attribution is decided again at the re-tagging run's threshold
			want := b.Analyze(doc)
			got, err := b.Retag(context.Background(), doc, data, nil)
			if err != nil {
				t.Fatalf("%s, %s: %v", f, name, err)
			}
			NormalizeEmpty(want)
			NormalizeEmpty(got)
			if !bytes.Equal(EncodeAnalysis(got), EncodeAnalysis(want)) {
				t.Errorf("%s, %s: the re-tagged analysis differs from a fresh one", f, name)
				for i := range want.Themes {
					if i < len(got.Themes) && !reflect.DeepEqual(got.Themes[i], want.Themes[i]) {
						t.Logf("theme %s: got %d hits level %d, want %d hits level %d", want.Themes[i].ID, len(got.Themes[i].Evidence), got.Themes[i].Level, len(want.Themes[i].Evidence), want.Themes[i].Level)
					}
				}
				continue
			}
			if !reflect.DeepEqual(exportedSegments(got.Segments), exportedSegments(want.Segments)) {
				t.Errorf("%s, %s: the re-tagged segments differ from a fresh analysis's", f, name)
			}
			if !reflect.DeepEqual(got.Municipality, want.Municipality) || !reflect.DeepEqual(got.Meta, want.Meta) {
				t.Errorf("%s, %s: attribution or metadata differ", f, name)
			}
		}
	}
}

// exportedSegments are the segments as outputs see them (the fields the
// segmenter keeps for itself are not stored).
func exportedSegments(segs []Sentence) []Sentence {
	out := make([]Sentence, len(segs))
	for i, s := range segs {
		out[i] = Sentence{Index: s.Index, Start: s.Start, End: s.End, Page: s.Page, Kind: s.Kind, Text: s.Text, Section: s.Section}
	}
	return out
}

// TestRetagDamaged: a prepared form that is cut short, has a byte
// changed anywhere, belongs to another (shorter) text or to another
// layout gives an error wrapping ErrPrepared, never a panic, and never
// an analysis with a segment outside the text.
func TestRetagDamaged(t *testing.T) {
	a := testAnalyzer(t)
	doc, err := ingest.Load("../testdata/corpus/tierp-handlingsplan-integration-2017.txt", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := AppendPrepared(nil, a.Analyze(doc))
	ctx := context.Background()
	if _, err := a.Retag(ctx, doc, data, nil); err != nil {
		t.Fatalf("intact: %v", err)
	}
	bad := func(name string, doc *ingest.Document, data []byte) {
		t.Helper()
		if _, err := a.Retag(ctx, doc, data, nil); !errors.Is(err, ErrPrepared) {
			t.Errorf("%s: got %v, want ErrPrepared", name, err)
		}
	}
	for _, n := range []int{0, 5, len(preparedMagic), len(data) / 2, len(data) - 1} {
		bad("cut short", doc, data[:n])
	}
	bad("another layout", doc, append([]byte("styrdok-prepared/0\x00"), data[len(preparedMagic):]...))
	bad("trailing bytes", doc, append(append([]byte{}, data...), 0))
	// Any byte changed, the checksum included: an error.
	for i := len(preparedMagic); i < len(data); i += 3 {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			c := append([]byte{}, data...)
			c[i] ^= x
			bad(fmt.Sprintf("byte %d ^ %#x", i, x), doc, c)
		}
	}
	// Data that is intact but not this text's (the checksum cannot see
	// that): every offset is checked against the text.
	short := *doc
	short.Text = doc.Text[:len(doc.Text)/2]
	bad("another text", &short, data)
	// Damage that passes the checksum (written so: the checksum made
	// again) is caught by the decoder's checks, never a panic.
	body := data[len(preparedMagic) : len(data)-4]
	for i := 0; i < len(body); i += 5 {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			c := append([]byte{}, body...)
			c[i] ^= x
			c = binary.LittleEndian.AppendUint32(append([]byte(preparedMagic), c...), crc32.Checksum(c, castagnoli))
			d, err := a.Retag(ctx, doc, c, nil)
			if err != nil {
				if !errors.Is(err, ErrPrepared) {
					t.Fatalf("byte %d ^ %#x: %v, want ErrPrepared", i, x, err)
				}
				continue
			}
			for _, s := range d.Segments {
				if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End {
					t.Fatalf("byte %d ^ %#x: segment %d at %d:%d outside the text (%d bytes)", i, x, s.Index, s.Start, s.End, len(doc.Text))
				}
			}
		}
	}
}

// TestRetagCancelled: Retag gives up with the context's error.
func TestRetagCancelled(t *testing.T) {
	a := testAnalyzer(t)
	doc, err := ingest.Load("../testdata/corpus/tierp-handlingsplan-integration-2017.txt", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := AppendPrepared(nil, a.Analyze(doc))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Retag(ctx, doc, data, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// BenchmarkRetagGenerated: re-tagging a document from its prepared form
// (the store's row), per 200 documents of the generated corpus; the
// forms are made in the warm-up.
func BenchmarkRetagGenerated(b *testing.B) {
	ctx := context.Background()
	forms := map[*ingest.Document][]byte{}
	small := map[string]string{}
	benchCorpus(b, func(a *Analyzer, d *ingest.Document) {
		data, ok := forms[d]
		if !ok {
			res, err := a.AnalyzeContext(ctx, d)
			if err != nil {
				b.Fatal(err)
			}
			data = AppendPrepared(nil, res)
			forms[d] = data
		}
		res, err := a.Retag(ctx, d, data, small)
		if err != nil {
			b.Fatal(err)
		}
		a.recycleSegments(res)
	})
}
