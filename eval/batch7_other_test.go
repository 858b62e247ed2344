package eval

import (
	"path/filepath"
	"strings"
)

// batch7Other reports whether a text of testdata/realtexts is one of the
// o-texts of batch 7 (session 11, h-attribnone13: o375-o439, labelled
// blind, document labels only), added after the floors of
// devThemeFiguresGrown and heldOutFiguresGrown were set: those floors
// keep holding on the texts they were measured on.
func batch7Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o375" && base <= "o439"
}

// either reports whether a text is in any of the batches given.
func either(batches ...func(string) bool) func(string) bool {
	return func(name string) bool {
		for _, b := range batches {
			if b(name) {
				return true
			}
		}
		return false
	}
}
