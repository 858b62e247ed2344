// Package analysis reads the clean text of one steering document and says
// what it covers: it segments Swedish text into sentences, headings, list
// items and table rows; tokenises and stems them; tags each segment with
// the themes of a codebook using compound-aware matching; grades each
// theme 0/1/2; and attributes the document to a municipality.
//
// Text flows through small steps, each with one job, the way bleve's
// analysis chain does: Segment (text -> []Sentence, with byte offsets and
// page numbers), Tokenize (sentence -> []Token, with byte offsets and
// stems), Tagger.Tag (tokens -> theme matches), Grade (matches and
// structure -> levels). Offsets are into ingest.Document.Text throughout,
// so every ThemeHit can be shown in its sentence and on its page.
//
// The codebook (codebook.yaml, embedded) is data, not code: users replace
// it with --codebook. Compound analysis is memoised per word form and
// bounded, so one odd word cannot stall a corpus run.
//
// Run (batch.go) analyses many files in parallel against the store in
// package corpus; EncodeAnalysis and DecodeAnalysis (codec.go) are the
// stored form of an analysis, from which later runs rebuild reports.
package analysis
