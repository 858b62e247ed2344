package corpus

import (
	"fmt"

	"github.com/klauspost/compress/s2"
)

// loadAnalysisPacked returns the stored analysis of content sha256 made
// with key k both as stored (S2-compressed, the spill's form:
// LoadPackedAnalysis) and uncompressed (LoadAnalysis), decompressed into
// plain when it is large enough. A batch run re-using an analysis spills
// the stored bytes as they are: compressing the decompressed analysis
// again for the spill cost as much as decompressing it (0.2 s of CPU on
// 2,000 documents) and gave the same analysis back. Decompressing is
// still needed, for the summary, and it checks the stored bytes as
// before.
func (s *Store) loadAnalysisPacked(sha256 string, k AnalysisKey, plain []byte) (packed, data []byte, err error) {
	if packed, err = s.LoadPackedAnalysis(sha256, k); err != nil {
		return nil, nil, err
	}
	n, err := s2.DecodedLen(packed)
	if err == nil {
		if n > cap(plain) {
			plain = make([]byte, n)
		}
		data, err = s2.Decode(plain[:cap(plain)], packed)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store %s: analysis of %s: %w", s.path, sha256, err)
	}
	return packed, data, nil
}
