package eval

import (
	"path/filepath"
	"strings"
)

// batch15m reports whether a text of testdata/realtexts is one of the
// m-texts of batch 15 (session 19: m888-m933, h-attribnamed21; labelled
// blind), added after the floors of heldOutFiguresBatch14 were set.
func batch15m(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "m") && base >= "m888" && base <= "m933"
}

// batch15Other reports whether a text of testdata/realtexts is one of
// batch 15's o-texts (session 19: o798-o843, h-attribnone21; labelled
// blind, document labels only), added after the floors of
// heldOutFiguresBatch14 and devThemeFiguresBatch14 were set.
func batch15Other(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	return strings.HasPrefix(base, "o") && base >= "o798" && base <= "o843"
}
