// Package analysis reads the clean text of one steering document and says
// what it covers: it segments Swedish text into sentences, headings, list
// items and table rows; tokenises and stems them; tags each segment with
// the themes of a codebook using compound-aware matching; grades each
// theme 0/1/2; and attributes the document to a municipality.
//
// Text flows through small steps, each with one job, the way bleve's
// analysis chain does: Segment (text -> []Sentence, with byte offsets and
// page numbers), Matcher.Tokenize (sentence -> []Token, with byte offsets
// and stems), Matcher.MatchTokens (tokens -> theme matches), and
// GradeRule (a theme's coverage -> its level 0/1/2, and the rule in
// words); a word of two senses (data/lists/context-terms.tsv:
// "etablering") is damped in a document that names no newcomers
// (targetgroup.go) before the coverage is built; a theme word in its
// other sense by the words beside it (data/lists/level-senses.tsv: "de
// boende", "Föreningen Sveriges Skogsindustrier"; level-senses-politics.tsv:
// "valteknisk samverkan", parties' pact; level-actor-heads.tsv: a
// theme word as the first part of an actor's compound, "samverkanspartierna";
// levelsense.go) and a
// theme named only as one item of a list of other things (levellist.go)
// are evidence that counts toward no level, or half;
// Analyzer.AnalyzeContext runs them over one ingest.Document and
// adds structure, metadata, modality, action rows and the municipality
// (MunicipalityAttributor). Offsets are into ingest.Document.Text
// throughout, so every ThemeHit can be shown in its sentence and on its
// page. Analyzer.Tag scores one free-standing segment; Analyzer.Explain
// says why a document got its level for a theme.
//
// The codebook (package codebook: its type, its embedded codebook.yaml
// and its formats) is data, not code: users replace it with --codebook.
// NewMatcher compiles it for tagging; ParseCodebook, LoadCodebook and
// DefaultCodebook (codebook.go) parse one and hash this package's word
// lists with it. Compound analysis is memoised per word form and
// bounded, so one odd word cannot stall a corpus run.
//
// The batch run over many files is corpus.Run, which imports this
// package; this package imports nothing of corpus. EncodeAnalysis and
// DecodeAnalysis (stored.go, with the format in codec.go) are the stored
// form of an analysis, from which later runs rebuild reports; Summary
// (summary.go) is what a run keeps of one in memory; Failure
// (failure.go) is a file that could not be analysed. The domain
// knowledge behind the rules is in docs/domain.md.
package analysis
