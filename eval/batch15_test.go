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

// devThemeFiguresBatch15o are the floors of the whole dev part as grown by
// batch 15's o-texts (session 19: 34 dev texts, document labels only; the
// round's attribution rule moves no level): its party, association and
// news pages add level claims a reader does not make, so level>=1 P falls
// from 0.8105 (devThemeFiguresSession18, which keeps holding on the part
// before the batch) to 0.8075. Batch 15's m-texts (another helper's) are
// not in the part these were measured on.
var devThemeFiguresBatch15o = map[string]float64{
	"claims P": 0.789, "claims R": 0.915, // 0.7894, 0.9153 (batch 15 has no sentence labels)
	"level>=1 P": 0.807, "level>=1 R": 0.710, // 0.8075, 0.7105
	"sentences P": 0.760, "sentences R": 0.708, // 0.7610, 0.7083 (rounded down)
}
