package analysis

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// refTrigramBits is AppendTextFilter's trigram loop before setTrigramBits.
func refTrigramBits(bits []byte, mask uint32, lower []byte) {
	for i := 0; i+3 <= len(lower); i++ {
		h := trigramHash(lower[i], lower[i+1], lower[i+2]) & mask
		bits[h>>3] |= 1 << (h & 7)
	}
}

// TestSetTrigramBits: setTrigramBits sets the bits of the loop it
// replaced, on the bundled corpus's texts lower-cased (at every size of
// bitmap AppendTextFilter makes) and on 20,000 random byte strings of
// every length up to 40, all 256 byte values, into bitmaps already
// holding bits.
func TestSetTrigramBits(t *testing.T) {
	var texts [][]byte
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, appendLowerRunes(nil, string(data)))
	}
	if len(texts) == 0 {
		t.Fatal("no bundled texts")
	}
	rng := rand.New(rand.NewPCG(35, 3))
	for range 20000 {
		b := make([]byte, rng.IntN(41))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		texts = append(texts, b)
	}
	set := 0
	for k, text := range texts {
		for size := minTextFilter; size <= maxTextFilter; size *= 2 {
			if k >= len(files) && size > minTextFilter {
				break // random strings: one size
			}
			want := make([]byte, size)
			want[rng.IntN(size)] = byte(rng.IntN(256)) // bits already set stay set
			got := bytes.Clone(want)
			refTrigramBits(want, uint32(size*8-1), text)
			setTrigramBits(got, uint32(size*8-1), text)
			if !bytes.Equal(got, want) {
				t.Fatalf("text %d (%d bytes), bitmap %d bytes: the bits differ", k, len(text), size)
			}
			for _, c := range want {
				if c != 0 {
					set++
				}
			}
		}
	}
	if set == 0 {
		t.Fatal("no bit set: the comparison tests nothing")
	}
}
