package ingest

import (
	"math/rand/v2"
	"net/http"
	"testing"
)

// TestDetectContentTypeMatchesNetHTTP checks the copy in mimesniff.go
// against net/http's DetectContentType: on each signature's own bytes
// (the copy's table), alone, after white space, cut short and followed
// by random bytes, and on random data, so that the MIME type an error
// names for a binary file stays what it was.
func TestDetectContentTypeMatchesNetHTTP(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	var inputs [][]byte
	var prefixes [][]byte
	for _, sig := range sniffSignatures {
		switch s := sig.(type) {
		case *exactSig:
			prefixes = append(prefixes, s.sig)
		case *maskedSig:
			prefixes = append(prefixes, s.pat)
		case htmlSig:
			prefixes = append(prefixes, append([]byte(s), ' '), append([]byte(s), '>'), []byte(s))
		}
	}
	prefixes = append(prefixes, []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), []byte("\xEF\xBB\xBF<html>"), []byte("\xFE\xFF"), []byte("\xFF\xFE"))
	for _, p := range prefixes {
		inputs = append(inputs, p, append([]byte("  \t\n"), p...), p[:len(p)/2])
		for range 4 {
			inputs = append(inputs, append(append([]byte(nil), p...), random(rng.IntN(700))...))
		}
	}
	for range 2000 {
		inputs = append(inputs, random(rng.IntN(1100)))
	}
	inputs = append(inputs, nil, []byte{}, []byte("plain text"), []byte("text\x00with a NUL"))
	for _, in := range inputs {
		if got, want := detectContentType(in), http.DetectContentType(in); got != want {
			t.Errorf("detectContentType(%q) = %q, net/http says %q", in[:min(len(in), 40)], got, want)
		}
	}
}
